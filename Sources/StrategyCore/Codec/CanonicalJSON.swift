
/// A JSON value, as the canonical encoder builds it and upcasters rewrite it.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        get { if case let .object(members) = self { return members[key] } else { return nil } }
        set {
            guard case var .object(members) = self else { return }
            members[key] = newValue
            self = .object(members)
        }
    }
}

/// Encodes `Encodable` values to canonical JSON: object keys sorted by their UTF-8 bytes, no whitespace, integers
/// only (no floating point), strings escaped the same way every time.
///
/// The same value always gives the same bytes, on every platform and with every Foundation version — which the hash
/// chain, the golden files and version content hashes depend on.
public enum CanonicalJSON {
    /// The canonical bytes of `value`.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        serialize(try tree(of: value))
    }

    /// The JSON tree of `value`.
    public static func tree(of value: some Encodable) throws -> JSONValue {
        let encoder = TreeEncoder(codingPath: [])
        try value.encode(to: encoder)
        return encoder.storage.resolve() ?? .object([:])
    }

    /// The canonical bytes of a tree.
    public static func serialize(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, to: &out)
        return out
    }

    /// Parses JSON text into a tree (for upcasting old payloads). Accepts integers only, like the encoder.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        if parser.index != bytes.count { throw parser.error("unexpected text after the value") }
        return value
    }

    private static func write(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .null: out += Array("null".utf8)
        case let .bool(flag): out += Array((flag ? "true" : "false").utf8)
        case let .integer(number): out += Array(String(number).utf8)
        case let .string(text): writeString(text, to: &out)
        case let .array(items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .object(members):
            out.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                write(members[key]!, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

// MARK: - The Encoder

/// Where an encoder writes: a value, an object or an array, shared by reference with nested containers.
///
/// Members and items live in stored properties of this class, so adding one mutates the collection in place
/// instead of copying it (which made encoding large objects quadratic).
private final class Storage {
    enum Kind { case empty, value, object, array }

    var kind: Kind = .empty
    var value: JSONValue = .null
    var members: [String: Storage] = [:]
    var items: [Storage] = []

    func resolve() -> JSONValue? {
        switch kind {
        case .empty: return nil
        case .value: return value
        case .object:
            var resolved: [String: JSONValue] = [:]
            resolved.reserveCapacity(members.count)
            for (key, storage) in members { if let value = storage.resolve() { resolved[key] = value } }
            return .object(resolved)
        case .array: return .array(items.map { $0.resolve() ?? .null })
        }
    }

    func set(_ value: JSONValue) {
        kind = .value
        self.value = value
    }

    func becomeObject() { if kind != .object { kind = .object; members = [:] } }
    func becomeArray() { if kind != .array { kind = .array; items = [] } }

    func member(_ key: String) -> Storage {
        precondition(kind == .object, "not an object")
        if let existing = members[key] { return existing }
        let child = Storage()
        members[key] = child
        return child
    }

    func append() -> Storage {
        precondition(kind == .array, "not an array")
        let child = Storage()
        items.append(child)
        return child
    }

    var count: Int { kind == .array ? items.count : 0 }
}

private struct TreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    let storage: Storage
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [any CodingKey], storage: Storage = Storage()) {
        self.codingPath = codingPath
        self.storage = storage
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        storage.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(codingPath: codingPath, storage: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        storage.becomeArray()
        return UnkeyedContainer(codingPath: codingPath, storage: storage)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(codingPath: codingPath, storage: storage)
    }
}

private func scalar(_ value: some Encodable, path: [any CodingKey]) throws -> JSONValue? {
    switch value {
    case let v as String: return .string(v)
    case let v as Bool: return .bool(v)
    case let v as Int: return .integer(Int64(v))
    case let v as Int8: return .integer(Int64(v))
    case let v as Int16: return .integer(Int64(v))
    case let v as Int32: return .integer(Int64(v))
    case let v as Int64: return .integer(v)
    case let v as UInt8: return .integer(Int64(v))
    case let v as UInt16: return .integer(Int64(v))
    case let v as UInt32: return .integer(Int64(v))
    case let v as UInt: 
        guard let exact = Int64(exactly: v) else { throw EncodingError.invalidValue(v, .init(codingPath: path, debugDescription: "too large")) }
        return .integer(exact)
    case let v as UInt64:
        guard let exact = Int64(exactly: v) else { throw EncodingError.invalidValue(v, .init(codingPath: path, debugDescription: "too large")) }
        return .integer(exact)
    case is Double, is Float:
        throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "canonical JSON has no floating point; use Quantity"))
    default: return nil
    }
}

