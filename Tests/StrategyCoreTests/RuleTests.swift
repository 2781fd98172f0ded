import Foundation
@testable import StrategyCore
import Testing

/// A small plan to test rules on: a council with the mandate, a steering group without, one field with a goal,
/// an indicator and a measure.
struct Fixture {
    static func id(_ text: String) -> Identifier { try! Identifier(text) }

    var state = PlanState.empty
    let context = EventContext(actor: "p-0001", role: "Bildungsbüro", effectiveDate: CalendarDate("2025-01-15"))

    init() throws {
        try run(.createPlan(PlanCreated(plan: Self.id("kreis"), title: "Bildungskonzept", county: "Landkreis Beispiel")))
        try run(.establishBody(BodyEstablished(body: Self.id("kreistag"), name: "Kreistag", kind: .council, mandate: [.adoptPlan, .adoptGoals])))
        try run(.establishBody(BodyEstablished(body: Self.id("steuerung"), name: "Steuerungsgruppe", kind: .steeringGroup, mandate: [.advise])))
        try run(.defineIndicator(IndicatorDefined(indicator: Self.id("kz-1"), code: "K1", name: "Quote", unit: "Prozent", polarity: .higherIsBetter, source: "Statistik")))
        try run(.proposeField(FieldProposed(field: Self.id("hf-a"), code: "a", title: "Lernen", commitment: "Wir fördern Lernen.")))
        try run(.formulateGoal(GoalFormulated(goal: Self.id("ziel-1"), field: Self.id("hf-a"), level: .strategic, statement: "Mehr Teilhabe.")))
        try run(.planMeasure(MeasurePlanned(measure: Self.id("m-1"), title: "Portal", lead: "Bildungsbüro", goals: [Self.id("ziel-1")])))
        try run(.recordResolution(ResolutionRecorded(number: "KT-1", body: Self.id("kreistag"), date: CalendarDate("2025-02-01"), subject: "Beschluss", result: .adopted)))
        try run(.recordResolution(ResolutionRecorded(number: "SG-1", body: Self.id("steuerung"), date: CalendarDate("2025-02-01"), subject: "Empfehlung", result: .adopted)))
        try run(.recordResolution(ResolutionRecorded(number: "KT-0", body: Self.id("kreistag"), date: CalendarDate("2025-01-01"), subject: "Vertagt", result: .postponed)))
    }

    @discardableResult
    mutating func run(_ command: PlanCommand, _ context: EventContext? = nil) throws(DomainError) -> [PlanEvent] {
        let events = try Plan.decide(command, context: context ?? self.context, state: state)
        state = Plan.replay(events, from: state)
        return events
    }

    func refusal(_ command: PlanCommand, _ context: EventContext? = nil) -> DomainError? {
        do {
            _ = try Plan.decide(command, context: context ?? self.context, state: state)
            return nil
        } catch {
            return error
        }
    }

    var withReason: EventContext { var c = context; c.reason = "Fortschreibung"; return c }
}

@Suite("Rules", .timeLimit(.minutes(5)))
struct RuleTests {
    let id = Fixture.id

