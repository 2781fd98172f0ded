import ArgumentParser
import Foundation
import Projections
import StrategyCore

/// `strategyctl adopt`: seals the draft as a version by a resolution.
struct AdoptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adopt",
        abstract: Terminal.say(
            "Den Entwurf als Fassung beschließen, durch einen Beschluss eines der Gremien des Plans.",
            "Seal the draft as a version by a resolution of one of the plan's bodies."),
        discussion: Terminal.say(
            """
            Erfasst den Beschluss, falls er noch nicht erfasst ist (Ergebnis: beschlossen), und beschließt dann die \
            Fassung. Abgelehnt werden ein Gremium ohne das Mandat, den Plan zu beschließen, ein leerer Entwurf und eine \
            schon verwendete Bezeichnung.
            """,
            """
            Records the resolution if it is not recorded yet (result: adopted), then adopts. A body without the \
            mandate to adopt the plan is refused, as is an empty draft or a label already used.
            """))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var writeOptions: WriteOptions

    @Option(name: .long, help: .say(
        "Die Bezeichnung der Fassung, zum Beispiel 'Masterplan Bildung 2.0' (Standard: die Bezeichnung des Entwurfs).",
        "The version's label, for example 'Masterplan Bildung 2.0' (default: the draft's label)."))
    var label: String?
    @Option(name: .long, help: .say("Das Gremium, das entschieden hat.", "The body that decided.")) var body: String?
    @Option(name: .long, help: .say("Das Datum des Beschlusses (JJJJ-MM-TT).", "The date of the resolution (YYYY-MM-DD).")) var date: String?
    @Option(name: .customLong("effective-from"), help: .say(
        "Ab wann die Fassung in Kraft tritt (Standard: das Datum des Beschlusses).", "When the version takes effect (default: the resolution's date)."))
    var effectiveFrom: String?
    @Option(name: .long, help: .say(
        "Der Gegenstand des Beschlusses laut Niederschrift; nötig, wenn der Beschluss noch nicht erfasst ist.", "The subject of the resolution as the minutes state it; needed when the resolution is not on record yet."))
    var subject: String?
    @Option(name: .customLong("from-file"), help: .say(
        "Nach dem Block 'adoption:' dieser Plandatei beschließen (Bezeichnung, Beschluss, Datum des Inkrafttretens); der Entwurf muss dem "
            + "entsprechen, was die Datei beschreibt.",
        "Adopt by the 'adoption:' block of this plan file (label, resolution, effective date); the draft must be what the file describes.",
        valueName: "file"))
    var fromFile: String?

    /// The resolution's number (`--resolution`, shared with every write).
    var number: String { writeOptions.resolution ?? "" }

    func validate() throws {
        if fromFile != nil {
            if body != nil || date != nil || effectiveFrom != nil || label != nil {
                throw ValidationError(Terminal.say(
                    "--from-file übernimmt Bezeichnung, Beschluss und Daten aus der Datei; --label, --body, --date und --effective-from weglassen",
                    "--from-file takes label, resolution and dates from the file; leave out --label, --body, --date and --effective-from"))
            }
            return
        }
        if writeOptions.resolution == nil {
            throw ValidationError(Terminal.say(
                "adopt erfordert --resolution NUMMER, die Vorlage, mit der die Fassung beschlossen wird",
                "adopt needs --resolution NUMBER, the council paper that adopts the version"))
        }
        if body == nil { throw ValidationError(Terminal.say("adopt erfordert --body, das Gremium, das entschieden hat", "adopt needs --body, the body that decided")) }
        guard let date else {
            throw ValidationError(Terminal.say("adopt erfordert --date, das Datum des Beschlusses (JJJJ-MM-TT oder TT.MM.JJJJ)",
                                               "adopt needs --date, the date of the resolution (YYYY-MM-DD or DD.MM.YYYY)"))
        }
        guard Dates.day(date) != nil else {
            throw ValidationError(Terminal.say(
                "--date muss JJJJ-MM-TT oder TT.MM.JJJJ sein, angegeben war '\(date)'", "--date must be YYYY-MM-DD or DD.MM.YYYY, got '\(date)'"))
        }
        if let effectiveFrom, Dates.day(effectiveFrom) == nil {
            throw ValidationError(Terminal.say(
                "--effective-from muss JJJJ-MM-TT oder TT.MM.JJJJ sein, angegeben war '\(effectiveFrom)'",
                "--effective-from must be YYYY-MM-DD or DD.MM.YYYY, got '\(effectiveFrom)'"))
        }
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
            // The resolution as the minutes state it; the engine records it first if the plan has no record of it,
            // and refuses one on record that says otherwise (decided with the adoption, on the state it writes to).
            let minutes = ResolutionRecorded(
                number: number, body: bodyID, date: resolutionDate,
                subject: subject ?? "", result: .adopted)
            let effective = effectiveFrom.flatMap { Dates.day($0) }
            let commands: [PlanCommand] = [.adoptRecording(label: label, resolution: minutes, effectiveDate: effective)]
            var context = try writeOptions.context(engine)
            context.resolution = number
            // An adoption takes effect when the version does, unless --effective says otherwise.
            if writeOptions.effective == nil { context.effectiveDate = effective ?? resolutionDate }
            let result: StrategyEngine.ExecutionResult
            do {
                result = try await engine.execute(commands, on: plan, context: context, expectedVersion: writeOptions.ifVersion)
            } catch let EngineError.rule(.invalidValue(field, reason)) where field == "adopt.resolution.subject" {
                throw CommandFailure(
                    message: EngineError.rule(.invalidValue(field: field, reason: reason)).text(in: Terminal.language),
                    hint: Terminal.say("den Gegenstand mit --subject \"…\" angeben, wie ihn die Niederschrift nennt; nichts wurde erfasst",
                                       "give the subject with --subject \"…\" as the minutes state it; nothing was recorded"),
                    status: .invalidInput)
            }
            try reportAdoption(result, of: plan, by: "\(number) (\(state.bodies[bodyID]?.name ?? body))", engine: engine)
        }
    }

    /// Says which version `result` adopted, by `resolution`, with what an auditor cites: the content hash, the log
    /// position and the chain head. Says nothing when nothing was adopted.
    func reportAdoption(_ result: StrategyEngine.ExecutionResult, of plan: Identifier, by resolution: String? = nil, engine: StrategyEngine) throws {
        guard case let .versionAdopted(version)? = result.events.last else { return }
        let by = resolution ?? version.resolution
        emit(Terminal.say(
            "Fassung „\(version.label)“ von Plan '\(plan)' beschlossen durch \(by), in Kraft ab \(version.effectiveDate)",
            "adopted version '\(version.label)' of plan '\(plan)' by resolution \(by), in force from \(version.effectiveDate)"))
        emit(Terminal.say("Inhalts-Hash", "content hash") + " \(version.contentHash); " + Terminal.say("Position im Ereignisprotokoll", "log position") + " \(result.positions?.upperBound ?? 0)")
        if let head = try engine.head() {
            emit(Terminal.say("Kettenkopf \(head) — im Ratsprotokoll zitieren", "chain head \(head) — cite it in the council record"))
        }
    }

    /// Adopts the recorded draft by the file's `adoption:` block.
    func adoptFromFile(_ file: String, engine: StrategyEngine, plan: Identifier) async throws {
        let document = try PlanFile.parse(try PlanFileReading.bytes(atPath: file), file: file)
        guard document.plan == plan else {
            throw CommandFailure(
                message: Terminal.say("\(file) beschreibt den Plan '\(document.plan)', nicht '\(plan)'", "\(file) describes plan '\(document.plan)', not '\(plan)'"),
                status: .invalidInput)
        }
        var context = try writeOptions.context(engine)
        if let adoption = document.adoption {
            context.resolution = adoption.resolution
            if writeOptions.effective == nil { context.effectiveDate = adoption.effective }
        }
        let result = try await engine.importPlan(document, context: context, expectedVersion: writeOptions.ifVersion, adopt: .recordedOnly)
        try reportAdoption(result, of: plan, engine: engine)
    }
}

