// Reconciler: the commands for the indicators and the observations of them.

extension Reconciler {
    /// Indicators defined or revised.
    static func indicatorCommands(_ d: PlanDocument, _ state: PlanState, into commands: inout [PlanCommand]) {
        for indicator in d.indicators {
            commands.append(state.indicators[indicator.id] == nil
                ? .defineIndicator(IndicatorDefined(indicator: indicator.id, code: indicator.code, name: indicator.name, unit: indicator.unit, polarity: indicator.polarity, source: indicator.source))
                : .reviseIndicator(IndicatorRevised(indicator: indicator.id, code: indicator.code, name: indicator.name, unit: indicator.unit, polarity: indicator.polarity, source: indicator.source)))
        }
    }

    /// The observations of the file the plan does not hold yet: values first, in file order, then each correction
    /// once what it corrects is there (a correction of an unknown observation last, for `decide` to name).
    static func observationCommands(_ d: PlanDocument, _ state: PlanState) -> [PlanCommand] {
        var commands: [PlanCommand] = []
        var present = Set(state.observations.keys)
        var corrections: [(id: Identifier, of: Identifier, value: Quantity, reason: String)] = []
        for observation in d.observations where state.observations[observation.id] == nil {
            switch observation.kind {
            case let .recorded(indicator, period, region):
                commands.append(.recordObservation(ObservationRecorded(
                    observation: observation.id, indicator: indicator, period: period, region: region, value: observation.value)))
                present.insert(observation.id)
            case let .correction(of, reason):
                corrections.append((observation.id, of, observation.value, reason))
            }
        }
        while !corrections.isEmpty {
            let ready = corrections.filter { present.contains($0.of) }
            let next = ready.isEmpty ? corrections : ready
            for correction in next {
                commands.append(.correctObservation(ObservationCorrected(
                    observation: correction.id, corrects: correction.of, value: correction.value, reason: correction.reason)))
                present.insert(correction.id)
            }
            let done = Set(next.map(\.id))
            corrections.removeAll { done.contains($0.id) }
        }
        return commands
    }

    /// Indicators the file states as retired, or no longer lists, retired.
    static func indicatorRetirements(_ d: PlanDocument, _ state: PlanState, reason: String?, into commands: inout [PlanCommand]) {
        for indicator in d.indicators {
            if let retired = indicator.retiredReason, state.indicators[indicator.id]?.retiredReason == nil {
                commands.append(.retireIndicator(indicator.id, reason: retired))
            }
        }
        let wantedIndicators = Set(d.indicators.map(\.id))
        for indicator in PlanState.ordered(state.indicators) where !wantedIndicators.contains(indicator.id) && indicator.retiredReason == nil {
            commands.append(.retireIndicator(indicator.id, reason: reason ?? ""))
        }
    }
}
