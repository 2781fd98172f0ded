import Foundation
@testable import StrategyCore
import StrategyTestSupport
import Testing

@Suite("Input bounds", .timeLimit(.minutes(2)))
struct InputBoundsTests {
    static let header = "plan: kreis\ntitle: Bildungskonzept\ncounty: Landkreis Beispiel\n"

    /// Fields, goals and targets, each list holding one anchored entry and `n - 1` aliases of it, anchors inside
    /// anchors: the reader would reach n³ targets from a file of 33·n + 297 bytes (n = 300: 10 KB, 27 million targets).
    static func aliasBomb(_ n: Int) -> [UInt8] {
        var lines = [
            "plan: kreis", "title: T", "county: C", "indicators:",
            "  - {id: kz, code: K, name: N, unit: U, polarity: neutral, source: S}",
            "fields:", "  - &f", "    id: hf-a", "    code: a", "    title: T", "    commitment: C", "    goals:",
            "      - &g", "        id: ziel-a", "        statement: S", "        targets:",
            "          - &t {indicator: kz, target: 1, target_date: 2025-01-01}",
        ]
        lines += Array(repeating: "          - *t", count: n - 1)
        lines += Array(repeating: "      - *g", count: n - 1)
        lines += Array(repeating: "  - *f", count: n - 1)
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    @Test("aliases that repeat fields, goals and targets stop the reader at its budget, with one issue naming the place",
          arguments: [100, 300])
    func aliasExpansion(_ n: Int) throws {
        let bytes = Self.aliasBomb(n)
        #expect(bytes.count == 33 * n + 297)
        let error = try #require(throws: PlanFileError.self) { try PlanFile.parse(bytes, file: "bomb.yaml") }
        #expect(error.problemCount == 1)
        let issue = try #require(error.issues.first)
        #expect(issue.message == "the file holds more than 100,000 values, counting the values of an anchor (&name) again each time an alias (*name) repeats them; a plan file may hold at most 100,000")
        #expect(issue.location.file == "bomb.yaml" && issue.location.line >= 17 && issue.location.column >= 1)
        #expect(issue.location.path.hasPrefix("fields[") && issue.location.path.contains("].goals[") && issue.location.path.contains("].targets["))
    }

    /// The smallest node budget under which `bytes` parse.
    static func valuesReached(_ bytes: [UInt8]) throws -> Int {
        _ = try PlanFile.parse(bytes, file: "example.yaml")
        var low = 0, high = PlanFile.maximumNodes  // fails with `low`, parses with `high`
        while high - low > 1 {
            let middle = (low + high) / 2
            if (try? PlanFile.parse(bytes, file: "example.yaml", budget: middle)) == nil { low = middle } else { high = middle }
        }
        return high
    }

    @Test("the county examples reach fewer than 1,000 values (372 at most): the budget is 100 times that")
    func examplesWithinBudget() throws {
        var reached: [String: Int] = [:]
        for (county, files) in try examplePlans() {
            for file in files {
                reached["\(county)/\(file.lastPathComponent)"] = try Self.valuesReached([UInt8](Data(contentsOf: file)))
            }
        }
        #expect(reached.count == 9)
        for (file, values) in reached.sorted(by: { $0.key < $1.key }) {
            #expect(values > 100 && values < 1_000, "\(file) reaches \(values) values")
        }
        #expect(PlanFile.maximumNodes >= 100 * 1_000)
    }

    @Test("an alias cannot be a key, in every form YAML allows; aliases as values still work")
    func aliasKeys() throws {
        let anchor = Self.header + "vision:\n  principles:\n    - &a motto\n"
        let forms = [
            anchor + "  *a : Gemeinsam\n",
            anchor + "  *a: Gemeinsam\n",
            anchor + "adoption: {*a: x}\n",
            anchor + "adoption: {*a:x}\n",
            anchor + "adoption: {*a :x}\n",
            anchor + "adoption: {*a}\n",
            anchor + "adoption:\n  ? *a\n  : x\n",
            anchor + "adoption:\n  [*a, b]: x\n",
            anchor + "fields: [*a: x]\n",
            anchor + "fields: [*a :, x]\n",
            anchor + "fields: [{x: y, z: [{*a: x}]}]\n",
        ]
        for yaml in forms {
            let error = try #require(throws: PlanFileError.self, "\(yaml)") { try PlanFile.parse(Array(yaml.utf8), file: "keys.yaml") }
            #expect(error.issues.count == 1, "\(yaml)")
            #expect(error.issues.first?.message == "the alias *a is used as a key; keys in plan files are plain words", "\(yaml)\n\(error)")
            #expect(error.issues.first.map { $0.location.line >= 7 } == true, "\(yaml)\n\(error)")
        }

        let valid = Self.header + """
            vision:
              motto: "Hinweis *Wichtig: alle"
              principles: &p
                - 'Schüler*innen: Übergänge gestalten'
              sections:
                - id: quelle
                  title: Quelle
                  text: |-
                    *Quelle: Landesamt für Statistik
            fields:
              - id: hf-a
                code: a
                title: &t Lernen
                commitment: *t
                tags: &tags [Digitalität, Inklusion]
              - id: hf-b
                code: b
                title: Schule
                commitment: Wir fördern Schule.
                tags: *tags
            """
        let document = try PlanFile.parse(Array(valid.utf8), file: "aliases.yaml")
        #expect(document.fields.map(\.commitment) == ["Lernen", "Wir fördern Schule."])
        #expect(document.fields.map(\.tags) == [["Digitalität", "Inklusion"], ["Digitalität", "Inklusion"]])
        #expect(document.vision.motto == "Hinweis *Wichtig: alle")
        #expect(document.vision.principles == ["Schüler*innen: Übergänge gestalten"])
        #expect(document.vision.sections.first?.text == "*Quelle: Landesamt für Statistik")
        let singleQuoted = Self.header + "vision:\n  motto: 'Hinweis *Wichtig: alle'\n  principles: [&p Lernen, *p]\n"
        #expect(try PlanFile.parse(Array(singleQuoted.utf8), file: "quoted.yaml").vision.motto == "Hinweis *Wichtig: alle")
    }

    @Test("custom YAML tags are refused with line, column and path; the standard tags of values keep working")
    func tags() throws {
        let custom = Self.header + "vision:\n  motto: !!python/object:builtins.str Gemeinsam\n"
        let error = try #require(throws: PlanFileError.self) { try PlanFile.parse(Array(custom.utf8), file: "tags.yaml") }
        #expect(error.description == "tags.yaml:5:10: vision.motto: the YAML tag '!!python/object:builtins.str' is not allowed; plan files use no tags but !!str, !!int, !!float, !!bool, !!null and !!timestamp on values, !!seq on lists and !!map on mappings")

        let standard = """
            plan: !!str kreis
            title: !!str 2025
            county: Landkreis Beispiel
            deadline: !!timestamp 2025-12-31
            levels: !!map {strategic: Leitziel, operational: Unterziel}
            fields:
              - id: hf-a
                code: a
                title: Lernen
                commitment: Wir fördern Lernen.
                tags: !!seq [Digitalität]
                goals:
                  - id: ziel-a
                    statement: Mehr Teilhabe.
                    effect_level: !!int 3
                    target_group: !!null
                    targets:
                      - {indicator: kz, baseline: !!float 6.8, target: 5.5, target_date: 2028-07-31}
            indicators:
              - {id: kz, code: K, name: Quote, unit: Prozent, polarity: lower_is_better, source: Statistik}
            bodies:
              - {id: kreistag, name: Kreistag, kind: council, dissolved: !!bool false}
            """
        let document = try PlanFile.parse(Array(standard.utf8), file: "standard.yaml")
        #expect(document.title == "2025" && document.deadline == CalendarDate("2025-12-31"))
        #expect(document.levels.operational == "Unterziel" && document.fields.first?.tags == ["Digitalität"])
        #expect(document.goals.first?.effectLevel == 3 && document.goals.first?.targetGroup == nil)
        #expect(document.goals.first?.targets.first?.baseline == Quantity("6.8"))
        #expect(document.bodies.first?.dissolved == false)
    }

    @Test("a file with 10,000 problems lists the first 100 in file order and counts the rest")
    func problemCap() throws {
        var yaml = Self.header
        for index in 0..<10_000 { yaml += "unbekannt-\(index): x\n" }
        let error = try #require(throws: PlanFileError.self) { try PlanFile.parse(Array(yaml.utf8), file: "viele.yaml") }
        #expect(error.problemCount == 10_000 && error.omittedCount == 9_900)
        #expect(error.issues.map(\.location.line) == Array(4...103))
        let lines = error.description.split(separator: "\n")
        #expect(lines.count == 101)
        #expect(lines.first == "viele.yaml:4:1: unbekannt-0: unknown key 'unbekannt-0'")
        #expect(lines.last == "… and 9,900 more problems")
        #expect(error.summary == "10,000 problems")
        #expect(PlanFileError(issues: Array(error.issues.prefix(1))).description == "viele.yaml:4:1: unbekannt-0: unknown key 'unbekannt-0'")
    }

    /// One field whose goals form a chain of `n`, listed parents first or children first.
    static func goalChain(_ n: Int, childrenFirst: Bool) -> [UInt8] {
        var yaml = header + "fields:\n  - id: hf-a\n    code: a\n    title: Lernen\n    commitment: Wir fördern Lernen.\n    goals:\n"
        for index in childrenFirst ? Array((0..<n).reversed()) : Array(0..<n) {
            yaml += "      - id: ziel-\(index)\n" + (index > 0 ? "        parent: ziel-\(index - 1)\n" : "") + "        statement: Ziel \(index)\n"
        }
        return Array(yaml.utf8)
    }

    @Test("a goal chain 10,000 deep within the budget is checked and reconciled without quadratic work")
    func deepGoalTrees() throws {
        for childrenFirst in [false, true] {
            let document = try PlanFile.parse(Self.goalChain(10_000, childrenFirst: childrenFirst), file: "kette.yaml")
            #expect(document.goals.count == 10_000)
            let ordered = Reconciler.parentsFirst(document.goals)
            #expect(ordered.map(\.id.rawValue) == (0..<10_000).map { "ziel-\($0)" })
        }
        var cyclic = String(decoding: Self.goalChain(3_000, childrenFirst: true), as: UTF8.self)
        cyclic = cyclic.replacingOccurrences(of: "      - id: ziel-0\n", with: "      - id: ziel-0\n        parent: ziel-2999\n")
        let error = try #require(throws: PlanFileError.self) { try PlanFile.parse(Array(cyclic.utf8), file: "kreis.yaml") }
        #expect(error.problemCount == 1)
        #expect(error.issues.first?.message.hasPrefix("the goals 'ziel-2999' → 'ziel-2998' → ") == true)
        #expect(error.issues.first?.message.hasSuffix(" → 'ziel-0' → 'ziel-2999' form a cycle; goal trees cannot have cycles") == true)
    }

    /// The order `parentsFirst` gave before it visited only placeable goals: whole passes over the pending ones.
    static func passesOverPending(_ goals: [Goal]) -> [Goal] {
        let ids = Set(goals.map(\.id))
        var placed = Set<Identifier>()
        var ordered: [Goal] = []
        var pending = goals
        while !pending.isEmpty {
            let before = ordered.count
            pending.removeAll { goal in
                guard goal.parent == nil || !ids.contains(goal.parent!) || placed.contains(goal.parent!) else { return false }
                ordered.append(goal)
                placed.insert(goal.id)
                return true
            }
            if ordered.count == before { ordered += pending; break }
        }
        return ordered
    }

    @Test("goals are ordered parents first exactly as by passes over the file: forests, orphans, duplicates, cycles")
    func parentsFirstOrder() {
        var random = SplitMix(20261129)
        for _ in 0..<300 {
            let count = random.int(0...40)
            let goals = (0..<count).map { _ in
                Goal(id: Fixture.id("z-\(random.int(0...30))"), field: Fixture.id("hf-a"),
                     parent: random.int(0...4) == 0 ? nil : Fixture.id("z-\(random.int(0...34))"), level: .strategic, statement: "Ziel")
            }
            #expect(Reconciler.parentsFirst(goals) == Self.passesOverPending(goals), "\(goals.map { "\($0.id)<\($0.parent?.rawValue ?? "-")" })")
        }
    }

    @Test("a file over 64 MiB is refused by its size alone, naming the file, its size and the limit")
    func sizeLimit() {
        #expect(throws: Never.self) { try PlanFile.checkSize(PlanFile.maximumSize, file: "gross.yaml") }
        let error = #expect(throws: PlanFileError.self) { try PlanFile.checkSize(5 << 30, file: "gross.yaml") }
        #expect(error?.description == "gross.yaml:1:1: the file has 5,368,709,120 bytes; plan files may have at most 67,108,864 bytes (64 MiB)")
    }
}

@Suite("Invisible characters in texts", .timeLimit(.minutes(3)))
struct InvisibleCharacterTests {
    static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    func proposing(title: String = "Lernen", commitment: String = "Wir fördern Lernen.") -> PlanCommand {
        .proposeField(FieldProposed(field: Fixture.id("hf-x"), code: "x", title: title, commitment: commitment))
    }

