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
    /// The size in bytes of that snapshot (0 when there is none).
    var lastSnapshotBytes: Int = 0
    /// True when ``state`` was folded from the plan's first event in this process; false when it started from a
    /// stored snapshot, which is derived data the log does not prove (see `StrategyEngine.model`).
    var isProven: Bool = true

    /// A model with nothing applied and nothing indexed.
    static let empty = PlanReadModel(
        state: .empty, streamVersion: 0, position: 0, indexedVersion: 0, pending: AuditIndex.Pending(), lastSnapshotVersion: 0)

    /// A model to be folded from the plan's first event, keeping what `model` knows about the stored derived data
    /// (the index head, its pending entries, the last snapshot), so that catching it up rewrites none of it.
    static func unfolded(keeping model: PlanReadModel) -> PlanReadModel {
        PlanReadModel(
            state: .empty, streamVersion: 0, position: 0, indexedVersion: model.indexedVersion, pending: model.pending,
            lastSnapshotVersion: model.lastSnapshotVersion, lastSnapshotBytes: model.lastSnapshotBytes, isProven: true)
    }

    /// Snapshot bytes that each event since the last snapshot pays for: the next regular snapshot waits for at
    /// least `lastSnapshotBytes / snapshotBytesPerEvent` events.
    static let snapshotBytesPerEvent = 1_024

    /// Whether a regular snapshot is due: `interval` events after the last one, and — for a large state — at
    /// least one event per KiB of the last snapshot. Each snapshot holds the whole state, so without the second
    /// rule a state of megabytes (say 100,000 indicator observations) would be written every `interval` events:
    /// gigabytes for a long log. With it, snapshot writing stays near 1 KiB per event, and a read at a past point
    /// replays about as long as decoding the snapshot takes. A county's plan (kilobytes) is unaffected.
    func snapshotDue(interval: UInt64) -> Bool {
        let spacing = max(interval, UInt64(lastSnapshotBytes / Self.snapshotBytesPerEvent))
        return streamVersion - lastSnapshotVersion >= spacing
    }

    /// The model of a plan, from its newest valid snapshot (or from nothing).
    static func load(_ plan: Identifier, store: EventStore) -> PlanReadModel {
        let snapshot = StateSnapshot.latest(plan, atOrBefore: .max, store: store)
        return PlanReadModel(
            state: snapshot?.state ?? .empty, streamVersion: snapshot?.streamVersion ?? 0, position: snapshot?.position ?? 0,
            indexedVersion: AuditIndex.head(plan, store: store), pending: AuditIndex.Pending(),
            lastSnapshotVersion: snapshot?.streamVersion ?? 0, lastSnapshotBytes: snapshot?.byteCount ?? 0,
            isProven: snapshot == nil)
    }

    /// Applies every event recorded since the model was last caught up. With `persist` (the write path only), also
    /// writes the audit index entries and the snapshots that are due (every `interval` events and at every
    /// adoption) when the store is writable; without it, index entries stay pending in memory and no snapshot is
    /// made, so a read never changes the store.
    ///
    /// Works page by page: when a later page cannot be read or decoded, the pages before it stay applied (and
    /// their derived data written) and the error is thrown; the model remains consistent with the log up to
    /// ``streamVersion``.
    mutating func catchUp(
        _ plan: Identifier, store: EventStore, snapshotInterval: UInt64, persist: Bool,
        progress: ((UInt64) -> Void)? = nil
    ) throws(EngineError) {
        let persist = persist && !store.isReadOnly
        let head: StreamHead?
        do { head = try store.streamHead(PlanStreams.streamID(plan)) } catch { throw .store(error) }
        guard let head else { return }
        let from = min(streamVersion, indexedVersion) + 1
        guard head.version >= from else { return }
        // Pages are folded on whichever core is free while the next page is decoded (see `forEachPage`); what a
        // page produced is written after it, on this thread, so memory stays bounded on a long catch-up.
        var model = self
        var snapshots: [Snapshot] = []
        var indexedUpTo = indexedVersion
        defer { self = model }
        try PlanStreams.forEachPage(store, plan: plan, fromVersion: from) { page in
            for record in page {
                if record.streamVersion == model.streamVersion + 1 {
                    Plan.apply(CollectionOfOne(record.event), to: &model.state)
                    model.streamVersion = record.streamVersion
                    model.position = record.position
                    var adoption = false
                    if case .versionAdopted = record.event { adoption = true }
                    if persist && (adoption || model.snapshotDue(interval: snapshotInterval)) {
                        let snapshot = StateSnapshot.encoded(
                            plan: plan, position: model.position, streamVersion: model.streamVersion, chainHash: record.hash,
                            state: model.state)
                        snapshots.append(snapshot)
                        model.lastSnapshotVersion = model.streamVersion
                        model.lastSnapshotBytes = snapshot.bytes.count
                    }
                }
                if record.streamVersion == indexedUpTo + 1 {
                    AuditIndex.add(record, to: &model.pending)
                    indexedUpTo = record.streamVersion
                }
            }
        } afterPage: { _ in
            if persist, indexedUpTo > model.indexedVersion || !snapshots.isEmpty || !model.pending.isEmpty {
                do {
                    // `pending` holds every entry indexed since the last successful write, including what an earlier
                    // write failed to store, so writing all of it never leaves a gap below the head it records.
                    try store.saveSnapshots(
                        AuditIndex.entries(from: model.pending, plan: plan) + snapshots + [AuditIndex.headEntry(plan, version: indexedUpTo)])
                    model.pending = AuditIndex.Pending()
                } catch {
                    // Derived data only: the entries stay pending in memory, where reads find them, and are written
                    // with the next successful write; a snapshot that could not be written is simply missing.
                }
            }
            snapshots = []
            model.indexedVersion = indexedUpTo
            progress?(model.streamVersion)
        }
    }
}
