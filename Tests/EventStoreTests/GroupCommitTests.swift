import EventStore
import Foundation
import Testing

@Suite("Group commit", .timeLimit(.minutes(5)))
struct GroupCommitTests {
    @Test("16 concurrent writers each get their own correct result, in fewer transactions than appends")
    func sixteenWriters() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path)
        let appendsPerWriter = 25
        let results = try await withThrowingTaskGroup(of: (Int, [AppendResult]).self) { group in
            for writer in 0..<16 {
                group.addTask {
                    var results: [AppendResult] = []
                    for round in 0..<appendsPerWriter {
                        results.append(try await store.append(
                            to: "writer-\(writer)", expecting: .exact(UInt64(round)),
                            events: [sampleEvent("w\(writer) r\(round)")]))
                    }
                    return (writer, results)
                }
            }
            var all: [Int: [AppendResult]] = [:]
            for try await (writer, results) in group { all[writer] = results }
            return all
        }
        var positions = Set<UInt64>()
        for (writer, writerResults) in results {
            #expect(writerResults.map(\.lastVersion) == Array(1...UInt64(appendsPerWriter)))
            for result in writerResults {
                #expect(result.streamID == "writer-\(writer)")
                let event = try #require(try store.event(at: result.firstPosition))
                #expect(event.streamID == "writer-\(writer)")
                #expect(event.payload == Array("w\(writer) r\(result.lastVersion - 1)".utf8))
                positions.insert(result.firstPosition)
            }
        }
        #expect(positions == Set(1...UInt64(16 * appendsPerWriter)))
        let statistics = try store.statistics()
        #expect(statistics.appendRequests == UInt64(16 * appendsPerWriter))
        #expect(statistics.transactionsCommitted < statistics.appendRequests, "appends were never batched")
        #expect(try store.verify(checkIndexes: true).isIntact)
    }

    @Test("one writer's version conflict fails only that writer, also from threads")
    func conflictFailsOnlyItsWriter() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path)
        _ = try store.append(to: "shared", events: [sampleEvent("seed")])
        let outcomes = OutcomeList()
        DispatchQueue.concurrentPerform(iterations: 16) { writer in
            for round in 0..<10 {
                do throws(EventStoreError) {
                    // Writer 0 always expects a version the stream never has.
                    let expected: ExpectedVersion = writer == 0 ? .exact(1_000) : .any
                    let result = try store.append(to: writer == 0 ? "shared" : "own-\(writer)", expecting: expected,
                                                  events: [sampleEvent("\(writer)/\(round)")])
                    outcomes.add(writer, .success(result))
                } catch {
                    outcomes.add(writer, .failure(error))
                }
            }
        }
        let all = outcomes.all
        #expect(all.count == 160)
        for (writer, outcome) in all {
            switch (writer, outcome) {
            case (0, .failure(.wrongExpectedVersion(stream: "shared", expected: .exact(1_000), actual: 1))): break
            case (0, _): Issue.record("writer 0 got \(outcome)")
            case (_, .success(let result)): #expect(result.streamID == "own-\(writer)")
            case (_, .failure(let error)): Issue.record("writer \(writer) failed: \(error)")
            }
        }
        #expect(try store.head()?.position == 1 + 150)
        #expect(try store.streamHead("shared")?.version == 1)
    }
}

final class OutcomeList: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [(Int, Result<AppendResult, EventStoreError>)] = []

    func add(_ writer: Int, _ outcome: Result<AppendResult, EventStoreError>) {
        lock.lock()
        outcomes.append((writer, outcome))
        lock.unlock()
    }

    var all: [(Int, Result<AppendResult, EventStoreError>)] {
        lock.lock()
        defer { lock.unlock() }
        return outcomes
    }
}
