import CountyToolCore
import Foundation
import Projections
import StrategyCore
import Testing

@Suite("The Sachstandsbericht, built from a fake PlanSource", .timeLimit(.minutes(3)))
struct StatusReportTests {
    @Test("the version in force, the latest version, the changes since it and each field's measures")
    func reportFromFake() throws {
        let report = try StatusReport.build(plan: Testkreis.plan, keyDate: "2024-06-01", from: try Testkreis.source())

        #expect(report.title == "Bildungskonzept Testkreis" && report.county == "Landkreis Testkreis")
        #expect(report.draftPosition == 14)
        #expect(report.inForce?.label == "Bildungskonzept 2024" && report.latestVersion?.resolution == "KT-2024/007")
        // One measure added, one modified; the plan's bookkeeping alone (changesSinceAdoption) is no change of content.
        let changes = try #require(report.changes)
        #expect(changes.version == "Bildungskonzept 2024")
        #expect((changes.added, changes.removed, changes.modified) == (1, 0, 1))
        #expect(!changes.changes.contains { $0.entityKind == .plan })

        // Measures by field: through a goal (m-sprachfoerderung), directly (m-elternabende, m-uebergangslotsen), none.
        #expect(report.fields.map(\.heading) == ["A) Frühe Bildung", "B) Übergänge"])
        #expect(report.fields[0].measures.map(\.id) == ["m-elternabende", "m-sprachfoerderung"])
        #expect(report.fields[1].measures.map(\.id) == ["m-uebergangslotsen"])
        #expect(report.unplacedMeasures.map(\.id) == ["m-bildungsbuero"])
        let started = try #require(report.fields[0].measures.first { $0.id == "m-sprachfoerderung" })
        #expect(started.status == .inProgress && started.health == .atRisk && started.progress == 40)
        // The status's date is the audit trail's last entry that set "status", not a later one that set something else.
        #expect(started.statusSetBy?.position == 11 && started.statusSetBy?.effectiveDate == "2024-05-02")
    }

    @Test("the German text uses the library's labels and says 'nicht angegeben' for what the plan does not state")
    func germanText() throws {
        let text = try StatusReport.build(plan: Testkreis.plan, keyDate: "2024-06-01", from: try Testkreis.source()).text()

        #expect(text.hasPrefix("Sachstandsbericht: Bildungskonzept Testkreis\nLandkreis: Landkreis Testkreis\nPlan: testkreis\n"))
        #expect(text.contains("Stichtag: 2024-06-01\nStand: Entwurf (Position 14)"))
        #expect(text.contains("- In Kraft am 2024-06-01: Bildungskonzept 2024 – Beschluss KT-2024/007 · Kreistag Testkreis · Datum: 2024-02-15 · In Kraft ab 2024-03-01"))
        #expect(text.contains("- Letzte Fassung: Bildungskonzept 2024 – Beschluss KT-2024/007"))
        #expect(text.contains("## Änderungen seit „Bildungskonzept 2024“\nNeu: 1 · Entfernt: 0 · Geändert: 1\n"))
        #expect(text.contains("- Geändert: Maßnahme „Sprachförderung in Kitas“ (m-sprachfoerderung): Status, Lage"))
        #expect(text.contains("- Neu: Maßnahme „Übergangslotsen an Oberschulen“ (m-uebergangslotsen)"))
        #expect(!text.contains("changesSinceAdoption"))
        // Field statuses and measure statuses by the library's labels (MeasureStatus.inProgress is "in Umsetzung").
        #expect(text.contains("### A) Frühe Bildung (\(FieldStatus.active.label(.de)))"))
        #expect(text.contains("- Sprachförderung in Kitas (m-sprachfoerderung)\n  Status: in Umsetzung, wirksam seit 2024-05-02 · "
            + "Federführung: Fachdienst Kindertagesstätten · Lage: gefährdet · Fortschritt: 40 %"))
        // Nothing invented: no lead, no health, no progress recorded — and no history at all for m-elternabende.
        #expect(text.contains("- Elternabende zur Sprachbildung (m-elternabende)\n  Status: geplant · Federführung: nicht angegeben · "
            + "Lage: nicht angegeben · Fortschritt: nicht angegeben"))
        // A status recorded without a business date dates from the day it was recorded (1705000000 is 2024-01-11 UTC).
        #expect(text.contains("### Maßnahmen ohne Handlungsfeld\n- Bildungsbüro einrichten (m-bildungsbuero)\n  Status: geplant, erfasst am 2024-01-11 · "))
    }

    @Test("before the first version takes effect, none is in force; the latest is still named")
    func noVersionInForceYet() throws {
        let report = try StatusReport.build(plan: Testkreis.plan, keyDate: "2024-02-29", from: try Testkreis.source())
        #expect(report.inForce == nil && report.latestVersion?.label == "Bildungskonzept 2024")
        let text = report.text()
        #expect(text.contains("- In Kraft am 2024-02-29: keine Fassung\n- Letzte Fassung: Bildungskonzept 2024"))
    }

    @Test("a plan without an adopted version has no comparison, and the report says so")
    func noVersionAdopted() throws {
        var source = try Testkreis.source()
        source.versionRecords = []
        source.inForceView = nil
        source.diffSinceLatest = nil
        let report = try StatusReport.build(plan: Testkreis.plan, keyDate: "2024-06-01", from: source)
        #expect(report.inForce == nil && report.changes == nil)
        let text = report.text()
        #expect(text.contains("- noch keine Fassung beschlossen"))
        #expect(text.contains("Kein Vergleich: es ist noch keine Fassung beschlossen."))
        #expect(!text.contains("Neu:"))
    }

    @Test("an error of the source other than 'no version in force' is not swallowed")
    func sourceErrorsPropagate() throws {
        var source = try Testkreis.source()
        source.diffSinceLatest = nil   // the fake's diff now throws noSuchPoint: a real failure, not "none in force"
        #expect(throws: EngineError.self) {
            _ = try StatusReport.build(plan: Testkreis.plan, keyDate: "2024-06-01", from: source)
        }
        source = try Testkreis.source()
        source.failure = .derivedDataMismatch(Wording(de: "Testschaden", en: "test damage"))
        do throws(EngineError) {
            _ = try StatusReport.build(plan: Testkreis.plan, keyDate: "2024-06-01", from: source)
            Issue.record("a failing source gave a report")
        } catch {
            #expect(error == .derivedDataMismatch(Wording(de: "Testschaden", en: "test damage")))
        }
    }

    @Test("bookkeeping is dropped attribute by attribute: a plan retitled since the version still counts")
    func bookkeepingFilter() {
        let diff = PlanDiff(from: "V1", to: PlanDiff.draftPoint, planTitle: "Neu", changes: [
            EntityChange(entityKind: .plan, entity: "plan", kind: .modified, title: "Neu", attributes: [
                AttributeChange(name: "title", old: .string("Alt"), new: .string("Neu")),
                AttributeChange(name: "changesSinceAdoption", old: .integer(0), new: .integer(1)),
            ]),
        ])
        let changes = StatusReport.ChangesSinceVersion(version: "V1", diff: diff)
        #expect(changes.modified == 1 && changes.changes.first?.attributes.map(\.name) == ["title"])
    }
}
