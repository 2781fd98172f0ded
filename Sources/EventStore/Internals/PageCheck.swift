internal import CLMDB
internal import Foundation
public import Primitives

// LMDB trusts the structure of its pages: a damaged page can make it read outside the page, outside the map or
// past the end of data.mdb, and the process dies with SIGSEGV or SIGBUS. This file checks that structure itself,
// reading data.mdb with pread(2) rather than through LMDB's memory map, so that a damaged page is reported and
// never faults. `EventStore.verify` runs the whole check before it reads anything through LMDB; opening a store
// checks the pages that opening reads.

// MARK: - The failure

/// A page of `data.mdb` whose structure is damaged, as the structural check of LMDB's B-trees found it.
///
/// LMDB keeps no checksums: a flipped bit in a page header, a node header or a page number can send it outside
/// the page or the file. The check walks every tree from the newest meta page, reading the file with `pread`,
/// and reports the first page that does not hold together.
public struct DamagedPage: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The part of the file a page belongs to.
    public enum Database: String, Sendable, Hashable, Codable {
        /// The log, the only evidence.
        case log
        /// The stream index.
        case streams
        /// The stream heads.
        case heads
        /// The event-id index.
        case ids
        /// Snapshots and the audit index (derived data).
        case snapshots
        /// The store's metadata (format, store id).
        case meta
        /// LMDB's main database, which lists the named databases.
        case main
        /// LMDB's free-page database.
        case free
        /// LMDB's two meta pages (0 and 1), where every tree starts.
        case metaPages = "meta pages"
        /// A database a store does not have (in an LMDB environment that is not a store).
        case other

        /// The part of the file in German and English as it follows "page 3 of": `the database 'log'` /
        /// `der Datenbank 'log'` (the German in the genitive).
        var label: Wording {
            switch self {
            case .main: return Wording(de: "der Hauptdatenbank von LMDB", en: "LMDB's main database")
            case .free: return Wording(de: "der Freiseiten-Datenbank von LMDB", en: "LMDB's free-page database")
            case .metaPages: return Wording(de: "der Metaseiten von LMDB", en: "LMDB's meta pages")
            case .other: return Wording(de: "einer anderen Datenbank", en: "another database")
            default: return Wording(de: "der Datenbank '\(rawValue)'", en: "the database '\(rawValue)'")
            }
        }

        /// ``label`` as it follows "belongs to" (the German in the dative: `zu den Metaseiten von LMDB`).
        var dativeLabel: Wording {
            switch self {
            case .metaPages: return Wording(de: "den Metaseiten von LMDB", en: label.en)
            default: return label
            }
        }
    }

    /// The database the page belongs to.
    public let database: Database
    /// The page number.
    public let page: UInt64
    /// The page's byte offset in `data.mdb`.
    public let offset: UInt64
    /// What is wrong with it, in German and English.
    public let problemWording: Wording
    /// For a page of the log: the first position the page can hold, as its neighbours in the tree bound it.
    public let firstPosition: UInt64?
    /// For a page of the log: the last position the page can hold, or nil when it reaches to the end of the log.
    public let lastPosition: UInt64?

    init(
        database: Database, page: UInt64, offset: UInt64, problem: Wording, firstPosition: UInt64?, lastPosition: UInt64?
    ) {
        self.database = database
        self.page = page
        self.offset = offset
        self.problemWording = problem
        self.firstPosition = firstPosition
        self.lastPosition = lastPosition
    }

    /// What is wrong with it, in English (``problemWording``'s `en`).
    public var problem: String { problemWording.en }

    /// The page, its database, the positions it holds and what is wrong with it, in German and English, for example
    /// `Seite 12 (Byte 49152) der Datenbank 'log', mit Position 5: …` /
    /// `page 12 (byte 49152) of the database 'log', holding position 5: …`.
    public var wording: Wording {
        var de = "Seite \(page) (Byte \(offset)) \(database.label.de)"
        var en = "page \(page) (byte \(offset)) of \(database.label.en)"
        if let firstPosition {
            if lastPosition == firstPosition {
                de += ", mit Position \(firstPosition)"
                en += ", holding position \(firstPosition)"
            } else if let lastPosition {
                de += ", mit den Positionen \(firstPosition) bis \(lastPosition)"
                en += ", holding positions \(firstPosition) to \(lastPosition)"
            } else {
                de += ", mit den Positionen ab \(firstPosition) bis zum Ende des Protokolls"
                en += ", holding positions from \(firstPosition) to the end of the log"
            }
        }
        return Wording(de: de + ": " + problemWording.de, en: en + ": " + problemWording.en)
    }

    /// The damage in `language`: ``wording`` rendered in German or English.
    public func text(in language: Language) -> String {
        wording(language)
    }

    /// The damage in English (``wording``'s `en`).
    public var description: String {
        wording.en
    }

    // The JSON form is language-neutral and as before, with `problem` in English.
    private enum CodingKeys: String, CodingKey {
        case database, page, offset, problem, firstPosition, lastPosition
    }

    /// Decodes a damaged page. The JSON form holds the problem in English only, so a decoded page's German problem
    /// is the English one (and it equals the encoded page only in its English).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        database = try container.decode(Database.self, forKey: .database)
        page = try container.decode(UInt64.self, forKey: .page)
        offset = try container.decode(UInt64.self, forKey: .offset)
        let problem = try container.decode(String.self, forKey: .problem)
        problemWording = Wording(de: problem, en: problem)
        firstPosition = try container.decodeIfPresent(UInt64.self, forKey: .firstPosition)
        lastPosition = try container.decodeIfPresent(UInt64.self, forKey: .lastPosition)
    }

    /// Encodes the damaged page with its problem in English.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(database, forKey: .database)
        try container.encode(page, forKey: .page)
        try container.encode(offset, forKey: .offset)
        try container.encode(problem, forKey: .problem)
        try container.encodeIfPresent(firstPosition, forKey: .firstPosition)
        try container.encodeIfPresent(lastPosition, forKey: .lastPosition)
    }
}

