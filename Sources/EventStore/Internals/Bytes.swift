internal import Foundation
internal import Primitives

/// Appends big-endian integers, length-prefixed strings and raw bytes to a growing buffer.
///
/// The building block of every canonical encoding in the store: the record format, keys and metadata values.
struct ByteWriter {
    private(set) var bytes: [UInt8]

    init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func i64(_ value: Int64) { u64(UInt64(bitPattern: value)) }

    mutating func raw(_ data: some Collection<UInt8>) { bytes.append(contentsOf: data) }

    mutating func uuid(_ id: UUID) {
        withUnsafeBytes(of: id.uuid) { bytes.append(contentsOf: $0) }
    }

    /// A UTF-8 string as a 32-bit big-endian length followed by its bytes.
    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            u32(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// A byte blob as a 32-bit big-endian length followed by the bytes.
    mutating func blob(_ value: [UInt8]) {
        u32(UInt32(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func optionalString(_ value: String?) {
        if let value { u8(1); string(value) } else { u8(0) }
    }

    mutating func optionalUUID(_ value: UUID?) {
        if let value { u8(1); uuid(value) } else { u8(0) }
    }
}

/// The few strings that repeat on every record of a page — stream ids, type names, encoding tags — made once.
struct InternedStrings {
    private var entries: [(bytes: [UInt8], string: String)] = []

    /// The string for `bytes`, made (and validated) only the first time.
    mutating func string(_ bytes: UnsafeRawBufferPointer) -> String? {
        for entry in entries where entry.bytes.count == bytes.count {
            let same = bytes.isEmpty || entry.bytes.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
            if same { return entry.string }
        }
        guard let string = String(validUTF8: bytes) else { return nil }
        if entries.count < 32 { entries.append((Array(bytes), string)) }
        return string
    }
}

/// Why a ``ByteReader`` stopped: the field it was reading and what was wrong.
struct ByteReaderError: Error {
    /// The field's name as the record format names it (`stream version`, `metadata.actor`); English.
    let field: String
    /// What was wrong, as a predicate of the field: `is not valid UTF-8` / `ist kein gültiges UTF-8`.
    let problem: Wording

    /// The field and its problem in one phrase, for example `metadata.actor is not valid UTF-8` /
    /// `das Feld metadata.actor ist kein gültiges UTF-8`.
    var wording: Wording {
        Wording(de: "\(Self.germanName(of: field)) \(problem.de)", en: "\(field) \(problem.en)")
    }

    /// A field of the record format named in German, with its article (the subject of ``problem``'s German).
    static func germanName(of field: String) -> String {
        switch field {
        case "record": return "der Datensatz"
        case "record format": return "das Datensatzformat"
        case "position": return "die Position"
        case "stream version": return "die Stromversion"
        case "event id": return "die Ereignis-ID"
        case "recorded-at": return "der Aufzeichnungszeitpunkt"
        case "schema version": return "die Schemaversion"
        case "stream id": return "die Strom-ID"
        case "type": return "der Ereignistyp"
        case "encoding": return "die Kodierung"
        case "payload": return "das Nutzdatenfeld"
        case "metadata.attributes key": return "ein Schlüssel in metadata.attributes"
        case "metadata.attributes value": return "ein Wert in metadata.attributes"
        default: return "das Feld \(field)"
        }
    }

    /// `needs N bytes at offset O, R left`.
    static func short(_ field: String, needs count: Int, at offset: Int, remaining: Int) -> ByteReaderError {
        ByteReaderError(field: field, problem: Wording(
            de: "braucht \(count) Byte ab Offset \(offset), übrig sind nur \(remaining)",
            en: "needs \(count) bytes at offset \(offset), \(remaining) left"))
    }

    /// `is not valid UTF-8`.
    static func invalidUTF8(_ field: String) -> ByteReaderError {
        ByteReaderError(field: field, problem: Wording(de: "ist kein gültiges UTF-8", en: "is not valid UTF-8"))
    }

    /// `has presence flag F, expected 0 or 1`.
    static func presenceFlag(_ field: String, _ flag: UInt8) -> ByteReaderError {
        ByteReaderError(field: field, problem: Wording(
            de: "hat das Vorhandenseinskennzeichen \(flag), erwartet 0 oder 1",
            en: "has presence flag \(flag), expected 0 or 1"))
    }

    /// `claims N entries, more than fit` (of `metadata.attributes`).
    static func tooManyAttributes(_ count: UInt32) -> ByteReaderError {
        ByteReaderError(field: "metadata.attributes", problem: Wording(
            de: "gibt \(count) Einträge an, mehr als Platz haben", en: "claims \(count) entries, more than fit"))
    }

    /// `keys are not in canonical order` (of `metadata.attributes`).
    static let attributesOutOfOrder = ByteReaderError(field: "metadata.attributes", problem: Wording(
        de: "hat Schlüssel außerhalb der kanonischen Reihenfolge", en: "keys are not in canonical order"))

    /// `has N unexpected bytes after the payload` (of the record).
    static func trailingBytes(_ count: Int) -> ByteReaderError {
        ByteReaderError(field: "record", problem: Wording(
            de: "hat \(count) unerwartete Byte nach den Nutzdaten", en: "has \(count) unexpected bytes after the payload"))
    }
}

/// Reads what a ``ByteWriter`` wrote, checking every bound: damaged bytes give an error, never a crash.
struct ByteReader {
    let buffer: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
        self.buffer = buffer
        self.offset = offset
    }

    var remaining: Int { buffer.count - offset }

    private mutating func take(_ count: Int, _ field: String) throws(ByteReaderError) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= remaining else {
            throw .short(field, needs: count, at: offset, remaining: remaining)
        }
        let slice = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)])
        offset += count
        return slice
    }

    mutating func u8(_ field: String) throws(ByteReaderError) -> UInt8 {
        try take(1, field)[0]
    }

    mutating func u32(_ field: String) throws(ByteReaderError) -> UInt32 {
        let slice = try take(4, field)
        return UInt32(bigEndian: slice.loadUnaligned(as: UInt32.self))
    }

    mutating func u64(_ field: String) throws(ByteReaderError) -> UInt64 {
        let slice = try take(8, field)
        return UInt64(bigEndian: slice.loadUnaligned(as: UInt64.self))
    }

    mutating func i64(_ field: String) throws(ByteReaderError) -> Int64 {
        Int64(bitPattern: try u64(field))
    }

    mutating func uuid(_ field: String) throws(ByteReaderError) -> UUID {
        let slice = try take(16, field)
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: slice) }
        return UUID(uuid: value)
    }

    mutating func bytes(_ count: Int, _ field: String) throws(ByteReaderError) -> [UInt8] {
        Array(try take(count, field))
    }

    mutating func blob(_ field: String) throws(ByteReaderError) -> [UInt8] {
        let count = Int(try u32(field))
        return Array(try take(count, field))
    }

    /// A length-prefixed string; invalid UTF-8 is an error, not a repair.
    mutating func string(_ field: String) throws(ByteReaderError) -> String {
        let count = Int(try u32(field))
        let slice = try take(count, field)
        guard let text = String(validUTF8: slice) else {
            throw ByteReaderError.invalidUTF8(field)
        }
        return text
    }

    /// A length-prefixed string, shared with earlier records when its bytes repeat.
    mutating func string(_ field: String, interning strings: inout InternedStrings) throws(ByteReaderError) -> String {
        let count = Int(try u32(field))
        let slice = try take(count, field)
        guard let text = strings.string(slice) else { throw ByteReaderError.invalidUTF8(field) }
        return text
    }

    /// The next `count` bytes, without copying.
    mutating func slice(_ count: Int, _ field: String) throws(ByteReaderError) -> UnsafeRawBufferPointer {
        try take(count, field)
    }

    /// Skips a length-prefixed string after checking that it is valid UTF-8, without making a `String`.
    mutating func skipValidString(_ field: String) throws(ByteReaderError) {
        let count = Int(try u32(field))
        let slice = try take(count, field)
        if !slice.isASCII, String(validUTF8: slice) == nil {
            throw ByteReaderError.invalidUTF8(field)
        }
    }

    mutating func skipString(_ field: String) throws(ByteReaderError) {
        let count = Int(try u32(field))
        _ = try take(count, field)
    }

    mutating func skipOptionalString(_ field: String) throws(ByteReaderError) {
        switch try u8(field) {
        case 0: return
        case 1: try skipString(field)
        case let flag: throw .presenceFlag(field, flag)
        }
    }

    mutating func skipOptional(_ size: Int, _ field: String) throws(ByteReaderError) {
        switch try u8(field) {
        case 0: return
        case 1: _ = try take(size, field)
        case let flag: throw .presenceFlag(field, flag)
        }
    }

    mutating func optionalString(_ field: String) throws(ByteReaderError) -> String? {
        switch try u8(field) {
        case 0: return nil
        case 1: return try string(field)
        case let flag: throw .presenceFlag(field, flag)
        }
    }

    mutating func optionalUUID(_ field: String) throws(ByteReaderError) -> UUID? {
        switch try u8(field) {
        case 0: return nil
        case 1: return try uuid(field)
        case let flag: throw .presenceFlag(field, flag)
        }
    }
}
