/// Decodes `Decodable` values straight from JSON bytes: no intermediate tree, no dictionaries, no Foundation.
///
/// An object is scanned once into a small table of key and value byte ranges; values are decoded from their
/// ranges when asked for. Strings without escapes are made directly from their bytes. Accepts any JSON this
/// library's ``CanonicalJSON`` encoder writes (integers only), and reports malformed input as `DecodingError`.
public struct CanonicalJSONDecoder {
    /// Creates a decoder.
    public init() {}

    /// Decodes a value of `type` from `bytes`.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try bytes.withUnsafeBufferPointer { buffer in
            let input = JSONInput(buffer)
            var scanner = JSONScanner(input: input, index: 0)
            scanner.skipSpace()
            let start = scanner.index
            try scanner.skipValue(depth: 0)
            scanner.skipSpace()
            guard scanner.index == buffer.count else { throw JSONInput.corrupt([], "unexpected bytes after the value at \(scanner.index)") }
            return try T(from: BytesDecoder(input: input, range: start..<scanner.index, codingPath: []))
        }
    }

    /// Decodes the member `key` of the top-level object in `bytes` as `type`, without decoding the other members.
    public func decode<T: Decodable>(_ type: T.Type, member key: String, from bytes: [UInt8]) throws -> T {
        try bytes.withUnsafeBytes { try decode(type, member: key, from: $0) }
    }

    /// Decodes the member `key` of the top-level object in `buffer` (which may be a database's memory) as `type`.
    public func decode<T: Decodable>(_ type: T.Type, member key: String, from buffer: UnsafeRawBufferPointer) throws -> T {
        let input = JSONInput(buffer.assumingMemoryBound(to: UInt8.self))
        let object = try JSONObject(input: input, range: 0..<buffer.count, codingPath: [])
        guard let range = object.value(for: key) else { throw JSONInput.corrupt([], "the payload has no member '\(key)'") }
        return try T(from: BytesDecoder(input: input, range: range, codingPath: []))
    }
}

/// The bytes being decoded. Valid only during one `decode` call.
struct JSONInput {
    let bytes: UnsafeBufferPointer<UInt8>
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    static func corrupt(_ path: [any CodingKey], _ message: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: path, debugDescription: message))
    }

    /// The range with surrounding whitespace removed.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    func isNull(_ range: Range<Int>) -> Bool {
        let r = trimmed(range)
        return r.count == 4 && bytes[r.lowerBound] == UInt8(ascii: "n")
    }

    /// The bytes between the quotes of a string value, or nil when the value is not a string.
    private func stringContent(_ range: Range<Int>) -> UnsafeRawBufferPointer? {
        let r = trimmed(range)
        guard r.count >= 2, bytes[r.lowerBound] == UInt8(ascii: "\""), bytes[r.upperBound - 1] == UInt8(ascii: "\"") else { return nil }
        return UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[(r.lowerBound + 1)..<(r.upperBound - 1)]))
    }

    /// The bytes between the quotes of a string value without escapes, or nil for anything else.
    func plainStringBytes(_ range: Range<Int>) -> UnsafeRawBufferPointer? {
        guard let content = stringContent(range), !content.contains(UInt8(ascii: "\\")) else { return nil }
        return content
    }

    func string(_ range: Range<Int>, _ path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard let content = stringContent(range) else { throw Self.corrupt(path(), "expected a string") }
        if !content.contains(UInt8(ascii: "\\")) {
            guard let text = String(validUTF8: content) else { throw Self.corrupt(path(), "invalid UTF-8 in a string") }
            return text
        }
        var scanner = JSONScanner(input: self, index: trimmed(range).lowerBound)
        return try scanner.parseString(path())
    }

    func integer(_ range: Range<Int>, _ path: @autoclosure () -> [any CodingKey]) throws -> Int64 {
        let r = trimmed(range)
        guard !r.isEmpty else { throw Self.corrupt(path(), "expected a number") }
        var index = r.lowerBound
        var negative = false
        if bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        guard index < r.upperBound else { throw Self.corrupt(path(), "expected a number") }
        var value: Int64 = 0
        while index < r.upperBound {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw Self.corrupt(path(), "expected an integer") }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw Self.corrupt(path(), "number out of range") }
            value = sum
            index += 1
        }
        return negative ? -value : value
    }

    func bool(_ range: Range<Int>, _ path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        let r = trimmed(range)
        if r.count == 4 && bytes[r.lowerBound] == UInt8(ascii: "t") { return true }
        if r.count == 5 && bytes[r.lowerBound] == UInt8(ascii: "f") { return false }
        throw Self.corrupt(path(), "expected true or false")
    }
}

/// Walks JSON bytes: skips values, parses escaped strings.
struct JSONScanner {
    let input: JSONInput
    var index: Int

    var bytes: UnsafeBufferPointer<UInt8> { input.bytes }

    mutating func skipSpace() {
        while index < bytes.count, input.isSpace(bytes[index]) { index += 1 }
    }

