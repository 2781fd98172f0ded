public import Foundation

/// Figures about a store, for operators and for `strategyctl`.
public struct StoreStatistics: Sendable, Hashable, Codable {
    /// The store directory.
    public let path: String
    /// The store's identity.
    public let storeID: UUID
    /// The store format version.
    public let formatVersion: UInt32
    /// The LMDB library in use.
    public let lmdbVersion: String
    /// The number of events in the log (its last position).
    public let eventCount: UInt64
    /// The number of streams.
    public let streamCount: Int
    /// The number of stored snapshots.
    public let snapshotCount: Int
    /// The end of the hash chain, nil for an empty log.
    public let head: ChainHead?
    /// When the last event was recorded.
    public let lastRecordedAt: Date?
    /// The LMDB map size in bytes (it grows by itself).
    public let mapSize: Int
    /// The size of `data.mdb` in bytes.
    public let fileSize: UInt64
    /// The database page size in bytes.
    public let pageSize: Int
    /// Read transactions open right now, across all processes.
    public let activeReaders: Int
    /// LMDB reader slots available.
    public let readersMaximum: Int
    /// Whether this handle refuses writes.
    public let isReadOnly: Bool
    /// Write transactions committed by this process since the store was opened.
    public let transactionsCommitted: UInt64
    /// Append requests handled by this process; more requests than transactions means group commit at work.
    public let appendRequests: UInt64
    /// Times this process grew the map.
    public let mapGrowths: UInt64
}

extension EventStore {
    /// Current figures about the store.
    public func statistics() throws(EventStoreError) -> StoreStatistics {
        let shared = try shared
        let environment = shared.environment
        let counts = try environment.read { (txn) throws(EventStoreError) in
            let tip = try ChainTip.read(txn)
            return (
                tip: tip,
                streams: try StreamIndex.count(txn),
                snapshots: try txn.entryCount(txn.databases.snapshots)
            )
        }
        let writer = shared.writer.statistics
        let readers = environment.readers
        return StoreStatistics(
            path: environment.path, storeID: environment.storeID, formatVersion: environment.formatVersion,
            lmdbVersion: lmdbVersion(), eventCount: counts.tip.position, streamCount: counts.streams,
            snapshotCount: counts.snapshots,
            head: counts.tip.position == 0 ? nil : ChainHead(position: counts.tip.position, hash: counts.tip.hash),
            lastRecordedAt: counts.tip.position == 0
                ? nil : Date(timeIntervalSince1970: Double(counts.tip.recordedAt) / 1_000_000),
            mapSize: environment.mapSize, fileSize: environment.fileSize, pageSize: environment.pageSize,
            activeReaders: readers.active, readersMaximum: readers.maximum, isReadOnly: isReadOnly,
            transactionsCommitted: writer.transactions, appendRequests: writer.requests, mapGrowths: writer.mapGrowths)
    }
}
