@testable import StrategyCore
import Testing

/// Plan files as editors save them: with a byte order mark and CRLF line ends, and with a `#` in a text.
@Suite("Plan file text", .timeLimit(.minutes(1)))
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
            "kreis.yaml:4:11: deadline: expected a date as YYYY-MM-DD, found '31.12.2025'",
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
}
