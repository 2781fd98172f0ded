internal import Crypto

extension PlanState {
    /// SHA-256 (lowercase hex) of the canonical JSON of the plan's content: its id, title, county, level names,
    /// deadline, vision, fields, goals, measures, indicators, bodies, actors, cross-cutting themes and the plan's own order of
    /// fields, goals and measures.
    ///
    /// Records kept beside the plan (resolutions, observations, participation), the version list and the draft's
    /// label are not content. An adopted version records this hash; replaying the log to the adoption and
    /// hashing again proves the version unchanged.
    public var contentHash: String {
        let content = PlanContent(
            id: id, title: title, county: county, levels: levels, deadline: deadline, vision: vision, fields: fields,
            goals: goals, measures: measures, indicators: indicators, bodies: bodies, actors: actors,
            themes: themes.isEmpty ? nil : themes, fieldSequence: ownOrder.fields, goalSequence: ownOrder.goals, measureSequence: ownOrder.measures,
            contacts: contacts.isEmpty ? nil : contacts)
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

extension PlanState {
    /// The plan's own order as it shows — fields, the goals of each field depth first, measures — for each kind
    /// where it differs from the order the plan would show without one (codes, ids); nil for the others. Two plans
    /// that show the same order hash alike, however their lists were stated.
    var ownOrder: (fields: [Identifier]?, goals: [Identifier]?, measures: [Identifier]?) {
        var plain = self
        plain.fieldSequence = nil
        plain.goalSequence = nil
        plain.measureSequence = nil
        let tree = goalTree
        func walk(_ key: GoalTreeKey) -> [Identifier] {
            (tree[key] ?? []).flatMap { [$0.id] + walk(GoalTreeKey(field: key.field, parent: $0.id)) }
        }
        let fields = fieldSequence == nil ? nil : fieldsInOrder.map(\.id)
        let goals = goalSequence == nil ? nil : fieldsInOrder.flatMap { walk(GoalTreeKey(field: $0.id, parent: nil)) }
        let measures = measureSequence == nil ? nil : measuresInOrder.map(\.id)
        return (
            fields == plain.fieldsInOrder.map(\.id) ? nil : fields,
            goals == nil || plain.goalTree == tree ? nil : goals,
            measures == plain.measuresInOrder.map(\.id) ? nil : measures)
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
    /// The plan's own order, where it states one (left out otherwise, so that earlier versions keep their hash).
    let fieldSequence: [Identifier]?
    let goalSequence: [Identifier]?
    let measureSequence: [Identifier]?
    /// The contacts, by person id; left out when there are none.
    let contacts: [String: [Identifier]]?
}