private func encodeNested(_ value: some Encodable, into storage: Storage, path: [any CodingKey]) throws {
    if let simple = try scalar(value, path: path) {
        storage.set(simple)
    } else {
        try value.encode(to: TreeEncoder(codingPath: path, storage: storage))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let codingPath: [any CodingKey]
    let storage: Storage

    mutating func encodeNil(forKey key: Key) throws { storage.member(key.stringValue).set(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeNested(value, into: storage.member(key.stringValue), path: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(codingPath: codingPath + [key], storage: storage.member(key.stringValue)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(codingPath: codingPath + [key], storage: storage.member(key.stringValue)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(codingPath: codingPath, storage: storage.member("super"))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(codingPath: codingPath + [key], storage: storage.member(key.stringValue))
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let codingPath: [any CodingKey]
    let storage: Storage
    var count: Int { storage.count }

    mutating func encodeNil() throws { storage.append().set(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath + [IndexKey(count)]
        try encodeNested(value, into: storage.append(), path: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(codingPath: codingPath + [IndexKey(count)], storage: storage.append()).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        TreeEncoder(codingPath: codingPath + [IndexKey(count)], storage: storage.append()).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(codingPath: codingPath + [IndexKey(count)], storage: storage.append())
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let codingPath: [any CodingKey]
    let storage: Storage

    mutating func encodeNil() throws { storage.set(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeNested(value, into: storage, path: codingPath)
    }
}

// MARK: - The parser

/// JSON that could not be parsed: what and where.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset.
    public let offset: Int
    /// What was wrong.
    public let problem: String

    public var description: String { "invalid JSON at byte \(offset): \(problem)" }
}

private struct JSONParser {
    let bytes: [UInt8]
    var index = 0

    func error(_ problem: String) -> JSONParseError { JSONParseError(offset: index, problem: problem) }

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
        if depth > 256 { throw error("nested too deeply") }
        skipSpace()
        guard index < bytes.count else { throw error("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var members: [String: JSONValue] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipSpace()
                let key = try string()
                skipSpace()
                try expect(UInt8(ascii: ":"))
                if members[key] != nil { throw error("duplicate key '\(key)'") }
                members[key] = try value(depth: depth + 1)
                skipSpace()
                if try take(UInt8(ascii: "}")) { return .object(members) }
                try expect(UInt8(ascii: ","))
            }
        case UInt8(ascii: "["):
            index += 1
            var items: [JSONValue] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                items.append(try value(depth: depth + 1))
                skipSpace()
                if try take(UInt8(ascii: "]")) { return .array(items) }
                try expect(UInt8(ascii: ","))
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default:
            return .integer(try integer())
        }
    }

    mutating func take(_ byte: UInt8) throws(JSONParseError) -> Bool {
        guard index < bytes.count else { throw error("unexpected end") }
        if bytes[index] == byte { index += 1; return true }
        return false
    }

    mutating func expect(_ byte: UInt8) throws(JSONParseError) {
        if !(try take(byte)) { throw error("expected '\(Character(Unicode.Scalar(byte)))'") }
    }

    mutating func literal(_ word: String) throws(JSONParseError) {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<(index + expected.count)]) == expected else {
            throw error("expected \(word)")
        }
        index += expected.count
    }

    mutating func integer() throws(JSONParseError) -> Int64 {
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
            throw error("only integers are allowed")
        }
        guard let number = Int64(String(decoding: bytes[start..<index], as: UTF8.self)) else {
            index = start
            throw error("expected a value")
        }
        return number
    }

    mutating func string() throws(JSONParseError) -> String {
        try expect(UInt8(ascii: "\""))
        var out: [UInt8] = []
        while true {
            guard index < bytes.count else { throw error("unterminated string") }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = out.withUnsafeBytes({ String(validUTF8: $0) }) else { throw error("invalid UTF-8 in a string") }
                return text
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw error("unterminated escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "\""): out.append(escape)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired surrogate")
                        }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid escape") }
                    out += Array(String(Character(unicode)).utf8)
                default: throw error("invalid escape")
                }
            case 0..<0x20: throw error("control character in a string")
            default: out.append(byte)
            }
        }
    }

    mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else {
            throw error("invalid \\u escape")
        }
        index += 4
        return value
    }
}

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null; return }
        if let flag = try? container.decode(Bool.self) { self = .bool(flag); return }
        if let number = try? container.decode(Int64.self) { self = .integer(number); return }
        if let text = try? container.decode(String.self) { self = .string(text); return }
        if let items = try? container.decode([JSONValue].self) { self = .array(items); return }
        self = .object(try container.decode([String: JSONValue].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(flag): try container.encode(flag)
        case let .integer(number): try container.encode(number)
        case let .string(text): try container.encode(text)
        case let .array(items): try container.encode(items)
        case let .object(members): try container.encode(members)
        }
    }
}

extension JSONValue {
    /// A short human-readable form: strings as they are, lists comma-separated, objects as `key: value` pairs,
    /// a status object (`{"retired":{"reason":"…"}}`) as `retired (…)`, and `amount` members (euro cents) as euros.
    public var displayText: String {
        switch self {
        case .null: return "–"
        case let .bool(flag): return flag ? "ja" : "nein"
        case let .integer(number): return String(number)
        case let .string(text): return text
        case let .array(items): return items.map(\.displayText).joined(separator: ", ")
        case let .object(members):
            if members.count == 1, let (key, value) = members.first, case let .object(inner) = value {
                return inner.isEmpty ? key : "\(key) (\(value.displayText))"
            }
            return members.keys.sorted().map { key -> String in
                if key == "amount", case let .integer(cents)? = members[key] { return "amount: \(EuroAmount(cents: cents)) EUR" }
                return "\(key): \(members[key]!.displayText)"
            }.joined(separator: "; ")
        }
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case let .string(text) = self { return text }
        return nil
    }
}
