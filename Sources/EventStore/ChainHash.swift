/// A SHA-256 digest in the store's hash chain.
///
/// Its ``description`` is the lowercase hexadecimal form used in reports and council records. The 32 bytes are
/// stored inline (no heap allocation), since every record carries two.
public struct ChainHash: Sendable, Hashable, CustomStringConvertible, Codable {
    private let words: (UInt64, UInt64, UInt64, UInt64)

    /// The 32 bytes of the digest.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// The hash that precedes the first record: 32 zero bytes.
    public static let genesis = ChainHash(words: (0, 0, 0, 0))

    private init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// Creates a hash from 32 bytes; returns nil for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self = bytes.withUnsafeBytes { ChainHash(validatedBytes: $0) }
    }

    /// Parses 64 hexadecimal digits (either case); returns nil for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self.init(bytes: bytes)
    }

    /// 32 bytes read from a buffer that is known to hold them.
    init(validatedBytes raw: UnsafeRawBufferPointer) {
        func word(_ offset: Int) -> UInt64 { UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        self.init(words: (word(0), word(8), word(16), word(24)))
    }

    /// Calls `body` with the 32 bytes, without allocating.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let bigEndian = (words.0.bigEndian, words.1.bigEndian, words.2.bigEndian, words.3.bigEndian)
        return try Swift.withUnsafeBytes(of: bigEndian) { try body($0) }
    }

    /// Appends the 32 bytes to `buffer`.
    func append(to buffer: inout [UInt8]) {
        withUnsafeBytes { buffer.append(contentsOf: $0) }
    }

    public static func == (lhs: ChainHash, rhs: ChainHash) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    /// 64 lowercase hexadecimal digits.
    public var description: String {
        let table = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(table[Int(byte >> 4)])
            out.append(table[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let hash = ChainHash(hex: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected 64 hexadecimal digits, found '\(text)'")
        }
        self = hash
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// The end of the hash chain: the last record's position and hash.
///
/// Cite it in a council record (`position:hash`); a later `verify` against the cited head proves that nothing
/// up to that position was altered since.
public struct ChainHead: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The position of the last record.
    public let position: UInt64
    /// The hash of the last record.
    public let hash: ChainHash

    /// Creates a head.
    public init(position: UInt64, hash: ChainHash) {
        self.position = position
        self.hash = hash
    }

    /// Parses the `POSITION:HASH` form that ``description`` prints.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let position = UInt64(parts[0]), position > 0,
              let hash = ChainHash(hex: String(parts[1])) else { return nil }
        self.init(position: position, hash: hash)
    }

    /// `POSITION:HASH`, for example `1234:9f86…`.
    public var description: String { "\(position):\(hash)" }
}
