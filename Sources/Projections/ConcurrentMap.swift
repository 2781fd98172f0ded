import Dispatch

/// `(0..<count).map(transform)`, with the calls spread over the processor's cores.
///
/// Dispatch hands the indices to whichever thread is free, so uneven work (one large entity kind and many small
/// ones in a diff, or a page's fold beside the next page's decoding in a replay) still balances. Results keep the
/// order of the indices.
///
/// - Complexity: O(*n*) calls of `transform`, divided by the number of cores.
func concurrentMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(transform) }
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        nonisolated(unsafe) let output = buffer
        DispatchQueue.concurrentPerform(iterations: count) { index in
            (output.baseAddress! + index).initialize(to: transform(index))
        }
        initialized = count
    }
}
