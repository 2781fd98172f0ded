public import Foundation
internal import Primitives

extension EventStore {
    /// Reads the whole log lazily, from a position on.
    ///
    /// - Parameters:
    ///   - position: The first position to read. Reading backward, the highest position to read: pass `.max` to
    ///     start at the end.
    ///   - direction: Forward (ascending positions, the default) or backward.
    public func events(from position: UInt64 = 1, direction: ReadDirection = .forward) -> EventCursor {
        EventCursor(store: self, source: .log(next: position), direction: direction)
    }

    /// Reads one stream lazily, from a stream version on.
    ///
    /// - Parameters:
    ///   - stream: The stream id.
    ///   - version: The first version to read; reading backward, the highest (`.max` for the end).
    ///   - direction: Forward (the default) or backward.
    public func events(inStream stream: String, from version: UInt64 = 1, direction: ReadDirection = .forward) -> EventCursor {
        EventCursor(store: self, source: .stream(id: stream, nextVersion: version), direction: direction)
    }

    /// The event at a global position, or nil if the log does not reach it.
    public func event(at position: UInt64) throws(EventStoreError) -> RecordedEvent? {
        try shared.environment.read { (txn) throws(EventStoreError) in
            guard let bytes = try txn.get(txn.databases.log, Keys.position(position)) else { return nil }
            return try Self.decode(bytes, at: position)
        }
    }

    /// The event with an id, or nil.
    public func event(id: UUID) throws(EventStoreError) -> RecordedEvent? {
        try shared.environment.read { (txn) throws(EventStoreError) in
            guard let positionBytes = try txn.get(txn.databases.ids, Keys.eventID(id)),
                  let position = Keys.readPosition(positionBytes) else { return nil }
            guard let bytes = try txn.get(txn.databases.log, Keys.position(position)) else {
                throw .missingRecord(position: position)
            }
            return try Self.decode(bytes, at: position)
        }
    }

    /// The end of the hash chain, or nil for an empty log.
    public func head() throws(EventStoreError) -> ChainHead? {
        try shared.environment.read { (txn) throws(EventStoreError) in
            let tip = try ChainTip.read(txn)
            return tip.position == 0 ? nil : ChainHead(position: tip.position, hash: tip.hash)
        }
    }

    /// A stream's current version and last position, or nil when the stream does not exist.
    public func streamHead(_ stream: String) throws(EventStoreError) -> StreamHead? {
        try shared.environment.read { (txn) throws(EventStoreError) in
            try StreamIndex.head(of: stream, txn).map { StreamHead(streamID: stream, version: $0.version, position: $0.position) }
        }
    }

    /// Stream heads in stream-id byte order, starting after `streamID` (nil: from the first), at most `limit`.
    ///
    /// Page through many streams by passing the last id of one page as `after` of the next. The heads are read
    /// from the stream index (each stream's last key).
    ///
    /// - Complexity: O(*k* · log *n*) for *k* streams returned from an index of *n* events.
    public func streamHeads(after streamID: String? = nil, limit: Int = 1_000) throws(EventStoreError) -> [StreamHead] {
        try shared.environment.read { (txn) throws(EventStoreError) in
            try StreamIndex.heads(after: streamID, limit: limit, txn)
        }
    }

    /// The last position recorded at or before `date`, or nil when the log starts later (or is empty).
    ///
    /// Recorded times never decrease along the log, so this is a binary search: about 20 lookups in one read
    /// transaction for a million events.
    public func position(recordedAtOrBefore date: Date) throws(EventStoreError) -> UInt64? {
        let target = Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
        return try shared.environment.read { (txn) throws(EventStoreError) -> UInt64? in
            let tip = try ChainTip.read(txn)
            guard tip.position > 0 else { return nil }
            func time(_ position: UInt64) throws(EventStoreError) -> Int64 {
                guard let bytes = try txn.get(txn.databases.log, Keys.position(position)) else { throw .missingRecord(position: position) }
                do throws(ByteReaderError) {
                    return try RecordFormat.trailer(of: bytes).recordedAt
                } catch {
                    throw .corruptRecord(position: position, reason: error.wording)
                }
            }
            if try time(1) > target { return nil }
            var low: UInt64 = 1, high = tip.position
            while low < high {
                let middle = low + (high - low + 1) / 2
                if try time(middle) <= target { low = middle } else { high = middle - 1 }
            }
            return low
        }
    }