    @Test("unknown and duplicate ids are refused, naming the entity")
    func ids() throws {
        let f = try Fixture()
        #expect(f.refusal(.proposeField(FieldProposed(field: id("ziel-1"), code: "b", title: "X", commitment: "Y")))
                == .duplicateID(id("ziel-1"), existing: .goal))
        #expect(f.refusal(.formulateGoal(GoalFormulated(goal: id("ziel-2"), field: id("hf-x"), level: .strategic, statement: "S")))
                == .unknownEntity(kind: .field, id: "hf-x", role: "goal 'ziel-2'.field"))
        #expect(f.refusal(.formulateGoal(GoalFormulated(goal: id("ziel-2"), field: id("hf-a"), parent: id("ziel-x"), level: .strategic, statement: "S")))
                == .unknownEntity(kind: .goal, id: "ziel-x", role: "goal 'ziel-2'.parent"))
        #expect(f.refusal(.planMeasure(MeasurePlanned(measure: id("m-2"), title: "T", lead: "Bildungsbüro", goals: [id("ziel-9")])))
                == .unknownEntity(kind: .goal, id: "ziel-9", role: "measure 'm-2'.goals[0]"))
        #expect(f.refusal(.relinkMeasure(id("m-1"), goals: [id("ziel-9")]))
                == .unknownEntity(kind: .goal, id: "ziel-9", role: "measure 'm-1'.goals[0]"))
        #expect(f.refusal(.reviseGoal(GoalRevised(goal: id("nope"), statement: "x"))) == .unknownEntity(kind: .goal, id: "nope", role: "goal"))
        #expect(f.refusal(.createPlan(PlanCreated(plan: id("kreis"), title: "T", county: "C"))) == .planAlreadyExists(id("kreis")))
        #expect((try? Plan.decide(.proposeField(FieldProposed(field: id("a"), code: "a", title: "T", commitment: "C")), state: .empty)) == nil)
        #expect(DomainError.unknownEntity(kind: .field, id: "hf-x", role: "goal 'ziel-2'.field").description == "goal 'ziel-2'.field: unknown field 'hf-x'")
    }

    @Test("values are checked: texts, effect levels, dates, personal data")
    func values() throws {
        let f = try Fixture()
        #expect(f.refusal(.formulateGoal(GoalFormulated(goal: id("ziel-2"), field: id("hf-a"), level: .strategic, statement: "  ")))
               == invalid(field: "goal 'ziel-2'.statement", reason: "must not be empty"))
        #expect(f.refusal(.formulateGoal(GoalFormulated(goal: id("ziel-2"), field: id("hf-a"), level: .strategic, statement: "S", effectLevel: 8)))
               == invalid(field: "goal 'ziel-2'.effectLevel", reason: "must be between 1 and 7, not 8"))
        #expect(f.refusal(.planMeasure(MeasurePlanned(measure: id("m-2"), title: "T", lead: "B", plannedStart: CalendarDate("2026-01-01"), plannedEnd: CalendarDate("2025-01-01"))))
               == invalid(field: "measure 'm-2'.plannedEnd", reason: "2025-01-01 is before the planned start 2026-01-01"))
        #expect(f.refusal(.planMeasure(MeasurePlanned(measure: id("m-2"), title: "T", lead: "Frau Muster, mareen.muster@landkreis.de")))
                == .personalData(field: "measure 'm-2'.lead", kind: "an e-mail address"))
        #expect(f.refusal(.writeVisionSection(VisionSectionWritten(section: id("kontakt"), title: "Kontakt", text: "Tel.: 04141 12 4046")))
                == .personalData(field: "vision section 'kontakt'.text", kind: "a phone number"))
        var badActor = f.context
        badActor.actor = "Mareen Telschow"
        #expect(f.refusal(.setMotto("Motto"), badActor) != nil)
        // Texts that merely contain numbers are fine.
        #expect(f.refusal(.writeVisionSection(VisionSectionWritten(section: id("ganztag"), title: "Ganztag", text: "Ab dem Schuljahr 2026/2027 gilt der Anspruch (V-SCHUL/19/159)."))) == nil)
    }

    @Test("a goal's parent is in its field, and moves cannot make cycles")
    func goalTree() throws {
        var f = try Fixture()
        try f.run(.proposeField(FieldProposed(field: id("hf-b"), code: "b", title: "Digital", commitment: "Wir digitalisieren.")))
        try f.run(.formulateGoal(GoalFormulated(goal: id("ziel-1-1"), field: id("hf-a"), parent: id("ziel-1"), level: .operational, statement: "Teil")))
        try f.run(.formulateGoal(GoalFormulated(goal: id("ziel-1-1-1"), field: id("hf-a"), parent: id("ziel-1-1"), level: .operational, statement: "Teil 2")))
        #expect(f.refusal(.formulateGoal(GoalFormulated(goal: id("ziel-b"), field: id("hf-b"), parent: id("ziel-1"), level: .operational, statement: "S")))
               == invalid(field: "goal 'ziel-b'.parent", reason: "goal 'ziel-1' belongs to field 'hf-a', not 'hf-b'; a goal's parent is in the same field"))
        #expect(f.refusal(.moveGoal(id("ziel-1"), field: id("hf-a"), parent: id("ziel-1-1-1"))) == .cyclicGoalTree(goal: id("ziel-1"), parent: id("ziel-1-1-1")))
        #expect(f.refusal(.moveGoal(id("ziel-1"), field: id("hf-a"), parent: id("ziel-1"))) == .cyclicGoalTree(goal: id("ziel-1"), parent: id("ziel-1")))
        // Moving a goal to another field takes its sub-goals along.
        let events = try f.run(.moveGoal(id("ziel-1"), field: id("hf-b"), parent: nil))
        guard case let .goalMoved(moved) = events.first else { Issue.record("no move"); return }
        #expect(moved.descendants == [id("ziel-1-1"), id("ziel-1-1-1")])
        #expect(f.state.goals[id("ziel-1-1-1")]?.field == id("hf-b"))
        #expect(f.state.goals[id("ziel-1-1")]?.parent == id("ziel-1"))
    }

    @Test("a field with open goals cannot be retired, merged or split")
    func fieldWithGoals() throws {
        var f = try Fixture()
        try f.run(.proposeField(FieldProposed(field: id("hf-b"), code: "b", title: "B", commitment: "C")))
        try f.run(.proposeField(FieldProposed(field: id("hf-c"), code: "c", title: "C", commitment: "C")))
        #expect(f.refusal(.retireField(id("hf-a"), reason: "alt")) == .fieldHasOpenGoals(field: id("hf-a"), goals: [id("ziel-1")], action: "retire"))
        #expect(f.refusal(.mergeField(id("hf-a"), into: id("hf-b"))) == .fieldHasOpenGoals(field: id("hf-a"), goals: [id("ziel-1")], action: "merge"))
        #expect(f.refusal(.splitField(id("hf-a"), into: [id("hf-b"), id("hf-c")])) == .fieldHasOpenGoals(field: id("hf-a"), goals: [id("ziel-1")], action: "split"))
        #expect(f.refusal(.retireField(id("hf-b"), reason: "")) == reasonRequired(kind: .field, id: "hf-b", action: "retiring it"))
        try f.run(.changeGoalStatus(id("ziel-1"), to: .abandoned, reason: "entfällt"))
        try f.run(.mergeField(id("hf-a"), into: id("hf-b")))
        #expect(f.state.fields[id("hf-a")]?.status == .merged(into: id("hf-b")))
        #expect(f.refusal(.formulateGoal(GoalFormulated(goal: id("ziel-9"), field: id("hf-a"), level: .strategic, statement: "S")))
               == invalid(field: "goal 'ziel-9'.field", reason: "field 'hf-a' is merged and takes no new goals"))
        #expect(f.refusal(.splitField(id("hf-b"), into: [id("hf-c"), id("hf-a")])) == invalid(field: "field 'hf-b'.splitInto", reason: "'hf-a' must be another open field"))
    }

    @Test("adoption needs a carried resolution of a body with the mandate, a new label and a changed draft")
    func adoption() throws {
        var f = try Fixture()
        let adopt = { (label: String?, number: String) in PlanCommand.adopt(label: label, resolution: number, effectiveDate: CalendarDate("2025-03-01")) }
        #expect(f.refusal(adopt(nil, "KT-1")) == invalid(field: "adopt.label", reason: "name the version (or name the draft first)"))
        #expect(f.refusal(adopt("1.0", "SG-1")) == .noMandate(body: id("steuerung"), decision: .adoptPlan, resolution: "SG-1"))
        #expect(f.refusal(adopt("1.0", "KT-0")) == .resolutionDoesNotCarry(number: "KT-0", result: .postponed))
        #expect(f.refusal(adopt("1.0", "KT-9")) == .unknownEntity(kind: .resolution, id: "KT-9", role: "adopting version '1.0'"))
        try f.run(.nameDraft(label: "Bildungskonzept 1.0"))
        let events = try f.run(adopt(nil, "KT-1"))
        guard case let .versionAdopted(version) = events.first else { Issue.record("not adopted"); return }
        #expect(version.label == "Bildungskonzept 1.0")
        #expect(version.activatedFields == [id("hf-a")] && version.adoptedGoals == [id("ziel-1")])
        #expect(version.contentHash == f.state.contentHash)
        #expect(f.state.fields[id("hf-a")]?.status == .active)
        #expect(f.state.goals[id("ziel-1")]?.status == .adopted)
        // Nothing changed since: an empty draft. The same label again: refused. A sealed label as draft: refused.
        try f.run(.recordResolution(ResolutionRecorded(number: "KT-2", body: id("kreistag"), date: CalendarDate("2025-06-01"), subject: "Zweite Fassung", result: .adopted)))
        #expect(f.refusal(adopt("2.0", "KT-2")) == .emptyDraft)
        #expect(f.refusal(.nameDraft(label: "Bildungskonzept 1.0")) == .versionSealed(label: "Bildungskonzept 1.0"))
        try f.run(.setMotto("Neues Motto"), f.withReason)
        #expect(f.refusal(adopt("Bildungskonzept 1.0", "KT-2")) == .labelAlreadyUsed(label: "Bildungskonzept 1.0"))
        #expect(f.refusal(adopt("2.0", "KT-1")) == .resolutionAlreadyUsed(number: "KT-1", version: "Bildungskonzept 1.0"))
        try f.run(adopt("2.0", "KT-2"))
        #expect(f.state.versions.map(\.label) == ["Bildungskonzept 1.0", "2.0"])
        #expect(f.state.versions[0].supersededBy == "2.0" && f.state.versions[1].basedOn == "Bildungskonzept 1.0")
        // An empty plan cannot be adopted at all.
        var empty = PlanState.empty
        empty = Plan.replay(try Plan.decide(.createPlan(PlanCreated(plan: id("leer"), title: "T", county: "C")), state: empty), from: empty)
        empty = Plan.replay(try Plan.decide(.establishBody(BodyEstablished(body: id("kt"), name: "KT", kind: .council, mandate: [.adoptPlan])), state: empty), from: empty)
        empty = Plan.replay(try Plan.decide(.recordResolution(ResolutionRecorded(number: "1", body: id("kt"), date: CalendarDate("2025-01-01"), subject: "S", result: .adopted)), state: empty), from: empty)
        #expect(throws: DomainError.emptyDraft) { try Plan.decide(.adopt(label: "1", resolution: "1", effectiveDate: CalendarDate("2025-01-01")), state: empty) }
    }

    @Test("only a body with the mandate may adopt goals or activate fields")
    func goalMandate() throws {
        var f = try Fixture()
        var steering = f.context
        steering.resolution = "SG-1"
        #expect(f.refusal(.changeGoalStatus(id("ziel-1"), to: .adopted, reason: nil), steering) == .noMandate(body: id("steuerung"), decision: .adoptGoals, resolution: "SG-1"))
        #expect(f.refusal(.activateField(id("hf-a")), steering) == .noMandate(body: id("steuerung"), decision: .adoptGoals, resolution: "SG-1"))
        #expect(f.refusal(.changeGoalStatus(id("ziel-1"), to: .adopted, reason: nil)) != nil)
        var council = f.context
        council.resolution = "KT-1"
        try f.run(.changeGoalStatus(id("ziel-1"), to: .adopted, reason: nil), council)
        try f.run(.activateField(id("hf-a")), council)
        #expect(f.state.goals[id("ziel-1")]?.status == .adopted && f.state.fields[id("hf-a")]?.status == .active)
    }

    @Test("changing what an adopted version contains needs a reason; new content does not")
    func sealedContentNeedsReason() throws {
        var f = try Fixture()
        try f.run(.adopt(label: "1.0", resolution: "KT-1", effectiveDate: CalendarDate("2025-03-01")))
        #expect(f.refusal(.reviseGoal(GoalRevised(goal: id("ziel-1"), statement: "Neu")))
                == reasonRequired(kind: .goal, id: "ziel-1", action: "revising it (it is part of version '1.0')"))
        #expect(f.refusal(.reviseField(FieldRevised(field: id("hf-a"), title: "Neu"))) != nil)
        #expect(try f.run(.reviseGoal(GoalRevised(goal: id("ziel-1"), statement: "Neu")), f.withReason).count == 1)
        #expect(try f.run(.proposeField(FieldProposed(field: id("hf-neu"), code: "n", title: "Neu", commitment: "C"))).count == 1)
        #expect(try f.run(.reviseField(FieldRevised(field: id("hf-neu"), title: "Neuer"))).count == 1)
    }

    @Test("resolutions are records: recorded again identically is a no-op, differently an error")
    func resolutionsAreRecords() throws {
        var f = try Fixture()
        let again = ResolutionRecorded(number: "KT-1", body: id("kreistag"), date: CalendarDate("2025-02-01"), subject: "Beschluss", result: .adopted)
        #expect(try f.run(.recordResolution(again)).isEmpty)
        var changed = again
        changed.result = .rejected
        #expect(f.refusal(.recordResolution(changed)) == .resolutionAlreadyRecorded(number: "KT-1"))
    }

    @Test("observations are corrected by new observations that name what they correct")
    func corrections() throws {
        var f = try Fixture()
        try f.run(.recordObservation(ObservationRecorded(observation: id("obs-1"), indicator: id("kz-1"), period: "2024", region: "Kreis", value: Quantity("12.5")!)))
        #expect(f.refusal(.correctObservation(ObservationCorrected(observation: id("obs-2"), corrects: id("obs-1"), value: Quantity("13")!, reason: " ")))
                == reasonRequired(kind: .observation, id: "obs-1", action: "correcting it"))
        try f.run(.correctObservation(ObservationCorrected(observation: id("obs-2"), corrects: id("obs-1"), value: Quantity("13")!, reason: "Tippfehler")))
        #expect(f.state.observations[id("obs-1")]?.value == Quantity("12.5") && f.state.observations[id("obs-1")]?.correctedBy == id("obs-2"))
        #expect(f.state.observations[id("obs-2")]?.period == "2024")
        #expect(f.refusal(.correctObservation(ObservationCorrected(observation: id("obs-3"), corrects: id("obs-1"), value: Quantity("14")!, reason: "r")))
                == .observationAlreadyCorrected(observation: id("obs-1"), by: id("obs-2")))
    }

    @Test("revisions record only what changed, and nothing when nothing changed")
    func minimalRevisions() throws {
        var f = try Fixture()
        #expect(try f.run(.reviseGoal(GoalRevised(goal: id("ziel-1"), level: .strategic, statement: "Mehr Teilhabe."))).isEmpty)
        let events = try f.run(.reviseGoal(GoalRevised(goal: id("ziel-1"), level: .strategic, statement: "Mehr Teilhabe für alle.", effectLevel: .set(3))))
        #expect(events == [.goalRevised(GoalRevised(goal: id("ziel-1"), statement: "Mehr Teilhabe für alle.", effectLevel: .set(3)))])
    }
}

