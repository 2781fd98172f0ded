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
