import ArgumentParser
import Foundation
import Projections
import StrategyCore

/// `strategyctl import FILE`: reconciles a plan file into its plan.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: Terminal.say(
            "Eine Plandatei mit ihrem Plan abgleichen: nur Abweichungen erfassen (legt den Plan an, wenn er fehlt).",
            "Reconcile a plan file into its plan: record only what differs (creates the plan if missing)."),
        discussion: Terminal.say(
            "Alle Fehler der Datei werden auf einmal mit Datei:Zeile:Spalte gemeldet; dann wird nichts erfasst.",
            "Every problem in the file is reported at once with file:line:column; then nothing is recorded."))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var writeOptions: WriteOptions

    @Argument(help: .say("Die Plandatei (YAML, siehe docs/plan-format.md).", "The plan file (YAML, see docs/plan-format.md).", valueName: "file"))
    var file: String

    @Flag(name: .long, help: .say("Die Änderungen anzeigen, die erfasst würden, nichts erfassen.", "Show the changes that would be recorded, record nothing."))
    var dryRun = false

    @Flag(name: .long, help: .say("Nur die Zusammenfassung ausgeben.", "Print only the summary line."))
    var quiet = false

    @Flag(name: .long, help: .say(
        "Die Datei auch dann erfassen, wenn sich der Plan seit dem Export der Datei oder dem Beginn des Imports geändert hat (der Inhalt der Datei gilt).",
        "Record the file even if the plan changed since the file was exported or the import began (the file's content wins)."))
    var force = false

    @Flag(name: .long, help: .say(
        "Das Ergebnis im selben Schreibvorgang auch beschließen, wie es der Block 'adoption:' der Datei angibt (Bezeichnung, Beschluss, Datum des Inkrafttretens).",
        "Also adopt the result as the file's 'adoption:' block says (label, resolution, effective date), in the same write."))
    var adopt = false

    @Flag(name: .customLong("new-plan"), help: .say(
        "Der Plan der Datei ist neu und der Speicher enthält schon andere Pläne: ihn anlegen (ein Schutz vor vertippten Plankennungen).",
        "The file's plan is new and the store already holds other plans: create it (a guard against typo'd plan ids)."))
    var newPlan = false

    func run() async throws {
        try await reportingFailures {
            let document = try PlanFile.parse(try PlanFileReading.bytes(atPath: file), file: file)
            let engine: StrategyEngine
            if dryRun && storeOptions.mustReadOnly {
                engine = try storeOptions.openForReading()
            } else if !FileManager.default.fileExists(atPath: storeOptions.storePath + "/data.mdb") && !storeOptions.readOnly {
                engine = try StrategyEngine(path: storeOptions.storePath)
            } else {
                engine = try dryRun ? storeOptions.openForReading() : storeOptions.openForWriting()
            }
            if let plan = storeOptions.plan, plan != document.plan.rawValue {
                throw CommandFailure(
                    message: Terminal.say("\(file) beschreibt den Plan '\(document.plan)', nicht '\(plan)'", "\(file) describes plan '\(document.plan)', not '\(plan)'"),
                    status: .invalidInput)
            }
            // A file for a plan the store does not hold, in a store that holds others, is usually a typo'd id or the
            // wrong file: creating a second plan needs saying so.
            let existing = try engine.plans(includeWithdrawn: true)
            if !existing.isEmpty && !existing.contains(document.plan) && !newPlan {
                let held = existing.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                throw CommandFailure(
                    message: Terminal.say(
                        "\(file) beschreibt den Plan '\(document.plan)', den dieser Speicher nicht enthält; er enthält \(held)",
                        "\(file) describes plan '\(document.plan)', which this store does not hold; it holds \(held)"),
                    hint: Terminal.say(
                        "die Kennung unter 'plan:' in der Datei prüfen; um einen weiteren Plan in diesem Speicher anzulegen, --new-plan angeben",
                        "check the file's 'plan:' id; to create a further plan in this store, pass --new-plan"),
                    status: .invalidInput)
            }
            // A file is a decision on the state its author saw: the version it was exported at, else the version
            // when this import began. If the plan changed since, the engine refuses (unless --force).
            let startVersion = (try? engine.state(of: document.plan).streamVersion) ?? 0
            // A file exported from another store (or before this plan existed here) says nothing about this store's
            // history: for a plan the store does not hold yet, the import rests on "no plan".
            let basedOn = startVersion == 0 ? nil : document.basedOnVersion
            let expected = writeOptions.ifVersion ?? (force ? nil : basedOn ?? startVersion)
            let result: StrategyEngine.ExecutionResult
            do {
                var context = try writeOptions.context(engine)
                if adopt, let adoption = document.adoption {
                    context.resolution = adoption.resolution
                    if writeOptions.effective == nil { context.effectiveDate = adoption.effective }
                }
                result = try await engine.importPlan(
                    document, context: context, expectedVersion: expected, adopt: adopt ? .afterImport : nil, dryRun: dryRun)
            } catch let EngineError.conflict(plan, expected, actual) {
                throw conflictFailure(engine, plan: plan, expected: expected, actual: actual,
                                      hint: basedOn == expected
                                          ? Terminal.say(
                                              "die Datei wurde bei Planversion \(expected) exportiert: den Plan erneut exportieren, die eigenen Änderungen übertragen und importieren; oder mit --force den Inhalt der Datei gelten lassen",
                                              "the file was exported at version \(expected): export the plan again, carry your edits over, and import; or pass --force to let the file's content win")
                                          : Terminal.say(
                                              "den Plan erneut lesen ('strategyctl show') und dann erneut importieren; oder mit --force den Inhalt der Datei gelten lassen",
                                              "read the plan again ('strategyctl show'), then import again; or pass --force to let the file's content win"))
            }
            reportWrite(result, dryRun: dryRun, verbose: !quiet)
        }
    }
}

