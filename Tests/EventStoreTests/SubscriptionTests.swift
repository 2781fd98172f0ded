import EventStore
import Foundation
import Synchronization
import Testing

@Suite("Subscriptions", .timeLimit(.minutes(5)))
struct SubscriptionTests {
    @Test("catches up from a position, then delivers live appends in order")
    func catchUpThenLive() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path, configuration: .init(readPageSize: 7))
        for index in 1...20 { _ = try await store.append(to: "s", events: [sampleEvent("\(index)")]) }

        let received = Task {
            var positions: [UInt64] = []
            for try await event in store.subscribe(from: 5) {
                positions.append(event.position)
                if positions.count == 26 { break }
            }
            return positions
        }
        try await Task.sleep(for: .milliseconds(50))
        for index in 21...30 { _ = try await store.append(to: "t", events: [sampleEvent("\(index)")]) }
        #expect(try await received.value == Array(5...30))
    }

    @Test("an append made after the subscriber caught up and went idle is delivered live, not by polling", .timeLimit(.minutes(3)))
    func liveAfterIdle() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // A poll interval far beyond the test's bound: only the store's own wake-up can deliver in time.
        let store = try EventStore(path: directory.path, configuration: .init(subscriptionPollInterval: .seconds(600)))
        for index in 1...3 { _ = try await store.append(to: "s", events: [sampleEvent("\(index)")]) }
        let (positions, feed) = AsyncStream.makeStream(of: UInt64.self)
        let subscriber = Task {
            for try await event in store.subscribe() { feed.yield(event.position) }
        }
        defer { subscriber.cancel() }
        var iterator = positions.makeAsyncIterator()
        for expected in UInt64(1)...3 { #expect(await iterator.next() == expected) }
        // Caught up: the subscriber now waits. Give it time to be waiting, then append.
        try await Task.sleep(for: .milliseconds(300))
        _ = try await store.append(to: "t", events: [sampleEvent("4")])
        // Without the wake-up this waits for the 10-minute poll, and the test's one-minute limit fails it.
        #expect(await iterator.next() == 4, "the append after the catch-up was not delivered live")
    }

    @Test("appends racing the switch-over from catch-up to live give no gap and no duplicate")
    func racingSwitchOver() async throws {
        for round in 0..<5 {
            let directory = TemporaryDirectory("race\(round)")
            defer { directory.remove() }
            let store = try EventStore(path: directory.path, configuration: .init(durability: .relaxed, readPageSize: 16))
            let total = 600
            for index in 0..<100 { _ = try await store.append(to: "w0", events: [sampleEvent("\(index)")]) }
            // Two writers keep appending while the subscriber catches up and turns live.
            let writers = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for writer in 1...2 {
                        group.addTask {
                            for index in 0..<250 {
                                _ = try await store.append(to: "w\(writer)", events: [sampleEvent("\(index)")])
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            var positions: [UInt64] = []
            for try await event in store.subscribe() {
                positions.append(event.position)
                if positions.count == total { break }
            }
            try await writers.value
            #expect(positions == Array(1...UInt64(total)))
        }
    }

    @Test("a cancelled subscription ends")
    func cancellation() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path, configuration: .init(subscriptionPollInterval: .seconds(60)))
        _ = try await store.append(to: "s", events: [sampleEvent("1")])
        let count = Task {
            var count = 0
            for try await _ in store.subscribe() { count += 1 }
            return count
        }
        try await Task.sleep(for: .milliseconds(100))
        count.cancel()
        #expect(try await count.value == 1)
    }

    @Test("appends by another process reach a live subscription")
    func otherProcess() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path, configuration: .init(subscriptionPollInterval: .milliseconds(20)))
        let received = Task {
            var positions: [UInt64] = []
            for try await event in store.subscribe() {
                positions.append(event.position)
                if positions.count == 30 { break }
            }
            return positions
        }
        let child = try HelperProcess(["append", "--store", directory.path, "--stream", "child", "--count", "30", "--batch", "3"])
        #expect(child.wait() == 0, "\(child.standardError)")
        #expect(try await received.value == Array(1...30))
    }
}