    // MARK: Pages

    static func decode(_ bytes: UnsafeRawBufferPointer, at position: UInt64) throws(EventStoreError) -> RecordedEvent {
        var strings = InternedStrings()
        return try decode(bytes, at: position, strings: &strings)
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, at position: UInt64, strings: inout InternedStrings) throws(EventStoreError) -> RecordedEvent {
        let event: RecordedEvent
        do throws(ByteReaderError) { event = try RecordFormat.decode(bytes, strings: &strings) } catch {
            throw .corruptRecord(position: position, reason: error.wording)
        }
        guard event.position == position else {
            throw .corruptRecord(position: position, reason: Wording(de: "er gibt an, an Position \(event.position) zu stehen", en: "it says it is at position \(event.position)"))
        }
        return event
    }

    /// Up to `limit` log records from `position`, in one read transaction.
    func readLogPage(from position: UInt64, direction: ReadDirection, limit: Int) throws(EventStoreError) -> [RecordedEvent] {
        try shared.environment.read { (txn) throws(EventStoreError) in
            try txn.withCursor(txn.databases.log) { (cursor) throws(EventStoreError) -> [RecordedEvent] in
                var page: [RecordedEvent] = []
                page.reserveCapacity(min(limit, 1024))
                var strings = InternedStrings()
                var entry = direction == .forward
                    ? try cursor.seek(atOrAfter: Keys.position(position))
                    : try cursor.seek(atOrBefore: Keys.position(position))
                while let current = entry, page.count < limit {
                    guard let key = Keys.readPosition(current.key) else {
                        throw .corruptRecord(position: 0, reason: Wording(de: "ein Schlüssel des Protokolls hat \(current.key.count) Byte, erwartet 8", en: "a log key has \(current.key.count) bytes, expected 8"))
                    }
                    page.append(try Self.decode(current.value, at: key, strings: &strings))
                    // A full page stops here: the entry after it is not touched (it may be damaged).
                    if page.count == limit { break }
                    entry = direction == .forward ? try cursor.next() : try cursor.previous()
                }
                return page
            }
        }
    }

    /// Up to `limit` events of one stream from `version`, in one read transaction.
    func readStreamPage(
        _ stream: String, from version: UInt64, direction: ReadDirection, limit: Int
    ) throws(EventStoreError) -> [RecordedEvent] {
        let prefix = Array(stream.utf8) + [0]
        return try shared.environment.read { (txn) throws(EventStoreError) in
            try txn.withCursor(txn.databases.streams) { (cursor) throws(EventStoreError) -> [RecordedEvent] in
                try txn.withCursor(txn.databases.log) { (log) throws(EventStoreError) -> [RecordedEvent] in
                    var page: [RecordedEvent] = []
                    page.reserveCapacity(min(limit, 1024))
                    var strings = InternedStrings()
                    var entry = direction == .forward
                        ? try cursor.seek(atOrAfter: Keys.named(stream, version))
                        : try cursor.seek(atOrBefore: Keys.named(stream, version))
                    while let current = entry, page.count < limit,
                          current.key.count == prefix.count + 8, current.key.starts(with: prefix) {
                        guard let position = Keys.readPosition(current.value) else {
                            throw .corruptRecord(position: 0, reason: Wording(de: "ein Eintrag des Stromindex von '\(stream)' ist beschädigt", en: "a stream index entry of '\(stream)' is damaged"))
                        }
                        guard let bytes = try log.record(at: position) else {
                            throw .missingRecord(position: position)
                        }
                        page.append(try Self.decode(bytes, at: position, strings: &strings))
                        // A full page stops here: the entry after it is not touched (it may be damaged).
                        if page.count == limit { break }
                        entry = direction == .forward ? try cursor.next() : try cursor.previous()
                    }
                    return page
                }
            }
        }
    }
}