@Suite("Lifecycles", .timeLimit(.minutes(5)))
struct LifecycleTests {
    let id = Fixture.id

    @Test("every goal status transition: the legal ones apply, the others are refused", arguments: GoalStatus.allCases)
    func goalTransitions(_ from: GoalStatus) throws {
        for to in GoalStatus.allCases where to != from {
            var f = try Fixture()
            var context = f.context
            context.resolution = "KT-1"
            context.reason = "Begründung"
            // Walk the goal to `from` along legal transitions.
            for step in Reconciler.path(from: .draft, to: from, successors: \.successors) where from != .draft {
                try f.run(.changeGoalStatus(id("ziel-1"), to: step, reason: "r"), context)
            }
            #expect(f.state.goals[id("ziel-1")]?.status == from)
            let refusal = f.refusal(.changeGoalStatus(id("ziel-1"), to: to, reason: "r"), context)
            if from.successors.contains(to) {
                #expect(refusal == nil, "\(from) → \(to)")
            } else {
                #expect(refusal == .illegalTransition(kind: .goal, id: id("ziel-1"), from: from.rawValue, to: to.rawValue), "\(from) → \(to)")
            }
        }
    }

    @Test("abandoning a goal requires a reason")
    func abandonNeedsReason() throws {
        let f = try Fixture()
        #expect(f.refusal(.changeGoalStatus(id("ziel-1"), to: .abandoned, reason: nil)) == reasonRequired(kind: .goal, id: "ziel-1", action: "abandoning it"))
    }

