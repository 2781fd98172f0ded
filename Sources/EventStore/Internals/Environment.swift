internal import Primitives
internal import Foundation

/// One open LMDB environment: its handle (``EnvironmentHandle``), the store's named databases and the resize lock.
///
/// There is exactly one per store directory per process (see ``EnvironmentRegistry``): LMDB's locks are
/// per-process, and closing a second handle to the same files would release the first one's locks.
/// Transactions exist only inside ``read(_:)`` and ``write(_:)`` closures, which keep `self` alive, so no
/// transaction outlives its environment; `deinit` closes the environment (`mdb_env_close`).
///
/// Opening — the checks before LMDB reads anything, creating a new store's databases, reading its metadata — is
/// in `Environment+Opening.swift`; this file holds the open environment's life: transactions, the map's size,
/// syncing and the reader table.
final class Environment: @unchecked Sendable {
    // @unchecked: `handle` is used only under LMDB's own rules — read transactions from any thread (MDB_NOTLS),
    // write transactions on the writer thread only — and map resizes are serialized by `resizeLock`.

    let handle: EnvironmentHandle
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

    /// The store format this library writes; it reads every format from 1 on.
    ///
    /// - 1: stream heads kept in the `heads` database.
    /// - 2: stream heads derived from the stream index (``StreamIndex``); `heads` stays, empty. A format-1 store
    ///   becomes format 2 when it is first opened for writing (`upgrade` in `Environment+Opening.swift`).
    static let currentFormat: UInt32 = 2

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

        let baseOptions: EnvironmentHandle.Options = readOnly ? [.noThreadLocalStorage, .readOnly] : [.noThreadLocalStorage]
        var lockFree = false
        if readOnly {
            // A reader creates nothing: without a lock file nobody has the store open, so it reads without locks.
            lockFree = !fileManager.fileExists(atPath: store.lockPath)
        } else {
            try store.prepareLockFile()
        }
        var opened = try Self.openEnvironment(
            directory, options: baseOptions.union(lockFree ? .noLock : []), mapSize: dataExists ? nil : initialMapSize)
        if let code = opened.failure?.code, code == .permissionDenied || code == .readOnlyFileSystem, readOnly, !lockFree {
            // The user may read the store but not its lock file: open without LMDB's locks. A failed
            // mdb_env_open leaves its handle unusable, so this is a new one.
            opened.env.close()
            opened = try Self.openEnvironment(directory, options: baseOptions.union(.noLock), mapSize: nil)
            lockFree = true
        }
        let env = opened.env
        let map: MapBounds
        let pageSize: Int
        do throws(EventStoreError) {
            if let failure = opened.failure {
                switch failure.code {
                case .invalid:
                    if store.hasStoreIDFile || store.dataFileHasLMDBMagic(pageSize: systemPageSize) {
                        throw EventStoreError.damagedStore(
                            path: directory,
                            reason: Wording(de: "der LMDB-Kopf von data.mdb (seine Metaseiten) ist ungültig; die Datei wurde beschädigt oder überschrieben", en: "data.mdb's LMDB header (its meta pages) is invalid; the file was damaged or overwritten"))
                    }
                    throw EventStoreError.notAStore(path: directory, reason: Wording(de: "data.mdb ist keine LMDB-Datenbankdatei", en: "data.mdb is not an LMDB database file"))
                case .versionMismatch:
                    throw EventStoreError.notAStore(path: directory, reason: Wording(de: "data.mdb wurde von einer inkompatiblen LMDB-Version geschrieben", en: "data.mdb was written by an incompatible LMDB version"))
                case .permissionDenied:
                    throw EventStoreError.io(path: directory, operation: Wording(de: "Öffnen des Speichers", en: "opening the store"), errno: EACCES)
                case .readOnlyFileSystem, .noSpace, .inputOutput, .quotaExceeded:
                    throw EventStoreError.writeFailed(path: directory, errno: failure.code.rawValue)
                case .tooManySymbolicLinks, .noSuchFile, .notADirectory:
                    let text = String(cString: strerror(failure.code.rawValue))
                    throw EventStoreError.notAStore(path: directory, reason: Wording(de: text, en: text))
                default:
                    throw EventStoreError.lmdb(failure)
                }
            }
            try Self.checkNotTruncated(env, directory: directory, dataPath: dataPath)
            map = try MapBounds(environment: env, dataPath: dataPath)
            // Before LMDB reads any tree: the pages opening reads must hold together.
            try Self.checkPagesWhileOpening(env, directory: directory, writable: !readOnly, map: map)
            if !lockFree { _ = try env.clearStaleReaders() }
            pageSize = try env.pageSize()
        } catch {
            env.close()
            throw error
        }
        if !readOnly {
            store.restrictPermissions(dataPath)
            store.restrictPermissions(store.lockPath)
        }

