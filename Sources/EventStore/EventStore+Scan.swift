internal import Primitives

/// One event as ``EventStore/scanPage(stream:from:upTo:limit:_:)`` hands it over: the fields a reader needs to
/// decode and place it, with the payload still in LMDB's memory.
///
/// The payload buffer is valid only during the call that receives it: decode or copy it there, never keep it.
public struct ScannedEvent {
    /// The global position.
    public let position: UInt64
    /// The stream version.
    public let streamVersion: UInt64
    /// The type name.
    public let type: String
    /// The payload's schema version.
    public let schemaVersion: UInt32
    /// The payload encoding tag.
    public let encoding: String
    /// The payload bytes, inside LMDB's memory map.
    public let payload: UnsafeRawBufferPointer
    /// The record's hash in the chain: what binds something derived from the log up to this event (a snapshot, say)
    /// to this very history.
    public let hash: ChainHash
}

/// One record of a stream as ``EventStore/scanRecords(stream:from:upTo:limit:_:)`` hands it over: its position and
/// its bytes, still in LMDB's memory and not yet read.
///
/// The bytes are valid only during the call that receives them. ``scanned(_:)`` reads the fields replay needs; it
/// touches nothing but the bytes, so records of one page can be read on several threads at once (each with its own
/// ``ScanStrings``).
public struct StoredRecord {
    /// The global position, from the stream index.
    public let position: UInt64
    /// The record's bytes, inside LMDB's memory map.
    public let bytes: UnsafeRawBufferPointer

    /// The fields of the record that replay needs, with the payload left in place.
    ///
    /// - Throws: ``EventStoreError/corruptRecord(position:reason:)`` when the bytes are not a record of this format.
    public func scanned(_ strings: inout ScanStrings) throws(EventStoreError) -> ScannedEvent {
        do throws(ByteReaderError) {
            return try RecordFormat.scan(bytes, strings: &strings.table)
        } catch {
            throw .corruptRecord(position: position, reason: error.wording)
        }
    }
}

/// The few strings a page of records repeats (type names, encoding tags), each made once: give every thread that
/// reads records with ``StoredRecord/scanned(_:)`` its own.
public struct ScanStrings {
    var table = InternedStrings()

    /// An empty table.
    public init() {}
}

extension EventStore {
    /// Calls `body` once with the events of a stream from a version on, up to a position, at most `limit` of them —
    /// read in one read transaction, without copying payloads or building ``RecordedEvent``s: the fastest way to
    /// replay. The whole page is handed over at once, so that the caller can work on it in parallel (for example
    /// decode on every core) while the page's read transaction is open.
    ///
    /// Keep `limit` moderate (the default reads 10,000 events): the read transaction stays open while `body` runs.
    /// Never keep a payload beyond the call. `body` throws nothing, so that the scan's own errors stay typed: keep
    /// what it finds (a decoding failure, say) in a variable and act on it after the call.
    ///
    /// - Returns: The number of events handed over; fewer than `limit` means the stream (or the position) ended.
    @discardableResult
    public func scanPage(
        stream: String, from version: UInt64 = 1, upTo position: UInt64 = .max, limit: Int = 10_000,
        _ body: ([ScannedEvent]) -> Void
    ) throws(EventStoreError) -> Int {
        var failure: EventStoreError?
        let count = try scanRecords(stream: stream, from: version, upTo: position, limit: limit) { records in
            var strings = ScanStrings()
            var page: [ScannedEvent] = []
            page.reserveCapacity(records.count)
            do throws(EventStoreError) {
                for record in records { page.append(try record.scanned(&strings)) }
                body(page)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return count
    }

    /// Calls `body` once with the records of a stream from a version on, up to a position, at most `limit` of them,
    /// unread: the same page as ``scanPage(stream:from:upTo:limit:_:)``, for a caller that reads the records itself
    /// (``StoredRecord/scanned(_:)``), for example on every core while this thread waits.
    ///
    /// The records are found through the stream index inside one read transaction, which stays open while `body`
    /// runs; their bytes are valid only until `body` returns.
    ///
    /// - Returns: The number of records handed over; fewer than `limit` means the stream (or the position) ended.
    @discardableResult
    public func scanRecords(
        stream: String, from version: UInt64 = 1, upTo position: UInt64 = .max, limit: Int = 10_000,
        _ body: ([StoredRecord]) -> Void
    ) throws(EventStoreError) -> Int {
        var page: [StoredRecord] = []
        page.reserveCapacity(min(limit, 10_000))
        // The records are collected and handed over inside one read transaction: their bytes stay valid.
        return try shared.environment.read { (txn) throws(EventStoreError) -> Int in
            let prefix = Array(stream.utf8) + [0]
            try txn.withCursor(txn.databases.streams) { (cursor) throws(EventStoreError) in
                try txn.withCursor(txn.databases.log) { (log) throws(EventStoreError) in
                    var entry = try cursor.seek(atOrAfter: Keys.named(stream, version))
                    while let current = entry, page.count < limit, current.key.count == prefix.count + 8, current.key.starts(with: prefix) {
                        guard let at = Keys.readPosition(current.value) else {
                            throw .corruptRecord(position: 0, reason: Wording(de: "ein Eintrag des Stromindex von '\(stream)' ist beschädigt", en: "a stream index entry of '\(stream)' is damaged"))
                        }
                        if at > position { break }
                        guard let bytes = try log.record(at: at) else { throw .missingRecord(position: at) }
                        page.append(StoredRecord(position: at, bytes: bytes))
                        entry = try cursor.next()
                    }
                }
            }
            body(page)
            return page.count
        }
    }
}

extension RecordFormat {
    /// The fields of a record that replay needs, with the payload left in place.
    static func scan(_ record: UnsafeRawBufferPointer, strings: inout InternedStrings) throws(ByteReaderError) -> ScannedEvent {
        let trailer = try trailer(of: record)
        var reader = ByteReader(trailer.body, offset: 1 + 8)
        let streamVersion = try reader.u64("stream version")
        _ = try reader.uuid("event id")
        _ = try reader.i64("recorded-at")
        let schemaVersion = try reader.u32("schema version")
        _ = try reader.skipString("stream id")
        let type = try reader.string("type", interning: &strings)
        let encoding = try reader.string("encoding", interning: &strings)
        try reader.skipOptionalString("metadata.actor")
        try reader.skipOptionalString("metadata.reason")
        try reader.skipOptional(16, "metadata.correlationID")
        try reader.skipOptional(16, "metadata.causationID")
        let attributes = try reader.u32("metadata.attributes")
        for _ in 0..<attributes {
            try reader.skipString("metadata.attributes key")
            try reader.skipString("metadata.attributes value")
        }
        let count = Int(try reader.u32("payload"))
        let payload = try reader.slice(count, "payload")
        return ScannedEvent(position: trailer.position, streamVersion: streamVersion, type: type, schemaVersion: schemaVersion, encoding: encoding, payload: payload, hash: trailer.hash)
    }
}
