// Decides the commands on measures: plan, revise, relink, status, health, progress, milestones.

extension Plan {
    private static func validateMeasure(_ m: Measure, _ rules: Rules) throws(DomainError) {
        let name = "measure '\(m.id)'"
        try rules.label(m.title, "\(name).title")
        try rules.optionalText(m.description, "\(name).description")
        if let lead = m.lead { try rules.label(lead, "\(name).lead") }
        try rules.texts(m.partners, "\(name).partners")
        if let start = m.plannedStart, let end = m.plannedEnd, end.isCertainlyBefore(start) {
            throw .invalidValue(field: "\(name).plannedEnd", reason: Wording(de: "\(end.text(in: .de)) liegt vor dem geplanten Beginn \(start.text(in: .de))", en: "\(end) is before the planned start \(start)"))
        }
        for (index, goal) in m.goals.enumerated() { _ = try rules.goal(goal, "\(name).goals[\(index)]") }
        if Set(m.goals).count != m.goals.count { throw .invalidValue(field: "\(name).goals", reason: Wording(de: "nennt ein Ziel zweimal", en: "lists a goal twice")) }
        var milestoneIDs = Set<Identifier>()
        for (index, milestone) in m.milestones.enumerated() {
            if !milestoneIDs.insert(milestone.id).inserted {
                throw .invalidValue(field: "\(name).milestones[\(index)].id", reason: Wording(de: "'\(milestone.id)' steht zweimal darin", en: "'\(milestone.id)' appears twice"))
            }
            if let kind = rules.state.kind(of: milestone.id), !(kind == .milestone && rules.state.milestoneOwner(milestone.id) == m.id) {
                throw .duplicateID(milestone.id, existing: kind)
            }
            try rules.label(milestone.title, "\(name).milestones[\(index)].title")
        }
        for (index, line) in m.budget.enumerated() {
            try rules.label(line.source, "\(name).budget[\(index)].source")
            if line.amount.cents < 0 { throw .invalidValue(field: "\(name).budget[\(index)].amount", reason: Wording(de: "darf nicht negativ sein", en: "must not be negative")) }
            if !(1900...2200).contains(line.year) { throw .invalidValue(field: "\(name).budget[\(index)].year", reason: Wording(de: "\(line.year) ist kein Haushaltsjahr", en: "\(line.year) is not a budget year")) }
        }
        try rules.references(m.derivedFrom, "\(name).derivedFrom", excluding: nil)
        if let field = m.field { _ = try rules.field(field, "\(name).field") }
        try rules.themes(m.themes, "\(name).themes")
    }

