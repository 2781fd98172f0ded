extension Plan {
    /// The state after `event`. Total: an event that `decide` produced always applies.
    ///
    /// `evolve` never checks rules — the events are facts that already happened — so a stream from any store
    /// replays to the same state everywhere.
    public static func evolve(_ state: PlanState, _ event: PlanEvent) -> PlanState {
        var state = state
        apply(event, to: &state)
        if event.changesContent { state.changesSinceAdoption += 1 }
        return state
    }

    /// The state after every event of `events`, starting from `state` (a left fold).
    public static func replay(_ events: some Sequence<PlanEvent>, from state: PlanState = .empty) -> PlanState {
        var state = state
        apply(events, to: &state)
        return state
    }

    /// Applies events to a state in place: the same as ``replay(_:from:)``, without copying the state's storage
    /// when the caller holds the only reference — the way to fold long streams in linear time.
    public static func apply(_ events: some Sequence<PlanEvent>, to state: inout PlanState) {
        for event in events {
            apply(event, to: &state)
            if event.changesContent { state.changesSinceAdoption += 1 }
        }
    }

    /// Changes the value under `key` in place, if there is one. `dictionary[key]?.member = …` moves the whole value
    /// out of the dictionary and back (hundreds of bytes for a measure), and a replay does that for every event.
    @inline(__always)
    private static func modify<Value>(_ dictionary: inout [Identifier: Value], _ key: Identifier, _ change: (inout Value) -> Void) {
        guard let index = dictionary.index(forKey: key) else { return }
        change(&dictionary.values[index])
    }

    private static func apply(_ event: PlanEvent, to state: inout PlanState) {
        switch event {
        case let .planCreated(e):
            state.id = e.plan
            state.title = e.title
            state.county = e.county
            state.levels = e.levels
            state.deadline = e.deadline
        case let .planRevised(e):
            if let title = e.title { state.title = title }
            if let county = e.county { state.county = county }
            if let levels = e.levels { state.levels = levels }
            if let deadline = e.deadline { state.deadline = deadline.value }
        case let .draftNamed(e):
            state.draftLabel = e.label

        case let .visionSectionWritten(e):
            let section = VisionSection(id: e.section, title: e.title, text: e.text)
            if let position = e.position, position >= 0, position <= state.vision.sections.count {
                state.vision.sections.insert(section, at: position)
            } else {
                state.vision.sections.append(section)
            }
        case let .visionSectionRevised(e):
            if let index = state.vision.sections.firstIndex(where: { $0.id == e.section }) {
                if let title = e.title { state.vision.sections[index].title = title }
                if let text = e.text { state.vision.sections[index].text = text }
            }
        case let .visionSectionRemoved(e):
            state.vision.sections.removeAll { $0.id == e.section }
        case let .visionSectionsReordered(e):
            let byID = Dictionary(uniqueKeysWithValues: state.vision.sections.map { ($0.id, $0) })
            let ordered = e.order.compactMap { byID[$0] }
            state.vision.sections = ordered + state.vision.sections.filter { !e.order.contains($0.id) }
        case let .principlesSet(e):
            state.vision.principles = e.principles
        case let .mottoSet(e):
            state.vision.motto = e.motto

        case let .fieldProposed(e):
            state.fields[e.field] = FieldOfAction(
                id: e.field, code: e.code, title: e.title, commitment: e.commitment, tags: e.tags, themes: e.themes ?? [],
                derivedFrom: e.derivedFrom)
            state.fieldOrder.append(e.field)
        case let .fieldRevised(e):
            modify(&state.fields, e.field) { $0.apply(e) }
        case let .fieldActivated(e):
            modify(&state.fields, e.field) { $0.status = .active }
        case let .fieldMerged(e):
            modify(&state.fields, e.field) { $0.status = .merged(into: e.into) }
        case let .fieldSplit(e):
            modify(&state.fields, e.field) { $0.status = .split(into: e.into) }
        case let .fieldRetired(e):
            modify(&state.fields, e.field) { $0.status = .retired(reason: e.reason) }

        case let .goalFormulated(e):
            state.goals[e.goal] = Goal(
                id: e.goal, field: e.field, parent: e.parent, level: e.level, statement: e.statement,
                targetGroup: e.targetGroup, effectLevel: e.effectLevel, targets: e.targets, derivedFrom: e.derivedFrom,
                themes: e.themes ?? [])
        case let .goalRevised(e):
            modify(&state.goals, e.goal) { $0.apply(e) }
        case let .goalMoved(e):
            modify(&state.goals, e.goal) { $0.field = e.field }
            modify(&state.goals, e.goal) { $0.parent = e.parent }
            for descendant in e.descendants { state.goals[descendant]?.field = e.field }
        case let .goalStatusChanged(e):
            modify(&state.goals, e.goal) { $0.status = e.to }

        case let .measurePlanned(e):
            state.measures[e.measure] = Measure(
                id: e.measure, title: e.title, description: e.description, lead: e.lead, partners: e.partners,
                plannedStart: e.plannedStart, plannedEnd: e.plannedEnd, horizon: e.horizon, goals: e.goals,
                milestones: e.milestones, budget: e.budget, derivedFrom: e.derivedFrom, field: e.field, themes: e.themes ?? [])
        case let .measureRevised(e):
            modify(&state.measures, e.measure) { $0.apply(e) }
        case let .measureRelinked(e):
            modify(&state.measures, e.measure) { $0.goals = e.goals }
        case let .measureStatusChanged(e):
            guard var measure = state.measures[e.measure] else { break }
            measure.status = e.to
            if e.to == .inProgress && measure.actualStart == nil { measure.actualStart = e.on }
            if e.to.isFinal { measure.actualEnd = e.on }
            state.measures[e.measure] = measure
        case let .measureHealthAssessed(e):
            modify(&state.measures, e.measure) { $0.health = e.health }
        case let .measureProgressReported(e):
            modify(&state.measures, e.measure) { $0.progress = e.percent }
        case let .milestoneReached(e):
            if let index = state.measures[e.measure]?.milestones.firstIndex(where: { $0.id == e.milestone }) {
                modify(&state.measures, e.measure) { $0.milestones[index].reached = e.on }
            }

        case let .indicatorDefined(e):
            state.indicators[e.indicator] = Indicator(
                id: e.indicator, code: e.code, name: e.name, unit: e.unit, polarity: e.polarity, source: e.source)
        case let .indicatorRevised(e):
            modify(&state.indicators, e.indicator) { $0.apply(e) }
        case let .indicatorRetired(e):
            modify(&state.indicators, e.indicator) { $0.retiredReason = e.reason }
        case let .observationRecorded(e):
            state.observations[e.observation] = Observation(
                id: e.observation, indicator: e.indicator, period: e.period, region: e.region, value: e.value)
        case let .observationCorrected(e):
            guard let corrected = state.observations[e.corrects] else { break }
            state.observations[e.observation] = Observation(
                id: e.observation, indicator: corrected.indicator, period: corrected.period, region: corrected.region,
                value: e.value, corrects: e.corrects)
            state.observations[e.observation]?.reason = e.reason
            state.observations[e.corrects]?.correctedBy = e.observation

        case let .bodyEstablished(e):
            state.bodies[e.body] = Body(id: e.body, name: e.name, kind: e.kind, mandate: Set(e.mandate))
        case let .bodyRevised(e):
            if let name = e.name { state.bodies[e.body]?.name = name }
            if let kind = e.kind { state.bodies[e.body]?.kind = kind }
            if let mandate = e.mandate { state.bodies[e.body]?.mandate = Set(mandate) }
        case let .bodyDissolved(e):
            state.bodies[e.body]?.dissolved = true
            if let on = e.on { state.bodies[e.body]?.dissolvedOn = on }
        case let .resolutionRecorded(e):
            state.resolutions[e.number] = Resolution(number: e.number, subject: e.subject, deliberations: [e.deliberation])
        case let .resolutionDeliberated(e):
            state.resolutions[e.number]?.deliberations.append(e.deliberation)
        case let .resolutionCorrected(e):
            guard var resolution = state.resolutions[e.number] else { break }
            let index = e.deliberation ?? 0
            guard resolution.deliberations.indices.contains(index) else { break }
            if let body = e.corrected.body { resolution.deliberations[index].body = body }
            if let date = e.corrected.date { resolution.deliberations[index].date = date }
            if let subject = e.corrected.subject { resolution.subject = subject }
            if let result = e.corrected.result { resolution.deliberations[index].result = result }
            if let votes = e.corrected.votes { resolution.deliberations[index].votes = votes.value }
            if let kind = e.corrected.kind { resolution.deliberations[index].kind = kind.value }
            state.resolutions[e.number] = resolution
        case let .versionAdopted(e):
            for field in e.activatedFields { state.fields[field]?.status = .active }
            for goal in e.adoptedGoals { state.goals[goal]?.status = .adopted }
            if !state.versions.isEmpty { state.versions[state.versions.count - 1].supersededBy = e.label }
            state.versions.append(PlanVersion(
                label: e.label, resolution: e.resolution, body: e.body, effectiveDate: e.effectiveDate,
                contentHash: e.contentHash, basedOn: e.basedOn, counts: e.counts))
            state.draftLabel = nil
            state.changesSinceAdoption = 0
            state.sealed = state.contentIDs

        case let .participationHeld(e):
            state.participation[e.format] = ParticipationFormat(
                id: e.format, kind: e.kind, title: e.title, date: e.date, participants: e.participants)
        case let .participationRevised(e):
            if let kind = e.kind { state.participation[e.format]?.kind = kind }
            if let title = e.title { state.participation[e.format]?.title = title }
            if let date = e.date { state.participation[e.format]?.date = date }
            if let participants = e.participants { state.participation[e.format]?.participants = participants.value }
        case let .contributionReceived(e):
            state.contributions[e.contribution] = Contribution(id: e.contribution, format: e.format, summary: e.summary)
        case let .contributionDisposed(e):
            state.contributions[e.contribution]?.disposition = e.disposition
            state.contributions[e.contribution]?.linkedTo = e.linkedTo
            state.contributions[e.contribution]?.note = e.note

        case let .actorRegistered(e):
            state.actors[e.actor] = Actor(id: e.actor, name: e.name, sector: e.sector)
        case let .actorRevised(e):
            if let name = e.name { state.actors[e.actor]?.name = name }
            if let sector = e.sector { state.actors[e.actor]?.sector = sector }
        case let .contactsAssigned(e):
            state.contacts[e.entity] = e.persons.isEmpty ? nil : e.persons
        case let .planReordered(e):
            if let fields = e.fields { state.fieldSequence = fields }
            if let goals = e.goals { state.goalSequence = goals }
            if let measures = e.measures { state.measureSequence = measures }
        case let .planWithdrawn(e):
            state.withdrawal = e.reason
        case let .themeDefined(e):
            state.themes[e.theme] = Theme(id: e.theme, title: e.title, description: e.description)
        case let .themeRevised(e):
            if let title = e.title { state.themes[e.theme]?.title = title }
            if let description = e.description { state.themes[e.theme]?.description = description.value }
        case let .themeRemoved(e):
            state.themes[e.theme] = nil
            for id in e.from {
                state.fields[id]?.themes.removeAll { $0 == e.theme }
                state.goals[id]?.themes.removeAll { $0 == e.theme }
                state.measures[id]?.themes.removeAll { $0 == e.theme }
            }
        case let .actorRemoved(e):
            state.actors[e.actor] = nil
        }
    }
}

