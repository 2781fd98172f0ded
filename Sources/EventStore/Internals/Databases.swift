internal import Foundation
internal import Primitives

/// The named databases of a store, opened once per environment.
///
/// | name | key | value |
/// |---|---|---|
/// | `log` | position, `u64` big-endian | the record (``RecordFormat``) |
/// | `streams` | stream id ‖ `0x00` ‖ stream version (`u64` BE) | position (`u64` BE) |
/// | `heads` | format 1 only (stream id → version ‖ position); empty from format 2, whose heads ``StreamIndex`` derives |
/// | `ids` | event id (16 bytes) | position (`u64` BE) |
/// | `snapshots` | snapshot name ‖ `0x00` ‖ position (`u64` BE) | snapshot bytes |
/// | `meta` | a key such as `format` | its value |
struct Databases: Sendable {
    let log: DatabaseHandle
    let streams: DatabaseHandle
    let heads: DatabaseHandle
    let ids: DatabaseHandle
    let snapshots: DatabaseHandle
    let meta: DatabaseHandle

    static let names = ["log", "streams", "heads", "ids", "snapshots", "meta"]

    /// The index in ``names`` of the database `handle` refers to, or nil for another one (LMDB's main database).
    func index(of handle: DatabaseHandle) -> Int? {
        switch handle {
        case log: return 0
        case streams: return 1
        case heads: return 2
        case ids: return 3
        case snapshots: return 4
        case meta: return 5
        default: return nil
        }
    }
}

/// The store's key encodings. Integers are big-endian so that LMDB's byte order is numeric order.
enum Keys {
    static func position(_ position: UInt64) -> [UInt8] {
        withUnsafeBytes(of: position.bigEndian) { Array($0) }
    }

    static func readPosition(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        guard bytes.count == 8 else { return nil }
        return UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self))
    }

    /// `name ‖ 0x00 ‖ number`: names never contain NUL, so all keys of one name are contiguous and ordered.
    static func named(_ name: String, _ number: UInt64) -> [UInt8] {
        var key = Array(name.utf8)
        key.append(0)
        withUnsafeBytes(of: number.bigEndian) { key.append(contentsOf: $0) }
        return key
    }

    /// Splits a `named` key; nil if it is not one.
    static func splitNamed(_ key: UnsafeRawBufferPointer) -> (name: [UInt8], number: UInt64)? {
        guard key.count >= 9, key[key.count - 9] == 0 else { return nil }
        let name = Array(key[0..<(key.count - 9)])
        let number = UInt64(bigEndian: UnsafeRawBufferPointer(rebasing: key[(key.count - 8)...]).loadUnaligned(as: UInt64.self))
        return (name, number)
    }

    /// Whether `a` sorts before `b` byte by byte, as LMDB's default key order does (a prefix first).
    static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let common = min(a.count, b.count)
        let order = a.withUnsafeBytes { a in b.withUnsafeBytes { b in common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common) } }
        return order < 0 || (order == 0 && a.count < b.count)
    }

    static func eventID(_ id: UUID) -> [UInt8] {
        withUnsafeBytes(of: id.uuid) { Array($0) }
    }

    /// A key of the database `index` (in ``Databases/names``) as a person reads it: a position, a name and a
    /// number, an event id, or the bytes; in German and English.
    static func describe(_ key: UnsafeRawBufferPointer, database index: Int?) -> Wording {
        switch index {
        case 0:
            if let position = readPosition(key) { return Wording(de: "Position \(position)", en: "position \(position)") }
        case 1, 4:
            if let split = splitNamed(key), let name = String(validating: split.name, as: UTF8.self) {
                return Wording(de: "'\(name)' #\(split.number)", en: "'\(name)' #\(split.number)")
            }
        case 3:
            if key.count == 16 {
                var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                withUnsafeMutableBytes(of: &uuid) { $0.copyMemory(from: key) }
                let id = UUID(uuid: uuid).uuidString.lowercased()
                return Wording(de: "Ereignis-ID \(id)", en: "event id \(id)")
            }
        default:
            break
        }
        if let text = String(validating: Array(key), as: UTF8.self), !text.isEmpty, text.allSatisfy({ !$0.isNewline && $0 != "\u{0}" }) {
            return Wording(de: "'\(text)'", en: "'\(text)'")
        }
        let bytes = "0x" + key.prefix(32).map { String(format: "%02x", $0) }.joined() + (key.count > 32 ? "…" : "")
        return Wording(de: bytes, en: bytes)
    }
}
