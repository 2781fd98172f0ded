public import Foundation

extension UUID {
    /// A new version-7 UUID: 48 bits of Unix milliseconds followed by random bits (RFC 9562).
    ///
    /// Time-ordered ids keep the store's event-id index appending at its end instead of writing all over the
    /// B-tree, which makes appends cheaper. Any UUID is accepted as an event id; this is only the default.
    public static func timeOrdered() -> UUID {
        var timestamp = timespec()
        clock_gettime(CLOCK_REALTIME, &timestamp)
        let milliseconds = UInt64(timestamp.tv_sec) &* 1000 &+ UInt64(timestamp.tv_nsec / 1_000_000)
        var generator = SystemRandomNumberGenerator()
        let randomA = generator.next() as UInt64
        let randomB = generator.next() as UInt64
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { raw in
            for index in 0..<6 { raw[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
            raw[6] = 0x70 | UInt8(truncatingIfNeeded: randomA & 0x0F)          // version 7
            raw[7] = UInt8(truncatingIfNeeded: randomA >> 8)
            raw[8] = 0x80 | UInt8(truncatingIfNeeded: (randomA >> 16) & 0x3F)  // RFC 4122 variant
            for index in 9..<16 { raw[index] = UInt8(truncatingIfNeeded: randomB >> (8 * (index - 9))) }
        }
        return UUID(uuid: bytes)
    }
}
