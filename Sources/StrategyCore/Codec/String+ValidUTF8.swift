extension String {
    /// The string of `bytes` when they are valid UTF-8, else nil.
    ///
    /// Equivalent to `String(validating:as: UTF8.self)`, which on this toolchain takes a generic path whose metadata
    /// lookups dominated decoding profiles. ASCII (the common case for ids, codes and dates) is valid as it is;
    /// otherwise the bytes are decoded, which replaces invalid sequences with U+FFFD, and the result must equal the
    /// input byte for byte.
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    package init?(validUTF8 bytes: UnsafeRawBufferPointer) {
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        let text = String(decoding: bytes, as: UTF8.self)
        if high >= 0x80 {
            var copy = text
            let same = copy.withUTF8 { UnsafeRawBufferPointer($0).elementsEqual(bytes) }
            guard same else { return nil }
        }
        self = text
    }
}
