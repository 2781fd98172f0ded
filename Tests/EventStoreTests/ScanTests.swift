@testable import EventStore
import Foundation
import Testing

@Suite("Scanning pages for replay", .timeLimit(.minutes(2)))
struct ScanTests {
    @Test("scanRecords and scanPage hand over a stream's events in order, within the version, position and limit asked for")
    func pages() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path)
        for index in 0..<30 {
            _ = try store.append(to: index % 3 == 0 ? "other" : "plan", events: [sampleEvent("e\(index)", type: "type.\(index % 4)")])
        }
        var cursor = store.events(inStream: "plan")
        let expected = try cursor.collect()
        #expect(expected.count == 20)

        var scanned: [ScannedEvent] = []
        var payloads: [[UInt8]] = []
        let count = try store.scanPage(stream: "plan", from: 3, upTo: expected[13].position, limit: 100) { page in
            scanned = page
            payloads = page.map { Array($0.payload) }
        }
        #expect(count == 12)
        #expect(scanned.map(\.position) == expected[2...13].map(\.position))
        #expect(scanned.map(\.streamVersion) == Array(3...14))
        #expect(scanned.map(\.type) == expected[2...13].map(\.type))
        #expect(payloads == expected[2...13].map(\.payload))

        // The unread records are the same page; reading them on other threads, each with its own strings, gives
        // the same events.
        var read: [ScannedEvent?] = []
        let records = try store.scanRecords(stream: "plan", from: 3, upTo: expected[13].position, limit: 5) { page in
            nonisolated(unsafe) let page = page
            var results = [ScannedEvent?](repeating: nil, count: page.count)
            results.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let buffer = buffer
                DispatchQueue.concurrentPerform(iterations: page.count) { index in
                    var strings = ScanStrings()
                    buffer[index] = try? page[index].scanned(&strings)
                }
            }
            read = results
        }
        #expect(records == 5)
        #expect(read.map { $0?.position } == expected[2...6].map(\.position))
        #expect(read.map { $0?.type } == expected[2...6].map(\.type))
    }

    @Test("stream reads follow the log by cursor steps and searches alike: forward, backward, across other streams' events, and a record missing from the log is named at its position")
    func streamReadsAcrossTheLog() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        do {
            let store = try EventStore(path: directory.path)
            // Runs of consecutive positions (cursor steps) broken by other streams' events (searches).
            for index in 0..<60 {
                _ = try store.append(to: index % 7 == 3 || index % 11 == 5 ? "other" : "plan", events: [sampleEvent("e\(index)")])
            }
        }
        func collect(_ store: EventStore, _ stream: String, from version: UInt64 = 1, _ direction: ReadDirection = .forward) throws -> [RecordedEvent] {
            var cursor = store.events(inStream: stream, from: version, direction: direction)
            return try cursor.collect()
        }
        let store = try EventStore(path: directory.path, configuration: .init(readOnly: true))
        var log = store.events(from: 1)
        let all = try log.collect()
        let plan = all.filter { $0.streamID == "plan" }
        #expect(try collect(store, "plan").map(\.position) == plan.map(\.position))
        #expect(try collect(store, "plan").map(\.payload) == plan.map(\.payload))
        #expect(try collect(store, "plan", from: UInt64(plan.count), .backward).map(\.position) == plan.reversed().map(\.position))
        #expect(try collect(store, "other", from: 3).map(\.position) == all.filter { $0.streamID == "other" }.dropFirst(2).map(\.position))
        var scanned: [UInt64] = []
        try store.scanPage(stream: "plan") { page in scanned = page.map(\.position) }
        #expect(scanned == plan.map(\.position))

        // A plan record deleted from the log in the middle of a run: reached by a step forward, a step backward and
        // a search, it is missing at its position every time.
        let positions: [UInt64] = plan.map(\.position)
        func inRun(_ index: Int) -> Bool { positions[index - 1] + 1 == positions[index] && positions[index] + 1 == positions[index + 1] }
        let index = try #require((10..<(positions.count - 1)).first(where: inRun))
        let missing = plan[index].position
        try withRawLog(directory.path) { txn, log in try rawDelete(txn, log, missing) }
        let damaged = try EventStore(path: directory.path, configuration: .init(readOnly: true))
        func isMissing(_ body: () throws -> Void) -> Bool {
            do {
                try body()
                return false
            } catch {
                guard case let .missingRecord(position) = error as? EventStoreError else { return false }
                return position == missing
            }
        }
        #expect(isMissing { _ = try collect(damaged, "plan") })
        #expect(isMissing { _ = try collect(damaged, "plan", from: UInt64(plan.count), .backward) })
        #expect(isMissing { _ = try collect(damaged, "plan", from: UInt64(index + 1)) })
        #expect(isMissing { try damaged.scanPage(stream: "plan") { _ in } })
        #expect(try collect(damaged, "plan", from: UInt64(index + 2)).map(\.position) == plan.dropFirst(index + 1).map(\.position))
    }

    @Test("a record whose bytes are not a record is a corrupt record at its position, never a crash")
    func damagedRecord() throws {
        let garbage: [UInt8] = [1, 0, 0, 0, 0, 0, 0, 0, 7, 0xFF, 0xFF, 0xFF]
        garbage.withUnsafeBytes { bytes in
            var strings = ScanStrings()
            let record = StoredRecord(position: 7, bytes: bytes)
            #expect {
                _ = try record.scanned(&strings)
            } throws: { error in
                guard case let .corruptRecord(position, _) = error as? EventStoreError else { return false }
                return position == 7
            }
        }
    }
}
