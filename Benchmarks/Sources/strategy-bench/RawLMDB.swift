import CLMDBRaw
import Foundation

/// The floor: LMDB with the same keys (big-endian positions), value sizes and batches — no encoding, no hashing,
/// no indexes.
final class RawLMDB {
    private var env: OpaquePointer?
    private var dbi: MDB_dbi = 0
    private var next: UInt64 = 1

    init(path: String) throws {
        mdb_env_create(&env)
        mdb_env_set_maxdbs(env, 4)
        mdb_env_set_mapsize(env, 8 << 30)
        guard mdb_env_open(env, path, UInt32(MDB_NOTLS), 0o644) == 0 else { throw BenchError("mdb_env_open failed for \(path)") }
        var txn: OpaquePointer?
        mdb_txn_begin(env, nil, 0, &txn)
        mdb_dbi_open(txn, "log", UInt32(MDB_CREATE), &dbi)
        mdb_txn_commit(txn)
    }

    deinit { mdb_env_close(env) }

    /// Appends values in one transaction (synced on commit, as LMDB does by default).
    func append(_ values: [[UInt8]]) throws {
        var txn: OpaquePointer?
        guard mdb_txn_begin(env, nil, 0, &txn) == 0 else { throw BenchError("mdb_txn_begin") }
        for value in values {
            var key = next.bigEndian
            next += 1
            let code = withUnsafeMutableBytes(of: &key) { keyBytes in
                value.withUnsafeBytes { valueBytes in
                    var k = MDB_val(mv_size: 8, mv_data: keyBytes.baseAddress)
                    var v = MDB_val(mv_size: valueBytes.count, mv_data: UnsafeMutableRawPointer(mutating: valueBytes.baseAddress))
                    return mdb_put(txn, dbi, &k, &v, UInt32(MDB_APPEND))
                }
            }
            guard code == 0 else { mdb_txn_abort(txn); throw BenchError("mdb_put: \(code)") }
        }
        guard mdb_txn_commit(txn) == 0 else { throw BenchError("mdb_txn_commit") }
    }

    /// Reads every value in one pass (copying each out), returning the count.
    func scan() -> Int {
        var txn: OpaquePointer?
        mdb_txn_begin(env, nil, UInt32(MDB_RDONLY), &txn)
        defer { mdb_txn_abort(txn) }
        var cursor: OpaquePointer?
        mdb_cursor_open(txn, dbi, &cursor)
        defer { mdb_cursor_close(cursor) }
        var key = MDB_val(), value = MDB_val()
        var count = 0
        var op = MDB_FIRST
        while mdb_cursor_get(cursor, &key, &value, op) == 0 {
            let copy = Array(UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size))
            count += copy.isEmpty ? 0 : 1
            op = MDB_NEXT
        }
        return count
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
