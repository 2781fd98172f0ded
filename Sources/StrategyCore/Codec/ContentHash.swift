internal import Crypto

extension PlanState {
    /// SHA-256 (lowercase hex) of the canonical JSON of the plan's content: its id, title, county, level names,
    /// deadline, vision, fields, goals, measures, indicators, bodies, actors and cross-cutting themes.
    ///
    /// Records kept beside the plan (resolutions, observations, participation), the version list and the draft's
    /// label are not content. An adopted version records this hash; replaying the log to the adoption and
    /// hashing again proves the version unchanged.
    public var contentHash: String {
        let content = PlanContent(
            id: id, title: title, county: county, levels: levels, deadline: deadline, vision: vision, fields: fields,
            goals: goals, measures: measures, indicators: indicators, bodies: bodies, actors: actors,
            themes: themes.isEmpty ? nil : themes)
        let bytes: [UInt8]
        do { bytes = try CanonicalJSON.encode(content) } catch {
            preconditionFailure("plan content always encodes: \(error)")
        }
        return SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

/// The part of the plan a version seals.
private struct PlanContent: Encodable {
    let id: Identifier?
    let title: String
    let county: String
    let levels: LevelNames
    let deadline: CalendarDate?
    let vision: Vision
    let fields: [Identifier: FieldOfAction]
    let goals: [Identifier: Goal]
    let measures: [Identifier: Measure]
    let indicators: [Identifier: Indicator]
    let bodies: [Identifier: Body]
    let actors: [Identifier: Actor]
    /// Left out when the plan has none, so that versions sealed before themes existed keep their hash.
    let themes: [Identifier: Theme]?
}