/// A tree of `data.mdb` named in German as "the \(name) database" names it in English: `main` and `free-page` are
/// LMDB's own, any other name is one of the store's (`die Datenbank 'log'`); in the genitive with `genitive`.
private func germanTreeName(_ name: String, genitive: Bool = false) -> String {
    let article = genitive ? "der" : "die"
    switch name {
    case "main": return "\(article) Hauptdatenbank"
    case "free-page": return "\(article) Freiseiten-Datenbank"
    default: return "\(article) Datenbank '\(name)'"
    }
}

// MARK: - LMDB 0.9's layout

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
    fileprivate func le16(_ offset: Int) -> Int { Int(self[offset]) | Int(self[offset + 1]) << 8 }

    fileprivate func le32(_ offset: Int) -> UInt32 {
        UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16 | UInt32(self[offset + 3]) << 24
    }

    fileprivate func le64(_ offset: Int) -> UInt64 {
        UInt64(le32(offset)) | UInt64(le32(offset + 4)) << 32
    }
}

// MARK: - The check

/// The structural check of `data.mdb`: LMDB's meta pages and every tree reachable from the snapshot a read
/// transaction pins.
///
/// Consistency with a concurrent writer: the check runs inside a read transaction (transaction id *X*), whose
/// pages no writer may reuse while it is open, and starts from the meta page that holds *X*. Only the meta pages
/// themselves can change underneath it: the commit after *X* writes the other one, the one after that
/// overwrites *X*'s. So both are read twice right away, and the check goes on only when *X*'s read the same both
/// times (not torn by a write); otherwise it reports `raced` and the caller tries again in a new read
/// transaction. From then on it reads only pages of the pinned snapshot. The other meta page is checked only
/// when it still holds what was first read at the end; a mismatch caused by a commit is never damage.
enum PageCheck {
    /// How much to check.
    enum Scope {
        /// What opening a store reads: the meta pages, LMDB's main database, the store's `meta` database and the
        /// path to the log's last record; with `writable`, also the free-page database a writer allocates from.
        case opening(writable: Bool)
        /// Everything: every page of every tree, every overflow value's pages, the free-page lists, and that no
        /// page is both in use and free.
        case everything
    }

    enum Outcome {
        case intact
        case damaged(DamagedPage)
        /// Commits changed the snapshot's meta page before the check could read it; try again in a new read
        /// transaction.
        case raced
    }

    /// How often a check is tried before it gives up on a writer that keeps rewriting the meta pages.
    static let attempts = 8

    /// Checks the structure that the read transaction `txn` of `env` sees.
    static func run(env: OpaquePointer, txn: OpaquePointer, scope: Scope) throws(EventStoreError) -> Outcome {
        var descriptor: mdb_filehandle_t = -1
        try lmdbCheck(mdb_env_get_fd(env, &descriptor), "mdb_env_get_fd")
        var stat = MDB_stat()
        try lmdbCheck(mdb_env_stat(env, &stat), "mdb_env_stat")
        var path: UnsafePointer<CChar>?
        mdb_env_get_path(env, &path)
        let dataPath = (path.map { String(cString: $0) } ?? "") + "/data.mdb"
        var status = Foundation.stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .io(path: dataPath, operation: Wording(de: "Lesen der Größe von data.mdb", en: "reading the size of data.mdb"), errno: errno)
        }
        let file = PageFile(descriptor: descriptor, pageSize: Int(stat.ms_psize), size: UInt64(status.st_size), path: dataPath)
        let snapshot = UInt64(mdb_txn_id(txn))

        let metas = [try file.readMeta(0), try file.readMeta(1)]
        let again = [try file.readMeta(0), try file.readMeta(1)]
        guard let newest = (0...1).first(where: { number in
            metas[number] == again[number] && metas[number].count >= file.pageSize
                && metas[number].le64(LMDBLayout.transactionOffset) == snapshot
        }) else { return .raced }
        var walker = PageWalker(file: file, meta: metas[newest], metaPage: UInt64(newest))
        do throws(DamagedPage) {
            try walker.checkMeta(metas[newest], page: UInt64(newest))
            try walker.walk(scope)
        } catch {
            return .damaged(error)
        }
        // The other meta page (which LMDB reads only to pick the newest) is checked with everything else, and only
        // when no commit wrote it meanwhile.
        guard case .everything = scope else { return .intact }
        let other = 1 - newest
        if metas[other] == again[other], try file.readMeta(other) == metas[other] {
            do throws(DamagedPage) {
                try walker.checkOtherMeta(metas[other], page: UInt64(other), newest: snapshot)
            } catch {
                return .damaged(error)
            }
        }
        return .intact
    }
}

