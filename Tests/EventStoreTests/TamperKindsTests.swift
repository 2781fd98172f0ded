import CLMDB
@testable import EventStore
import Foundation
import Testing

/// Edits a store's log directly with LMDB, the way an attacker with file access could.
func withRawLog(_ path: String, _ body: (OpaquePointer, MDB_dbi) throws -> Void) throws {
    try withRawEnvironment(path) { _, txn in
        var log: MDB_dbi = 0
        try #require(mdb_dbi_open(txn, "log", 0, &log) == 0)
        try body(txn, log)
    }
}

func rawGet(_ txn: OpaquePointer, _ dbi: MDB_dbi, _ position: UInt64) throws -> [UInt8] {
    var key = position.bigEndian
    return try withUnsafeMutableBytes(of: &key) { keyBytes in
        var k = MDB_val(mv_size: 8, mv_data: keyBytes.baseAddress)
        var v = MDB_val()
        try #require(mdb_get(txn, dbi, &k, &v) == 0)
        return Array(UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size))
    }
}

func rawSet(_ txn: OpaquePointer, _ dbi: MDB_dbi, _ position: UInt64, _ value: [UInt8]) throws {
    var key = position.bigEndian
    var bytes = value
    let code = withUnsafeMutableBytes(of: &key) { keyBytes in
        bytes.withUnsafeMutableBytes { valueBytes in
            var k = MDB_val(mv_size: 8, mv_data: keyBytes.baseAddress)
            var v = MDB_val(mv_size: valueBytes.count, mv_data: valueBytes.baseAddress)
            return mdb_put(txn, dbi, &k, &v, 0)
        }
    }
    try #require(code == 0)
}

func rawDelete(_ txn: OpaquePointer, _ dbi: MDB_dbi, _ position: UInt64) throws {
    var key = position.bigEndian
    try withUnsafeMutableBytes(of: &key) { keyBytes in
        var k = MDB_val(mv_size: 8, mv_data: keyBytes.baseAddress)
        try #require(mdb_del(txn, dbi, &k, nil) == 0)
    }
}

@Suite("Tampering, kind by kind", .timeLimit(.minutes(5)))
struct TamperKindsTests {
    /// A store of 30 events in three streams; returns the head.
    func makeStore(_ directory: TemporaryDirectory) throws -> ChainHead {
        let store = try EventStore(path: directory.path)
        for index in 1...30 {
            _ = try store.append(to: "plan:\(index % 3)", events: [EventData(
                type: "test.happened", encoding: "text",
                metadata: EventMetadata(actor: "p-ACTOR\(String(format: "%02d", index))", reason: "Grund \(index)"),
                payload: Array("PAYLOAD-\(String(format: "%02d", index))".utf8))])
        }
        return try #require(try store.head())
    }

    func verify(_ directory: TemporaryDirectory, expectedHead: ChainHead? = nil) throws -> VerificationReport {
        try EventStore(path: directory.path, configuration: .init(readOnly: true)).verify(expectedHead: expectedHead, checkIndexes: true)
    }

    /// Rewrites the third byte of the actor `p-ACTORnn` inside record `position` and returns what verify reports.
    func editActor(at position: UInt64, _ edit: (inout UInt8) -> Void) throws -> ChainFailure? {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        _ = try makeStore(directory)
        try withRawLog(directory.path) { txn, log in
            var record = try rawGet(txn, log, position)
            let marker = Array("p-ACTOR\(position)".utf8)
            let at = try #require((0...(record.count - marker.count)).first { Array(record[$0..<($0 + marker.count)]) == marker })
            edit(&record[at + 2])
            try rawSet(txn, log, position, record)
        }
        return try verify(directory).failure
    }

    @Test("a flipped byte in a record's metadata is found at that record")
    func metadataByte() throws {
        let failure = try #require(try editActor(at: 17) { $0 ^= 0x01 })
        #expect(failure.position == 17 && failure.kind == .hashMismatch)
    }