    mutating func skipValue(depth: Int) throws {
        guard depth < 256 else { throw JSONInput.corrupt([], "nested too deeply") }
        skipSpace()
        guard index < bytes.count else { throw JSONInput.corrupt([], "unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = bytes[index] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            let isObject = close == UInt8(ascii: "}")
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == close { index += 1; return }
            while true {
                if isObject {
                    try skipString()
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw JSONInput.corrupt([], "expected ':' at \(index)") }
                    index += 1
                }
                try skipValue(depth: depth + 1)
                skipSpace()
                guard index < bytes.count else { throw JSONInput.corrupt([], "unexpected end") }
                if bytes[index] == close { index += 1; return }
                guard bytes[index] == UInt8(ascii: ",") else { throw JSONInput.corrupt([], "expected ',' at \(index)") }
                index += 1
                skipSpace()
            }
        case UInt8(ascii: "\""):
            try skipString()
        default:
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || input.isSpace(byte) { break }
                index += 1
            }
            if index == start { throw JSONInput.corrupt([], "expected a value at \(start)") }
        }
    }

    mutating func skipString() throws {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw JSONInput.corrupt([], "expected a string at \(index)") }
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") { index += 2; continue }
            index += 1
            if byte == UInt8(ascii: "\"") { return }
        }
        throw JSONInput.corrupt([], "unterminated string")
    }

    /// Parses a string with escapes (the slow path).
    mutating func parseString(_ path: [any CodingKey]) throws -> String {
        let start = index
        try skipString()
        let bytes = Array(input.bytes[start..<index])
        do {
            guard case let .string(text) = try CanonicalJSON.parse(bytes) else { throw JSONInput.corrupt(path, "expected a string") }
            return text
        } catch let error as JSONParseError {
            throw JSONInput.corrupt(path, error.description)
        }
    }
}

/// The members of one object: key and value ranges, in order.
///
/// Lookups start where the last one ended, so reading members in order (as synthesized `Decodable` code and
/// dictionaries do) costs one comparison each, even for objects with thousands of members.
final class JSONObject {
    let input: JSONInput
    private var entries: ContiguousArray<(key: Range<Int>, value: Range<Int>)> = []
    private var hint = 0

    var count: Int { entries.count }

    init(input: JSONInput, range: Range<Int>, codingPath: [any CodingKey]) throws {
        self.input = input
        let r = input.trimmed(range)
        guard r.count >= 2, input.bytes[r.lowerBound] == UInt8(ascii: "{") else { throw JSONInput.corrupt(codingPath, "expected an object") }
        var scanner = JSONScanner(input: input, index: r.lowerBound + 1)
        scanner.skipSpace()
        if scanner.index < r.upperBound, input.bytes[scanner.index] == UInt8(ascii: "}") { return }
        while true {
            scanner.skipSpace()
            let keyStart = scanner.index
            try scanner.skipString()
            let key = (keyStart + 1)..<(scanner.index - 1)
            scanner.skipSpace()
            guard scanner.index < r.upperBound, input.bytes[scanner.index] == UInt8(ascii: ":") else { throw JSONInput.corrupt(codingPath, "expected ':'") }
            scanner.index += 1
            let valueStart = scanner.index
            try scanner.skipValue(depth: codingPath.count)
            entries.append((key, valueStart..<scanner.index))
            scanner.skipSpace()
            guard scanner.index < r.upperBound else { throw JSONInput.corrupt(codingPath, "unterminated object") }
            if input.bytes[scanner.index] == UInt8(ascii: "}") { return }
            guard input.bytes[scanner.index] == UInt8(ascii: ",") else { throw JSONInput.corrupt(codingPath, "expected ','") }
            scanner.index += 1
        }
    }

    /// The value range of `key` (keys are compared byte for byte; this library's keys have no escapes).
    func value(for key: String) -> Range<Int>? {
        var key = key
        return key.withUTF8 { wanted in
            let count = entries.count
            guard count > 0 else { return nil }
            for step in 0..<count {
                let index = (hint + step) % count
                let range = entries[index].key
                guard range.count == wanted.count else { continue }
                var equal = true
                for offset in 0..<wanted.count where input.bytes[range.lowerBound + offset] != wanted[offset] {
                    equal = false
                    break
                }
                if equal {
                    hint = index + 1
                    return entries[index].value
                }
            }
            return nil
        }
    }

    func keyString(_ index: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: input.bytes[entries[index].key]), as: UTF8.self)
    }
}

