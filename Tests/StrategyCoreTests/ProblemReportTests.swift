@testable import StrategyCore
import Testing

/// A file's problems are reported all at once, each once: what follows from a mistake is not reported as a
/// problem of its own.
@Suite("Every problem at once", .timeLimit(.minutes(3)))
struct ProblemReportTests {
    func issues(_ yaml: String) -> [String] {
        do {
            _ = try PlanFile.parse(Array(yaml.utf8), file: "kreis.yaml")
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test("a typo'd key is one problem: the key it meant is not also missing, and references to what it holds are not dangling")
    func typoedKeys() {
        let yaml = """
            plan: kreis
            titel: Bildungskonzept
            county: Landkreis Beispiel
            fields:
              - id: hf-a
                code: a
                title: Lernen
                commitment: Wir lernen.
                goals:
                  - id: ziel-a1
                    statment: Alle lernen.
                  - id: ziel-a2
                    parent: ziel-a1
                    statement: Mehr lernen.
                    targets:
                      - indicator: kz-quote
                        target: 5
                        target_date: 2027-07-31
            mesures:
              - id: m-portal
                title: Portal
                lead: Bildungsbüro
                goals: [ziel-a1]
            indicatros:
              - id: kz-quote
                code: K1
                name: Quote
                unit: Prozent
                polarity: neutral
                source: Schulstatistik
            bodies:
              - idd: kreistag
                name: Kreistag
                kind: council
            resolutions:
              - number: KT-1
                body: kreistag
                date: 2025-03-20
                subject: Bildungskonzept
            participation:
              - id: bk-2024
                kind: workshop
                title: Werkstatt
                date: 2024-01-01
                contributions:
                  - id: beitrag-1
                    summary: Ein Portal bauen
                    linked_to: [m-portal, ziel-a1, ziel-fehlt]

            """
        #expect(issues(yaml) == [
            "kreis.yaml:2:1: titel: unknown key 'titel' (did you mean 'title'?)",
            "kreis.yaml:11:9: fields[0].goals[0].statment: unknown key 'statment' (did you mean 'statement'?)",
            "kreis.yaml:19:1: mesures: unknown key 'mesures' (did you mean 'measures'?); nothing under it was read, so references to 'm-portal' are not checked",
            "kreis.yaml:24:1: indicatros: unknown key 'indicatros' (did you mean 'indicators'?); nothing under it was read, so references to 'kz-quote' are not checked",
            "kreis.yaml:32:5: bodies[0].idd: unknown key 'idd' (did you mean 'id'?)",
            "kreis.yaml:46:13: participation[0].contributions[0].linked_to: 'ziel-fehlt' names nothing in this plan",
        ])
    }

    @Test("a value of the wrong type, or an entity with a problem, is one problem: references to the ids in it are not dangling")
    func brokenEntities() {
        let yaml = """
            plan: kreis
            title: Bildungskonzept
            county: Landkreis Beispiel
            indicators:
              id: kz-quote
              code: K1
            fields:
              - id: hf-a
                code: a
                title: Lernen
                commitment: Wir lernen.
                goals:
                  - id: ziel-a1
                    effect_level: 9
                  - id: ziel-a2
                    parent: ziel-a1
                    statement: Mehr lernen.
                    targets:
                      - indicator: kz-quote
                        target: 5
                        target_date: 2027-07-31
            measures:
              - id: m-portal
                title: Portal
                lead: Bildungsbüro
                goals: [ziel-a1, ziel-a9]

            """
        #expect(issues(yaml) == [
            "kreis.yaml:5:3: indicators: expected a list (lines starting with '- '), found a mapping",
            "kreis.yaml:13:9: fields[0].goals[0].statement: is required",
            "kreis.yaml:14:23: fields[0].goals[0].effect_level: expected a whole number from 1 to 7, found '9'",
            "kreis.yaml:26:22: measures[0].goals[1]: unknown goal 'ziel-a9'",
        ])
    }

    @Test("every text with personal data or a disguising character is reported at its own place, in one run, with the other problems")
    func everyTextProblem() {
        let yaml = """
            plan: kreis
            title: Bildungskonzept
            county: Landkreis Beispiel
            vision:
              motto: Fragen an bildung@kreis-beispiel.de
              principles:
                - Beratung unter 04141 12 4046
                - "Lernen \\u202Etug tsi"
            measures:
              - id: m-portal
                title: Portal
                lead: "Frau Muster, muster@kreis-beispiel.de"
                partners: [Bildungsbüro, "Tel. +49 4141 124046"]
                planned_start: 2025-02-30
            resolutions:
              - number: "093/2012"
                body: kreistag
                date: 2012-11-29
                subject: Vorlage 093/2012 zum Bildungskonzept

            """
        #expect(issues(yaml) == [
            "kreis.yaml:5:10: vision.motto: looks like an e-mail address; keep personal data out of the plan's texts: name people in a 'contacts:' block (kept encrypted, erasable) or use roles such as 'Bildungsbüro'",
            "kreis.yaml:7:7: vision.principles[0]: looks like a phone number; keep personal data out of the plan's texts: name people in a 'contacts:' block (kept encrypted, erasable) or use roles such as 'Bildungsbüro'",
            "kreis.yaml:8:7: vision.principles[1]: contains U+202E RIGHT-TO-LEFT OVERRIDE, a control character that can disguise text",
            "kreis.yaml:12:11: measures[0].lead: looks like an e-mail address; keep personal data out of the plan's texts: name people in a 'contacts:' block (kept encrypted, erasable) or use roles such as 'Bildungsbüro'",
            "kreis.yaml:13:30: measures[0].partners[1]: looks like a phone number; keep personal data out of the plan's texts: name people in a 'contacts:' block (kept encrypted, erasable) or use roles such as 'Bildungsbüro'",
            "kreis.yaml:14:20: measures[0].planned_start: expected a date as YYYY-MM-DD (or as precisely as the sources state it: YYYY-MM, YYYY, 'Frühjahr YYYY', 'vor YYYY'), found '2025-02-30'",
            "kreis.yaml:17:11: resolutions[0].body: resolution 093/2012: unknown body 'kreistag'",
        ])
    }

    @Test("searching texts for personal data takes time in proportion to their length, even in runs of '@'", .timeLimit(.minutes(3)))
    func linearSearch() throws {
        let text = String(repeating: "a@", count: 9_999)
        let yaml = "plan: kreis\ntitle: T\ncounty: C\nvision:\n  principles:\n" + String(repeating: "    - \(text)\n", count: 50)
        let document = try PlanFile.parse(Array(yaml.utf8), file: "kreis.yaml")
        #expect(document.vision.principles.count == 50)
        #expect(PersonalData.detect(in: text + " info@kreis-beispiel.de") == "an e-mail address")
        #expect(PersonalData.detect(in: "a@b c.d") == nil && PersonalData.detect(in: "a@b.c") == "an e-mail address")
    }
}
