import Foundation
@testable import StrategyCore
import Testing

@Suite("Event codec", .timeLimit(.minutes(5)))
struct CodecTests {
    static let goldenDirectory = repositoryRoot.appendingPathComponent("Tests/StrategyCoreTests/Golden")
    static let fixtureDirectory = repositoryRoot.appendingPathComponent("Tests/StrategyCoreTests/Fixtures")

    @Test("the samples cover every event type exactly once")
    func coverage() {
        #expect(EventSamples.all.map(\.typeName) == PlanEvent.types.map(\.name))
        #expect(Set(PlanEvent.types.map(\.name)).count == PlanEvent.types.count)
    }

    @Test("every event type's current encoding is pinned by a golden file")
    func golden() throws {
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        if update { try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true) }
        for event in EventSamples.all {
            let encoded = EventCodec.encode(PlanEventEnvelope(event, context: EventSamples.context))
            let file = Self.goldenDirectory.appendingPathComponent("\(event.typeName).v\(event.schemaVersion).json")
            if update { try Data(encoded.payload + [0x0A]).write(to: file) }
            let golden = try [UInt8](Data(contentsOf: file))
            #expect(encoded.payload + [0x0A] == golden, "\(event.typeName) no longer encodes to \(file.lastPathComponent)")
            #expect(encoded.encoding == "canonical-json/1")
            let decoded = try EventCodec.decode(type: event.typeName, schemaVersion: event.schemaVersion, encoding: encoded.encoding, payload: Array(golden.dropLast()))
            #expect(decoded.event == event)
            #expect(decoded.context == EventSamples.context)
        }
    }

    @Test("the same event always encodes to the same bytes")
    func deterministic() {
        for event in EventSamples.all {
            let first = EventCodec.encode(PlanEventEnvelope(event, context: EventSamples.context)).payload
            let second = EventCodec.encode(PlanEventEnvelope(event, context: EventSamples.context)).payload
            #expect(first == second)
            // Keys are sorted and there is no whitespace outside strings.
            let text = String(decoding: first, as: UTF8.self)
            #expect(text.hasPrefix("{\"context\":{\"actor\":\"p-0042\""))
        }
    }

    @Test("a stored goal.formulated v1 is upcast to the current version")
    func upcastV1() throws {
        let fixture = try [UInt8](Data(contentsOf: Self.fixtureDirectory.appendingPathComponent("goal.formulated.v1.json")))
        let decoded = try EventCodec.decode(type: "goal.formulated", schemaVersion: 1, encoding: "canonical-json/1", payload: fixture)
        guard case let .goalFormulated(goal) = decoded.event else {
            Issue.record("decoded \(decoded.event.typeName)")
            return
        }
        #expect(goal.goal.rawValue == "ziel-c1")
        #expect(goal.statement == "Bildungswege im Landkreis werden nachvollziehbar.")
        #expect(goal.targets == [Target(indicator: Identifier("kz-abbrueche"), baseline: Quantity("9.1"), baselineDate: CalendarDate("2019-07-31"),
                                        target: Quantity("7")!, targetDate: CalendarDate("2023-07-31"))])
        #expect(decoded.context.actor == "p-0007")
        // A v1 goal without a target gets an empty list.
        let plain = try [UInt8](Data(contentsOf: Self.fixtureDirectory.appendingPathComponent("goal.formulated.v1.no-target.json")))
        guard case let .goalFormulated(untargeted) = try EventCodec.decode(type: "goal.formulated", schemaVersion: 1, encoding: "canonical-json/1", payload: plain).event else {
            Issue.record("not a goal")
            return
        }
        #expect(untargeted.targets.isEmpty)
    }

    @Test("unknown types, encodings, newer schemas and broken payloads are typed errors")
    func decodingErrors() {
        let payload = EventCodec.encode(PlanEventEnvelope(EventSamples.all[0], context: EventContext())).payload
        #expect(throws: EventDecodingError.unknownType("plan.exploded")) {
            try EventCodec.decode(type: "plan.exploded", schemaVersion: 1, encoding: "canonical-json/1", payload: payload)
        }
        #expect(throws: EventDecodingError.unknownEncoding(type: "plan.created", encoding: "xml")) {
            try EventCodec.decode(type: "plan.created", schemaVersion: 1, encoding: "xml", payload: payload)
        }
        #expect(throws: EventDecodingError.newerSchema(type: "plan.created", found: 9, supported: 1)) {
            try EventCodec.decode(type: "plan.created", schemaVersion: 9, encoding: "canonical-json/1", payload: payload)
        }
        for broken in [Array("{".utf8), Array("{\"context\":{},\"data\":{\"plan\":\"Vechta!\"}}".utf8), Array("[]".utf8), [0xFF, 0xFE], Array("{\"context\":{},\"data\":{\"n\":1.5}}".utf8)] {
            do {
                _ = try EventCodec.decode(type: "plan.created", schemaVersion: 1, encoding: "canonical-json/1", payload: broken)
                Issue.record("decoded \(broken)")
            } catch {
                guard case .malformed(type: "plan.created", schemaVersion: 1, _) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
            }
        }
    }

    @Test("canonical JSON escapes and parses strings exactly")
    func canonicalStrings() throws {
        let tricky = "Zeile 1\nZeile 2\t\"zitiert\" \\ Backslash \u{0001} Kontrolle – ü 🎓"
        let bytes = try CanonicalJSON.encode(["b": tricky, "a": "x"])
        #expect(String(decoding: bytes, as: UTF8.self) == "{\"a\":\"x\",\"b\":\"Zeile 1\\nZeile 2\\t\\\"zitiert\\\" \\\\ Backslash \\u0001 Kontrolle – ü 🎓\"}")
        #expect(try CanonicalJSON.parse(bytes) == .object(["a": .string("x"), "b": .string(tricky)]))
        #expect(try CanonicalJSON.parse(Array("\"\\ud83c\\udf93\"".utf8)) == .string("🎓"))
        #expect(throws: (any Error).self) { try CanonicalJSON.encode(["x": 1.5]) }
    }
}
