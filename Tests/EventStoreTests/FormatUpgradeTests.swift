import CLMDB
import Foundation
import EventStore
import Testing

/// Store format 2 derives stream heads from the stream index instead of keeping them in `heads`. A format-1 store
/// (the fixture recorded by strategyctl 0.2.0) must read the same heads before and after, stay format 1 while only
/// read, and become format 2 with an empty `heads` when first opened for writing.
@Suite("Store format upgrade", .timeLimit(.minutes(2)))
struct FormatUpgradeTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ProjectionsTests/Fixtures/store-0.2.0").path

    static func copy() throws -> TemporaryDirectory {
        let directory = TemporaryDirectory("format-1")
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        for file in ["data.mdb", "store-id"] {
            try FileManager.default.copyItem(atPath: fixture + "/" + file, toPath: directory.path + "/" + file)
        }
        return directory
    }

    /// Each stream's last version and position, from the log itself.
    static func headsFromLog(_ store: EventStore) throws -> [StreamHead] {
        var last: [String: StreamHead] = [:]
        var cursor = store.events(from: 1)
        while let event = try cursor.next() {
            last[event.streamID] = StreamHead(streamID: event.streamID, version: event.streamVersion, position: event.position)
        }
        return last.values.sorted { Array($0.streamID.utf8).lexicographicallyPrecedes(Array($1.streamID.utf8)) }
    }

    static func headsEntries(_ path: String) throws -> Int {
        var count = 0
        try withRawEnvironment(path) { _, txn in
            var heads: MDB_dbi = 0
            try #require(mdb_dbi_open(txn, "heads", 0, &heads) == 0)
            var stat = MDB_stat()
            try #require(mdb_stat(txn, heads, &stat) == 0)
            count = stat.ms_entries
        }
        return count
    }

    @Test("a format-1 store reads its heads from the stream index, and becomes format 2 when first opened for writing")
    func upgrade() throws {
        let directory = try Self.copy()
        defer { directory.remove() }
        #expect(try Self.headsEntries(directory.path) > 0, "the fixture keeps its heads in 'heads'")

        let expected: [StreamHead]
        do {
            let reader = try EventStore(path: directory.path, configuration: .init(readOnly: true))
            expected = try Self.headsFromLog(reader)
            #expect(expected.count > 1)
            #expect(try reader.statistics().formatVersion == 1)
            #expect(try reader.streamHeads() == expected)
            #expect(try reader.statistics().streamCount == expected.count)
            #expect(try reader.verify(checkIndexes: true).isIntact)
            reader.close()
        }
        #expect(try Self.headsEntries(directory.path) > 0, "a read-only open changes nothing")

        do {
            let writer = try EventStore(path: directory.path)
            #expect(try writer.statistics().formatVersion == 2)
            #expect(try writer.streamHeads() == expected)
            let stream = try #require(expected.first)
            let appended = try writer.append(
                to: stream.streamID, expecting: .exact(stream.version),
                events: [EventData(type: "t", encoding: "bytes", payload: [1, 2, 3])])
            #expect(appended.firstVersion == stream.version + 1)
            #expect(try writer.streamHead(stream.streamID)?.version == stream.version + 1)
            #expect(throws: EventStoreError.self) {
                try writer.append(to: stream.streamID, expecting: .exact(stream.version), events: [EventData(type: "t", encoding: "bytes", payload: [4])])
            }
            #expect(try writer.verify(checkIndexes: true).isIntact)
            writer.close()
        }
        #expect(try Self.headsEntries(directory.path) == 0)
        let reopened = try EventStore(path: directory.path, configuration: .init(readOnly: true))
        #expect(try reopened.statistics().formatVersion == 2)
        #expect(try reopened.streamHeads().count == expected.count)
    }

    @Test("stream heads page in byte order also where one stream id begins with another")
    func prefixes() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path)
        let names = ["plan:a", "plan:a-b", "plan:ab", "plan:a/b", "plan:b", "plan:aa", "plan:ä"]
        for (index, name) in names.enumerated() {
            for _ in 0...index {
                _ = try store.append(to: name, events: [EventData(type: "t", encoding: "bytes", payload: [UInt8(index)])])
            }
        }
        let sorted = names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var paged: [StreamHead] = []
        var after: String?
        while true {
            let page = try store.streamHeads(after: after, limit: 2)
            if page.isEmpty { break }
            paged += page
            after = page.last?.streamID
        }
        #expect(paged.map(\.streamID) == sorted)
        for head in paged {
            let index = try #require(names.firstIndex(of: head.streamID))
            #expect(head.version == UInt64(index + 1))
            #expect(try store.event(at: head.position)?.streamID == head.streamID)
        }
        #expect(try store.streamHeads(limit: 0).isEmpty)
        #expect(try store.statistics().streamCount == names.count)
        #expect(try store.streamHead("plan:") == nil)
        #expect(try store.streamHead("plan:a")?.version == 1)
    }
}
