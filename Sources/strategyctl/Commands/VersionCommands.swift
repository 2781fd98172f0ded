import ArgumentParser
import Foundation
import Projections
import StrategyCore

/// `strategyctl adopt`: seals the draft as a version by a resolution.
struct AdoptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adopt",
        abstract: "Seal the draft as a version by a resolution of one of the plan's bodies.",
        discussion: """
            Records the resolution if it is not recorded yet (result: adopted), then adopts. A body without the \
            mandate to adopt the plan is refused, as is an empty draft or a label already used.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var writeOptions: WriteOptions

    @Option(name: .long, help: "The version's label, for example 'Masterplan Bildung 2.0' (default: the draft's label).") var label: String?
    @Option(name: .long, help: "The body that decided.") var body: String?
    @Option(name: .long, help: "The date of the resolution (YYYY-MM-DD).") var date: String?
    @Option(name: .customLong("effective-from"), help: "When the version takes effect (default: the resolution's date).") var effectiveFrom: String?
    @Option(name: .long, help: "The subject of the resolution, if it is recorded now.") var subject: String?
    @Option(name: .customLong("from-file"), help: ArgumentHelp(
        "Adopt by the 'adoption:' block of this plan file (label, resolution, effective date); the draft must be what the file describes.",
        valueName: "file"))
    var fromFile: String?

    /// The resolution's number (`--resolution`, shared with every write).
    var number: String { writeOptions.resolution ?? "" }

    func validate() throws {
        if fromFile != nil {
            if body != nil || date != nil || effectiveFrom != nil || label != nil {
                throw ValidationError("--from-file takes label, resolution and dates from the file; leave out --label, --body, --date and --effective-from")
            }
            return
        }
        if writeOptions.resolution == nil { throw ValidationError("adopt needs --resolution NUMBER, the council paper that adopts the version") }
        if body == nil { throw ValidationError("adopt needs --body, the body that decided") }
        guard let date, Dates.day(date) != nil else { throw ValidationError("--date must be YYYY-MM-DD or DD.MM.YYYY, got '\(date ?? "")'") }
        if let effectiveFrom, Dates.day(effectiveFrom) == nil { throw ValidationError("--effective-from must be YYYY-MM-DD or DD.MM.YYYY, got '\(effectiveFrom)'") }
    }

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForWriting()
            let plan = try storeOptions.resolvePlan(engine)
            if let fromFile {
                try await adoptFromFile(fromFile, engine: engine, plan: plan)
                return
            }
            guard let body, let date else { return }
            let bodyID: Identifier
            bodyID = try identifier(body, "--body")
            let resolutionDate = Dates.day(date)!
            let state = try engine.state(of: plan).state
            var commands: [PlanCommand] = []
            if let recorded = state.resolutions[number] {
                if recorded.body != bodyID {
                    throw CommandFailure(message: "resolution \(number) was taken by '\(recorded.body)', not '\(body)'", status: .invalidInput)
                }
                if !recorded.date.mayCoincide(with: resolutionDate) {
                    throw CommandFailure(
                        message: "resolution \(number) is recorded with the date \(recorded.date), but --date says \(date)",
                        hint: "give the date the minutes state; a recorded resolution is corrected, not overwritten", status: .invalidInput)
                }
            } else {
                let label = self.label ?? state.draftLabel ?? "the draft"
                commands.append(.recordResolution(ResolutionRecorded(
                    number: number, body: bodyID, date: resolutionDate, subject: subject ?? "Beschluss über \(label)", result: .adopted)))
            }
            commands.append(.adopt(label: label, resolution: number, effectiveDate: effectiveFrom.flatMap { Dates.day($0) } ?? resolutionDate))
            var context = try writeOptions.context(engine)
            context.resolution = number
            // An adoption takes effect when the version does, unless --effective says otherwise.
            if writeOptions.effective == nil { context.effectiveDate = effectiveFrom.flatMap { Dates.day($0) } ?? resolutionDate }
            let result = try await engine.execute(commands, on: plan, context: context, expectedVersion: writeOptions.ifVersion)
            guard case let .versionAdopted(version)? = result.events.last else { return }
            emit(Terminal.say(
                "Fassung „\(version.label)“ von Plan '\(plan)' beschlossen durch \(number) (\(state.bodies[bodyID]?.name ?? body)), in Kraft ab \(version.effectiveDate)",
                "adopted version '\(version.label)' of plan '\(plan)' by resolution \(number) (\(state.bodies[bodyID]?.name ?? body)), in force from \(version.effectiveDate)"))
            emit(Terminal.say("Inhalts-Hash", "content hash") + " \(version.contentHash); " + Terminal.say("Log-Position", "log position") + " \(result.positions?.upperBound ?? 0)")
            if let head = try engine.store.head() {
                emit(Terminal.say("Kettenkopf \(head) — im Ratsprotokoll zitieren", "chain head \(head) — cite it in the council record"))
            }
        }
    }

    /// Adopts the recorded draft by the file's `adoption:` block.
    func adoptFromFile(_ file: String, engine: StrategyEngine, plan: Identifier) async throws {
        let document = try PlanFile.parse(try PlanFileReading.bytes(atPath: file), file: file)
        guard document.plan == plan else {
            throw CommandFailure(message: "\(file) describes plan '\(document.plan)', not '\(plan)'", status: .invalidInput)
        }
        var context = try writeOptions.context(engine)
        if let adoption = document.adoption {
            context.resolution = adoption.resolution
            if writeOptions.effective == nil { context.effectiveDate = adoption.effective }
        }
        let result = try await engine.importPlan(document, context: context, expectedVersion: writeOptions.ifVersion, adopt: .recordedOnly)
        guard case let .versionAdopted(version)? = result.events.last else { return }
        emit(Terminal.say(
            "Fassung „\(version.label)“ von Plan '\(plan)' beschlossen durch \(version.resolution), in Kraft ab \(version.effectiveDate)",
            "adopted version '\(version.label)' of plan '\(plan)' by resolution \(version.resolution), in force from \(version.effectiveDate)"))
        emit(Terminal.say("Inhalts-Hash", "content hash") + " \(version.contentHash); " + Terminal.say("Log-Position", "log position") + " \(result.positions?.upperBound ?? 0)")
        if let head = try engine.store.head() {
                emit(Terminal.say("Kettenkopf \(head) — im Ratsprotokoll zitieren", "chain head \(head) — cite it in the council record"))
            }
    }
}

/// `strategyctl versions`: the version history.
struct VersionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "versions", abstract: "List the adopted versions of the plan.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var formatOptions: FormatOptions

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForReading()
            let plan = try storeOptions.resolvePlan(engine)
            let versions = try engine.versions(of: plan)
            switch formatOptions.format {
            case .json: emit(jsonText(versions))
            case .markdown:
                var out = "| Fassung | Beschluss | Gremium | Beschlossen | In Kraft ab | Position | Felder | Ziele | Maßnahmen | Inhalts-Hash |\n|---|---|---|---|---|---|---|---|---|---|\n"
                for v in versions {
                    out += "| \(v.label) | \(v.resolution) | \(v.bodyName) | \(v.resolutionDate?.description ?? "–") | \(v.effectiveDate) | \(v.position) | \(v.counts.fields) | \(v.counts.goals) | \(v.counts.measures) | `\(v.contentHash.prefix(12))` |\n"
                }
                Terminal.standardOutput(out)
            case .text:
                if versions.isEmpty {
                    emit("plan '\(plan)' has no adopted version yet")
                    return
                }
                Terminal.standardOutput(table(
                    [Term.colLabel, .colResolution, .colBody, .colResolved, .colEffective, .colPosition, .colFields, .colGoals, .colMeasures, .colBasedOn, .colHash]
                        .map { $0(Terminal.language) },
                    versions.map { v in
                        [v.label, v.resolution, v.bodyName, v.resolutionDate?.description ?? "-", v.effectiveDate.description, String(v.position),
                         String(v.counts.fields), String(v.counts.goals), String(v.counts.measures), v.basedOn ?? "-", String(v.contentHash.prefix(12))]
                    }))
            }
        }
    }
}

/// `strategyctl diff FROM TO`: the semantic diff between two points.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two points of the plan.",
        discussion: """
            A point is a version label, @POSITION, an ISO date or time (what the system showed then), \
            in-force:YYYY-MM-DD (the version in force on that business date), effective:YYYY-MM-DD (every change taking \
            effect by that business date), or draft.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var formatOptions: FormatOptions

    @Argument(help: "The earlier point.") var from: String
    @Argument(help: "The later point (default: draft).") var to: String = "draft"

    /// Parses a point, preferring a version label that matches exactly.
    static func point(_ text: String, labels: [String]) throws(CommandFailure) -> PointInTime {
        if labels.contains(text) { return .version(text) }
        if text == "draft" { return .draft }
        if text.hasPrefix("@") {
            guard let position = UInt64(text.dropFirst()) else { throw CommandFailure(message: "'\(text)' is not a log position", status: .usage) }
            return .position(position)
        }
        if text.hasPrefix("effective:") {
            guard let date = Dates.day(String(text.dropFirst("effective:".count))) else {
                throw CommandFailure(message: "'\(text)' needs a date as effective:YYYY-MM-DD", status: .usage)
            }
            return .effectiveOn(date)
        }
        if text.hasPrefix("in-force:") {
            guard let date = Dates.day(String(text.dropFirst("in-force:".count))) else {
                throw CommandFailure(message: "'\(text)' needs a date as in-force:YYYY-MM-DD", status: .usage)
            }
            return .inForce(date)
        }
        if let time = Dates.parseTime(text) { return .recordedAt(time) }
        throw CommandFailure(
            message: "'\(text)' is not a point of the plan",
            hint: "use a version label (\(labels.isEmpty ? "none adopted yet" : labels.map { "'\($0)'" }.joined(separator: ", "))), @POSITION, a date, in-force:DATE or draft",
            status: .usage)
    }

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForReading()
            let plan = try storeOptions.resolvePlan(engine)
            let labels = try engine.state(of: plan).state.versions.map(\.label)
            let diff = try engine.diff(plan, from: try Self.point(from, labels: labels), to: try Self.point(to, labels: labels))
            switch formatOptions.format {
            case .text: Terminal.standardOutput(diff.renderText(color: Terminal.colorOutput, language: Terminal.language))
            case .markdown: Terminal.standardOutput(diff.renderMarkdown(language: Terminal.language))
            case .json: emit(jsonText(diff))
            }
        }
    }
}
