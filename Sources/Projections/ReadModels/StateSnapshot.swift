import Crypto
import EventStore
import Foundation
import StrategyCore

/// A plan state saved in the store's snapshot space, so that reading a plan replays only the tail of its stream.
///
/// A snapshot is never trusted over the log: it carries its format, the plan, the position and stream version it
/// describes, the chain hash of the log record at that position, and a SHA-256 over all of that and the state's
/// bytes. One that does not decode, has another format, fails its hash, disagrees with the stream or names another
/// chain hash than the log's record there (a snapshot of another history: a restored or replaced log) is ignored,
/// and the state is rebuilt from an older snapshot or from the start. The write path writes it again the next
/// time it passes that point; reads never write.
///
/// What the SHA-256 cannot stop is a snapshot forged with its hash recomputed. Therefore writes never decide on a
/// snapshot (see `StrategyEngine.model(_:allowMissing:proven:persist:)`), and `verify` compares every stored
/// snapshot with a replay of the log (`DerivedDataCheck`).
///
/// The stored form (format 5) is binary, because decoding is what a read at a past point pays for:
///
/// | bytes | content |
/// |---|---|
/// | 4 | `PSNP` |
/// | 1 | format, `5` |
/// | varint | position |
/// | varint | stream version |
/// | varint + UTF-8 | plan id |
/// | 32 | the chain hash of the log record at the position |
/// | 32 | SHA-256 of the header before it and the state bytes that follow |
/// | rest | the state in the layout of `BinaryStateCodec` |
///
/// Formats 1 (canonical JSON), 2 (whose hash left the header out), 3 (not bound to the chain) and 4 (an earlier
/// layout of the state, without a plan's withdrawal or a correction's reason), written by earlier builds, are no
/// longer read; such snapshots are ignored and replaced.
struct StateSnapshot: Sendable {
    static let format: UInt8 = 5
    static let magic: [UInt8] = Array("PSNP".utf8)

    let plan: Identifier
    let position: UInt64
    let streamVersion: UInt64
    /// The chain hash of the log record at ``position``.
    let chainHash: ChainHash
    let state: PlanState
    /// The size of the stored form, which spaces the next snapshot (see `PlanReadModel.snapshotDue`).
    let byteCount: Int

    static func name(_ plan: Identifier) -> String { "snapshot/\(plan.rawValue)" }

    /// The stored form of a snapshot of `state`.
    ///
    /// - Complexity: O(*n* log *n*) in the number of entities (the codec writes dictionaries in key order).
    static func encoded(plan: Identifier, position: UInt64, streamVersion: UInt64, chainHash: ChainHash, state: PlanState) -> Snapshot {
        encoded(plan: plan, position: position, streamVersion: streamVersion, chainHash: chainHash, stateBytes: BinaryStateCodec.encode(state))
    }

    /// The stored form of a snapshot holding `stateBytes` (the layout of `BinaryStateCodec`).
    static func encoded(plan: Identifier, position: UInt64, streamVersion: UInt64, chainHash: ChainHash, stateBytes: [UInt8]) -> Snapshot {
        var writer = BinaryWriter(capacity: stateBytes.count + 128)
        writer.raw(magic)
        writer.byte(format)
        writer.varint(position)
        writer.varint(streamVersion)
        writer.identifier(plan)
        writer.raw(chainHash.bytes)
        var hasher = SHA256()
        hasher.update(data: writer.bytes)
        hasher.update(data: stateBytes)
        writer.raw(Array(hasher.finalize()))
        writer.raw(stateBytes)
        return Snapshot(name: name(plan), position: position, bytes: writer.bytes)
    }

    /// True when a snapshot's header and hash check out but its state is in another build's layout of
    /// `BinaryStateCodec` (the layout version changes when the model gains a member): never read, not damage.
    static func isOtherLayout(_ error: BinaryDecodingError) -> Bool {
        error.field == BinaryStateCodec.layoutVersionField && error.offset == 0 && error.problem.hasPrefix("is ")
    }

