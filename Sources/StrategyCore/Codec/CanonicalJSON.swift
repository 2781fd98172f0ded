// The JSON value type and the canonical form: the public entry points that encode, serialise and parse it.
//
// The `Encoder` that builds a tree is in CanonicalJSON+TreeEncoder.swift, the parser in CanonicalJSON+Parser.swift.

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
