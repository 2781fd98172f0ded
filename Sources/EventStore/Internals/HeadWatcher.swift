internal import Dispatch
internal import Primitives

/// Wakes subscribers when the log grows.
///
/// The writer publishes the new last position after every commit; a subscriber that has read everything waits
/// here until the head passes what it has seen, or until its poll interval elapses (appends from other
/// processes are not published here, so subscribers also poll).
final class HeadWatcher: Sendable {
    private struct Waiter {
        let after: UInt64
        let continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var head: UInt64
        var nextID: UInt64 = 0
        var waiters: [UInt64: Waiter] = [:]
    }

    private let state: Protected<State>

    init(head: UInt64) {
        state = Protected(State(head: head))
    }

    /// Records a new head and wakes every waiter it passes.
    func publish(_ head: UInt64) {
        let ready = state.withLock { state -> [Waiter] in
            guard head > state.head else { return [] }
            state.head = head
            let ready = state.waiters.filter { $0.value.after < head }
            for id in ready.keys { state.waiters[id] = nil }
            return Array(ready.values)
        }
        for waiter in ready { waiter.continuation.resume() }
    }

    /// Returns when the head passes `position`, after `timeout`, or when the task is cancelled.
    func wait(after position: UInt64, timeout: Duration) async {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.head > position || Task.isCancelled { return true }
                    state.waiters[id] = Waiter(after: position, continuation: continuation)
                    return false
                }
                if resumeNow {
                    continuation.resume()
                    return
                }
                let (seconds, attoseconds) = timeout.components
                let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
                DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { [self] in
                    wake(id)
                }
            }
        } onCancel: {
            wake(id)
        }
    }

    private func wake(_ id: UInt64) {
        let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
        waiter?.continuation.resume()
    }
}