    @Test("every measure status transition: the legal ones apply, the others are refused", arguments: MeasureStatus.allCases)
    func measureTransitions(_ from: MeasureStatus) throws {
        for to in MeasureStatus.allCases where to != from {
            var f = try Fixture()
            for step in Reconciler.path(from: .planned, to: from, successors: \.successors) where from != .planned {
                try f.run(.changeMeasureStatus(id("m-1"), to: step, reason: "r"))
            }
            #expect(f.state.measures[id("m-1")]?.status == from)
            let refusal = f.refusal(.changeMeasureStatus(id("m-1"), to: to, reason: "r"))
            if from.successors.contains(to) {
                #expect(refusal == nil, "\(from) → \(to)")
            } else {
                #expect(refusal == .illegalTransition(kind: .measure, id: id("m-1"), from: from.rawValue, to: to.rawValue), "\(from) → \(to)")
            }
        }
    }

    @Test("discarding needs a reason; status changes set the actual dates; health is its own axis")
    func measureDetails() throws {
        var f = try Fixture()
        #expect(f.refusal(.changeMeasureStatus(id("m-1"), to: .discarded, reason: nil)) == reasonRequired(kind: .measure, id: "m-1", action: "discarding it"))
        try f.run(.changeMeasureStatus(id("m-1"), to: .inProgress, reason: nil))
        #expect(f.state.measures[id("m-1")]?.actualStart == CalendarDate("2025-01-15"))
        try f.run(.assessMeasureHealth(id("m-1"), health: .critical, note: "Personal fehlt"))
        try f.run(.changeMeasureStatus(id("m-1"), to: .suspended, reason: "Pause"))
        try f.run(.changeMeasureStatus(id("m-1"), to: .inProgress, reason: nil))
        var later = f.context
        later.effectiveDate = CalendarDate("2026-06-30")
        try f.run(.reportMeasureProgress(id("m-1"), percent: 100, note: nil))
        #expect(f.refusal(.reportMeasureProgress(id("m-1"), percent: 101, note: nil)) != nil)
        try f.run(.changeMeasureStatus(id("m-1"), to: .institutionalized, reason: nil), later)
        let measure = try #require(f.state.measures[id("m-1")])
        #expect(measure.actualStart == CalendarDate("2025-01-15") && measure.actualEnd == CalendarDate("2026-06-30"))
        #expect(measure.health == .critical && measure.progress == 100)
        #expect(f.refusal(.reviseMeasure(MeasureRevised(measure: id("m-1"), title: "Neu"))) == .illegalTransition(kind: .measure, id: id("m-1"), from: "institutionalized", to: "revised"))
    }

