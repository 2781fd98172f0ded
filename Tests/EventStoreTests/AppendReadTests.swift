@testable import EventStore
import Foundation
import Testing

@Suite("Append and read", .timeLimit(.minutes(5)))
struct AppendReadTests {
    @Test("events round-trip with every field, positions and versions gap-free from 1")
    func roundTrip() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path)
        let correlation = UUID()
        let first = EventData(
            type: "goal.formulated", schemaVersion: 3, encoding: "json",
            metadata: EventMetadata(
                actor: "person-17", reason: "Fortschreibung 2025", correlationID: correlation, causationID: UUID(),
                attributes: ["role": "Bildungsbüro", "resolution": "V-SCHUL/19/159", "ümlaut": "Größe"]),
            payload: Array(#"{"statement":"Übergänge gelingen"}"#.utf8))
        let second = sampleEvent("zwei")
        let before = Date()
        let a = try store.append(to: "plan-vechta", expecting: .noStream, events: [first, second])
        let b = try store.append(to: "plan-stade", expecting: .noStream, events: [sampleEvent("drei")])
        let c = try store.append(to: "plan-vechta", expecting: .exact(2), events: [sampleEvent("vier")])

        #expect(a == AppendResult(streamID: "plan-vechta", firstPosition: 1, lastPosition: 2, firstVersion: 1, lastVersion: 2, wasAlreadyStored: false))
        #expect(b.firstPosition == 3 && b.firstVersion == 1)
        #expect(c.firstPosition == 4 && c.firstVersion == 3 && c.lastVersion == 3)

        var cursor = store.events()
        let all = try cursor.collect()
        #expect(all.map(\.position) == [1, 2, 3, 4])
        #expect(all.map(\.streamID) == ["plan-vechta", "plan-vechta", "plan-stade", "plan-vechta"])
        #expect(all.map(\.streamVersion) == [1, 2, 1, 3])
        let stored = all[0]
        #expect(stored.id == first.id)
        #expect(stored.type == "goal.formulated")
        #expect(stored.schemaVersion == 3)
        #expect(stored.encoding == "json")
        #expect(stored.metadata == first.metadata)
        #expect(stored.payload == first.payload)
        #expect(stored.previousHash == .genesis)
        #expect(all[1].previousHash == stored.hash)
        #expect(stored.recordedAt.timeIntervalSince(before) > -1 && stored.recordedAt.timeIntervalSinceNow < 1)
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.recordedAtMicroseconds <= $1.recordedAtMicroseconds })

        #expect(try store.event(at: 3)?.payload == Array("drei".utf8))
        #expect(try store.event(at: 5) == nil)
        #expect(try store.event(id: second.id)?.position == 2)
        #expect(try store.event(id: UUID()) == nil)
        #expect(try store.head() == ChainHead(position: 4, hash: all[3].hash))
        #expect(try store.streamHead("plan-vechta") == StreamHead(streamID: "plan-vechta", version: 3, position: 4))
        #expect(try store.streamHead("plan-börde") == nil)
        #expect(try store.streamHeads().map(\.streamID) == ["plan-stade", "plan-vechta"])
        #expect(try store.streamHeads(after: "plan-stade").map(\.streamID) == ["plan-vechta"])

        var stream = store.events(inStream: "plan-vechta")
        #expect(try stream.collect().map(\.position) == [1, 2, 4])
        var fromVersion = store.events(inStream: "plan-vechta", from: 2)
        #expect(try fromVersion.collect().map(\.streamVersion) == [2, 3])
    }

    @Test("events survive closing and reopening the store")
    func reopen() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var head: ChainHead?
        do {
            let store = try EventStore(path: directory.path)
            for index in 0..<10 { _ = try store.append(to: "s\(index % 3)", events: [sampleEvent("e\(index)")]) }
            head = try store.head()
        }
        let reopened = try EventStore(path: directory.path)
        #expect(try reopened.head() == head)
        #expect(try reopened.streamHead("s0")?.version == 4)
        _ = try reopened.append(to: "s0", expecting: .exact(4), events: [sampleEvent("more")])
        #expect(try reopened.verify(checkIndexes: true).isIntact)
    }

    @Test("reading backward over the log and over one stream")
    func backward() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path, configuration: .init(readPageSize: 3))
        for index in 1...10 { _ = try store.append(to: index.isMultiple(of: 2) ? "even" : "odd", events: [sampleEvent("\(index)")]) }
        var all = store.events(from: .max, direction: .backward)
        #expect(try all.collect().map(\.position) == Array((1...10).reversed()))
        var fromSeven = store.events(from: 7, direction: .backward)
        #expect(try fromSeven.collect().map(\.position) == [7, 6, 5, 4, 3, 2, 1])
        var even = store.events(inStream: "even", from: .max, direction: .backward)
        #expect(try even.collect().map(\.position) == [10, 8, 6, 4, 2])
        var evenFromThree = store.events(inStream: "even", from: 3, direction: .backward)
        #expect(try evenFromThree.collect().map(\.streamVersion) == [3, 2, 1])
        var none = store.events(inStream: "missing", from: .max, direction: .backward)
        #expect(try none.collect().isEmpty)
    }

    @Test("a cursor's first page is small and the next ones grow to the page size, in both directions and over both sources",
          .timeLimit(.minutes(2)))
    func growingPages() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path, configuration: .init(durability: .relaxed, readPageSize: 1_000))
        _ = try store.append(to: "plan", events: (1...3_000).map { sampleEvent("event \($0)") })
        _ = try store.append(to: "other", events: [sampleEvent("last")])
        // Only the first event is wanted: 16 are read, not a thousand.
        var first = store.events(inStream: "plan")
        #expect(try first.next()?.streamVersion == 1)
        #expect(first.bufferedCount == 16)
        // Reading on: pages of 16, 128, 1,000, 1,000, and the rest; every event once, in order.
        var sizes: [Int] = [], versions: [UInt64] = []
        var all = store.events(inStream: "plan")
        while let event = try all.next() {
            // The first event of a page: everything before it came from the pages already counted.
            if versions.count == sizes.reduce(0, +) { sizes.append(all.bufferedCount) }
            versions.append(event.streamVersion)
        }
        #expect(versions == Array(1...3_000))
        #expect(sizes == [16, 128, 1_000, 1_000, 856])
        var backward = store.events(from: .max, direction: .backward)
        #expect(try backward.next()?.position == 3_001)
        #expect(backward.bufferedCount == 16)
        #expect(try backward.collect().map(\.position) == Array((1...3_000).reversed()))
        // A configured page size below 16 is kept.
        let small = try EventStore(path: directory.path, configuration: .init(readOnly: true, readPageSize: 5))
        var log = small.events()
        #expect(try log.next()?.position == 1)
        #expect(log.bufferedCount == 5)
        #expect(try log.collect().count == 3_000)
    }

    @Test("a 1 MiB payload round-trips byte for byte")
    func largePayload() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path)
        var generator = SystemRandomNumberGenerator()
        let payload = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let event = EventData(type: "blob.stored", encoding: "binary", payload: payload)
        _ = try store.append(to: "blobs", events: [event, sampleEvent("after")])
        #expect(try store.event(at: 1)?.payload == payload)
        #expect(try store.event(at: 2)?.payload == Array("after".utf8))
        #expect(try store.verify().isIntact)
    }

    @Test("many streams keep their own gap-free versions")
    func manyStreams() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path, configuration: .init(durability: .relaxed))
        let streamCount = 500
        for round in 1...4 {
            for stream in 0..<streamCount {
                _ = try await store.append(to: "stream-\(stream)", expecting: .exact(UInt64(round - 1)), events: [sampleEvent("\(round)")])
            }
        }
        var heads: [StreamHead] = []
        var after: String?
        repeat {
            let page = try store.streamHeads(after: after, limit: 128)
            heads += page
            after = page.last?.streamID
            if page.count < 128 { break }
        } while true
        #expect(heads.count == streamCount)
        #expect(heads.allSatisfy { $0.version == 4 })
        var stream = store.events(inStream: "stream-42")
        let events = try stream.collect()
        #expect(events.map(\.streamVersion) == [1, 2, 3, 4])
        let expectedPositions: [UInt64] = [43, 543, 1043, 1543]
        #expect(events.map(\.position) == expectedPositions)
        #expect(try store.statistics().streamCount == streamCount)
    }

    @Test("cursors read lazily, one page per read transaction, and see later appends")
    func lazyPaging() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path, configuration: .init(durability: .relaxed, readPageSize: 100))
        for batch in 0..<10 {
            _ = try store.append(to: "s", events: (0..<100).map { sampleEvent("\(batch)-\($0)") })
        }
        var cursor = store.events()
        var count = 0
        var maximumBuffered = 0
        while let event = try cursor.next() {
            count += 1
            #expect(event.position == UInt64(count))
            maximumBuffered = max(maximumBuffered, cursor.bufferedCount)
            // No read transaction stays open between pages: the reader slots in use do not grow.
            if count % 100 == 50 { #expect(try store.statistics().activeReaders == 0) }
            // Appended while the cursor is still pages away from the end (it reads 16, then 100 at a time): seen.
            if count == 500 { _ = try store.append(to: "s", events: [sampleEvent("late")]) }
        }
        #expect(count == 1001)
        #expect(maximumBuffered <= 100)
    }

    @Test("invalid appends are refused with a message naming the field, and write nothing")
    func invalidInput() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path)
        func refusal(_ stream: String, _ events: [EventData]) -> String? {
            do {
                _ = try store.append(to: stream, events: events)
                return nil
            } catch {
                return error.description
            }
        }
        #expect(refusal("", [sampleEvent("x")]) == "invalid stream id: must not be empty")
        #expect(refusal("a\u{0}b", [sampleEvent("x")]) == "invalid stream id: contains the control character U+0")
        #expect(refusal(String(repeating: "x", count: 256), [sampleEvent("x")])
            == "invalid stream id: has 256 bytes of UTF-8, at most 255 are allowed")
        #expect(refusal("s", []) == "invalid events: an append needs at least one event")
        #expect(refusal("s", [sampleEvent("a"), sampleEvent("b", type: "")]) == "invalid events[1].type: must not be empty")
        let twice = sampleEvent("a")
        #expect(refusal("s", [twice, twice])?.hasSuffix("appears twice in this append") == true)
        let huge = EventData(type: "t", encoding: "bin", payload: [UInt8](repeating: 0, count: EventStore.maximumPayloadSize + 1))
        #expect(refusal("s", [huge])?.hasPrefix("invalid events[0].payload: has 67108865 bytes") == true)
        #expect(try store.head() == nil)
    }

    @Test("time-ordered event ids are version 7 and sort by creation time")
    func timeOrderedIDs() throws {
        let first = UUID.timeOrdered()
        Thread.sleep(forTimeInterval: 0.002)
        let second = UUID.timeOrdered()
        let text = first.uuidString
        #expect(text[text.index(text.startIndex, offsetBy: 14)] == "7")
        #expect(first.uuidString < second.uuidString)
    }
}

extension EventCursor {
    /// How many events the cursor holds in memory (for the paging test).
    var bufferedCount: Int { Mirror(reflecting: self).children.first { $0.label == "buffer" }.map { ($0.value as! [RecordedEvent]).count } ?? 0 }
}
