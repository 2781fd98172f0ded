import Foundation
@testable import StrategyCore
import Testing

/// Council records held exactly as the sources say: a result that is not stated is unknown, a vote that is only
/// partly reported stays partial, and versions follow each other in time.
@Suite("Faithful records", .timeLimit(.minutes(3)))
struct FaithfulRecordTests {
    let id = Fixture.id

    func file(_ resolutions: String) -> String {
        """
        plan: kreis
        title: Bildungskonzept
        county: Landkreis Beispiel
        bodies:
          - id: kreistag
            name: Kreistag
            kind: council
            mandate: [adopt_plan]
        resolutions:
        \(resolutions)
        """
    }

    @Test("a resolution whose result the sources do not state is unknown, and cannot adopt a version")
    func unknownResult() throws {
        let document = try PlanFile.parse(Array(file("""
              - number: "093/2012"
                body: kreistag
                date: 2012-11-29
                subject: Fortschreibung des Bildungskonzepts
            """).utf8), file: "kreis.yaml")
        #expect(document.resolutions.first?.result == .unknown)
        var f = try Fixture()
        try f.run(.recordResolution(ResolutionRecorded(
            number: "KT-9", body: id("kreistag"), date: CalendarDate("2025-03-01"), subject: "Bildungskonzept", result: .unknown)))
        let refusal = f.refusal(.adopt(label: "Fassung 2025", resolution: "KT-9", effectiveDate: CalendarDate("2025-04-01")))
        #expect(refusal == .resolutionDoesNotCarry(number: "KT-9", result: .unknown))
        #expect(refusal?.description.contains("not known") == true)
        try f.run(.recordResolution(ResolutionRecorded(
            number: "KT-10", body: id("kreistag"), date: CalendarDate("2025-03-01"), subject: "Bildungskonzept", result: .pending)))
        #expect(f.refusal(.adopt(label: "Fassung 2025", resolution: "KT-10", effectiveDate: CalendarDate("2025-04-01")))
                == .resolutionDoesNotCarry(number: "KT-10", result: .pending))
    }

    @Test("results as minutes state them: withdrawn, presented, commissioned, pending, unknown — none of them carries")
    func results() {
        for result in ResolutionResult.allCases {
            #expect(result.carries == (result == .adopted || result == .adoptedWithChanges), "\(result)")
        }
        #expect(Set(["withdrawn", "presented", "commissioned", "pending", "unknown"]).isSubset(of: Set(ResolutionResult.allCases.map(\.rawValue))))
    }

    @Test("votes as councils report them: only no and abstain, unanimous, or words; never a padded 0")
    func partialVotes() throws {
        let document = try PlanFile.parse(Array(file("""
              - number: "022/2013"
                body: kreistag
                date: 2013-03-14
                subject: Bildungsbüro
                result: adopted
                votes:
                  no: 6
                  abstain: 1
              - number: "KT/012/2021"
                body: kreistag
                date: 2021-06-10
                subject: Masterplan
                result: adopted_with_changes
                votes:
                  unanimous: true
              - number: "BV/0123/2019"
                body: kreistag
                date: 2019-05-02
                subject: Bildungsregion
                result: adopted
                votes:
                  note: mit großer Mehrheit
            """).utf8), file: "kreis.yaml")
        let votes = document.resolutions.map(\.votes)
        #expect(votes[0] == Votes(no: 6, abstain: 1))
        #expect(votes[0]?.yes == nil)
        #expect(votes[0]?.summary == "6 Nein, 1 Enthaltung")
        #expect(votes[1] == Votes(unanimous: true))
        #expect(votes[2] == Votes(note: "mit großer Mehrheit"))
        // Written back, the file says the same and no more.
        let state = Plan.replay(try Reconciler.reconcile(document, state: .empty, context: Fixture().context).events)
        let written = PlanFileWriter.yaml(state)
        #expect(!written.contains("yes:"))
        let reread = try PlanFile.parse(Array(written.utf8), file: "back.yaml")
        let byNumber = Dictionary(uniqueKeysWithValues: document.resolutions.map { ($0.number, $0.votes) })
        #expect(Dictionary(uniqueKeysWithValues: reread.resolutions.map { ($0.number, $0.votes) }) == byNumber)
        // A votes block that reports nothing is a mistake in the file.
        #expect(throws: PlanFileError.self) {
            try PlanFile.parse(Array(file("""
                  - number: "1"
                    body: kreistag
                    date: 2013-03-14
                    subject: S
                    votes: {}
                """).utf8), file: "kreis.yaml")
        }
        // Unanimous with votes against contradicts itself.
        var f = try Fixture()
        #expect(throws: DomainError.self) {
            try f.run(.recordResolution(ResolutionRecorded(
                number: "KT-U", body: id("kreistag"), date: CalendarDate("2025-03-01"), subject: "S", result: .adopted,
                votes: Votes(no: 2, unanimous: true))))
        }
    }

    @Test("a version cannot take effect, or be decided, before the version it follows")
    func versionChronology() throws {
        var f = try Fixture()
        try f.run(.adopt(label: "Fassung 2025", resolution: "KT-1", effectiveDate: CalendarDate("2025-03-01")))
        try f.run(.reviseGoal(GoalRevised(goal: id("ziel-1"), statement: "Mehr Teilhabe für alle.")), f.withReason)
        try f.run(.recordResolution(ResolutionRecorded(
            number: "KT-2009", body: id("kreistag"), date: CalendarDate("2009-05-01"), subject: "Altfassung", result: .adopted)))
        let early = f.refusal(.adopt(label: "Fassung 2009", resolution: "KT-2009", effectiveDate: CalendarDate("2009-06-01")))
        #expect(early?.description.contains("before version 'Fassung 2025'") == true, "\(String(describing: early))")
        // A later effective date does not help when the resolution itself is older than the last one.
        let older = f.refusal(.adopt(label: "Fassung 2009", resolution: "KT-2009", effectiveDate: CalendarDate("2026-01-01")))
        #expect(older?.description.contains("before resolution KT-1") == true, "\(String(describing: older))")
    }

    @Test("what a plan does not say stays unknown: horizon, level names, participants, when a measure started")
    func unknownsStayUnknown() throws {
        let text = """
            plan: kreis
            title: Bildungskonzept
            county: Landkreis Beispiel
            fields:
              - id: hf-a
                code: a
                title: Übergänge
                commitment: Wir gestalten Übergänge.
                goals:
                  - id: ziel-1
                    statement: Niemand geht verloren.
            measures:
              - id: m-1
                title: Übergangsmanagement
                lead: Bildungsbüro
                goals: [ziel-1]
                status: completed
              - id: m-2
                title: Bildungsportal
                lead: Bildungsbüro
            participation:
              - id: bk-2016
                kind: bildungskonferenz
                title: Bildungskonferenz 2016
                date: 2016-11-10
            """
        let document = try PlanFile.parse(Array(text.utf8), file: "kreis.yaml")
        #expect(document.levels == LevelNames())
        #expect(document.measures.first?.horizon == nil)
        #expect(document.participation.first?.participants == nil)
        let context = EventContext(actor: "p-1", effectiveDate: CalendarDate("2026-11-29"))
        let events = try Reconciler.reconcile(document, state: .empty, context: context).events
        let state = Plan.replay(events)
        let measure = try #require(state.measures[id("m-1")])
        #expect(measure.status == .completed)
        // The import date is not the day the measure started or ended: the file does not say.
        #expect(measure.actualStart == nil && measure.actualEnd == nil)
        #expect(measure.horizon == nil)
        #expect(state.levels.name(of: .strategic) == nil)
        // Written back: nothing invented appears, and importing it again records nothing.
        let written = PlanFileWriter.yaml(state)
        #expect(!written.contains("horizon:") && !written.contains("levels:") && !written.contains("participants:"))
        let again = try Reconciler.reconcile(try PlanFile.parse(Array(written.utf8), file: "back.yaml"), state: state, context: context)
        #expect(again.events.isEmpty)
        // A horizon recorded earlier can be taken back to "not known" by the file.
        var revised = document
        revised.measures[1].horizon = .long
        let withHorizon = Plan.replay(try Reconciler.reconcile(revised, state: state, context: context).events, from: state)
        #expect(withHorizon.measures[id("m-2")]?.horizon == .long)
        let cleared = Plan.replay(try Reconciler.reconcile(document, state: withHorizon, context: context).events, from: withHorizon)
        #expect(cleared.measures[id("m-2")]?.horizon == nil)
    }

    @Test("stored measure.revised and participation.revised of schema 1 are upcast to clearable values")
    func upcastClearables() throws {
        let fixtures = repositoryRoot.appendingPathComponent("Tests/StrategyCoreTests/Fixtures")
        let measure = try [UInt8](Data(contentsOf: fixtures.appendingPathComponent("measure.revised.v1.json"))).dropLast()
        guard case let .measureRevised(revised) = try EventCodec.decode(
            type: "measure.revised", schemaVersion: 1, encoding: "canonical-json/1", payload: Array(measure)).event else {
            Issue.record("not a measure.revised")
            return
        }
        #expect(revised.horizon == .set(.long))
        let participation = try [UInt8](Data(contentsOf: fixtures.appendingPathComponent("participation.revised.v1.json"))).dropLast()
        guard case let .participationRevised(format) = try EventCodec.decode(
            type: "participation.revised", schemaVersion: 1, encoding: "canonical-json/1", payload: Array(participation)).event else {
            Issue.record("not a participation.revised")
            return
        }
        #expect(format.participants == .set(45))
    }

    @Test("paper numbers inside texts are not phone numbers; real phone numbers still are")
    func paperNumbersInText() throws {
        for text in ["Vorlage 093/2012", "(Vorlage 093/2012).", "gemäß KT/012/2021 und BV/0123/2019", "Beschluss 022/2013, Raum 2.14"] {
            #expect(PersonalData.detect(in: text) == nil, "\(text)")
        }
        for text in ["Tel. 04141 12345", "(04141) 123456", "+49 4141 12345"] {
            #expect(PersonalData.detect(in: text) == "a phone number", "\(text)")
        }
    }
}
