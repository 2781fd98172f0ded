@testable import EventStore
import Foundation
import Testing

@Suite("Record format", .timeLimit(.minutes(5)))
struct RecordFormatTests {
    static let event = EventData(
        id: UUID(uuidString: "0190F5A2-7C4E-7A11-8B2C-3D4E5F607182")!,
        type: "goal.formulated", schemaVersion: 2, encoding: "json",
        metadata: EventMetadata(
            actor: "p-7", reason: nil, correlationID: UUID(uuidString: "00000000-0000-0000-0000-0000000000AA")!,
            causationID: nil, attributes: ["z": "1", "a": "ä"]),
        payload: Array("{}".utf8))

    @Test("the canonical body is pinned byte for byte, and its hash with it")
    func golden() throws {
        let body = RecordFormat.body(
            position: 7, streamVersion: 3, streamID: "plan", recordedAt: 1_700_000_000_123_456, event: Self.event)
        let hex = body.map { String(format: "%02x", $0) }.joined()
        #expect(hex == [
            "01", "0000000000000007", "0000000000000003", "0190f5a27c4e7a118b2c3d4e5f607182",
            "00060a2418202240", "00000002",
            "00000004", "706c616e",                                  // "plan"
            "0000000f", "676f616c2e666f726d756c61746564",            // "goal.formulated"
            "00000004", "6a736f6e",                                  // "json"
            "01", "00000003", "702d37",                              // actor "p-7"
            "00",                                                    // no reason
            "01", "000000000000000000000000000000aa",                // correlation id
            "00",                                                    // no causation id
            "00000002", "00000001", "61", "00000002", "c3a4",        // "a" = "ä" (sorted first)
            "00000001", "7a", "00000001", "31",                      // "z" = "1"
            "00000002", "7b7d",                                      // payload "{}"
        ].joined())
        let sealed = RecordFormat.seal(body: body, previous: .genesis)
        // The hash is SHA-256(previous ‖ body), as documented: check against an independent implementation.
        let independent = try sha256Hex(ChainHash.genesis.bytes + body)
        #expect(sealed.hash.description == independent)
        #expect(sealed.record.count == body.count + 64)
        // The size computed up front (so that building never grows the buffer) is the record's, for every shape.
        #expect(RecordFormat.size(streamID: "plan", event: Self.event) == sealed.record.count)
        let bare = EventData(type: "t", encoding: "binary/1", metadata: EventMetadata(), payload: [])
        let full = EventData(
            type: "measure.progress.reported", encoding: "binary/1",
            metadata: EventMetadata(actor: "p-1", reason: "Grund – ü", correlationID: UUID(), causationID: UUID(), attributes: ["role": "Büro", "x": ""]),
            payload: Array(repeating: 7, count: 300))
        for event in [bare, full] {
            let record = RecordFormat.body(position: 1, streamVersion: 1, streamID: "plan:ä", recordedAt: 0, event: event)
            #expect(RecordFormat.size(streamID: "plan:ä", event: event) == record.count + 64)
        }
        let decoded = try sealed.record.withUnsafeBytes { try RecordFormat.decode($0) }
        #expect(decoded.position == 7 && decoded.streamVersion == 3 && decoded.metadata == Self.event.metadata)
        #expect(decoded.recordedAtMicroseconds == 1_700_000_000_123_456)
    }

    @Test("damaged records give errors, never crashes")
    func damagedRecords() throws {
        let body = RecordFormat.body(position: 1, streamVersion: 1, streamID: "s", recordedAt: 0, event: Self.event)
        let record = RecordFormat.seal(body: body, previous: .genesis).record
        var generator = SystemRandomNumberGenerator()
        for length in 0..<record.count {
            _ = try? Array(record.prefix(length)).withUnsafeBytes { try RecordFormat.decode($0) }
        }
        for _ in 0..<5_000 {
            var damaged = record
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = try? damaged.withUnsafeBytes { try RecordFormat.decode($0) }
        }
        #expect(throws: ByteReaderError.self) { try Array(record.prefix(50)).withUnsafeBytes { try RecordFormat.decode($0) } }
    }

    @Test("the check verify uses accepts and refuses exactly the records decode does, with the same fields")
    func checkAgreesWithDecode() throws {
        let body = RecordFormat.body(position: 9, streamVersion: 4, streamID: "plan:x", recordedAt: 12, event: Self.event)
        let record = RecordFormat.seal(body: body, previous: .genesis).record
        var generator = SystemRandomNumberGenerator()
        var candidates = (0..<record.count).map { Array(record.prefix($0)) }
        for _ in 0..<5_000 {
            var damaged = record
            damaged[Int.random(in: 0..<damaged.count - 64, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            candidates.append(damaged)
        }
        candidates.append(record)
        var accepted = 0
        for candidate in candidates {
            let decoded = try? candidate.withUnsafeBytes { try RecordFormat.decode($0) }
            var strings = InternedStrings()
            let checked = try? candidate.withUnsafeBytes { try RecordFormat.check($0, strings: &strings) }
            #expect((decoded == nil) == (checked == nil))
            if let decoded, let checked {
                accepted += 1
                #expect(checked.position == decoded.position && checked.streamID == decoded.streamID)
                #expect(checked.streamVersion == decoded.streamVersion && checked.eventID == decoded.id)
                #expect(checked.recordedAt == decoded.recordedAtMicroseconds)
            }
        }
        #expect(accepted >= 1)
    }
}

/// SHA-256 by the system's `sha256sum`, independent of the store's own hashing.
func sha256Hex(_ bytes: [UInt8]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(bytes))
    try input.fileHandleForWriting.close()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return String(text.prefix(64))
}
