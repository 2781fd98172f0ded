internal import Foundation
internal import Primitives

/// The one thread that writes to an environment, and its queue: group commit.
///
/// Appenders enqueue requests and wait (a semaphore for synchronous callers, a continuation for async ones).
/// The writer thread takes everything queued, runs it in one LMDB write transaction and commits once, so while
/// one commit waits for its fsync the next batch gathers: durable throughput grows with the number of writers.
/// Each request is decided on its own (a wrong expected version rejects only that request, having written
/// nothing), and each caller gets its own result.
///
/// LMDB requires a write transaction to begin and commit on the same thread, with nothing awaited in between;
/// a dedicated thread guarantees both.
final class Writer: @unchecked Sendable {
    // @unchecked: all mutable state is guarded by `condition`.

    enum Job: Sendable {
        case append(AppendOperation)
        case putSnapshot(name: String, position: UInt64, bytes: [UInt8])
        case putSnapshots([Snapshot])
        case deleteSnapshots(name: String)
        case deleteSnapshotsWithPrefix(String)
    }

    enum Outcome: Sendable {
        case appended(AppendResult)
        case done
    }

    typealias Completion = @Sendable (Result<Outcome, EventStoreError>) -> Void

    private struct Request {
        let job: Job
        let durable: Bool
        let completion: Completion
    }

    /// Counters since the environment was opened in this process.
    struct Counters: Sendable {
        var transactions: UInt64 = 0
        var requests: UInt64 = 0
        var events: UInt64 = 0
        var mapGrowths: UInt64 = 0
    }

    private let environment: Environment
    private let watcher: HeadWatcher
    private let condition = NSCondition()
    private var queue: [Request] = []
    private var running = false
    /// A batch is being processed (by the writer thread or by a caller); only one at a time.
    private var busy = false
    private var stopping = false
    private let stopped = DispatchSemaphore(value: 0)
    private var counters = Counters()
    private var syncOnCommit = true

    /// At most this many requests share one transaction, which bounds a batch's latency and memory.
    static let maximumBatch = 4096

    /// How long the writer waits for the writers of its previous, larger batch before committing a smaller one:
    /// about half of one fsync on the development machine.
    static let gatherWindow: TimeInterval = 0.000_15

    /// The size of the last batch the writer thread took.
    private var lastBatch = 0

    init(environment: Environment, watcher: HeadWatcher) {
        self.environment = environment
        self.watcher = watcher
    }

    var statistics: Counters {
        condition.lock()
        defer { condition.unlock() }
        return counters
    }

    /// Queues a job; `completion` runs on the writer thread once the job's transaction committed or failed.
    func submit(_ job: Job, durable: Bool, completion: @escaping Completion) {
        condition.lock()
        if stopping {
            condition.unlock()
            completion(.failure(.alreadyOpen(path: environment.path, reason: Wording(de: "der Speicher wird geschlossen", en: "the store is closing"))))
            return
        }
        queue.append(Request(job: job, durable: durable, completion: completion))
        if !running {
            running = true
            let thread = Thread { [self] in run() }
            thread.name = "EventStore writer"
            thread.start()
        }
        condition.broadcast()
        condition.unlock()
    }

    /// Runs a job for a synchronous caller: on the caller's own thread when the writer is idle (no thread hand-off,
    /// begin and commit on that one thread), else through the queue like any other request.
    func perform(_ job: Job, durable: Bool) -> Result<Outcome, EventStoreError> {
        condition.lock()
        if !busy && queue.isEmpty && !stopping {
            busy = true
            condition.unlock()
            let box = ResultHolder()
            process([Request(job: job, durable: durable, completion: { box.result = $0 })])
            condition.lock()
            busy = false
            if !queue.isEmpty { condition.broadcast() }
            condition.unlock()
            return box.result ?? .failure(.invalidArgument(field: "request", reason: Wording(de: "wurde nicht verarbeitet", en: "was not processed")))
        }
        condition.unlock()
        let done = DispatchSemaphore(value: 0)
        let box = ResultHolder()
        submit(job, durable: durable) { result in
            box.result = result
            done.signal()
        }
        done.wait()
        return box.result ?? .failure(.invalidArgument(field: "request", reason: Wording(de: "wurde nicht verarbeitet", en: "was not processed")))
    }

    /// Finishes the queued work and stops the thread; returns when it has stopped.
    func shutdown() {
        condition.lock()
        stopping = true
        let wasRunning = running
        condition.broadcast()
        condition.unlock()
        if wasRunning { stopped.wait() }
    }

