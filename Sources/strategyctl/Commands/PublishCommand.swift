import ArgumentParser
import Foundation
import Projections
import Publishing
import StrategyCore

/// `strategyctl publish`: the plan as a static, accessible web edition.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: Terminal.say(
            "Den Plan als statische, barrierefreie Web-Ausgabe schreiben: Plan, Fassungen, Änderungsprotokolle, Verlauf.",
            "Write the plan as a static, accessible web edition: plan, versions, change logs, audit trail."),
        discussion: Terminal.say(
            """
            Schreibt HTML-Seiten und ein Stylesheet nach --out: ohne JavaScript, ohne Anfragen nach außen, mit relativen \
            Verweisen, sodass das Verzeichnis auf einen Webserver oder einen Datenträger kopiert werden kann. Gleicher \
            Speicher, gleiche Bytes. Ohne --version oder --in-force zeigt die Ausgabe die letzte beschlossene Fassung \
            (ohne Fassung den Entwurf). --templates nimmt ein Verzeichnis mit eigenen Vorlagen (Mustache) und style.css, \
            die die mitgelieferten gleichen Namens ersetzen.
            """,
            """
            Writes HTML pages and a stylesheet to --out: no JavaScript, no outside requests, relative links, so the \
            directory can be copied to a web server or a stick. Same store, same bytes. Without --version or \
            --in-force the edition shows the latest adopted version (the draft when there is none). --templates takes \
            a directory of own templates (Mustache) and style.css that replace the bundled ones of the same name.
            """))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var pointOptions: PointOptions
    @Option(name: .long, help: .say("Das Verzeichnis der Ausgabe (wird angelegt).", "The edition's directory (created).", valueName: "dir"))
    var out: String
    @Option(name: .long, help: .say(
        "Ein Verzeichnis mit eigenen Vorlagen (page.mustache, plan.mustache, …, style.css).",
        "A directory of own templates (page.mustache, plan.mustache, …, style.css).", valueName: "dir"))
    var templates: String?

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForReading()
            let plan = try storeOptions.resolvePlan(engine)
            let options = WebEdition.Options(plan: plan, point: pointOptions.chosen, language: Terminal.language, templates: templates)
            let edition: WebEdition
            do throws(PublishError) {
                edition = try WebEdition.build(from: engine, options: options)
                try edition.write(to: out)
            } catch {
                if case let .engine(engineError) = error { throw engineError }
                throw CommandFailure(message: error.text(in: Terminal.language), status: .invalidInput)
            }
            let pages = edition.files.filter { $0.path.hasSuffix(".html") }.count
            emit(Terminal.say("\(pages) Seiten nach \(out) geschrieben; Einstieg: \(out)/index.html",
                              "wrote \(pages) pages to \(out); start at \(out)/index.html"))
        }
    }
}
