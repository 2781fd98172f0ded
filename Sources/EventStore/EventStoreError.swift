public import Foundation

/// An error thrown by the event store.
///
/// Every case carries what a user needs to act on it: the path of the store, the stream and the versions of a
/// conflict, the position of a damaged record, or the LMDB result code with `mdb_strerror`'s text.
/// ``description`` renders one line meant for a person, for example
/// `wrong expected version: expected 4, stream 'vechta' is at 7`.
public enum EventStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The directory exists but does not hold a strategy store (for example, it holds other files, another
    /// program's LMDB environment, or nothing at all when opened read-only).
    case notAStore(path: String, reason: String)

    /// The store was written by a newer or unknown version of this library.
    case unsupportedFormat(path: String, found: UInt32, supported: UInt32)

    /// The store file is shorter than the database inside it says it must be: it was truncated.
    case truncatedStore(path: String, expectedBytes: UInt64, actualBytes: UInt64)
    /// The store's files are damaged in a way that keeps it from opening (for example an invalid LMDB header, or an
    /// emptied data file in a directory that held a store). Restore from a backup.
    case damagedStore(path: String, reason: String)

    /// A page of `data.mdb` that opening the store reads is structurally damaged (LMDB would read outside it or
    /// outside the file). ``EventStore/verify(expectedHead:checkIndexes:progress:)`` checks every page and reports
    /// damage in its report instead.
    case damagedPage(path: String, page: DamagedPage)

    /// An append's expected version did not hold. `actual` is the stream's current version, or `nil` when the
    /// stream does not exist.
    case wrongExpectedVersion(stream: String, expected: ExpectedVersion, actual: UInt64?)

    /// A retried append overlaps the stored events only in part, or its event ids are stored elsewhere.
    case idempotencyConflict(stream: String, eventID: UUID, reason: String)

    /// An argument is unusable: `field` names it (for example `events[2].type`), `reason` says why.
    case invalidArgument(field: String, reason: String)

    /// The record stored at `position` cannot be decoded, or LMDB hands out bytes for it outside `data.mdb`.
    /// Position 0 stands for damage outside the log, such as an index entry; `reason` names it.
    case corruptRecord(position: UInt64, reason: String)

    /// A record that an index points to is not in the log.
    case missingRecord(position: UInt64)

    /// A write was attempted on a store opened read-only.
    case readOnly(path: String)

    /// The store is already open in this process in a way that conflicts with the request.
    case alreadyOpen(path: String, reason: String)

    /// LMDB returned an error.
    case lmdb(LMDBError)

    /// A file-system operation failed.
    case io(path: String, operation: String, errno: Int32)

    /// The store could not be written: the disk is full, the file system is read-only, or the device failed.
    /// Nothing of the failed write was recorded; everything committed before it is intact.
    case writeFailed(path: String, errno: Int32)

    public var description: String {
        switch self {
        case let .notAStore(path, reason):
            return "not a strategy store: \(path) (\(reason))"
        case let .unsupportedFormat(path, found, supported):
            return "unsupported store format \(found) in \(path): this version of the library reads format \(supported); "
                + "open it with a newer strategyctl"
        case let .damagedPage(path, page):
            return "store file is damaged: \(path)/data.mdb, \(page); restore it from a backup"
        case let .truncatedStore(path, expected, actual):
            return "store file is truncated: \(path)/data.mdb has \(actual) bytes, its database needs at least \(expected); "
                + "restore it from a backup"
        case let .damagedStore(path, reason):
            return "the store at \(path) is damaged: \(reason); restore it from a backup"
        case let .wrongExpectedVersion(stream, expected, actual):
            let state = actual.map { "is at \($0)" } ?? "does not exist"
            return "wrong expected version: expected \(expected), stream '\(stream)' \(state)"
        case let .idempotencyConflict(stream, eventID, reason):
            return "event \(eventID.uuidString.lowercased()) cannot be appended to stream '\(stream)': \(reason)"
        case let .invalidArgument(field, reason):
            return "invalid \(field): \(reason)"
        case let .corruptRecord(position, reason):
            // Position 0: damage outside the log (an index entry, a page of another database).
            return position == 0 ? "the store is corrupt: \(reason)" : "record at position \(position) is corrupt: \(reason)"
        case let .missingRecord(position):
            return "record at position \(position) is missing from the log"
        case let .readOnly(path):
            return "the store at \(path) is open read-only; writes are refused"
        case let .alreadyOpen(path, reason):
            return "the store at \(path) is already open in this process: \(reason)"
        case let .lmdb(error):
            return error.description
        case let .io(path, operation, code):
            return "\(operation) failed for \(path): \(String(cString: strerror(code))) (errno \(code))"
        case let .writeFailed(path, code):
            return "cannot write to the store at \(path): \(String(cString: strerror(code))) (errno \(code)); "
                + "the disk may be full or the file system read-only — nothing of this write was recorded, earlier ones are intact"
        }
    }
}

/// An error result of an LMDB function, with the function's name and `mdb_strerror`'s text.
public struct LMDBError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The result code, one of LMDB's `MDB_…` codes (negative) or an `errno` value (positive).
    public let code: Int32
    /// The C function that returned the code, for example `mdb_txn_commit`.
    public let function: String
    /// The text of `mdb_strerror(code)`.
    public let message: String

    /// `MDB_MAP_FULL`: the environment's map size is reached. The store grows the map and retries by itself.
    public static let mapFull: Int32 = -30792
    /// `MDB_MAP_RESIZED`: another process grew the map. The store adopts the new size and retries by itself.
    public static let mapResized: Int32 = -30785
    /// `MDB_NOTFOUND`.
    public static let notFound: Int32 = -30798
    /// `MDB_CORRUPTED`: LMDB found a page of the wrong type.
    public static let corrupted: Int32 = -30796
    /// `MDB_PAGE_NOTFOUND`: a page number beyond the file's last page (a damaged page, or a truncated file).
    public static let pageNotFound: Int32 = -30797
    /// `MDB_BAD_TXN`: the transaction failed earlier (for example on a damaged page) and must be aborted.
    public static let badTransaction: Int32 = -30782

    public var description: String {
        "LMDB error in \(function): \(message) (code \(code))"
    }
}
