/// The direction of a read.
public enum ReadDirection: Sendable, Hashable {
    /// Ascending positions or versions.
    case forward
    /// Descending positions or versions.
    case backward
}

/// A lazy, paged read of the log or of one stream.
///
/// A cursor reads at most ``EventStore/Configuration-swift.struct/readPageSize`` events per read transaction, copies
/// them out and closes the transaction before it hands them over, so even a read of millions of events holds one
/// page in memory and never keeps LMDB pages pinned for long. Its first page is small (16 events) and each next one
/// eight times larger up to that size, so a caller that wants only the first event or two (a plan's first record,
/// the newest event) does not copy a thousand. Events appended while the cursor runs are seen when it reaches them.
///
/// ```swift
/// var cursor = store.events(inStream: "plan-vechta")
/// while let event = try cursor.next() { … }
/// ```
public struct EventCursor {
    enum Source {
        case log(next: UInt64)
        case stream(id: String, nextVersion: UInt64)
    }

    private let store: EventStore
    private var source: Source
    private let direction: ReadDirection
    private var buffer: [RecordedEvent] = []
    private var index = 0
    private var finished = false
    /// The size of the next page: 16 at first, then eight times the last one, up to the configured page size.
    private var pageLimit = 16

    init(store: EventStore, source: Source, direction: ReadDirection) {
        self.store = store
        self.source = source
        self.direction = direction
    }

    /// The next event, or nil at the end.
    public mutating func next() throws(EventStoreError) -> RecordedEvent? {
        if index == buffer.count {
            if finished { return nil }
            try fetchPage()
            if buffer.isEmpty { return nil }
        }
        defer { index += 1 }
        return buffer[index]
    }

    /// The remaining events, at most `limit` of them.
    public mutating func collect(limit: Int = .max) throws(EventStoreError) -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        while events.count < limit, let event = try next() { events.append(event) }
        return events
    }

    private mutating func fetchPage() throws(EventStoreError) {
        let limit = min(pageLimit, store.configuration.readPageSize)
        pageLimit = min(store.configuration.readPageSize, pageLimit * 8)
        index = 0
        switch source {
        case let .log(next):
            buffer = try store.readLogPage(from: next, direction: direction, limit: limit)
            if let last = buffer.last {
                switch direction {
                case .forward: source = .log(next: last.position + 1)
                case .backward:
                    if last.position <= 1 { finished = true } else { source = .log(next: last.position - 1) }
                }
            }
        case let .stream(id, nextVersion):
            buffer = try store.readStreamPage(id, from: nextVersion, direction: direction, limit: limit)
            if let last = buffer.last {
                switch direction {
                case .forward: source = .stream(id: id, nextVersion: last.streamVersion + 1)
                case .backward:
                    if last.streamVersion <= 1 { finished = true } else { source = .stream(id: id, nextVersion: last.streamVersion - 1) }
                }
            }
        }
        if buffer.count < limit { finished = true }
    }
}