/// `strategyctl versions`: the version history.
struct VersionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions", abstract: Terminal.say("Die beschlossenen Fassungen des Plans auflisten.", "List the adopted versions of the plan."))

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
                var out = Terminal.say(
                    "| Fassung | Beschluss | Gremium | Beschlossen | In Kraft ab | Position | Felder | Ziele | Maßnahmen | Inhalts-Hash |",
                    "| Version | Resolution | Body | Resolved | In force from | Position | Fields | Goals | Measures | Content hash |")
                    + "\n|---|---|---|---|---|---|---|---|---|---|\n"
                for v in versions {
                    out += "| \(v.label) | \(v.resolution) | \(v.bodyName) | \(v.resolutionDate?.text(in: Terminal.language) ?? "–") | \(v.effectiveDate.text(in: Terminal.language)) | \(v.position) | \(v.counts.fields) | \(v.counts.goals) | \(v.counts.measures) | `\(v.contentHash.prefix(12))` |\n"
                }
                Terminal.standardOutput(out)
            case .text:
                if versions.isEmpty {
                    emit(Terminal.say("Plan '\(plan)' hat noch keine beschlossene Fassung", "plan '\(plan)' has no adopted version yet"))
                    return
                }
                Terminal.standardOutput(table(
                    [Term.colLabel, .colResolution, .colBody, .colResolved, .colEffective, .colPosition, .colFields, .colGoals, .colMeasures, .colBasedOn, .colHash]
                        .map { $0(Terminal.language) },
                    versions.map { v in
                        [v.label, v.resolution, v.bodyName, v.resolutionDate?.text(in: Terminal.language) ?? "-", v.effectiveDate.text(in: Terminal.language), String(v.position),
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
        abstract: Terminal.say("Anzeigen, was sich zwischen zwei Zeitpunkten des Plans geändert hat.", "Show what changed between two points of the plan."),
        discussion: Terminal.say(
            """
            Ein Zeitpunkt ist die Bezeichnung einer Fassung, @POSITION, ein Datum oder eine Uhrzeit nach ISO (was das \
            System damals zeigte), in-force:JJJJ-MM-TT (die an diesem Stichtag geltende Fassung), effective:JJJJ-MM-TT \
            (jede bis zu diesem Datum wirksame Änderung) oder draft (der Entwurf).
            """,
            """
            A point is a version label, @POSITION, an ISO date or time (what the system showed then), \
            in-force:YYYY-MM-DD (the version in force on that business date), effective:YYYY-MM-DD (every change taking \
            effect by that business date), or draft.
            """))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var formatOptions: FormatOptions

    @Argument(help: .say("Der frühere Zeitpunkt.", "The earlier point.")) var from: String
    @Argument(help: .say("Der spätere Zeitpunkt.", "The later point.")) var to: String = "draft"

    /// Parses a point, preferring a version label that matches exactly.
    static func point(_ text: String, labels: [String]) throws(CommandFailure) -> PointInTime {
        if labels.contains(text) { return .version(text) }
        if text == "draft" { return .draft }
        if text.hasPrefix("@") {
            guard let position = UInt64(text.dropFirst()) else {
                throw CommandFailure(message: Terminal.say("'\(text)' ist keine Position im Ereignisprotokoll", "'\(text)' is not a log position"), status: .usage)
            }
            return .position(position)
        }
        if text.hasPrefix("effective:") {
            guard let date = Dates.day(String(text.dropFirst("effective:".count))) else {
                throw CommandFailure(
                    message: Terminal.say("'\(text)' braucht ein Datum als effective:JJJJ-MM-TT", "'\(text)' needs a date as effective:YYYY-MM-DD"), status: .usage)
            }
            return .effectiveOn(date)
        }
        if text.hasPrefix("in-force:") {
            guard let date = Dates.day(String(text.dropFirst("in-force:".count))) else {
                throw CommandFailure(
                    message: Terminal.say("'\(text)' braucht ein Datum als in-force:JJJJ-MM-TT", "'\(text)' needs a date as in-force:YYYY-MM-DD"), status: .usage)
            }
            return .inForce(date)
        }
        if let time = Dates.parseTime(text) { return .recordedAt(time) }
        let known = labels.map { "'\($0)'" }.joined(separator: ", ")
        throw CommandFailure(
            message: Terminal.say("'\(text)' ist kein Zeitpunkt des Plans", "'\(text)' is not a point of the plan"),
            hint: Terminal.say(
                "die Bezeichnung einer Fassung (\(labels.isEmpty ? "noch keine beschlossen" : known)), @POSITION, ein Datum, in-force:DATUM oder draft angeben",
                "use a version label (\(labels.isEmpty ? "none adopted yet" : known)), @POSITION, a date, in-force:DATE or draft"),
            status: .usage)
    }

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForReading()
            let plan = try storeOptions.resolvePlan(engine)
            let labels = try engine.state(of: plan).state.versions.map(\.label)
            let diff = try engine.diff(plan, from: try Self.point(from, labels: labels), to: try Self.point(to, labels: labels))
            switch formatOptions.format {
            case .text: Terminal.standardOutput(diff.renderText(style: .terminal, language: Terminal.language))
            case .markdown: Terminal.standardOutput(diff.renderMarkdown(language: Terminal.language))
            case .json: emit(jsonText(diff))
            }
        }
    }
}