extension PlanEvent {
    /// Whether the event changes what a version would seal (the plan's content), as opposed to records kept
    /// alongside it (resolutions, observations, participation, measure progress) and version bookkeeping.
    public var changesContent: Bool {
        switch self {
        case .planCreated, .planRevised, .visionSectionWritten, .visionSectionRevised, .visionSectionRemoved,
             .visionSectionsReordered, .principlesSet, .mottoSet, .fieldProposed, .fieldRevised, .fieldActivated,
             .fieldMerged, .fieldSplit, .fieldRetired, .goalFormulated, .goalRevised, .goalMoved, .goalStatusChanged,
             .measurePlanned, .measureRevised, .measureRelinked, .indicatorDefined, .indicatorRevised, .indicatorRetired,
             .bodyEstablished, .bodyRevised, .bodyDissolved, .actorRegistered, .actorRevised, .actorRemoved,
             .themeDefined, .themeRevised, .themeRemoved, .planReordered, .contactsAssigned:
            return true
        case .draftNamed, .measureStatusChanged, .measureHealthAssessed, .measureProgressReported, .milestoneReached,
             .observationRecorded, .observationCorrected, .resolutionRecorded, .versionAdopted, .participationHeld,
             .participationRevised, .contributionReceived, .contributionDisposed, .planWithdrawn, .resolutionCorrected,
             .resolutionDeliberated:
            return false
        }
    }
}

