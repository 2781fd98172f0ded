import EventStore
import Foundation
import Testing

@Suite("Tamper evidence", .timeLimit(.minutes(5)))
struct TamperTests {
    /// Writes `count` events in one transaction (so every page is written once), each with a unique marker.
    func makeStore(_ directory: TemporaryDirectory, count: Int) throws -> [ChainHead] {
        let store = try EventStore(path: directory.path)
        let events = (1...count).map { EventData(type: "t", encoding: "text", payload: Array("MARKER-\(String(format: "%05d", $0))-END".utf8)) }
        _ = try store.append(to: "plan", events: events)
        var cursor = store.events()
        return try cursor.collect().map { ChainHead(position: $0.position, hash: $0.hash) }
    }

    func offsets(of marker: String, in file: String) throws -> [Int] {
        let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        let needle = Array(marker.utf8)
        var found: [Int] = []
        var index = 0
        while index + needle.count <= data.count {
            if data[index] == needle[0] && Array(data[index..<(index + needle.count)]) == needle { found.append(index) }
            index += 1
        }
        return found
    }

    func flipByte(in file: String, at offset: Int) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: file))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        let byte = try #require(try handle.read(upToCount: 1)).first!
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: [byte ^ 0x20])
    }

    @Test("verify passes on an intact store and names the head")
    func intact() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let heads = try makeStore(directory, count: 50)
        let store = try EventStore(path: directory.path)
        let report = try store.verify(checkIndexes: true)
        #expect(report.isIntact)
        #expect(report.eventsChecked == 50)
        #expect(report.head == heads.last)
        #expect(try store.verify(expectedHead: heads[20]).isIntact)
        let empty = TemporaryDirectory("empty")
        defer { empty.remove() }
        let report2 = try EventStore(path: empty.path).verify(checkIndexes: true)
        #expect(report2.isIntact && report2.head == nil && report2.eventsChecked == 0)
    }

    @Test("a flipped byte inside a stored payload in data.mdb is found, at its record's position")
    func flippedPayloadByte() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let heads = try makeStore(directory, count: 200)
        let hits = try offsets(of: "MARKER-00137-END", in: directory.dataFile)
        try #require(hits.count == 1, "the marker should be stored once, found \(hits.count)")
        try flipByte(in: directory.dataFile, at: hits[0] + 9)

        let store = try EventStore(path: directory.path)
        let report = try store.verify()
        #expect(!report.isIntact)
        let failure = try #require(report.failure)
        #expect(failure.position == 137)
        #expect(failure.kind == .hashMismatch)
        #expect(failure.description.hasPrefix("record at position 137 is corrupt: its contents hash to"))
        #expect(report.eventsChecked == 136)
        #expect(report.head == heads[135])
        // Reading the damaged record still works (the bytes decode); it is verify that flags it.
        #expect(try store.event(at: 137)?.payload != Array("MARKER-00137-END".utf8))
    }

    @Test("in a log of several pages, hashed in parallel, the first of two damaged records is the one reported")
    func flippedBytesAcrossPages() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let heads = try makeStore(directory, count: 25_000)
        for marker in ["MARKER-21000-END", "MARKER-17342-END"] {
            let hits = try offsets(of: marker, in: directory.dataFile)
            try #require(hits.count == 1, "\(marker) should be stored once, found \(hits.count)")
            try flipByte(in: directory.dataFile, at: hits[0] + 9)
        }
        let report = try EventStore(path: directory.path).verify()
        let failure = try #require(report.failure)
        #expect(failure.position == 17_342 && failure.kind == .hashMismatch)
        #expect(report.eventsChecked == 17_341)
        #expect(report.head == heads[17_340])
    }

    @Test("a cited head that the chain does not reach or match is reported")
    func citedHead() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let heads = try makeStore(directory, count: 10)
        let store = try EventStore(path: directory.path)
        let forged = ChainHead(position: 4, hash: heads[5].hash)
        let mismatch = try #require(try store.verify(expectedHead: forged).failure)
        #expect(mismatch.position == 4 && mismatch.kind == .headMismatch)
        let beyond = ChainHead(position: 11, hash: heads[0].hash)
        let missing = try #require(try store.verify(expectedHead: beyond).failure)
        #expect(missing.position == 11 && missing.kind == .headMismatch)
        #expect(ChainHead(heads[3].description) == heads[3])
        #expect(ChainHead("4:xyz") == nil)
    }
}
