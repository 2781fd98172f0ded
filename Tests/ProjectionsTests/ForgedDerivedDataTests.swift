import EventStore
import Foundation
@testable import Projections
import StrategyCore
import Testing

/// Someone with write access to `data.mdb` edits derived data — a snapshot with its SHA-256 recomputed, an
/// audit-index entry — instead of the hash-chained log. The log must stay the only thing anything is decided on.
@Suite("Forged derived data", .serialized, .timeLimit(.minutes(5)))
struct ForgedDerivedDataTests {
    /// Vechta's plan with one measure taken from planned to in progress (the state to forge back to) and then to
    /// completed; returns the plan, the older state and the engine's store path.
    func prepare(_ store: TemporaryStore) async throws -> (plan: Identifier, older: PlanState) {
        let engine = try store.engine(snapshotInterval: 3)
        let plan = try await loadCounty("vechta", into: engine)
        let measure = id("m-bildungsportal")
        try await engine.execute(.changeMeasureStatus(measure, to: .inProgress, reason: "Start"), on: plan, context: office())
        let older = try engine.state(of: plan).state
        try await engine.execute(.changeMeasureStatus(measure, to: .completed, reason: "Fertig"), on: plan, context: office())
        // Another plan, whose events a forged index entry will point to.
        _ = try await loadCounty("cloppenburg", into: engine)
        return (plan, older)
    }

