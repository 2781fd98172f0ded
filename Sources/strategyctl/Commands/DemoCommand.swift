import ArgumentParser
import Foundation
import Projections
import StrategyCore

/// `strategyctl demo`: a real Fortschreibung on the county examples, in a temporary store.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: Terminal.say(
            "Eine echte Fortschreibung an den Beispielen der Landkreise durchspielen, in einem vorübergehenden Speicher.",
            "Walk through a real Fortschreibung on the county examples, in a temporary store."),
        discussion: Terminal.say(
            """
            Importiert die fünf Pläne der Landkreise, die strategyctl beiliegen, und schreibt dann die Strategie von Stade \
            fort: die Fortschreibung importieren, eine alltägliche Änderung erfassen, die neue Fassung beschließen und \
            Fassungen, Vergleich und Herkunft der Werte (blame) anzeigen. Danach erfasst sie nachträglich die ersten Jahre \
            von Cloppenburg — unvollständige Datumsangaben, eine Vorlage mit mehreren Beratungen, ein unbekanntes \
            Ergebnis — und prüft den Speicher; jeder Schritt mit dem Befehl, der dasselbe im eigenen Speicher tut.
            """,
            """
            Imports the five county plans bundled with strategyctl, then revises Stade's strategy: import the \
            Fortschreibung, record an everyday change, adopt the new version, and show versions, diff and blame. \
            Then it records Cloppenburg's first years after the fact — partial dates, a council paper with several \
            deliberations, an unknown result — and verifies the store; each step with the command that does the same \
            on your own store.
            """))

    @Option(name: .long, help: .say(
        "Wo der Demo-Speicher angelegt wird (Standard: ein neues vorübergehendes Verzeichnis).", "Where to build the demo store (default: a new temporary directory).",
        valueName: "path"))
    var store: String?

    @Option(name: .long, help: .say(
        "Die Sprache der Ausgabe: de oder en (Standard: aus LC_ALL, LC_MESSAGES oder LANG).",
        "The language of the output: de or en (default: from LC_ALL, LC_MESSAGES or LANG).", valueName: "de|en"))
    var lang: String?

    static func plansDirectory() throws -> URL {
        guard let url = Bundle.module.url(forResource: "plans", withExtension: nil) else {
            throw CommandFailure(
                message: Terminal.say("die beigefügten Beispielpläne fehlen", "the bundled example plans are missing"),
                hint: Terminal.say("strategyctl neu installieren", "reinstall strategyctl"), status: .invalidInput)
        }
        return url
    }

    func step(_ command: String) {
        let bold = Terminal.colorOutput ? "\u{1B}[1m" : "", reset = Terminal.colorOutput ? "\u{1B}[0m" : ""
        emit("\n\(bold)$ strategyctl \(command)\(reset)")
    }

    func run() async throws {
        try await reportingFailures {
            let path = store ?? FileManager.default.temporaryDirectory.appendingPathComponent("strategy-demo-\(UUID().uuidString.prefix(8))").path
            if FileManager.default.fileExists(atPath: path + "/data.mdb") {
                throw CommandFailure(
                    message: Terminal.say("\(path) enthält bereits einen Speicher", "\(path) already holds a store"),
                    hint: Terminal.say("ein neues Verzeichnis für die Demo wählen", "choose a new directory for the demo"), status: .invalidInput)
            }
            let engine = try StrategyEngine(path: path)
            let plans = try Self.plansDirectory()
            emit(Terminal.say("Demo-Speicher: \(path)", "Demo store: \(path)"))
            let office = EventContext(actor: "p-demo", role: "Bildungsbüro", reason: "Demo", effectiveDate: CalendarDate("2024-01-15"))

            // The five counties, each with its first plan file, adopted as its file says.
            for county in ["vechta", "cloppenburg", "heidekreis", "boerde", "stade"] {
                let file = try FileManager.default.contentsOfDirectory(atPath: plans.appendingPathComponent(county).path).filter { $0.hasSuffix(".yaml") }.sorted()[0]
                let document = try PlanFile.parse(try PlanFileReading.bytes(atPath: plans.appendingPathComponent("\(county)/\(file)").path), file: file)
                step("import --plan \(county) \(county)/\(file)")
                reportWrite(try await engine.importPlan(document, context: office), verbose: false)
                if let adoption = document.adoption {
                    let body = document.resolutions.first { $0.number == adoption.resolution }?.body.rawValue ?? "?"
                    step("adopt --plan \(county) --label '\(adoption.label ?? "")' --body \(body) --resolution \(adoption.resolution) --date \(adoption.effective)")
                    var context = office
                    context.resolution = adoption.resolution
                    try await engine.execute(.adopt(label: adoption.label, resolution: adoption.resolution, effectiveDate: adoption.effective), on: document.plan, context: context)
                    emit(Terminal.say("beschlossen: „\(adoption.label ?? "")“", "adopted '\(adoption.label ?? "")'"))
                }
            }

            // Stade's Fortschreibung: the new strategy, an everyday change, the adoption.
            let stade = Identifier("stade")
            let revision = try PlanFile.parse(try PlanFileReading.bytes(atPath: plans.appendingPathComponent("stade/02-fortschreibung-2024.yaml").path), file: "02-fortschreibung-2024.yaml")
            var reasoned = office
            reasoned.reason = "Fortschreibung zur analog-digital vernetzten Bildungslandschaft"
            step("import --plan stade --reason '\(reasoned.reason!)' stade/02-fortschreibung-2024.yaml")
            reportWrite(try await engine.importPlan(revision, context: reasoned), verbose: false)
            step("measure set-status --plan stade m-ganztag-ausbau in-progress --effective 2024-02-01")
            var started = office
            started.effectiveDate = CalendarDate("2024-02-01")
            reportWrite(try await engine.execute(.changeMeasureStatus(Identifier("m-ganztag-ausbau"), to: .inProgress, reason: nil), on: stade, context: started))
            step("adopt --plan stade --label 'Bildungsstrategie 2024' --body kreistag --resolution V-2024/052 --date 2024-03-21 --effective-from 2024-04-01")
            var council = office
            council.resolution = "V-2024/052"
            try await engine.execute(.adopt(label: "Bildungsstrategie 2024", resolution: "V-2024/052", effectiveDate: CalendarDate("2024-04-01")), on: stade, context: council)
            emit(Terminal.say("beschlossen: „Bildungsstrategie 2024“", "adopted 'Bildungsstrategie 2024'"))

            step("versions --plan stade")
            Terminal.standardOutput(table([Term.colLabel, .colResolution, .colBody, .colEffective, .colPosition, .colFields, .colGoals, .colMeasures].map { $0(Terminal.language) }, try engine.versions(of: stade).map { v in
                [v.label, v.resolution, v.bodyName, v.effectiveDate.description, String(v.position), String(v.counts.fields), String(v.counts.goals), String(v.counts.measures)]
            }))

            step("diff --plan stade 'Bildungsstrategie 2019' 'Bildungsstrategie 2024'")
            Terminal.standardOutput(try engine.diff(stade, from: .version("Bildungsstrategie 2019"), to: .version("Bildungsstrategie 2024")).renderText(style: .terminal, language: Terminal.language))

            step("blame --plan stade m-ganztag-ausbau")
            Terminal.standardOutput(table([Term.colAttribute, .colPosition, .colBy, .colEvent, .colValue].map { $0(Terminal.language) }, try engine.blame("m-ganztag-ausbau", in: stade).map { blame in
                [blame.attributeName(in: Terminal.language), "@\(blame.setBy.position)", blame.setBy.actor ?? "-", blame.setBy.type,
                 String(blame.text(in: Terminal.language).replacingOccurrences(of: "\n", with: " ").prefix(50))]
            }))

            // A plan recorded after the fact, as its sources state it: dates known only in part, a council paper
            // that a committee recommended, the council referred back and decided later, an unknown result.
            let history = "cloppenburg-aufbau/aufbauphase-2019-2023.yaml"
            let recorded = try PlanFile.parse(try PlanFileReading.bytes(atPath: plans.appendingPathComponent(history).path), file: "aufbauphase-2019-2023.yaml")
            var later = office
            later.reason = "Nacherfassung aus Niederschriften und Pressemitteilungen"
            step("import --reason '\(later.reason!)' \(history)")
            reportWrite(try await engine.importPlan(recorded, context: later), verbose: false)
            step("adopt --plan cloppenburg-aufbau --from-file \(history)")
            if let adoption = recorded.adoption {
                var council = later
                council.resolution = adoption.resolution
                council.effectiveDate = adoption.effective
                try await engine.execute(
                    .adopt(label: adoption.label, resolution: adoption.resolution, effectiveDate: adoption.effective), on: recorded.plan, context: council)
                emit(Terminal.say(
                    "beschlossen: „\(adoption.label ?? "")“ durch \(adoption.resolution), in Kraft ab \(adoption.effective.germanText)",
                    "adopted '\(adoption.label ?? "")' by resolution \(adoption.resolution), in force from \(adoption.effective.text(in: .en))"))
            }
            step("show --plan cloppenburg-aufbau")
            Terminal.standardOutput(Terminal.renderer().text(try engine.state(of: recorded.plan)))

            step("verify")
            let verified = try engine.verify()
            let report = verified.chain
            guard verified.isIntact else {
                let problems = verified.findings.map { $0(Terminal.language) }
                throw CommandFailure(message: report.failure?.text(in: Terminal.language) ?? problems.joined(separator: "; "), status: .integrityFailure)
            }
            emit(Terminal.say(
                "Kette intakt: \(report.eventsChecked) Ereignisse; Lesemodelle und beschlossene Fassungen stimmen mit einem erneuten Abspielen überein",
                "chain intact: \(report.eventsChecked) events; read models and sealed versions match a fresh replay"))
            emit(Terminal.say("Kettenkopf", "head") + " \(report.head.map(String.init(describing:)) ?? "-")")
            emit(Terminal.say("\nDer Demo-Speicher bleibt in \(path). Zum Erkunden zum Beispiel:", "\nThe demo store stays at \(path). Explore it, for example:")
                + "\n  strategyctl --store \(path) show --plan stade --in-force 2026-08-01\n  strategyctl --store \(path) log --plan stade -n 5")
        }
    }
}
