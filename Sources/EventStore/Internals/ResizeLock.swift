internal import Foundation

/// Keeps transactions and map resizes apart inside one process.
///
/// LMDB's `mdb_env_set_mapsize` may only run while the process has no transaction open, and the library does not
/// check it. Every transaction therefore holds this lock shared; a resize holds it exclusively. The lock prefers
/// readers (glibc's default), so a thread that already holds it shared can take it shared again without waiting
/// for a queued resize.
final class ResizeLock: @unchecked Sendable {
    // Allocated once and never moved: pthread objects must not be copied.
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    init() {
        lock = .allocate(capacity: 1)
        lock.initialize(to: pthread_rwlock_t())
        pthread_rwlock_init(lock, nil)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    func shared<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }

    func exclusive<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }
}
