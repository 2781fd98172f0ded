import EventStore
import Foundation
@testable import Projections
import StrategyCore
import Testing

/// Reads at past points start from in-memory checkpoints built from the log (`StateCheckpoints`).
@Suite("Checkpoints for time travel", .timeLimit(.minutes(3)))
struct CheckpointTests {
    /// A county plan followed by `reports` progress reports and health assessments on one measure in progress.
    static func busyPlan(_ engine: StrategyEngine, reports: Int) async throws -> (plan: Identifier, measure: Identifier) {
        let plan = try await loadCounty("stade", into: engine)
        let measure = try #require(try engine.state(of: plan).state.measures.values.filter { $0.status == .inProgress }.map(\.id).min { $0.rawValue < $1.rawValue })
        for index in 0..<reports {
            if index % 3 == 2 {
                try await engine.execute(.assessMeasureHealth(measure, health: [.onTrack, .atRisk, .critical][(index / 3) % 3], note: nil), on: plan, context: office("Einschätzung \(index)"))
            } else {
                try await engine.execute(.reportMeasureProgress(measure, percent: index % 101, note: "Stand \(index)"), on: plan, context: office("Sachstand \(index)"))
            }
        }
        return (plan, measure)
    }

    @Test("checkpoints are the log's own states at every interval, bounded in number, and extend as the log grows")
    func checkpointsFromTheLog() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let (plan, measure) = try await Self.busyPlan(engine, reports: 150)
        var head = try #require(try engine.store.streamHead(PlanStreams.streamID(plan)))

