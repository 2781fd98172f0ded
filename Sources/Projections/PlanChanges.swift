import EventStore
public import StrategyCore

/// A live feed of recorded plan events — of one plan or of every plan: those after a position, then new ones as
/// they are recorded.
///
/// Built on the store's subscription, so there is no gap and no duplicate at the switch from past to live, and one
/// feed of every plan reads the log once however many plans it holds. Resume after a restart by passing the last
/// ``PlanRecord/position`` handled. Ends when its task is cancelled; throws ``EngineError`` when the log cannot be
/// read or an event cannot be decoded.
public struct PlanChanges: AsyncSequence, Sendable {
    public typealias Element = PlanRecord
    public typealias Failure = EngineError

    let subscription: EventSubscription
    /// The one plan's stream, or nil for every plan's.
    let stream: String?

    public func makeAsyncIterator() -> Iterator {
        Iterator(inner: subscription.makeAsyncIterator(), stream: stream)
    }

    /// Delivers the records.
    public struct Iterator: AsyncIteratorProtocol {
        public typealias Element = PlanRecord
        public typealias Failure = EngineError

        var inner: EventSubscription.Iterator
        let stream: String?

        /// The next record, or nil when the task was cancelled.
        public mutating func next() async throws(EngineError) -> PlanRecord? {
            while true {
                let event: RecordedEvent?
                do throws(EventStoreError) { event = try await inner.next() } catch { throw .store(error) }
                guard let event else { return nil }
                let wanted = stream.map { event.streamID == $0 } ?? (PlanStreams.plan(ofStream: event.streamID) != nil)
                if wanted { return try PlanRecord(event) }
            }
        }
    }
}

extension StrategyEngine {
    /// The plan's events recorded after `position` (0: all), then new ones as they are recorded.
    ///
    /// - Throws: ``EngineError/unknownPlan(_:)`` when the store has no such plan (yet): a feed of a plan that does
    ///   not exist would wait for ever. Use ``changes(after:)`` to see plans as they are created.
    public func changes(of plan: Identifier, after position: UInt64 = 0) throws(EngineError) -> PlanChanges {
        if try !plans(includeWithdrawn: true).contains(plan) { throw .unknownPlan(plan) }
        return PlanChanges(subscription: store.subscribe(from: position + 1), stream: PlanStreams.streamID(plan))
    }

    /// The events of every plan recorded after `position` (0: all), then new ones as they are recorded, in log
    /// order: one feed for a web back-end or an index that follows the whole store, resumable by position.
    public func changes(after position: UInt64 = 0) -> PlanChanges {
        PlanChanges(subscription: store.subscribe(from: position + 1), stream: nil)
    }
}