extension PageCheck {
    /// Before `mdb_env_open`: the meta page LMDB will pick (of two with LMDB's magic number, the one with the higher
    /// transaction id) must describe a file that data.mdb holds. `mdb_env_open` (LMDB 0.9's `mdb_env_open2`) trusts
    /// it: it takes its page size as the environment's (a page size of 0 divides by zero; another one than page 0
    /// says places meta page 1 elsewhere in the map, past the file), and maps as many pages as its last page number
    /// says (a damaged one makes it try to map petabytes, or more than the file holds), or, with no map size
    /// configured, the map size the meta page records.
    ///
    /// Throws ``EventStoreError/damagedPage(path:page:)`` for a page size LMDB cannot use or that the two meta pages
    /// disagree on, for a recorded map size beyond any address space, and for a last page that lies beyond both the
    /// file and the map size the meta page records
    /// (which LMDB always keeps large enough); ``EventStoreError/truncatedStore(path:expectedBytes:actualBytes:)``
    /// when the file is shorter than an otherwise plausible meta page says. A magic number or format version LMDB
    /// does not know is left to `mdb_env_open`, which refuses the file.
    static func checkMetaBeforeOpening(directory: String, dataPath: String) throws(EventStoreError) {
        let descriptor = open(dataPath, O_RDONLY)
        guard descriptor >= 0 else { return }  // mdb_env_open says why it cannot open the file
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return }
        let size = UInt64(status.st_size)
        let file = PageFile(descriptor: descriptor, pageSize: 1, size: size, path: dataPath)
        let fields = LMDBLayout.transactionOffset + 8
        func damaged(_ page: UInt64, _ pageSize: UInt64, _ problem: Wording) -> EventStoreError {
            .damagedPage(path: directory, page: DamagedPage(
                database: .metaPages, page: page, offset: page &* pageSize, problem: problem, firstPosition: nil, lastPosition: nil))
        }
        var first: [UInt8] = [], second: [UInt8] = []
        guard try file.read(0, count: fields, into: &first), first.le32(LMDBLayout.magicOffset) == LMDBLayout.magic else { return }
        // LMDB reads meta page 1 at page 0's page size.
        let pageSize = UInt64(first.le32(LMDBLayout.freeRecordOffset))
        guard pageSize >= 512, pageSize <= 65_536, pageSize & (pageSize - 1) == 0 else {
            throw damaged(0, pageSize, Wording(
                de: "sie gibt eine Seitengröße von \(pageSize) Byte an, mit der LMDB nicht arbeiten kann",
                en: "it gives a page size of \(pageSize) bytes, which LMDB cannot use"))
        }
        guard try file.read(pageSize, count: fields, into: &second), second.le32(LMDBLayout.magicOffset) == LMDBLayout.magic else { return }
        let newest = second.le64(LMDBLayout.transactionOffset) > first.le64(LMDBLayout.transactionOffset) ? 1 : 0
        let meta = newest == 1 ? second : first
        let picked = UInt64(meta.le32(LMDBLayout.freeRecordOffset))
        guard picked == pageSize else {
            throw damaged(1, pageSize, Wording(
                de: "sie gibt eine Seitengröße von \(picked) Byte an, Metaseite 0 eine von \(pageSize)",
                en: "it gives a page size of \(picked) bytes, meta page 0 \(pageSize)"))
        }
        // LMDB maps the recorded size when none is configured (as for every existing store): 64 TiB is more than
        // any process can map, so a larger one is a damaged field, not a large store.
        let mapSize = meta.le64(LMDBLayout.mapSizeOffset)
        guard mapSize <= 1 << 46 else {
            throw damaged(UInt64(newest), pageSize, Wording(
                de: "sie verzeichnet eine Abbildungsgröße von \(mapSize) Byte, mehr als ein Prozess in den Speicher abbilden kann",
                en: "it records a map of \(mapSize) bytes, more than any process can map"))
        }
        let lastPage = meta.le64(LMDBLayout.lastPageOffset)
        let (pages, beyond) = lastPage.addingReportingOverflow(1)
        let (needed, overflow) = pages.multipliedReportingOverflow(by: pageSize)
        // A writer extends the file before it writes the meta page that names the new pages: the size that counts
        // is the one after the meta page was read, so a commit racing this check is never taken for a cut file.
        var after = stat()
        let sizeNow = fstat(descriptor, &after) == 0 ? UInt64(after.st_size) : size
        guard beyond || overflow || needed > sizeNow else { return }
        if beyond || overflow || needed > mapSize {
            throw damaged(UInt64(newest), pageSize, Wording(
                de: "ihre letzte Seite ist \(lastPage), jenseits sowohl von data.mdb (\(sizeNow) Byte) als auch der verzeichneten Abbildungsgröße (\(mapSize) Byte)",
                en: "its last page is \(lastPage), beyond both data.mdb (\(sizeNow) bytes) and the map size it records (\(mapSize) bytes)"))
        }
        throw .truncatedStore(path: directory, expectedBytes: needed, actualBytes: sizeNow)
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

/// Walks the trees of one snapshot, page by page.
struct PageWalker {
    let file: PageFile
    /// The snapshot's last page (`mm_last_pg`).
    let lastPage: UInt64
    let metaPage: UInt64
    let freeRecord: DatabaseRecord
    let mainRecord: DatabaseRecord
    /// For each page: 0 while unreached, else the code of the database it belongs to.
    private var owners: [UInt8]
    private var overflowBuffer: [UInt8] = []

    // The tree being walked.
    private var database = DamagedPage.Database.main
    private var integerKeys = false
    private var strict = false
    private var counts = TreeCounts()
    private var rightmostOnly = false
    /// The named databases listed in the main database: name, record, and the page holding the record.
    private var records: [(name: [UInt8], record: DatabaseRecord, page: UInt64)] = []
    /// Pages listed as free: the page, and the free database's page that lists it.
    private var freePages: [(page: UInt64, listedOn: UInt64)] = []

    init(file: PageFile, meta: [UInt8], metaPage: UInt64) {
        self.file = file
        self.metaPage = metaPage
        lastPage = meta.le64(LMDBLayout.lastPageOffset)
        freeRecord = DatabaseRecord(meta, at: LMDBLayout.freeRecordOffset)
        mainRecord = DatabaseRecord(meta, at: LMDBLayout.mainRecordOffset)
        // A bad last page is reported by checkMeta before any walk; until then keep the map of owners small.
        owners = [UInt8](repeating: 0, count: Int(min(lastPage, file.pageCount) + 1))
    }

    private static func code(_ database: DamagedPage.Database) -> UInt8 {
        switch database {
        case .metaPages: return 1
        case .main: return 2
        case .free: return 3
        case .log: return 4
        case .streams: return 5
        case .heads: return 6
        case .ids: return 7
        case .snapshots: return 8
        case .meta: return 9
        case .other: return 10
        }
    }

    private static func database(code: UInt8) -> DamagedPage.Database {
        [.metaPages, .main, .free, .log, .streams, .heads, .ids, .snapshots, .meta, .other][Int(code) - 1]
    }

    // MARK: Meta pages

