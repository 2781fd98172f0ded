internal import Foundation
internal import Primitives

// LMDB trusts the structure of its pages: a damaged page can make it read outside the page, outside the map or
// past the end of data.mdb, and the process dies with SIGSEGV or SIGBUS. The page check verifies that structure
// itself, reading data.mdb with pread(2) rather than through LMDB's memory map, so that a damaged page is reported
// and never faults. `EventStore.verify` runs the whole check before it reads anything through LMDB; opening a
// store checks the pages that opening reads.
//
// Its parts: this file (what is checked, and the meta page before `mdb_env_open`), the walker that visits every
// page of a snapshot's trees (`PageWalker.swift`), the checks of each kind of page it meets
// (`PageWalker+MetaPages.swift`, `PageWalker+TreePages.swift`, `PageWalker+Entries.swift`), the failure it reports
// (`DamagedPage.swift`), and LMDB's on-disk layout with the file read by pread (`LMDBLayout.swift`).

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
    static func run(env: EnvironmentHandle, txn: TransactionHandle, scope: Scope) throws(EventStoreError) -> Outcome {
        let descriptor = try env.fileDescriptor()
        let pageSize = try env.pageSize()
        let dataPath = try env.path() + "/data.mdb"
        var status = Foundation.stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .io(path: dataPath, operation: Wording(de: "Lesen der Größe von data.mdb", en: "reading the size of data.mdb"), errno: errno)
        }
        let file = PageFile(descriptor: descriptor, pageSize: pageSize, size: UInt64(status.st_size), path: dataPath)
        let snapshot = txn.id

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
