import Crypto
import EventStore
import Foundation
import StrategyCore

/// A plan state saved in the store's snapshot space, so that reading a plan replays only the tail of its stream.
///
/// A snapshot is never trusted over the log: it carries its format, the plan, the position and stream version it
/// describes, and the SHA-256 of the state's canonical encoding. One that does not decode, has another format,
/// fails its hash or disagrees with the stream is ignored, and the state is rebuilt from an older snapshot or from
/// the start.
struct StateSnapshot: Codable, Sendable {
    static let format = 1

    let format: Int
    let plan: Identifier
    let position: UInt64
    let streamVersion: UInt64
    let stateHash: String
    let state: PlanState

    static func name(_ plan: Identifier) -> String { "snapshot/\(plan.rawValue)" }

    /// SHA-256 (hex) of the canonical encoding of a state: equal states, equal hashes.
    static func hash(of state: PlanState) -> String {
        hash(ofEncoded: (try? CanonicalJSON.encode(state)) ?? [])
    }

    private static func hash(ofEncoded bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    init(plan: Identifier, position: UInt64, streamVersion: UInt64, state: PlanState) {
        self.init(plan: plan, position: position, streamVersion: streamVersion, stateHash: Self.hash(of: state), state: state)
    }

    private init(plan: Identifier, position: UInt64, streamVersion: UInt64, stateHash: String, state: PlanState) {
        self.format = Self.format
        self.plan = plan
        self.position = position
        self.streamVersion = streamVersion
        self.stateHash = stateHash
        self.state = state
    }

    /// The stored form of this snapshot: its canonical encoding.
    func encoded() -> Snapshot {
        Snapshot(name: Self.name(plan), position: position, bytes: (try? CanonicalJSON.encode(self)) ?? [])
    }

    /// The stored form of a snapshot of `state`, encoding the state only once.
    ///
    /// The hash and the stored object both need the state's canonical bytes. Encoding a large state is the
    /// expensive part of writing a snapshot, so the bytes are produced once, hashed, and spliced into the encoded
    /// header in place of a placeholder: the result is byte for byte the canonical encoding of the snapshot.
    ///
    /// - Complexity: One canonical encoding of the state, O(*n*) in its size, instead of two.
    static func encoded(plan: Identifier, position: UInt64, streamVersion: UInt64, state: PlanState) -> Snapshot {
        let stateBytes = (try? CanonicalJSON.encode(state)) ?? []
        let header = StateSnapshot(plan: plan, position: position, streamVersion: streamVersion,
                                   stateHash: hash(ofEncoded: stateBytes), state: .empty)
        var bytes = (try? CanonicalJSON.encode(header)) ?? []
        guard let placeholder = CanonicalJSON.memberRange("state", in: bytes) else {
            return StateSnapshot(plan: plan, position: position, streamVersion: streamVersion, state: state).encoded()
        }
        bytes.replaceSubrange(placeholder, with: stateBytes)
        return Snapshot(name: name(plan), position: position, bytes: bytes)
    }

    /// The valid snapshot stored under `stored`, or nil (and the reason it was ignored).
    ///
    /// The state is stored in its canonical encoding, so its hash is checked over the stored bytes themselves,
    /// before anything is decoded.
    static func validated(_ stored: Snapshot, plan: Identifier, store: EventStore) -> StateSnapshot? {
        guard let stateRange = CanonicalJSON.memberRange("state", in: stored.bytes),
              let hashRange = CanonicalJSON.memberRange("stateHash", in: stored.bytes) else { return nil }
        let storedHash = String(decoding: stored.bytes[(hashRange.lowerBound + 1)..<max(hashRange.lowerBound + 1, hashRange.upperBound - 1)], as: UTF8.self)
        let computed = stored.bytes.withUnsafeBytes { SHA256.hash(data: UnsafeRawBufferPointer(rebasing: $0[stateRange])) }
        guard computed.map({ String(format: "%02x", $0) }).joined() == storedHash,
              let snapshot = try? CanonicalJSONDecoder().decode(StateSnapshot.self, from: stored.bytes),
              snapshot.format == format, snapshot.plan == plan, snapshot.position == stored.position,
              snapshot.stateHash == storedHash else { return nil }
        // The stream must agree: its event at the snapshot's version is at or before the position, the next after.
        let stream = PlanStreams.streamID(plan)
        if snapshot.streamVersion > 0 {
            var cursor = store.events(inStream: stream, from: snapshot.streamVersion)
            guard let atVersion = try? cursor.next(), atVersion.streamVersion == snapshot.streamVersion,
                  atVersion.position <= snapshot.position else { return nil }
            if let next = try? cursor.next(), next.position <= snapshot.position { return nil }
        }
        return snapshot
    }

    /// The newest valid snapshot at or before `position`, walking back past invalid ones. Snapshots validated
    /// before are taken from `cache` without decoding them again.
    static func latest(_ plan: Identifier, atOrBefore position: UInt64, store: EventStore, cache: SnapshotCache? = nil) -> StateSnapshot? {
        var limit = position
        for _ in 0..<16 {
            guard let found = try? store.snapshotPositions(named: name(plan), atOrBefore: limit, limit: 1).first else { return nil }
            if let cached = cache?.snapshot(plan, at: found) { return cached }
            guard let stored = try? store.snapshot(named: name(plan), atOrBefore: found) else { return nil }
            if let valid = validated(stored, plan: plan, store: store) {
                cache?.keep(valid)
                return valid
            }
            guard stored.position > 0 else { return nil }
            limit = stored.position - 1
        }
        return nil
    }
}

/// The last few validated snapshots, so that repeated reads near the same points decode nothing again.
final class SnapshotCache: Sendable {
    private let entries = Protected<[StateSnapshot]>([])
    private let capacity = 4

    func snapshot(_ plan: Identifier, at position: UInt64) -> StateSnapshot? {
        entries.withLock { entries in entries.first { $0.plan == plan && $0.position == position } }
    }

    func keep(_ snapshot: StateSnapshot) {
        entries.withLock { entries in
            entries.removeAll { $0.plan == snapshot.plan && $0.position == snapshot.position }
            entries.insert(snapshot, at: 0)
            if entries.count > capacity { entries.removeLast() }
        }
    }
}