    /// The meta page of the snapshot: its header, the file it describes, and the records of the two LMDB trees.
    mutating func checkMeta(_ meta: [UInt8], page: UInt64) throws(DamagedPage) {
        try checkMetaHeader(meta, page: page)
        let pageCount = file.pageCount
        if lastPage < 1 || lastPage >= pageCount {
            throw damage(.metaPages, page, Wording(
                de: "ihre letzte Seite ist \(lastPage), data.mdb enthält aber \(pageCount) Seiten",
                en: "its last page is \(lastPage), but data.mdb holds \(pageCount) pages"))
        }
        if freeRecord.flags & Int(MDB_INTEGERKEY) == 0 {
            throw damage(.metaPages, page, Wording(
                de: "der Freiseiten-Datenbank fehlt das Flag für Ganzzahlschlüssel (Flags 0x\(String(freeRecord.flags, radix: 16)))",
                en: "the free-page database lacks its integer-key flag (flags 0x\(String(freeRecord.flags, radix: 16)))"))
        }
        for (name, record) in [("free-page", freeRecord), ("main", mainRecord)] where record.root != LMDBLayout.noPage {
            if record.root < 2 || record.root > lastPage {
                throw damage(.metaPages, page, Wording(
                    de: "\(germanTreeName(name)) beginnt auf Seite \(record.root), außerhalb der Seiten 2 bis \(lastPage)",
                    en: "the \(name) database starts at page \(record.root), outside pages 2 to \(lastPage)"))
            }
        }
        owners[Int(page)] = Self.code(.metaPages)
    }

    /// The other meta page, written by the commit before the snapshot's (or, with a writer at work, after it).
    func checkOtherMeta(_ meta: [UInt8], page: UInt64, newest: UInt64) throws(DamagedPage) {
        try checkMetaHeader(meta, page: page)
        let transaction = meta.le64(LMDBLayout.transactionOffset)
        let consecutive = transaction == newest &- 1 || transaction == newest &+ 1 || (transaction == 0 && newest == 0)
        if !consecutive {
            throw damage(.metaPages, page, Wording(
                de: "sie enthält Transaktion \(transaction), die andere Metaseite \(newest); beide enthalten immer aufeinanderfolgende",
                en: "it holds transaction \(transaction), the other meta page \(newest); they always hold consecutive ones"))
        }
    }

    private func checkMetaHeader(_ meta: [UInt8], page: UInt64) throws(DamagedPage) {
        guard meta.count >= file.pageSize else {
            throw damage(.metaPages, page, Wording(de: "data.mdb endet innerhalb der Seite", en: "data.mdb ends inside it"))
        }
        if meta.le64(0) != page {
            throw damage(.metaPages, page, Wording(
                de: "sie gibt an, Seite \(meta.le64(0)) zu sein", en: "it says it is page \(meta.le64(0))"))
        }
        if meta.le16(LMDBLayout.flagsOffset) & LMDBLayout.typeBits != LMDBLayout.metaPage {
            throw damage(.metaPages, page, Wording(
                de: "ihre Flags 0x\(String(meta.le16(LMDBLayout.flagsOffset), radix: 16)) kennzeichnen keine Metaseite",
                en: "its flags 0x\(String(meta.le16(LMDBLayout.flagsOffset), radix: 16)) do not mark a meta page"))
        }
        if meta.le32(LMDBLayout.magicOffset) != LMDBLayout.magic {
            throw damage(.metaPages, page, Wording(
                de: "ihre magische Zahl ist 0x\(String(meta.le32(LMDBLayout.magicOffset), radix: 16)), nicht 0xbeefc0de",
                en: "its magic number is 0x\(String(meta.le32(LMDBLayout.magicOffset), radix: 16)), not 0xbeefc0de"))
        }
        if meta.le32(LMDBLayout.versionOffset) != LMDBLayout.dataVersion {
            throw damage(.metaPages, page, Wording(
                de: "ihre Formatversion ist \(meta.le32(LMDBLayout.versionOffset)), nicht 1",
                en: "its format version is \(meta.le32(LMDBLayout.versionOffset)), not 1"))
        }
        let pageSize = Int(meta.le32(LMDBLayout.freeRecordOffset))
        if pageSize != file.pageSize {
            throw damage(.metaPages, page, Wording(
                de: "sie gibt eine Seitengröße von \(pageSize) Byte an, LMDB verwendet \(file.pageSize)",
                en: "it gives a page size of \(pageSize) bytes, LMDB uses \(file.pageSize)"))
        }
        let transaction = meta.le64(LMDBLayout.transactionOffset)
        // Transaction N writes meta page N % 2; both start at transaction 0.
        if transaction != 0 && transaction % 2 != page {
            throw damage(.metaPages, page, Wording(
                de: "sie enthält Transaktion \(transaction), die Metaseite \(page) nie enthält",
                en: "it holds transaction \(transaction), which meta page \(page) never holds"))
        }
    }

    // MARK: Trees

    /// Walks what `scope` asks for, in this order: LMDB's main database, the store's databases (log, streams,
    /// heads, ids, snapshots, meta), the free-page database, then the free lists against the pages in use.
    mutating func walk(_ scope: PageCheck.Scope) throws(DamagedPage) {
        try walkTree(mainRecord, database: .main, recordPage: metaPage, recordName: "main")
        let names = records.map(\.name)
        strict = names.contains(Array("log".utf8)) || names.contains(Array("meta".utf8))
        if strict { try checkStoreRecords() }
        var order: [(record: DatabaseRecord, database: DamagedPage.Database, page: UInt64, name: String)] = []
        for (index, name) in Databases.names.enumerated() {
            if let found = records.first(where: { $0.name == Array(name.utf8) }) {
                order.append((found.record, [.log, .streams, .heads, .ids, .snapshots, .meta][index], found.page, name))
            }
        }
        for found in records where !strict {
            let name = String(decoding: found.name, as: UTF8.self)
            if !Databases.names.contains(name) { order.append((found.record, .other, found.page, name)) }
        }
        switch scope {
        case .opening(let writable):
            for entry in order where entry.database == .meta {
                try walkTree(entry.record, database: .meta, recordPage: entry.page, recordName: entry.name)
            }
            for entry in order where entry.database == .log {
                rightmostOnly = true
                try walkTree(entry.record, database: .log, recordPage: entry.page, recordName: entry.name)
                rightmostOnly = false
            }
            if writable { try walkTree(freeRecord, database: .free, recordPage: metaPage, recordName: "free-page") }
        case .everything:
            for entry in order {
                try walkTree(entry.record, database: entry.database, recordPage: entry.page, recordName: entry.name)
            }
            try walkTree(freeRecord, database: .free, recordPage: metaPage, recordName: "free-page")
            try checkFreeLists()
        }
    }

