import Foundation
import HashTreeCollections
import PropertyBased
@testable import StrategyCore
import StrategyTestSupport
import Testing

@Suite("Binary state codec", .timeLimit(.minutes(5)))
struct BinaryStateCodecTests {
    @Test("random plan states survive encoding and decoding unchanged, and equal states give equal bytes")
    func roundTrip() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...Int(Int32.max)).array(of: 0...160)) { seeds in
            let state = randomHistory(seeds: seeds).state
            let bytes = BinaryStateCodec.encode(state)
            let decoded = try BinaryStateCodec.decode(bytes)
            #expect(decoded == state)
            #expect(BinaryStateCodec.encode(decoded) == bytes)
            #expect(try CanonicalJSON.encode(decoded) == CanonicalJSON.encode(state))
        }
    }

    @Test("the five county plans survive encoding and decoding unchanged")
    func examples() throws {
        let counties = try examplePlans()
        #expect(counties.count >= 5)
        for (county, files) in counties {
            let state = try loadCounty(files).state
            #expect(!state.goals.isEmpty, "\(county)")
            #expect(try BinaryStateCodec.decode(BinaryStateCodec.encode(state)) == state, "\(county)")
        }
    }

    /// The stored properties the codec writes, per type. A new property makes this test fail until the codec
    /// writes it too (and `layoutVersion` is raised), so snapshots never silently drop a field.
    @Test("the codec knows every stored property of every model type")
    func everyPropertyIsWritten() throws {
        let id = Identifier("x")
        let date = CalendarDate(year: 2026, month: 1, day: 1)!
        func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        let expected: [(String, Any, [String])] = [
            ("PlanState", PlanState.empty, ["id", "title", "county", "levels", "deadline", "draftLabel", "vision", "fields", "goals", "measures",
                                          "indicators", "observations", "bodies", "resolutions", "participation", "contributions", "actors",
                                          "versions", "changesSinceAdoption", "sealed", "withdrawal", "fieldOrder", "themes", "fieldSequence", "goalSequence", "measureSequence", "contacts"]),
            ("LevelNames", LevelNames(), ["strategic", "operational"]),
            ("Vision", Vision(), ["sections", "principles", "motto"]),
            ("VisionSection", VisionSection(id: id, title: "", text: ""), ["id", "title", "text"]),
            ("FieldOfAction", FieldOfAction(id: id, code: "", title: "", commitment: ""), ["id", "code", "title", "commitment", "tags", "_themes", "derivedFrom", "status"]),
            ("Goal", Goal(id: id, field: id, level: .strategic, statement: ""), ["id", "field", "parent", "level", "statement", "targetGroup", "effectLevel", "targets", "derivedFrom", "status", "_themes"]),
            ("Target", Target(indicator: id, target: Quantity(1), targetDate: date), ["indicator", "baseline", "baselineDate", "target", "text", "targetDate"]),
            ("Measure", Measure(id: id, title: "", lead: ""), ["id", "title", "description", "lead", "partners", "plannedStart", "plannedEnd", "actualStart",
                                                            "actualEnd", "horizon", "goals", "milestones", "budget", "derivedFrom", "status", "health", "progress",
                                                            "field", "_themes"]),
            ("Milestone", Milestone(id: id, title: "", due: date), ["id", "title", "due", "reached"]),
            ("BudgetLine", BudgetLine(amount: EuroAmount(cents: 1), source: "", year: 2026), ["amount", "source", "year"]),
            ("EuroAmount", EuroAmount(cents: 1), ["cents"]),
            ("Quantity", Quantity(1), ["text"]),
            ("CalendarDate", date, ["year", "month", "day", "precision", "isBefore"]),
            ("Indicator", Indicator(id: id, code: "", name: "", unit: "", polarity: .neutral, source: ""), ["id", "code", "name", "unit", "polarity", "source", "retiredReason"]),
            ("Observation", Observation(id: id, indicator: id, period: "", region: "", value: Quantity(1)), ["id", "indicator", "period", "region", "value", "corrects", "correctedBy", "reason"]),
            ("Body", Body(id: id, name: "", kind: .council, mandate: []), ["id", "name", "kind", "mandate", "dissolved", "dissolvedOn"]),
            ("Resolution", Resolution(number: "", body: id, date: date, subject: "", result: .adopted), ["number", "subject", "deliberations"]),
            ("Deliberation", Deliberation(body: id, date: date, result: .adopted), ["body", "date", "kind", "result", "votes"]),
            ("Votes", Votes(yes: 1, no: 0, abstain: 0), ["yes", "no", "abstain", "unanimous", "note"]),
            ("PlanVersion", PlanVersion(label: "", resolution: "", body: id, effectiveDate: date, contentHash: "", basedOn: nil, counts: VersionCounts(fields: 0, goals: 0, measures: 0)),
             ["label", "resolution", "body", "effectiveDate", "contentHash", "basedOn", "counts", "supersededBy"]),
            ("VersionCounts", VersionCounts(fields: 0, goals: 0, measures: 0), ["fields", "goals", "measures"]),
            ("ParticipationFormat", ParticipationFormat(id: id, kind: .workshop, title: "", date: date, participants: 1), ["id", "kind", "title", "date", "participants"]),
            ("Contribution", Contribution(id: id, format: id, summary: ""), ["id", "format", "summary", "disposition", "linkedTo", "note"]),
            ("Actor", Actor(id: id, name: "", sector: .school), ["id", "name", "sector"]),
            ("IdentifierSet", IdentifierSet(), ["members"]),
            ("Theme", Theme(id: id, title: ""), ["id", "title", "description"]),
        ]
        for (name, value, properties) in expected {
            #expect(labels(value) == properties, "\(name) has stored properties \(labels(value)); update BinaryStateCodec and this list")
        }
        // Every case of the field status (the one enum with values) has its own tag.
        let statuses: [FieldStatus] = [.proposed, .active, .merged(into: id), .split(into: [id, Identifier("y")]), .retired(reason: "r")]
        for status in statuses {
            let field = FieldOfAction(id: id, code: "1", title: "t", commitment: "c", status: status)
            var writer = BinaryWriter()
            field.write(to: &writer)
            let decoded = try writer.bytes.withUnsafeBytes { buffer in
                var reader = BinaryReader(buffer)
                return try FieldOfAction(reading: &reader)
            }
            #expect(decoded == field)
        }
    }

    @Test("every truncation and damaged byte gives an error naming the offset and field, never a crash")
    func damagedBytes() throws {
        let state = randomHistory(seeds: Array(1...120)).state
        let bytes = BinaryStateCodec.encode(state)
        try #require(bytes.count > 200)
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            #expect(throws: BinaryDecodingError.self, "a prefix of \(length) bytes") { try BinaryStateCodec.decode(Array(bytes.prefix(length))) }
        }
        #expect(throws: BinaryDecodingError.self) { try BinaryStateCodec.decode(bytes + [0]) }
        var generator = SplitMix(42)
        for _ in 0..<400 {
            var damaged = bytes
            damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            // Either an error or some state: what matters is that nothing crashes or reads out of bounds.
            _ = try? BinaryStateCodec.decode(damaged)
        }
        var wrongVersion = bytes
        wrongVersion[0] = BinaryStateCodec.layoutVersion &+ 1
        do {
            _ = try BinaryStateCodec.decode(wrongVersion)
            Issue.record("a wrong layout version decoded")
        } catch {
            #expect(error.description == "byte 0: layout version is \(BinaryStateCodec.layoutVersion &+ 1), expected \(BinaryStateCodec.layoutVersion)")
        }
        // A count larger than the bytes left is refused before anything is allocated: here in the first part, whose
        // errors name offsets from the start of the whole encoding.
        var huge = BinaryWriter()
        huge.byte(BinaryStateCodec.layoutVersion)
        huge.count(4)
        for length in [11, 1, 1, 1] { huge.count(length) }
        huge.byte(0)  // no id
        let titleOffset = huge.bytes.count
        huge.varint(UInt64.max >> 1)  // a title "longer" than the input
        while huge.bytes.count < 6 + 11 { huge.byte(0) }
        for _ in 0..<3 { huge.byte(0) }  // three empty tables
        do {
            _ = try BinaryStateCodec.decode(huge.bytes)
            Issue.record("an impossible length decoded")
        } catch {
            #expect(error.field == "plan.title" && error.offset == titleOffset && error.problem.contains("but only 1 bytes are left"))
        }
    }

    @Test("each part of the layout must end where its byte count says, and the counts must cover the bytes exactly")
    func partBoundaries() throws {
        let state = randomHistory(seeds: Array(1...60)).state
        let bytes = BinaryStateCodec.encode(state)
        // The table: version, part count, four byte counts; the parts follow and fill the rest.
        let (lengths, partsStart) = try bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            _ = try reader.byte("version")
            #expect(try reader.count("parts") == 4)
            var lengths: [Int] = []
            for _ in 0..<4 { lengths.append(try reader.count("part")) }
            return (lengths, reader.offset)
        }
        #expect(partsStart + lengths.reduce(0, +) == bytes.count)
        try #require(lengths[1] > 0, "the random history has goals")
        func withTable(_ lengths: [Int]) -> [UInt8] {
            var writer = BinaryWriter()
            writer.byte(BinaryStateCodec.layoutVersion)
            writer.count(4)
            for length in lengths { writer.count(length) }
            writer.raw(bytes[partsStart...])
            return writer.bytes
        }
        #expect(try BinaryStateCodec.decode(withTable(lengths)) == state)
        // Decoded by a runner that runs the jobs at the same time, in reverse order: the same state.
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var values: [Result<PlanState.DecodedPart, BinaryDecodingError>?]
            init(_ count: Int) { values = Array(repeating: nil, count: count) }
        }
        let concurrent = try bytes.withUnsafeBytes { buffer in
            try BinaryStateCodec.decode(buffer) { count, job in
                let results = Results(count)
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    let result = job(count - 1 - index)
                    results.lock.withLock { results.values[count - 1 - index] = result }
                }
                return results.values.map { $0! }
            }
        }
        #expect(concurrent == state)
        // The first byte of the goals counted to the part before it: that part runs on into the goals, and the goals'
        // part starts in the middle of an entry.
        #expect(throws: BinaryDecodingError.self) {
            try BinaryStateCodec.decode(withTable([lengths[0] + 1, lengths[1] - 1, lengths[2], lengths[3]]))
        }
        // Counts that do not add up to the bytes that follow.
        var short = bytes
        short.append(0)
        do {
            _ = try BinaryStateCodec.decode(short)
            Issue.record("trailing bytes decoded")
        } catch {
            #expect(error.field == "parts" && error.problem.contains("follow"))
        }
        var wrongCount = bytes
        wrongCount[1] = 3
        #expect(throws: BinaryDecodingError.self) { try BinaryStateCodec.decode(wrongCount) }
    }

    @Test("a persistent dictionary is written in the order of its keys, byte for byte as the same entries in a Dictionary")
    func treeEntitiesOrder() throws {
        // Keys whose hash order differs from their text order, including prefixes ("obs-1" < "obs-10" < "obs-2")
        // and every character an identifier may hold.
        var tree = TreeDictionary<Identifier, Observation>()
        var plain: [Identifier: Observation] = [:]
        for index in 0..<3_000 {
            let id = try Identifier(["obs-\(index)", "a.\(index % 7)_\(index)", "0-\(index * 31 % 1_000)"][index % 3])
            let observation = Observation(
                id: id, indicator: try Identifier("kz-\(index % 5)"), period: "20\(10 + index % 15)", region: "Gemeinde \(index % 20)",
                value: Quantity("\(index % 13).\(index % 10)")!)
            tree[id] = observation
            plain[id] = observation
        }
        var fromTree = BinaryWriter(), fromPlain = BinaryWriter()
        fromTree.entities(tree)
        fromPlain.entities(plain)
        #expect(fromTree.bytes == fromPlain.bytes)
        try fromTree.bytes.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes)
            let decoded: TreeDictionary<Identifier, Observation> = try reader.treeEntities("observations")
            #expect(decoded == tree)
            // The keys as written, read back one by one, are in ascending order.
            var keysReader = BinaryReader(bytes)
            var previous: String?
            for _ in 0..<(try keysReader.count("observations")) {
                let key = try keysReader.identifier("observations").rawValue
                _ = try Observation(reading: &keysReader)
                if let previous { #expect(previous < key) }
                previous = key
            }
        }
    }

    @Test("strings are accepted exactly when their bytes are valid UTF-8")
    func utf8Validation() {
        // Short and long inputs, so that both the word-at-a-time and the byte-at-a-time parts of the ASCII check run.
        let valid: [[UInt8]] = [
            [], Array("hf-a".utf8), Array("Übergänge gestalten – für alle".utf8), Array("🎓 Bildung".utf8), [0xEF, 0xBF, 0xBD],
            Array("Bildungskonferenz im Kreishaus".utf8), Array("Bildungskonferenz im Kreishaus, Saal Ü".utf8),
        ]
        let invalid: [[UInt8]] = [
            [0xFF], [0xC3], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], Array("ab".utf8) + [0xE2, 0x82], [0x80, 0x41],
            Array("Bildungskonferenz".utf8) + [0xFF], Array("Bildungs".utf8) + [0xC3] + Array("konferenz".utf8),
        ]
        for bytes in valid {
            #expect(bytes.withUnsafeBytes { String(validUTF8: $0) } == String(decoding: bytes, as: UTF8.self), "\(bytes)")
        }
        for bytes in invalid {
            #expect(bytes.withUnsafeBytes { String(validUTF8: $0) } == nil, "\(bytes)")
            #expect(bytes.withUnsafeBytes { String(validating: $0, as: UTF8.self) } == nil, "the standard library agrees on \(bytes)")
        }
    }

    @Test("Identifier and both decoders accept exactly the valid identifiers, escaped or not")
    func identifiersInDecoders() throws {
        // The rule written out (1 to 64 of a-z 0-9 - _ ., starting with a letter or digit), not asked of Identifier.
        let valid = ["hf-a", "ziel-b-2", "m.1_x", "0", "9z", String(repeating: "a", count: 64)]
        let invalid = [
            String(repeating: "a", count: 65), "", "HF-A", "hf-A", "-hf", "_hf", ".hf", "hf a", "hf/a", "zïel", "hf-ä", "\u{0}", "a\u{7F}",
        ]
        for text in valid + invalid {
            let accepted = valid.contains(text)
            #expect(((try? Identifier(text)) != nil) == accepted, "Identifier '\(text)'")
            // The snapshots' binary layout: a length-prefixed string.
            var writer = BinaryWriter()
            writer.string(text)
            let binary = writer.bytes.withUnsafeBytes { buffer in
                var reader = BinaryReader(buffer)
                return try? reader.identifier("id")
            }
            #expect(binary?.rawValue == (accepted ? text : nil), "binary '\(text)'")
            // Event payloads: canonical JSON, once as written and once with the first character escaped.
            let json = try CanonicalJSON.encode([text])
            #expect((try? CanonicalJSONDecoder().decode([Identifier].self, from: json))?.first?.rawValue == (accepted ? text : nil), "JSON '\(text)'")
            if let first = text.unicodeScalars.first {
                let escaped = Array("[\"\\u\(String(format: "%04x", first.value))\(String(text.unicodeScalars.dropFirst()))\"]".utf8)
                #expect((try? CanonicalJSONDecoder().decode([Identifier].self, from: escaped))?.first?.rawValue == (accepted ? text : nil), "escaped '\(text)'")
            }
        }
    }

    @Test("quantities read back without re-parsing accept exactly the normalised form")
    func normalisedQuantities() async {
        await propertyCheck(count: 300, input: Gen.int(in: -100_000...100_000), Gen.int(in: 0...999)) { whole, fraction in
            let quantity = Quantity("\(whole).\(String(format: "%03d", fraction))")!
            #expect(Quantity(normalized: quantity.text) == quantity)
        }
        for text in ["0", "-1", "12.5", "0.05", "1200", "-0.5"] { #expect(Quantity(normalized: text)?.text == text) }
        for text in ["", "-", "-0", "01", "1.", ".5", "1.50", "+1", "1e3", " 1", "1.2.3", "--1", "0.0", String(repeating: "9", count: 39)] {
            #expect(Quantity(normalized: text) == nil, "'\(text)'")
        }
    }
}
