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
        ("actors", .actor), ("themes", .theme),
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
        entities[EntityKey.plan.rawValue] = (.plan, .object(plan))
    }

    /// The state without its entity collections: what makes up the `plan` entity.
    static func bare(_ state: PlanState) -> PlanState {
        var bare = state
        bare.fields = [:]; bare.goals = [:]; bare.measures = [:]; bare.indicators = [:]; bare.observations = [:]
        bare.bodies = [:]; bare.resolutions = [:]; bare.participation = [:]; bare.contributions = [:]; bare.actors = [:]
        bare.themes = [:]
        bare.vision.sections = state.vision.sections.map { VisionSection(id: $0.id, title: "", text: "") }
        return bare
    }

    /// Whether the `plan` entity is the same in both states, compared as typed values (nothing encoded).
    static func samePlanAttributes(_ old: PlanState, _ new: PlanState) -> Bool {
        bare(old) == bare(new)
    }

    /// One entity's kind and attributes, encoding only that entity (not the whole state).
    static func entity(_ key: String, in state: PlanState) -> (kind: EntityKind, tree: JSONValue)? {
        func tree(_ value: some Encodable) -> JSONValue? { try? CanonicalJSON.tree(of: value) }
        if key == EntityKey.plan.rawValue {
            return EntityCatalog(bare(state)).entities[key]
        }
        if key.hasPrefix("resolution:") {
            return state.resolutions[String(key.dropFirst("resolution:".count))].flatMap(tree).map { (.resolution, $0) }
        }
        guard let id = try? Identifier(key), let kind = state.kind(of: id) else { return nil }
        let value: JSONValue?
        switch kind {
        case .field: value = state.fields[id].flatMap(tree)
        case .goal: value = state.goals[id].flatMap(tree)
        case .measure: value = state.measures[id].flatMap(tree)
        case .indicator: value = state.indicators[id].flatMap(tree)
        case .observation: value = state.observations[id].flatMap(tree)
        case .body: value = state.bodies[id].flatMap(tree)
        case .participation: value = state.participation[id].flatMap(tree)
        case .contribution: value = state.contributions[id].flatMap(tree)
        case .actor: value = state.actors[id].flatMap(tree)
        case .theme: value = state.themes[id].flatMap(tree)
        case .visionSection: value = state.vision.section(id).flatMap(tree)
        case .milestone: value = state.milestoneOwner(id).flatMap { state.measures[$0]?.milestones.first { $0.id == id } }.flatMap(tree)
        case .plan, .resolution, .version: value = nil
        }
        return value.map { (kind, $0) }
    }

    /// The state these entities make up.
    func state() throws -> PlanState {
        guard case var .object(root)? = entities[EntityKey.plan.rawValue]?.tree else { return .empty }
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
        return try CanonicalJSONDecoder().decode(PlanState.self, from: CanonicalJSON.serialize(.object(root)))
    }
}
