internal import CLMDB
internal import Foundation
internal import Synchronization

/// An LMDB environment handle (`MDB_env *`), without ownership: ``Environment`` owns the one of a store and closes
/// it. The wrappers of LMDB's environment functions; see `LMDB.swift` for the layer's rules.
struct EnvironmentHandle: @unchecked Sendable {
    // @unchecked: a handle is only an address. Which thread may use it for what is ``Environment``'s rule (read
    // transactions from any thread with `MDB_NOTLS`, write transactions on the writer thread only).

    let pointer: OpaquePointer

    /// The flags of `mdb_env_open` and `mdb_env_set_flags` the store uses.
    struct Options: OptionSet {
        let rawValue: UInt32

        /// `MDB_NOTLS`: read transactions belong to no thread, so any thread may run them.
        static let noThreadLocalStorage = Options(rawValue: UInt32(MDB_NOTLS))
        /// `MDB_RDONLY`: open for reading only.
        static let readOnly = Options(rawValue: UInt32(MDB_RDONLY))
        /// `MDB_NOLOCK`: no lock file; safe only while no other process writes.
        static let noLock = Options(rawValue: UInt32(MDB_NOLOCK))
        /// `MDB_NOSYNC`: commits are not flushed to disk.
        static let noSync = Options(rawValue: UInt32(MDB_NOSYNC))
    }

    /// What `mdb_env_info` reports.
    struct Info {
        /// `me_mapsize`: the map's size in bytes.
        var mapSize: Int
        /// `me_last_pgno`: the last page in use, as the meta page on disk says (any 64-bit value).
        var lastPage: UInt64
        /// `me_maxreaders`: the reader slots of the lock file.
        var maximumReaders: Int
    }

    /// `mdb_env_create`: a new handle, not yet open. Close it with ``close()`` whatever happens next.
    static func create() throws(EventStoreError) -> EnvironmentHandle {
        var pointer: OpaquePointer?
        try lmdbCheck(mdb_env_create(&pointer), "mdb_env_create")
        guard let pointer else { throw lmdbError(ENOMEM, "mdb_env_create") }
        return EnvironmentHandle(pointer: pointer)
    }

    /// Counts the changes to this process's mappings of LMDB files: every ``open(_:options:mode:)``,
    /// ``setMapSize(_:)`` and ``close()`` adds one once LMDB has (un)mapped. ``MapBounds`` looks at
    /// `/proc/self/maps` again only when this moved since its last look.
    static let mappingGeneration = Atomic<UInt64>(0)

    /// `mdb_env_close`. The handle is unusable afterwards.
    func close() {
        mdb_env_close(pointer)
        Self.mappingGeneration.add(1, ordering: .releasing)
    }

    /// `mdb_env_set_maxdbs`: how many named databases may be opened. Before ``open(_:options:mode:)`` only.
    func setMaximumDatabases(_ count: Int) throws(EventStoreError) {
        try lmdbCheck(mdb_env_set_maxdbs(pointer, MDB_dbi(count)), "mdb_env_set_maxdbs")
    }

    /// `mdb_env_set_maxreaders`: the reader slots of the lock file. Before ``open(_:options:mode:)`` only.
    func setMaximumReaders(_ count: Int) throws(EventStoreError) {
        try lmdbCheck(mdb_env_set_maxreaders(pointer, UInt32(count)), "mdb_env_set_maxreaders")
    }

    /// `mdb_env_set_mapsize`: the map's size in bytes; 0 after open adopts the size another process grew it to.
    /// Only while this process has no transaction open.
    func setMapSize(_ size: Int) throws(EventStoreError) {
        defer { Self.mappingGeneration.add(1, ordering: .releasing) }
        try lmdbCheck(mdb_env_set_mapsize(pointer, size), "mdb_env_set_mapsize")
    }

    /// `mdb_env_open` of the environment in `directory`.
    ///
    /// Throws the bare ``LMDBError``, not ``EventStoreError``: opening looks at its code (a file that is no LMDB
    /// file, a lock file it may not write, a system error) to say what is wrong. After a failure LMDB leaves the
    /// handle unusable: close it.
    func open(_ directory: String, options: Options, mode: mode_t) throws(LMDBError) {
        let code = mdb_env_open(pointer, directory, options.rawValue, mode)
        Self.mappingGeneration.add(1, ordering: .releasing)
        if code != MDB_SUCCESS { throw LMDBError(code, "mdb_env_open") }
    }

    /// `mdb_env_set_flags`: turns `options` on or off.
    func setOptions(_ options: Options, on: Bool) throws(EventStoreError) {
        try lmdbCheck(mdb_env_set_flags(pointer, options.rawValue, on ? 1 : 0), "mdb_env_set_flags")
    }

    /// `mdb_env_sync`: flushes committed data to disk; with `force`, also when `MDB_NOSYNC` is set.
    func sync(force: Bool) throws(EventStoreError) {
        try lmdbCheck(mdb_env_sync(pointer, force ? 1 : 0), "mdb_env_sync")
    }

    /// `mdb_env_info`.
    func info() throws(EventStoreError) -> Info {
        var info = MDB_envinfo()
        try lmdbCheck(mdb_env_info(pointer, &info), "mdb_env_info")
        return Info(
            mapSize: info.me_mapsize, lastPage: UInt64(truncatingIfNeeded: info.me_last_pgno),
            maximumReaders: Int(info.me_maxreaders))
    }

    /// `mdb_env_stat`: the page size (`ms_psize`), as the meta page on disk says.
    func pageSize() throws(EventStoreError) -> Int {
        var stat = MDB_stat()
        try lmdbCheck(mdb_env_stat(pointer, &stat), "mdb_env_stat")
        return Int(stat.ms_psize)
    }

    /// `mdb_env_get_fd`: the descriptor of `data.mdb`, which LMDB owns (never close it).
    func fileDescriptor() throws(EventStoreError) -> Int32 {
        var descriptor: mdb_filehandle_t = -1
        try lmdbCheck(mdb_env_get_fd(pointer, &descriptor), "mdb_env_get_fd")
        return descriptor
    }

    /// `mdb_env_get_path`: the directory the environment was opened in.
    func path() throws(EventStoreError) -> String {
        var path: UnsafePointer<CChar>?
        try lmdbCheck(mdb_env_get_path(pointer, &path), "mdb_env_get_path")
        return path.map { String(cString: $0) } ?? ""
    }

    /// `mdb_reader_check`: frees the reader slots of processes that died while reading; returns how many.
    func clearStaleReaders() throws(EventStoreError) -> Int {
        var dead: Int32 = 0
        try lmdbCheck(mdb_reader_check(pointer, &dead), "mdb_reader_check")
        return Int(dead)
    }

    /// `mdb_reader_list`: the live read transactions across all processes (one line each in LMDB's listing).
    func liveReaders() -> Int {
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
        return lines
    }

    /// `mdb_txn_begin`: a new top-level transaction, read-only or read-write. End it with
    /// ``TransactionHandle/commit()`` or ``TransactionHandle/abort()``. Throws with ``LMDBError/Code/mapResized``
    /// when another process grew the map: adopt its size (``setMapSize(_:)`` with 0) and begin again.
    func beginTransaction(readOnly: Bool) throws(EventStoreError) -> TransactionHandle {
        var txn: OpaquePointer?
        try lmdbCheck(mdb_txn_begin(pointer, nil, readOnly ? UInt32(MDB_RDONLY) : 0, &txn), "mdb_txn_begin")
        return TransactionHandle(pointer: txn!)
    }
}
