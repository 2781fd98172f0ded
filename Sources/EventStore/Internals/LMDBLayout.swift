internal import CLMDB
internal import Foundation
internal import Primitives

// What the structural check (``PageCheck``) knows of `data.mdb`: LMDB's on-disk layout, the records and counts of
// its trees, and the file read with pread(2) rather than through LMDB's memory map.

/// The on-disk layout of LMDB 0.9 (liblmdb 0.9.24, `mdb.c`) on a 64-bit little-endian machine, built without
/// `MDB_DEVEL` (so `PAGEBASE` is 0 and `MDB_MAXKEYSIZE` is 511).
enum LMDBLayout {
    // MDB_page: mp_pgno u64 @0, mp_pad u16 @8, mp_flags u16 @10, mp_lower u16 @12, mp_upper u16 @14 (on an
    // overflow page mp_pages u32 @12), mp_ptrs u16[] @16 (PAGEHDRSZ): node offsets from the page's start.
    static let pageHeaderSize = 16
    static let flagsOffset = 10, lowerOffset = 12, upperOffset = 14, overflowCountOffset = 12
    // MDB_node: mn_lo u16 @0, mn_hi u16 @2, mn_flags u16 @4, mn_ksize u16 @6, key @8 (NODESIZE), data after the
    // key. A leaf's data size is lo | hi << 16; a branch's child page number is lo | hi << 16 | flags << 32.
    static let nodeHeaderSize = 8
    // MDB_db: md_pad u32 @0, md_flags u16 @4, md_depth u16 @6, md_branch_pages u64 @8, md_leaf_pages u64 @16,
    // md_overflow_pages u64 @24, md_entries u64 @32, md_root u64 @40.
    static let databaseRecordSize = 48
    // MDB_meta after the page header (@16): mm_magic u32 @0, mm_version u32 @4, mm_address @8, mm_mapsize @16,
    // mm_dbs[FREE_DBI] @24, mm_dbs[MAIN_DBI] @72, mm_last_pg @120, mm_txnid @128. The page size is the free
    // database's md_pad.
    static let magicOffset = 16, versionOffset = 20, mapSizeOffset = 32, freeRecordOffset = 40, mainRecordOffset = 88
    static let lastPageOffset = 136, transactionOffset = 144
    static let magic: UInt32 = 0xBEEF_C0DE
    static let dataVersion: UInt32 = 1

    // Page flags.
    static let branchPage: Int = 0x01, leafPage: Int = 0x02, overflowPage: Int = 0x04, metaPage: Int = 0x08
    static let leaf2Page: Int = 0x20, subPage: Int = 0x40
    static let typeBits = branchPage | leafPage | overflowPage | metaPage | leaf2Page | subPage
    // Node flags.
    static let bigData: Int = 0x01, subData: Int = 0x02, dupData: Int = 0x04
    // Database flags (`md_flags`): `MDB_INTEGERKEY`, and every flag that changes how keys or values are kept.
    static let integerKey = Int(MDB_INTEGERKEY)
    static let specialKeyFlags = Int(MDB_REVERSEKEY | MDB_DUPSORT | MDB_INTEGERKEY | MDB_DUPFIXED | MDB_INTEGERDUP | MDB_REVERSEDUP)

    /// `P_INVALID`: the root of an empty database.
    static let noPage = UInt64.max
    /// `CURSOR_STACK`: LMDB cannot descend further.
    static let maximumDepth = 32
    /// `MDB_MAXKEYSIZE`.
    static let maximumKeySize = 511

    /// `OVPAGES`: the pages an overflow value of `size` bytes occupies.
    static func overflowPages(_ size: UInt64, pageSize: Int) -> UInt64 {
        (UInt64(pageHeaderSize) - 1 + size) / UInt64(pageSize) + 1
    }
}

/// An `MDB_db` record: a tree's root and the counts LMDB keeps of it.
struct DatabaseRecord: Equatable {
    var flags: Int
    var depth: Int
    var branchPages: UInt64
    var leafPages: UInt64
    var overflowPages: UInt64
    var entries: UInt64
    var root: UInt64

    init(_ bytes: [UInt8], at offset: Int) {
        flags = bytes.le16(offset + 4)
        depth = bytes.le16(offset + 6)
        branchPages = bytes.le64(offset + 8)
        leafPages = bytes.le64(offset + 16)
        overflowPages = bytes.le64(offset + 24)
        entries = bytes.le64(offset + 32)
        root = bytes.le64(offset + 40)
    }

    init(counting counts: TreeCounts) {
        flags = 0
        depth = counts.depth
        branchPages = counts.branchPages
        leafPages = counts.leafPages
        overflowPages = counts.overflowPages
        entries = counts.entries
        root = 0
    }

    /// The counts in German and English.
    var counts: Wording {
        Wording(
            de: "Tiefe \(depth), \(branchPages) Verzweigungs-, \(leafPages) Blatt- und \(overflowPages) Überlaufseiten, \(entries) Einträge",
            en: "depth \(depth), \(branchPages) branch, \(leafPages) leaf and \(overflowPages) overflow pages, \(entries) entries")
    }
}

/// What a walk of one tree counted.
struct TreeCounts {
    var depth = 0
    var branchPages: UInt64 = 0
    var leafPages: UInt64 = 0
    var overflowPages: UInt64 = 0
    var entries: UInt64 = 0
}

extension [UInt8] {
    func le16(_ offset: Int) -> Int { Int(self[offset]) | Int(self[offset + 1]) << 8 }

    func le32(_ offset: Int) -> UInt32 {
        UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16 | UInt32(self[offset + 3]) << 24
    }

    func le64(_ offset: Int) -> UInt64 {
        UInt64(le32(offset)) | UInt64(le32(offset + 4)) << 32
    }
}

/// `data.mdb`, read with pread(2).
struct PageFile {
    let descriptor: Int32
    let pageSize: Int
    let size: UInt64
    let path: String

    /// The whole pages in the file.
    var pageCount: UInt64 { size / UInt64(pageSize) }

    /// Reads `count` bytes at `offset` into `buffer` (resized to fit); false when the file ends first.
    func read(_ offset: UInt64, count: Int, into buffer: inout [UInt8]) throws(EventStoreError) -> Bool {
        if buffer.count != count { buffer = [UInt8](repeating: 0, count: count) }
        var done = 0
        while done < count {
            let result = buffer.withUnsafeMutableBytes { bytes in
                pread(descriptor, bytes.baseAddress! + done, count - done, off_t(offset) + off_t(done))
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: Wording(de: "Lesen von data.mdb", en: "reading data.mdb"), errno: errno)
            }
            if result == 0 { return false }
            done += result
        }
        return true
    }

    /// Meta page `number` (0 or 1); shorter than a page when the file ends first.
    func readMeta(_ number: Int) throws(EventStoreError) -> [UInt8] {
        var buffer: [UInt8] = []
        let offset = UInt64(number * pageSize)
        if try read(offset, count: pageSize, into: &buffer) { return buffer }
        let available = size > offset ? Int(min(size - offset, UInt64(pageSize))) : 0
        _ = try read(offset, count: available, into: &buffer)
        return buffer
    }
}