    @Test("field lifecycle: proposed → active → merged | split | retired, keeping lineage; closed fields stay closed")
    func fieldTransitions() throws {
        var f = try Fixture()
        var council = f.context
        council.resolution = "KT-1"
        try f.run(.changeGoalStatus(id("ziel-1"), to: .abandoned, reason: "r"))
        for (index, code) in ["b", "c", "d"].enumerated() {
            try f.run(.proposeField(FieldProposed(field: id("hf-\(code)"), code: code, title: "F\(index)", commitment: "C")))
        }
        try f.run(.activateField(id("hf-a")), council)
        #expect(f.refusal(.activateField(id("hf-a")), council) == .illegalTransition(kind: .field, id: id("hf-a"), from: "active", to: "active"))
        try f.run(.splitField(id("hf-a"), into: [id("hf-b"), id("hf-c")]))
        #expect(f.state.fields[id("hf-a")]?.status == .split(into: [id("hf-b"), id("hf-c")]))
        #expect(f.refusal(.retireField(id("hf-a"), reason: "r")) == .illegalTransition(kind: .field, id: id("hf-a"), from: "split", to: "retired"))
        #expect(f.refusal(.activateField(id("hf-a")), council) == .illegalTransition(kind: .field, id: id("hf-a"), from: "split", to: "active"))
        #expect(f.refusal(.mergeField(id("hf-b"), into: id("hf-a"))) == invalid(field: "field 'hf-b'.mergedInto", reason: "'hf-a' must be another open field"))
        try f.run(.mergeField(id("hf-b"), into: id("hf-c")))
        try f.run(.retireField(id("hf-d"), reason: "nicht mehr nötig"))
        #expect(f.state.fields[id("hf-d")]?.status == .retired(reason: "nicht mehr nötig"))
        #expect(f.refusal(.reviseField(FieldRevised(field: id("hf-d"), title: "X"))) == .illegalTransition(kind: .field, id: id("hf-d"), from: "retired", to: "revised"))
    }
}

