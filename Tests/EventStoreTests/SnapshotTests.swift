import EventStore
import Foundation
import Testing

@Suite("Snapshots", .timeLimit(.minutes(5)))
struct SnapshotTests {
    @Test("store, find the nearest at or before a position, list and delete")
    func roundTrip() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path)
        try store.saveSnapshot(Array("at 10".utf8), name: "masterplan", position: 10)
        try store.saveSnapshot(Array("at 250".utf8), name: "masterplan", position: 250)
        try store.saveSnapshot(Array("other".utf8), name: "masterplan-audit", position: 100)
        try store.saveSnapshot(Array("at 250, again".utf8), name: "masterplan", position: 250)

        #expect(try store.snapshot(named: "masterplan", atOrBefore: 9) == nil)
        #expect(try store.snapshot(named: "masterplan", atOrBefore: 10)?.bytes == Array("at 10".utf8))
        #expect(try store.snapshot(named: "masterplan", atOrBefore: 249)?.position == 10)
        #expect(try store.snapshot(named: "masterplan")?.bytes == Array("at 250, again".utf8))
        #expect(try store.snapshot(named: "masterplan-audit", atOrBefore: 99) == nil)
        #expect(try store.snapshot(named: "missing") == nil)
        #expect(try store.snapshotPositions(named: "masterplan") == [10, 250])
        #expect(try store.statistics().snapshotCount == 3)

        try store.deleteSnapshots(named: "masterplan")
        #expect(try store.snapshotPositions(named: "masterplan").isEmpty)
        #expect(try store.snapshot(named: "masterplan-audit")?.position == 100)
        // Snapshots are outside the chain: the log is unaffected.
        #expect(try store.head() == nil)
        #expect(try store.verify(checkIndexes: true).isIntact)
    }
}
