// The public `CanonicalJSONDecoder` and the `Decoder` it runs over byte ranges.
//
// Reading the bytes themselves (skipping values, an object's member table) is in CanonicalJSONDecoder+Scanning.swift.

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
