internal import Primitives

extension Cursor {
    /// The log record at `position` (the cursor must be over `log`), for a reader that follows an index.
    ///
    /// A plan's events mostly lie side by side in the log, so when the cursor stands on the position just before
    /// (or just after) the one asked for, this is one `MDB_NEXT` (or `MDB_PREV`) step; otherwise one
    /// `MDB_SET_RANGE` search from the root, as `mdb_get` would do. A replay of a million events that searched for
    /// every record spent about a sixth of its time in those searches.
    ///
    /// - Returns: The record's bytes, valid while the transaction is; nil when the log holds no record there.
    mutating func record(at position: UInt64) throws(EventStoreError) -> UnsafeRawBufferPointer? {
        let current = lastKey.flatMap { Keys.readPosition($0) }
        let entry: (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)?
        if let current, current != .max, position == current + 1 {
            entry = try next()
        } else if let current, current != 0, position == current - 1 {
            entry = try previous()
        } else {
            entry = try seek(atOrAfter: Keys.position(position))
        }
        guard let entry, Keys.readPosition(entry.key) == position else { return nil }
        return entry.value
    }
}