    @Test("a record whose actor is not valid UTF-8 is reported as corrupt, naming the field")
    func invalidUTF8InMetadata() throws {
        let failure = try #require(try editActor(at: 23) { $0 = 0xFF })
        #expect(failure.position == 23 && failure.kind == .corrupt)
        #expect(failure.detail == "metadata.actor is not valid UTF-8")
    }

    @Test("a deleted record is reported as missing at its position")
    func deletedRecord() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        _ = try makeStore(directory)
        try withRawLog(directory.path) { txn, log in try rawDelete(txn, log, 12) }
        let failure = try #require(try verify(directory).failure)
        #expect(failure.position == 12 && failure.kind == .missing)
        #expect(failure.description == "record at position 12 is corrupt: the log jumps from position 11 to 13")
        #expect(try EventStore(path: directory.path, configuration: .init(readOnly: true)).event(at: 12) == nil)
    }

    @Test("two swapped records are found at the first of them")
    func swappedRecords() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        _ = try makeStore(directory)
        try withRawLog(directory.path) { txn, log in
            let a = try rawGet(txn, log, 20), b = try rawGet(txn, log, 21)
            try rawSet(txn, log, 20, b)
            try rawSet(txn, log, 21, a)
        }
        let failure = try #require(try verify(directory).failure)
        #expect(failure.position == 20 && failure.kind == .wrongPosition)
    }

    @Test("an edited record with the chain recomputed after it passes verify, but not against the cited head")
    func rehashedChain() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let cited = try makeStore(directory)
        try withRawLog(directory.path) { txn, log in
            var previous = ChainHash.genesis
            for position in UInt64(1)...30 {
                var record = try rawGet(txn, log, position)
                var body = Array(record.dropLast(64))
                if position == 8 {
                    // Forge the payload of record 8 (same length), then re-seal it and every later record.
                    let marker = Array("PAYLOAD-08".utf8), forged = Array("FORGERY-08".utf8)
                    let at = try #require((0...(body.count - marker.count)).first { Array(body[$0..<($0 + marker.count)]) == marker })
                    body.replaceSubrange(at..<(at + marker.count), with: forged)
                }
                if position >= 8 {
                    let sealed = RecordFormat.seal(body: body, previous: previous)
                    record = sealed.record
                    try rawSet(txn, log, position, record)
                }
                previous = ChainHash(bytes: Array(record.suffix(32)))!
            }
        }
        let recomputed = try verify(directory)
        #expect(recomputed.isIntact, "a consistent forgery cannot be seen from inside")
        #expect(recomputed.head != cited)
        let failure = try #require(try verify(directory, expectedHead: cited).failure)
        #expect(failure.kind == .headMismatch && failure.position == 30)
        #expect(try EventStore(path: directory.path, configuration: .init(readOnly: true)).event(at: 8)?.payload == Array("FORGERY-08".utf8))
    }

    @Test("another store's data.mdb in this directory is refused for writing and fails verify")
    func foreignDataFile() throws {
        let mine = TemporaryDirectory("mine"), theirs = TemporaryDirectory("theirs")
        defer { mine.remove(); theirs.remove() }
        _ = try makeStore(mine)
        _ = try makeStore(theirs)
        try FileManager.default.removeItem(atPath: mine.dataFile)
        try FileManager.default.copyItem(atPath: theirs.dataFile, toPath: mine.dataFile)
        do {
            _ = try EventStore(path: mine.path)
            Issue.record("a foreign data file was opened for writing")
        } catch {
            #expect(error.description.contains("data.mdb belongs to store"))
        }
        let failure = try #require(try verify(mine).failure)
        #expect(failure.kind == .foreignStore && failure.position == 0)
        #expect(failure.description.hasPrefix("the store is not the one its directory held: data.mdb belongs to store"))
    }
}
