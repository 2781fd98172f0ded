internal import Primitives

extension EventStore {
    /// Appends events to a stream atomically, if the stream is where `expected` says. Blocks until committed.
    ///
    /// All events go into one write transaction: either all are stored, with consecutive positions and stream
    /// versions, or none. Concurrent appends (from any thread or task) are grouped into shared transactions; each
    /// is still decided on its own.
    ///
    /// Retrying an append after an unknown outcome is safe: if every event id is already stored at the same places,
    /// the original result is returned with ``AppendResult/wasAlreadyStored`` set and nothing is written.
    ///
    /// - Parameters:
    ///   - stream: The stream id: 1 to 255 bytes of UTF-8, no control characters.
    ///   - expected: What the stream's current version must be.
    ///   - events: One or more events.
    /// - Throws: ``EventStoreError/wrongExpectedVersion(stream:expected:actual:)``,
    ///   ``EventStoreError/idempotencyConflict(stream:eventID:reason:)``, ``EventStoreError/invalidArgument(field:reason:)``,
    ///   ``EventStoreError/readOnly(path:)`` or an LMDB error. Nothing is written when it throws.
    public func append(
        to stream: String, expecting expected: ExpectedVersion = .any, events: [EventData]
    ) throws(EventStoreError) -> AppendResult {
        let job = try appendJob(stream: stream, expected: expected, events: events)
        return try Self.appendResult(shared.writer.perform(job, durable: configuration.durability == .durable))
    }

    /// Appends events to a stream atomically, if the stream is where `expected` says; suspends until committed.
    ///
    /// The same as the synchronous ``append(to:expecting:events:)``, without blocking a thread while the
    /// transaction commits.
    public func append(
        to stream: String, expecting expected: ExpectedVersion = .any, events: [EventData]
    ) async throws(EventStoreError) -> AppendResult {
        let job = try appendJob(stream: stream, expected: expected, events: events)
        let writer = try shared.writer
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Writer.Outcome, EventStoreError>, Never>) in
            writer.submit(job, durable: configuration.durability == .durable) { result in
                continuation.resume(returning: result)
            }
        }
        return try Self.appendResult(result)
    }

    private func appendJob(stream: String, expected: ExpectedVersion, events: [EventData]) throws(EventStoreError) -> Writer.Job {
        if isReadOnly { throw .readOnly(path: path) }
        try Validation.append(stream: stream, events: events)
        return .append(AppendOperation(streamID: stream, expected: expected, events: events))
    }

    private static func appendResult(_ result: Result<Writer.Outcome, EventStoreError>) throws(EventStoreError) -> AppendResult {
        switch result {
        case let .success(.appended(appendResult)): return appendResult
        case .success(.done): throw .invalidArgument(field: "append", reason: Wording(de: "der Schreib-Thread lieferte kein Ergebnis des Anhängevorgangs", en: "the writer returned no append result"))
        case let .failure(error): throw error
        }
    }

    /// Runs a non-append job through the writer and waits for it.
    func runWriteJob(_ job: Writer.Job, durable: Bool) throws(EventStoreError) {
        if isReadOnly { throw .readOnly(path: path) }
        _ = try shared.writer.perform(job, durable: durable).get()
    }
}
