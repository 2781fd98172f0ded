import Dispatch

extension StrategyEngine {
    /// Runs reads off the caller's task and returns their result: for async code (a web handler, a live view) that
    /// must not hold a thread of Swift's cooperative pool while a plan catches up with the log.
    ///
    /// ```swift
    /// let (draft, versions) = try await engine.read { engine in
    ///     (try engine.state(of: plan), try engine.versions(of: plan))
    /// }
    /// ```
    ///
    /// `body` runs on a thread of a concurrent dispatch queue. Each plan's read model has its own lock, so reads of
    /// different plans run in parallel, here and in the synchronous calls; reads of one plan wait only while that
    /// plan catches up. Writes do not belong in `body`: they are `async` already (`execute`, `importPlan`).
    ///
    /// - Throws: What `body` throws: ``EngineError`` when its closure says `throws(EngineError)`.
    public func read<T: Sendable, E: Error>(_ body: @escaping @Sendable (StrategyEngine) throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { () throws(E) -> T in try body(self) })
            }
        }
        return try result.get()
    }
}
