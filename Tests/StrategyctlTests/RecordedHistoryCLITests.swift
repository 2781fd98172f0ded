import Foundation
import Testing

/// History typed in after the fact through the command line: partial dates, one paper through several bodies, the
/// plan's own order, and the business-date filters of `history`.
@Suite("strategyctl: recorded history", .timeLimit(.minutes(3)))
struct RecordedHistoryCLITests {
    static let plan = """
        plan: kreis
        title: Bildungskonzept Landkreis Beispiel
        county: Landkreis Beispiel
        draft: Bildungskonzept 2021
        bodies:
          - id: kreistag
            name: Kreistag
            kind: council
            mandate: [adopt_plan]
          - id: schulausschuss
            name: Schulausschuss
            kind: committee
            mandate: [advise]
        fields:
          - id: hf-uebergaenge
            title: Übergänge gestalten
        measures:
          - id: m-lotsen
            title: Bildungslotsen
            field: hf-uebergaenge
            planned_start: Frühjahr 2020
          - id: m-atlas
            title: Bildungsatlas
            field: hf-uebergaenge
            planned_start: vor 2019
        """

    func write(_ text: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.path + "/history-\(UUID().uuidString.prefix(8)).yaml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    @Test("a committee's recommendation, the council's referral back and its decision: recorded one after another, shown in order, the decision adopts")
    func deliberations() throws {
        let store = CLIStore()
        defer { store.remove() }
        let file = try write(Self.plan)
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(try store("import", file, "--reason", "Nacherfassung", "--effective", "2020-01-10").status == 0)
        let subject = ["--subject", "Handlungsfelder der Bildungsregion"]
        let recommended = try store(["resolution", "record", "KT/012/2021", "--body", "schulausschuss", "--date", "2021-02-23",
                                     "--kind", "recommendation", "--result", "adopted", "--votes", "?/6/1"] + subject)
        #expect(recommended.status == 0, "\(recommended.stderr)")
        // A recommendation is no decision: nothing can be adopted by it.
        let early = try store("adopt", "--resolution", "KT/012/2021", "--body", "schulausschuss", "--date", "2021-02-23")
        #expect(early.status == 1, "\(early.stdout)\(early.stderr)")
        let referred = try store(["resolution", "record", "KT/012/2021", "--body", "kreistag", "--date", "März 2021",
                                  "--kind", "decision", "--result", "referred-back"] + subject)
        #expect(referred.status == 0, "the same paper's next deliberation is recorded, not refused: \(referred.stderr)")
        let decided = try store(["resolution", "record", "KT/012/2021", "--body", "kreistag", "--date", "2021-06-17",
                                 "--kind", "decision", "--result", "adopted", "--votes", "einstimmig"] + subject)
        #expect(decided.status == 0, "\(decided.stderr)")
        let shown = try store("show").stdout
        #expect(shown.contains("""
              KT/012/2021: Handlungsfelder der Bildungsregion
                 2021-02-23 Schulausschuss, Empfehlung: beschlossen (6 Nein, 1 Enthaltung)
                 März 2021 Kreistag, Beschluss: zurückverwiesen
                 2021-06-17 Kreistag, Beschluss: beschlossen (einstimmig)
            """), "\(shown)")
        #expect(shown.contains("Beginn vor 2019") && shown.contains("ab Frühjahr 2020"), "partial dates are shown as stated: \(shown)")
        // A wrong record of the second deliberation is corrected by its number; the log keeps both.
        let corrected = try store("resolution", "correct", "KT/012/2021", "--deliberation", "2", "--result", "postponed",
                                  "--reason", "Niederschrift der Sitzung im März 2021")
        #expect(corrected.status == 0, "\(corrected.stderr)")
        #expect(try store("show").stdout.contains("März 2021 Kreistag, Beschluss: vertagt"))
        // The Markdown edition holds the records too: bodies, papers with every deliberation, measures' periods.
        let markdown = try store("show", "--format", "markdown").stdout
        for part in ["## Gremien", "| Schulausschuss (`schulausschuss`) | Ausschuss | beraten |", "## Beschlüsse",
                     "2021-02-23 Schulausschuss, Empfehlung: beschlossen (6 Nein, 1 Enthaltung)<br>März 2021 Kreistag, Beschluss: vertagt",
                     "| Beginn vor 2019 |", "| ab Frühjahr 2020 |"] {
            #expect(markdown.contains(part), "\(part) in\n\(markdown)")
        }
        let adopted = try store("adopt", "--resolution", "KT/012/2021", "--body", "kreistag", "--date", "2021-06-17", "--effective-from", "2021-07-01")
        #expect(adopted.status == 0, "\(adopted.stderr)")
        // The export holds every deliberation and every date as stated; it imports into an empty store unchanged.
        let exported = try store("export").stdout
        for stated in ["deliberations:", "kind: recommendation", "date: 2021-03", "planned_start: before 2019", "planned_start: 2020-spring"] {
            #expect(exported.contains(stated), "\(stated) in\n\(exported)")
        }
        let copy = CLIStore()
        defer { copy.remove() }
        let exportFile = try write(exported)
        defer { try? FileManager.default.removeItem(atPath: exportFile) }
        // The export's fields are in force: their import rests on the resolution the file itself records.
        let copied = try copy("import", exportFile, "--reason", "Kopie", "--resolution", "KT/012/2021")
        #expect(copied.status == 0, "\(copied.stderr)")
        func withoutVersion(_ text: String) -> String { text.split(separator: "\n").filter { !$0.hasPrefix("based_on_version") }.joined(separator: "\n") }
        #expect(withoutVersion(try copy("export").stdout) == withoutVersion(exported))
        #expect(try copy("show").stdout.contains("März 2021 Kreistag, Beschluss: vertagt"))
        // Partial dates on the command line are checked like any other.
        let bad = try store("resolution", "record", "KT/099/2021", "--body", "kreistag", "--date", "Ende 2021", "--subject", "S")
        #expect(bad.status == 2 && bad.stderr.contains("Frühjahr 2021"), "\(bad.stderr)")
    }

    @Test("a revision that changes the order of the measures: recorded as a reorder, diffed as one; history filtered by business date")
    func reorderAndHistory() throws {
        let store = CLIStore()
        defer { store.remove() }
        let first = try write(Self.plan)
        defer { try? FileManager.default.removeItem(atPath: first) }
        #expect(try store("import", first, "--reason", "Konzept 2020", "--effective", "2020-01-10").status == 0)
        let shown = try store("show").stdout
        #expect(shown.range(of: "m-lotsen")!.lowerBound < shown.range(of: "m-atlas")!.lowerBound, "the file's order, not the ids'")
        let swapped = Self.plan.replacingOccurrences(
            of: "  - id: m-lotsen\n    title: Bildungslotsen\n    field: hf-uebergaenge\n    planned_start: Frühjahr 2020\n",
            with: "").replacingOccurrences(of: "    planned_start: vor 2019", with: "    planned_start: vor 2019\n  - id: m-lotsen\n    title: Bildungslotsen\n    field: hf-uebergaenge\n    planned_start: Frühjahr 2020")
        let second = try write(swapped)
        defer { try? FileManager.default.removeItem(atPath: second) }
        let imported = try store("import", second, "--reason", "Fortschreibung 2023", "--effective", "2023-05-01")
        #expect(imported.status == 0 && imported.stdout.contains("plan.reordered"), "\(imported.stdout)\(imported.stderr)")
        let diff = try store("diff", "effective:2021-01-01", "draft").stdout
        #expect(diff.contains("[neu geordnet]") && diff.contains("Reihenfolge der Maßnahmen: m-lotsen, m-atlas → m-atlas, m-lotsen"), "\(diff)")
        // The plan's history by business date: only the 2023 reorder after 2022.
        let recent = try store("history", "plan", "--effective-since", "2022-01-01").stdout
        #expect(recent.contains("plan.reordered") && !recent.contains("plan.created"), "\(recent)")
        let early = try store("history", "plan", "--effective-until", "2020-12-31").stdout
        #expect(early.contains("plan.created") && !early.contains("effective 2023-05-01"), "\(early)")
        let none = try store("history", "plan", "--effective-until", "2019-12-31")
        #expect(none.status == 0 && none.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(none.stdout)\(none.stderr)")
        #expect(try store("history", "m-unbekannt").status != 0)
    }
}
