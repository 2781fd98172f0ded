internal import Primitives

/// Opaque bytes stored under a name and the log position they describe.
public struct Snapshot: Sendable, Hashable {
    /// The snapshot's name, for example a read model's id.
    public let name: String
    /// The log position the snapshot was taken at.
    public let position: UInt64
    /// The bytes, opaque to the store.
    public let bytes: [UInt8]

    /// Creates a snapshot to save.
    public init(name: String, position: UInt64, bytes: [UInt8]) {
        self.name = name
        self.position = position
        self.bytes = bytes
    }
}

extension EventStore {
    /// Stores (or replaces) snapshot bytes under a name and position.
    ///
    /// Snapshots live beside the log, outside the hash chain: they are derived data that a reader can always
    /// rebuild, so readers should check them (for example against a hash they carry) before trusting them.
    public func saveSnapshot(_ bytes: [UInt8], name: String, position: UInt64) throws(EventStoreError) {
        try Validation.name(name, field: "snapshot name", maxBytes: Validation.maximumStreamIDBytes)
        if bytes.count > Self.maximumPayloadSize * 4 {
            throw .invalidArgument(field: "snapshot", reason: Wording(de: "hat \(bytes.count) Byte, höchstens \(Self.maximumPayloadSize * 4)", en: "has \(bytes.count) bytes, at most \(Self.maximumPayloadSize * 4)"))
        }
        try runWriteJob(.putSnapshot(name: name, position: position, bytes: bytes), durable: false)
    }

    /// Stores several snapshots in one write transaction: all or none.
    ///
    /// Use it for derived data written in bulk, such as index entries keyed by the log position they describe.
    public func saveSnapshots(_ snapshots: [Snapshot]) throws(EventStoreError) {
        if snapshots.isEmpty { return }
        for snapshot in snapshots {
            try Validation.name(snapshot.name, field: "snapshot name", maxBytes: Validation.maximumStreamIDBytes)
        }
        try runWriteJob(.putSnapshots(snapshots), durable: false)
    }

    /// Every snapshot stored under a name, by ascending position, starting after `position`, at most `limit`.
    public func snapshots(named name: String, after position: UInt64? = nil, limit: Int = .max) throws(EventStoreError) -> [Snapshot] {
        let prefix = Array(name.utf8) + [0]
        return try shared.environment.read { (txn) throws(EventStoreError) in
            try txn.withCursor(txn.databases.snapshots) { (cursor) throws(EventStoreError) -> [Snapshot] in
                var found: [Snapshot] = []
                var entry = try cursor.seek(atOrAfter: position.map { $0 == .max ? Keys.named(name, .max) : Keys.named(name, $0 + 1) } ?? prefix)
                while let current = entry, found.count < limit, current.key.count == prefix.count + 8, current.key.starts(with: prefix),
                      let split = Keys.splitNamed(current.key) {
                    if let position, split.number <= position { break }
                    found.append(Snapshot(name: name, position: split.number, bytes: Array(current.value)))
                    entry = try cursor.next()
                }
                return found
            }
        }
    }

    /// Every snapshot whose name starts with `prefix`, ordered by name and then position, read in one read
    /// transaction (one consistent view).
    ///
    /// Meant for checking derived data as a whole, such as every entry of one read model's index.
    ///
    /// - Complexity: O(*n*) in the number and size of the matching snapshots, all held in memory.
    public func snapshots(prefix: String) throws(EventStoreError) -> [Snapshot] {
        let prefixBytes = Array(prefix.utf8)
        return try shared.environment.read { (txn) throws(EventStoreError) in
            try txn.withCursor(txn.databases.snapshots) { (cursor) throws(EventStoreError) -> [Snapshot] in
                var found: [Snapshot] = []
                var entry = try cursor.seek(atOrAfter: prefixBytes)
                while let current = entry, current.key.starts(with: prefixBytes) {
                    if let split = Keys.splitNamed(current.key) {
                        found.append(Snapshot(name: String(decoding: split.name, as: UTF8.self), position: split.number, bytes: Array(current.value)))
                    }
                    entry = try cursor.next()
                }
                return found
            }
        }
    }

    /// The snapshot with the highest position at or before `position`, or nil.
    public func snapshot(named name: String, atOrBefore position: UInt64 = .max) throws(EventStoreError) -> Snapshot? {
        let prefix = Array(name.utf8) + [0]
        return try shared.environment.read { (txn) throws(EventStoreError) in
            try txn.withCursor(txn.databases.snapshots) { (cursor) throws(EventStoreError) -> Snapshot? in
                guard let entry = try cursor.seek(atOrBefore: Keys.named(name, position)),
                      entry.key.count == prefix.count + 8, entry.key.starts(with: prefix),
                      let split = Keys.splitNamed(entry.key)
                else { return nil }
                return Snapshot(name: name, position: split.number, bytes: Array(entry.value))
            }
        }
    }

    /// The positions of the snapshots stored under a name at or before `position`, newest first, at most `limit`
    /// — without reading their bytes.
    public func snapshotPositions(named name: String, atOrBefore position: UInt64, limit: Int) throws(EventStoreError) -> [UInt64] {
        let prefix = Array(name.utf8) + [0]
        return try shared.environment.read { (txn) throws(EventStoreError) in
            try txn.withCursor(txn.databases.snapshots) { (cursor) throws(EventStoreError) -> [UInt64] in
                var positions: [UInt64] = []
                var entry = try cursor.seek(atOrBefore: Keys.named(name, position))
                while let current = entry, positions.count < limit, current.key.count == prefix.count + 8, current.key.starts(with: prefix),
                      let split = Keys.splitNamed(current.key) {
                    positions.append(split.number)
                    entry = try cursor.previous()
                }
                return positions
            }
        }
    }

    /// The positions of every snapshot stored under a name, ascending.
    public func snapshotPositions(named name: String) throws(EventStoreError) -> [UInt64] {
        let prefix = Array(name.utf8) + [0]
        return try shared.environment.read { (txn) throws(EventStoreError) in
            try txn.withCursor(txn.databases.snapshots) { (cursor) throws(EventStoreError) -> [UInt64] in
                var positions: [UInt64] = []
                var entry = try cursor.seek(atOrAfter: prefix)
                while let current = entry, current.key.count == prefix.count + 8, current.key.starts(with: prefix),
                      let split = Keys.splitNamed(current.key) {
                    positions.append(split.number)
                    entry = try cursor.next()
                }
                return positions
            }
        }
    }

    /// Deletes every snapshot whose name starts with `prefix` (for example all entries of one index).
    public func deleteSnapshots(prefix: String) throws(EventStoreError) {
        try Validation.name(prefix, field: "snapshot name prefix", maxBytes: Validation.maximumStreamIDBytes)
        try runWriteJob(.deleteSnapshotsWithPrefix(prefix), durable: false)
    }

    /// Deletes every snapshot stored under a name.
    public func deleteSnapshots(named name: String) throws(EventStoreError) {
        try Validation.name(name, field: "snapshot name", maxBytes: Validation.maximumStreamIDBytes)
        try runWriteJob(.deleteSnapshots(name: name), durable: false)
    }
}