/// `strategyctl export`: a plan as YAML, JSON or Markdown.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: Terminal.say(
            "Den Plan (Entwurf, Fassung oder Zeitpunkt) als YAML-Plandatei, JSON oder Markdown ausgeben.",
            "Write the plan (draft, version or point in time) as a YAML plan file, JSON or Markdown."))

    enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, json, markdown }

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var pointOptions: PointOptions
    @Option(name: .long, help: .say(
        "yaml (eine Plandatei, die sich ohne Änderungen wieder importieren lässt), json oder markdown.",
        "yaml (a plan file that imports back without changes), json or markdown."))
    var format: Format = .yaml

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForReading()
            let view = try engine.state(of: try storeOptions.resolvePlan(engine), at: pointOptions.point)
            switch format {
            case .yaml:
                let persons = try contactPersons(engine, view.state)
                Terminal.standardOutput(PlanFileWriter.yaml(
                    view.state, basedOnVersion: pointOptions.point == .draft ? view.streamVersion : nil, contact: { persons[$0]?.details }))
            case .json: emit(jsonText(ShowCommand.JSONView(view)))
            case .markdown: Terminal.standardOutput(Terminal.renderer(persons: try contactPersons(engine, view.state)).markdown(view))
            }
        }
    }
}

/// The persons a plan names as contacts, by id (their details while they exist); none read when it names none.
func contactPersons(_ engine: StrategyEngine, _ state: PlanState) throws -> [Identifier: Person] {
    guard !state.contacts.isEmpty else { return [:] }
    return Dictionary(try engine.persons().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
}

/// `strategyctl show`: the plan at a point.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: Terminal.say(
            "Den Plan anzeigen: den Entwurf oder --version, --at, --as-of oder --in-force.", "Show the plan: the draft, or --version, --at, --as-of or --in-force."))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var pointOptions: PointOptions
    @OptionGroup var formatOptions: FormatOptions

    /// The documented JSON shape of `show` and `export --format json`.
    struct JSONView: Encodable {
        let plan: String
        let point: String
        let position: UInt64
        let streamVersion: UInt64
        let contentHash: String
        let state: PlanState

        init(_ view: PlanView) {
            plan = view.plan.rawValue
            point = view.point.description
            position = view.position
            streamVersion = view.streamVersion
            contentHash = view.state.contentHash
            state = view.state
        }
    }

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForReading()
            let view = try engine.state(of: try storeOptions.resolvePlan(engine), at: pointOptions.point)
            switch formatOptions.format {
            case .text: Terminal.standardOutput(Terminal.renderer(persons: try contactPersons(engine, view.state)).text(view))
            case .json: emit(jsonText(JSONView(view)))
            case .markdown: Terminal.standardOutput(Terminal.renderer(persons: try contactPersons(engine, view.state)).markdown(view))
            }
        }
    }
}
