public import Primitives
public import Foundation

/// An error result of an LMDB function, with the function's name and `mdb_strerror`'s text.
public struct LMDBError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The result code: one of LMDB's `MDB_…` codes (negative) or an `errno` value (positive).
    public let code: Code
    /// The C function that returned the code, for example `mdb_txn_commit`.
    public let function: String
    /// The text of `mdb_strerror(code)`.
    public let message: String

    /// The message in German and English. ``message`` stays as `mdb_strerror` gives it in both; only the frame
    /// around it is translated, for example `LMDB-Fehler in mdb_txn_commit: MDB_MAP_FULL: … (Code -30792)`.
    public var wording: Wording {
        Wording(
            de: "LMDB-Fehler in \(function): \(message) (Code \(code))",
            en: "LMDB error in \(function): \(message) (code \(code))")
    }

    /// The message in `language`: ``wording`` rendered in German or English.
    public func text(in language: Language) -> String {
        wording(language)
    }

    /// The message in English (``wording``'s `en`).
    public var description: String {
        wording.en
    }
}

extension LMDBError {
    /// An LMDB result code: one of LMDB's own `MDB_…` codes (negative), or an `errno` value (positive) that LMDB
    /// passes on from the system.
    ///
    /// Compare with the static members, which name LMDB's codes (`lmdb.h`, LMDB 0.9), or switch over them:
    ///
    /// ```swift
    /// if case let .lmdb(error) = failure, error.code == .mapFull { … }
    /// ```
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The number LMDB returned.
        public let rawValue: Int32

        /// The code for `rawValue`, known to LMDB or not.
        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        /// The number as messages show it, for example `-30792`.
        public var description: String {
            "\(rawValue)"
        }

        /// `MDB_KEYEXIST`: the key is already stored (a put with `MDB_NOOVERWRITE`).
        public static let keyExists = Code(rawValue: -30799)
        /// `MDB_NOTFOUND`: no such key, or no such named database.
        public static let notFound = Code(rawValue: -30798)
        /// `MDB_PAGE_NOTFOUND`: a page number beyond the file's last page (a damaged page, or a truncated file).
        public static let pageNotFound = Code(rawValue: -30797)
        /// `MDB_CORRUPTED`: LMDB found a page of the wrong type.
        public static let corrupted = Code(rawValue: -30796)
        /// `MDB_PANIC`: an earlier fatal error left the environment unusable.
        public static let panic = Code(rawValue: -30795)
        /// `MDB_VERSION_MISMATCH`: the environment was written by an incompatible LMDB version.
        public static let versionMismatch = Code(rawValue: -30794)
        /// `MDB_INVALID`: the file is not an LMDB file, or its meta pages are damaged.
        public static let invalid = Code(rawValue: -30793)
        /// `MDB_MAP_FULL`: the environment's map size is reached. The store grows the map and retries by itself.
        public static let mapFull = Code(rawValue: -30792)
        /// `MDB_DBS_FULL`: more named databases than the environment was opened for.
        public static let databasesFull = Code(rawValue: -30791)
        /// `MDB_READERS_FULL`: every reader slot of the lock file is taken.
        public static let readersFull = Code(rawValue: -30790)
        /// `MDB_TXN_FULL`: the write transaction changed more pages than LMDB can track.
        public static let transactionFull = Code(rawValue: -30788)
        /// `MDB_MAP_RESIZED`: another process grew the map. The store adopts the new size and retries by itself.
        public static let mapResized = Code(rawValue: -30785)
        /// `MDB_INCOMPATIBLE`: the database was opened with flags it was not created with (or is not a database).
        public static let incompatible = Code(rawValue: -30784)
        /// `MDB_BAD_TXN`: the transaction failed earlier (for example on a damaged page) and must be aborted.
        public static let badTransaction = Code(rawValue: -30782)
        /// `MDB_BAD_VALSIZE`: a key or value of a size LMDB does not accept (or a damaged page claims one).
        public static let badValueSize = Code(rawValue: -30781)
        /// `MDB_BAD_DBI`: the database handle is not valid in this transaction.
        public static let badDatabase = Code(rawValue: -30780)
    }

    // The codes as static members of `LMDBError` itself, as the store offered them before `Code` existed; they
    // are the same values, so `[LMDBError.corrupted, …].contains(error.code)` keeps working.

    /// ``Code/mapFull``.
    public static let mapFull = Code.mapFull
    /// ``Code/mapResized``.
    public static let mapResized = Code.mapResized
    /// ``Code/notFound``.
    public static let notFound = Code.notFound
    /// ``Code/corrupted``.
    public static let corrupted = Code.corrupted
    /// ``Code/pageNotFound``.
    public static let pageNotFound = Code.pageNotFound
    /// ``Code/badTransaction``.
    public static let badTransaction = Code.badTransaction
}

extension LMDBError: LocalizedError {
    /// The message in English (`localizedDescription`); ``text(in:)`` gives it in German too.
    public var errorDescription: String? { description }
}
