import EventStore
import Foundation
import StrategyCore

/// Where each entity's history is: an index from entity to the positions of the events that set its attributes,
/// plus the positions of version adoptions. Kept in the store's snapshot space, so that history and blame read only
/// the entity's own events, in any process.
///
/// | name | position | bytes |
/// |---|---|---|
/// | `index/PLAN/entity/ENTITY` | an event that set attributes of ENTITY | the attribute names, comma-separated |
/// | `index/PLAN/versions` | a `version.adopted` event | the version label |
/// | `index/PLAN/head` | 0 | the last indexed stream version |
///
/// Entries are derived from the log and written after it; a store opened read-only keeps the entries it could
/// not write in memory (``Pending``).
enum AuditIndex {
    /// The prefix of every index entry of a plan.
    static func prefix(_ plan: Identifier) -> String { "index/\(plan.rawValue)/" }
    static func entityName(_ plan: Identifier, _ entity: EntityKey) -> String { "index/\(plan.rawValue)/entity/\(entity.rawValue)" }
    static func versionsName(_ plan: Identifier) -> String { "index/\(plan.rawValue)/versions" }
    static func headName(_ plan: Identifier) -> String { "index/\(plan.rawValue)/head" }

    /// Index entries not (yet) in the store.
    struct Pending: Sendable {
        var entities: [EntityKey: [(position: UInt64, attributes: [String])]] = [:]
        var versions: [(position: UInt64, label: String)] = []

        var isEmpty: Bool { entities.isEmpty && versions.isEmpty }
    }

    /// The stored form of pending entries.
    static func entries(from pending: Pending, plan: Identifier) -> [Snapshot] {
        var entries: [Snapshot] = []
        for (entity, items) in pending.entities {
            for item in items {
                entries.append(Snapshot(name: entityName(plan, entity), position: item.position, bytes: Array(item.attributes.joined(separator: ",").utf8)))
            }
        }
        for version in pending.versions {
            entries.append(Snapshot(name: versionsName(plan), position: version.position, bytes: Array(version.label.utf8)))
        }
        return entries
    }

    static func add(_ record: PlanEventAt, to pending: inout Pending) {
        for effect in record.event.effects {
            pending.entities[effect.entity, default: []].append((record.position, effect.attributes))
        }
        if case let .versionAdopted(version) = record.event { pending.versions.append((record.position, version.label)) }
    }

    /// The stream version up to which the store's index is complete.
    static func head(_ plan: Identifier, store: EventStore) -> UInt64 {
        guard let stored = try? store.snapshot(named: headName(plan), atOrBefore: 0) else { return 0 }
        return UInt64(String(decoding: stored.bytes, as: UTF8.self)) ?? 0
    }

    static func headEntry(_ plan: Identifier, version: UInt64) -> Snapshot {
        Snapshot(name: headName(plan), position: 0, bytes: Array(String(version).utf8))
    }

    /// An entity's (position, attributes) entries, oldest first: the stored ones and the pending ones.
    static func history(_ plan: Identifier, entity: EntityKey, store: EventStore, pending: Pending) throws(EngineError) -> [(position: UInt64, attributes: [String])] {
        let stored: [Snapshot]
        do { stored = try store.snapshots(named: entityName(plan, entity)) } catch { throw .store(error) }
        var entries = stored.map { ($0.position, String(decoding: $0.bytes, as: UTF8.self).split(separator: ",").map(String.init)) }
        let last = entries.last?.0 ?? 0
        entries += (pending.entities[entity] ?? []).filter { $0.position > last }
        return entries
    }

    /// Version labels and the positions of their adoption, oldest first.
    static func versions(_ plan: Identifier, store: EventStore, pending: Pending) throws(EngineError) -> [(position: UInt64, label: String)] {
        let stored: [Snapshot]
        do { stored = try store.snapshots(named: versionsName(plan)) } catch { throw .store(error) }
        var entries = stored.map { ($0.position, String(decoding: $0.bytes, as: UTF8.self)) }
        let last = entries.last?.0 ?? 0
        entries += pending.versions.filter { $0.position > last }
        return entries
    }
}
