#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A value that only one thread touches at a time, guarded by a `pthread_mutex_t`.
///
/// The standard library's `Synchronization.Mutex` would do the same job, but on Linux it waits on a raw futex that
/// ThreadSanitizer cannot see, so every value it guards shows up as a data race in a `--sanitize=thread` run. A
/// pthread mutex is intercepted by the sanitizer, which keeps those runs meaningful. EventStore, StrategyCore and
/// Projections all use it, hence `package` access.
///
/// - Complexity: `withLock` costs one uncontended lock and unlock (tens of nanoseconds) plus the body.
package final class Protected<Value>: @unchecked Sendable {
    // Allocated once and never moved: pthread objects must not be copied.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    /// Wraps `value`; from now on it is reachable only through ``withLock(_:)``.
    package init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the value. Do not call back into the same instance from `body`: the
    /// mutex is not recursive.
    package func withLock<R, E: Error>(_ body: (inout Value) throws(E) -> R) throws(E) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
