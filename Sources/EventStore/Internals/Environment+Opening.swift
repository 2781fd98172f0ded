internal import Primitives
internal import Foundation

// Opening a store: the LMDB environment with the store's limits, the checks before LMDB reads a tree (a file cut
// short, damaged pages on the paths opening reads), and the store's databases and metadata — looked up, or
// created for a new store. Only ``Environment/init(directory:readOnly:initialMapSize:)`` calls these, before the
// environment object exists, so they work on the bare handle.
extension Environment {
    /// `mdb_env_create`, the store's limits, and `mdb_env_open`. Returns the handle and `mdb_env_open`'s error, if
    /// it failed; then the caller must close the handle.
    static func openEnvironment(
        _ directory: String, options: EnvironmentHandle.Options, mapSize: Int?
    ) throws(EventStoreError) -> (env: EnvironmentHandle, failure: LMDBError?) {
        let env = try EnvironmentHandle.create()
        do throws(EventStoreError) {
            try env.setMaximumDatabases(Databases.names.count + 2)
            try env.setMaximumReaders(510)
            if let mapSize { try env.setMapSize(mapSize) }
        } catch {
            env.close()
            throw error
        }
        do throws(LMDBError) {
            try env.open(directory, options: options, mode: 0o600)
            return (env, nil)
        } catch {
            return (env, error)
        }
    }

    /// LMDB maps the file; touching a page beyond its end would kill the process with SIGBUS. Refuse instead.
    static func checkNotTruncated(_ env: EnvironmentHandle, directory: String, dataPath: String) throws(EventStoreError) {
        let info = try env.info()
        let pageSize = try env.pageSize()
        // The last page number comes from the meta page as it is on disk: any 64-bit value, so no trapping arithmetic.
        let pages = info.lastPage &+ 1
        let (product, overflow) = pages.multipliedReportingOverflow(by: UInt64(pageSize))
        let needed = pages == 0 || overflow ? UInt64.max : product
        let actual = fileSize(dataPath)
        if actual < needed {
            throw .truncatedStore(path: directory, expectedBytes: needed, actualBytes: actual)
        }
    }