private struct BytesDecoder: Decoder {
    let input: JSONInput
    let range: Range<Int>
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedBytes<Key>(object: try JSONObject(input: input, range: range, codingPath: codingPath), codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try UnkeyedBytes(input: input, range: range, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleBytes(input: input, range: range, codingPath: codingPath)
    }
}

/// Decodes a scalar directly, or anything else through a nested decoder. The coding path is built only when it is
/// needed — for an error or a nested decoder — since building it for every member was a visible share of replay.
private func decodeScalar<T: Decodable>(_ type: T.Type, input: JSONInput, range: Range<Int>, path: () -> [any CodingKey]) throws -> T {
    switch type {
    case is String.Type: return try input.string(range, path()) as! T
    case is Int.Type: return Int(try input.integer(range, path())) as! T
    case is Int64.Type: return try input.integer(range, path()) as! T
    case is UInt32.Type:
        guard let value = UInt32(exactly: try input.integer(range, path())) else { throw JSONInput.corrupt(path(), "number out of range") }
        return value as! T
    case is UInt64.Type:
        guard let value = UInt64(exactly: try input.integer(range, path())) else { throw JSONInput.corrupt(path(), "number out of range") }
        return value as! T
    case is Bool.Type: return try input.bool(range, path()) as! T
    // The domain's scalar types, decoded without a nested decoder and container.
    case is Identifier.Type:
        if let bytes = input.plainStringBytes(range), Identifier.isValid(bytes) { return Identifier(validBytes: bytes) as! T }
        let text = try input.string(range, path())
        guard Identifier.problem(with: text) == nil else { throw JSONInput.corrupt(path(), "'\(text)' is not a valid identifier") }
        return Identifier(unchecked: text) as! T
    case is CalendarDate.Type:
        let text = try input.string(range, path())
        guard let date = CalendarDate(canonical: text) else {
            throw JSONInput.corrupt(path(), "expected a date as YYYY-MM-DD (or YYYY-MM, YYYY-season, YYYY, 'before …'), found '\(text)'")
        }
        return date as! T
    case is Quantity.Type:
        let text = try input.string(range, path())
        guard let quantity = Quantity(text) else { throw JSONInput.corrupt(path(), "expected a decimal number, found '\(text)'") }
        return quantity as! T
    case is EuroAmount.Type: return EuroAmount(cents: try input.integer(range, path())) as! T
    default: return try T(from: BytesDecoder(input: input, range: range, codingPath: path()))
    }
}

private struct KeyedBytes<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let codingPath: [any CodingKey]

    var allKeys: [Key] { (0..<object.count).compactMap { Key(stringValue: object.keyString($0)) } }

    func contains(_ key: Key) -> Bool { object.value(for: key.stringValue) != nil }

    private func range(_ key: Key) throws -> Range<Int> {
        guard let range = object.value(for: key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for '\(key.stringValue)'"))
        }
        return range
    }

    func decodeNil(forKey key: Key) throws -> Bool { object.input.isNull(try range(key)) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decodeScalar(type, input: object.input, range: try range(key), path: { codingPath + [key] })
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let range = object.value(for: key.stringValue), !object.input.isNull(range) else { return nil }
        return try decodeScalar(type, input: object.input, range: range, path: { codingPath + [key] })
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try BytesDecoder(input: object.input, range: try range(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try BytesDecoder(input: object.input, range: try range(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        BytesDecoder(input: object.input, range: object.value(for: "super") ?? 0..<0, codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        BytesDecoder(input: object.input, range: try range(key), codingPath: codingPath + [key])
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedBytes: UnkeyedDecodingContainer {
    let input: JSONInput
    let codingPath: [any CodingKey]
    var elements: [Range<Int>] = []
    var currentIndex = 0

    init(input: JSONInput, range: Range<Int>, codingPath: [any CodingKey]) throws {
        self.input = input
        self.codingPath = codingPath
        let r = input.trimmed(range)
        guard r.count >= 2, input.bytes[r.lowerBound] == UInt8(ascii: "[") else { throw JSONInput.corrupt(codingPath, "expected a list") }
        var scanner = JSONScanner(input: input, index: r.lowerBound + 1)
        scanner.skipSpace()
        if scanner.index < r.upperBound, input.bytes[scanner.index] == UInt8(ascii: "]") { return }
        while true {
            let start = scanner.index
            try scanner.skipValue(depth: codingPath.count)
            elements.append(start..<scanner.index)
            scanner.skipSpace()
            guard scanner.index < r.upperBound else { throw JSONInput.corrupt(codingPath, "unterminated list") }
            if input.bytes[scanner.index] == UInt8(ascii: "]") { return }
            guard input.bytes[scanner.index] == UInt8(ascii: ",") else { throw JSONInput.corrupt(codingPath, "expected ','") }
            scanner.index += 1
        }
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func next() throws -> Range<Int> {
        guard !isAtEnd else { throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "the list has no more elements")) }
        defer { currentIndex += 1 }
        return elements[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, input.isNull(elements[currentIndex]) else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let index = currentIndex
        return try decodeScalar(type, input: input, range: try next(), path: { codingPath + [IndexKey(index)] })
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let path = codingPath + [IndexKey(currentIndex)]
        return try BytesDecoder(input: input, range: try next(), codingPath: path).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let path = codingPath + [IndexKey(currentIndex)]
        return try BytesDecoder(input: input, range: try next(), codingPath: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let path = codingPath + [IndexKey(currentIndex)]
        return BytesDecoder(input: input, range: try next(), codingPath: path)
    }
}

private struct SingleBytes: SingleValueDecodingContainer {
    let input: JSONInput
    let range: Range<Int>
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { input.isNull(range) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decodeScalar(type, input: input, range: range, path: { codingPath })
    }
}

