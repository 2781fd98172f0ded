internal import CLMDB
internal import Foundation

// The C layer: every call into LMDB goes through this file and its siblings — `LMDB+Environment.swift` (the
// environment: `mdb_env_*`, `mdb_reader_*`), `LMDB+Transaction.swift` (transactions and their reads and writes:
// `mdb_txn_*`, `mdb_dbi_open`, `mdb_get`, `mdb_put`, `mdb_del`, `mdb_stat`) and `LMDB+Cursor.swift`
// (`mdb_cursor_*`). Each wrapper names the C function it calls in its doc comment and turns a non-zero result code
// into a typed error: `EventStoreError.lmdb`, carrying the ``LMDBError/Code`` and `mdb_strerror`'s text. No other
// file of the store calls an `mdb_` function.

/// Throws `EventStoreError.lmdb` unless `code` is `MDB_SUCCESS`: how every wrapper checks a result.
@inline(__always)
func lmdbCheck(_ code: Int32, _ function: StaticString) throws(EventStoreError) {
    if code != MDB_SUCCESS { throw lmdbError(code, function) }
}

/// The typed error for a result code of `function`, with `mdb_strerror`'s text.
func lmdbError(_ code: Int32, _ function: StaticString) -> EventStoreError {
    .lmdb(LMDBError(code, function))
}

extension LMDBError {
    /// The error for a result code of `function`, with `mdb_strerror`'s text.
    init(_ code: Int32, _ function: StaticString) {
        let message = mdb_strerror(code).map { String(cString: $0) } ?? "unknown error"
        self.init(code: Code(rawValue: code), function: "\(function)", message: message)
    }
}

extension EventStoreError {
    /// The LMDB result code, if this is an LMDB error.
    var lmdbCode: LMDBError.Code? {
        if case let .lmdb(error) = self { return error.code }
        return nil
    }
}

extension LMDBError.Code {
    // The system's errors that LMDB passes on and the store tells apart (store-internal names; the public API
    // names only LMDB's own codes).

    /// `EACCES`.
    static let permissionDenied = Self(rawValue: EACCES)
    /// `EROFS`.
    static let readOnlyFileSystem = Self(rawValue: EROFS)
    /// `ENOSPC`.
    static let noSpace = Self(rawValue: ENOSPC)
    /// `EIO`.
    static let inputOutput = Self(rawValue: EIO)
    /// `EDQUOT`.
    static let quotaExceeded = Self(rawValue: EDQUOT)
    /// `EFBIG`.
    static let fileTooLarge = Self(rawValue: EFBIG)
    /// `ELOOP`.
    static let tooManySymbolicLinks = Self(rawValue: ELOOP)
    /// `ENOENT`.
    static let noSuchFile = Self(rawValue: ENOENT)
    /// `ENOTDIR`.
    static let notADirectory = Self(rawValue: ENOTDIR)
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

/// `mdb_version`: the LMDB library's version string.
func lmdbVersion() -> String {
    mdb_version(nil, nil, nil).map { String(cString: $0) } ?? "LMDB (unknown version)"
}