    /// True for a snapshot written by an earlier build in an earlier format (1 to 4): never read, not damage.
    static func isOlderFormat(_ bytes: [UInt8]) -> Bool {
        if bytes.first == UInt8(ascii: "{") { return true }  // format 1, canonical JSON
        return bytes.count > magic.count && Array(bytes.prefix(magic.count)) == magic && bytes[magic.count] < format
    }

    /// The state in a stored snapshot after its header and hash check, or why it cannot be used.
    static func decode(_ bytes: [UInt8], plan: Identifier, position: UInt64) throws(BinaryDecodingError) -> StateSnapshot {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(BinaryDecodingError) -> StateSnapshot in
                var reader = BinaryReader(buffer)
                guard try Array(reader.raw(magic.count, "magic")) == magic else {
                    throw BinaryDecodingError(offset: 0, field: "magic", problem: "is not PSNP")
                }
                let storedFormat = try reader.byte("format")
                guard storedFormat == format else { throw BinaryDecodingError(offset: 4, field: "format", problem: "is \(storedFormat), expected \(format)") }
                let storedPosition = try reader.varint("position")
                let streamVersion = try reader.varint("stream version")
                let storedPlan = try reader.identifier("plan")
                guard storedPlan == plan, storedPosition == position else {
                    throw reader.error("header", "describes plan '\(storedPlan)' at position \(storedPosition), not '\(plan)' at \(position)")
                }
                let chainHash = ChainHash(bytes: Array(try reader.raw(32, "chain hash")))!
                let header = UnsafeRawBufferPointer(rebasing: buffer[0..<reader.offset])
                let hash = try reader.raw(32, "state hash")
                let stateBytes = try reader.raw(reader.remaining, "state")
                var hasher = SHA256()
                hasher.update(bufferPointer: header)
                hasher.update(bufferPointer: stateBytes)
                guard hasher.finalize().elementsEqual(hash) else {
                    throw BinaryDecodingError(offset: reader.offset - stateBytes.count, field: "state", problem: "does not match its SHA-256")
                }
                // The plan's large tables are parts of their own: decoded on whichever core is free.
                let state = try BinaryStateCodec.decode(stateBytes) { count, job in concurrentMap(count, job) }
                return StateSnapshot(
                    plan: plan, position: position, streamVersion: streamVersion, chainHash: chainHash, state: state, byteCount: bytes.count)
            }
        }
        return try result.get()
    }

    /// The valid snapshot stored under `stored`, or nil.
    ///
    /// The hash is checked over the stored state bytes before they are decoded.
    static func validated(_ stored: Snapshot, plan: Identifier, store: EventStore) -> StateSnapshot? {
        guard let snapshot = try? decode(stored.bytes, plan: plan, position: stored.position) else { return nil }
        // The stream must agree: its event at the snapshot's version is at or before the position, the next after.
        let stream = PlanStreams.streamID(plan)
        // It must sit at that event, and be bound to this history: the record there has the chain hash it names.
        guard snapshot.streamVersion > 0 else { return nil }
        var cursor = store.events(inStream: stream, from: snapshot.streamVersion)
        guard let atVersion = try? cursor.next(), atVersion.streamVersion == snapshot.streamVersion,
              atVersion.position == snapshot.position, atVersion.hash == snapshot.chainHash else { return nil }
        return snapshot
    }

    /// The newest valid snapshot at or before `position`, walking back past invalid ones.
    static func latest(_ plan: Identifier, atOrBefore position: UInt64, store: EventStore) -> StateSnapshot? {
        var limit = position
        for _ in 0..<16 {
            guard let found = try? store.snapshotPositions(named: name(plan), atOrBefore: limit, limit: 1).first else { return nil }
            guard let stored = try? store.snapshot(named: name(plan), atOrBefore: found) else { return nil }
            if let valid = validated(stored, plan: plan, store: store) { return valid }
            guard stored.position > 0 else { return nil }
            limit = stored.position - 1
        }
        return nil
    }
}
