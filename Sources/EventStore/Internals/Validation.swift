internal import Primitives

/// Checks of names and sizes, made on the caller's thread before a request reaches the writer.
enum Validation {
    /// A name used in keys or as a type tag: 1…`maxBytes` bytes of UTF-8 without control characters
    /// (NUL in particular is the key separator). The field's name is made only for an error.
    static func name(_ value: String, field: @autoclosure () -> String, maxBytes: Int) throws(EventStoreError) {
        let count = value.utf8.count
        if count == 0 { throw .invalidArgument(field: field(), reason: Wording(de: "darf nicht leer sein", en: "must not be empty")) }
        if count > maxBytes {
            throw .invalidArgument(field: field(), reason: Wording(de: "hat \(count) Byte UTF-8, höchstens \(maxBytes) sind erlaubt", en: "has \(count) bytes of UTF-8, at most \(maxBytes) are allowed"))
        }
        if let bad = firstControlCharacter(value) {
            throw .invalidArgument(
                field: field(), reason: Wording(de: "enthält das Steuerzeichen U+\(String(bad.value, radix: 16, uppercase: true))", en: "contains the control character U+\(String(bad.value, radix: 16, uppercase: true))"))
        }
    }

    /// The first control character of `value`: bytes below 0x20 and 0x7F for ASCII, the Unicode property only for
    /// the rest (looking it up for every character cost 15% of a batched append).
    static func firstControlCharacter(_ value: String) -> Unicode.Scalar? {
        var asciiOnly = true
        for byte in value.utf8 {
            if byte < 0x20 || byte == 0x7F { return Unicode.Scalar(byte) }
            if byte >= 0x80 { asciiOnly = false }
        }
        if asciiOnly { return nil }
        return value.unicodeScalars.first { $0.properties.generalCategory == .control }
    }

    static let maximumStreamIDBytes = 255
    static let maximumTypeBytes = 256
    static let maximumEncodingBytes = 64
    static let maximumMetadataBytes = 1 << 20
    static let maximumEventsPerAppend = 1 << 20

    static func append(stream: String, events: [EventData]) throws(EventStoreError) {
        try name(stream, field: "stream id", maxBytes: maximumStreamIDBytes)
        if events.isEmpty { throw .invalidArgument(field: "events", reason: Wording(de: "zum Anhängen ist mindestens ein Ereignis nötig", en: "an append needs at least one event")) }
        if events.count > maximumEventsPerAppend {
            throw .invalidArgument(field: "events", reason: Wording(de: "\(events.count) Ereignisse in einem Anhängevorgang, höchstens \(maximumEventsPerAppend)", en: "\(events.count) events in one append, at most \(maximumEventsPerAppend)"))
        }
        var seen = Set<UUID>()
        seen.reserveCapacity(events.count)
        // A batch repeats a few types and one encoding: each distinct name is checked once.
        var previous: (type: String, encoding: String)?
        for (index, event) in events.enumerated() {
            if event.type != previous?.type { try name(event.type, field: "events[\(index)].type", maxBytes: maximumTypeBytes) }
            if event.encoding != previous?.encoding { try name(event.encoding, field: "events[\(index)].encoding", maxBytes: maximumEncodingBytes) }
            previous = (event.type, event.encoding)
            if event.payload.count > EventStore.maximumPayloadSize {
                throw .invalidArgument(
                    field: "events[\(index)].payload",
                    reason: Wording(de: "hat \(event.payload.count) Byte, höchstens \(EventStore.maximumPayloadSize) sind erlaubt", en: "has \(event.payload.count) bytes, at most \(EventStore.maximumPayloadSize) are allowed"))
            }
            let metadata = event.metadata
            var metadataBytes = (metadata.actor?.utf8.count ?? 0) + (metadata.reason?.utf8.count ?? 0)
            for (key, value) in metadata.attributes {
                if key.isEmpty { throw .invalidArgument(field: "events[\(index)].metadata.attributes", reason: Wording(de: "ein Schlüssel ist leer", en: "a key is empty")) }
                metadataBytes += key.utf8.count + value.utf8.count
            }
            if metadataBytes > maximumMetadataBytes {
                throw .invalidArgument(
                    field: "events[\(index)].metadata", reason: Wording(de: "hat \(metadataBytes) Byte, höchstens \(maximumMetadataBytes)", en: "has \(metadataBytes) bytes, at most \(maximumMetadataBytes)"))
            }
            if !seen.insert(event.id).inserted {
                throw .invalidArgument(
                    field: "events[\(index)].id", reason: Wording(de: "\(event.id.uuidString.lowercased()) kommt in diesem Anhängevorgang zweimal vor", en: "\(event.id.uuidString.lowercased()) appears twice in this append"))
            }
        }
    }
}

import struct Foundation.UUID