    @Test("bidirectional controls are refused in titles and texts, naming the field and the code point")
    func bidiControls() throws {
        let fixture = try Fixture()
        let controls: [(Unicode.Scalar, String)] = [
            ("\u{202A}", "LEFT-TO-RIGHT EMBEDDING"), ("\u{202B}", "RIGHT-TO-LEFT EMBEDDING"),
            ("\u{202C}", "POP DIRECTIONAL FORMATTING"), ("\u{202D}", "LEFT-TO-RIGHT OVERRIDE"),
            ("\u{202E}", "RIGHT-TO-LEFT OVERRIDE"), ("\u{2066}", "LEFT-TO-RIGHT ISOLATE"),
            ("\u{2067}", "RIGHT-TO-LEFT ISOLATE"), ("\u{2068}", "FIRST STRONG ISOLATE"),
            ("\u{2069}", "POP DIRECTIONAL ISOLATE"), ("\u{200E}", "LEFT-TO-RIGHT MARK"),
            ("\u{200F}", "RIGHT-TO-LEFT MARK"), ("\u{061C}", "ARABIC LETTER MARK"),
        ]
        for (scalar, name) in controls {
            let reason = "contains U+\(Self.hex(scalar)) \(name), a control character that can disguise text"
            #expect(fixture.refusal(proposing(title: "Lernen \(scalar)tug")) == invalid(field: "field 'hf-x'.title", reason: reason))
            #expect(fixture.refusal(proposing(commitment: "Wir \(scalar)fördern.")) == invalid(field: "field 'hf-x'.commitment", reason: reason))
        }
        #expect(DomainError.invalidValue(field: "field 'hf-x'.title", reason: Rules.forbiddenCharacter(in: "\u{202E}")!).description
            == "field 'hf-x'.title: contains U+202E RIGHT-TO-LEFT OVERRIDE, a control character that can disguise text")
    }

