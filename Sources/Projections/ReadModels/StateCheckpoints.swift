import EventStore
import Primitives
import StrategyCore

/// States of a plan at evenly spaced points of its log, kept in memory, so that a read at a past point replays only
/// the events after the nearest one instead of decoding a whole snapshot.
///
/// The first read of a past state of a plan replays the plan's log once from its first event — the log's own
/// proof, no snapshot involved — and keeps the state after every `interval`-th event. Because the log only grows,
/// a checkpoint never goes stale: later reads extend the list from its last checkpoint. The states share what they
/// have in common: unchanged entity tables are one copy (value semantics), and the plan's observations, the table
/// that grows without bound, are a persistent `TreeDictionary`, so a checkpoint adds only the records it added.
///
/// The memory is bounded: at most `maximumCheckpoints` per plan (when a plan grows past it, every other checkpoint
/// is dropped and the interval doubles) and the checkpoints of at most `maximumPlans` plans (the plan read longest
/// ago is dropped first).
///
/// - Complexity: Building is one replay of the plan, O(*n*) in its events; a read then replays at most one interval,
///   O(*n* / `maximumCheckpoints`) events (at least `minimumInterval`), after an O(log *k*) search.
final class StateCheckpoints: Sendable {
    /// A plan's state after the event at `position` (its `streamVersion`-th).
    struct Checkpoint: Sendable {
        let position: UInt64
        let streamVersion: UInt64
        let state: PlanState
    }

    /// One plan's checkpoints, in stream order, every `interval` stream versions.
    struct PlanCheckpoints: Sendable {
        var checkpoints: [Checkpoint] = []
        var interval: UInt64
        /// The stream version the list was built up to (the newest checkpoint may lie before it).
        var builtTo: UInt64 = 0

        /// The newest checkpoint at or before `position`.
        func nearest(atOrBefore position: UInt64) -> Checkpoint? {
            var low = 0, high = checkpoints.count
            while low < high {
                let middle = (low + high) / 2
                if checkpoints[middle].position <= position { low = middle + 1 } else { high = middle }
            }
            return low > 0 ? checkpoints[low - 1] : nil
        }

        /// Keeps every other checkpoint and doubles the interval until at most `limit` remain.
        mutating func thin(to limit: Int) {
            while checkpoints.count > limit {
                interval *= 2
                checkpoints.removeAll { $0.streamVersion % interval != 0 }
            }
        }
    }

    /// Checkpoints kept per plan at most (256 in an engine).
    let maximumCheckpoints: Int
    /// The fewest events between two checkpoints (1,000 in an engine).
    let minimumInterval: UInt64
    /// Plans whose checkpoints are kept at most (4 in an engine).
    let maximumPlans: Int

    init(maximumCheckpoints: Int = 256, minimumInterval: UInt64 = 1_000, maximumPlans: Int = 4) {
        self.maximumCheckpoints = max(2, maximumCheckpoints)
        self.minimumInterval = max(1, minimumInterval)
        self.maximumPlans = max(1, maximumPlans)
    }

    /// Each plan's checkpoints behind its own lock, so that a plan's first read builds them once while reads of
    /// other plans go on; and when each plan was last read (a tick of `reads`), to drop the one read longest ago.
    private struct Entry {
        let slot: Protected<PlanCheckpoints>
        var lastRead: UInt64
    }
    private let plans = Protected<(entries: [Identifier: Entry], reads: UInt64)>(([:], 0))

    /// The smallest interval, `minimumInterval` times a power of two, that keeps `events` events within
    /// ``maximumCheckpoints`` checkpoints.
    func interval(for events: UInt64) -> UInt64 {
        var interval = minimumInterval
        while events / interval > UInt64(maximumCheckpoints) { interval *= 2 }
        return interval
    }

    /// The plan's checkpoints, built or extended up to the plan's event at `head` (its current read model's
    /// version), replaying the log from the newest checkpoint on.
    func checkpoints(
        _ plan: Identifier, store: EventStore, upToVersion head: UInt64, position headPosition: UInt64
    ) throws(EngineError) -> PlanCheckpoints {
        let slot = plans.withLock { plans in
            plans.reads += 1
            let entry = plans.entries[plan] ?? Entry(slot: Protected(PlanCheckpoints(interval: interval(for: head))), lastRead: 0)
            plans.entries[plan] = Entry(slot: entry.slot, lastRead: plans.reads)
            while plans.entries.count > maximumPlans, let oldest = plans.entries.min(by: { $0.value.lastRead < $1.value.lastRead }) {
                plans.entries[oldest.key] = nil
            }
            return entry.slot
        }
        let result: Result<PlanCheckpoints, EngineError> = slot.withLock { entry in
            guard entry.builtTo < head else { return .success(entry) }
            do throws(EngineError) {
                var state = entry.checkpoints.last?.state ?? .empty
                var version = entry.checkpoints.last?.streamVersion ?? 0
                var added: [Checkpoint] = []
                let interval = entry.interval
                try PlanStreams.forEachPage(store, plan: plan, fromVersion: version + 1, upTo: headPosition) { page in
                    for event in page {
                        Plan.apply(CollectionOfOne(event.event), to: &state)
                        version = event.streamVersion
                        if version % interval == 0 {
                            added.append(Checkpoint(position: event.position, streamVersion: version, state: state))
                        }
                    }
                }
                entry.checkpoints += added
                entry.builtTo = max(entry.builtTo, version)
                entry.thin(to: maximumCheckpoints)
                return .success(entry)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// How many plans have checkpoints, and how many each (for tests).
    var counts: [Identifier: Int] {
        plans.withLock { plans in plans.entries.mapValues { $0.slot.withLock(\.checkpoints.count) } }
    }
}
