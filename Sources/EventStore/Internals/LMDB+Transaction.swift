internal import CLMDB
internal import Primitives

/// An LMDB transaction handle (`MDB_txn *`), as ``EnvironmentHandle/beginTransaction(readOnly:)`` returns it: the
/// wrappers that begin-to-end code needs (commit, abort, opening databases). Reads and writes go through
/// ``Transaction``, which checks what LMDB hands out. See `LMDB.swift` for the layer's rules.
struct TransactionHandle {
    let pointer: OpaquePointer

    /// `mdb_txn_commit`. The handle is unusable afterwards, also when the commit fails.
    func commit() throws(EventStoreError) {
        try lmdbCheck(mdb_txn_commit(pointer), "mdb_txn_commit")
    }

    /// `mdb_txn_abort`. The handle is unusable afterwards.
    func abort() {
        mdb_txn_abort(pointer)
    }

    /// `mdb_txn_id`: the transaction's id, the snapshot it reads.
    var id: UInt64 {
        UInt64(mdb_txn_id(pointer))
    }

    /// `mdb_dbi_open`: the named database `name`, or LMDB's main database for nil; with `create`, made when it is
    /// missing (in a write transaction). Throws with ``LMDBError/Code/notFound`` when it is missing and
    /// ``LMDBError/Code/incompatible`` when `name` is a key of the main database, not a database.
    func openDatabase(_ name: String?, create: Bool = false) throws(EventStoreError) -> DatabaseHandle {
        var handle: MDB_dbi = 0
        let flags = create ? UInt32(MDB_CREATE) : 0
        let code = if let name { mdb_dbi_open(pointer, name, flags, &handle) } else { mdb_dbi_open(pointer, nil, flags, &handle) }
        try lmdbCheck(code, "mdb_dbi_open")
        return handle
    }

    /// `mdb_drop` with `del` 0: removes every entry of `database` and keeps the database. Write transactions only.
    func empty(_ database: DatabaseHandle) throws(EventStoreError) {
        try lmdbCheck(mdb_drop(pointer, database, 0), "mdb_drop")
    }

    /// `mdb_stat`: the number of entries in a database.
    func entryCount(_ database: DatabaseHandle) throws(EventStoreError) -> Int {
        var stat = MDB_stat()
        try lmdbCheck(mdb_stat(pointer, database, &stat), "mdb_stat")
        return stat.ms_entries
    }
}

/// The flags of `mdb_put` the store uses.
struct PutOptions: OptionSet {
    let rawValue: UInt32

    /// `MDB_NOOVERWRITE`: fail with ``LMDBError/Code/keyExists`` rather than replace a value.
    static let noOverwrite = PutOptions(rawValue: UInt32(MDB_NOOVERWRITE))
    /// `MDB_APPEND`: the key sorts after every key of the database (no B-tree search).
    static let append = PutOptions(rawValue: UInt32(MDB_APPEND))
}

/// A transaction, valid only inside the closure it was handed to (see ``Environment/read(_:)``).
///
/// Read-only or read-write, it is never stored or sent elsewhere: LMDB requires a write transaction to begin and
/// commit on one thread, and no transaction may outlive its environment.
///
/// Every key and value LMDB hands out is checked to lie inside the mapped file (``MapBounds``) before it is
/// returned: a damaged page that describes bytes outside `data.mdb` gives ``EventStoreError/corruptRecord(position:reason:)``
/// naming the database and key, never a fault when the bytes are read.
struct Transaction {
    let handle: TransactionHandle
    let databases: Databases
    let map: MapBounds
    /// False in a write transaction, whose changed pages LMDB keeps outside the map.
    let isReadOnly: Bool

    /// `mdb_get`: the value for `key`, or nil. The returned bytes live until the transaction ends.
    func get(_ database: DatabaseHandle, _ key: UnsafeRawBufferPointer) throws(EventStoreError) -> UnsafeRawBufferPointer? {
        let index = databases.index(of: database)
        if let index { ReadProgress.note(database: index, position: index == 0 ? Keys.readPosition(key) : nil) }
        var data = MDB_val()
        let code = try withValue(key) { (keyValue: inout MDB_val) throws(EventStoreError) -> Int32 in
            mdb_get(handle.pointer, database, &keyValue, &data)
        }
        if code == MDB_NOTFOUND { return nil }
        try lmdbCheck(code, "mdb_get")
        guard map.contains(data, writable: !isReadOnly) else {
            throw outsideFile(data, database: index, key: Self.of(Keys.describe(key, database: index)), position: index == 0 ? Keys.readPosition(key) : nil)
        }
        return data.buffer
    }

