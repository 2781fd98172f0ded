@testable import EventStore
import Foundation
import Testing

@Suite("Map growth", .timeLimit(.minutes(10)))
struct GrowthTests {
    @Test("a store opened with a tiny map takes 100,000 events without an error")
    func tinyMap() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path, configuration: .init(durability: .relaxed, initialMapSize: 64 << 10))
        let initialMap = try store.statistics().mapSize
        for batch in 0..<100 {
            let events = (0..<1_000).map { sampleEvent("batch \(batch) event \($0) with some text to fill the map") }
            _ = try await store.append(to: "stream-\(batch % 7)", events: events)
        }
        // A large single event forces growth in one step, too.
        _ = try await store.append(to: "big", events: [EventData(type: "blob", encoding: "bin", payload: [UInt8](repeating: 7, count: 8 << 20))])
        try store.flush()
        let statistics = try store.statistics()
        #expect(statistics.eventCount == 100_001)
        #expect(statistics.mapGrowths > 5)
        #expect(statistics.mapSize > initialMap * 64)
        #expect(try store.verify(checkIndexes: true).isIntact)
    }

    @Test("a map grown by another process is adopted by this one (MDB_MAP_RESIZED)")
    func grownByAnotherProcess() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path, configuration: .init(initialMapSize: 64 << 10))
        _ = try store.append(to: "mine", events: [sampleEvent("first")])
        let mapBefore = try store.statistics().mapSize
        let child = try HelperProcess(["append", "--store", directory.path, "--stream", "child", "--count", "20000", "--batch", "500", "--relaxed"])
        #expect(child.wait() == 0, "\(child.standardError)")
        // Reading pages beyond our old map, and writing, both work after adopting the new size.
        var cursor = store.events()
        var count = 0
        while try cursor.next() != nil { count += 1 }
        #expect(count == 20_001)
        _ = try store.append(to: "mine", expecting: .exact(1), events: [sampleEvent("after")])
        #expect(try store.statistics().mapSize > mapBefore)
        #expect(try store.verify(checkIndexes: true).isIntact)
    }
}
