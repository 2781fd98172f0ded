import CLMDBRaw
import EventStore
import Foundation

/// The floor: LMDB with the same keys (big-endian positions), value sizes and batches — no encoding, no hashing,
/// no indexes.
///
/// ``appendLayout(_:indexed:)`` writes the store's layout instead, still raw: values the size of the store's records
/// and, with `indexed`, the stream-index and event-id-index entries beside them. Set against the floor and the store
/// in the same run, it shows which part of the gap the stored layout itself makes (bytes and trees) and which the
/// store's own work (checks, encoding, the hash chain).
final class RawLMDB {
    private var env: OpaquePointer?
    private var dbi: MDB_dbi = 0
    private var streams: MDB_dbi = 0
    private var ids: MDB_dbi = 0
    private var next: UInt64 = 1
    private var lastID: [UInt8] = []

    init(path: String) throws {
        mdb_env_create(&env)
        mdb_env_set_maxdbs(env, 4)
        mdb_env_set_mapsize(env, 8 << 30)
        guard mdb_env_open(env, path, UInt32(MDB_NOTLS), 0o644) == 0 else { throw BenchError("mdb_env_open failed for \(path)") }
        var txn: OpaquePointer?
        mdb_txn_begin(env, nil, 0, &txn)
        mdb_dbi_open(txn, "log", UInt32(MDB_CREATE), &dbi)
        mdb_dbi_open(txn, "streams", UInt32(MDB_CREATE), &streams)
        mdb_dbi_open(txn, "ids", UInt32(MDB_CREATE), &ids)
        mdb_txn_commit(txn)
    }

    /// One record of the store's layout, as raw bytes: a value of the record's size, and its index keys.
    struct LayoutRecord {
        let value: [UInt8]
        let streamKey: [UInt8]
        let id: [UInt8]

        /// A record the size the store gives `event` in `stream` (docs/store-format.md: the body's fixed fields, the
        /// strings and optionals, the payload, both hashes), filled with the payload; and its stream-index key (stream
        /// id ‖ 0 ‖ version) and event-id key.
        init(_ event: EventData, stream: String, version: UInt64) {
            let metadata = event.metadata
            var size = 45 + 12 + stream.utf8.count + event.type.utf8.count + event.encoding.utf8.count
            size += 1 + (metadata.actor.map { 4 + $0.utf8.count } ?? 0) + 1 + (metadata.reason.map { 4 + $0.utf8.count } ?? 0)
            size += 1 + (metadata.correlationID == nil ? 0 : 16) + 1 + (metadata.causationID == nil ? 0 : 16) + 4
            for (key, value) in metadata.attributes { size += 8 + key.utf8.count + value.utf8.count }
            size += 4 + event.payload.count + 64
            value = Array(event.payload.prefix(size)) + [UInt8](repeating: 0xA5, count: max(0, size - event.payload.count))
            streamKey = Array(stream.utf8) + [0] + withUnsafeBytes(of: version.bigEndian) { Array($0) }
            id = withUnsafeBytes(of: event.id.uuid) { Array($0) }
        }
    }

    /// Appends the store's layout raw, in one transaction: each record under the next position and, with `indexed`,
    /// its stream-index and event-id entries (each pointing at the position) — as the store writes them
    /// (`MDB_APPEND` where the key sorts last), without checks, encoding or hashing.
    func appendLayout(_ records: [LayoutRecord], indexed: Bool) throws {
        var txn: OpaquePointer?
        guard mdb_txn_begin(env, nil, 0, &txn) == 0 else { throw BenchError("mdb_txn_begin") }
        func put(_ database: MDB_dbi, _ key: [UInt8], _ value: [UInt8], append: Bool) -> Int32 {
            key.withUnsafeBytes { keyBytes in
                value.withUnsafeBytes { valueBytes in
                    var k = MDB_val(mv_size: keyBytes.count, mv_data: UnsafeMutableRawPointer(mutating: keyBytes.baseAddress))
                    var v = MDB_val(mv_size: valueBytes.count, mv_data: UnsafeMutableRawPointer(mutating: valueBytes.baseAddress))
                    return mdb_put(txn, database, &k, &v, UInt32(append ? MDB_APPEND : MDB_NOOVERWRITE))
                }
            }
        }
        for record in records {
            let position = withUnsafeBytes(of: next.bigEndian) { Array($0) }
            next += 1
            var code = put(dbi, position, record.value, append: true)
            if code == 0, indexed {
                code = put(streams, record.streamKey, position, append: true)
                let ordered = lastID.lexicographicallyPrecedes(record.id)
                if code == 0 { code = put(ids, record.id, position, append: ordered) }
                if ordered { lastID = record.id }
            }
            guard code == 0 else { mdb_txn_abort(txn); throw BenchError("mdb_put: \(code)") }
        }
        guard mdb_txn_commit(txn) == 0 else { throw BenchError("mdb_txn_commit") }
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