    static func planMeasure(_ e: MeasurePlanned, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.measure)
        try validateMeasure(Measure(
            id: e.measure, title: e.title, description: e.description, lead: e.lead, partners: e.partners,
            plannedStart: e.plannedStart, plannedEnd: e.plannedEnd, horizon: e.horizon, goals: e.goals,
            milestones: e.milestones, budget: e.budget, derivedFrom: e.derivedFrom, field: e.field, themes: e.themes ?? []), rules)
        var event = e
        if event.themes == [] { event.themes = nil }
        return [.measurePlanned(event)]
    }

    static func reviseMeasure(_ e: MeasureRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let measure = try rules.measure(e.measure, "measure")
        var change = MeasureRevised(measure: e.measure)
        if let title = e.title, title != measure.title { change.title = title }
        if let description = e.description, description != measure.description { change.description = description }
        if let lead = e.lead, lead.value != measure.lead { change.lead = lead }
        if let partners = e.partners, partners != measure.partners { change.partners = partners }
        if let start = e.plannedStart, start.value != measure.plannedStart { change.plannedStart = start }
        if let end = e.plannedEnd, end.value != measure.plannedEnd { change.plannedEnd = end }
        if let horizon = e.horizon, horizon.value != measure.horizon { change.horizon = horizon }
        if let milestones = e.milestones, milestones.map(\.withoutReached) != measure.milestones.map(\.withoutReached) {
            change.milestones = milestones.map(\.withoutReached)
        }
        if let budget = e.budget, budget != measure.budget { change.budget = budget }
        if let derivedFrom = e.derivedFrom, derivedFrom != measure.derivedFrom { change.derivedFrom = derivedFrom }
        if let field = e.field, field.value != measure.field { change.field = field }
        if let themes = e.themes, themes != measure.themes { change.themes = themes }
        guard change != MeasureRevised(measure: e.measure) else { return [] }
        var after = measure
        after.apply(change)
        try validateMeasure(after, rules)
        if measure.status.isFinal { throw .illegalTransition(kind: .measure, id: e.measure, from: measure.status.rawValue, to: "revised") }
        try rules.reasonIfSealed(e.measure, .measure, Wording(de: "das Überarbeiten", en: "revising it"))
        return [.measureRevised(change)]
    }

    static func relinkMeasure(_ id: Identifier, goals: [Identifier], _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        var measure = try rules.measure(id, "measure")
        if measure.goals == goals { return [] }
        let previous = measure.goals
        measure.goals = goals
        try validateMeasure(measure, rules)
        try rules.reasonIfSealed(id, .measure, Wording(de: "das Verknüpfen mit anderen Zielen", en: "linking it to other goals"))
        return [.measureRelinked(MeasureRelinked(measure: id, goals: goals, previous: previous))]
    }

    /// A status change; `dated` when the command's effective date is the day the change happened (it then sets the
    /// actual start or end), not when a plan file merely states the status.
    static func changeMeasureStatus(
        _ id: Identifier, to: MeasureStatus, reason: String?, dated: Bool, _ rules: Rules
    ) throws(DomainError) -> [PlanEvent] {
        let measure = try rules.measure(id, "measure")
        if measure.status == to { return [] }
        guard measure.status.successors.contains(to) else {
            throw .illegalTransition(kind: .measure, id: id, from: measure.status.rawValue, to: to.rawValue)
        }
        var recordedReason = reason ?? rules.context.reason
        if to == .discarded {
            recordedReason = try rules.requiredReason(reason, .measure, id.rawValue, Wording(de: "das Verwerfen", en: "discarding it"))
        } else {
            try rules.optionalText(reason, "measure '\(id)'.reason", maxLength: 2_000)
        }
        return [.measureStatusChanged(MeasureStatusChanged(
            measure: id, from: measure.status, to: to, reason: recordedReason, on: dated ? rules.context.effectiveDate : nil))]
    }

    static func assessMeasureHealth(_ id: Identifier, health: Health, note: String?, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let measure = try rules.measure(id, "measure")
        try rules.optionalText(note, "measure '\(id)'.note", maxLength: 2_000)
        if measure.status.isFinal { throw .illegalTransition(kind: .measure, id: id, from: measure.status.rawValue, to: "assessed") }
        if measure.health == health && note == nil { return [] }
        return [.measureHealthAssessed(MeasureHealthAssessed(measure: id, health: health, note: note))]
    }

    static func reportMeasureProgress(_ id: Identifier, percent: Int, note: String?, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let measure = try rules.measure(id, "measure")
        guard (0...100).contains(percent) else {
            throw .invalidValue(field: "measure '\(id)'.progress", reason: Wording(de: "muss zwischen 0 und 100 Prozent liegen, nicht \(percent)", en: "must be between 0 and 100 percent, not \(percent)"))
        }
        try rules.optionalText(note, "measure '\(id)'.note", maxLength: 2_000)
        guard measure.status == .inProgress || measure.status == .suspended else {
            throw .invalidValue(field: "measure '\(id)'.progress", reason: Wording(de: "Fortschritt wird für Maßnahmen in Umsetzung gemeldet; diese ist \(measure.status.label.de)", en: "progress is reported for measures in progress; this one is \(measure.status.rawValue)"))
        }
        return [.measureProgressReported(MeasureProgressReported(measure: id, percent: percent, note: note))]
    }

    static func reachMilestone(_ id: Identifier, milestone: Identifier, on: CalendarDate, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let measure = try rules.measure(id, "measure")
        guard let found = measure.milestones.first(where: { $0.id == milestone }) else {
            throw .unknownEntity(kind: .milestone, id: milestone.rawValue, role: "measure '\(id)'.milestones")
        }
        if found.reached == on { return [] }
        return [.milestoneReached(MilestoneReached(measure: id, milestone: milestone, on: on))]
    }
}

extension Milestone {
    /// The milestone as planned, without the date it was reached (a fact recorded by its own event).
    var withoutReached: Milestone { Milestone(id: id, title: title, due: due) }
}
