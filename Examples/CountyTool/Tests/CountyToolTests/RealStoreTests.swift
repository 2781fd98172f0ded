import CountyToolCore
import Foundation
import Projections
import StrategyCore
import Testing

/// Heidekreis' two plan files in the root package's examples: Examples/plans/heidekreis, found from this file
/// (Examples/CountyTool/Tests/CountyToolTests/RealStoreTests.swift).
let heidekreisFiles: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("plans/heidekreis")

/// A store in a new temporary directory holding Heidekreis' Masterplan: version 1.0 and 2.0 imported and adopted as
/// the files' `adoption:` blocks say, then one measure started and one planned after 2.0. Closed again, so the tool
/// opens it alone.
func heidekreisStore() async throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("county-tool-tests-\(UUID().uuidString.prefix(8))").path
    let engine = try StrategyEngine(path: path, durability: .relaxed)
    defer { engine.close() }
    let files = try FileManager.default.contentsOfDirectory(atPath: heidekreisFiles.path).filter { $0.hasSuffix(".yaml") }.sorted()
    #expect(files == ["01-masterplan-bildung.yaml", "02-masterplan-bildung-2-0.yaml"])
    for (name, importedOn) in zip(files, ["2021-06-01", "2025-01-15"] as [CalendarDate]) {
        let document = try PlanFile.parse([UInt8](Data(contentsOf: heidekreisFiles.appendingPathComponent(name))), file: name)
        try await engine.importPlan(document, context: EventContext(actor: "p-0042", role: "Bildungsbüro", reason: "Import \(name)", effectiveDate: importedOn))
        if let adoption = document.adoption {
            try await engine.execute(.adopt(label: adoption.label, resolution: adoption.resolution, effectiveDate: adoption.effective), on: document.plan,
                                     context: EventContext(actor: "p-0042", role: "Bildungsbüro", reason: "Beschluss", resolution: adoption.resolution))
        }
    }
    try await engine.execute(.changeMeasureStatus("m-hochschulkooperation", to: .inProgress, reason: nil), on: "heidekreis",
                             context: EventContext(actor: "p-0042", role: "Bildungsbüro", reason: "Kooperationsvertrag unterzeichnet", effectiveDate: "2025-04-02"))
    try await engine.execute(.planMeasure(MeasurePlanned(measure: "m-monitoringbericht", title: "Bildungsmonitoringbericht 2025", lead: nil,
                                                         goals: ["ziel-monitoring"])), on: "heidekreis",
                             context: EventContext(actor: "p-0042", role: "Bildungsbüro", reason: "Vorschlag des Bildungsbeirats", effectiveDate: "2025-05-12"))
    return path
}

@Suite("county-tool on a real store, read-only", .timeLimit(.minutes(3)))
struct RealStoreTests {
    @Test("the report from the engine itself: StrategyEngine is a PlanSource")
    func reportFromEngine() async throws {
        let path = try await heidekreisStore()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let engine = try StrategyEngine(path: path, readOnly: true)
        defer { engine.close() }

        let report = try StatusReport.build(plan: "heidekreis", keyDate: "2025-06-01", from: engine)
        #expect(report.title == "Masterplan Bildung Heidekreis" && report.county == "Heidekreis")
        #expect(report.versions.map(\.label) == ["Masterplan Bildung 1.0", "Masterplan Bildung 2.0"])
        #expect(report.inForce?.label == "Masterplan Bildung 2.0" && report.inForce?.resolution == "2025/0042")
        #expect(report.inForce?.bodyName == "Kreistag Heidekreis" && report.inForce?.resolutionDate == "2025-02-27")
        // Since 2.0 one measure started and one was planned; the plan's bookkeeping (changes since adoption) is no
        // change of content and is not counted.
        let changes = try #require(report.changes)
        #expect((changes.added, changes.removed, changes.modified) == (1, 0, 1))
        #expect(Set(changes.changes.map(\.entity)) == ["m-hochschulkooperation", "m-monitoringbericht"])
        #expect(report.fields.map(\.heading) == ["A) Transparenz und Beratung", "B) Übergänge und Abschlüsse", "C) Qualität, Monitoring und Kooperation"])
        // The engine's own diff also lists the plan, whose bookkeeping alone changed (the new measure counts as a change
        // since adoption): the report leaves it out.
        let raw = try engine.diff("heidekreis", from: .version("Masterplan Bildung 2.0"), to: .draft)
        #expect(raw.changes.map(\.entity).sorted() == ["m-hochschulkooperation", "m-monitoringbericht", "plan"])
        #expect(raw.changes.first { $0.entity == "plan" }?.attributes.map(\.name) == ["changesSinceAdoption"])
        // m-bildungsberatung serves a goal in A (ziel-beratung) and one in B (ziel-perspektive); measures follow the
        // plan's own order (the file's), not their ids.
        #expect(report.fields.map { $0.measures.map(\.id.rawValue) } == [["m-bildungsberatung"], ["m-bildungsberatung"], ["m-hochschulkooperation", "m-benchmarking", "m-monitoringbericht"]])
        #expect(report.unplacedMeasures.isEmpty)
        let started = try #require(report.fields[2].measures.first { $0.id == "m-hochschulkooperation" })
        #expect(started.status == .inProgress && started.statusSetBy?.effectiveDate == "2025-04-02" && started.lead == "Bildungsbüro Heidekreis")
        #expect(started.health == nil && started.progress == nil)
    }

