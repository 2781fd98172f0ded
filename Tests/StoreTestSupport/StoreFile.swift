import Foundation

/// What ``StoreFile`` could not find.
public struct StoreFileError: Error, CustomStringConvertible {
    public let description: String
}

/// The bytes of a store's data.mdb, edited in place the way a failing disk or a stray write would, with just enough
/// of LMDB 0.9's layout to find pages and entries (independently of the store's own page check).
public struct StoreFile {
    public let path: String
    public var bytes: [UInt8]

    public init(_ path: String) throws {
        self.path = path
        bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    public func write() throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// The offset of the leaf node that holds the log record at `position` inline: its key (the position,
    /// big-endian) is followed by the record, which starts with the format byte 1 and the position again.
    public func logNode(_ position: UInt64) throws -> Int {
        let key = withUnsafeBytes(of: position.bigEndian) { Array($0) }
        let needle = key + [1] + key
        let hits = (0...(bytes.count - needle.count)).filter { offset in
            bytes[offset] == needle[0] && Array(bytes[offset..<(offset + needle.count)]) == needle
        }
        guard hits.count == 1 else { throw StoreFileError(description: "the record at \(position) should be stored once, found \(hits.count)") }
        return hits[0] - 8
    }

    public func u16(_ offset: Int) -> UInt16 { UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8 }

    public mutating func setU16(_ offset: Int, _ value: UInt16) {
        bytes[offset] = UInt8(value & 0xff)
        bytes[offset + 1] = UInt8(value >> 8)
    }

    public func u64(_ offset: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
    }

    public mutating func setU64(_ offset: Int, _ value: UInt64) {
        for index in 0..<8 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }

    // LMDB 0.9's layout, independently of the code under test: page header 16 bytes (pgno, pad, flags, lower,
    // upper), node header 8 bytes (lo, hi, flags, key size), MDB_db 48 bytes with the root at 40, the meta
    // fields after the page header (free database at 40, main database at 88, last page at 136, txnid at 144).
    public static let pageSize = 4096

    /// The meta page (0 or 1) holding the newest transaction.
    public var newestMeta: Int { u64(144) >= u64(Self.pageSize + 144) ? 0 : 1 }

    /// The byte offsets of the nodes of page `page`.
    public func nodes(_ page: UInt64) -> [Int] {
        let start = Int(page) * Self.pageSize
        let count = (Int(u16(start + 12)) - 16) / 2
        return (0..<count).map { start + Int(u16(start + 16 + 2 * $0)) }
    }

    public func key(ofNode node: Int) -> [UInt8] { Array(bytes[(node + 8)..<(node + 8 + Int(u16(node + 6)))]) }

    /// The offset of the MDB_db record of the named database `name` in the main database (a single leaf page).
    public func record(_ name: String) throws -> Int {
        let main = u64(newestMeta * Self.pageSize + 88 + 40)
        guard let node = nodes(main).first(where: { key(ofNode: $0) == Array(name.utf8) }) else {
            throw StoreFileError(description: "no database \(name)")
        }
        return node + 8 + Int(u16(node + 6))
    }

    /// The root page of the named database `name`.
    public func root(_ name: String) throws -> UInt64 { u64(try record(name) + 40) }

    /// A branch node's child page.
    public func child(ofNode node: Int) -> UInt64 {
        UInt64(u16(node)) | UInt64(u16(node + 2)) << 16 | UInt64(u16(node + 4)) << 32
    }

    /// The leaf pages of the named database `name`, left to right; none for an empty database.
    public func leaves(_ name: String) throws -> [UInt64] {
        func below(_ page: UInt64) -> [UInt64] {
            guard u16(Int(page) * Self.pageSize + 10) & 0x01 != 0 else { return [page] }
            return nodes(page).flatMap { below(child(ofNode: $0)) }
        }
        let root = try root(name)
        return root == UInt64.max ? [] : below(root)  // P_INVALID: the database is empty
    }
}
