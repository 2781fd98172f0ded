import CSQLite
import Foundation

/// What a Swift user would pick instead: one SQLite table of events with a stream index, WAL, prepared statements,
/// `synchronous=FULL`, the same batches.
final class SQLiteBaseline {
    private var db: OpaquePointer?
    private var insert: OpaquePointer?
    private var next: Int64 = 1

    init(path: String) throws {
        guard sqlite3_open(path + "/events.sqlite", &db) == SQLITE_OK else { throw BenchError("sqlite3_open") }
        try exec("PRAGMA journal_mode=WAL")
        try exec("PRAGMA synchronous=FULL")
        try exec("CREATE TABLE events(position INTEGER PRIMARY KEY, stream TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL, payload BLOB NOT NULL)")
        try exec("CREATE UNIQUE INDEX events_stream ON events(stream, version)")
        guard sqlite3_prepare_v2(db, "INSERT INTO events(position, stream, version, type, payload) VALUES (?, ?, ?, ?, ?)", -1, &insert, nil) == SQLITE_OK else {
            throw BenchError("prepare: \(String(cString: sqlite3_errmsg(db)))")
        }
    }

    deinit {
        sqlite3_finalize(insert)
        sqlite3_close(db)
    }

    private func exec(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw BenchError("\(sql): \(String(cString: sqlite3_errmsg(db)))") }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Inserts events of one stream in one transaction.
    func append(stream: String, type: String, payloads: [[UInt8]]) throws {
        try exec("BEGIN")
        for payload in payloads {
            sqlite3_bind_int64(insert, 1, next)
            sqlite3_bind_text(insert, 2, stream, -1, Self.transient)
            sqlite3_bind_int64(insert, 3, next)
            sqlite3_bind_text(insert, 4, type, -1, Self.transient)
            _ = payload.withUnsafeBytes { sqlite3_bind_blob(insert, 5, $0.baseAddress, Int32($0.count), Self.transient) }
            guard sqlite3_step(insert) == SQLITE_DONE else { throw BenchError("insert: \(String(cString: sqlite3_errmsg(db)))") }
            sqlite3_reset(insert)
            next += 1
        }
        try exec("COMMIT")
    }
}
