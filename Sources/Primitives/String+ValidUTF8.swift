extension String {
    /// The string of `bytes` when they are valid UTF-8, else nil.
    ///
    /// Equivalent to `String(validating:as: UTF8.self)`, which on this toolchain takes a generic path whose metadata
    /// lookups dominated decoding profiles. ASCII (the common case for ids, codes and dates) is recognised eight
    /// bytes at a time and taken as it is; anything else is decoded, which replaces invalid sequences with U+FFFD,
    /// and the result must equal the input byte for byte. EventStore's record reader and StrategyCore's codecs both
    /// decode through it.
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
