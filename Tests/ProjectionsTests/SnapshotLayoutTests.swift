import EventStore
import Foundation
@testable import Projections
import StrategyCore
import Testing

/// The state layout of snapshots changes when the model gains a member. Snapshots an earlier build wrote are then
/// never read — the state is replayed from the log — and are not damage: `verify` must not fail on an upgraded store.
@Suite("Snapshots of another state layout", .serialized, .timeLimit(.minutes(2)))
struct SnapshotLayoutTests {
    @Test("a snapshot holding another build's state layout is skipped by reads and by verify")
    func otherLayout() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let plan: Identifier
        do {
            let engine = try store.engine(snapshotInterval: 3)
            plan = try await loadCounty("vechta", into: engine)
            let head = try #require(try engine.store.streamHead(PlanStreams.streamID(plan)))
            let record = try #require(try engine.store.event(at: head.position))
            // What an earlier build wrote: a valid header and hash over a state whose layout version is older.
            var stateBytes = BinaryStateCodec.encode(try engine.state(of: plan).state)
            stateBytes[0] = BinaryStateCodec.layoutVersion - 1
            let earlier = StateSnapshot.encoded(
                plan: plan, position: head.position, streamVersion: head.version, chainHash: record.hash, stateBytes: stateBytes)
            try engine.store.saveSnapshot(earlier.bytes, name: earlier.name, position: earlier.position)
        }
        let engine = try store.engine(snapshotInterval: 3)
        #expect(try engine.state(of: plan).state == (try engine.replayedState(of: plan)))
        let report = try engine.verify()
        #expect(report.isIntact, "\(report.problems)")
        // A snapshot that claims the current layout but does not decode is still damage.
        do {
            let head = try #require(try engine.store.streamHead(PlanStreams.streamID(plan)))
            let record = try #require(try engine.store.event(at: head.position))
            let broken = StateSnapshot.encoded(
                plan: plan, position: head.position, streamVersion: head.version, chainHash: record.hash,
                stateBytes: [BinaryStateCodec.layoutVersion, 0xFF])
            try engine.store.saveSnapshot(broken.bytes, name: broken.name, position: broken.position)
        }
        let damaged = try store.engine(snapshotInterval: 3).verify()
        #expect(!damaged.isIntact && damaged.problems.contains { $0.contains("is damaged") }, "\(damaged.problems)")
    }
}