@Suite("Refusals in German", .timeLimit(.minutes(3)))
struct GermanRefusalTests {
    let id = Fixture.id

    /// English words that must not stand in a German refusal (ids, keys and commands in quotes aside).
    static let english: Set<String> = ["the", "must", "cannot", "is", "not", "of", "to", "for", "with", "and", "unknown",
                                       "adopting", "activating", "goal", "measure", "field", "resolution", "requires", "reason"]

    @Test("each refusal reads in German with German words only, and in English as before")
    func refusals() throws {
        let f = try Fixture()
        let commands: [PlanCommand] = [
            .changeGoalStatus(id("ziel-x"), to: .achieved, reason: nil),
            .changeGoalStatus(id("ziel-1"), to: .achieved, reason: nil),
            .changeGoalStatus(id("ziel-1"), to: .adopted, reason: nil),
            .changeMeasureStatus(id("m-1"), to: .completed, reason: nil),
            .changeMeasureStatus(id("m-1"), to: .discarded, reason: nil),
            .activateField(id("hf-a")),
            .reportMeasureProgress(id("m-1"), percent: 140, note: nil),
            .adopt(label: "Fassung 1", resolution: "SG-1", effectiveDate: CalendarDate("2025-03-01")),
            .adopt(label: "Fassung 1", resolution: "KT-0", effectiveDate: CalendarDate("2025-03-01")),
            .proposeField(FieldProposed(field: id("hf-b"), code: "b", title: "Kontakt: anna@kreis.de", commitment: "Wir.")),
        ]
        for command in commands {
            let refusal = try #require(f.refusal(command), "\(command) was not refused")
            let german = refusal.text(in: .de)
            let prose = german.replacingOccurrences(of: "'[^']*'|\\([a-z_ →,]+\\)|\\b[a-z]+\\.[a-zA-Z]+\\b", with: " ", options: .regularExpression)
            let words = Set(prose.lowercased().components(separatedBy: CharacterSet.letters.inverted))
            #expect(words.isDisjoint(with: Self.english), "\(german) — has \(words.intersection(Self.english).sorted())")
            #expect(refusal.text(in: .en) == refusal.description && german != refusal.description)
        }
    }
}

