internal import CLMDB
internal import Primitives
internal import Foundation

/// One open LMDB environment: the `MDB_env` pointer, the store's named databases and the resize lock.
///
/// There is exactly one per store directory per process (see ``EnvironmentRegistry``): LMDB's locks are
/// per-process, and closing a second handle to the same files would release the first one's locks.
/// Transactions exist only inside ``read(_:)`` and ``write(_:)`` closures, which keep `self` alive, so no
/// transaction outlives its environment; `deinit` closes the environment (`mdb_env_close`).
final class Environment: @unchecked Sendable {
    // @unchecked: `pointer` is used only under LMDB's own rules — read transactions from any thread (MDB_NOTLS),
    // write transactions on the writer thread only — and map resizes are serialized by `resizeLock`.

    let pointer: OpaquePointer
    let path: String
    let isReadOnly: Bool
    /// True when the store was opened without LMDB's lock file (read-only open of a directory the user cannot
    /// write). Safe only while no other process writes to it.
    let isLockFree: Bool
    let databases: Databases
    let pageSize: Int
    let storeID: UUID
    let formatVersion: UInt32
    /// The store id written in the directory's `store-id` file, when it differs from the one in `data.mdb`:
    /// the data file was copied from another store.
    let foreignDataFile: UUID?
    /// Where LMDB maps data.mdb, to check every key and value it hands out.
    let map: MapBounds
    private let resizeLock = ResizeLock()

    /// The store format this library writes and reads.
    static let currentFormat: UInt32 = 1

    /// Opens (or, unless read-only, creates) the store in `directory`.
    ///
    /// Read-only opens create nothing: without a lock file (nobody has the store open, or the directory cannot be
    /// written) they read without LMDB's locks. Creation is safe with several processes at once (see
    /// ``StoreDirectory``).
    init(directory: String, readOnly: Bool, initialMapSize: Int) throws(EventStoreError) {
        let store = StoreDirectory(path: directory)
        try store.checkPath()
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: directory, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw .notAStore(path: directory, reason: Wording(de: "es ist eine Datei, kein Verzeichnis", en: "it is a file, not a directory"))
        }
        if !exists {
            if readOnly { throw .notAStore(path: directory, reason: Wording(de: "das Verzeichnis existiert nicht", en: "the directory does not exist")) }
            try store.makeDirectories()
        }
        let dataPath = store.dataPath
        let systemPageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let dataExists = fileManager.fileExists(atPath: dataPath)
        if !dataExists {
            if readOnly { throw .notAStore(path: directory, reason: Wording(de: "es enthält keine data.mdb", en: "it holds no data.mdb")) }
            let entries = ((try? fileManager.contentsOfDirectory(atPath: directory)) ?? []).filter { !StoreDirectory.isStoreFile($0) }
            if !entries.isEmpty {
                let listed = entries.sorted().prefix(3).joined(separator: ", ")
                throw .notAStore(
                    path: directory,
                    reason: Wording(
                        de: "das Verzeichnis enthält andere Dateien (\(listed)), aber keine data.mdb; "
                            + "wählen Sie ein leeres oder neues Verzeichnis",
                        en: "the directory holds other files (\(listed)) but no data.mdb; "
                            + "choose an empty or new directory"))
            }
        } else if store.dataFileIsShort(pageSize: systemPageSize) {
            // Shorter than LMDB's two meta pages: mdb_env_open would initialise it as a new, empty store. That is
            // right only for a creation that never finished (no store-id yet) and that no process is running now.
            // A store that existed (it has a store-id) was cut short: damage, and the file is left as it is.
            let size = Self.fileSize(dataPath)
            if readOnly || store.hasStoreIDFile {
                throw .truncatedStore(path: directory, expectedBytes: UInt64(2 * systemPageSize), actualBytes: size)
            }
            _ = try store.resetUnfinishedCreation()
        } else {
            // A meta page whose last page lies beyond the file would make mdb_env_open map more than the file holds.
            try PageCheck.checkMetaBeforeOpening(directory: directory, dataPath: dataPath)
        }

