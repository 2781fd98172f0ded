import Foundation
@testable import StrategyCore
import StrategyTestSupport
import Testing

@Suite("Hostile input", .timeLimit(.minutes(3)))
struct HostileInputTests {
    static let corpus = repositoryRoot.appendingPathComponent("Tests/StrategyCoreTests/HostileCorpus")

    /// What each broken file must be told, at least (file:line:column is checked for all).
    static let expectations: [String: [String]] = [
        "invalid-yaml.yaml": ["invalid YAML"],
        "bad-indentation.yaml": ["invalid YAML"],
        "wrong-types.yaml": [
            "vision: expected a mapping (key: value lines), found 'Ein Leitbild", "fields: expected a list",
            "measures[0].partners: expected a list", "measures[0].budget[0].amount: expected euros",
            "measures[0].budget[0].year: expected a whole number", "participation[0].date: expected a date as YYYY-MM-DD (or as precisely as the sources state it: YYYY-MM, YYYY, 'Frühjahr YYYY', 'vor YYYY'), found '18.04.2024'",
            "participation[0].participants: expected a whole number from 0 to 1000000, found '-5'",
        ],
        "unknown-keys.yaml": ["titel: unknown key 'titel' (did you mean 'title'?)", "leitbild: unknown key 'leitbild'", "fields[0].ziele: unknown key 'ziele'"],
        "cyclic-goals.yaml": ["form a cycle; goal trees cannot have cycles"],
        "dangling-references.yaml": [
            "fields[0].derived_from: 'leitbild-fehlt' names nothing in this plan", "unknown indicator 'kz-fehlt'",
            "measures[0].goals[0]: unknown goal 'ziel-fehlt'", "resolution KT-1: unknown body 'gremium-fehlt'",
            "adoption.resolution: resolution KT-9 is not among the file's resolutions",
        ],
        "duplicate-ids.yaml": ["the id 'doppelt' is already used by a field", "the id 'm-1' is already used by a measure"],
        "duplicate-keys.yaml": ["duplicate keys 'title'"],
        "billion-laughs.yaml": ["a: unknown key 'a'\n", "f: unknown key 'f'", "vision.principles[0]: expected text, found a list"],
        "not-a-plan.yaml": ["expected a mapping"],
        "custom-tags.yaml": [
            "custom-tags.yaml:2:8: title: the YAML tag '!foo' is not allowed",
            "custom-tags.yaml:3:9: county: the YAML tag '!!python/object/apply:os.system' is not allowed",
            "custom-tags.yaml:5:9: levels: the YAML tag '!!binary' is not allowed",
            "custom-tags.yaml:8:15: vision.principles: the YAML tag '!custom/list' is not allowed",
            "custom-tags.yaml:10:3: vision: the YAML tag '!key' is not allowed",
        ],
        "alias-keys.yaml": ["alias-keys.yaml:13:8: vision.principles[7]: the alias *g is used as a key; keys in plan files are plain words"],
        "scalar-document.yaml": ["expected a mapping"],
    ]