    /// "of" a key: `of position 5` / `von Position 5`.
    static func of(_ key: Wording) -> Wording {
        Wording(de: "von \(key.de)", en: "of \(key.en)")
    }

    /// The error for a key or value that LMDB places outside the mapped file: the page holding it is damaged.
    /// `owner` says whose key or value it is, with its preposition (``of(_:)``).
    func outsideFile(
        _ value: MDB_val, database index: Int?, key owner: Wording, position: UInt64?, isKey: Bool = false
    ) -> EventStoreError {
        let name = index.map { "'\(Databases.names[$0])'" } ?? "LMDB's main database"
        let germanDatabase = index.map { "der Datenbank '\(Databases.names[$0])'" } ?? "der Hauptdatenbank von LMDB"
        return .corruptRecord(
            position: position ?? 0,
            reason: Wording(
                de: "LMDB legt \(isKey ? "den Schlüssel" : "den Wert") \(owner.de) in \(germanDatabase) (\(value.mv_size) Byte) "
                    + "außerhalb der \(map.knownFileSize) Byte von data.mdb ab: die Seite, die ihn enthält, ist beschädigt",
                en: "LMDB places the \(isKey ? "key" : "value") \(owner.en) in the database \(name) (\(value.mv_size) bytes) outside the "
                    + "\(map.knownFileSize) bytes of data.mdb: the page holding it is damaged"))
    }

    /// `mdb_put`.
    func put(
        _ database: DatabaseHandle, _ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer, options: PutOptions = []
    ) throws(EventStoreError) {
        var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var dataValue = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        try lmdbCheck(mdb_put(handle.pointer, database, &keyValue, &dataValue, options.rawValue), "mdb_put")
    }

    /// `mdb_put` with byte arrays.
    func put(_ database: DatabaseHandle, _ key: [UInt8], _ value: [UInt8], options: PutOptions = []) throws(EventStoreError) {
        try withBytes(key) { (keyBytes) throws(EventStoreError) in
            try withBytes(value) { (valueBytes) throws(EventStoreError) in
                try put(database, keyBytes, valueBytes, options: options)
            }
        }
    }

    /// `mdb_get` with a byte-array key.
    func get(_ database: DatabaseHandle, _ key: [UInt8]) throws(EventStoreError) -> UnsafeRawBufferPointer? {
        try withBytes(key) { (keyBytes) throws(EventStoreError) in try get(database, keyBytes) }
    }

    /// `mdb_del` of a key; returns whether it existed.
    @discardableResult
    func delete(_ database: DatabaseHandle, _ key: [UInt8]) throws(EventStoreError) -> Bool {
        let code = key.withUnsafeBytes { keyBytes in
            var keyValue = MDB_val(mv_size: keyBytes.count, mv_data: UnsafeMutableRawPointer(mutating: keyBytes.baseAddress))
            return mdb_del(handle.pointer, database, &keyValue, nil)
        }
        if code == MDB_NOTFOUND { return false }
        try lmdbCheck(code, "mdb_del")
        return true
    }

    /// `mdb_stat`: the number of entries in a database.
    func entryCount(_ database: DatabaseHandle) throws(EventStoreError) -> Int {
        try handle.entryCount(database)
    }

    /// `mdb_cursor_open`, handed to `body` and closed (`mdb_cursor_close`) when it returns.
    func withCursor<R>(_ database: DatabaseHandle, _ body: (inout Cursor) throws(EventStoreError) -> R) throws(EventStoreError) -> R {
        var cursorPointer: OpaquePointer?
        try lmdbCheck(mdb_cursor_open(handle.pointer, database, &cursorPointer), "mdb_cursor_open")
        var cursor = Cursor(pointer: cursorPointer!, transaction: self, database: databases.index(of: database))
        defer { mdb_cursor_close(cursorPointer) }
        return try body(&cursor)
    }
}
