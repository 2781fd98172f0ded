internal import CLMDB
internal import Primitives

/// A cursor over one database (`MDB_cursor *`), valid only inside ``Transaction/withCursor(_:_:)``.
///
/// Like ``Transaction/get(_:_:)-(_,UnsafeRawBufferPointer)``, it checks every key and value before handing it out.
struct Cursor {
    let pointer: OpaquePointer
    let transaction: Transaction
    /// The database's index in ``Databases/names`` (nil for LMDB's main database).
    let database: Int?
    /// The key of the last entry handed out, to name where a damaged one follows. Valid while the transaction is.
    private(set) var lastKey: UnsafeRawBufferPointer?

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

    /// `mdb_cursor_get` with `MDB_FIRST`: the first entry.
    mutating func first() throws(EventStoreError) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? { try step(MDB_FIRST) }
    /// `mdb_cursor_get` with `MDB_LAST`: the last entry.
    mutating func last() throws(EventStoreError) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? { try step(MDB_LAST) }
    /// `mdb_cursor_get` with `MDB_NEXT`: the entry after the current one.
    mutating func next() throws(EventStoreError) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? { try step(MDB_NEXT) }
    /// `mdb_cursor_get` with `MDB_PREV`: the entry before the current one.
    mutating func previous() throws(EventStoreError) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? { try step(MDB_PREV) }

    /// `mdb_cursor_get` with `MDB_SET_RANGE`: the first entry whose key is greater than or equal to `key`.
    mutating func seek(atOrAfter key: [UInt8]) throws(EventStoreError) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? {
        try withBytes(key) { (bytes) throws(EventStoreError) in try step(MDB_SET_RANGE, key: bytes) }
    }

    /// The last entry whose key is less than or equal to `key` (`MDB_SET_RANGE`, then `MDB_PREV` or `MDB_LAST`).
    mutating func seek(atOrBefore key: [UInt8]) throws(EventStoreError) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? {
        if let found = try seek(atOrAfter: key) {
            if found.key.elementsEqual(key) { return found }
            return try previous()
        }
        return try last()
    }
}
