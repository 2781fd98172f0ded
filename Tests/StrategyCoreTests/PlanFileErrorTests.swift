@testable import StrategyCore
import Testing

@Suite("Plan file errors", .timeLimit(.minutes(5)))
struct PlanFileErrorTests {
    func issues(_ yaml: String, file: String = "kreis.yaml") -> [String] {
        do {
            _ = try PlanFile.parse(Array(yaml.utf8), file: file)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    static let header = """
        plan: kreis
        title: Bildungskonzept
        county: Landkreis Beispiel

        """

    @Test("invalid YAML names line and column")
    func syntax() {
        let found = issues(Self.header + "fields:\n  - id: hf-a\n    title: [unclosed\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("kreis.yaml:") == true)
        #expect(found.first?.contains("invalid YAML") == true)
    }

    @Test("every type error, unknown key and missing key of a file is reported at once, in file order")
    func allAtOnce() {
        let yaml = Self.header + """
            levels:
              strategic: Leitziel
              operatonal: Unterziel
            fields:
              - id: hf-a
                code: a
                title: Lernen
                commitment: Wir lernen.
                goals:
                  - id: ziel-a1
                    statement: Ziel
                    effect_level: neun
                  - id: Ziel A2
                    statement: Ziel
              - code: b
                title: Ohne Id
                commitment: C
            measures:
              - id: m-1
                title: Portal
                lead: Bildungsbüro
                horizon: sometimes
                planned_start: 2025-02-30
                budget:
                  - amount: 12,50
                    source: Haushalt
                    year: 2025

            """
        let found = issues(yaml)
        #expect(found == [
            "kreis.yaml:6:3: levels.operatonal: unknown key 'operatonal' (did you mean 'operational'?)",
            "kreis.yaml:15:23: fields[0].goals[0].effect_level: expected a whole number from 1 to 7, found 'neun'",
            "kreis.yaml:16:13: fields[0].goals[1].id: invalid identifier 'Ziel A2': it must start with a lowercase letter or a digit",
            "kreis.yaml:18:5: fields[1].id: is required",
            "kreis.yaml:25:14: measures[0].horizon: 'sometimes' is not one of: short, medium, long",
            "kreis.yaml:26:20: measures[0].planned_start: expected a date as YYYY-MM-DD (or as precisely as the sources state it: YYYY-MM, YYYY, 'Frühjahr YYYY', 'vor YYYY'), found '2025-02-30'",
            "kreis.yaml:28:17: measures[0].budget[0].amount: expected euros with at most two decimals, such as 12500.00, found '12,50'",
        ])
    }

    func line(_ issue: String) -> (Int, Int) {
        let parts = issue.split(separator: ":")
        return (Int(parts[1]) ?? 0, Int(parts[2]) ?? 0)
    }

    @Test("dangling references, duplicate ids and cyclic goal trees are found before anything is recorded")
    func references() {
        let yaml = Self.header + """
            fields:
              - id: hf-a
                code: a
                title: Lernen
                commitment: Wir lernen.
                goals:
                  - id: ziel-a1
                    statement: Ziel
                    parent: ziel-a2
                  - id: ziel-a2
                    statement: Ziel
                    parent: ziel-a1
                  - id: ziel-a3
                    statement: Ziel
                    parent: ziel-x
                    targets:
                      - indicator: kz-fehlt
                        target: 5
                        target_date: 2027-01-01
              - id: hf-b
                code: b
                title: Digital
                commitment: Wir digitalisieren.
                goals:
                  - id: ziel-b1
                    statement: Ziel
                    parent: ziel-a3
            measures:
              - id: hf-a
                title: Doppelt
                lead: Bildungsbüro
              - id: m-2
                title: Portal
                lead: Bildungsbüro
                goals: [ziel-a1, ziel-zz]

            """
        let found = issues(yaml)
        #expect(found.contains("kreis.yaml:12:17: fields[0].goals[0].parent: the goals 'ziel-a1' → 'ziel-a2' → 'ziel-a1' form a cycle; goal trees cannot have cycles"))
        #expect(found.contains("kreis.yaml:18:17: fields[0].goals[2].parent: unknown goal 'ziel-x'"))
        #expect(found.contains("kreis.yaml:20:24: fields[0].goals[2].targets[0].indicator: unknown indicator 'kz-fehlt'"))
        #expect(found.contains("kreis.yaml:30:17: fields[1].goals[0].parent: goal 'ziel-a3' belongs to field 'hf-a', not 'hf-b'; a goal's parent is in the same field"))
        #expect(found.contains("kreis.yaml:32:9: measures: the id 'hf-a' is already used by a field; ids must be unique within a plan"))
        #expect(found.contains("kreis.yaml:38:22: measures[1].goals[1]: unknown goal 'ziel-zz'"))
        #expect(found.count == 6, "\(found)")
    }

    @Test("a rule broken during import is reported at the entity's place in the file, and nothing is recorded")
    func ruleAtLocation() throws {
        let yaml = Self.header + """
            measures:
              - id: m-1
                title: Portal
                lead: Bildungsbüro
                planned_start: 2025-02-01
                planned_end: 2025-01-31

            """
        let document = try PlanFile.parse(Array(yaml.utf8), file: "kreis.yaml")
        do {
            _ = try Reconciler.reconcile(document, state: .empty)
            Issue.record("an end before the start was accepted")
        } catch {
            #expect(error.description == "kreis.yaml:5:9: measures[0]: measure 'm-1'.plannedEnd: 2025-01-31 is before the planned start 2025-02-01")
        }
    }

    @Test("a file of another plan, invalid UTF-8, deep nesting and empty files are refused clearly")
    func wholeFile() throws {
        #expect(issues("") == ["kreis.yaml:1:1: the file is empty"])
        var bytes = Array((Self.header + "title: caf").utf8)
        bytes += [0xC3, 0x28]
        do {
            _ = try PlanFile.parse(bytes, file: "kreis.yaml")
            Issue.record("invalid UTF-8 accepted")
        } catch {
            #expect(error.description == "kreis.yaml:4:11: the file is not valid UTF-8; save it as UTF-8")
        }
        #expect(issues(Self.header + "vision: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200)).first?.contains("nested more than") == true)
        #expect(issues("- a\n- b\n") == ["kreis.yaml:1:1: expected a mapping (key: value lines), found a list"])
        let other = try PlanFile.parse(Array((Self.header).utf8), file: "kreis.yaml")
        var state = PlanState.empty
        state = Plan.replay(try Plan.decide(.createPlan(PlanCreated(plan: Identifier("anders"), title: "T", county: "C")), state: state), from: state)
        #expect(throws: PlanFileError.self) { try Reconciler.reconcile(other, state: state) }
    }
}