        do throws(EventStoreError) {
            let opened = try Self.openDatabases(
                env, directory: directory, readOnly: readOnly, hasStoreIDFile: store.hasStoreIDFile, map: map)
            self.databases = opened.databases
            self.storeID = opened.storeID
            self.formatVersion = opened.format
        } catch {
            env.close()
            throw error
        }
        // The directory remembers which store it holds, outside data.mdb, so that a data file copied from another
        // store is recognised.
        let recorded: UUID?
        do throws(EventStoreError) {
            recorded = readOnly ? store.recordedStoreID() : try store.recordStoreID(storeID)
        } catch {
            env.close()
            throw error
        }
        if let recorded, recorded != storeID {
            if !readOnly {
                env.close()
                throw .notAStore(path: directory, reason: Wording(de: "data.mdb gehört zum Speicher \(storeID.uuidString.lowercased()), dieses Verzeichnis enthielt aber den Speicher \(recorded.uuidString.lowercased()); öffnen Sie ihn nur lesend, um ihn zu untersuchen", en: "data.mdb belongs to store \(storeID.uuidString.lowercased()), but this directory held store \(recorded.uuidString.lowercased()); open it read-only to inspect it"))
            }
            self.foreignDataFile = recorded
        } else {
            self.foreignDataFile = nil
        }
        self.handle = env
        self.map = map
        self.path = directory
        self.isReadOnly = readOnly
        self.isLockFree = lockFree
        self.pageSize = pageSize
    }

    deinit {
        handle.close()
    }

    /// The structural check of every page (``PageCheck/Scope/everything``), in a read transaction; the first
    /// damaged page, or nil. When commits keep changing the meta pages before the check can read them, it gives
    /// up after ``PageCheck/attempts`` tries and returns nil: a racing commit is never reported as damage.
    func checkPages() throws(EventStoreError) -> DamagedPage? {
        for _ in 0..<PageCheck.attempts {
            let outcome = try read { (txn) throws(EventStoreError) in
                try PageCheck.run(env: handle, txn: txn.handle, scope: .everything)
            }
            switch outcome {
            case .intact: return nil
            case .damaged(let page): return page
            case .raced: continue
            }
        }
        return nil
    }

    // MARK: Transactions

    /// Runs `body` in a read-only transaction (`mdb_txn_begin` with `MDB_RDONLY`, then `mdb_txn_abort`).
    ///
    /// Bytes handed out by the transaction are valid only inside `body`: copy what you keep. Keep `body` short —
    /// an open read transaction pins the pages it sees and makes the file grow under a busy writer.
    func read<R>(_ body: (Transaction) throws(EventStoreError) -> R) throws(EventStoreError) -> R {
        while true {
            let attempt: Result<R, EventStoreError>? = resizeLock.shared { () -> Result<R, EventStoreError>? in
                let txn: TransactionHandle
                do throws(EventStoreError) {
                    txn = try handle.beginTransaction(readOnly: true)
                } catch {
                    return error.lmdbCode == .mapResized ? nil : .failure(error)
                }
                defer { txn.abort() }
                do throws(EventStoreError) {
                    return .success(try body(Transaction(handle: txn, databases: databases, map: map, isReadOnly: true)))
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
                let txn: TransactionHandle
                do throws(EventStoreError) {
                    txn = try handle.beginTransaction(readOnly: false)
                } catch {
                    return error.lmdbCode == .mapResized ? nil : .failure(error)
                }
                let value: R
                do throws(EventStoreError) {
                    value = try body(Transaction(handle: txn, databases: databases, map: map, isReadOnly: false))
                } catch {
                    txn.abort()
                    return .failure(error)
                }
                do throws(EventStoreError) {
                    try txn.commit()
                } catch {
                    return .failure(Self.writeError(error, path: path))
                }
                return .success(value)
            }
            if let attempt { return try attempt.get() }
            try adoptGrownMap()
        }
    }

    /// The error for a failed write: the file-system conditions users can act on get ``EventStoreError/writeFailed(path:errno:)``.
    static func writeError(_ error: EventStoreError, path: String) -> EventStoreError {
        guard let code = error.lmdbCode,
              [.inputOutput, .noSpace, .readOnlyFileSystem, .quotaExceeded, .fileTooLarge].contains(code) else { return error }
        return .writeFailed(path: path, errno: code.rawValue)
    }

    // MARK: Map size

    /// The current map size in bytes (`mdb_env_info`).
    var mapSize: Int {
        (try? handle.info())?.mapSize ?? 0
    }

    /// Another process grew the map (`MDB_MAP_RESIZED`): adopt its size (`mdb_env_set_mapsize(env, 0)`) while no
    /// transaction of this process is open.
    private func adoptGrownMap() throws(EventStoreError) {
        try resizeLock.exclusive { () throws(EventStoreError) in
            try handle.setMapSize(0)
            try map.locate(handle)
        }
    }

    /// The map is full (`MDB_MAP_FULL`): double it (by at most 4 GiB at a time) while no transaction of this
    /// process is open. The caller retries its whole transaction afterwards.
    func growMap() throws(EventStoreError) {
        try resizeLock.exclusive { () throws(EventStoreError) in
            let current = mapSize
            let step = min(max(current, 1 << 20), 4 << 30)
            try handle.setMapSize(current + step)
            try map.locate(handle)
        }
    }

    /// Turns `MDB_NOSYNC` on or off (`mdb_env_set_flags`). Only the writer thread calls this, between commits.
    func setSyncOnCommit(_ sync: Bool) throws(EventStoreError) {
        try handle.setOptions(.noSync, on: !sync)
    }

    /// Flushes committed data to disk (`mdb_env_sync` with `force`).
    func sync() throws(EventStoreError) {
        if isReadOnly { return }
        try handle.sync(force: true)
    }

    /// Live read transactions across all processes (`mdb_reader_list`), and the slots available
    /// (`mdb_env_info`). Zero live readers when the store was opened without a lock file.
    var readers: (active: Int, maximum: Int) {
        let maximum = (try? handle.info())?.maximumReaders ?? 0
        if isLockFree { return (0, maximum) }
        return (handle.liveReaders(), maximum)
    }

    /// Frees the reader slots of processes that died while reading (`mdb_reader_check`); returns how many.
    @discardableResult
    func clearStaleReaders() throws(EventStoreError) -> Int {
        if isLockFree { return 0 }
        return try handle.clearStaleReaders()
    }

    /// The size of `data.mdb` on disk.
    var fileSize: UInt64 { Self.fileSize(path + "/data.mdb") }

    /// The size of the file at `path` (`stat(2)`), 0 when it cannot be read.
    static func fileSize(_ path: String) -> UInt64 {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return UInt64(info.st_size)
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
