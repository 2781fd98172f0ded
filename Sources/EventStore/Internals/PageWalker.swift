internal import Foundation
internal import Primitives

/// Walks the trees of one snapshot, page by page.
///
/// This file holds the walk itself — the order of the trees, each tree against its record, and the helpers every
/// check uses. The checks of each kind of page are extensions in `PageWalker+MetaPages.swift` (LMDB's two meta
/// pages), `PageWalker+TreePages.swift` (branch and leaf pages) and `PageWalker+Entries.swift` (leaf entries,
/// overflow pages, free-page lists); they share the walker's state, which is therefore module-internal rather than
/// private. Only ``PageCheck/run(env:txn:scope:)`` makes a walker.
struct PageWalker {
    let file: PageFile
    /// The snapshot's last page (`mm_last_pg`).
    let lastPage: UInt64
    let metaPage: UInt64
    let freeRecord: DatabaseRecord
    let mainRecord: DatabaseRecord
    /// For each page: 0 while unreached, else the code of the database it belongs to.
    var owners: [UInt8]
    var overflowBuffer: [UInt8] = []

    // The tree being walked.
    var database = DamagedPage.Database.main
    private var integerKeys = false
    var strict = false
    var counts = TreeCounts()
    var rightmostOnly = false
    /// Whether the subtrees below the root of the tree being walked are walked on several cores
    /// (`PageWalker+Parallel.swift`).
    var splitsRoot = false
    /// The named databases listed in the main database: name, record, and the page holding the record.
    var records: [(name: [UInt8], record: DatabaseRecord, page: UInt64)] = []
    /// Pages listed as free: the page, and the free database's page that lists it.
    var freePages: [(page: UInt64, listedOn: UInt64)] = []

    init(file: PageFile, meta: [UInt8], metaPage: UInt64) {
        self.file = file
        self.metaPage = metaPage
        lastPage = meta.le64(LMDBLayout.lastPageOffset)
        freeRecord = DatabaseRecord(meta, at: LMDBLayout.freeRecordOffset)
        mainRecord = DatabaseRecord(meta, at: LMDBLayout.mainRecordOffset)
        // A bad last page is reported by checkMeta before any walk; until then keep the map of owners small.
        owners = [UInt8](repeating: 0, count: Int(min(lastPage, file.pageCount) + 1))
    }

    static func code(_ database: DamagedPage.Database) -> UInt8 {
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

    static func database(code: UInt8) -> DamagedPage.Database {
        [.metaPages, .main, .free, .log, .streams, .heads, .ids, .snapshots, .meta, .other][Int(code) - 1]
    }

    // MARK: The walk

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
            if record.record.flags & LMDBLayout.specialKeyFlags != 0 {
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
        // The record's leaf count only chooses the way of walking (a damaged one at worst a slower way).
        splitsRoot = !rightmostOnly && database != .main && database != .free
            && record.leafPages >= Self.pagesWorthSplitting && Parallelism.cores > 1
        try walkPage(record.root, level: 0, lower: nil, upper: nil)
        splitsRoot = false
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

    // MARK: Helpers

    // Each page is read into a buffer of the frame that walks it, never into one the walker keeps: a buffer held
    // in the walker and handed inout to a read made Swift copy the walker's storage for every page.

    /// Reads page `page` into `buffer`; false when the file ends first. A failing read (an I/O error of the disk)
    /// makes the page damaged.
    func readPage(_ page: UInt64, into buffer: inout [UInt8]) throws(DamagedPage) -> Bool {
        let result: Result<Bool, EventStoreError>
        do throws(EventStoreError) {
            result = .success(try file.read(page * UInt64(file.pageSize), count: file.pageSize, into: &buffer))
        } catch {
            result = .failure(error)
        }
        return try readResult(result, page)
    }

    /// Reads `count` bytes of overflow page `page` (from `offset` in the file) into ``overflowBuffer``.
    mutating func readOverflow(_ page: UInt64, at offset: UInt64, count: Int) throws(DamagedPage) -> Bool {
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
    func compare(_ a: [UInt8], _ aOffset: Int, _ aCount: Int, _ b: [UInt8], _ bOffset: Int, _ bCount: Int) -> Int {
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

    func printable(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(64), as: UTF8.self).replacingOccurrences(of: "\u{0}", with: "\\0")
    }

    /// The failure for `page` of `database`; for the log, with the positions that the key bounds give.
    func damage(
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