        let index = StateCheckpoints(maximumCheckpoints: 4, minimumInterval: 10, maximumPlans: 1)
        // A first read in the middle replays only up to there.
        let middle = try engine.log(of: plan).map(\.position)[Int(head.version) / 2]
        let half = try #require(try index.checkpoints(plan, store: engine.store, headVersion: head.version, through: middle))
        #expect(half.builtThrough == middle && !half.checkpoints.isEmpty && half.checkpoints.allSatisfy { $0.position <= middle })
        var built = try #require(try index.checkpoints(plan, store: engine.store, headVersion: head.version, through: head.position))
        // At most four, evenly spaced by a power-of-two multiple of ten, the last within one interval of the head.
        #expect((2...4).contains(built.checkpoints.count), "\(built.checkpoints.map(\.streamVersion))")
        #expect(built.checkpoints.allSatisfy { $0.streamVersion % built.interval == 0 })
        #expect(built.interval >= 10 && (built.interval / 10).nonzeroBitCount == 1)
        #expect(head.version - built.checkpoints.last!.streamVersion < built.interval)
        for checkpoint in built.checkpoints {
            #expect(checkpoint.state == (try engine.replayedState(of: plan, upTo: checkpoint.position)), "at \(checkpoint.position)")
        }
        // The log grows; the next call extends the list from its newest checkpoint, thinning it to stay within four.
        for index in 0..<120 {
            try await engine.execute(.reportMeasureProgress(measure, percent: index % 101, note: nil), on: plan, context: office("Nachtrag \(index)"))
        }
        head = try #require(try engine.store.streamHead(PlanStreams.streamID(plan)))
        let before = built.interval
        built = try #require(try index.checkpoints(plan, store: engine.store, headVersion: head.version, through: head.position))
        #expect(built.checkpoints.count <= 4 && built.interval > before)
        #expect(built.builtThrough == head.position)
        for checkpoint in built.checkpoints {
            #expect(checkpoint.state == (try engine.replayedState(of: plan, upTo: checkpoint.position)), "at \(checkpoint.position)")
        }
        // A read at an earlier point replays nothing more; one further on replays only from the newest checkpoint.
        let early = try #require(try index.checkpoints(plan, store: engine.store, headVersion: head.version, through: built.checkpoints[0].position))
        #expect(early.builtThrough == head.position && early.checkpoints.count == built.checkpoints.count)
        // A memory budget keeps fewer, farther apart (but at least eight), however many the count would allow.
        let lean = StateCheckpoints(maximumCheckpoints: 64, minimumInterval: 10, maximumPlans: 1, budget: 100 * StateCheckpoints.bytesPerEvent)
        let leanBuilt = try #require(try lean.checkpoints(plan, store: engine.store, headVersion: head.version, through: head.position))
        #expect(leanBuilt.checkpoints.count < 16 || leanBuilt.estimatedBytes <= 100 * StateCheckpoints.bytesPerEvent)
        #expect(leanBuilt.checkpoints.count >= 8 && leanBuilt.interval > 10)
        for checkpoint in leanBuilt.checkpoints {
            #expect(checkpoint.state == (try engine.replayedState(of: plan, upTo: checkpoint.position)), "at \(checkpoint.position)")
        }
        // Only `maximumPlans` plans keep checkpoints: a second plan's read drops the first's.
        let other = try await loadCounty("vechta", into: engine)
        let otherHead = try #require(try engine.store.streamHead(PlanStreams.streamID(other)))
        _ = try #require(try index.checkpoints(other, store: engine.store, headVersion: otherHead.version, through: otherHead.position))
        #expect(Array(index.counts.keys) == [other])
    }

    @Test("every past point read through the checkpoints equals a replay from the first event, before and after the log grows")
    func readsEqualReplays() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let (plan, measure) = try await Self.busyPlan(engine, reports: 1_100)
        let positions = try engine.log(of: plan).map(\.position)
        for position in positions where position % 37 == 0 || position == positions.first {
            #expect(try engine.state(of: plan, at: .position(position)).state == (try engine.replayedState(of: plan, upTo: position)), "at \(position)")
        }
        #expect(try #require(engine.checkpoints.counts[plan]) >= 1, "\(positions.count) events, \(engine.checkpoints.counts)")
        try await engine.execute(.reportMeasureProgress(measure, percent: 99, note: "später"), on: plan, context: office("Nachtrag"))
        let grown = try engine.log(of: plan).map(\.position)
        for position in grown.suffix(3) + [positions[positions.count / 2]] {
            #expect(try engine.state(of: plan, at: .position(position)).state == (try engine.replayedState(of: plan, upTo: position)), "at \(position)")
        }
    }

    @Test("from the second read of a past point on, a snapshot forged with a recomputed hash cannot change what one shows")
    func pastReadsIgnoreSnapshots() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine(snapshotInterval: 5)
        let (plan, measure) = try await Self.busyPlan(engine, reports: 40)
        // The forger writes a state in which the measure is discarded, at an event in the middle, hashed and bound
        // to that record like a real snapshot.
        let positions = try engine.log(of: plan).map(\.position)
        let middle = positions[60]
        var forgedState = try engine.replayedState(of: plan, upTo: middle)
        forgedState.measures[measure]?.status = .discarded
        let record = try #require(try engine.store.event(at: middle))
        let forged = StateSnapshot.encoded(plan: plan, position: middle, streamVersion: record.streamVersion, chainHash: record.hash, state: forgedState)
        try engine.store.saveSnapshot(forged.bytes, name: forged.name, position: forged.position)

        // A single read starts from the newest valid snapshot, as a read of the current state does: the forgery
        // shows there until verify names it (see ForgedDerivedDataTests).
        let fresh = try store.engine(snapshotInterval: 5)
        #expect(try fresh.state(of: plan, at: .position(middle + 3)).state.measures[measure]?.status == .discarded)
        #expect(!(try fresh.verify().isIntact))
        // The second read builds the checkpoints from the log, and from then on every past read rests on the log.
        _ = try fresh.state(of: plan, at: .position(positions[1]))
        let shown = try fresh.state(of: plan, at: .position(middle + 3)).state
        #expect(shown.measures[measure]?.status == .inProgress)
        #expect(shown == (try fresh.replayedState(of: plan, upTo: middle + 3)))
    }
}
