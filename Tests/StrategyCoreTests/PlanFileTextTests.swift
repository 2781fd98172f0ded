@testable import StrategyCore
import Testing

/// Plan files as editors save them: with a byte order mark and CRLF line ends, and with a `#` in a text.
@Suite("Plan file text", .timeLimit(.minutes(3)))
struct PlanFileTextTests {
    func issues(_ bytes: [UInt8], file: String = "kreis.yaml") -> [String] {
        do {
            _ = try PlanFile.parse(bytes, file: file)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    static let windowsLines = [
        "plan: kreis",
        "title: Bildungskonzept",
        "county: 'Landkreis",
        "  Beispiel'",
        "vision:",
        "  motto: Gemeinsam",
        "    lernen",
        "  principles:",
        "    - \"Bildung ist eine",
        "      Gemeinschaftsaufgabe.\"",
        "    - >-",
        "      Alle Orte",
        "      zählen.",
        "  sections:",
        "    - id: leitbild",
        "      title: Leitbild",
        "      text: |-",
        "        Erste Zeile.",
        "        Zweite Zeile.",
    ]

    /// `lines` as a Windows editor saves them: a byte order mark, CRLF after every line.
    static func windows(_ lines: [String]) -> [UInt8] {
        [0xEF, 0xBB, 0xBF] + Array(lines.map { $0 + "\r\n" }.joined().utf8)
    }

    @Test("a file with a UTF-8 byte order mark and CRLF line ends reads like any other, and no text keeps a CR")
    func windowsFile() throws {
        let document = try PlanFile.parse(Self.windows(Self.windowsLines), file: "kreis.yaml")
        #expect(document.plan.rawValue == "kreis")
        #expect(document.title == "Bildungskonzept")
        #expect(document.county == "Landkreis Beispiel")
        #expect(document.vision.motto == "Gemeinsam lernen")
        #expect(document.vision.principles == ["Bildung ist eine Gemeinschaftsaufgabe.", "Alle Orte zählen."])
        #expect(document.vision.sections.first?.text == "Erste Zeile.\nZweite Zeile.")
        let unix = try PlanFile.parse(Array(Self.windowsLines.map { $0 + "\n" }.joined().utf8), file: "kreis.yaml")
        #expect(document.vision == unix.vision && document.title == unix.title && document.county == unix.county)
        // Old Macintosh line ends (a lone CR) too.
        let mac = try PlanFile.parse(Array(Self.windowsLines.map { $0 + "\r" }.joined().utf8), file: "kreis.yaml")
        #expect(mac.vision == unix.vision)
    }

    @Test("problems in a file with a byte order mark and CRLF line ends are named at the line and column an editor shows")
    func windowsPlaces() {
        let lines = [
            "plan: Kreis",
            "title: Bildungskonzept",
            "county: Landkreis Beispiel",
            "deadline: 31.12.2025",
            "fields:",
            "  - id: hf-a",
            "    code: a",
            "    title: Lernen",
            "    commitment: Wir lernen.",
            "    goals:",
            "      - id: ziel-a1",
            "        statement: Ziel",
            "        effect_level: neun",
        ]
        let expected = [
            "kreis.yaml:1:7: plan: invalid identifier 'Kreis': it must start with a lowercase letter or a digit",
            "kreis.yaml:4:11: deadline: expected a date as YYYY-MM-DD (or as precisely as the sources state it: YYYY-MM, YYYY, 'Frühjahr YYYY', 'vor YYYY'), found '31.12.2025'",
            "kreis.yaml:13:23: fields[0].goals[0].effect_level: expected a whole number from 1 to 7, found 'neun'",
        ]
        #expect(issues(Self.windows(lines)) == expected)
        #expect(issues(Array(lines.map { $0 + "\n" }.joined().utf8)) == expected)
        // Invalid UTF-8 is placed without counting the byte order mark as a column.
        #expect(issues([0xEF, 0xBB, 0xBF] + Array("plan: k\r\ntitle: caf".utf8) + [0xC3, 0x28]) == [
            "kreis.yaml:2:11: the file is not valid UTF-8; save it as UTF-8",
        ])
        // Invalid YAML too.
        #expect(issues(Self.windows(["plan: kreis", "title: [offen"])).first?.hasPrefix("kreis.yaml:3:") == true)
    }

    static let header = "plan: kreis\ntitle: Bildungskonzept\ncounty: Landkreis Beispiel\n"