        let baseFlags = UInt32(MDB_NOTLS) | (readOnly ? UInt32(MDB_RDONLY) : 0)
        var lockFree = false
        if readOnly {
            // A reader creates nothing: without a lock file nobody has the store open, so it reads without locks.
            lockFree = !fileManager.fileExists(atPath: store.lockPath)
        } else {
            try store.prepareLockFile()
        }
        var opened = try Self.openEnvironment(
            directory, flags: baseFlags | (lockFree ? UInt32(MDB_NOLOCK) : 0), mapSize: dataExists ? nil : initialMapSize)
        if (opened.code == EACCES || opened.code == EROFS), readOnly, !lockFree {
            // The user may read the store but not its lock file: open without LMDB's locks. A failed
            // mdb_env_open leaves its handle unusable, so this is a new one.
            mdb_env_close(opened.env)
            opened = try Self.openEnvironment(directory, flags: baseFlags | UInt32(MDB_NOLOCK), mapSize: nil)
            lockFree = true
        }
        let env = opened.env
        let map: MapBounds
        do throws(EventStoreError) {
            switch opened.code {
            case MDB_SUCCESS: break
            case MDB_INVALID:
                if store.hasStoreIDFile || store.dataFileHasLMDBMagic(pageSize: systemPageSize) {
                    throw EventStoreError.damagedStore(
                        path: directory,
                        reason: Wording(de: "der LMDB-Kopf von data.mdb (seine Metaseiten) ist ungültig; die Datei wurde beschädigt oder überschrieben", en: "data.mdb's LMDB header (its meta pages) is invalid; the file was damaged or overwritten"))
                }
                throw EventStoreError.notAStore(path: directory, reason: Wording(de: "data.mdb ist keine LMDB-Datenbankdatei", en: "data.mdb is not an LMDB database file"))
            case MDB_VERSION_MISMATCH:
                throw EventStoreError.notAStore(path: directory, reason: Wording(de: "data.mdb wurde von einer inkompatiblen LMDB-Version geschrieben", en: "data.mdb was written by an incompatible LMDB version"))
            case EACCES:
                throw EventStoreError.io(path: directory, operation: Wording(de: "Öffnen des Speichers", en: "opening the store"), errno: EACCES)
            case EROFS, ENOSPC, EIO, EDQUOT:
                throw EventStoreError.writeFailed(path: directory, errno: opened.code)
            case ELOOP, ENOENT, ENOTDIR:
                throw EventStoreError.notAStore(path: directory, reason: Wording(
                    de: String(cString: strerror(opened.code)), en: String(cString: strerror(opened.code))))
            default:
                try lmdbCheck(opened.code, "mdb_env_open")
            }
            try Self.checkNotTruncated(env, directory: directory, dataPath: dataPath)
            map = try MapBounds(environment: env, dataPath: dataPath)
            // Before LMDB reads any tree: the pages opening reads must hold together.
            try Self.checkPagesWhileOpening(env, directory: directory, writable: !readOnly, map: map)
            if !lockFree {
                var dead: Int32 = 0
                try lmdbCheck(mdb_reader_check(env, &dead), "mdb_reader_check")
            }
        } catch {
            mdb_env_close(env)
            throw error
        }
        if !readOnly {
            store.restrictPermissions(dataPath)
            store.restrictPermissions(store.lockPath)
        }

