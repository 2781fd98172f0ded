// Reads the monitoring sections: indicators and the observations of them.
internal import Yams

extension PlanFile {
    /// The indicators, retired ones with the reason.
    static func readIndicators(_ list: Node?, _ document: inout PlanDocument, _ r: inout YAMLReader) {
        for (index, node) in r.sequence(list, "indicators").enumerated() {
            let path = "indicators[\(index)]"
            guard let e = r.mapping(node, path, allowed: ["id", "code", "name", "unit", "polarity", "source", "retired"],
                                    required: ["id", "code", "name", "unit", "polarity", "source"]),
                  let id = r.identifier(e, "id") else { continue }
            r.entity(id, e.values["id"], path)
            let code = r.scalar(e, "code", required: true), name = r.text(e, "name", required: true)
            let unit = r.text(e, "unit", required: true), source = r.text(e, "source", required: true)
            guard let polarity = r.choice(e, "polarity", Polarity.self), let code, let name, let unit, let source else { continue }
            var indicator = Indicator(id: id, code: code, name: name, unit: unit, polarity: polarity, source: source)
            indicator.retiredReason = r.text(e, "retired")
            document.indicators.append(indicator)
        }
    }

    /// The observations and their corrections.
    static func readObservations(_ list: Node?, _ document: inout PlanDocument, _ r: inout YAMLReader) {
        for (index, node) in r.sequence(list, "observations").enumerated() {
            if let observation = readObservation(node, "observations[\(index)]", &r) { document.observations.append(observation) }
        }
    }

    /// An observation: a value recorded (`indicator`, `period`, `region`, `value`), or a correction of one
    /// (`corrects`, `value`, `reason`), which takes indicator, period and region from the observation it corrects.
    private static func readObservation(_ node: Node, _ path: String, _ r: inout YAMLReader) -> PlanDocument.ObservationEntry? {
        var isCorrection = false
        if case let .mapping(mapping) = node, mapping["corrects"] != nil { isCorrection = true }
        guard let e = r.mapping(node, path, allowed: ["id", "indicator", "period", "region", "value", "corrects", "reason"],
                                required: isCorrection ? ["id", "corrects", "value", "reason"] : ["id", "indicator", "period", "region", "value"]),
              let id = r.identifier(e, "id") else { return nil }
        r.entity(id, e.values["id"], path)
        for key in ["indicator", "period", "region", "value", "corrects", "reason"] where e.values[key] != nil {
            r.remember("observation-\(key):" + id.rawValue, e.values[key], e.child(key))
        }
        let value = r.quantity(e, "value")
        if isCorrection {
            for key in ["indicator", "period", "region"] where e.values[key] != nil {
                let german = key == "indicator" ? "die Kennzahl" : key == "period" ? "den Zeitraum" : "die Region"
                r.fail(e.values[key], e.child(key), Wording(de: "eine Berichtigung übernimmt \(german) aus dem Messwert, den sie berichtigt; hier weglassen",
                                                            en: "a correction takes its \(key) from the observation it corrects; leave it out"))
            }
            let corrects = r.identifier(e, "corrects"), reason = r.text(e, "reason", required: true)
            guard let corrects, let reason, let value else { return nil }
            return PlanDocument.ObservationEntry(id: id, value: value, kind: .correction(of: corrects, reason: reason))
        }
        if e.values["reason"] != nil {
            r.fail(e.values["reason"], e.child("reason"), Wording(de: "nur eine Berichtigung (mit 'corrects') nennt eine Begründung",
                                                                  en: "only a correction (with 'corrects') gives a reason"))
        }
        let indicator = r.identifier(e, "indicator")
        let period = r.text(e, "period", required: true), region = r.text(e, "region", required: true)
        guard let indicator, let period, let region, let value else { return nil }
        return PlanDocument.ObservationEntry(id: id, value: value, kind: .recorded(indicator: indicator, period: period, region: region))
    }
}
