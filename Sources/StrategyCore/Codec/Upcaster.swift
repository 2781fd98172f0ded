/// Rewrites a stored payload of one schema version into the next, so old events decode with today's types.
///
/// Upcasters run on the JSON tree of the whole payload (`{"context": …, "data": …}`) and are chained: an event
/// stored at version 1 of a type now at version 3 passes through the 1→2 and the 2→3 upcaster. Stored bytes are
/// never changed; the hash chain keeps covering what was originally written.
public struct Upcaster: Sendable {
    /// The event type.
    public let type: String
    /// The schema version it reads; it writes `from + 1`.
    public let from: UInt32
    /// The rewrite.
    public let transform: @Sendable (JSONValue) throws -> JSONValue

    /// Every upcaster this library knows.
    public static let registered: [Upcaster] = [goalFormulatedV1, measureRevisedV1, participationRevisedV1, fieldRevisedV1, measureRevisedV2]

    /// `goal.formulated` v1 → v2. Version 1 held at most one target in flat members (`indicator`, `baseline`,
    /// `baselineDate`, `targetValue`, `targetDate`); version 2 holds a list `targets`.
    static let goalFormulatedV1 = Upcaster(type: "goal.formulated", from: 1) { payload in
        guard case var .object(data)? = payload["data"] else { throw UpcastError.missing("data") }
        let flat = ["indicator", "baseline", "baselineDate", "targetValue", "targetDate"]
        var targets: [JSONValue] = []
        if let indicator = data["indicator"] {
            guard let value = data["targetValue"], let date = data["targetDate"] else {
                throw UpcastError.missing("targetValue and targetDate next to indicator")
            }
            var target: [String: JSONValue] = ["indicator": indicator, "target": value, "targetDate": date]
            if let baseline = data["baseline"] { target["baseline"] = baseline }
            if let baselineDate = data["baselineDate"] { target["baselineDate"] = baselineDate }
            targets.append(.object(target))
        }
        for key in flat { data[key] = nil }
        data["targets"] = .array(targets)
        var result = payload
        result["data"] = .object(data)
        return result
    }
}

extension Upcaster {
    /// `measure.revised` v1 → v2. Version 1 could only set the horizon (`"horizon": "long"`); version 2 can also
    /// remove it, as every clearable attribute: `"horizon": {"set": "long"}`.
    static let measureRevisedV1 = clearable("measure.revised", member: "horizon")

    /// `participation.revised` v1 → v2: the participant count becomes clearable (`{"set": 40}`), so that a count
    /// recorded by mistake can be taken back to "not known".
    static let participationRevisedV1 = clearable("participation.revised", member: "participants")

    /// `measure.revised` v2 → v3: the lead becomes clearable (`{"set": "Bildungsbüro"}`), so that a lead the plan
    /// does not name can be taken back to "not stated".
    static let measureRevisedV2 = clearable("measure.revised", members: ["lead"], from: 2)

    /// `field.revised` v1 → v2: code and commitment become clearable (`{"set": "a"}`), so that a field the plan does
    /// not number, or gives no commitment for, can lose a code or commitment recorded earlier.
    static let fieldRevisedV1 = clearable("field.revised", members: ["code", "commitment"])

    /// The version-1 → 2 upcaster of a type whose `member` turned from a plain value into a ``Clearable``.
    static func clearable(_ type: String, member: String) -> Upcaster { clearable(type, members: [member]) }

    /// The upcaster from version `from` of a type whose `members` turned from plain values into ``Clearable``s.
    static func clearable(_ type: String, members: [String], from: UInt32 = 1) -> Upcaster {
        Upcaster(type: type, from: from) { payload in
            guard case var .object(data)? = payload["data"] else { throw UpcastError.missing("data") }
            for member in members {
                if let value = data[member] { data[member] = .object(["set": value]) }
            }
            var result = payload
            result["data"] = .object(data)
            return result
        }
    }
}

/// Why an upcaster could not rewrite a payload.
public enum UpcastError: Error, Sendable, CustomStringConvertible {
    /// A member the old schema requires is missing.
    case missing(String)

    public var description: String {
        switch self {
        case let .missing(member): return "the old payload lacks \(member)"
        }
    }
}
