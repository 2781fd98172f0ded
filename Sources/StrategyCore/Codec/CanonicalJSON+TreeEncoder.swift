// The `Encoder` behind `CanonicalJSON.tree(of:)`: turns an `Encodable` value into a `JSONValue` tree.

/// Where an encoder writes: a value, an object or an array, shared by reference with nested containers.
///
/// Members and items live in stored properties of this class, so adding one mutates the collection in place
/// instead of copying it (which made encoding large objects quadratic).
final class Storage {
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

struct TreeEncoder: Encoder {
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