    /// The store's databases, id and format: looked up in an existing store, or created in a new one.
    static func openDatabases(
        _ env: EnvironmentHandle, directory: String, readOnly: Bool, hasStoreIDFile: Bool, map: MapBounds
    ) throws(EventStoreError) -> (databases: Databases, storeID: UUID, format: UInt32) {
        // First look without creating anything, so a foreign environment is never modified.
        var existing: (Databases, UUID, UInt32)?
        var isEmpty = false
        try transaction(env, readOnly: true) { (txn) throws(EventStoreError) in
            let main = try txn.openDatabase(nil)
            if try txn.entryCount(main) == 0 {
                isEmpty = true
                return
            }
            let metaHandle: DatabaseHandle
            do throws(EventStoreError) {
                metaHandle = try txn.openDatabase("meta")
            } catch {
                if error.lmdbCode == .notFound || error.lmdbCode == .incompatible {
                    throw EventStoreError.notAStore(path: directory, reason: Wording(de: "eine LMDB-Umgebung ohne Metadaten eines Strategiespeichers", en: "an LMDB environment without strategy-store metadata"))
                }
                throw error
            }
            let found = try readMeta(txn, metaHandle, directory: directory, map: map)
            var handles: [DatabaseHandle] = []
            for name in Databases.names {
                do throws(EventStoreError) {
                    handles.append(try txn.openDatabase(name))
                } catch {
                    if error.lmdbCode == .notFound {
                        throw EventStoreError.notAStore(path: directory, reason: Wording(de: "die Datenbank '\(name)' fehlt", en: "the database '\(name)' is missing"))
                    }
                    throw error
                }
            }
            existing = (Databases(handles), found.storeID, found.format)
        }
        if let (databases, storeID, format) = existing {
            guard !readOnly, format < currentFormat else { return (databases, storeID, format) }
            return (databases, storeID, try upgrade(env, databases: databases, directory: directory, map: map))
        }
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
            if let metaHandle = try? txn.openDatabase("meta") {
                let found = try readMeta(txn, metaHandle, directory: directory, map: map)
                var handles: [DatabaseHandle] = []
                for name in Databases.names {
                    handles.append(try txn.openDatabase(name))
                }
                created = (Databases(handles), found.storeID, found.format)
                return
            }
            var handles: [DatabaseHandle] = []
            for name in Databases.names {
                handles.append(try txn.openDatabase(name, create: true))
            }
            let databases = Databases(handles)
            let storeID = UUID()
            let transactionView = Transaction(handle: txn, databases: databases, map: map, isReadOnly: false)
            try transactionView.put(databases.meta, Array("format".utf8), Keys.position(UInt64(currentFormat)))
            try transactionView.put(databases.meta, Array("store-id".utf8), Keys.eventID(storeID))
            try transactionView.put(
                databases.meta, Array("created-at".utf8), Keys.position(UInt64(bitPattern: Clock.microsecondsNow())))
            created = (databases, storeID, currentFormat)
        }
        return created!
    }

    /// Brings a store of an older format to ``currentFormat`` in one write transaction, and returns the format it
    /// has then. Only derived data changes: format 1 → 2 empties the `heads` database, whose heads the stream
    /// index now gives. Another process may have upgraded it since the look; the format is read again inside.
    ///
    /// A process of an older build that still has the store open (it read format 1) would find no head in
    /// `heads` and refuse its next append with a conflict in the stream index: it writes nothing wrong, but all
    /// processes that write a store should be upgraded together.
    static func upgrade(
        _ env: EnvironmentHandle, databases: Databases, directory: String, map: MapBounds
    ) throws(EventStoreError) -> UInt32 {
        var format: UInt32 = 0
        try transaction(env, readOnly: false) { (txn) throws(EventStoreError) in
            format = try readMeta(txn, databases.meta, directory: directory, map: map).format
            guard format == 1 else { return }  // another process upgraded it meanwhile
            try txn.empty(databases.heads)
            format = 2
            let view = Transaction(handle: txn, databases: databases, map: map, isReadOnly: false)
            try view.put(databases.meta, Array("format".utf8), Keys.position(UInt64(format)))
        }
        return format
    }

    /// The store's format version and id from its `meta` database.
    private static func readMeta(
        _ txn: TransactionHandle, _ meta: DatabaseHandle, directory: String, map: MapBounds
    ) throws(EventStoreError) -> (storeID: UUID, format: UInt32) {
        // Only the meta database is open yet; the other handles name none.
        let none = DatabaseHandle.max
        let view = Transaction(handle: txn, databases: Databases([none, none, none, none, none, meta]), map: map, isReadOnly: true)
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
    static func checkPagesWhileOpening(
        _ env: EnvironmentHandle, directory: String, writable: Bool, map: MapBounds
    ) throws(EventStoreError) {
        for _ in 0..<PageCheck.attempts {
            let txn: TransactionHandle
            do throws(EventStoreError) {
                txn = try env.beginTransaction(readOnly: true)
            } catch {
                guard error.lmdbCode == .mapResized else { throw error }
                try env.setMapSize(0)
                try map.locate(env)
                continue
            }
            let outcome: PageCheck.Outcome
            do throws(EventStoreError) {
                outcome = try PageCheck.run(env: env, txn: txn, scope: .opening(writable: writable))
            } catch {
                txn.abort()
                throw error
            }
            txn.abort()
            switch outcome {
            case .intact: return
            case .damaged(let page): throw .damagedPage(path: directory, page: page)
            case .raced: continue
            }
        }
    }

    /// A raw transaction used only while opening, before the environment object exists: committed when `body`
    /// returns, aborted when it throws.
    private static func transaction(
        _ env: EnvironmentHandle, readOnly: Bool, _ body: (TransactionHandle) throws(EventStoreError) -> Void
    ) throws(EventStoreError) {
        let txn = try env.beginTransaction(readOnly: readOnly)
        do throws(EventStoreError) {
            try body(txn)
        } catch {
            txn.abort()
            throw error
        }
        // Committing (even a read-only transaction) keeps the database handles it opened valid.
        try txn.commit()
    }
}

extension Databases {
    /// The handles in the order of ``names``.
    init(_ handles: [DatabaseHandle]) {
        self.init(log: handles[0], streams: handles[1], heads: handles[2], ids: handles[3], snapshots: handles[4], meta: handles[5])
    }
}
