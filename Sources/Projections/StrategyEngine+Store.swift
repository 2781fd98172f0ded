// The store as the engine shows it: its place, its head, its figures, and the store's types an embedder meets in the
// engine's answers. Whoever imports Projections needs no `import EventStore`; the store itself, which could append
// to a plan's stream past the decider, stays inside.
@_exported public import struct EventStore.ChainHead
@_exported public import struct EventStore.ChainHash
@_exported public import struct EventStore.StoreStatistics
@_exported public import struct EventStore.VerificationReport
@_exported public import struct EventStore.ChainFailure
@_exported public import struct EventStore.DamagedPage
@_exported public import enum EventStore.EventStoreError
@_exported public import struct EventStore.LMDBError
@_exported public import enum EventStore.ReadProgress
public import EventStore

extension StrategyEngine {
    /// The store's settings, for ``init(path:configuration:snapshotInterval:)``: read-only, durability, the map size to
    /// start with, the page size of reads and how often a live feed looks for new events.
    public typealias StoreConfiguration = EventStore.Configuration

    /// When a write returns, relative to the disk: `EventStore/Durability-swift.enum/durable` (flushed) or
    /// `relaxed` (for bulk imports; flushed at the end).
    public typealias Durability = EventStore.Durability

    /// The store's directory.
    public var storePath: String { store.path }

    /// Whether the store was opened read-only (asked for, or the files are not writable): writes are refused.
    public var isReadOnly: Bool { store.isReadOnly }

    /// The chain head: the last record's position and hash, the value to cite in a council record and to check
    /// later with ``verify(expectedHead:plans:progress:)``; nil for an empty store.
    ///
    /// - Complexity: O(1): one read of the log's last record.
    public func head() throws(EngineError) -> ChainHead? {
        do { return try store.head() } catch { throw .store(error) }
    }

    /// The store's figures: events, streams, plans' streams, file size, head, format.
    public func statistics() throws(EngineError) -> StoreStatistics {
        do { return try store.statistics() } catch { throw .store(error) }
    }
}