    /// A store's main database lists exactly its six databases, each without special flags.
    private func checkStoreRecords() throws(DamagedPage) {
        for record in records {
            let name = String(decoding: record.name, as: UTF8.self)
            guard Databases.names.contains(name) else {
                throw damage(.main, record.page, Wording(
                    de: "sie führt eine Datenbank '\(printable(record.name))' auf, die ein Speicher nie hat",
                    en: "it lists a database '\(printable(record.name))', which a store never has"))
            }
            let special = Int(MDB_REVERSEKEY | MDB_DUPSORT | MDB_INTEGERKEY | MDB_DUPFIXED | MDB_INTEGERDUP | MDB_REVERSEDUP)
            if record.record.flags & special != 0 {
                throw damage(.main, record.page, Wording(
                    de: "die Beschreibung der Datenbank '\(name)' hat die Flags 0x\(String(record.record.flags, radix: 16)), die ein Speicher nie setzt",
                    en: "the record of the database '\(name)' has flags 0x\(String(record.record.flags, radix: 16)), which a store never sets"))
            }
        }
        for name in Databases.names where !records.contains(where: { $0.name == Array(name.utf8) }) {
            throw damage(.main, mainRecord.root, Wording(
                de: "sie führt keine Datenbank '\(name)' auf",
                en: "it lists no database '\(name)'"))
        }
    }

    /// Walks one tree and compares what it found with the tree's record (held on `recordPage`).
    private mutating func walkTree(
        _ record: DatabaseRecord, database: DamagedPage.Database, recordPage: UInt64, recordName: String
    ) throws(DamagedPage) {
        self.database = database
        integerKeys = database == .free
        counts = TreeCounts()
        let holder: DamagedPage.Database = recordPage == metaPage ? .metaPages : .main
        if record.root == LMDBLayout.noPage {
            if record.entries != 0 || record.depth != 0 || record.leafPages != 0 || record.branchPages != 0 {
                throw damage(holder, recordPage, Wording(
                    de: "die Beschreibung \(germanTreeName(recordName, genitive: true)) gibt eine leere Datenbank an, nennt aber \(record.counts.de)",
                    en: "the record of the \(recordName) database says it is empty, yet gives \(record.counts.en)"))
            }
            return
        }
        if record.root < 2 || record.root > lastPage {
            throw damage(holder, recordPage, Wording(
                de: "\(germanTreeName(recordName)) beginnt auf Seite \(record.root), außerhalb der Seiten 2 bis \(lastPage)",
                en: "the \(recordName) database starts at page \(record.root), outside pages 2 to \(lastPage)"))
        }
        if owners[Int(record.root)] != 0 {
            throw damage(holder, recordPage, Wording(
                de: "\(germanTreeName(recordName)) beginnt auf Seite \(record.root), die zu \(Self.database(code: owners[Int(record.root)]).dativeLabel.de) gehört",
                en: "the \(recordName) database starts at page \(record.root), which belongs to \(Self.database(code: owners[Int(record.root)]).label.en)"))
        }
        try walkPage(record.root, level: 0, lower: nil, upper: nil)
        guard !rightmostOnly else { return }
        var found = DatabaseRecord(counting: counts)
        found.flags = record.flags
        found.root = record.root
        if found != record {
            throw damage(holder, recordPage, Wording(
                de: "die Beschreibung \(germanTreeName(recordName, genitive: true)) nennt \(record.counts.de); der Baum hat tatsächlich \(found.counts.de)",
                en: "the record of the \(recordName) database gives \(record.counts.en); its tree has \(found.counts.en)"))
        }
    }