    @Test("every broken file of the corpus gets clear errors naming file, line and column", arguments: Array(expectations.keys).sorted())
    func corpusFile(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.corpus.appendingPathComponent(name)))
        do {
            _ = try PlanFile.parse(bytes, file: name)
            Issue.record("\(name) was accepted")
        } catch {
            let text = error.description
            for expected in Self.expectations[name]! {
                #expect(text.contains(expected), "\(name) lacks '\(expected)' in:\n\(text)")
            }
            for issue in error.issues {
                #expect(issue.location.file == name && issue.location.line >= 1 && issue.location.column >= 1)
            }
        }
    }

    @Test("the corpus covers every file in the directory")
    func complete() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files) == Set(Self.expectations.keys).union(["personal-data.yaml", "bidi-controls.yaml"]))
    }

    @Test("a bidirectional override is refused when the file is read, at the text's place, naming the field and the code point")
    func bidiControls() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.corpus.appendingPathComponent("bidi-controls.yaml")))
        let error = try #require(throws: PlanFileError.self) { try PlanFile.parse(bytes, file: "bidi-controls.yaml") }
        #expect(error.description == "bidi-controls.yaml:8:12: fields[0].title: contains U+202E RIGHT-TO-LEFT OVERRIDE, a control character that can disguise text")
    }

    @Test("personal data is refused when the file is read, at the text's place, recording nothing")
    func personalData() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.corpus.appendingPathComponent("personal-data.yaml")))
        let error = try #require(throws: PlanFileError.self) { try PlanFile.parse(bytes, file: "personal-data.yaml") }
        #expect(error.description == "personal-data.yaml:8:13: vision.sections[0].text: looks like a phone number; keep personal data out of the plan's texts: name people in a 'contacts:' block (kept encrypted, erasable) or use roles such as 'Bildungsbüro'")
    }

    @Test("a 10 MB text, invalid UTF-8 and 10,000 levels of nesting are refused cleanly")
    func generatedInputs() throws {
        let header = "plan: kreis\ntitle: T\ncounty: C\nvision:\n  sections:\n    - id: lang\n      title: Lang\n      text: "
        let huge = Array((header + String(repeating: "Bildung ", count: 1_310_720) + "\n").utf8)
        #expect(huge.count > 10_000_000)
        let document = try PlanFile.parse(huge, file: "huge.yaml")
        do {
            _ = try Reconciler.reconcile(document, state: .empty)
            Issue.record("a 10 MB text was accepted")
        } catch {
            #expect(error.description.contains("vision section 'lang'.text: has 10485759 characters, at most 20000 are allowed"))
        }
        var invalid = Array((header + "Über").utf8)
        invalid.insert(0xFF, at: invalid.count - 2)
        #expect(throws: PlanFileError.self) { try PlanFile.parse(invalid, file: "bytes.yaml") }
        let nestedFlow = Array(("plan: kreis\ntitle: T\ncounty: C\nvision: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8)
        #expect(throws: PlanFileError.self) { try PlanFile.parse(nestedFlow, file: "flow.yaml") }
        var nestedBlock = "plan: kreis\ntitle: T\ncounty: C\nvision:\n"
        for depth in 1...300 { nestedBlock += String(repeating: " ", count: depth * 2) + "k\(depth):\n" }
        #expect(throws: PlanFileError.self) { try PlanFile.parse(Array(nestedBlock.utf8), file: "block.yaml") }
        let tooBig = [UInt8](repeating: 0x20, count: PlanFile.maximumSize + 1)
        #expect(throws: PlanFileError.self) { try PlanFile.parse(tooBig, file: "big.yaml") }
    }
}

@Suite("Fuzzing", .timeLimit(.minutes(10)))
struct FuzzTests {
    /// Seeded random mutations: flips, insertions, deletions, duplicated and swapped chunks.
    static func mutate(_ input: [UInt8], _ random: inout SplitMix) -> [UInt8] {
        var bytes = input
        for _ in 0..<random.int(1...6) {
            guard !bytes.isEmpty else { bytes = [UInt8(truncatingIfNeeded: random.next())]; continue }
            let at = random.int(0...(bytes.count - 1))
            switch random.int(0...5) {
            case 0: bytes[at] ^= UInt8(1 << random.int(0...7))
            case 1: bytes[at] = UInt8(truncatingIfNeeded: random.next())
            case 2: bytes.insert(contentsOf: [UInt8]("{[\"\\:-&*!|>'#%\n ".utf8).shuffled(using: &random).prefix(random.int(1...4)), at: at)
            case 3: bytes.removeSubrange(at..<min(bytes.count, at + random.int(1...16)))
            case 4:
                let end = min(bytes.count, at + random.int(1...64))
                bytes.insert(contentsOf: bytes[at..<end], at: random.int(0...bytes.count))
            default:
                let other = random.int(0...(bytes.count - 1))
                bytes.swapAt(at, other)
            }
        }
        return bytes
    }

    static var iterations: Int { Int(ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"] ?? "") ?? 3_000 }

    @Test("the plan-file parser and reconcile survive random mutations of real plan files")
    func planFiles() throws {
        var seeds: [[UInt8]] = []
        for (_, files) in try examplePlans() { for file in files { seeds.append(try [UInt8](Data(contentsOf: file))) } }
        for file in try FileManager.default.contentsOfDirectory(atPath: HostileInputTests.corpus.path) {
            seeds.append(try [UInt8](Data(contentsOf: HostileInputTests.corpus.appendingPathComponent(file))))
        }
        var random = SplitMix(Int(ProcessInfo.processInfo.environment["FUZZ_SEED"] ?? "") ?? 20261122)
        var accepted = 0
        for _ in 0..<Self.iterations {
            let input = Self.mutate(random.pick(seeds)!, &random)
            guard let document = try? PlanFile.parse(input, file: "fuzz.yaml") else { continue }
            accepted += 1
            _ = try? Reconciler.reconcile(document, state: .empty, context: EventContext(reason: "Fuzz"))
        }
        #expect(accepted > 0, "no mutation was valid: the fuzzer exercises only error paths")
    }

    @Test("the event decoder survives random mutations of every golden payload, in both encodings")
    func eventPayloads() throws {
        let golden = repositoryRoot.appendingPathComponent("Tests/StrategyCoreTests/Golden")
        var seeds: [(type: String, version: UInt32, encoding: EventCodec.Encoding, bytes: [UInt8])] = []
        for event in EventSamples.all {
            let bytes = try [UInt8](Data(contentsOf: golden.appendingPathComponent("\(event.typeName).v\(event.schemaVersion).json")))
            seeds.append((event.typeName, event.schemaVersion, .canonicalJSON, Array(bytes.dropLast())))
            seeds.append((event.typeName, event.schemaVersion, .binary, EventCodec.encode(PlanEventEnvelope(event, context: EventSamples.context)).payload))
        }
        var random = SplitMix(Int(ProcessInfo.processInfo.environment["FUZZ_SEED"] ?? "") ?? 7)
        var decoded: [EventCodec.Encoding: Int] = [:]
        for _ in 0..<(Self.iterations * 3) {
            let seed = random.pick(seeds)!
            let input = Self.mutate(seed.bytes, &random)
            let version = random.int(0...9) == 0 ? UInt32(random.int(0...3)) : seed.version
            if (try? EventCodec.decode(type: seed.type, schemaVersion: version, encoding: seed.encoding.rawValue, payload: input)) != nil {
                decoded[seed.encoding, default: 0] += 1
            }
            _ = try? EventCodec.decodeEvent(type: seed.type, schemaVersion: version, encoding: seed.encoding.rawValue, payload: input)
            _ = try? CanonicalJSON.parse(input)
        }
        #expect(decoded[.canonicalJSON, default: 0] > 0 && decoded[.binary, default: 0] > 0, "\(decoded)")
    }
}