        var stat = MDB_stat()
        mdb_env_stat(env, &stat)
        do throws(EventStoreError) {
            let opened = try Self.openDatabases(
                env, directory: directory, readOnly: readOnly, hasStoreIDFile: store.hasStoreIDFile, map: map)
            self.databases = opened.databases
            self.storeID = opened.storeID
            self.formatVersion = opened.format
        } catch {
            mdb_env_close(env)
            throw error
        }
        // The directory remembers which store it holds, outside data.mdb, so that a data file copied from another
        // store is recognised.
        let recorded: UUID?
        do throws(EventStoreError) {
            recorded = readOnly ? store.recordedStoreID() : try store.recordStoreID(storeID)
        } catch {
            mdb_env_close(env)
            throw error
        }
        if let recorded, recorded != storeID {
            if !readOnly {
                mdb_env_close(env)
                throw .notAStore(path: directory, reason: Wording(de: "data.mdb gehört zum Speicher \(storeID.uuidString.lowercased()), dieses Verzeichnis enthielt aber den Speicher \(recorded.uuidString.lowercased()); öffnen Sie ihn nur lesend, um ihn zu untersuchen", en: "data.mdb belongs to store \(storeID.uuidString.lowercased()), but this directory held store \(recorded.uuidString.lowercased()); open it read-only to inspect it"))
            }
            self.foreignDataFile = recorded
        } else {
            self.foreignDataFile = nil
        }
        self.pointer = env
        self.map = map
        self.path = directory
        self.isReadOnly = readOnly
        self.isLockFree = lockFree
        self.pageSize = Int(stat.ms_psize)
    }

    deinit {
        mdb_env_close(pointer)
    }

    /// `mdb_env_create`, the limits, and `mdb_env_open`. Returns the handle and `mdb_env_open`'s result code;
    /// on failure the caller must close the handle.
    private static func openEnvironment(
        _ directory: String, flags: UInt32, mapSize: Int?
    ) throws(EventStoreError) -> (env: OpaquePointer, code: Int32) {
        var envPointer: OpaquePointer?
        try lmdbCheck(mdb_env_create(&envPointer), "mdb_env_create")
        guard let env = envPointer else { throw lmdbError(ENOMEM, "mdb_env_create") }
        do throws(EventStoreError) {
            try lmdbCheck(mdb_env_set_maxdbs(env, MDB_dbi(Databases.names.count + 2)), "mdb_env_set_maxdbs")
            try lmdbCheck(mdb_env_set_maxreaders(env, 510), "mdb_env_set_maxreaders")
            if let mapSize { try lmdbCheck(mdb_env_set_mapsize(env, mapSize), "mdb_env_set_mapsize") }
        } catch {
            mdb_env_close(env)
            throw error
        }
        return (env, mdb_env_open(env, directory, flags, 0o600))
    }

    static func fileSize(_ path: String) -> UInt64 {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return UInt64(info.st_size)
    }

    /// LMDB maps the file; touching a page beyond its end would kill the process with SIGBUS. Refuse instead.
    private static func checkNotTruncated(_ env: OpaquePointer, directory: String, dataPath: String) throws(EventStoreError) {
        var info = MDB_envinfo()
        try lmdbCheck(mdb_env_info(env, &info), "mdb_env_info")
        var stat = MDB_stat()
        try lmdbCheck(mdb_env_stat(env, &stat), "mdb_env_stat")
        // The last page number comes from the meta page as it is on disk: any 64-bit value, so no trapping arithmetic.
        let pages = UInt64(truncatingIfNeeded: info.me_last_pgno) &+ 1
        let (product, overflow) = pages.multipliedReportingOverflow(by: UInt64(stat.ms_psize))
        let needed = pages == 0 || overflow ? UInt64.max : product
        let actual = fileSize(dataPath)
        if actual < needed {
            throw .truncatedStore(path: directory, expectedBytes: needed, actualBytes: actual)
        }
    }

    private static func openDatabases(
        _ env: OpaquePointer, directory: String, readOnly: Bool, hasStoreIDFile: Bool, map: MapBounds
    ) throws(EventStoreError) -> (databases: Databases, storeID: UUID, format: UInt32) {
        // First look without creating anything, so a foreign environment is never modified.
        var existing: (Databases, UUID, UInt32)?
        var isEmpty = false
        try transaction(env, readOnly: true) { (txn) throws(EventStoreError) in
            var mainHandle: MDB_dbi = 0
            try lmdbCheck(mdb_dbi_open(txn, nil, 0, &mainHandle), "mdb_dbi_open")
            var mainStat = MDB_stat()
            try lmdbCheck(mdb_stat(txn, mainHandle, &mainStat), "mdb_stat")
            if mainStat.ms_entries == 0 {
                isEmpty = true
                return
            }
            var metaHandle: MDB_dbi = 0
            let code = mdb_dbi_open(txn, "meta", 0, &metaHandle)
            if code == MDB_NOTFOUND || code == MDB_INCOMPATIBLE {
                throw EventStoreError.notAStore(path: directory, reason: Wording(de: "eine LMDB-Umgebung ohne Metadaten eines Strategiespeichers", en: "an LMDB environment without strategy-store metadata"))
            }
            try lmdbCheck(code, "mdb_dbi_open")
            let found = try readMeta(txn, metaHandle, directory: directory, map: map)
            var handles: [MDB_dbi] = []
            for name in Databases.names {
                var handle: MDB_dbi = 0
                let openCode = mdb_dbi_open(txn, name, 0, &handle)
                if openCode == MDB_NOTFOUND {
                    throw EventStoreError.notAStore(path: directory, reason: Wording(de: "die Datenbank '\(name)' fehlt", en: "the database '\(name)' is missing"))
                }
                try lmdbCheck(openCode, "mdb_dbi_open")
                handles.append(handle)
            }
            existing = (Databases(handles), found.storeID, found.format)
        }
        if let existing { return existing }
        precondition(isEmpty)
        if hasStoreIDFile {
            // The directory held a store (its store-id was written after the store's first commit), but data.mdb is
            // empty: it was replaced or wiped. Creating a new store here would hide that.
            throw .damagedStore(path: directory, reason: Wording(de: "data.mdb ist leer, aber die Datei store-id des Verzeichnisses besagt, dass es einen Speicher enthielt; die Datendatei wurde ersetzt oder gelöscht", en: "data.mdb is empty, but the directory's store-id says it held a store; the data file was replaced or wiped"))
        }
        if readOnly { throw .notAStore(path: directory, reason: Wording(de: "die LMDB-Umgebung ist leer", en: "the LMDB environment is empty")) }

        // A new (or never initialised) store: create every database and the metadata in one transaction. Another
        // process may have created it since the look above; writers are serialized, so looking again inside the
        // write transaction makes exactly one of them the creator and hands everyone else its store.
        var created: (Databases, UUID, UInt32)?
        try transaction(env, readOnly: false) { (txn) throws(EventStoreError) in
            var metaHandle: MDB_dbi = 0
            if mdb_dbi_open(txn, "meta", 0, &metaHandle) == MDB_SUCCESS {
                let found = try readMeta(txn, metaHandle, directory: directory, map: map)
                var handles: [MDB_dbi] = []
                for name in Databases.names {
                    var handle: MDB_dbi = 0
                    try lmdbCheck(mdb_dbi_open(txn, name, 0, &handle), "mdb_dbi_open")
                    handles.append(handle)
                }
                created = (Databases(handles), found.storeID, found.format)
                return
            }
            var handles: [MDB_dbi] = []
            for name in Databases.names {
                var handle: MDB_dbi = 0
                try lmdbCheck(mdb_dbi_open(txn, name, UInt32(MDB_CREATE), &handle), "mdb_dbi_open")
                handles.append(handle)
            }
            let databases = Databases(handles)
            let storeID = UUID()
            let transactionView = Transaction(pointer: txn, databases: databases, map: map, isReadOnly: false)
            try transactionView.put(databases.meta, Array("format".utf8), Keys.position(UInt64(currentFormat)))
            try transactionView.put(databases.meta, Array("store-id".utf8), Keys.eventID(storeID))
            try transactionView.put(
                databases.meta, Array("created-at".utf8), Keys.position(UInt64(bitPattern: Clock.microsecondsNow())))
            created = (databases, storeID, currentFormat)
        }
        return created!
    }

    private static func readMeta(
        _ txn: OpaquePointer, _ meta: MDB_dbi, directory: String, map: MapBounds
    ) throws(EventStoreError) -> (storeID: UUID, format: UInt32) {
        // Only the meta database is open yet; the other handles name none.
        let none = MDB_dbi.max
        let view = Transaction(pointer: txn, databases: Databases([none, none, none, none, none, meta]), map: map, isReadOnly: true)
        guard let formatBytes = try view.get(meta, Array("format".utf8)), let format = Keys.readPosition(formatBytes) else {
            throw .notAStore(path: directory, reason: Wording(de: "den Metadaten des Speichers fehlt die Formatversion", en: "the store metadata has no format version"))
        }
        guard format <= UInt64(currentFormat), format >= 1 else {
            throw .unsupportedFormat(path: directory, found: UInt32(truncatingIfNeeded: format), supported: currentFormat)
        }
        guard let idBytes = try view.get(meta, Array("store-id".utf8)), idBytes.count == 16 else {
            throw .notAStore(path: directory, reason: Wording(de: "den Metadaten des Speichers fehlt die Speicher-ID", en: "the store metadata has no store id"))
        }
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &uuid) { $0.copyMemory(from: idBytes) }
        return (UUID(uuid: uuid), UInt32(format))
    }

    /// The structural check of the pages that opening reads (``PageCheck/Scope/opening(writable:)``), in read
    /// transactions of their own; throws ``EventStoreError/damagedPage(path:page:)``.
    private static func checkPagesWhileOpening(
        _ env: OpaquePointer, directory: String, writable: Bool, map: MapBounds
    ) throws(EventStoreError) {
        for _ in 0..<PageCheck.attempts {
            var txn: OpaquePointer?
            let code = mdb_txn_begin(env, nil, UInt32(MDB_RDONLY), &txn)
            if code == MDB_MAP_RESIZED {
                try lmdbCheck(mdb_env_set_mapsize(env, 0), "mdb_env_set_mapsize")
                try map.locate(env)
                continue
            }
            try lmdbCheck(code, "mdb_txn_begin")
            let outcome: PageCheck.Outcome
            do throws(EventStoreError) {
                outcome = try PageCheck.run(env: env, txn: txn!, scope: .opening(writable: writable))
            } catch {
                mdb_txn_abort(txn)
                throw error
            }
            mdb_txn_abort(txn)
            switch outcome {
            case .intact: return
            case .damaged(let page): throw .damagedPage(path: directory, page: page)
            case .raced: continue
            }
        }
    }

    /// The structural check of every page (``PageCheck/Scope/everything``), in a read transaction; the first
    /// damaged page, or nil. When commits keep changing the meta pages before the check can read them, it gives
    /// up after ``PageCheck/attempts`` tries and returns nil: a racing commit is never reported as damage.
    func checkPages() throws(EventStoreError) -> DamagedPage? {
        for _ in 0..<PageCheck.attempts {
            let outcome = try read { (txn) throws(EventStoreError) in
                try PageCheck.run(env: pointer, txn: txn.pointer, scope: .everything)
            }
            switch outcome {
            case .intact: return nil
            case .damaged(let page): return page
            case .raced: continue
            }
        }
        return nil
    }

    /// A raw transaction used only while opening, before the environment object exists.
    private static func transaction(
        _ env: OpaquePointer, readOnly: Bool, _ body: (OpaquePointer) throws(EventStoreError) -> Void
    ) throws(EventStoreError) {
        var txn: OpaquePointer?
        try lmdbCheck(mdb_txn_begin(env, nil, readOnly ? UInt32(MDB_RDONLY) : 0, &txn), "mdb_txn_begin")
        do {
            try body(txn!)
        } catch {
            mdb_txn_abort(txn)
            throw error
        }
        // Committing (even a read-only transaction) keeps the database handles it opened valid.
        try lmdbCheck(mdb_txn_commit(txn), "mdb_txn_commit")
    }

    // MARK: Transactions

    /// Runs `body` in a read-only transaction (`mdb_txn_begin` with `MDB_RDONLY`, then `mdb_txn_abort`).
    ///
    /// Bytes handed out by the transaction are valid only inside `body`: copy what you keep. Keep `body` short —
    /// an open read transaction pins the pages it sees and makes the file grow under a busy writer.
    func read<R>(_ body: (Transaction) throws(EventStoreError) -> R) throws(EventStoreError) -> R {
        while true {
            let attempt: Result<R, EventStoreError>? = resizeLock.shared { () -> Result<R, EventStoreError>? in
                var txn: OpaquePointer?
                let code = mdb_txn_begin(pointer, nil, UInt32(MDB_RDONLY), &txn)
                if code == MDB_MAP_RESIZED { return nil }
                if code != MDB_SUCCESS { return .failure(lmdbError(code, "mdb_txn_begin")) }
                defer { mdb_txn_abort(txn) }
                do throws(EventStoreError) {
                    return .success(try body(Transaction(pointer: txn!, databases: databases, map: map, isReadOnly: true)))
                } catch {
                    return .failure(error)
                }
            }
            if let attempt { return try attempt.get() }
            try adoptGrownMap()
        }
    }

    /// Runs `body` in a write transaction and commits it (`mdb_txn_begin`, `mdb_txn_commit`); aborts if `body`
    /// throws. Called only on the writer thread, so begin and commit happen on one thread with nothing awaited
    /// in between.
    func write<R>(_ body: (Transaction) throws(EventStoreError) -> R) throws(EventStoreError) -> R {
        if isReadOnly { throw .readOnly(path: path) }
        while true {
            let attempt: Result<R, EventStoreError>? = resizeLock.shared { () -> Result<R, EventStoreError>? in
                var txn: OpaquePointer?
                let code = mdb_txn_begin(pointer, nil, 0, &txn)
                if code == MDB_MAP_RESIZED { return nil }
                if code != MDB_SUCCESS { return .failure(lmdbError(code, "mdb_txn_begin")) }
                let value: R
                do throws(EventStoreError) {
                    value = try body(Transaction(pointer: txn!, databases: databases, map: map, isReadOnly: false))
                } catch {
                    mdb_txn_abort(txn)
                    return .failure(error)
                }
                let commit = mdb_txn_commit(txn)
                if commit != MDB_SUCCESS { return .failure(Self.writeError(commit, "mdb_txn_commit", path: path)) }
                return .success(value)
            }
            if let attempt { return try attempt.get() }
            try adoptGrownMap()
        }
    }

    /// The error for a failed write: the file-system conditions users can act on get ``EventStoreError/writeFailed(path:errno:)``.
    static func writeError(_ code: Int32, _ function: StaticString, path: String) -> EventStoreError {
        [EIO, ENOSPC, EROFS, EDQUOT, EFBIG].contains(code) ? .writeFailed(path: path, errno: code) : lmdbError(code, function)
    }

    // MARK: Map size

    /// The current map size in bytes (`mdb_env_info`).
    var mapSize: Int {
        var info = MDB_envinfo()
        mdb_env_info(pointer, &info)
        return info.me_mapsize
    }

    /// Another process grew the map (`MDB_MAP_RESIZED`): adopt its size (`mdb_env_set_mapsize(env, 0)`) while no
    /// transaction of this process is open.
    private func adoptGrownMap() throws(EventStoreError) {
        try resizeLock.exclusive { () throws(EventStoreError) in
            try lmdbCheck(mdb_env_set_mapsize(pointer, 0), "mdb_env_set_mapsize")
            try map.locate(pointer)
        }
    }

    /// The map is full (`MDB_MAP_FULL`): double it (by at most 4 GiB at a time) while no transaction of this
    /// process is open. The caller retries its whole transaction afterwards.
    func growMap() throws(EventStoreError) {
        try resizeLock.exclusive { () throws(EventStoreError) in
            let current = mapSize
            let step = min(max(current, 1 << 20), 4 << 30)
            try lmdbCheck(mdb_env_set_mapsize(pointer, current + step), "mdb_env_set_mapsize")
            try map.locate(pointer)
        }
    }

    /// Turns `MDB_NOSYNC` on or off (`mdb_env_set_flags`). Only the writer thread calls this, between commits.
    func setSyncOnCommit(_ sync: Bool) throws(EventStoreError) {
        try lmdbCheck(mdb_env_set_flags(pointer, UInt32(MDB_NOSYNC), sync ? 0 : 1), "mdb_env_set_flags")
    }

    /// Flushes committed data to disk (`mdb_env_sync` with `force`).
    func sync() throws(EventStoreError) {
        if isReadOnly { return }
        try lmdbCheck(mdb_env_sync(pointer, 1), "mdb_env_sync")
    }

    /// Live read transactions across all processes (`mdb_reader_list`), and the slots available
    /// (`mdb_env_info`). Zero live readers when the store was opened without a lock file.
    var readers: (active: Int, maximum: Int) {
        var info = MDB_envinfo()
        mdb_env_info(pointer, &info)
        if isLockFree { return (0, Int(info.me_maxreaders)) }
        var lines = 0
        withUnsafeMutablePointer(to: &lines) { counter in
            _ = mdb_reader_list(pointer, { message, context in
                // One line per live reader, after a header line ("pid thread txnid") or "(no active readers)".
                guard let message, let context else { return 0 }
                let line = String(cString: message)
                if line.hasPrefix("    pid") || line.hasPrefix("(no active") { return 0 }
                context.assumingMemoryBound(to: Int.self).pointee += 1
                return 0
            }, counter)
        }
        return (lines, Int(info.me_maxreaders))
    }

    /// Frees the reader slots of processes that died while reading (`mdb_reader_check`); returns how many.
    @discardableResult
    func clearStaleReaders() throws(EventStoreError) -> Int {
        if isLockFree { return 0 }
        var dead: Int32 = 0
        try lmdbCheck(mdb_reader_check(pointer, &dead), "mdb_reader_check")
        return Int(dead)
    }

    /// The size of `data.mdb` on disk.
    var fileSize: UInt64 { Self.fileSize(path + "/data.mdb") }
}

extension Databases {
    init(_ handles: [MDB_dbi]) {
        self.init(log: handles[0], streams: handles[1], heads: handles[2], ids: handles[3], snapshots: handles[4], meta: handles[5])
    }
}

/// The store's clock: UTC microseconds since 1970.
enum Clock {
    static func microsecondsNow() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec / 1000)
    }
}