@Suite("Adopting by the minutes", .timeLimit(.minutes(3)))
struct AdoptRecordingTests {
    let id = Fixture.id

    func minutes(_ number: String, body: String = "kreistag", date: String = "2025-03-01") -> ResolutionRecorded {
        ResolutionRecorded(number: number, body: id(body), date: CalendarDate(date)!, subject: "Bildungskonzept", result: .adopted)
    }

    @Test("a resolution the plan has no record of is recorded, then adopts; one on record adopts as it is")
    func recordsThenAdopts() throws {
        var f = try Fixture()
        try f.run(.setMotto("Gemeinsam lernen"))
        // KT-1 is on record (Kreistag, 2025-02-01): the same decision adopts without a second record.
        let first = try f.run(.adoptRecording(label: "Fassung 1", resolution: minutes("KT-1", date: "2025-02-01"), effectiveDate: CalendarDate("2025-02-15")))
        #expect(first.map(\.typeName) == ["version.adopted"])
        #expect(f.state.currentVersion?.effectiveDate == CalendarDate("2025-02-15"))
        try f.run(.setMotto("Gemeinsam lernen, vor Ort"), f.withReason)
        // KT-9 is not on record: it is recorded as the minutes state it, then adopts.
        let second = try f.run(.adoptRecording(label: "Fassung 2", resolution: minutes("KT-9"), effectiveDate: nil))
        #expect(second.map(\.typeName) == ["resolution.recorded", "version.adopted"])
        #expect(f.state.resolutions["KT-9"]?.body == id("kreistag"))
        #expect(f.state.currentVersion?.effectiveDate == CalendarDate("2025-03-01"), "the version takes effect on the resolution's date")
    }