    @Test("county-tool STORE PLAN STICHTAG prints the file's facts in German")
    func commandOnRealStore() async throws {
        let path = try await heidekreisStore()
        defer { try? FileManager.default.removeItem(atPath: path) }

        let outcome = CountyToolCommand.run([path, "heidekreis", "2023-01-01"], today: "2026-01-01")
        #expect(outcome.status == 0 && outcome.errors.isEmpty, "\(outcome.errors)")
        let text = outcome.output
        #expect(text.hasPrefix("Sachstandsbericht: Masterplan Bildung Heidekreis\nLandkreis: Heidekreis\nPlan: heidekreis\nStichtag: 2023-01-01\n"))
        // On 2023-01-01 version 1.0 was in force (2.0 took effect on 2025-03-01), as the files' adoption blocks say.
        #expect(text.contains("- In Kraft am 2023-01-01: Masterplan Bildung 1.0 – Beschluss 2021/0117 · Kreistag Heidekreis · Datum: 2021-06-24 · In Kraft ab 2021-08-01"))
        #expect(text.contains("- Letzte Fassung: Masterplan Bildung 2.0 – Beschluss 2025/0042 · Kreistag Heidekreis · Datum: 2025-02-27 · In Kraft ab 2025-03-01"))
        #expect(text.contains("## Änderungen seit „Masterplan Bildung 2.0“\nNeu: 1 · Entfernt: 0 · Geändert: 1\n"))
        #expect(text.contains("- Geändert: Maßnahme „Kooperation mit Hochschulen zur Qualifizierung“ (m-hochschulkooperation): Tatsächlicher Beginn, Status\n"))
        #expect(text.contains("- Neu: Maßnahme „Bildungsmonitoringbericht 2025“ (m-monitoringbericht)\n"))
        #expect(!text.contains("changesSinceAdoption") && !text.contains("(plan)"))
        let fieldC = """
            ### C) Qualität, Monitoring und Kooperation (aktiv)
            - Kooperation mit Hochschulen zur Qualifizierung (m-hochschulkooperation)
              Status: in Umsetzung, wirksam seit 2025-04-02 · Federführung: Bildungsbüro Heidekreis · Lage: nicht angegeben · Fortschritt: nicht angegeben
            - Jährlicher Kennzahlenvergleich Niedersachsen (m-benchmarking)
              Status: geplant, wirksam seit 2025-01-15 · Federführung: Bildungsmonitoring · Lage: nicht angegeben · Fortschritt: nicht angegeben
            - Bildungsmonitoringbericht 2025 (m-monitoringbericht)
              Status: geplant, wirksam seit 2025-05-12 · Federführung: nicht angegeben · Lage: nicht angegeben · Fortschritt: nicht angegeben

            """
        #expect(text.contains(fieldC))
        // In progress since the second file's import, which set the status (the first file had planned it).
        #expect(text.contains("- Unabhängige Bildungsberatung aufbauen (m-bildungsberatung)\n  Status: in Umsetzung, wirksam seit 2025-01-15 · "))
    }

    @Test("an unknown plan and a missing store: German errors on standard error, status 1, nothing written")
    func errorsOnRealStore() async throws {
        let path = try await heidekreisStore()
        defer { try? FileManager.default.removeItem(atPath: path) }

        let unknown = CountyToolCommand.run([path, "gibt-es-nicht"], today: "2025-06-01")
        #expect(unknown.status == 1 && unknown.output.isEmpty)
        #expect(unknown.errors == "county-tool: Fehler: der Speicher enthält keinen Plan 'gibt-es-nicht'; vorhandene Pläne: heidekreis\n")

        let missing = path + "-fehlt"
        let noStore = CountyToolCommand.run([missing, "heidekreis"], today: "2025-06-01")
        #expect(noStore.status == 1 && noStore.output.isEmpty)
        #expect(noStore.errors.hasPrefix("county-tool: Fehler: der Speicher '\(missing)' kann nicht geöffnet werden: kein Strategiespeicher: "), "\(noStore.errors)")
        // Read-only: opening a missing store does not create it.
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
