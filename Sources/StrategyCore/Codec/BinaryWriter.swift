/// Appends values in the compact binary layout of state snapshots.
///
/// The layout is positional (no field names): unsigned integers as LEB128 varints, signed ones zigzag-encoded,
/// strings as a varint byte count and their UTF-8 bytes, optionals as a `0`/`1` byte before the value, lists as a
/// varint count before their elements. ``BinaryReader`` reads it back. Writers that need equal values to give equal
/// bytes (sets, dictionaries) sort before writing.
///
/// - Complexity: Every write is O(1) amortised, strings O(*n*) in their length.
package struct BinaryWriter {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8] = []

    /// An empty writer with room for `capacity` bytes.
    package init(capacity: Int = 1_024) {
        bytes.reserveCapacity(capacity)
    }

    /// One raw byte.
    package mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// Raw bytes, without a length.
    package mutating func raw(_ values: some Collection<UInt8>) {
        bytes.append(contentsOf: values)
    }

    /// An unsigned integer as a LEB128 varint: seven bits per byte, low bits first, the high bit set on every byte
    /// but the last.
    package mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// A non-negative count or size.
    package mutating func count(_ value: Int) {
        varint(UInt64(value))
    }

    /// A signed integer, zigzag-encoded so that small negative numbers stay short.
    package mutating func int(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// A signed integer, zigzag-encoded.
    package mutating func int(_ value: Int) {
        int(Int64(value))
    }

    /// `false` as `0`, `true` as `1`.
    package mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    /// A string: its UTF-8 byte count, then the bytes.
    package mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// An optional: `0`, or `1` followed by the value.
    package mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        if let value {
            bytes.append(1)
            write(&self, value)
        } else {
            bytes.append(0)
        }
    }

    /// A list: its count, then each element.
    package mutating func array<T>(_ values: some Collection<T>, _ write: (inout BinaryWriter, T) -> Void) {
        count(values.count)
        for value in values { write(&self, value) }
    }
}