    @Test("the resolution the change names and the one that adopts are one: KT-ANDERE in the record, KT-1 in the version is refused")
    func oneResolution() throws {
        var f = try Fixture()
        try f.run(.setMotto("Gemeinsam lernen"))
        var context = f.context
        context.resolution = "KT-ANDERE"
        let refused = f.refusal(.adopt(label: "Fassung 1", resolution: "KT-1", effectiveDate: CalendarDate("2025-02-15")), context)
        #expect(refused?.description == "resolution: the change names resolution KT-ANDERE, but the version is adopted by KT-1; they must be the same")
        context.resolution = "KT-1"
        #expect(try f.run(.adopt(label: "Fassung 1", resolution: "KT-1", effectiveDate: CalendarDate("2025-02-15")), context).count == 1)
    }

    @Test("a resolution on record by another body or on another date is refused, never overwritten")
    func refusesOtherRecords() throws {
        var f = try Fixture()
        try f.run(.setMotto("Gemeinsam lernen"))
        let otherBody = f.refusal(.adoptRecording(label: "Fassung 1", resolution: minutes("KT-1", body: "steuerung", date: "2025-02-01"), effectiveDate: nil))
        #expect(otherBody?.description == "adopt.resolution: resolution KT-1 is recorded as taken by 'kreistag', not 'steuerung'")
        let otherDate = f.refusal(.adoptRecording(label: "Fassung 1", resolution: minutes("KT-1", date: "2025-02-02"), effectiveDate: nil))
        #expect(otherDate?.text(in: .de).contains("ist mit dem Datum 2025-02-01 erfasst, angegeben ist 2025-02-02") == true, "\(String(describing: otherDate))")
        #expect(f.state.resolutions["KT-1"]?.date == CalendarDate("2025-02-01"))
    }

    @Test("a resolution not on record is recorded only with its subject as the minutes state it: none is made up")
    func subjectFromTheMinutes() throws {
        var f = try Fixture()
        try f.run(.setMotto("Gemeinsam lernen"))
        var unknown = minutes("KT-9")
        unknown.subject = " "
        let refused = f.refusal(.adoptRecording(label: "Fassung 1", resolution: unknown, effectiveDate: nil))
        #expect(refused?.description == "adopt.resolution.subject: resolution KT-9 is not on record; to record it with the adoption, give its subject as the minutes state it")
        #expect(f.state.resolutions["KT-9"] == nil && f.state.versions.isEmpty)
        // On record, the minutes' subject is not needed: the record keeps its own.
        var known = minutes("KT-1", date: "2025-02-01")
        known.subject = ""
        #expect(try f.run(.adoptRecording(label: "Fassung 1", resolution: known, effectiveDate: nil)).map(\.typeName) == ["version.adopted"])
        #expect(f.state.resolutions["KT-1"]?.subject.isEmpty == false)
    }
}

@Suite("Ids of new observations", .timeLimit(.minutes(3)))
struct ObservationIDTests {
    @Test("an observation without an id gets one from indicator, period and region; a taken one gets a counter")
    func ids() throws {
        var f = try Fixture()
        let id = f.state.newObservationID(indicator: Fixture.id("kz-1"), period: "2023/24", region: "Landkreis Stade")
        #expect(id.rawValue == "obs-kz-1-2023-24-landkreis-stade")
        try f.run(.recordObservation(ObservationRecorded(observation: id, indicator: Fixture.id("kz-1"), period: "2023/24", region: "Landkreis Stade", value: Quantity(12))))
        #expect(f.state.newObservationID(indicator: Fixture.id("kz-1"), period: "2023/24", region: "Landkreis Stade").rawValue == "obs-kz-1-2023-24-landkreis-stade-2")
        #expect(f.state.correctionID(for: id).rawValue == "obs-kz-1-2023-24-landkreis-stade-k")
        let long = f.state.newObservationID(indicator: Fixture.id("kz-1"), period: String(repeating: "Zeitraum ", count: 10), region: "Ö")
        #expect(long.rawValue.count <= 56 && !long.rawValue.hasSuffix("-") && (try? Identifier(long.rawValue)) != nil)
        let longest = Identifier(unchecked: String(repeating: "a", count: Identifier.maximumLength))
        #expect((try? Identifier(f.state.correctionID(for: longest).rawValue)) != nil)
    }
}
