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

    @Test("every event type's binary and canonical JSON encodings are pinned by golden files")
    func golden() throws {
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        if update { try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true) }
        for event in EventSamples.all {
            let envelope = PlanEventEnvelope(event, context: EventSamples.context)
            // Canonical JSON: the bytes themselves, one line.
            let json = EventCodec.encode(envelope, as: .canonicalJSON)
            #expect(json.encoding == "canonical-json/1")
            #expect(json.payload == EventCodec.canonicalJSON(of: envelope))
            let jsonFile = Self.goldenDirectory.appendingPathComponent("\(event.typeName).v\(event.schemaVersion).json")
            if update { try Data(json.payload + [0x0A]).write(to: jsonFile) }
            let jsonGolden = try [UInt8](Data(contentsOf: jsonFile))
            #expect(json.payload + [0x0A] == jsonGolden, "\(event.typeName) no longer encodes to \(jsonFile.lastPathComponent)")
            let fromJSON = try EventCodec.decode(type: event.typeName, schemaVersion: event.schemaVersion, encoding: json.encoding, payload: Array(jsonGolden.dropLast()))
            #expect(fromJSON == envelope)

            // Binary: the bytes as hexadecimal, one line.
            let binary = EventCodec.encode(envelope)
            #expect(binary.encoding == "binary/1")
            let binaryFile = Self.goldenDirectory.appendingPathComponent("\(event.typeName).v\(event.schemaVersion).bin.hex")
            if update { try Data((hex(binary.payload) + "\n").utf8).write(to: binaryFile) }
            let binaryGolden = try String(contentsOf: binaryFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(hex(binary.payload) == binaryGolden, "\(event.typeName) no longer encodes to \(binaryFile.lastPathComponent)")
            let fromBinary = try EventCodec.decode(type: event.typeName, schemaVersion: event.schemaVersion, encoding: binary.encoding, payload: try #require(bytes(hex: binaryGolden)))
            #expect(fromBinary == envelope)
            #expect(try EventCodec.decodeEvent(type: event.typeName, schemaVersion: event.schemaVersion, encoding: binary.encoding, payload: binary.payload) == event)
        }
    }

    @Test("the same event always encodes to the same bytes, in both encodings")
    func deterministic() {
        for event in EventSamples.all {
            for encoding in EventCodec.Encoding.allCases {
                let first = EventCodec.encode(PlanEventEnvelope(event, context: EventSamples.context), as: encoding).payload
                let second = EventCodec.encode(PlanEventEnvelope(event, context: EventSamples.context), as: encoding).payload
                #expect(first == second)
            }
            // Keys are sorted and there is no whitespace outside strings.
            let text = String(decoding: EventCodec.canonicalJSON(of: PlanEventEnvelope(event, context: EventSamples.context)), as: UTF8.self)
            #expect(text.hasPrefix("{\"context\":{\"actor\":\"p-0042\""))
        }
    }

    @Test("every sample and every variant of it survive both encodings unchanged, with or without a context")
    func roundTrips() throws {
        for event in EventSamples.all + EventSamples.variants {
            for context in [EventSamples.context, EventContext()] {
                let envelope = PlanEventEnvelope(event, context: context)
                for encoding in EventCodec.Encoding.allCases {
                    let encoded = EventCodec.encode(envelope, as: encoding)
                    let decoded = try EventCodec.decode(type: encoded.typeName, schemaVersion: encoded.schemaVersion, encoding: encoded.encoding, payload: encoded.payload)
                    #expect(decoded == envelope, "\(event.typeName) in \(encoding)")
                }
            }
        }
    }

    @Test("the samples set every member of every payload somewhere, so the round trips cover each member's layout")
    func samplesSetEveryMember() {
        // A member the samples always leave out (nil, empty) would decode to the same nothing even if the binary
        // layout forgot it: a payload that gains a member fails here until a sample sets it.
        func isSet(_ value: Any) -> Bool {
            let mirror = Mirror(reflecting: value)
            // Present is enough for an optional: a layout that forgot it would read it back as absent.
            if mirror.displayStyle == .optional { return !mirror.children.isEmpty }
            if mirror.displayStyle == .collection || mirror.displayStyle == .set || mirror.displayStyle == .dictionary { return !mirror.children.isEmpty }
            if let text = value as? String { return !text.isEmpty }
            return true
        }
        var set: [String: Set<String>] = [:], all: [String: Set<String>] = [:]
        for event in EventSamples.all + EventSamples.variants {
            guard let payload = Mirror(reflecting: event).children.first?.value else { continue }
            for child in Mirror(reflecting: payload).children {
                guard let label = child.label else { continue }
                all[event.typeName, default: []].insert(label)
                if isSet(child.value) { set[event.typeName, default: []].insert(label) }
            }
        }
        #expect(Set(all.keys) == Set(PlanEvent.Kind.allCases.map(\.rawValue)))
        for (type, labels) in all {
            #expect(labels.subtracting(set[type] ?? []).isEmpty, "\(type): no sample sets \(labels.subtracting(set[type] ?? []).sorted())")
        }
    }

    @Test("damaged binary payloads are typed errors naming the byte and the field, never a crash")
    func damagedBinary() throws {
        var generator = SystemRandomNumberGenerator()
        for event in EventSamples.all {
            let encoded = EventCodec.encode(PlanEventEnvelope(event, context: EventSamples.context))
            func decodes(_ payload: [UInt8]) -> Bool {
                do {
                    _ = try EventCodec.decode(type: encoded.typeName, schemaVersion: encoded.schemaVersion, encoding: encoded.encoding, payload: payload)
                    _ = try EventCodec.decodeEvent(type: encoded.typeName, schemaVersion: encoded.schemaVersion, encoding: encoded.encoding, payload: payload)
                    return true
                } catch {
                    guard case let .malformed(type, version, detail) = error else {
                        Issue.record("\(event.typeName): unexpected \(error)")
                        return false
                    }
                    #expect(type == event.typeName && version == event.schemaVersion && detail.hasPrefix("byte "), "\(detail)")
                    return false
                }
            }
            // Every truncation fails (the layout has no optional tail), and so does a byte too many.
            for length in 0..<encoded.payload.count {
                #expect(!decodes(Array(encoded.payload.prefix(length))), "\(event.typeName) cut to \(length) bytes decoded")
            }
            #expect(!decodes(encoded.payload + [0]))
            // Damaged bytes either fail with a typed error or decode to some event: never a trap.
            for _ in 0..<200 {
                var damaged = encoded.payload
                let index = Int.random(in: 0..<damaged.count, using: &generator)
                damaged[index] ^= UInt8.random(in: 1...255, using: &generator)
                _ = decodes(damaged)
            }
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
        let payload = EventCodec.encode(PlanEventEnvelope(EventSamples.all[0], context: EventContext()), as: .canonicalJSON).payload
        #expect(throws: EventDecodingError.unknownType("plan.exploded")) {
            try EventCodec.decode(type: "plan.exploded", schemaVersion: 1, encoding: "canonical-json/1", payload: payload)
        }
        #expect(throws: EventDecodingError.unknownEncoding(type: "plan.created", encoding: "xml")) {
            try EventCodec.decode(type: "plan.created", schemaVersion: 1, encoding: "xml", payload: payload)
        }
        #expect(throws: EventDecodingError.newerSchema(type: "plan.created", found: 9, supported: 1)) {
            try EventCodec.decode(type: "plan.created", schemaVersion: 9, encoding: "canonical-json/1", payload: payload)
        }
        #expect(throws: EventDecodingError.newerSchema(type: "plan.created", found: 9, supported: 1)) {
            try EventCodec.decode(type: "plan.created", schemaVersion: 9, encoding: "binary/1", payload: payload)
        }
        // Binary payloads are written at the current schema version only; an older one names what is wrong.
        let measure = EventCodec.encode(PlanEventEnvelope(EventSamples.all.first { $0.kind == .measureRevised }!, context: EventContext()))
        #expect(throws: EventDecodingError.malformed(type: "measure.revised", schemaVersion: 2, detail: "binary payloads exist only at schema version 3")) {
            try EventCodec.decode(type: "measure.revised", schemaVersion: 2, encoding: "binary/1", payload: measure.payload)
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

/// Bytes as lowercase hexadecimal, two digits each.
private func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    var text = ""
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0F)])
    }
    return text
}

/// The bytes of hexadecimal text, or nil when it is not.
private func bytes(hex text: String) -> [UInt8]? {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { return nil }
    var bytes: [UInt8] = []
    for index in stride(from: 0, to: digits.count, by: 2) {
        guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
        bytes.append(byte)
    }
    return bytes
}
