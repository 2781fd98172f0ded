public import Foundation
internal import Primitives

/// A durable, hash-chained event log on LMDB: bytes, streams and positions — nothing about plans.
///
/// Open a store on a directory (created if missing), append events to streams with an expected version, and read
/// them back by global position, by stream, or live through a subscription. Every record is linked into one
/// SHA-256 hash chain over the whole log, which ``verify(expectedHead:checkIndexes:progress:)`` recomputes.
///
/// ```swift
/// let store = try EventStore(path: "/var/lib/strategy/vechta")
/// let result = try store.append(
///     to: "plan-vechta", expecting: .noStream,
///     events: [EventData(type: "plan.created", encoding: "json", payload: Array(#"{"title":"Bildungskonzept"}"#.utf8))])
/// var cursor = store.events(from: 1)
/// while let event = try cursor.next() { print(event.position, event.type) }
/// ```
///
/// ## Threads, tasks and processes
/// `EventStore` is `Sendable`: share one handle between threads and tasks. Opening the same directory again in
/// the same process returns a handle on the same LMDB environment (LMDB allows one per process). Other processes
/// may open the store at the same time; LMDB's lock file serializes their writers.
///
/// All writes go through one writer thread per store and process, which commits everything queued in one
/// transaction (group commit). The synchronous ``append(to:expecting:events:)-3zutc`` blocks the calling thread until
/// its transaction is durable; the `async` overload suspends instead.
///
/// Reads copy bytes out of LMDB before their read transaction ends, and long reads are paged
/// (``Configuration-swift.struct/readPageSize`` events per read transaction) so no reader pins old pages for long.
///
/// The store closes when the last handle (and the last cursor or subscription using it) is released.
public final class EventStore: Sendable {
    /// How a store is opened.
    public struct Configuration: Sendable, Hashable {
        /// Open for reading only. Works on a directory the user cannot write (then without LMDB's lock file:
        /// safe while no other process writes to that copy).
        public var readOnly: Bool
        /// Whether appends wait for the disk (``Durability-swift.enum/durable``, the default) or only for the
        /// operating system.
        public var durability: Durability
        /// The LMDB map size for a new store. The map grows by itself when full; there is no need to size it.
        public var initialMapSize: Int
        /// How many events one read transaction reads at most during scans and subscriptions.
        public var readPageSize: Int
        /// How often an idle subscription looks for appends made by other processes.
        public var subscriptionPollInterval: Duration

        /// Creates a configuration; every parameter has a sensible default.
        public init(
            readOnly: Bool = false,
            durability: Durability = .durable,
            initialMapSize: Int = 64 << 20,
            readPageSize: Int = 1_000,
            subscriptionPollInterval: Duration = .milliseconds(200)
        ) {
            self.readOnly = readOnly
            self.durability = durability
            self.initialMapSize = initialMapSize
            self.readPageSize = readPageSize
            self.subscriptionPollInterval = subscriptionPollInterval
        }
    }

    /// When an append returns, relative to the disk.
    public enum Durability: Sendable, Hashable {
        /// Every commit is flushed to disk before its append returns (LMDB's default sync on commit).
        case durable
        /// Commits reach the operating system but are not flushed (`MDB_NOSYNC`); call ``EventStore/flush()``
        /// at the end of a bulk import. A process crash loses nothing; a power loss can lose everything after the
        /// last flush and, as LMDB documents, may leave the last transactions damaged.
        case relaxed
    }

    /// The largest payload one event may carry: 64 MiB.
    public static let maximumPayloadSize = 64 << 20

    /// The open store this handle uses; nil once ``close()`` was called.
    private let openStore: Protected<SharedStore?>

    /// The open store, or ``EventStoreError/closed(path:)`` after ``close()``.
    var shared: SharedStore {
        get throws(EventStoreError) {
            guard let shared = openStore.withLock({ $0 }) else { throw .closed(path: path) }
            return shared
        }
    }

    /// How this handle was opened.
    public let configuration: Configuration

    /// Opens the store in `path`, creating the directory and the store if missing (unless read-only).
    ///
    /// - Throws: ``EventStoreError/notAStore(path:reason:)`` when the directory holds something else,
    ///   ``EventStoreError/unsupportedFormat(path:found:supported:)`` for a store of a newer format,
    ///   ``EventStoreError/truncatedStore(path:expectedBytes:actualBytes:)`` for a damaged file, and LMDB or
    ///   file-system errors.
    public init(path: String, configuration: Configuration = Configuration()) throws(EventStoreError) {
        guard configuration.readPageSize > 0 else {
            throw .invalidArgument(field: "configuration.readPageSize", reason: Wording(de: "muss mindestens 1 sein", en: "must be at least 1"))
        }
        let shared = try StoreRegistry.open(
            path: path, readOnly: configuration.readOnly,
            initialMapSize: max(configuration.initialMapSize, 64 << 10))
        self.openStore = Protected(shared)
        self.configuration = configuration
        self.path = shared.environment.path
        self.isReadOnly = configuration.readOnly || shared.environment.isReadOnly
        self.storeID = shared.environment.storeID
    }

    /// The store directory (absolute, symbolic links resolved).
    public let path: String

    /// True when this handle refuses writes.
    public let isReadOnly: Bool

    /// The store's identity, chosen when it was created.
    public let storeID: UUID

    /// Closes this handle: every later call on it throws ``EventStoreError/closed(path:)``. Calling it again does
    /// nothing.
    ///
    /// Appends already handed to the store finish first, and a subscription on this handle ends with that error at
    /// its next wait. LMDB allows one environment per store and process, which all handles on a directory share:
    /// the files are closed (`mdb_env_close`) when the last handle in the process is closed or released. Only then
    /// can the store be opened again in another mode — read-write after read-only.
    public func close() {
        openStore.withLock { $0 = nil }
    }

    /// The store format version this library writes and reads.
    public static var formatVersion: UInt32 { Environment.currentFormat }

    /// Flushes every committed append to disk (`mdb_env_sync`). Needed only after appends in
    /// ``Durability-swift.enum/relaxed`` mode.
    public func flush() throws(EventStoreError) {
        try shared.environment.sync()
    }
}