    /// Checks page `page` at `level` (0 for the root), whose keys must lie in `[lower, upper)`, and every page
    /// below it.
    private mutating func walkPage(_ page: UInt64, level: Int, lower: [UInt8]?, upper: [UInt8]?) throws(DamagedPage) {
        let pageSize = file.pageSize
        owners[Int(page)] = Self.code(database)
        var bytes: [UInt8] = []
        guard try readPage(page, into: &bytes) else {
            throw damage(database, page, Wording(
                de: "data.mdb endet vor ihr",
                en: "data.mdb ends before it"), lower: lower, upper: upper)
        }
        if bytes.le64(0) != page {
            throw damage(database, page, Wording(
                de: "sie gibt an, Seite \(bytes.le64(0)) zu sein", en: "it says it is page \(bytes.le64(0))"), lower: lower, upper: upper)
        }
        let flags = bytes.le16(LMDBLayout.flagsOffset)
        let type = flags & LMDBLayout.typeBits
        guard type == LMDBLayout.branchPage || type == LMDBLayout.leafPage else {
            throw damage(database, page, Wording(
                de: "ihre Flags 0x\(String(flags, radix: 16)) kennzeichnen weder eine Verzweigungs- noch eine Blattseite",
                en: "its flags 0x\(String(flags, radix: 16)) mark neither a branch nor a leaf page"), lower: lower, upper: upper)
        }
        let isLeaf = type == LMDBLayout.leafPage
        if isLeaf {
            if counts.depth == 0 { counts.depth = level + 1 }
            if counts.depth != level + 1 {
                throw damage(database, page, Wording(
                    de: "sie ist ein Blatt in Tiefe \(level + 1), die anderen Blätter des Baums liegen in Tiefe \(counts.depth)",
                    en: "it is a leaf at depth \(level + 1), the tree's other leaves are at depth \(counts.depth)"), lower: lower, upper: upper)
            }
            counts.leafPages += 1
        } else {
            if counts.depth != 0 && level + 1 >= counts.depth {
                throw damage(database, page, Wording(
                    de: "sie ist eine Verzweigungsseite in Tiefe \(level + 1), wo die Blätter des Baums liegen",
                    en: "it is a branch page at depth \(level + 1), where the tree's leaves are"), lower: lower, upper: upper)
            }
            if level + 1 >= LMDBLayout.maximumDepth {
                throw damage(database, page, Wording(
                    de: "der Baum ist tiefer als die Grenze von LMDB mit \(LMDBLayout.maximumDepth) Ebenen",
                    en: "the tree is deeper than LMDB's limit of \(LMDBLayout.maximumDepth) levels"), lower: lower, upper: upper)
            }
            counts.branchPages += 1
        }
        let lowerBound = bytes.le16(LMDBLayout.lowerOffset), upperBound = bytes.le16(LMDBLayout.upperOffset)
        guard lowerBound >= LMDBLayout.pageHeaderSize, lowerBound <= upperBound, upperBound <= pageSize,
              (lowerBound - LMDBLayout.pageHeaderSize) % 2 == 0
        else {
            throw damage(database, page, Wording(
                de: "ihr freier Bereich reicht von Byte \(lowerBound) bis \(upperBound) und liegt nicht innerhalb der Seite",
                en: "its free space runs from byte \(lowerBound) to \(upperBound), which is not inside the page"), lower: lower, upper: upper)
        }
        let count = (lowerBound - LMDBLayout.pageHeaderSize) / 2
        guard count > 0 else {
            throw damage(database, page, Wording(de: "sie enthält keine Einträge", en: "it holds no entries"), lower: lower, upper: upper)
        }
        if isLeaf { counts.entries += UInt64(count) }

        // Every node lies inside the page, after the free space; the keys ascend inside [lower, upper).
        var nodes: [(offset: Int, keySize: Int)] = []
        nodes.reserveCapacity(count)
        for index in 0..<count {
            let offset = bytes.le16(LMDBLayout.pageHeaderSize + 2 * index)
            guard offset >= upperBound, offset % 2 == 0, offset + LMDBLayout.nodeHeaderSize <= pageSize else {
                throw damage(database, page, Wording(
                    de: "Eintrag \(index) beginnt bei Byte \(offset), außerhalb des Eintragsbereichs der Seite (\(upperBound) bis \(pageSize))",
                    en: "entry \(index) starts at byte \(offset), outside the page's entries (\(upperBound) to \(pageSize))"), lower: lower, upper: upper)
            }
            let keySize = bytes.le16(offset + 6)
            guard keySize <= LMDBLayout.maximumKeySize, offset + LMDBLayout.nodeHeaderSize + keySize <= pageSize else {
                throw damage(database, page, Wording(
                    de: "der Schlüssel von Eintrag \(index) hat \(keySize) Byte und reicht über die Seite hinaus",
                    en: "the key of entry \(index) has \(keySize) bytes and reaches past the page"), lower: lower, upper: upper)
            }
            let key = offset + LMDBLayout.nodeHeaderSize
            // A branch page's first key is ignored by LMDB (it stands for everything below the second).
            if isLeaf || index > 0 {
                if let previous = nodes.last, isLeaf || index > 1,
                   compare(bytes, previous.offset + LMDBLayout.nodeHeaderSize, previous.keySize, bytes, key, keySize) >= 0 {
                    throw damage(database, page, Wording(
                        de: "der Schlüssel von Eintrag \(index) folgt nicht auf den Schlüssel davor",
                        en: "the key of entry \(index) does not follow the key before it"), lower: lower, upper: upper)
                }
                if let lower, compare(bytes, key, keySize, lower, 0, lower.count) < 0 {
                    throw damage(database, page, Wording(
                        de: "der Schlüssel von Eintrag \(index) liegt vor dem Bereich der Seite im Baum",
                        en: "the key of entry \(index) lies before the page's range in the tree"), lower: lower, upper: upper)
                }
                if let upper, compare(bytes, key, keySize, upper, 0, upper.count) >= 0 {
                    throw damage(database, page, Wording(
                        de: "der Schlüssel von Eintrag \(index) liegt hinter dem Bereich der Seite im Baum",
                        en: "the key of entry \(index) lies after the page's range in the tree"), lower: lower, upper: upper)
                }
            }
            nodes.append((offset, keySize))
        }
        if isLeaf {
            for (index, node) in nodes.enumerated() {
                try checkLeafNode(bytes, index: index, offset: node.offset, keySize: node.keySize, page: page, lower: lower, upper: upper)
            }
            return
        }
        let first = rightmostOnly ? count - 1 : 0
        for index in first..<count {
            let node = nodes[index]
            let child = UInt64(bytes.le16(node.offset)) | UInt64(bytes.le16(node.offset + 2)) << 16 | UInt64(bytes.le16(node.offset + 4)) << 32
            let childLower = index == 0 ? lower : Array(bytes[(node.offset + 8)..<(node.offset + 8 + node.keySize)])
            let childUpper: [UInt8]?
            if index == count - 1 {
                childUpper = upper
            } else {
                let next = nodes[index + 1]
                childUpper = Array(bytes[(next.offset + 8)..<(next.offset + 8 + next.keySize)])
            }
            guard child >= 2, child <= lastPage else {
                throw damage(database, page, Wording(
                    de: "Eintrag \(index) verweist auf Seite \(child), außerhalb der Seiten 2 bis \(lastPage)",
                    en: "entry \(index) points to page \(child), outside pages 2 to \(lastPage)"), lower: childLower, upper: childUpper)
            }
            guard owners[Int(child)] == 0 else {
                throw damage(database, page, Wording(
                    de: "Eintrag \(index) verweist auf Seite \(child), die bereits zu \(Self.database(code: owners[Int(child)]).dativeLabel.de) gehört",
                    en: "entry \(index) points to page \(child), which is already part of \(Self.database(code: owners[Int(child)]).label.en)"), lower: childLower, upper: childUpper)
            }
            try walkPage(child, level: level + 1, lower: childLower, upper: childUpper)
        }
    }

