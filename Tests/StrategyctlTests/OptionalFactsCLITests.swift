import Foundation
import Testing

/// What a plan does not say, shown as not stated: rendering and diffs of plans that leave things out.
@Suite("strategyctl: optional facts", .timeLimit(.minutes(2)))
struct OptionalFactsCLITests {
    /// Writes `text` as a plan file and imports it; returns the plan's log position after the import.
    @discardableResult
    func importFile(_ store: CLIStore, _ text: String) throws -> UInt64 {
        let file = FileManager.default.temporaryDirectory.path + "/optional-\(UUID().uuidString.prefix(8)).yaml"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let imported = try store("import", file, "--reason", "Import des Bildungskonzepts")
        try #require(imported.status == 0, "\(imported.stderr)")
        let shown = try store("show")
        let position = try #require(shown.stdout.split(separator: "\n")[1].components(separatedBy: "Position ").last.flatMap { UInt64($0) })
        return position
    }

    static let plan = """
        plan: kreis-beispiel
        title: Bildungskonzept Landkreis Beispiel
        county: Landkreis Beispiel
        fields:
          - id: hf-fruehe-bildung
            title: Frühkindliche Bildung
          - id: hf-schule
            code: "1"
            title: Schule
            commitment: Wir stärken Schulen, indem wir sie vernetzen.
        """

    @Test("fields without code or commitment: listed in the file's order, the commitment shown as not stated")
    func unnumberedFields() throws {
        let store = CLIStore()
        defer { store.remove() }
        let first = try importFile(store, Self.plan)
        let text = try store("show").stdout
        #expect(text.contains("  1) Schule [hf-schule, vorgeschlagen]\n     Wir stärken Schulen"), "\(text)")
        #expect(text.contains("  Frühkindliche Bildung [hf-fruehe-bildung, vorgeschlagen]\n     Selbstverpflichtung: nicht angegeben"), "\(text)")
        #expect(text.range(of: "Frühkindliche Bildung")!.lowerBound < text.range(of: "1) Schule")!.lowerBound, "the file's order, not the codes'")
        let markdown = try store("show", "--format", "markdown").stdout
        #expect(markdown.contains("### Frühkindliche Bildung\n\nSelbstverpflichtung: nicht angegeben"), "\(markdown)")
        try importFile(store, Self.plan.replacingOccurrences(of: "    title: Frühkindliche Bildung", with: "    title: Frühkindliche Bildung\n    commitment: Wir bauen Kita-Plätze aus."))
        let diff = try store("diff", "@\(first)", "draft").stdout
        #expect(diff.contains("Handlungsfeld Frühkindliche Bildung\n  ~ Handlungsfeld hf-fruehe-bildung: Frühkindliche Bildung\n      Selbstverpflichtung: – → Wir bauen Kita-Plätze aus."), "\(diff)")
    }

    @Test("a measure without a lead shows the lead as not stated")
    func measureWithoutLead() throws {
        let store = CLIStore()
        defer { store.remove() }
        try importFile(store, Self.plan + """

            measures:
              - id: m-lotsen
                title: Bildungslotsen
            """)
        let text = try store("show").stdout
        #expect(text.contains("  m-lotsen: Bildungslotsen [geplant, Federführung: nicht angegeben]"), "\(text)")
        let markdown = try store("show", "--format", "markdown").stdout
        #expect(markdown.contains("| Bildungslotsen (`m-lotsen`) | nicht angegeben | geplant |"), "\(markdown)")
    }

    @Test("a dissolved body shows its dissolution date, or that the date is not stated")
    func dissolvedBodies() throws {
        let store = CLIStore()
        defer { store.remove() }
        try importFile(store, Self.plan + """

            bodies:
              - id: lenkungsgruppe
                name: Lenkungsgruppe
                kind: steering_group
                mandate: [advise]
                dissolved: 2010-11-30
              - id: ag-uebergaenge
                name: AG Übergänge
                kind: other
                mandate: [advise]
                dissolved: true
            """)
        let text = try store("show").stdout
        #expect(text.contains("  Lenkungsgruppe [lenkungsgruppe, Steuerungsgruppe] Mandat: beraten (aufgelöst am 2010-11-30)"), "\(text)")
        #expect(text.contains("  AG Übergänge [ag-uebergaenge, sonstiges Gremium] Mandat: beraten (aufgelöst, Datum nicht angegeben)"), "\(text)")
    }

