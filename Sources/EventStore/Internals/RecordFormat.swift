internal import Foundation
internal import Primitives

/// The canonical byte encoding of a log record, which the hash chain covers.
///
/// A record is `body ‖ previousHash ‖ hash`, where `hash = SHA-256(previousHash ‖ body)` and the body is, in this
/// order (integers big-endian; `str` is a `u32` byte count followed by UTF-8; `opt` is a `u8` 0 for absent or 1
/// followed by the value):
///
/// | offset | field |
/// |---|---|
/// | 0 | `u8` record format, 1 |
/// | 1 | `u64` position |
/// | 9 | `u64` stream version |
/// | 17 | 16 bytes event id (RFC 4122 byte order) |
/// | 33 | `i64` recorded-at, microseconds since 1970-01-01T00:00:00Z |
/// | 41 | `u32` schema version |
/// | 45 | `str` stream id, `str` type, `str` payload encoding tag |
/// | … | `opt str` actor, `opt str` reason, `opt uuid` correlation id, `opt uuid` causation id |
/// | … | `u32` attribute count, then per attribute `str` key and `str` value, sorted by the key's UTF-8 bytes |
/// | … | `u32` payload byte count and the payload |
///
/// The same event always encodes to the same bytes, so a hash can be recomputed by anyone from the record alone.
/// ``HashChain`` computes the hashes and seals a body into its record.
/// `docs/store-format.md` documents the same layout for auditors.
enum RecordFormat {
    static let version: UInt8 = 1
    static let hashSize = 32
    static let trailerSize = 2 * hashSize
    static let recordedAtOffset = 33
    /// The fixed part before the first string.
    static let headerSize = 45

    /// The body of a record: every field except the two hashes.
    static func body(
        position: UInt64, streamVersion: UInt64, streamID: String, recordedAt: Int64, event: EventData
    ) -> [UInt8] {
        var writer = ByteWriter(capacity: size(streamID: streamID, event: event))
        writer.u8(version)
        writer.u64(position)
        writer.u64(streamVersion)
        writer.uuid(event.id)
        writer.i64(recordedAt)
        writer.u32(event.schemaVersion)
        writer.string(streamID)
        writer.string(event.type)
        writer.string(event.encoding)
        writer.optionalString(event.metadata.actor)
        writer.optionalString(event.metadata.reason)
        writer.optionalUUID(event.metadata.correlationID)
        writer.optionalUUID(event.metadata.causationID)
        let attributes = event.metadata.attributes.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        writer.u32(UInt32(attributes.count))
        for (key, value) in attributes {
            writer.string(key)
            writer.string(value)
        }
        writer.blob(event.payload)
        return writer.bytes
    }

    /// The exact size of the record (body and trailer), so that building it never grows its buffer.
    static func size(streamID: String, event: EventData) -> Int {
        let metadata = event.metadata
        var size = headerSize + 12 + streamID.utf8.count + event.type.utf8.count + event.encoding.utf8.count
        size += 1 + (metadata.actor.map { 4 + $0.utf8.count } ?? 0) + 1 + (metadata.reason.map { 4 + $0.utf8.count } ?? 0)
        size += 1 + (metadata.correlationID == nil ? 0 : 16) + 1 + (metadata.causationID == nil ? 0 : 16) + 4
        for (key, value) in metadata.attributes { size += 8 + key.utf8.count + value.utf8.count }
        return size + 4 + event.payload.count + trailerSize
    }

    /// The parts of a stored record that the chain and the append path need, without decoding strings.
    struct Trailer {
        let position: UInt64
        let recordedAt: Int64
        let previousHash: ChainHash
        let hash: ChainHash
        let body: UnsafeRawBufferPointer
    }

    /// Reads the fixed header fields and the two hashes; checks only sizes and the format byte.
    static func trailer(of record: UnsafeRawBufferPointer) throws(ByteReaderError) -> Trailer {
        guard record.count >= headerSize + trailerSize else {
            throw ByteReaderError(field: "record", problem: Wording(
                de: "hat \(record.count) Byte, weniger als der kleinste Datensatz",
                en: "has \(record.count) bytes, fewer than the smallest record"))
        }
        var reader = ByteReader(record)
        let format = try reader.u8("record format")
        guard format == version else {
            throw ByteReaderError(field: "record format", problem: Wording(
                de: "ist \(format), erwartet \(version)", en: "is \(format), expected \(version)"))
        }
        let position = try reader.u64("position")
        var timeReader = ByteReader(record, offset: recordedAtOffset)
        let recordedAt = try timeReader.i64("recorded-at")
        let bodyEnd = record.count - trailerSize
        let previous = ChainHash(validatedBytes: UnsafeRawBufferPointer(rebasing: record[bodyEnd..<(bodyEnd + hashSize)]))
        let own = ChainHash(validatedBytes: UnsafeRawBufferPointer(rebasing: record[(bodyEnd + hashSize)...]))
        return Trailer(
            position: position, recordedAt: recordedAt, previousHash: previous, hash: own,
            body: UnsafeRawBufferPointer(rebasing: record[0..<bodyEnd]))
    }

