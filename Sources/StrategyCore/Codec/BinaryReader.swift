/// Bytes that do not hold what ``BinaryReader`` expected: where, which field, and what is wrong.
package struct BinaryDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The byte offset at which the field starts.
    package let offset: Int
    /// The field being read, such as `goal.statement`.
    package let field: String
    /// What is wrong, such as `runs past the end (needs 12 bytes, 3 left)`.
    package let problem: String

    package init(offset: Int, field: String, problem: String) {
        self.offset = offset
        self.field = field
        self.problem = problem
    }

    package var description: String { "byte \(offset): \(field) \(problem)" }
}

/// Reads the layout ``BinaryWriter`` writes, checking every length against the bytes that are left.
///
/// Damaged input gives a ``BinaryDecodingError`` naming the offset and the field; it never reads out of bounds
/// and never allocates more than the input could describe (a count larger than the remaining bytes is refused).
/// The reader borrows its bytes: use it inside the closure that provides them.
package struct BinaryReader {
    private let base: UnsafeRawBufferPointer
    /// The offset of the next byte to read.
    package private(set) var offset: Int

    /// A reader at the start of `bytes`.
    package init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.base = bytes
        self.offset = offset
    }

    /// Bytes not read yet.
    package var remaining: Int { base.count - offset }

    /// Whether every byte has been read.
    package var isAtEnd: Bool { offset == base.count }

    /// An error at the current offset.
    package func error(_ field: String, _ problem: String) -> BinaryDecodingError {
        BinaryDecodingError(offset: offset, field: field, problem: problem)
    }

    /// One raw byte.
    package mutating func byte(_ field: String) throws(BinaryDecodingError) -> UInt8 {
        guard offset < base.count else { throw error(field, "runs past the end") }
        defer { offset += 1 }
        return base[offset]
    }

    /// `count` raw bytes.
    package mutating func raw(_ count: Int, _ field: String) throws(BinaryDecodingError) -> UnsafeRawBufferPointer {
        guard count <= remaining else { throw error(field, "runs past the end (needs \(count) bytes, \(remaining) left)") }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: base[offset..<(offset + count)])
    }

    /// A LEB128 varint of at most ten bytes.
    package mutating func varint(_ field: String) throws(BinaryDecodingError) -> UInt64 {
        let start = offset
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < base.count else {
                offset = start
                throw error(field, "runs past the end")
            }
            let byte = base[offset]
            offset += 1
            if shift == 63 && byte > 1 {
                offset = start
                throw error(field, "is a number larger than 64 bits")
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// A count of elements that each take at least one byte: never more than the bytes left.
    package mutating func count(_ field: String) throws(BinaryDecodingError) -> Int {
        let start = offset
        let value = try varint(field)
        guard value <= UInt64(remaining) else {
            let left = remaining
            offset = start
            throw error(field, "claims a length of \(value) but only \(left) bytes are left")
        }
        return Int(value)
    }

    /// A zigzag-encoded signed integer.
    package mutating func int64(_ field: String) throws(BinaryDecodingError) -> Int64 {
        let value = try varint(field)
        return Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    /// A zigzag-encoded signed integer that fits `Int`.
    package mutating func int(_ field: String) throws(BinaryDecodingError) -> Int {
        Int(try int64(field))
    }

    /// `0` or `1`.
    package mutating func bool(_ field: String) throws(BinaryDecodingError) -> Bool {
        switch try byte(field) {
        case 0: return false
        case 1: return true
        case let other:
            offset -= 1
            throw error(field, "is \(other), expected 0 or 1")
        }
    }

    /// A string of valid UTF-8.
    package mutating func string(_ field: String) throws(BinaryDecodingError) -> String {
        let start = offset
        let length = try count(field)
        let bytes = try raw(length, field)
        guard let text = String(validUTF8: bytes) else {
            offset = start
            throw error(field, "is not valid UTF-8")
        }
        return text
    }

    /// An optional: `0`, or `1` followed by the value.
    package mutating func optional<T>(
        _ field: String, _ read: (inout BinaryReader) throws(BinaryDecodingError) -> T
    ) throws(BinaryDecodingError) -> T? {
        switch try byte(field) {
        case 0: return nil
        case 1: return try read(&self)
        case let other:
            offset -= 1
            throw error(field, "has presence byte \(other), expected 0 or 1")
        }
    }

    /// A list: a count, then the elements.
    package mutating func array<T>(
        _ field: String, _ read: (inout BinaryReader) throws(BinaryDecodingError) -> T
    ) throws(BinaryDecodingError) -> [T] {
        let count = try count(field)
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }
}
