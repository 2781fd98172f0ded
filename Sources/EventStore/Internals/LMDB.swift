internal import CLMDB
internal import Foundation
internal import Primitives

// Every call into LMDB goes through this file. Each wrapper names the C function it calls and turns a non-zero
// result code into a typed `EventStoreError.lmdb` carrying the code and `mdb_strerror`'s text.

/// Throws `EventStoreError.lmdb` unless `code` is `MDB_SUCCESS`.
@inline(__always)
func lmdbCheck(_ code: Int32, _ function: StaticString) throws(EventStoreError) {
    if code != MDB_SUCCESS { throw lmdbError(code, function) }
}

/// The typed error for an LMDB result code (`mdb_strerror`).
func lmdbError(_ code: Int32, _ function: StaticString) -> EventStoreError {
    let message = mdb_strerror(code).map { String(cString: $0) } ?? "unknown error"
    return .lmdb(LMDBError(code: code, function: "\(function)", message: message))
}

extension EventStoreError {
    /// The LMDB result code, if this is an LMDB error.
    var lmdbCode: Int32? {
        if case let .lmdb(error) = self { return error.code }
        return nil
    }
}

/// A named database inside the environment (`MDB_dbi`).
typealias DatabaseHandle = MDB_dbi

/// `withUnsafeBytes` for typed throws: the bytes of `array`, valid only inside `body`.
@inline(__always)
func withBytes<R>(
    _ array: [UInt8], _ body: (UnsafeRawBufferPointer) throws(EventStoreError) -> R
) throws(EventStoreError) -> R {
    let result: Result<R, EventStoreError> = array.withUnsafeBytes { bytes in
        do throws(EventStoreError) {
            return .success(try body(bytes))
        } catch {
            return .failure(error)
        }
    }
    return try result.get()
}

/// A key or value handed to LMDB. Valid only while the bytes it points to are.
@inline(__always)
func withValue<R>(
    _ bytes: UnsafeRawBufferPointer, _ body: (inout MDB_val) throws(EventStoreError) -> R
) throws(EventStoreError) -> R {
    var value = MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
    return try body(&value)
}

extension MDB_val {
    /// The bytes LMDB returned; valid until the transaction ends or the next write to the database.
    var buffer: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: mv_data, count: mv_size)
    }
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
    let pointer: OpaquePointer
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
            mdb_get(pointer, database, &keyValue, &data)
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
        _ database: DatabaseHandle, _ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer, flags: Int32 = 0
    ) throws(EventStoreError) {
        var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var dataValue = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        try lmdbCheck(mdb_put(pointer, database, &keyValue, &dataValue, UInt32(flags)), "mdb_put")
    }

    /// `mdb_put` with byte arrays.
    func put(_ database: DatabaseHandle, _ key: [UInt8], _ value: [UInt8], flags: Int32 = 0) throws(EventStoreError) {
        try withBytes(key) { (keyBytes) throws(EventStoreError) in
            try withBytes(value) { (valueBytes) throws(EventStoreError) in
                try put(database, keyBytes, valueBytes, flags: flags)
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
            return mdb_del(pointer, database, &keyValue, nil)
        }
        if code == MDB_NOTFOUND { return false }
        try lmdbCheck(code, "mdb_del")
        return true
    }

    /// `mdb_stat`: the number of entries in a database.
    func entryCount(_ database: DatabaseHandle) throws(EventStoreError) -> Int {
        var stat = MDB_stat()
        try lmdbCheck(mdb_stat(pointer, database, &stat), "mdb_stat")
        return stat.ms_entries
    }

    /// `mdb_cursor_open`, handed to `body` and closed (`mdb_cursor_close`) when it returns.
    func withCursor<R>(_ database: DatabaseHandle, _ body: (inout Cursor) throws(EventStoreError) -> R) throws(EventStoreError) -> R {
        var cursorPointer: OpaquePointer?
        try lmdbCheck(mdb_cursor_open(pointer, database, &cursorPointer), "mdb_cursor_open")
        var cursor = Cursor(pointer: cursorPointer!, transaction: self, database: databases.index(of: database))
        defer { mdb_cursor_close(cursorPointer) }
        return try body(&cursor)
    }
}

/// A cursor over one database, valid only inside ``Transaction/withCursor(_:_:)``.
///
/// Like ``Transaction/get(_:_:)-(_,UnsafeRawBufferPointer)``, it checks every key and value before handing it out.
struct Cursor {
    let pointer: OpaquePointer
    let transaction: Transaction
    /// The database's index in ``Databases/names`` (nil for LMDB's main database).
    let database: Int?
    /// The key of the last entry handed out, to name where a damaged one follows. Valid while the transaction is.
    private var lastKey: UnsafeRawBufferPointer?

