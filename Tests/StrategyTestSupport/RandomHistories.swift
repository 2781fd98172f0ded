public import StrategyCore
// The generator lives with the domain-free support; whoever uses the random histories gets it too.
@_exported public import StoreTestSupport

/// Builds a plausible command for the current state from a random source; most are valid, some are not.
public enum RandomCommands {
    public static let words = ["Bildung", "Übergänge", "Teilhabe", "Ganztag", "„Zukunft“", "BNE", "Kita", "Schule", "Beruf", "Inklusion", "digital", "vor Ort\nzweite Zeile", "Größe", "🎓"]

    public static func text(_ r: inout SplitMix) -> String {
        (0..<r.int(1...6)).map { _ in r.pick(words)! }.joined(separator: " ")
    }

    public static func id(_ prefix: String, _ r: inout SplitMix) -> Identifier { try! Identifier("\(prefix)-\(r.int(0...400))") }
    public static func date(_ r: inout SplitMix) -> CalendarDate { CalendarDate(year: r.int(2019...2030), month: r.int(1...12), day: r.int(1...28))! }

    public static func make(_ r: inout SplitMix, _ s: PlanState) -> PlanCommand? {
        guard let plan = s.id else {
            return .createPlan(PlanCreated(plan: Identifier("kreis"), title: text(&r), county: "Landkreis " + text(&r), deadline: r.bool() ? date(&r) : nil))
        }
        _ = plan
        let fields = s.fields.values.map(\.id).sorted()
        let openFields = s.fields.values.filter { $0.status.isOpen }.map(\.id).sorted()
        let goals = s.goals.values.map(\.id).sorted()
        let measures = s.measures.values.map(\.id).sorted()
        let indicators = s.indicators.values.map(\.id).sorted()
        let bodies = s.bodies.values.map(\.id).sorted()
        let themes = s.themes.keys.sorted()
        switch r.int(0...29) {
        case 0: return .establishBody(BodyEstablished(body: id("body", &r), name: text(&r), kind: r.pick(BodyKind.allCases)!, mandate: Array(DecisionKind.allCases.filter { _ in r.bool() })))
        case 1:
            guard let body = r.pick(bodies) else { return nil }
            return .recordResolution(ResolutionRecorded(number: "V-\(r.int(1...300))", body: body, date: date(&r), subject: text(&r), result: r.pick(ResolutionResult.allCases)!, votes: r.bool() ? Votes(yes: r.int(0...50), no: r.int(0...10), abstain: r.int(0...5)) : nil))
        case 2: return .defineIndicator(IndicatorDefined(indicator: id("kz", &r), code: "K\(r.int(1...99))", name: text(&r), unit: "Prozent", polarity: r.pick(Polarity.allCases)!, source: text(&r)))
        case 3, 4: return .proposeField(FieldProposed(field: id("hf", &r), code: r.int(0...4) == 0 ? nil : String(r.int(1...40)), title: text(&r), commitment: r.int(0...4) == 0 ? nil : text(&r), tags: r.bool() ? ["BNE"] : [], derivedFrom: r.pick(s.vision.sections.map(\.id)).map { [$0] } ?? [], themes: r.pick(themes).map { [$0] }))
        case 5, 6, 7:
            guard let field = r.pick(openFields) else { return nil }
            let parents = s.goals.values.filter { $0.field == field }.map(\.id).sorted()
            var targets: [Target] = r.bool() ? [] : indicators.prefix(1).map { Target(indicator: $0, baseline: Quantity("\(r.int(0...99)).5"), target: Quantity(r.int(0...100)), targetDate: date(&r)) }
            if r.int(0...3) == 0 { targets.append(Target(text: text(&r), indicator: r.bool() ? indicators.first : nil, targetDate: r.bool() ? date(&r) : nil)) }
            return .formulateGoal(GoalFormulated(goal: id("ziel", &r), field: field, parent: r.bool() ? r.pick(parents) : nil, level: r.pick(GoalLevel.allCases)!, statement: text(&r), targetGroup: r.bool() ? text(&r) : nil, effectLevel: r.bool() ? r.int(1...7) : nil, targets: targets))
        case 8, 9:
            let chosen = goals.filter { _ in r.int(0...3) == 0 }
            return .planMeasure(MeasurePlanned(measure: id("m", &r), title: text(&r), description: r.bool() ? text(&r) : "", lead: r.int(0...4) == 0 ? nil : "Bildungsbüro", partners: r.bool() ? ["VHS"] : [], plannedStart: r.bool() ? date(&r) : nil, horizon: r.pick(Horizon.allCases)!, goals: chosen, milestones: r.bool() ? [Milestone(id: id("ms", &r), title: text(&r), due: date(&r))] : [], budget: r.bool() ? [BudgetLine(amount: EuroAmount(cents: Int64(r.int(0...9_999_999))), source: "Kreishaushalt", year: r.int(2020...2030))] : [], field: r.bool() ? r.pick(openFields) : nil, themes: r.pick(themes).map { [$0] }))
        case 10:
            guard let goal = r.pick(goals) else { return nil }
            return .reviseGoal(GoalRevised(goal: goal, statement: r.bool() ? text(&r) : nil, targetGroup: r.bool() ? .cleared : .set(text(&r)), effectLevel: r.bool() ? .set(r.int(1...7)) : nil))
        case 11:
            guard let goal = r.pick(goals), let field = r.pick(openFields) else { return nil }
            return .moveGoal(goal, field: field, parent: r.bool() ? r.pick(s.goals.values.filter { $0.field == field }.map(\.id).sorted()) : nil)
        case 12, 13:
            guard let goal = r.pick(goals) else { return nil }
            return .changeGoalStatus(goal, to: r.pick(GoalStatus.allCases)!, reason: r.bool() ? text(&r) : nil)
        case 14, 15:
            guard let measure = r.pick(measures) else { return nil }
            return .changeMeasureStatus(measure, to: r.pick(MeasureStatus.allCases)!, reason: r.bool() ? text(&r) : nil)
        case 16:
            guard let measure = r.pick(measures) else { return nil }
            return .relinkMeasure(measure, goals: goals.filter { _ in r.int(0...3) == 0 })
        case 17:
            guard let field = r.pick(fields) else { return nil }
            switch r.int(0...3) {
            case 0: return .retireField(field, reason: text(&r))
            case 1: return r.pick(openFields).map { .mergeField(field, into: $0) }
            case 2: return .activateField(field)
            default: return .reviseField(FieldRevised(field: field, code: r.int(0...3) == 0 ? .cleared : nil, title: text(&r), tags: ["Inklusion"]))
            }
        case 18:
            guard let number = r.pick(s.resolutions.keys.sorted()) else { return nil }
            return .adopt(label: r.bool() ? "Fassung \(r.int(1...20))" : nil, resolution: number, effectiveDate: date(&r))
        case 19:
            if r.bool() { return .nameDraft(label: "Fassung \(r.int(1...20))") }
            if r.int(0...2) == 0, let theme = r.pick(themes) { return .removeTheme(theme) }
            return .defineTheme(ThemeDefined(theme: id("thema", &r), title: text(&r), description: r.bool() ? text(&r) : nil))
        case 20: return .writeVisionSection(VisionSectionWritten(section: id("leitbild", &r), title: text(&r), text: text(&r), position: r.bool() ? 0 : nil))
        case 21:
            guard let section = r.pick(s.vision.sections.map(\.id)) else { return nil }
            return r.bool() ? .reviseVisionSection(VisionSectionRevised(section: section, text: text(&r))) : .removeVisionSection(section)
        case 22: return r.bool() ? .setMotto(r.bool() ? text(&r) : nil) : .setPrinciples((0..<r.int(0...3)).map { _ in text(&r) })
        case 23:
            guard let indicator = r.pick(indicators) else { return nil }
            return .recordObservation(ObservationRecorded(observation: id("obs", &r), indicator: indicator, period: "\(r.int(2019...2030))", region: "Kreis", value: Quantity("\(r.int(-50...500)).\(r.int(0...99))")!))
        case 24:
            guard let observation = r.pick(s.observations.keys.sorted()) else { return nil }
            return .correctObservation(ObservationCorrected(observation: id("obs", &r), corrects: observation, value: Quantity(r.int(0...100)), reason: text(&r)))
        case 25: return .holdParticipation(ParticipationHeld(format: id("format", &r), kind: r.pick(ParticipationKind.allCases)!, title: text(&r), date: date(&r), participants: r.int(0...300)))
        case 26:
            guard let format = r.pick(s.participation.keys.sorted()) else { return nil }
            return .receiveContribution(ContributionReceived(contribution: id("beitrag", &r), format: format, summary: text(&r)))
        case 27:
            guard let contribution = r.pick(s.contributions.keys.sorted()) else { return nil }
            return .disposeContribution(ContributionDisposed(contribution: contribution, disposition: r.pick(Disposition.allCases)!, linkedTo: r.pick(goals).map { [$0] } ?? [], note: r.bool() ? text(&r) : nil))
        case 28:
            guard let measure = r.pick(measures) else { return nil }
            return r.bool() ? .assessMeasureHealth(measure, health: r.pick(Health.allCases)!, note: nil) : .reportMeasureProgress(measure, percent: r.int(0...100), note: nil)
        default:
            return r.bool() ? .registerActor(ActorRegistered(actor: id("akteur", &r), name: text(&r), sector: r.pick(Sector.allCases)!))
                : r.pick(s.actors.keys.sorted()).map { .removeActor($0) }
        }
    }

