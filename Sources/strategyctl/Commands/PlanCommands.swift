import ArgumentParser
import Foundation
import Projections
import StrategyCore

/// `strategyctl import FILE`: reconciles a plan file into its plan.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Reconcile a plan file into its plan: record only what differs (creates the plan if missing).",
        discussion: "Every problem in the file is reported at once with file:line:column; then nothing is recorded.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var writeOptions: WriteOptions

    @Argument(help: ArgumentHelp("The plan file (YAML, see docs/plan-format.md).", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Show the changes that would be recorded, record nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Print only the summary line.")
    var quiet = false

    func run() async throws {
        try await reportingFailures {
            let document = try PlanFile.parse(try PlanFileReading.bytes(atPath: file), file: file)
            let engine: StrategyEngine
            if dryRun && storeOptions.mustReadOnly {
                engine = try storeOptions.openForReading()
            } else if !FileManager.default.fileExists(atPath: storeOptions.storePath + "/data.mdb") && !storeOptions.readOnly {
                engine = try StrategyEngine(path: storeOptions.storePath)
            } else {
                engine = try dryRun ? storeOptions.openForQueries() : storeOptions.openForWriting()
            }
            if let plan = storeOptions.plan, plan != document.plan.rawValue {
                throw CommandFailure(message: "\(file) describes plan '\(document.plan)', not '\(plan)'", status: .invalidInput)
            }
            if let expected = writeOptions.ifVersion {
                let current = (try? engine.state(of: document.plan).streamVersion) ?? 0
                if current != expected { throw EngineError.conflict(plan: document.plan, expected: expected, actual: current) }
            }
            let result = try await engine.importPlan(document, context: writeOptions.context, dryRun: dryRun)
            reportWrite(result, dryRun: dryRun, verbose: !quiet)
        }
    }
}

/// `strategyctl export`: a plan as YAML, JSON or Markdown.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the plan (draft, version or point in time) as a YAML plan file, JSON or Markdown.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, json, markdown }

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var pointOptions: PointOptions
    @Option(name: .long, help: "yaml (a plan file that imports back without changes), json or markdown.") var format: Format = .yaml

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForQueries()
            let view = try engine.state(of: try storeOptions.resolvePlan(engine), at: pointOptions.point)
            switch format {
            case .yaml: Terminal.standardOutput(PlanFileWriter.yaml(view.state))
            case .json: emit(jsonText(ShowCommand.JSONView(view)))
            case .markdown: Terminal.standardOutput(PlanRendering.markdown(view))
            }
        }
    }
}

/// `strategyctl show`: the plan at a point.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show the plan: the draft, or --version, --at, --as-of or --in-force.")

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
            let engine = try storeOptions.openForQueries()
            let view = try engine.state(of: try storeOptions.resolvePlan(engine), at: pointOptions.point)
            switch formatOptions.format {
            case .text: Terminal.standardOutput(PlanRendering.text(view))
            case .json: emit(jsonText(JSONView(view)))
            case .markdown: Terminal.standardOutput(PlanRendering.markdown(view))
            }
        }
    }
}