    private func run() {
        while true {
            condition.lock()
            while (queue.isEmpty || busy) && !stopping { condition.wait() }
            if stopping && (queue.isEmpty || busy) {
                // Finish what is queued once no caller is processing, then stop.
                while busy { condition.wait() }
                if queue.isEmpty {
                    condition.unlock()
                    stopped.signal()
                    return
                }
            }
            // Gather: when the previous batch was larger, its writers are probably about to submit again; waiting a
            // fraction of a commit for them is cheaper than a commit of their own. A lone writer never waits.
            if lastBatch > queue.count && !stopping {
                let deadline = Date(timeIntervalSinceNow: Self.gatherWindow)
                while queue.count < lastBatch && !stopping && condition.wait(until: deadline) {}
            }
            let count = min(queue.count, Self.maximumBatch)
            lastBatch = count
            let batch = Array(queue.prefix(count))
            queue.removeFirst(count)
            busy = true
            condition.unlock()
            process(batch)
            condition.lock()
            busy = false
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Runs a batch in one transaction. Retries the whole batch after growing a full map, and without a request
    /// whose writes failed midway (its error goes to its caller alone).
    private func process(_ batch: [Request]) {
        var live = Array(batch.indices)
        var results = [Result<Outcome, EventStoreError>?](repeating: nil, count: batch.count)
        var growths = 0
        var eventsWritten: UInt64 = 0
        while !live.isEmpty {
            var attempt = [Result<Outcome, EventStoreError>?](repeating: nil, count: batch.count)
            var poisoned: Int?
            var finalTip = ChainTip.empty
            var written: UInt64 = 0
            do throws(EventStoreError) {
                let durable = live.contains { batch[$0].durable }
                if durable != syncOnCommit {
                    try environment.setSyncOnCommit(durable)
                    syncOnCommit = durable
                }
                finalTip = try environment.write { (txn) throws(EventStoreError) -> ChainTip in
                    var tip = try ChainTip.read(txn)
                    var tails = try IndexTails.read(txn)
                    let now = Clock.microsecondsNow()
                    for index in live {
                        switch batch[index].job {
                        case let .append(operation):
                            let decision: AppendOperation.Decision
                            do throws(EventStoreError) {
                                decision = try operation.decide(txn, tails: tails)
                            } catch {
                                attempt[index] = .failure(error)  // rejected before writing anything
                                continue
                            }
                            switch decision {
                            case let .alreadyStored(result):
                                attempt[index] = .success(.appended(result))
                            case let .write(firstVersion):
                                poisoned = index
                                let result = try operation.write(txn, firstVersion: firstVersion, tip: &tip, tails: &tails, now: now)
                                poisoned = nil
                                written += UInt64(operation.events.count)
                                attempt[index] = .success(.appended(result))
                            }
                        case let .putSnapshot(name, position, bytes):
                            poisoned = index
                            try txn.put(txn.databases.snapshots, Keys.named(name, position), bytes)
                            poisoned = nil
                            attempt[index] = .success(.done)
                        case let .putSnapshots(snapshots):
                            poisoned = index
                            for snapshot in snapshots {
                                try txn.put(txn.databases.snapshots, Keys.named(snapshot.name, snapshot.position), snapshot.bytes)
                            }
                            poisoned = nil
                            attempt[index] = .success(.done)
                        case let .deleteSnapshotsWithPrefix(prefix):
                            poisoned = index
                            try Self.deleteSnapshots(prefix: Array(prefix.utf8), exactName: false, txn)
                            poisoned = nil
                            attempt[index] = .success(.done)
                        case let .deleteSnapshots(name):
                            poisoned = index
                            try Self.deleteSnapshots(prefix: Array(name.utf8) + [0], exactName: true, txn)
                            poisoned = nil
                            attempt[index] = .success(.done)
                        }
                    }
                    return tip
                }
                for index in live { results[index] = attempt[index] }
                eventsWritten = written
                live = []
                watcher.publish(finalTip.position)
            } catch {
                if error.lmdbCode == .mapFull, growths < 64 {
                    do throws(EventStoreError) {
                        // Pages pinned by readers of dead processes cannot be reused: free them, then grow.
                        try environment.clearStaleReaders()
                        try environment.growMap()
                        growths += 1
                        continue
                    } catch {
                        for index in live { results[index] = .failure(error) }
                        live = []
                    }
                } else if let poisoned {
                    results[poisoned] = .failure(error)
                    live.removeAll { $0 == poisoned }
                } else {
                    for index in live { results[index] = .failure(error) }
                    live = []
                }
            }
        }
        condition.lock()
        counters.transactions += 1
        counters.requests += UInt64(batch.count)
        counters.events += eventsWritten
        counters.mapGrowths += UInt64(growths)
        condition.unlock()
        for (index, request) in batch.enumerated() {
            request.completion(results[index] ?? .failure(.invalidArgument(field: "request", reason: Wording(de: "wurde nicht verarbeitet", en: "was not processed"))))
        }
    }

    /// Deletes the snapshot keys that start with `prefix` (with `exactName`, only those of exactly that name).
    private static func deleteSnapshots(prefix: [UInt8], exactName: Bool, _ txn: Transaction) throws(EventStoreError) {
        var keys: [[UInt8]] = []
        try txn.withCursor(txn.databases.snapshots) { (cursor) throws(EventStoreError) in
            var entry = try cursor.seek(atOrAfter: prefix)
            while let current = entry, current.key.starts(with: prefix) {
                if !exactName || current.key.count == prefix.count + 8 { keys.append(Array(current.key)) }
                entry = try cursor.next()
            }
        }
        for key in keys { try txn.delete(txn.databases.snapshots, key) }
    }
}

/// Hands a result from whoever processed a request to the caller waiting for it (the semaphore or the return
/// orders the accesses).
private final class ResultHolder: @unchecked Sendable {
    var result: Result<Writer.Outcome, EventStoreError>?
}