    @Test("a snapshot an earlier build wrote in format 4 (an earlier state layout) is ignored, not reported as damage",
          .timeLimit(.minutes(2)))
    func earlierFormat() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let (plan, _) = try await prepare(store)
        let engine = try store.engine(snapshotInterval: 3)
        let state = try engine.state(of: plan).state
        do {
            // What this build cannot read: the header of format 4, then a state in a layout it does not know.
            let head = try #require(try engine.store.streamHead(PlanStreams.streamID(plan)))
            let bytes = StateSnapshot.magic + [4] + [UInt8](repeating: 0xA5, count: 96)
            try engine.store.saveSnapshot(bytes, name: StateSnapshot.name(plan), position: head.position)
        }
        let reopened = try store.engine(snapshotInterval: 3)
        #expect(try reopened.state(of: plan).state == state)
        let report = try reopened.verify()
        #expect(report.isIntact, "\(report.problems)")
    }

    @Test("a snapshot forged with a recomputed hash: verify finds it, no write is decided on it, replay reports it",
          .timeLimit(.minutes(2)))
    func forgedSnapshot() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let (plan, older) = try await prepare(store)
        do {
            // The forger writes the older state as a snapshot at the plan's newest event, bound to that record's
            // chain hash and hashed like a real one.
            let engine = try store.engine(snapshotInterval: 3)
            let head = try #require(try engine.store.streamHead(PlanStreams.streamID(plan)))
            let record = try #require(try engine.store.event(at: head.position))
            let forged = StateSnapshot.encoded(
                plan: plan, position: head.position, streamVersion: head.version, chainHash: record.hash, state: older)
            try engine.store.saveSnapshot(forged.bytes, name: forged.name, position: forged.position)
        }
        let engine = try store.engine(snapshotInterval: 3)
        // Reads start from the newest snapshot, so this one shows the forged (older) status ...
        #expect(try engine.state(of: plan).state.measures[id("m-bildungsportal")]?.status == .inProgress)
        // ... but verify compares every snapshot with the log and fails.
        let report = try engine.verify()
        #expect(report.chain.isIntact)
        #expect(!report.isIntact)
        #expect(report.problems.contains { $0.contains("snapshot at position") && $0.contains("differs") }, "\(report.problems)")
        #expect(report.findings.contains { $0.de.contains("Zwischenstand an Position") && $0.de.contains("anderen Stand") }, "\(report.findings)")
        // A change the forged state allows and the log's state forbids (completed is final) is refused, and nothing
        // is recorded.
        let before = try engine.store.head()
        await #expect(throws: EngineError.self) {
            try await engine.execute(.changeMeasureStatus(id("m-bildungsportal"), to: .suspended, reason: "Pause"), on: plan, context: office())
        }
        #expect(try engine.store.head() == before)
        // After the refused write the engine holds the log's state.
        #expect(try engine.state(of: plan).state.measures[id("m-bildungsportal")]?.status == .completed)
        // The rebuild lists what it replaced; afterwards the store verifies, and the log holds no forged decision.
        let replaced = try engine.checkReadModels(of: plan)
        #expect(!replaced.isEmpty)
        _ = try engine.rebuildReadModels(of: plan)
        #expect(try engine.verify().isIntact)
        #expect(try engine.replayedState(of: plan).measures[id("m-bildungsportal")]?.status == .completed)
        #expect(try engine.log(of: plan).allSatisfy { $0.type != "measure.status_changed" || $0.reason != "Pause" })
    }

    @Test("a snapshot damaged at rest is reported by verify in the reader's language, naming byte and field",
          .timeLimit(.minutes(2)))
    func damagedSnapshot() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let (plan, _) = try await prepare(store)
        let engine = try store.engine(snapshotInterval: 3)
        let stored = try #require(try engine.store.snapshots(named: StateSnapshot.name(plan)).last)
        var bytes = stored.bytes
        bytes[bytes.count - 40] ^= 0x55  // inside the state, so its SHA-256 no longer matches
        try engine.store.saveSnapshot(bytes, name: stored.name, position: stored.position)
        let report = try StrategyEngine(path: store.path, readOnly: true).verify()
        #expect(!report.isIntact)
        let german = try #require(report.findings.first { $0.de.contains("beschädigt") }, "\(report.findings)")
        #expect(german.de.contains("Byte ") && german.de.contains("Feld ") && !german.de.contains("does not") && !german.de.contains("its "), "\(german.de)")
        #expect(german.en.contains("is damaged") && german.en.contains("does not match its SHA-256"), "\(german.en)")
    }

    @Test("an edited audit-index entry: history and blame refuse it, verify finds it", .timeLimit(.minutes(2)))
    func forgedIndexEntry() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let (plan, _) = try await prepare(store)
        let engine = try store.engine(snapshotInterval: 3)
        let other = try #require(try engine.plans().first { $0 != plan })
        let foreign = try #require(try engine.log(of: other).last).position
        // The forger adds an entry claiming an event of the other plan set the measure's status.
        try engine.store.saveSnapshot(
            Array("status".utf8), name: AuditIndex.entityName(plan, "m-bildungsportal"), position: foreign)
        let fresh = try store.engine(snapshotInterval: 3)
        #expect(throws: EngineError.self) { try fresh.history(of: "m-bildungsportal", in: plan) }
        #expect(throws: EngineError.self) { try fresh.blame("m-bildungsportal", in: plan) }
        let report = try fresh.verify()
        #expect(!report.isIntact)
        #expect(report.problems.contains { $0.contains("audit index entry") && $0.contains("\(foreign)") }, "\(report.problems)")
        // An entry of its own plan that names the wrong attributes is found as well.
        let own = try #require(try fresh.log(of: plan).first { $0.effects.contains { $0.entity == "m-bildungsportal" } })
        try fresh.store.saveSnapshot(Array("title".utf8), name: AuditIndex.entityName(plan, "m-bildungsportal"), position: own.position)
        #expect(try fresh.verify().problems.contains { $0.contains("says 'title'") })
        // A missing entry below the index head is found too.
        try fresh.store.deleteSnapshots(named: AuditIndex.entityName(plan, "m-bildungsportal"))
        #expect(try fresh.verify().problems.contains { $0.contains("lacks the entry") })
        _ = try fresh.rebuildReadModels(of: plan)
        #expect(try fresh.verify().isIntact)
        #expect(try fresh.history(of: "m-bildungsportal", in: plan).count >= 3)
    }

    @Test("a snapshot of another history (same plan, same positions, another chain) is not used", .timeLimit(.minutes(2)))
    func snapshotOfAnotherHistory() async throws {
        let first = TemporaryStore(), second = TemporaryStore()
        defer { first.remove(); second.remove() }
        let (plan, _) = try await prepare(first)
        // A second store with the same plan and the same number of events, but other content.
        let other = try second.engine(snapshotInterval: 3)
        _ = try await loadCounty("vechta", into: other)
        try await other.execute(.changeMeasureStatus(id("m-bildungsportal"), to: .discarded, reason: "Verworfen"), on: plan, context: office())
        let engine = try first.engine(snapshotInterval: 3)
        let mine = Set(try engine.store.snapshotPositions(named: StateSnapshot.name(plan)))
        let shared = try #require(try other.store.snapshotPositions(named: StateSnapshot.name(plan)).first { mine.contains($0) })
        let theirs = try #require(try other.store.snapshot(named: StateSnapshot.name(plan), atOrBefore: shared))
        try engine.store.saveSnapshot(theirs.bytes, name: theirs.name, position: theirs.position)
        let fresh = try first.engine(snapshotInterval: 3)
        #expect(StateSnapshot.validated(theirs, plan: plan, store: fresh.store) == nil)
        #expect(try fresh.state(of: plan).state.measures[id("m-bildungsportal")]?.status == .completed)
        #expect(try fresh.verify().problems.contains { $0.contains("chain hash") })
    }
}
