/// A live, ordered feed of the log: catches up from a position, then delivers new appends as they commit.
///
/// Every delivery is read from the log by position, so the switch from catching up to live has no gap and no
/// duplicate: each position is delivered exactly once, in order. Appends made through this process wake the
/// subscription at once; appends by other processes are found within
/// ``EventStore/Configuration-swift.struct/subscriptionPollInterval``.
///
/// ```swift
/// for try await event in store.subscribe(from: 1) {
///     apply(event)
/// }
/// ```
///
/// The sequence ends (returns nil) when its task is cancelled; it throws when the log cannot be read.
public struct EventSubscription: AsyncSequence, Sendable {
    public typealias Element = RecordedEvent
    public typealias Failure = EventStoreError

    let store: EventStore
    let start: UInt64

    public func makeAsyncIterator() -> Iterator {
        Iterator(store: store, nextPosition: Swift.max(start, 1))
    }

    /// Delivers the subscription's events.
    public struct Iterator: AsyncIteratorProtocol {
        public typealias Element = RecordedEvent
        public typealias Failure = EventStoreError

        let store: EventStore
        var nextPosition: UInt64
        var buffer: [RecordedEvent] = []
        var index = 0

        public mutating func next() async throws(EventStoreError) -> RecordedEvent? {
            while true {
                if index < buffer.count {
                    defer { index += 1 }
                    return buffer[index]
                }
                if Task.isCancelled { return nil }
                buffer = try store.readLogPage(from: nextPosition, direction: .forward, limit: store.configuration.readPageSize)
                index = 0
                if let last = buffer.last {
                    nextPosition = last.position + 1
                    continue
                }
                await (try store.shared).watcher.wait(after: nextPosition - 1, timeout: store.configuration.subscriptionPollInterval)
            }
        }
    }
}

extension EventStore {
    /// Subscribes to the log from a position (1, the default, replays everything first).
    public func subscribe(from position: UInt64 = 1) -> EventSubscription {
        EventSubscription(store: self, start: position)
    }
}
