import Foundation
@testable import StrategyCore
import Testing

/// A plan recorded after the fact, as the sources state it: dates known only in part, a council paper that passes
/// several bodies, and the plan's own order of fields, goals and measures.
@Suite("Recorded history", .timeLimit(.minutes(2)))
struct RecordedHistoryTests {
    let id = Fixture.id
    let context = EventContext(actor: "p-1", role: "Bildungsbüro", reason: "Nacherfassung", effectiveDate: CalendarDate("2026-11-29"))

    func importing(_ text: String, into state: PlanState = .empty) throws -> (events: [PlanEvent], state: PlanState) {
        try Reconciler.reconcile(try PlanFile.parse(Array(text.utf8), file: "kreis.yaml"), state: state, context: context)
    }

    func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(partial: text), "'\(text)'") }

    // MARK: Partial dates

    @Test("a date keeps its precision: parsed from canonical and German forms, written back and rendered as it was stated")
    func partialDates() throws {
        let cases: [(written: String, canonical: String, german: String, first: String?, last: String)] = [
            ("2010-11-30", "2010-11-30", "2010-11-30", "2010-11-30", "2010-11-30"),
            ("2010-11", "2010-11", "November 2010", "2010-11-01", "2010-11-30"),
            ("November 2010", "2010-11", "November 2010", "2010-11-01", "2010-11-30"),
            ("Nov. 2010", "2010-11", "November 2010", "2010-11-01", "2010-11-30"),
            ("11/2010", "2010-11", "November 2010", "2010-11-01", "2010-11-30"),
            ("2010", "2010", "2010", "2010-01-01", "2010-12-31"),
            ("Frühjahr 2017", "2017-spring", "Frühjahr 2017", "2017-03-01", "2017-05-31"),
            ("2017-autumn", "2017-autumn", "Herbst 2017", "2017-09-01", "2017-11-30"),
            ("Winter 2017/18", "2017-winter", "Winter 2017/18", "2017-12-01", "2018-02-28"),
            ("vor 2018", "before 2018", "vor 2018", nil, "2017-12-31"),
            ("before 2019-10", "before 2019-10", "vor Oktober 2019", nil, "2019-09-30"),
        ]
        for item in cases {
            let parsed = try date(item.written)
            #expect(parsed.description == item.canonical, "\(item.written)")
            #expect(parsed.germanText == item.german, "\(item.written)")
            #expect(parsed.firstDay?.description == item.first, "\(item.written)")
            #expect(parsed.lastDay.description == item.last, "\(item.written)")
            #expect(CalendarDate(canonical: item.canonical) == parsed, "\(item.canonical) reads back")
            #expect(parsed.isExactDay == (item.canonical.count == 10), "\(item.written)")
            // The snapshot encoding keeps the precision too.
            var writer = BinaryWriter()
            writer.date(parsed)
            let decoded = try writer.bytes.withUnsafeBytes { buffer in
                var reader = BinaryReader(buffer)
                return try reader.date("date")
            }
            #expect(decoded == parsed, "\(item.written) survives the binary codec")
        }
        // A day keeps the binary layout it had before dates carried a precision.
        var day = BinaryWriter()
        day.date(try date("2024-03-21"))
        #expect(day.bytes.suffix(2) == [3, 21])
        // Not dates: a day that does not exist, a German day, words without a year, a day only as query.
        for text in ["2025-02-30", "18.04.2024", "Frühjahr", "Ende 2012", "2010-13", "vor vor 2018", "2017-fall"] {
            #expect(CalendarDate(partial: text) == nil, "'\(text)' is not a date")
        }
        let month = "2010-11"  // a String value: a literal argument would be a date literal (SE-0213), not a parse
        #expect(CalendarDate(month) == nil, "where a day is needed, a month is refused")
    }

    @Test("partial dates sort by their first day, then by precision, and are compared by what is certain")
    func orderingAndCertainty() throws {
        let dates = try ["2011", "2010-11-30", "before 2010-11", "2010-11", "2010", "2010-spring", "2010-11-01"].map(date)
        #expect(dates.sorted().map(\.description) == ["2010", "2010-spring", "before 2010-11", "2010-11-01", "2010-11", "2010-11-30", "2011"])
        #expect(try date("2010").isCertainlyBefore(try date("2011-01-01")))
        #expect(try !date("2010").isCertainlyBefore(try date("2010-06-01")), "overlapping periods are not ordered")
        #expect(try !date("2010-06-01").isCertainlyBefore(try date("2010")))
        #expect(try date("2010-11").mayCoincide(with: try date("2010-11-30")))
        #expect(try !date("2010-11").mayCoincide(with: try date("2010-12-01")))
        #expect(try date("before 2018").isCertainlyBefore(try date("2018-01-01")))
        #expect(try !date("2017-06-01").isCertainlyBefore(try date("before 2018")), "nothing is certainly before an open start")
    }

    static let partialPlan = """
        plan: kreis
        title: Bildungskonzept (nacherfasst)
        county: Landkreis Beispiel
        bodies:
          - id: kreistag
            name: Kreistag
            kind: council
            mandate: [adopt_plan]
          - id: projektgruppe
            name: Projektgruppe Bildungsbüro
            kind: other
            dissolved: "2021"
        fields:
          - id: hf-a
            title: Übergänge
        measures:
          - id: m-buero
            title: Bildungsbüro aufbauen
            field: hf-a
            planned_start: before 2019-10
            planned_end: "2020"
            milestones:
              - id: ms-start
                title: Bildungsbüro arbeitet
                due: Oktober 2019
        participation:
          - id: konferenz
            kind: bildungskonferenz
            title: Erste Bildungskonferenz
            date: Herbst 2020
        resolutions:
          - number: KT/041/2019
            subject: Einrichtung eines Bildungsbüros
            body: kreistag
            date: before 2019-10
        """

    @Test("a file's partial dates are recorded as stated, never padded into a day, and written back alike")
    func partialDatesInFiles() throws {
        let imported = try importing(Self.partialPlan)
        let state = imported.state
        let measure = try #require(state.measures[id("m-buero")])
        #expect(measure.plannedStart?.description == "before 2019-10")
        #expect(measure.plannedEnd?.description == "2020")
        #expect(measure.milestones.first?.due.description == "2019-10")
        #expect(state.participation[id("konferenz")]?.date.description == "2020-autumn")
        #expect(state.bodies[id("projektgruppe")]?.dissolvedOn?.description == "2021")
        let paper = try #require(state.resolutions["KT/041/2019"])
        #expect(paper.date.description == "before 2019-10")
        #expect(paper.result == .unknown, "a result left out is unknown")
        // The events hold the dates as stated: no "-01" anywhere.
        let payloads = imported.events.map { String(decoding: EventCodec.canonicalJSON(of: PlanEventEnvelope($0, context: context)), as: UTF8.self) }
        let joined = payloads.joined(separator: "\n")
        for stated in ["\"before 2019-10\"", "\"2020\"", "\"2019-10\"", "\"2020-autumn\"", "\"2021\""] {
            #expect(joined.contains(stated), "\(stated) in the events")
        }
        #expect(!joined.contains("2019-10-01") && !joined.contains("2020-01-01") && !joined.contains("2020-09-01"), "no padded day")
        // Written back as stated; importing the export records nothing, into an empty store gives the same plan.
        let written = PlanFileWriter.yaml(state)
        for stated in ["planned_start: before 2019-10", "planned_end: 2020", "due: 2019-10", "date: 2020-autumn", "dissolved: 2021"] {
            #expect(written.contains(stated), "\(stated) in\n\(written)")
        }
        #expect(try importing(written, into: state).events.isEmpty)
        #expect(try importing(written).state.contentHash == state.contentHash)
        // An end that is certainly before the start is refused; one that may overlap is not.
        #expect(throws: PlanFileError.self) {
            try importing(Self.partialPlan.replacingOccurrences(of: "planned_end: \"2020\"", with: "planned_end: \"2018\"")
                .replacingOccurrences(of: "planned_start: before 2019-10", with: "planned_start: 2019-10"))
        }
        // Before an open start nothing is certain: "2018" may well follow "before 2019-10".
        _ = try importing(Self.partialPlan.replacingOccurrences(of: "planned_end: \"2020\"", with: "planned_end: \"2018\""))
        _ = try importing(Self.partialPlan.replacingOccurrences(of: "planned_end: \"2020\"", with: "planned_end: 2019-09-15"))
    }

    // MARK: One paper, several deliberations

    static let deliberatedPlan = """
        plan: kreis
        title: Bildungskonzept
        county: Landkreis Beispiel
        draft: Bildungskonzept 2021
        bodies:
          - id: kreistag
            name: Kreistag
            kind: council
            mandate: [adopt_plan]
          - id: schulausschuss
            name: Schulausschuss
            kind: committee
            mandate: [advise]
        fields:
          - id: hf-a
            title: Übergänge
        resolutions:
          - number: KT/012/2021
            subject: Handlungsfelder der Bildungsregion
            deliberations:
              - body: schulausschuss
                date: 2021-02-23
                kind: recommendation
                result: adopted
                votes: {no: 6, abstain: 1}
              - body: kreistag
                date: 2021-03
                kind: decision
                result: referred_back
              - body: kreistag
                date: 2021-06-17
                kind: decision
                result: adopted
                votes: {unanimous: true}
        """

    @Test("one paper with a recommendation, a referral back and a decision: every deliberation kept, the decision governs")
    func severalDeliberations() throws {
        let imported = try importing(Self.deliberatedPlan)
        #expect(imported.events.map(\.typeName).filter { $0.hasPrefix("resolution.") }
            == ["resolution.recorded", "resolution.deliberated", "resolution.deliberated"])
        let paper = try #require(imported.state.resolutions["KT/012/2021"])
        #expect(paper.deliberations.count == 3)
        #expect(paper.deliberations[0].votes == Votes(no: 6, abstain: 1), "yes was not reported and stays unreported")
        #expect(paper.deliberations[0].kind == .recommendation)
        #expect(paper.body == id("kreistag") && paper.date.description == "2021-06-17" && paper.result == .adopted)
        // The paper adopts a version by its decision; the adoption's date may not precede the decision.
        var adopted = imported.state
        for event in try Plan.decide(.adopt(label: nil, resolution: "KT/012/2021", effectiveDate: try date("2021-07-01")), context: context, state: adopted) {
            adopted = Plan.evolve(adopted, event)
        }
        #expect(adopted.currentVersion?.body == id("kreistag"))
        // Written back with its deliberations; the export imports into an empty store as the same paper.
        let written = PlanFileWriter.yaml(imported.state)
        #expect(written.contains("deliberations:"), "\(written)")
        let again = try importing(written)
        #expect(again.state.resolutions == imported.state.resolutions)
        #expect(try importing(written, into: imported.state).events.isEmpty)
    }

    @Test("a recommendation alone is no decision: it cannot adopt, and the paper's result is unknown until a decision is recorded")
    func recommendationDoesNotCarry() throws {
        let committeeOnly = Self.deliberatedPlan.components(separatedBy: "      - body: kreistag\n")[0]
        let imported = try importing(committeeOnly)
        let paper = try #require(imported.state.resolutions["KT/012/2021"])
        #expect(paper.decision == nil && paper.result == .unknown)
        #expect(throws: DomainError.self) {
            try Plan.decide(.adopt(label: nil, resolution: "KT/012/2021", effectiveDate: try date("2021-07-01")), context: context, state: imported.state)
        }
        // The council's decision comes later, recorded as the paper's next deliberation — not refused as "other content".
        let decision = ResolutionRecorded(
            number: "KT/012/2021", body: id("kreistag"), date: try date("2021-06-17"), subject: "Handlungsfelder der Bildungsregion",
            result: .adopted, kind: .decision)
        let events = try Plan.decide(.recordResolution(decision), context: context, state: imported.state)
        #expect(events.map(\.typeName) == ["resolution.deliberated"])
        var state = imported.state
        for event in events { state = Plan.evolve(state, event) }
        #expect(state.resolutions["KT/012/2021"]?.result == .adopted)
        #expect(try Plan.decide(.recordResolution(decision), context: context, state: state).isEmpty, "the same deliberation again is no news")
        // Another result for the same body and date is a correction, not a second record.
        var other = decision
        other.result = .rejected
        #expect(throws: DomainError.self) { try Plan.decide(.recordResolution(other), context: context, state: state) }
        // A correction names the deliberation: the second one's result.
        let corrected = try Plan.decide(
            .correctResolution(number: "KT/012/2021", deliberation: 1, facts: ResolutionFacts(result: .adoptedWithChanges), reason: "Niederschrift"),
            context: context, state: state)
        guard case let .resolutionCorrected(correction)? = corrected.first else {
            Issue.record("expected a correction, got \(corrected.map(\.typeName))")
            return
        }
        #expect(correction.deliberation == 1 && correction.previous.result == .adopted)
        state = Plan.evolve(state, .resolutionCorrected(correction))
        #expect(state.resolutions["KT/012/2021"]?.deliberations.map(\.result) == [.adopted, .adoptedWithChanges])
        #expect(throws: DomainError.self) {
            try Plan.decide(.correctResolution(number: "KT/012/2021", deliberation: 5, facts: ResolutionFacts(result: .noted), reason: "x"),
                            context: context, state: state)
        }
    }

    @Test("a file that states a recorded deliberation otherwise is refused with the record and the correction to make")
    func differingDeliberation() throws {
        let imported = try importing(Self.deliberatedPlan)
        let changed = Self.deliberatedPlan.replacingOccurrences(of: "result: referred_back", with: "result: postponed")
        do {
            _ = try importing(changed, into: imported.state)
            Issue.record("a differing deliberation was accepted")
        } catch let error as PlanFileError {
            let text = "\(error)"
            #expect(text.contains("kreis.yaml:29:17: resolutions[0].deliberations[1].result: "), "\(text)")
            #expect(text.contains("resolution KT/012/2021 (deliberation 2) is recorded with result referred_back, the file says postponed"), "\(text)")
            #expect(text.contains("strategyctl resolution correct KT/012/2021 --deliberation 2 --result postponed"), "\(text)")
        }
        // A file that lists the body's flat fields and deliberations at once is refused at the flat field.
        let mixed = Self.deliberatedPlan.replacingOccurrences(of: "    subject: Handlungsfelder der Bildungsregion\n",
                                                               with: "    subject: Handlungsfelder der Bildungsregion\n    body: kreistag\n")
        #expect(throws: PlanFileError.self) { try importing(mixed) }
    }

    @Test("records of the earlier format read as one deliberation of no stated kind, which decides")
    func earlierRecords() throws {
        let golden = Array(try Data(contentsOf: CodecTests.goldenDirectory.appendingPathComponent("resolution.recorded.v1.json")).dropLast())
        guard case let .resolutionRecorded(recorded) = try EventCodec.decode(
            type: "resolution.recorded", schemaVersion: 1, encoding: "canonical-json/1", payload: golden).event else {
            Issue.record("not a resolution.recorded")
            return
        }
        #expect(recorded.kind == nil)
        let encoded = EventCodec.encode(PlanEventEnvelope(.resolutionRecorded(recorded), context: EventSamples.context), as: .canonicalJSON).payload
        #expect(encoded == golden, "a record of before encodes to the same bytes")
        let paper = Resolution(number: recorded.number, subject: recorded.subject, deliberations: [recorded.deliberation])
        #expect(paper.decision == recorded.deliberation && paper.result == .adoptedWithChanges)
        // The JSON of a paper keeps its summary and reads back; a paper in the JSON of before (flat) reads too.
        let json = try JSONEncoder().encode(paper)
        #expect(try JSONDecoder().decode(Resolution.self, from: json) == paper)
        let flat = #"{"number":"1","subject":"s","body":"kreistag","date":"2019-06-20","result":"noted"}"#
        #expect(try JSONDecoder().decode(Resolution.self, from: Data(flat.utf8)).result == .noted)
    }

    // MARK: The plan's own order

    static let orderedPlan = """
        plan: kreis
        title: Bildungskonzept
        county: Landkreis Beispiel
        fields:
          - id: hf-z
            code: "2"
            title: Zuerst genannt
            goals:
              - id: ziel-z2
                level: strategic
                statement: Das zweite Ziel steht vorn.
              - id: ziel-z1
                level: strategic
                statement: Das erste Ziel steht hinten.
          - id: hf-a
            code: "1"
            title: Danach genannt
        measures:
          - id: m-zwei
            title: Zweite Maßnahme zuerst
            field: hf-z
          - id: m-eins
            title: Erste Maßnahme danach
            field: hf-a
        """

    @Test("fields, goals and measures keep the file's order; a later reorder is recorded as one, the same order is no news")
    func planOrder() throws {
        let imported = try importing(Self.orderedPlan)
        let state = imported.state
        #expect(state.fieldsInOrder.map(\.id.rawValue) == ["hf-z", "hf-a"], "the plan's order, not the codes'")
        #expect(state.goals(inField: id("hf-z"), parent: nil).map(\.id.rawValue) == ["ziel-z2", "ziel-z1"])
        #expect(state.measuresInOrder.map(\.id.rawValue) == ["m-zwei", "m-eins"])
        #expect(imported.events.filter { $0.typeName == "plan.reordered" }.count == 1)
        // Written back in that order, and the export is no news.
        let written = PlanFileWriter.yaml(state)
        let positions = ["id: hf-z", "id: hf-a", "id: ziel-z2", "id: ziel-z1", "id: m-zwei", "id: m-eins"].map { written.range(of: $0)?.lowerBound }
        #expect(positions[0]! < positions[1]! && positions[2]! < positions[3]! && positions[4]! < positions[5]!)
        #expect(try importing(written, into: state).events.isEmpty)
        #expect(try importing(written).state.contentHash == state.contentHash)
        // A revision that swaps the measures records the new order, which changes the content the next version seals.
        let swapped = Self.orderedPlan.replacingOccurrences(
            of: "  - id: m-zwei\n    title: Zweite Maßnahme zuerst\n    field: hf-z\n  - id: m-eins\n    title: Erste Maßnahme danach\n    field: hf-a",
            with: "  - id: m-eins\n    title: Erste Maßnahme danach\n    field: hf-a\n  - id: m-zwei\n    title: Zweite Maßnahme zuerst\n    field: hf-z")
        let revised = try importing(swapped, into: state)
        guard case let .planReordered(order)? = revised.events.last, revised.events.count == 1 else {
            Issue.record("expected one plan.reordered, got \(revised.events.map(\.typeName))")
            return
        }
        #expect(order.measures == [id("m-eins"), id("m-zwei")] && order.fields == nil && order.goals == nil)
        #expect(revised.state.contentHash != state.contentHash)
        // A plan file in the order codes and ids give records no order at all (every older example imports so).
        let plain = try importing(Self.orderedPlan
            .replacingOccurrences(of: "code: \"2\"", with: "code: \"0\"")
            .replacingOccurrences(of: "id: ziel-z2", with: "id: ziel-z0")
            .replacingOccurrences(of: "id: m-zwei", with: "id: m-a-zuerst"))
        #expect(!plain.events.contains { $0.typeName == "plan.reordered" }, "\(plain.events.map(\.typeName))")
        // An order that names what the plan does not hold is refused.
        #expect(throws: DomainError.self) {
            try Plan.decide(.reorder(PlanReordered(measures: [id("m-eins"), id("hf-a")])), context: context, state: state)
        }
        #expect(throws: DomainError.self) {
            try Plan.decide(.reorder(PlanReordered(measures: [id("m-eins"), id("m-eins")])), context: context, state: state)
        }
    }
}