    /// One entry of a leaf page: its data inside the page, or its overflow pages, or a named database's record.
    private mutating func checkLeafNode(
        _ bytes: [UInt8], index: Int, offset: Int, keySize: Int, page: UInt64, lower: [UInt8]?, upper: [UInt8]?
    ) throws(DamagedPage) {
        let pageSize = file.pageSize
        let flags = bytes.le16(offset + 4)
        let size = UInt64(bytes.le16(offset)) | UInt64(bytes.le16(offset + 2)) << 16
        let data = offset + LMDBLayout.nodeHeaderSize + keySize
        // Damage to one entry concerns that entry's key; for the log, that position. (Made only when needed:
        // verify passes here for every entry of the store.)
        func entryDamage(_ damaged: UInt64, _ problem: Wording) -> DamagedPage {
            let key = Array(bytes[(offset + 8)..<data])
            return damage(database, damaged, problem, lower: key, upper: key + [0])
        }
        guard flags & ~(LMDBLayout.bigData | LMDBLayout.subData | LMDBLayout.dupData) == 0 else {
            throw entryDamage(page, Wording(
                de: "Eintrag \(index) hat die unbekannten Flags 0x\(String(flags, radix: 16))",
                en: "entry \(index) has the unknown flags 0x\(String(flags, radix: 16))"))
        }
        if flags & LMDBLayout.bigData != 0 {
            guard flags == LMDBLayout.bigData, data + 8 <= pageSize else {
                throw entryDamage(page, Wording(
                    de: "Eintrag \(index) liegt auf Überlaufseiten, aber seine Seitennummer passt nicht in die Seite",
                    en: "entry \(index) is stored on overflow pages but its page number does not fit the page"))
            }
            let overflow = bytes.le64(data)
            let run = LMDBLayout.overflowPages(size, pageSize: pageSize)
            guard overflow >= 2, overflow <= lastPage, run <= lastPage - overflow + 1 else {
                throw entryDamage(page, Wording(
                    de: "Eintrag \(index) hat \(size) Byte auf den Überlaufseiten \(overflow) bis \(overflow &+ run &- 1), außerhalb der Seiten 2 bis \(lastPage)",
                    en: "entry \(index) has \(size) bytes on overflow pages \(overflow) to \(overflow &+ run &- 1), outside pages 2 to \(lastPage)"))
            }
            for reached in overflow..<(overflow + run) where owners[Int(reached)] != 0 {
                throw entryDamage(page, Wording(
                    de: "Eintrag \(index) liegt auf den Überlaufseiten \(overflow) bis \(overflow + run - 1), aber Seite \(reached) gehört zu \(Self.database(code: owners[Int(reached)]).dativeLabel.de)",
                    en: "entry \(index) is stored on overflow pages \(overflow) to \(overflow + run - 1), but page \(reached) belongs to \(Self.database(code: owners[Int(reached)]).label.en)"))
            }
            for reached in overflow..<(overflow + run) { owners[Int(reached)] = Self.code(database) }
            counts.overflowPages += run
            guard try readOverflow(overflow, at: overflow * UInt64(pageSize), count: LMDBLayout.pageHeaderSize) else {
                throw entryDamage(overflow, Wording(
                    de: "data.mdb endet vor ihr",
                    en: "data.mdb ends before it"))
            }
            let header = overflowBuffer
            if header.le64(0) != overflow {
                throw entryDamage(overflow, Wording(
                    de: "sie gibt an, Seite \(header.le64(0)) zu sein",
                    en: "it says it is page \(header.le64(0))"))
            }
            if header.le16(LMDBLayout.flagsOffset) & LMDBLayout.typeBits != LMDBLayout.overflowPage {
                throw entryDamage(overflow, Wording(
                    de: "ihre Flags 0x\(String(header.le16(LMDBLayout.flagsOffset), radix: 16)) kennzeichnen keine Überlaufseite",
                    en: "its flags 0x\(String(header.le16(LMDBLayout.flagsOffset), radix: 16)) do not mark an overflow page"))
            }
            if UInt64(header.le32(LMDBLayout.overflowCountOffset)) != run {
                throw entryDamage(overflow, Wording(
                    de: "sie gibt an, ihr Wert erstrecke sich über \(header.le32(LMDBLayout.overflowCountOffset)) Seiten, für die \(size) Byte sind aber \(run) nötig",
                    en: "it says its value spans \(header.le32(LMDBLayout.overflowCountOffset)) pages, the \(size) bytes need \(run)"))
            }
            if database == .free {
                guard try readOverflow(overflow, at: overflow * UInt64(pageSize) + UInt64(LMDBLayout.pageHeaderSize), count: Int(size)) else {
                    throw entryDamage(overflow, Wording(
                        de: "data.mdb endet innerhalb ihres Werts",
                        en: "data.mdb ends inside its value"))
                }
                try collectFreeList(overflowBuffer, at: 0, size: size, page: page, index: index)
            }
            return
        }
        if flags & LMDBLayout.subData != 0 {
            guard size == UInt64(LMDBLayout.databaseRecordSize), data + LMDBLayout.databaseRecordSize <= pageSize else {
                throw entryDamage(page, Wording(
                    de: "Eintrag \(index) enthält eine Datenbankbeschreibung von \(size) Byte statt \(LMDBLayout.databaseRecordSize) innerhalb der Seite",
                    en: "entry \(index) holds a database record of \(size) bytes, not \(LMDBLayout.databaseRecordSize) inside the page"))
            }
            if database == .main && flags == LMDBLayout.subData {
                records.append((Array(bytes[(offset + 8)..<data]), DatabaseRecord(bytes, at: data), page))
                return
            }
            if strict {
                throw entryDamage(page, Wording(
                    de: "Eintrag \(index) enthält sortierte Duplikate, die ein Speicher nie schreibt",
                    en: "entry \(index) holds sorted duplicates, which a store never writes"))
            }
            return
        }
        guard UInt64(data) + size <= UInt64(pageSize) else {
            throw entryDamage(page, Wording(
                de: "der Wert von Eintrag \(index) hat \(size) Byte und reicht über die Seite hinaus",
                en: "the value of entry \(index) has \(size) bytes and reaches past the page"))
        }
        if flags & LMDBLayout.dupData != 0 && strict {
            throw entryDamage(page, Wording(
                de: "Eintrag \(index) enthält Duplikate, die ein Speicher nie schreibt",
                en: "entry \(index) holds duplicates, which a store never writes"))
        }
        if database == .main && strict {
            throw entryDamage(page, Wording(
                de: "Eintrag \(index) ('\(printable(Array(bytes[(offset + 8)..<data])))') ist keine Datenbankbeschreibung",
                en: "entry \(index) ('\(printable(Array(bytes[(offset + 8)..<data])))') is not a database record"))
        }
        if database == .free { try collectFreeList(bytes, at: data, size: size, page: page, index: index) }
    }