extension FieldOfAction {
    mutating func apply(_ e: FieldRevised) {
        if let code = e.code { self.code = code.value }
        if let title = e.title { self.title = title }
        if let commitment = e.commitment { self.commitment = commitment.value }
        if let tags = e.tags { self.tags = tags }
        if let derivedFrom = e.derivedFrom { self.derivedFrom = derivedFrom }
        if let themes = e.themes { self.themes = themes }
    }
}

extension Goal {
    mutating func apply(_ e: GoalRevised) {
        if let level = e.level { self.level = level }
        if let statement = e.statement { self.statement = statement }
        if let targetGroup = e.targetGroup { self.targetGroup = targetGroup.value }
        if let effectLevel = e.effectLevel { self.effectLevel = effectLevel.value }
        if let targets = e.targets { self.targets = targets }
        if let derivedFrom = e.derivedFrom { self.derivedFrom = derivedFrom }
        if let themes = e.themes { self.themes = themes }
    }
}

extension Measure {
    mutating func apply(_ e: MeasureRevised) {
        if let title = e.title { self.title = title }
        if let description = e.description { self.description = description }
        if let lead = e.lead { self.lead = lead.value }
        if let partners = e.partners { self.partners = partners }
        if let plannedStart = e.plannedStart { self.plannedStart = plannedStart.value }
        if let plannedEnd = e.plannedEnd { self.plannedEnd = plannedEnd.value }
        if let horizon = e.horizon { self.horizon = horizon.value }
        if let milestones = e.milestones {
            // Reached dates are facts recorded by their own events; a revision of the list keeps them.
            let reached = Dictionary(self.milestones.compactMap { m in m.reached.map { (m.id, $0) } }, uniquingKeysWith: { a, _ in a })
            self.milestones = milestones.map { var m = $0; if m.reached == nil { m.reached = reached[m.id] }; return m }
        }
        if let budget = e.budget { self.budget = budget }
        if let derivedFrom = e.derivedFrom { self.derivedFrom = derivedFrom }
        if let field = e.field { self.field = field.value }
        if let themes = e.themes { self.themes = themes }
    }
}

extension Indicator {
    mutating func apply(_ e: IndicatorRevised) {
        if let code = e.code { self.code = code }
        if let name = e.name { self.name = name }
        if let unit = e.unit { self.unit = unit }
        if let polarity = e.polarity { self.polarity = polarity }
        if let source = e.source { self.source = source }
    }
}