    init(pointer: OpaquePointer, transaction: Transaction, database: Int?) {
        self.pointer = pointer
        self.transaction = transaction
        self.database = database
    }

    /// One `mdb_cursor_get` step. Returns nil at the end (`MDB_NOTFOUND`).
    private mutating func step(
        _ operation: MDB_cursor_op, key: UnsafeRawBufferPointer? = nil
    ) throws(EventStoreError) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? {
        let expected = expectedPosition(operation, sought: key)
        if let database { ReadProgress.note(database: database, position: expected) }
        var keyValue = MDB_val(mv_size: key?.count ?? 0, mv_data: UnsafeMutableRawPointer(mutating: key?.baseAddress))
        var dataValue = MDB_val()
        let code = mdb_cursor_get(pointer, &keyValue, &dataValue, operation)
        if code == MDB_NOTFOUND { return nil }
        try lmdbCheck(code, "mdb_cursor_get")
        let writable = !transaction.isReadOnly
        guard transaction.map.contains(keyValue, writable: writable) else {
            throw transaction.outsideFile(keyValue, database: database, key: whereNext(operation, sought: key), position: expected, isKey: true)
        }
        let foundKey = keyValue.buffer
        guard transaction.map.contains(dataValue, writable: writable) else {
            throw transaction.outsideFile(
                dataValue, database: database, key: Transaction.of(Keys.describe(foundKey, database: database)),
                position: database == 0 ? Keys.readPosition(foundKey) : nil)
        }
        lastKey = foundKey
        return (foundKey, dataValue.buffer)
    }

    /// For the log, the position the step is expected to reach: after the last one, before it, or the one sought.
    private func expectedPosition(_ operation: MDB_cursor_op, sought: UnsafeRawBufferPointer?) -> UInt64? {
        guard database == 0 else { return nil }
        if let sought { return Keys.readPosition(sought) }
        guard let lastKey, let last = Keys.readPosition(lastKey) else { return operation == MDB_FIRST ? 1 : nil }
        switch operation {
        case MDB_NEXT: return last &+ 1
        case MDB_PREV: return last &- 1
        default: return nil
        }
    }

    /// Where a step went, for a key that cannot be read: after or before the last key handed out, or at the one
    /// sought; with "of" (`of the entry after position 5` / `des Eintrags nach Position 5`).
    private func whereNext(_ operation: MDB_cursor_op, sought: UnsafeRawBufferPointer?) -> Wording {
        if let sought {
            let key = Keys.describe(sought, database: database)
            return Wording(de: "des Eintrags an oder nach \(key.de)", en: "of the entry at or after \(key.en)")
        }
        switch (operation, lastKey) {
        case (MDB_NEXT, let last?):
            let key = Keys.describe(last, database: database)
            return Wording(de: "des Eintrags nach \(key.de)", en: "of the entry after \(key.en)")
        case (MDB_PREV, let last?):
            let key = Keys.describe(last, database: database)
            return Wording(de: "des Eintrags vor \(key.de)", en: "of the entry before \(key.en)")
        case (MDB_LAST, _): return Wording(de: "des letzten Eintrags", en: "of the last entry")
        default: return Wording(de: "des ersten Eintrags", en: "of the first entry")
        }
    }

    mutating func first() throws(EventStoreError) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? { try step(MDB_FIRST) }
    mutating func last() throws(EventStoreError) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? { try step(MDB_LAST) }
    mutating func next() throws(EventStoreError) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? { try step(MDB_NEXT) }
    mutating func previous() throws(EventStoreError) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? { try step(MDB_PREV) }

    /// `MDB_SET_RANGE`: the first entry whose key is greater than or equal to `key`.
    mutating func seek(atOrAfter key: [UInt8]) throws(EventStoreError) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? {
        try withBytes(key) { (bytes) throws(EventStoreError) in try step(MDB_SET_RANGE, key: bytes) }
    }

    /// The last entry whose key is less than or equal to `key`.
    mutating func seek(atOrBefore key: [UInt8]) throws(EventStoreError) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? {
        if let found = try seek(atOrAfter: key) {
            if found.key.elementsEqual(key) { return found }
            return try previous()
        }
        return try last()
    }
}

/// `mdb_version`: the LMDB library's version string.
func lmdbVersion() -> String {
    mdb_version(nil, nil, nil).map { String(cString: $0) } ?? "LMDB (unknown version)"
}
