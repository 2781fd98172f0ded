import Foundation
import Projections
import Publishing
import StrategyCore
import Testing

@Suite("Web edition", .timeLimit(.minutes(3)))
struct WebEditionTests {
    static let goldenDirectory = repositoryRoot.appendingPathComponent("Tests/PublishingTests/Golden")

    func text(_ edition: WebEdition, _ path: String) throws -> String {
        let file = try #require(edition.files.first { $0.path == path }, "no \(path)")
        return String(decoding: file.bytes, as: UTF8.self)
    }

    @Test("every page of a real county's edition is self-contained: one h1, lang, links inside the edition, charts with text")
    func stadeEdition() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let plan = try await load(try countyFiles("stade"), into: engine)
        let edition = try WebEdition.build(from: engine, options: .init(plan: plan))
        let paths = Set(edition.files.map(\.path))
        #expect(paths.contains("index.html") && paths.contains("fassungen.html") && paths.contains("aenderungen-1.html"))
        #expect(paths.contains("feld-hf-ganztag.html") && paths.contains("massnahme-m-ganztag-ausbau.html") && paths.contains("style.css"))
        for file in edition.files where file.path.hasSuffix(".html") {
            let page = String(decoding: file.bytes, as: UTF8.self)
            #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">"), "\(file.path)")
            #expect(page.components(separatedBy: "<h1>").count == 2, "\(file.path) has not exactly one h1")
            #expect(!page.contains("<script") && !page.contains("http://") && !page.contains("https://"), "\(file.path)")
            #expect(!page.contains(">nil<") && !page.contains("Optional("), "\(file.path)")
            // Every link and resource points at a file of the edition (or a fragment on the page).
            for match in page.matches(of: /(?:href|src)="([^"]*)"/) {
                let target = String(match.1)
                if target.hasPrefix("mailto:") || target.hasPrefix("tel:") { continue }
                let file = target.split(separator: "#", omittingEmptySubsequences: false)[0]
                #expect(file.isEmpty || paths.contains(String(file)), "\(file) linked from a page is not in the edition")
            }
            #expect(page.components(separatedBy: "<th>").count == 1, "\(file.path): a header cell without scope")
        }
        // The Änderungsprotokoll marks words, not whole texts.
        let changes = try text(edition, "aenderungen-1.html")
        #expect(changes.contains("baut <del>ein</del><ins>sein</ins> datenbasiertes"), "\(changes)")
        #expect(changes.contains("<h1>Änderungsprotokoll: Bildungsstrategie 2019 → Bildungsstrategie 2024</h1>"))
        // Charts carry their text: a title, a description and the data as a table.
        let versions = try text(edition, "fassungen.html")
        #expect(versions.contains("role=\"img\"") && versions.contains("<title id=\"timeline-title\">Zeitleiste der Fassungen und Beschlüsse</title>"))
        #expect(versions.contains("<caption>Die Daten des Diagramms</caption>"))
        // The integrity page names the chain head to cite, and every page up to which event it shows the record.
        let head = try #require(try engine.head())
        let integrity = try text(edition, "integritaet.html")
        #expect(integrity.contains("strategyctl verify --expect-head \(head)"))
        let last = try #require(try engine.log(of: plan).last)
        #expect(integrity.contains("bis zu dieser Position wieder: \(last.position) (Erfasst: "), "\(integrity)")
        #expect(try text(edition, "index.html").contains("wieder: \(last.position) · Erfasst: 20"))
    }

    @Test("the same store gives the same bytes, also from another engine, and in English every page says so")
    func deterministic() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let plan = try await load(try countyFiles("heidekreis"), into: engine)
        let first = try WebEdition.build(from: engine, options: .init(plan: plan))
        let second = try WebEdition.build(from: try StrategyEngine(path: store.path, readOnly: false), options: .init(plan: plan))
        #expect(first.files == second.files)
        let english = try WebEdition.build(from: engine, options: .init(plan: plan, language: .en))
        #expect(english.files.filter { $0.path.hasSuffix(".html") }.allSatisfy { String(decoding: $0.bytes, as: UTF8.self).contains("<html lang=\"en\">") })
        #expect(try text(english, "index.html").contains("Skip to content"))
        // An earlier version on request: the pages say which.
        let earlier = try WebEdition.build(from: engine, options: .init(plan: plan, point: .version("Masterplan Bildung 1.0")))
        #expect(try text(earlier, "index.html").contains("Dargestellter Stand: Fassung „Masterplan Bildung 1.0“"))
        // Written to disk, the files are the edition's bytes.
        let out = store.path + "-web"
        defer { try? FileManager.default.removeItem(atPath: out) }
        try first.write(to: out)
        for file in first.files {
            #expect(FileManager.default.contents(atPath: out + "/" + file.path) == Data(file.bytes))
        }
    }

    @Test("a small plan's pages are pinned by golden files")
    func golden() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let plan = try await load([("vechta.yaml", try formatExample())], into: engine)
        let edition = try WebEdition.build(from: engine, options: .init(plan: plan))
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        let pinned = ["index.html", "fassungen.html", "kennzahl-kz-ohne-abschluss.html", "massnahme-m-bildungsbericht.html", "beteiligung.html"]
        for path in pinned {
            let url = Self.goldenDirectory.appendingPathComponent(path)
            // Recording times change from run to run; everything else is fixed by the plan file.
            let actual = try text(edition, path).replacing(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/, with: "<time>")
            if update {
                try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(actual == expected, "\(path) differs from its golden file; UPDATE_GOLDEN=1 rewrites it")
        }
        // The indicator's chart shows the corrected value, not the one it replaced, and the target as a line.
        let indicator = try text(edition, "kennzahl-kz-ohne-abschluss.html")
        #expect(indicator.contains("<polyline") || indicator.contains("<circle"))
        #expect(indicator.contains("Zielwert") && indicator.contains("<td>7.1</td>") && !indicator.contains("<td>6.8</td>"))
    }

    @Test("contact persons appear while they exist; an erased one is 'gelöscht' everywhere and nothing of them remains")
    func personalData() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let yaml = """
            plan: kreis-beispiel
            title: Bildungskonzept Landkreis Beispiel
            county: Landkreis Beispiel
            contacts:
              - name: Dr. Anna Muster
                function: Leitung Bildungsbüro
                email: anna.muster@landkreis-beispiel.de
            fields:
              - id: hf-uebergaenge
                title: Übergänge gestalten
                contacts:
                  - name: Ben Beispiel
                    function: Bildungsmonitoring
            measures:
              - id: m-portal
                title: Bildungsportal
                field: hf-uebergaenge
            """
        let plan = try await load([("kreis.yaml", yaml)], into: engine)
        let before = try WebEdition.build(from: engine, options: .init(plan: plan))
        #expect(try text(before, "index.html").contains("Dr. Anna Muster") && text(before, "feld-hf-uebergaenge.html").contains("Ben Beispiel"))
        let anna = try #require(try engine.persons().first { $0.details?.name == "Dr. Anna Muster" })
        _ = try await engine.forgetPerson(anna.id, request: "Antrag vom 2. November", context: office("Löschung"))
        let after = try WebEdition.build(from: engine, options: .init(plan: plan))
        for file in after.files {
            let page = String(decoding: file.bytes, as: UTF8.self)
            #expect(!page.contains("Anna") && !page.contains("anna.muster"), "\(file.path) still names the erased person")
        }
        #expect(try text(after, "index.html").contains("gelöscht") && text(after, "feld-hf-uebergaenge.html").contains("Ben Beispiel"))
    }

    @Test("a county's own templates replace the bundled ones; a missing or broken template is refused by name")
    func ownTemplates() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let plan = try await load(try countyFiles("stade"), into: engine)
        let templates = store.path + "-templates"
        defer { try? FileManager.default.removeItem(atPath: templates) }
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try "body { font-family: Landkreis-Schrift; }\n".write(toFile: templates + "/style.css", atomically: true, encoding: .utf8)
        try "{{<page}}{{$main}}<h1>{{planTitle}}</h1><p class=\"eigen\">{{county}}</p>{{/main}}{{/page}}"
            .write(toFile: templates + "/plan.mustache", atomically: true, encoding: .utf8)
        let own = try WebEdition.build(from: engine, options: .init(plan: plan, templates: templates))
        #expect(try text(own, "index.html").contains("<p class=\"eigen\">Landkreis Stade</p>"))
        #expect(try text(own, "style.css") == "body { font-family: Landkreis-Schrift; }\n")
        #expect(try text(own, "fassungen.html").contains("<h1>Fassungen</h1>"), "the other pages keep the bundled templates")
        try "{{#plan}}unclosed".write(toFile: templates + "/plan.mustache", atomically: true, encoding: .utf8)
        #expect(throws: PublishError.self) { try WebEdition.build(from: engine, options: .init(plan: plan, templates: templates)) }
        do {
            _ = try WebEdition.build(from: engine, options: .init(plan: plan, templates: templates))
        } catch {
            #expect(error.text(in: .de).contains("plan.mustache"), "\(error)")
        }
        #expect(throws: PublishError.engine(.unknownPlan("nirgendwo"))) { try WebEdition.build(from: engine, options: .init(plan: "nirgendwo")) }
        #expect(throws: PublishError.self) { try WebEdition.build(from: engine, options: .init(plan: plan, templates: templates + "-fehlt")) }
    }

    @Test("an indicator measured by two goals shows both targets on its chart, as in its table")
    func everyTargetOnTheChart() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let yaml = """
            plan: kreis
            title: Bildungskonzept
            county: Landkreis Beispiel
            fields:
              - id: hf-a
                title: Frühe Bildung
                goals:
                  - id: ziel-a
                    level: strategic
                    statement: Mehr Kinder sprechen altersgemäß.
                    targets:
                      - indicator: kz-sprache
                        baseline: 78
                        baseline_date: 2023-09-01
                        target: 85
                        target_date: 2026-09-01
                  - id: ziel-b
                    level: strategic
                    statement: Fast alle Kinder sprechen altersgemäß.
                    targets:
                      - indicator: kz-sprache
                        baseline: 78
                        baseline_date: 2023-09-01
                        target: 92
                        target_date: 2030-09-01
            indicators:
              - id: kz-sprache
                code: K-1
                name: Sprachstand
                unit: Prozent
                polarity: higher_is_better
                source: Gesundheitsamt
            observations:
              - id: obs-2024
                indicator: kz-sprache
                period: "2024"
                region: Landkreis Beispiel
                value: 80
            """
        let plan = try await load([("kreis.yaml", yaml)], into: engine)
        let page = try text(try WebEdition.build(from: engine, options: .init(plan: plan)), "kennzahl-kz-sprache.html")
        let description = try #require(page.firstMatch(of: /<desc id="chart-kz-sprache-desc">([^<]*)<\/desc>/)?.1)
        #expect(description.contains("Zielwert (2026-09-01): 85") && description.contains("Zielwert (2030-09-01): 92"), "\(description)")
        #expect(description.components(separatedBy: "Ausgangswert").count == 2, "the shared baseline once: \(description)")
    }
}
