import EventStore
public import StrategyCore

/// A live feed of one plan's recorded events: those after a position, then new ones as they are recorded.
///
/// Built on the store's subscription, so there is no gap and no duplicate at the switch from past to live. Ends
/// when its task is cancelled.
public struct PlanChanges: AsyncSequence, Sendable {
    public typealias Element = PlanRecord

    let subscription: EventSubscription
    let stream: String

    public func makeAsyncIterator() -> Iterator {
        Iterator(inner: subscription.makeAsyncIterator(), stream: stream)
    }

    /// Delivers the plan's records.
    public struct Iterator: AsyncIteratorProtocol {
        var inner: EventSubscription.Iterator
        let stream: String

        /// The next record of the plan, or nil when the task was cancelled.
        public mutating func next() async throws -> PlanRecord? {
            while let event = try await inner.next() {
                if event.streamID == stream { return try PlanRecord(event) }
            }
            return nil
        }
    }
}

extension StrategyEngine {
    /// The plan's events recorded after `position` (0: all), then new ones as they are recorded.
    public func changes(of plan: Identifier, after position: UInt64 = 0) -> PlanChanges {
        PlanChanges(subscription: store.subscribe(from: position + 1), stream: PlanStreams.streamID(plan))
    }
}