    @Test("qualitative targets show their text, and a date the plan does not name as not stated")
    func qualitativeTargets() throws {
        let store = CLIStore()
        defer { store.remove() }
        try importFile(store, """
            plan: kreis-beispiel
            title: Bildungskonzept Landkreis Beispiel
            county: Landkreis Beispiel
            indicators:
              - id: kz-ohne-abschluss
                code: B-07
                name: Schulabgänge ohne Abschluss
                unit: Prozent
                polarity: lower_is_better
                source: Landesamt für Statistik
            fields:
              - id: hf-schule
                code: "2"
                title: Schule
                goals:
                  - id: ziel-abschluss
                    statement: Mehr junge Menschen erreichen einen Schulabschluss.
                    targets:
                      - indicator: kz-ohne-abschluss
                        text: deutlich reduzieren
                        target_date: 2028-07-31
                      - text: flächendeckende Schulsozialarbeit
                      - indicator: kz-ohne-abschluss
                        baseline: 6.8
                        target: 5.5
                        target_date: 2030-07-31
            """)
        let text = try store("show").stdout
        for line in ["Zielwert kz-ohne-abschluss (qualitativ): deutlich reduzieren, bis 2028-07-31",
                     "Zielwert (qualitativ): flächendeckende Schulsozialarbeit, Zieldatum nicht angegeben",
                     "Zielwert kz-ohne-abschluss: von 6.8 auf 5.5 bis 2030-07-31"] {
            #expect(text.contains(line), "missing: \(line)\n\(text)")
        }
    }

    @Test("themes are shown with the plan and where they are used; a measure placed in a field shows there, also in diffs")
    func themesAndMeasureFields() throws {
        let store = CLIStore()
        defer { store.remove() }
        let first = try importFile(store, Self.plan)
        try importFile(store, Self.plan.replacingOccurrences(of: "fields:", with: """
            themes:
              - id: thema-inklusion
                title: Inklusion
                description: Bildungsangebote stehen allen offen.
            fields:
            """).replacingOccurrences(of: "    title: Schule\n", with: "    title: Schule\n    themes: [thema-inklusion]\n") + """

            measures:
              - id: m-schulbegleitung
                title: Schulbegleitung aus einer Hand
                field: hf-schule
                themes: [thema-inklusion]
            """)
        let text = try store("show").stdout
        for line in ["Querschnittsthemen\n  Inklusion [thema-inklusion]\n    Bildungsangebote stehen allen offen.",
                     "     Wir stärken Schulen, indem wir sie vernetzen.\n     Querschnittsthemen: Inklusion",
                     "  m-schulbegleitung: Schulbegleitung aus einer Hand [geplant, Federführung: nicht angegeben]\n     Handlungsfeld: 1) Schule\n     Querschnittsthemen: Inklusion"] {
            #expect(text.contains(line), "missing: \(line)\n\(text)")
        }
        let markdown = try store("show", "--format", "markdown").stdout
        #expect(markdown.contains("## Querschnittsthemen\n\n- **Inklusion** (`thema-inklusion`): Bildungsangebote stehen allen offen."), "\(markdown)")
        #expect(markdown.contains("| Schulbegleitung aus einer Hand (`m-schulbegleitung`) | nicht angegeben | geplant |  | 1) Schule |  | Inklusion |  |  |"), "\(markdown)")
        let diff = try store("diff", "@\(first)", "draft").stdout
        #expect(diff.contains("Querschnittsthemen\n  + Querschnittsthema thema-inklusion: Inklusion"), "\(diff)")
        #expect(diff.contains("Handlungsfeld 1) Schule\n  ~ Handlungsfeld hf-schule: 1) Schule\n      Querschnittsthemen: – → [thema-inklusion]")
                || diff.contains("Handlungsfeld 1) Schule\n  ~ Handlungsfeld hf-schule: 1) Schule\n      Querschnittsthemen: – → thema-inklusion"), "\(diff)")
        #expect(diff.contains("  + Maßnahme m-schulbegleitung: Schulbegleitung aus einer Hand"), "\(diff)")
        #expect(!diff.contains("Gremien, Kennzahlen"), "a measure placed in a field is shown under that field: \(diff)")
    }
}

