// Decides the commands on monitoring: indicators (define, revise, retire) and observations (record, correct).

extension Plan {
    static func defineIndicator(_ e: IndicatorDefined, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.indicator)
        let name = "indicator '\(e.indicator)'"
        try rules.label(e.code, "\(name).code")
        try rules.label(e.name, "\(name).name")
        try rules.label(e.unit, "\(name).unit")
        try rules.label(e.source, "\(name).source")
        return [.indicatorDefined(e)]
    }

    static func reviseIndicator(_ e: IndicatorRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let indicator = try rules.indicator(e.indicator, "indicator")
        let name = "indicator '\(e.indicator)'"
        var change = IndicatorRevised(indicator: e.indicator)
        if let code = e.code, code != indicator.code { try rules.label(code, "\(name).code"); change.code = code }
        if let value = e.name, value != indicator.name { try rules.label(value, "\(name).name"); change.name = value }
        if let unit = e.unit, unit != indicator.unit { try rules.label(unit, "\(name).unit"); change.unit = unit }
        if let polarity = e.polarity, polarity != indicator.polarity { change.polarity = polarity }
        if let source = e.source, source != indicator.source { try rules.label(source, "\(name).source"); change.source = source }
        guard change != IndicatorRevised(indicator: e.indicator) else { return [] }
        try rules.reasonIfSealed(e.indicator, .indicator, Wording(de: "das Überarbeiten", en: "revising it"))
        return [.indicatorRevised(change)]
    }

    static func retireIndicator(_ id: Identifier, reason: String, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let indicator = try rules.indicator(id, "indicator")
        if indicator.retiredReason != nil { throw .illegalTransition(kind: .indicator, id: id, from: "retired", to: "retired") }
        let reason = try rules.requiredReason(reason, .indicator, id.rawValue, Wording(de: "das Beenden", en: "retiring it"))
        let usedBy = rules.state.goals.values.filter { $0.status.isOpen && $0.targets.contains { $0.indicator == id } }.map(\.id).sorted()
        if let goal = usedBy.first {
            throw .invalidValue(field: "indicator '\(id)'", reason: Wording(de: "das Ziel '\(goal)' misst seinen Zielwert noch damit", en: "goal '\(goal)' still measures its target with it"))
        }
        return [.indicatorRetired(IndicatorRetired(indicator: id, reason: reason))]
    }

    static func recordObservation(_ e: ObservationRecorded, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.observation)
        let indicator = try rules.indicator(e.indicator, "observation '\(e.observation)'.indicator")
        if indicator.retiredReason != nil {
            throw .invalidValue(field: "observation '\(e.observation)'.indicator", reason: Wording(de: "die Kennzahl '\(e.indicator)' wird nicht mehr geführt", en: "indicator '\(e.indicator)' is retired"))
        }
        try rules.label(e.period, "observation '\(e.observation)'.period")
        try rules.label(e.region, "observation '\(e.observation)'.region")
        return [.observationRecorded(e)]
    }

    static func correctObservation(_ e: ObservationCorrected, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.observation)
        guard let corrected = rules.state.observations[e.corrects] else {
            throw .unknownEntity(kind: .observation, id: e.corrects.rawValue, role: "observation '\(e.observation)'.corrects")
        }
        if let by = corrected.correctedBy { throw .observationAlreadyCorrected(observation: e.corrects, by: by) }
        let reason = try rules.requiredReason(e.reason, .observation, e.corrects.rawValue, Wording(de: "das Berichtigen", en: "correcting it"))
        var event = e
        event.reason = reason
        return [.observationCorrected(event)]
    }
}