    /// A free-page list (`MDB_IDL`): a count, then that many page numbers. LMDB reserves these records before it
    /// fills them, so a record may be longer than its count needs, never shorter.
    private mutating func collectFreeList(_ bytes: [UInt8], at offset: Int, size: UInt64, page: UInt64, index: Int) throws(DamagedPage) {
        guard size >= 8 else {
            throw damage(.free, page, Wording(
                de: "Eintrag \(index) enthält eine Freiliste von \(size) Byte", en: "entry \(index) holds a free list of \(size) bytes"))
        }
        let count = bytes.le64(offset)
        guard count < size / 8 else {
            throw damage(.free, page, Wording(
                de: "Eintrag \(index) gibt an, \(count) freie Seiten in \(size) Byte aufzuführen",
                en: "entry \(index) says it lists \(count) free pages in \(size) bytes"))
        }
        for item in 0..<Int(count) {
            let free = bytes.le64(offset + 8 + 8 * item)
            guard free >= 2, free <= lastPage else {
                throw damage(.free, page, Wording(
                    de: "Eintrag \(index) führt Seite \(free) als frei auf, außerhalb der Seiten 2 bis \(lastPage)",
                    en: "entry \(index) lists page \(free) as free, outside pages 2 to \(lastPage)"))
            }
            freePages.append((free, page))
        }
    }

    /// No page is both free and in use, and none is free twice: LMDB would hand it out again and overwrite it.
    private func checkFreeLists() throws(DamagedPage) {
        var listed = [Bool](repeating: false, count: owners.count)
        for entry in freePages {
            let owner = owners[Int(entry.page)]
            if owner != 0 {
                throw damage(.free, entry.listedOn, Wording(
                    de: "sie führt Seite \(entry.page) als frei auf, aber die Seite gehört zu \(Self.database(code: owner).dativeLabel.de)",
                    en: "it lists page \(entry.page) as free, but the page belongs to \(Self.database(code: owner).label.en)"))
            }
            if listed[Int(entry.page)] {
                throw damage(.free, entry.listedOn, Wording(
                    de: "sie führt Seite \(entry.page) ein zweites Mal als frei auf",
                    en: "it lists page \(entry.page) as free a second time"))
            }
            listed[Int(entry.page)] = true
        }
    }

    // MARK: Helpers

    // Each page is read into a buffer of the frame that walks it, never into one the walker keeps: a buffer held
    // in the walker and handed inout to a read made Swift copy the walker's storage for every page.

    /// Reads page `page` into `buffer`; false when the file ends first. A failing read (an I/O error of the disk)
    /// makes the page damaged.
    private func readPage(_ page: UInt64, into buffer: inout [UInt8]) throws(DamagedPage) -> Bool {
        let result: Result<Bool, EventStoreError>
        do throws(EventStoreError) {
            result = .success(try file.read(page * UInt64(file.pageSize), count: file.pageSize, into: &buffer))
        } catch {
            result = .failure(error)
        }
        return try readResult(result, page)
    }

    /// Reads `count` bytes of overflow page `page` (from `offset` in the file) into ``overflowBuffer``.
    private mutating func readOverflow(_ page: UInt64, at offset: UInt64, count: Int) throws(DamagedPage) -> Bool {
        let result: Result<Bool, EventStoreError>
        do throws(EventStoreError) {
            result = .success(try file.read(offset, count: count, into: &overflowBuffer))
        } catch {
            result = .failure(error)
        }
        return try readResult(result, page)
    }

    private func readResult(_ result: Result<Bool, EventStoreError>, _ page: UInt64) throws(DamagedPage) -> Bool {
        switch result {
        case .success(let complete): return complete
        case .failure(let error): throw damage(database, page, Wording(
            de: "sie kann nicht gelesen werden: \(error.wording.de)",
            en: "it cannot be read: \(error.wording.en)"))
        }
    }

    /// LMDB's key order: bytes compared as unsigned, a shorter key first when it is a prefix (`mdb_cmp_memn`); in
    /// the free-page database 8-byte integers (`mdb_cmp_long`).
    private func compare(_ a: [UInt8], _ aOffset: Int, _ aCount: Int, _ b: [UInt8], _ bOffset: Int, _ bCount: Int) -> Int {
        if integerKeys && aCount == 8 && bCount == 8 {
            let x = a.le64(aOffset), y = b.le64(bOffset)
            return x < y ? -1 : (x == y ? 0 : 1)
        }
        let common = min(aCount, bCount)
        if common > 0 {
            let order = a.withUnsafeBytes { x in b.withUnsafeBytes { y in memcmp(x.baseAddress! + aOffset, y.baseAddress! + bOffset, common) } }
            if order != 0 { return Int(order) }
        }
        return aCount - bCount
    }

    private func printable(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(64), as: UTF8.self).replacingOccurrences(of: "\u{0}", with: "\\0")
    }

    /// The failure for `page` of `database`; for the log, with the positions that the key bounds give.
    private func damage(
        _ database: DamagedPage.Database, _ page: UInt64, _ problem: Wording, lower: [UInt8]? = nil, upper: [UInt8]? = nil
    ) -> DamagedPage {
        var first: UInt64?, last: UInt64?
        if database == .log {
            first = lower.flatMap(Self.position) ?? 1
            if let upper, let bound = Self.position(upper) {
                last = bound > 0 ? bound - 1 : 0
            } else if let upper, upper.count == 9, let key = Self.position(Array(upper.prefix(8))) {
                last = key  // an entry's own key: the bound just after it
            }
        }
        return DamagedPage(
            database: database, page: page, offset: page &* UInt64(file.pageSize), problem: problem,
            firstPosition: first, lastPosition: last)
    }

    private static func position(_ key: [UInt8]) -> UInt64? {
        guard key.count == 8 else { return nil }
        return key.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
}