    /// A context that sometimes carries a reason and a resolution, so that guarded commands can pass.
    public static func context(_ r: inout SplitMix, _ s: PlanState) -> EventContext {
        EventContext(actor: "p-\(r.int(1...9))", role: "Bildungsbüro", reason: r.int(0...3) == 0 ? nil : text(&r),
                     resolution: r.bool() ? r.pick(s.resolutions.keys.sorted()) : nil, effectiveDate: date(&r))
    }
}

/// What must hold in every state the decider can reach.
public func invariantViolations(_ s: PlanState) -> [String] {
    var problems: [String] = []
    for goal in s.goals.values {
        if s.fields[goal.field] == nil { problems.append("goal \(goal.id) in missing field") }
        if let parent = goal.parent {
            if s.goals[parent]?.field != goal.field { problems.append("goal \(goal.id) has parent \(parent) outside its field") }
            var seen: Set<Identifier> = [goal.id]
            var current: Identifier? = parent
            while let next = current {
                if !seen.insert(next).inserted { problems.append("cycle at \(goal.id)"); break }
                current = s.goals[next]?.parent
            }
        }
    }
    for measure in s.measures.values where measure.goals.contains(where: { s.goals[$0] == nil }) {
        problems.append("measure \(measure.id) linked to a missing goal")
    }
    for field in s.fields.values where !field.status.isOpen {
        if s.goals.values.contains(where: { $0.field == field.id && $0.status.isOpen }) { problems.append("closed field \(field.id) has open goals") }
    }
    let openCodes = s.fields.values.filter { $0.status.isOpen }.compactMap(\.code)
    if Set(openCodes).count != openCodes.count { problems.append("duplicate open field codes") }
    if Set(s.versions.map(\.label)).count != s.versions.count { problems.append("duplicate version labels") }
    for version in s.versions {
        guard let resolution = s.resolutions[version.resolution], let body = s.bodies[resolution.body] else { problems.append("version \(version.label) without resolution"); continue }
        if !resolution.result.carries || !body.mandate.contains(.adoptPlan) { problems.append("version \(version.label) adopted without mandate") }
    }
    return problems
}


/// Runs `count` random commands from `seed` through the decider; returns the final state and the envelopes recorded.
public func randomHistory(seeds: [Int]) -> (state: PlanState, envelopes: [PlanEventEnvelope], commands: [(PlanCommand, EventContext)]) {
    var state = PlanState.empty
    var envelopes: [PlanEventEnvelope] = []
    var accepted: [(PlanCommand, EventContext)] = []
    for seed in seeds {
        var random = SplitMix(seed)
        guard let command = RandomCommands.make(&random, state) else { continue }
        let context = RandomCommands.context(&random, state)
        guard let events = try? Plan.decide(command, context: context, state: state), !events.isEmpty else { continue }
        state = Plan.replay(events, from: state)
        envelopes += events.map { PlanEventEnvelope($0, context: context) }
        accepted.append((command, context))
    }
    return (state, envelopes, accepted)
}
