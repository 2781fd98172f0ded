import Foundation
import StrategyCore

/// A plan state taken apart into entities — each an attribute object — and put back together.
///
/// Built on the state's canonical JSON tree, so every attribute of every entity takes part in diffs and blame
/// without a hand-written list, and a state rebuilt from a catalog is exactly the state it came from.
struct EntityCatalog {
    /// Entity key → (kind, attributes). Keys are entity ids, `plan`, or `resolution:NUMBER`.
    var entities: [String: (kind: EntityKind, tree: JSONValue)]

    /// The collections of the state and the kind of their members.
    static let collections: [(member: String, kind: EntityKind)] = [
        ("fields", .field), ("goals", .goal), ("measures", .measure), ("indicators", .indicator), ("observations", .observation),
        ("bodies", .body), ("resolutions", .resolution), ("participation", .participation), ("contributions", .contribution),
        ("actors", .actor),
    ]

    init(_ state: PlanState) {
        entities = [:]
        guard case let .object(root)? = try? CanonicalJSON.tree(of: state) else { return }
        var plan = root
        for (member, kind) in Self.collections {
            plan[member] = nil
            guard case let .object(items)? = root[member] else { continue }
            for (key, tree) in items {
                entities[kind == .resolution ? "resolution:" + key : key] = (kind, tree)
            }
        }
        if case let .object(vision)? = root["vision"] {
            plan["vision"] = nil
            plan["principles"] = vision["principles"] ?? .array([])
            if let motto = vision["motto"] { plan["motto"] = motto }
            var order: [JSONValue] = []
            if case let .array(sections)? = vision["sections"] {
                for section in sections {
                    guard let id = section["id"]?.stringValue else { continue }
                    entities[id] = (.visionSection, section)
                    order.append(.string(id))
                }
            }
            plan["sections"] = .array(order)
        }
        entities[PlanEvent.planEntity] = (.plan, .object(plan))
    }

    /// The state these entities make up.
    func state() throws -> PlanState {
        guard case var .object(root)? = entities[PlanEvent.planEntity]?.tree else { return .empty }
        var vision: [String: JSONValue] = ["principles": root["principles"] ?? .array([])]
        if let motto = root["motto"] { vision["motto"] = motto }
        var sections: [JSONValue] = []
        if case let .array(order)? = root["sections"] {
            for id in order { if let key = id.stringValue, let section = entities[key]?.tree { sections.append(section) } }
        }
        vision["sections"] = .array(sections)
        root["principles"] = nil
        root["motto"] = nil
        root["sections"] = nil
        root["vision"] = .object(vision)
        for (member, kind) in Self.collections {
            var items: [String: JSONValue] = [:]
            for (key, entry) in entities where entry.kind == kind {
                items[kind == .resolution ? String(key.dropFirst("resolution:".count)) : key] = entry.tree
            }
            root[member] = .object(items)
        }
        return try JSONDecoder().decode(PlanState.self, from: Data(CanonicalJSON.serialize(.object(root))))
    }
}
