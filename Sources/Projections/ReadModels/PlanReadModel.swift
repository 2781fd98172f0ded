import EventStore
import StrategyCore

/// One plan's current state in memory, with what is needed to catch it up from the log.
struct PlanReadModel: Sendable {
    var state: PlanState
    var streamVersion: UInt64
    var position: UInt64
    /// The stream version up to which the audit index is complete (stored, or pending in memory).
    var indexedVersion: UInt64
    /// Index entries a read-only store could not take.
    var pending: AuditIndex.Pending
    /// The stream version of the last state snapshot written or loaded.
    var lastSnapshotVersion: UInt64

    /// A model with nothing applied and nothing indexed.
    static let empty = PlanReadModel(
        state: .empty, streamVersion: 0, position: 0, indexedVersion: 0, pending: AuditIndex.Pending(), lastSnapshotVersion: 0)

    /// The model of a plan, from its newest valid snapshot (or from nothing).
    static func load(_ plan: Identifier, store: EventStore) -> PlanReadModel {
        let snapshot = StateSnapshot.latest(plan, atOrBefore: .max, store: store)
        return PlanReadModel(
            state: snapshot?.state ?? .empty, streamVersion: snapshot?.streamVersion ?? 0, position: snapshot?.position ?? 0,
            indexedVersion: AuditIndex.head(plan, store: store), pending: AuditIndex.Pending(),
            lastSnapshotVersion: snapshot?.streamVersion ?? 0)
    }

    /// Applies every event recorded since the model was last caught up; writes the audit index entries and the
    /// snapshots that are due (every `interval` events and at every adoption) when the store is writable.
    mutating func catchUp(_ plan: Identifier, store: EventStore, snapshotInterval: UInt64, limit: Int = .max) throws(EngineError) {
        let head: StreamHead?
        do { head = try store.streamHead(PlanStreams.streamID(plan)) } catch { throw .store(error) }
        guard let head else { return }
        let from = min(streamVersion, indexedVersion) + 1
        guard head.version >= from else { return }
        let records = try PlanStreams.events(store, plan: plan, fromVersion: from, limit: limit)
        var entries: [Snapshot] = []
        var snapshots: [Snapshot] = []
        var indexedUpTo = indexedVersion
        for record in records {
            if record.streamVersion == streamVersion + 1 {
                Plan.apply(CollectionOfOne(record.event), to: &state)
                streamVersion = record.streamVersion
                position = record.position
                var adoption = false
                if case .versionAdopted = record.event { adoption = true }
                if adoption || streamVersion - lastSnapshotVersion >= snapshotInterval {
                    snapshots.append(StateSnapshot.encoded(plan: plan, position: position, streamVersion: streamVersion, state: state))
                    lastSnapshotVersion = streamVersion
                }
            }
            if record.streamVersion == indexedUpTo + 1 {
                entries += AuditIndex.entries(for: record, plan: plan)
                AuditIndex.add(record, to: &pending)
                indexedUpTo = record.streamVersion
            }
        }
        if indexedUpTo > indexedVersion || !snapshots.isEmpty, !store.isReadOnly {
            do {
                try store.saveSnapshots(entries + snapshots + [AuditIndex.headEntry(plan, version: indexedUpTo)])
                pending = AuditIndex.Pending()  // everything is in the store now
            } catch {
                // Derived data only: the entries stay pending in memory and are written on a later catch-up.
                lastSnapshotVersion = min(lastSnapshotVersion, streamVersion)
            }
        }
        indexedVersion = indexedUpTo
    }
}
