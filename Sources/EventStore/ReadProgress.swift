internal import Synchronization

/// Where this process last asked LMDB for a record, kept so that a last-resort crash handler can say where a
/// damaged store stopped it.
///
/// Every key and value LMDB hands out is checked to lie inside `data.mdb` before it is read, and ``EventStore/verify(expectedHead:checkIndexes:progress:)``
/// checks the structure of every page before LMDB reads any. Other reads hand pages to LMDB unchecked, and LMDB
/// trusts their structure: a damaged page can make it fault inside `mdb_get` or `mdb_cursor_get`. A program
/// that installs a SIGSEGV/SIGBUS handler (`strategyctl` does) can read these properties from it: they allocate
/// nothing and take no lock. Read them once before installing the handler, so that they are initialised.
///
/// The values are per process and approximate: with several threads reading, the last one to ask wins.
public enum ReadProgress {
    /// The log position last asked of LMDB (a record read by position, or the position after the last one a
    /// cursor over the log returned), or 0 before the first.
    public static var position: UInt64 { readingPosition.load(ordering: .relaxed) }

    /// The name of the database last asked of LMDB (`log`, `streams`, `heads`, `ids`, `snapshots`, `meta`), or
    /// an empty string before the first.
    public static var database: StaticString {
        switch readingDatabase.load(ordering: .relaxed) {
        case 1: return "log"
        case 2: return "streams"
        case 3: return "heads"
        case 4: return "ids"
        case 5: return "snapshots"
        case 6: return "meta"
        default: return ""
        }
    }

    /// Notes a read of `database` (its index in ``Databases/names``, from 0) and, for the log, of `position`.
    @inline(__always)
    static func note(database index: Int, position: UInt64?) {
        readingDatabase.store(UInt8(truncatingIfNeeded: index + 1), ordering: .relaxed)
        if let position { readingPosition.store(position, ordering: .relaxed) }
    }
}

private let readingPosition = Atomic<UInt64>(0)
private let readingDatabase = Atomic<UInt8>(0)