    @Test("other invisible characters are refused; soft hyphens and emoji sequences are not")
    func otherInvisibles() throws {
        let fixture = try Fixture()
        let refused: [(String, String)] = [
            ("Bil\u{200B}dung", "U+200B ZERO WIDTH SPACE, a control character"),
            ("Bil\u{200C}dung", "U+200C ZERO WIDTH NON-JOINER, a control character"),
            ("Bil\u{200D}dung", "U+200D ZERO WIDTH JOINER outside an emoji sequence, a control character"),
            ("\u{200D}👩", "U+200D ZERO WIDTH JOINER outside an emoji sequence, a control character"),
            ("Bil\u{2060}dung", "U+2060 WORD JOINER, a control character"),
            ("Bil\u{2062}dung", "U+2062 INVISIBLE TIMES, a control character"),
            ("Bil\u{FEFF}dung", "U+FEFF ZERO WIDTH NO-BREAK SPACE, a control character"),
            ("Bildung\u{E0041}\u{E0042}", "U+E0041 TAG LATIN CAPITAL LETTER A, a control character"),
            ("Bil\u{3164}dung", "U+3164 HANGUL FILLER, an invisible character"),
            ("Bildung\u{FE0F}", "U+FE0F VARIATION SELECTOR-16 outside an emoji sequence, an invisible character"),
            ("Bil\u{1B}dung", "the control character U+1B"),
        ]
        for (title, expected) in refused {
            #expect(fixture.refusal(proposing(title: title)) == invalid(field: "field 'hf-x'.title", reason: "contains \(expected)\(expected.hasPrefix("the") ? "" : " that can disguise text")"))
        }
        let allowed = [
            "Team 👩\u{200D}💻", "🏳\u{FE0F}\u{200D}🌈 Vielfalt", "👍🏽 gut", "👩🏽\u{200D}🏫 Lehrerin", "❤\u{FE0F} für Bildung", "Platz 1\u{FE0F}\u{20E3}",
            "Bildungs\u{00AD}landschaft", "Schüler*innen", "Ärger über Öfen", "中文", "Zeile\neins\tzwei",
        ]
        for title in allowed {
            #expect(fixture.refusal(proposing(commitment: title)) == nil, "\(title.unicodeScalars.map { Self.hex($0) })")
        }
        #expect(fixture.refusal(proposing(), EventContext(actor: "p-0001", role: "Bildungsbüro", reason: "Neu\u{202E}")) == invalid(field: "reason", reason: "contains U+202E RIGHT-TO-LEFT OVERRIDE, a control character that can disguise text"))
    }
}
