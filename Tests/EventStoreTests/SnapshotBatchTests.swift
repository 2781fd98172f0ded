import EventStore
import Foundation
import Testing

@Suite("Snapshot batches and time lookups", .timeLimit(.minutes(5)))
struct SnapshotBatchTests {
    @Test("many snapshots are saved in one transaction and listed by name after a position")
    func batch() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path)
        let before = try store.statistics().transactionsCommitted
        try store.saveSnapshots((1...50).map { Snapshot(name: "index/a", position: UInt64($0), bytes: Array("e\($0)".utf8)) }
                                + [Snapshot(name: "index/ab", position: 7, bytes: [1])])
        #expect(try store.statistics().transactionsCommitted == before + 1)
        let all = try store.snapshots(named: "index/a")
        #expect(all.map(\.position) == Array(1...50).map(UInt64.init))
        #expect(all[4].bytes == Array("e5".utf8))
        #expect(try store.snapshots(named: "index/a", after: 45).map(\.position) == [46, 47, 48, 49, 50])
        #expect(try store.snapshots(named: "index/a", limit: 2).count == 2)
        #expect(try store.snapshots(named: "index/ab").map(\.position) == [7])
        #expect(throws: EventStoreError.self) { try store.saveSnapshots([Snapshot(name: "", position: 1, bytes: [])]) }
    }

    @Test("the last position recorded at or before a time is found by binary search")
    func positionByTime() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path, configuration: .init(durability: .relaxed))
        #expect(try store.position(recordedAtOrBefore: Date()) == nil)
        var times: [Date] = []
        for index in 0..<30 {
            let result = try await store.append(to: "s", events: [sampleEvent("\(index)")])
            times.append(try #require(try store.event(at: result.lastPosition)).recordedAt)
            if index % 10 == 9 { try await Task.sleep(for: .milliseconds(5)) }
        }
        #expect(try store.position(recordedAtOrBefore: times[0].addingTimeInterval(-1)) == nil)
        #expect(try store.position(recordedAtOrBefore: times[29].addingTimeInterval(60)) == 30)
        for (index, time) in times.enumerated() {
            let found = try #require(try store.position(recordedAtOrBefore: time))
            // Events recorded in the same microsecond share a time: the last of them is found.
            #expect(found >= UInt64(index + 1))
            #expect(times[Int(found) - 1] == time)
        }
    }
}
