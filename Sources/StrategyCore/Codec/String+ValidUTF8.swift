extension String {
    /// The string of `bytes` when they are valid UTF-8, else nil.
    ///
    /// Equivalent to `String(validating:as: UTF8.self)`, which on this toolchain takes a generic path whose metadata
    /// lookups dominated decoding profiles. ASCII (the common case for ids, codes and dates) is recognised eight
    /// bytes at a time and taken as it is; anything else is decoded, which replaces invalid sequences with U+FFFD,
    /// and the result must equal the input byte for byte.
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    package init?(validUTF8 bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        if !bytes.isASCII {
            var copy = text
            guard copy.withUTF8({ UnsafeRawBufferPointer($0).hasSameBytes(as: bytes) }) else { return nil }
        }
        self = text
    }
}

extension UnsafeRawBufferPointer {
    /// Whether every byte is below 0x80, checked a machine word at a time.
    package var isASCII: Bool {
        guard let base = baseAddress else { return true }
        var index = 0
        while index + 8 <= count {
            if base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if base.load(fromByteOffset: index, as: UInt8.self) >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// Whether `other` holds the same bytes, compared a machine word at a time.
    package func hasSameBytes(as other: UnsafeRawBufferPointer) -> Bool {
        guard count == other.count else { return false }
        guard let a = baseAddress, let b = other.baseAddress else { return true }
        var index = 0
        while index + 8 <= count {
            if a.loadUnaligned(fromByteOffset: index, as: UInt64.self) != b.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                return false
            }
            index += 8
        }
        while index < count {
            if a.load(fromByteOffset: index, as: UInt8.self) != b.load(fromByteOffset: index, as: UInt8.self) { return false }
            index += 1
        }
        return true
    }
}
