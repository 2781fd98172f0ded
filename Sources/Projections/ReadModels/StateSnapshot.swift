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
struct StateSnapshot: Codable {
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
        let bytes = (try? CanonicalJSON.encode(state)) ?? []
        return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    init(plan: Identifier, position: UInt64, streamVersion: UInt64, state: PlanState) {
        self.format = Self.format
        self.plan = plan
        self.position = position
        self.streamVersion = streamVersion
        self.stateHash = Self.hash(of: state)
        self.state = state
    }

    func encoded() -> Snapshot {
        Snapshot(name: Self.name(plan), position: position, bytes: (try? CanonicalJSON.encode(self)) ?? [])
    }

    /// The valid snapshot stored under `stored`, or nil (and the reason it was ignored).
    static func validated(_ stored: Snapshot, plan: Identifier, store: EventStore) -> StateSnapshot? {
        guard let snapshot = try? JSONDecoder().decode(StateSnapshot.self, from: Data(stored.bytes)),
              snapshot.format == format, snapshot.plan == plan, snapshot.position == stored.position,
              hash(of: snapshot.state) == snapshot.stateHash else { return nil }
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

    /// The newest valid snapshot at or before `position`, walking back past invalid ones.
    static func latest(_ plan: Identifier, atOrBefore position: UInt64, store: EventStore) -> StateSnapshot? {
        var limit = position
        for _ in 0..<16 {
            guard let stored = try? store.snapshot(named: name(plan), atOrBefore: limit) else { return nil }
            if let valid = validated(stored, plan: plan, store: store) { return valid }
            guard stored.position > 0 else { return nil }
            limit = stored.position - 1
        }
        return nil
    }
}
