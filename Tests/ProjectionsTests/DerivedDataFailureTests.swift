import EventStore
import Foundation
@testable import Projections
import StrategyCore
import StoreTestSupport
import StrategyTestSupport
import Testing

/// What the engine derives from the log (snapshots, the audit index) is written after it; these tests make those
/// writes fail and check that nothing derived goes missing once they succeed again.
@Suite("Derived data on a full disk", .serialized, .timeLimit(.minutes(5)))
struct DerivedDataFailureTests {
    /// Fills the file system at `directory` until a write fails; returns the filler's path.
    func fillDisk(_ directory: String) -> String {
        let filler = directory + "/filler"
        _ = FileManager.default.createFile(atPath: filler, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: filler) else { return filler }
        defer { try? handle.close() }
        let chunk = Data(count: 64 << 10)
        while (try? handle.write(contentsOf: chunk)) != nil {}
        let byte = Data(count: 1)
        while (try? handle.write(contentsOf: byte)) != nil {}
        return filler
    }

    @Test("index entries that could not be written stay readable and are written with the next successful write",
          .enabled(if: SmallFileSystem.canMount, "needs root and mount (tmpfs)"))
    func indexSurvivesFailedWrites() async throws {
        let fs = SmallFileSystem()
        try #require(try fs.mount(size: "16m"))
        defer { fs.unmount() }
        let history = randomHistory(seeds: Array(1...400).map { $0 &* 7919 })
        let plan = Identifier("kreis")
        let split = history.envelopes.count / 2
        try #require(split > 20)
        let engine = try StrategyEngine(path: fs.path + "/store", snapshotInterval: 1_000_000)
        // The first half is recorded by another writer (straight into the log), so this engine has indexed none of it.
        let stream = PlanStreams.streamID(plan)
        _ = try await engine.store.append(to: stream, events: history.envelopes[..<split].map { PlanStreams.eventData($0, correlation: UUID()) })
        let filler = fillDisk(fs.path)
        // Catching up cannot write the index now; reads still see it, from memory.
        let entities = Set(history.envelopes[..<split].flatMap { $0.event.effects.map(\.entity) }).sorted()
        var during: [EntityKey: [UInt64]] = [:]
        for entity in entities { during[entity] = try engine.history(of: entity, in: plan).map(\.position) }
        try #require(AuditIndex.head(plan, store: engine.store) == 0, "the disk was not full enough for the index write to fail")
        #expect(during.values.reduce(0) { $0 + $1.count } > 0)
        // Room again: the second half arrives, and this time the index write succeeds.
        try FileManager.default.removeItem(atPath: filler)
        _ = try await engine.store.append(to: stream, events: history.envelopes[split...].map { PlanStreams.eventData($0, correlation: UUID()) })
        // Only the write path stores derived data (reads never write); this is the step a write takes after its append.
        _ = try engine.model(plan, proven: true, persist: true)
        #expect(AuditIndex.head(plan, store: engine.store) == UInt64(history.envelopes.count))
        // An engine with nothing in memory reads the stored index only: it must hold the first half too.
        let fresh = StrategyEngine(store: engine.store)
        var cursor = engine.store.events(inStream: stream)
        var expected: [EntityKey: [UInt64]] = [:]
        var index = 0
        while let recorded = try cursor.next() {
            for effect in history.envelopes[index].event.effects { expected[effect.entity, default: []].append(recorded.position) }
            index += 1
        }
        for entity in entities {
            let stored = try fresh.history(of: entity, in: plan).map(\.position)
            #expect(stored == expected[entity], "entity \(entity)")
            #expect(Array(stored.prefix(during[entity]?.count ?? 0)) == during[entity], "entity \(entity)")
        }
    }
}