    @Test("a ' #' that cuts an unquoted text short is refused at the '#', naming the field and how to keep the text")
    func commentCutsText() {
        let yaml = """
            plan: kreis
            title: Übergänge #gemeinsam gestalten
            county: Landkreis Beispiel
            vision:
              principles:
                - Bildung für alle # und jedes Alter
              sections:
                - id: leitbild
                  title: Leitbild
                  text: Wir lernen
                    gemeinsam # ein Leben lang
            fields:
              - id: hf-a
                code: a
                title: Lernen
                commitment: Wir lernen.
                tags: [Digitalität, Inklusion #2024
                  ]

            """
        #expect(issues(Array(yaml.utf8)) == [
            "kreis.yaml:2:18: title: ' #' ends this text: YAML reads '#gemeinsam gestalten' as a comment, so the text would be only 'Übergänge'; to keep it whole, put the text in quotes (\"Übergänge #gemeinsam gestalten\"), or move the comment to a line of its own",
            "kreis.yaml:6:24: vision.principles[0]: ' #' ends this text: YAML reads '# und jedes Alter' as a comment, so the text would be only 'Bildung für alle'; to keep it whole, put the text in quotes (\"Bildung für alle # und jedes Alter\"), or move the comment to a line of its own",
            "kreis.yaml:11:19: vision.sections[0].text: ' #' ends this text: YAML reads '# ein Leben lang' as a comment, so the text would be only 'Wir lernen gemeinsam'; to keep it whole, put the text in quotes (\"Wir lernen gemeinsam # ein Leben lang\"), or move the comment to a line of its own",
            "kreis.yaml:17:35: fields[0].tags[1]: ' #' ends this text: YAML reads '#2024' as a comment, so the text would be only 'Inklusion'; to keep it whole, put the text in quotes (\"Inklusion #2024\"), or move the comment to a line of its own",
        ])
    }

    @Test("comments on lines of their own, after quoted or block texts and after ids, codes, dates, numbers and statuses are comments")
    func realComments() throws {
        let yaml = """
            # Landkreis Beispiel: erste Fassung
            plan: kreis # die Kennung
            title: "Übergänge #gemeinsam gestalten" # mit Hashtag
            county: 'Landkreis #Beispiel'
            deadline: 2025-12-31 # Frist des Projekts
            vision:
              motto: C# und Java lernen
              sections:
                - id: leitbild # Abschnitt 1
                  title: Leitbild
                  text: |- # Kommentar nach dem Blockzeichen
                    Erste Zeile # bleibt Text
                    Zweite Zeile
            fields:
              - id: hf-a
                code: a # wie im Konzept
                title: Lernen
                commitment: >-
                  Wir lernen. #gemeinsam
                tags: [Digitalität, Inklusion] # Querschnittsthemen
                status: proposed # noch nicht beschlossen
                goals:
                  # Ziele folgen
                  - id: ziel-a1
                    statement: Niemand geht verloren.
                    effect_level: 3 # Stufe 3
            """
        let document = try PlanFile.parse(Array(yaml.utf8), file: "kreis.yaml")
        #expect(document.title == "Übergänge #gemeinsam gestalten")
        #expect(document.county == "Landkreis #Beispiel")
        #expect(document.vision.motto == "C# und Java lernen")
        #expect(document.vision.sections.first?.text == "Erste Zeile # bleibt Text\nZweite Zeile")
        #expect(document.fields.first?.commitment == "Wir lernen. #gemeinsam")
        #expect(document.fields.first?.tags == ["Digitalität", "Inklusion"])
        #expect(document.goals.first?.effectLevel == 3)
    }

    @Test("texts sharing one long line are each checked without reading the line again: 90,000 tags on one line parse in linear time",
          .timeLimit(.minutes(3)))
    func longLine() throws {
        let tags = (0..<90_000).map { "Thema \($0)" }.joined(separator: ", ")
        let yaml = Self.header + "fields:\n  - {id: hf-a, code: a, title: Lernen, commitment: Wir lernen., tags: [\(tags)]}\n"
        let document = try PlanFile.parse(Array(yaml.utf8), file: "kreis.yaml")
        #expect(document.fields.first?.tags.count == 90_000)
        let cut = Self.header + "fields:\n  - {id: hf-a, code: a, title: Lernen, commitment: Wir lernen., tags: [\(tags) #letztes\n    ]}\n"
        #expect(issues(Array(cut.utf8)).count == 1)
    }
}