    /// The fixed fields after the format byte and the position, read alike by ``decode(_:strings:)`` and
    /// ``check(_:strings:)``.
    private static func header(_ reader: inout ByteReader, strings: inout InternedStrings) throws(ByteReaderError)
        -> (streamVersion: UInt64, id: UUID, recordedAt: Int64, schemaVersion: UInt32, streamID: String) {
        let streamVersion = try reader.u64("stream version")
        let id = try reader.uuid("event id")
        let recordedAt = try reader.i64("recorded-at")
        let schemaVersion = try reader.u32("schema version")
        let streamID = try reader.string("stream id", interning: &strings)
        return (streamVersion, id, recordedAt, schemaVersion, streamID)
    }

    /// Decodes a whole record, copying every byte out of `record` (which may be LMDB's memory).
    static func decode(_ record: UnsafeRawBufferPointer) throws(ByteReaderError) -> RecordedEvent {
        var strings = InternedStrings()
        return try decode(record, strings: &strings)
    }

    /// Decodes a whole record, reusing strings (stream id, type, encoding) seen in earlier records of a page.
    ///
    /// Checks the structure and the canonical form, not the hash: `verify` does that.
    static func decode(_ record: UnsafeRawBufferPointer, strings: inout InternedStrings) throws(ByteReaderError) -> RecordedEvent {
        let trailer = try trailer(of: record)
        var reader = ByteReader(trailer.body, offset: 1 + 8)
        let (streamVersion, id, recordedAt, schemaVersion, streamID) = try header(&reader, strings: &strings)
        let type = try reader.string("type", interning: &strings)
        let encoding = try reader.string("encoding", interning: &strings)
        let actor = try reader.optionalString("metadata.actor")
        let reason = try reader.optionalString("metadata.reason")
        let correlation = try reader.optionalUUID("metadata.correlationID")
        let causation = try reader.optionalUUID("metadata.causationID")
        let attributeCount = try reader.u32("metadata.attributes")
        guard Int(attributeCount) <= reader.remaining / 8 else {
            throw .tooManyAttributes(attributeCount)
        }
        var attributes: [String: String] = [:]
        var previousKey: String?
        for _ in 0..<attributeCount {
            let key = try reader.string("metadata.attributes key")
            let value = try reader.string("metadata.attributes[\(key)]")
            if let previousKey, !previousKey.utf8.lexicographicallyPrecedes(key.utf8) {
                throw .attributesOutOfOrder
            }
            attributes[key] = value
            previousKey = key
        }
        let payload = try reader.blob("payload")
        guard reader.remaining == 0 else {
            throw .trailingBytes(reader.remaining)
        }
        return RecordedEvent(
            position: trailer.position, streamID: streamID, streamVersion: streamVersion, id: id, type: type,
            schemaVersion: schemaVersion, encoding: encoding, recordedAtMicroseconds: recordedAt,
            metadata: EventMetadata(
                actor: actor, reason: reason, correlationID: correlation, causationID: causation,
                attributes: attributes),
            payload: payload, previousHash: trailer.previousHash, hash: trailer.hash)
    }
}

extension RecordFormat {
    /// What ``EventStore/verify(expectedHead:checkIndexes:progress:)`` needs of a record.
    struct Checked {
        let position: UInt64
        let streamID: String
        let streamVersion: UInt64
        let eventID: UUID
        let recordedAt: Int64
    }

    /// Checks a record's structure and canonical form — every field present, in bounds, valid UTF-8, attributes
    /// in order, nothing after the payload — without copying the payload.
    ///
    /// The twin of ``decode(_:strings:)`` for `verify`, which walks the whole log: it skips what decode copies
    /// (texts, the payload), so the two walk the same layout on purpose; the format test checks both on every field.
    static func check(_ record: UnsafeRawBufferPointer, strings: inout InternedStrings) throws(ByteReaderError) -> Checked {
        let trailer = try trailer(of: record)
        var reader = ByteReader(trailer.body, offset: 1 + 8)
        let (streamVersion, id, recordedAt, _, streamID) = try header(&reader, strings: &strings)
        try reader.skipValidString("type")
        try reader.skipValidString("encoding")
        for field in ["metadata.actor", "metadata.reason"] {
            switch try reader.u8(field) {
            case 0: break
            case 1: try reader.skipValidString(field)
            case let flag: throw .presenceFlag(field, flag)
            }
        }
        try reader.skipOptional(16, "metadata.correlationID")
        try reader.skipOptional(16, "metadata.causationID")
        let attributes = try reader.u32("metadata.attributes")
        guard Int(attributes) <= reader.remaining / 8 else {
            throw .tooManyAttributes(attributes)
        }
        var previousKey: String?
        for _ in 0..<attributes {
            let key = try reader.string("metadata.attributes key")
            try reader.skipValidString("metadata.attributes[\(key)]")
            if let previousKey, !previousKey.utf8.lexicographicallyPrecedes(key.utf8) {
                throw .attributesOutOfOrder
            }
            previousKey = key
        }
        let count = Int(try reader.u32("payload"))
        _ = try reader.slice(count, "payload")
        guard reader.remaining == 0 else {
            throw .trailingBytes(reader.remaining)
        }
        return Checked(position: trailer.position, streamID: streamID, streamVersion: streamVersion, eventID: id, recordedAt: recordedAt)
    }
}
