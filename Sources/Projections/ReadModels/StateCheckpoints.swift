import EventStore
import Primitives
import StrategyCore

/// States of a plan at evenly spaced points of its log, kept in memory, so that a read at a past point replays only
/// the events after the nearest one instead of decoding a whole snapshot.
///
/// The second read of a past state of a plan (the first starts from a snapshot, as a read of the current state does)
/// replays the plan's log from its first event to its head — the log's own proof, no snapshot involved — and keeps
/// the state after every `interval`-th event. Because the log only grows, a checkpoint never goes stale: a read past
/// the list's end extends it from its last checkpoint. The states share what they
/// have in common: unchanged entity tables are one copy (value semantics), and the plan's observations, the table
/// that grows without bound, are a persistent `TreeDictionary`, so a checkpoint adds only the records it added.
///
/// The memory is bounded: at most `maximumCheckpoints` per plan (when a plan grows past it, every other checkpoint
/// is dropped and the interval doubles), fewer when their estimated memory exceeds the budget, and the checkpoints
/// of at most `maximumPlans` plans (the plan read longest ago is dropped first).
///
/// - Complexity: Building is one replay of the plan, O(*n*) in its events; a read then replays at most one interval,
///   O(*n* / `maximumCheckpoints`) events (at least `minimumInterval`), after an O(log *k*) search.
final class StateCheckpoints: Sendable {
    /// A plan's state after the event at `position` (its `streamVersion`-th).
    struct Checkpoint: Sendable {
        let position: UInt64
        let streamVersion: UInt64
        let state: PlanState
        /// The entities and records the state holds: a checkpoint never costs more memory than a state this size.
        let entries: Int

        init(position: UInt64, streamVersion: UInt64, state: PlanState) {
            self.position = position
            self.streamVersion = streamVersion
            self.state = state
            entries = state.fields.count + state.goals.count + state.measures.count + state.indicators.count + state.observations.count
        }
    }

    /// The memory a checkpoint is assumed to add per event since the one before it: each event changes about one
    /// path of the shared tables (measured about 300 bytes per event on the benchmark's plan of 1,000 measures and
    /// 100,000 observations).
    static let bytesPerEvent = 384

    /// One plan's checkpoints, in stream order, every `interval` stream versions.
    struct PlanCheckpoints: Sendable {
        var checkpoints: [Checkpoint] = []
        var interval: UInt64
        /// The position the list was built through (the newest checkpoint may lie before it).
        var builtThrough: UInt64 = 0
        /// Reads of past points of the plan asked of this list.
        var reads = 0

        /// The newest checkpoint at or before `position`.
        func nearest(atOrBefore position: UInt64) -> Checkpoint? {
            var low = 0, high = checkpoints.count
            while low < high {
                let middle = (low + high) / 2
                if checkpoints[middle].position <= position { low = middle + 1 } else { high = middle }
            }
            return low > 0 ? checkpoints[low - 1] : nil
        }

        /// The memory the checkpoints are assumed to hold beyond the first: per checkpoint, the events since the one
        /// before it (each changes about one path of the shared tables), but never more than its whole state.
        var estimatedBytes: Int {
            var total = 0
            var previous: UInt64 = 0
            for checkpoint in checkpoints {
                total += min(Int(checkpoint.streamVersion - previous), checkpoint.entries) * StateCheckpoints.bytesPerEvent
                previous = checkpoint.streamVersion
            }
            return total
        }

        /// Keeps every other checkpoint and doubles the interval until at most `limit` remain and their estimated
        /// memory fits `budget` — but for the budget never fewer than `minimumCount`.
        mutating func thin(to limit: Int, budget: Int, minimumCount: Int) {
            while checkpoints.count > limit || (checkpoints.count >= 2 * minimumCount && estimatedBytes > budget) {
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
    /// The memory one plan's checkpoints may be estimated to hold (512 MiB in an engine): a plan of millions of
    /// events keeps fewer, farther apart (for the budget, never fewer than eight).
    let budget: Int

    init(maximumCheckpoints: Int = 256, minimumInterval: UInt64 = 1_000, maximumPlans: Int = 4, budget: Int = 512 << 20) {
        self.maximumCheckpoints = max(2, maximumCheckpoints)
        self.minimumInterval = max(1, minimumInterval)
        self.maximumPlans = max(1, maximumPlans)
        self.budget = budget
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

    /// The checkpoints a read of the plan at `position` starts from, or nil for the plan's first read of a past
    /// point, which starts from a snapshot instead: a single read (a command-line call, say) should not pay for
    /// replaying the whole plan. From the second read on, the checkpoints are built through the plan's head.
    func forRead(
        _ plan: Identifier, at position: UInt64, store: EventStore, headVersion: UInt64, headPosition: UInt64
    ) throws(EngineError) -> PlanCheckpoints? {
        try checkpoints(plan, store: store, headVersion: headVersion, through: headPosition, unlessFirstRead: position)
    }

    /// The plan's checkpoints, built or extended through `position`, replaying the log from the newest checkpoint
    /// on. `head`, the plan's current stream version, sets the interval of a plan seen for the first time.
    /// With `unlessFirstRead`, nil when the list does not reach that position yet and no read asked for it before.
    func checkpoints(
        _ plan: Identifier, store: EventStore, headVersion head: UInt64, through position: UInt64, unlessFirstRead read: UInt64? = nil
    ) throws(EngineError) -> PlanCheckpoints? {
        let slot = plans.withLock { plans in
            plans.reads += 1
            let entry = plans.entries[plan] ?? Entry(slot: Protected(PlanCheckpoints(interval: interval(for: head))), lastRead: 0)
            plans.entries[plan] = Entry(slot: entry.slot, lastRead: plans.reads)
            while plans.entries.count > maximumPlans, let oldest = plans.entries.min(by: { $0.value.lastRead < $1.value.lastRead }) {
                plans.entries[oldest.key] = nil
            }
            return entry.slot
        }
        let result: Result<PlanCheckpoints?, EngineError> = slot.withLock { entry in
            entry.reads += 1
            if let read, entry.builtThrough >= read { return .success(entry) }
            if read != nil && entry.reads == 1 { return .success(nil) }
            guard entry.builtThrough < position else { return .success(entry) }
            do throws(EngineError) {
                var built = entry
                var state = built.checkpoints.last?.state ?? .empty
                var version = built.checkpoints.last?.streamVersion ?? 0
                let minimumCount = min(8, maximumCheckpoints)
                try PlanStreams.forEachPage(store, plan: plan, fromVersion: version + 1, upTo: position) { page in
                    for event in page {
                        Plan.apply(CollectionOfOne(event.event), to: &state)
                        version = event.streamVersion
                        if version % built.interval == 0 {
                            // Thinned as they come, so that building never holds more than the bound either.
                            built.checkpoints.append(Checkpoint(position: event.position, streamVersion: version, state: state))
                            built.thin(to: maximumCheckpoints, budget: budget, minimumCount: minimumCount)
                        }
                    }
                }
                built.builtThrough = max(built.builtThrough, position)
                entry = built
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
