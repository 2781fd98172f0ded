@testable import StrategyCore
import Testing

/// Council records held exactly as the sources say: a result that is not stated is unknown, a vote that is only
/// partly reported stays partial, and versions follow each other in time.
@Suite("Faithful records", .timeLimit(.minutes(1)))
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
            number: "KT-9", body: id("kreistag"), date: CalendarDate("2025-03-01")!, subject: "Bildungskonzept", result: .unknown)))
        let refusal = f.refusal(.adopt(label: "Fassung 2025", resolution: "KT-9", effectiveDate: CalendarDate("2025-04-01")!))
        #expect(refusal == .resolutionDoesNotCarry(number: "KT-9", result: .unknown))
        #expect(refusal?.description.contains("not known") == true)
        try f.run(.recordResolution(ResolutionRecorded(
            number: "KT-10", body: id("kreistag"), date: CalendarDate("2025-03-01")!, subject: "Bildungskonzept", result: .pending)))
        #expect(f.refusal(.adopt(label: "Fassung 2025", resolution: "KT-10", effectiveDate: CalendarDate("2025-04-01")!))
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
                number: "KT-U", body: id("kreistag"), date: CalendarDate("2025-03-01")!, subject: "S", result: .adopted,
                votes: Votes(no: 2, unanimous: true))))
        }
    }

    @Test("a version cannot take effect, or be decided, before the version it follows")
    func versionChronology() throws {
        var f = try Fixture()
        try f.run(.adopt(label: "Fassung 2025", resolution: "KT-1", effectiveDate: CalendarDate("2025-03-01")!))
        try f.run(.reviseGoal(GoalRevised(goal: id("ziel-1"), statement: "Mehr Teilhabe für alle.")), f.withReason)
        try f.run(.recordResolution(ResolutionRecorded(
            number: "KT-2009", body: id("kreistag"), date: CalendarDate("2009-05-01")!, subject: "Altfassung", result: .adopted)))
        let early = f.refusal(.adopt(label: "Fassung 2009", resolution: "KT-2009", effectiveDate: CalendarDate("2009-06-01")!))
        #expect(early?.description.contains("before version 'Fassung 2025'") == true, "\(String(describing: early))")
        // A later effective date does not help when the resolution itself is older than the last one.
        let older = f.refusal(.adopt(label: "Fassung 2009", resolution: "KT-2009", effectiveDate: CalendarDate("2026-01-01")!))
        #expect(older?.description.contains("before resolution KT-1") == true, "\(String(describing: older))")
    }
}
