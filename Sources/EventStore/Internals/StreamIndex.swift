internal import Primitives

/// Stream heads, derived from the stream index inside a transaction.
///
/// The stream index holds `stream id ‖ 0x00 ‖ version` → position for every event, so a stream's head (its
/// version and last position) is its last key there: a seek, no second database. Store format 1 also kept the
/// heads in a database of their own (`heads`), written by every append; format 2 derives them, which saves that
/// database's pages in every commit. Stream ids contain no NUL, so every key of one stream sorts between
/// `id ‖ 0x00` and `id ‖ 0x01`, and the next stream's keys start at or after `id ‖ 0x01`.
enum StreamIndex {
    /// The head of `streamID`, or nil when the stream has no event.
    ///
    /// - Complexity: One B-tree seek and at most one step.
    static func head(of streamID: String, _ txn: Transaction) throws(EventStoreError) -> (version: UInt64, position: UInt64)? {
        try txn.withCursor(txn.databases.streams) { (cursor) throws(EventStoreError) in
            try lastEntry(of: Array(streamID.utf8), &cursor)
        }
    }

    /// The heads of the streams after `streamID` (nil: from the first) in stream-id byte order, at most `limit`.
    ///
    /// - Complexity: Two seeks per stream returned.
    static func heads(after streamID: String?, limit: Int, _ txn: Transaction) throws(EventStoreError) -> [StreamHead] {
        var heads: [StreamHead] = []
        guard limit > 0 else { return heads }
        try eachStream(after: streamID, txn) { (id, head) throws(EventStoreError) in
            heads.append(StreamHead(streamID: String(decoding: id, as: UTF8.self), version: head.version, position: head.position))
            return heads.count < limit
        }
        return heads
    }

    /// How many streams have events.
    ///
    /// - Complexity: Two seeks per stream.
    static func count(_ txn: Transaction) throws(EventStoreError) -> Int {
        var count = 0
        try eachStream(after: nil, txn) { (_, _) throws(EventStoreError) in
            count += 1
            return true
        }
        return count
    }

    /// Calls `body` with each stream's id and head in byte order, after `streamID`, while it returns true.
    private static func eachStream(
        after streamID: String?, _ txn: Transaction,
        _ body: ([UInt8], (version: UInt64, position: UInt64)) throws(EventStoreError) -> Bool
    ) throws(EventStoreError) {
        try txn.withCursor(txn.databases.streams) { (cursor) throws(EventStoreError) in
            var next = streamID.map { Array($0.utf8) + [1] }
            while true {
                let entry = if let next { try cursor.seek(atOrAfter: next) } else { try cursor.first() }
                guard let entry else { return }
                guard let split = Keys.splitNamed(entry.key), !split.name.isEmpty else {
                    throw .corruptRecord(position: 0, reason: Wording(
                        de: "ein Schlüssel des Stromindex (\(Keys.describe(entry.key, database: 1).de)) nennt keinen Strom und keine Version",
                        en: "a key of the stream index (\(Keys.describe(entry.key, database: 1).en)) names no stream and version"))
                }
                guard let head = try lastEntry(of: split.name, &cursor) else {
                    // The seek found a key of this stream; the step back to its last one must find one too.
                    throw .corruptRecord(position: 0, reason: Wording(
                        de: "der Stromindex gibt für '\(String(decoding: split.name, as: UTF8.self))' keinen letzten Schlüssel her",
                        en: "the stream index yields no last key for '\(String(decoding: split.name, as: UTF8.self))'"))
                }
                guard try body(split.name, head) else { return }
                next = split.name + [1]
            }
        }
    }

    /// The version and position of the last key of stream `id` (UTF-8 bytes), or nil when it has none.
    private static func lastEntry(of id: [UInt8], _ cursor: inout Cursor) throws(EventStoreError) -> (version: UInt64, position: UInt64)? {
        // The greatest key the stream can have: id ‖ 0x00 ‖ UInt64.max.
        let greatest = id + [0] + [UInt8](repeating: 0xFF, count: 8)
        guard let found = try cursor.seek(atOrBefore: greatest), let key = Keys.splitNamed(found.key), key.name == id
        else { return nil }
        let version = key.number
        guard let position = Keys.readPosition(found.value) else {
            let stream = String(decoding: id, as: UTF8.self)
            throw .corruptRecord(position: 0, reason: Wording(
                de: "der Eintrag des Stroms '\(stream)' #\(version) im Stromindex hat \(found.value.count) Byte, erwartet 8",
                en: "the stream index entry of '\(stream)' #\(version) has \(found.value.count) bytes, expected 8"))
        }
        return (version, position)
    }
}
