@testable import EventStore
import Foundation
import Testing

/// The bytes of a store's data.mdb, edited in place the way a failing disk or a stray write would.
struct DataFile {
    let path: String
    var bytes: [UInt8]

    init(_ directory: TemporaryDirectory) throws {
        path = directory.dataFile
        bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func write() throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// The offset of the leaf node that holds the log record at `position` inline: its key (the position,
    /// big-endian) is followed by the record, which starts with the format byte 1 and the position again.
    func logNode(_ position: UInt64) throws -> Int {
        let key = withUnsafeBytes(of: position.bigEndian) { Array($0) }
        let needle = key + [1] + key
        let hits = (0...(bytes.count - needle.count)).filter { offset in
            bytes[offset] == needle[0] && Array(bytes[offset..<(offset + needle.count)]) == needle
        }
        try #require(hits.count == 1, "the record at \(position) should be stored once, found \(hits.count)")
        return hits[0] - 8
    }

    func u16(_ offset: Int) -> UInt16 { UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8 }

    mutating func setU16(_ offset: Int, _ value: UInt16) {
        bytes[offset] = UInt8(value & 0xff)
        bytes[offset + 1] = UInt8(value >> 8)
    }
}

@Suite("Damaged pages")
struct PageDamageTests {
    /// A store of `count` small events in one stream, written in one transaction.
    func makeStore(_ directory: TemporaryDirectory, count: Int) throws {
        let store = try EventStore(path: directory.path)
        _ = try store.append(to: "plan", events: (1...count).map { sampleEvent("event \($0) " + String(repeating: "x", count: 60)) })
    }

    @Test("a value that LMDB places past the end of data.mdb is a corrupt record at its position, not a fault",
          .timeLimit(.minutes(2)))
    func valueBeyondTheFile() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try makeStore(directory, count: 300)
        var file = try DataFile(directory)
        // The node's data size is lo | hi << 16: make it about two gigabytes, far past the end of the file.
        let node = try file.logNode(12)
        file.setU16(node + 2, 0x7fff)
        try file.write()

        let store = try EventStore(path: directory.path, configuration: .init(readOnly: true))
        #expect(try store.event(at: 11)?.position == 11)
        do {
            _ = try store.event(at: 12)
            Issue.record("the damaged record was read")
        } catch {
            guard case let .corruptRecord(position, reason) = error else { throw error }
            #expect(position == 12)
            #expect(reason.contains("outside the") && reason.contains("database 'log'"), "\(reason)")
        }
        var cursor = store.events()
        #expect(throws: EventStoreError.self) { try cursor.collect() }
        // The records before it are still readable through a cursor whose pages end before it.
        var before = try EventStore(path: directory.path, configuration: .init(readOnly: true, readPageSize: 11)).events()
        #expect(try before.collect(limit: 11).map(\.position) == Array(1...11))
    }
}
