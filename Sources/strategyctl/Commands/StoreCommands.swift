import ArgumentParser
import Foundation
import Projections
import StrategyCore

/// `strategyctl init`: creates a store, and optionally a plan in it.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: Terminal.say("Einen Speicher anlegen (und mit --plan einen Plan darin).", "Create a store (and, with --plan, a plan in it)."))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var writeOptions: WriteOptions

    @Option(name: .long, help: .say("Der Titel des neuen Plans.", "The new plan's title.")) var title: String?
    @Option(name: .long, help: .say("Der Landkreis, zum Beispiel 'Landkreis Vechta'.", "The county, for example 'Landkreis Vechta'.")) var county: String?

    func validate() throws {
        if storeOptions.plan != nil && (title == nil || county == nil) {
            throw ValidationError(Terminal.say("ein neuer Plan erfordert --title und --county", "a new plan needs --title and --county"))
        }
    }

    func run() async throws {
        try await reportingFailures {
            let path = storeOptions.storePath
            let existed = FileManager.default.fileExists(atPath: path + "/data.mdb")
            let engine = try StrategyEngine(path: path)
            emit(existed
                ? Terminal.say("Speicher unter \(engine.storePath) bereits vorhanden", "store exists at \(engine.storePath)")
                : Terminal.say("Speicher unter \(engine.storePath) angelegt", "created store at \(engine.storePath)"))
            if let plan = storeOptions.plan, let title, let county {
                let id = try storeOptions.resolvePlan(engine)
                try await engine.execute(.createPlan(PlanCreated(plan: id, title: title, county: county)), on: id, context: try writeOptions.context(engine),
                                         expectedVersion: 0)
                emit(Terminal.say("Plan '\(plan)' angelegt", "created plan '\(plan)'"))
            }
        }
    }
}

/// `strategyctl stats`: figures about the store.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: Terminal.say(
            "Die Statistik des Speichers anzeigen: Pläne, Ereignisse, Kettenkopf, Größen.", "Show the store's statistics: plans, events, chain head, sizes."))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var formatOptions: FormatOptions

    struct Output: Encodable {
        let store: StoreStatistics
        let plans: [String]
    }

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForReading()
            let statistics = try engine.statistics()
            let plans = try engine.plans().map(\.rawValue)
            switch formatOptions.format {
            case .json:
                emit(jsonText(Output(store: statistics, plans: plans)))
            case .text, .markdown:
                let say = Terminal.say
                let rows: [[String]] = [
                    [say("Speicher", "store"), statistics.path],
                    [say("Pläne", "plans"), plans.isEmpty ? say("(keine)", "(none)") : plans.joined(separator: ", ")],
                    [say("Ereignisse", "events"), String(statistics.eventCount)],
                    [say("Ereignisströme", "streams"), String(statistics.streamCount)],
                    [say("Kettenkopf", "head"), statistics.head.map(String.init(describing:)) ?? say("(leeres Ereignisprotokoll)", "(empty log)")],
                    [say("zuletzt erfasst", "last recorded"), statistics.lastRecordedAt.map(Dates.format) ?? "-"],
                    [say("Dateigröße", "file size"), byteCount(statistics.fileSize)],
                    [say("reservierte Größe", "map size"), byteCount(UInt64(statistics.mapSize))],
                    [say("Format", "format"), "\(statistics.formatVersion) (\(statistics.lmdbVersion))"],
                ]
                Terminal.standardOutput(table(["", ""], rows).split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n"))
            }
        }
    }

    private func byteCount(_ bytes: UInt64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        guard unit > 0 else { return "\(bytes) B" }
        let text = String(format: "%.1f %@", value, units[unit])
        return Terminal.language == .de ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

/// Prints what a write recorded.
func reportWrite(_ result: StrategyEngine.ExecutionResult, dryRun: Bool = false, verbose: Bool = true) {
    let german = Terminal.language == .de
    if result.events.isEmpty {
        emit(german ? "keine Änderungen" : "no changes")
        return
    }
    if verbose {
        for event in result.events {
            let verb = dryRun ? (german ? "würde erfassen" : "would record") : (german ? "erfasst" : "recorded")
            emit("\(verb) \(event.typeName)  \(PlanRenderer.summary(event.effects, in: Terminal.language))")
        }
    }
    let count = result.events.count
    if dryRun {
        emit(german
            ? "\(count) \(count == 1 ? "Änderung würde" : "Änderungen würden") in Plan '\(result.plan)' erfasst (Probelauf: nichts erfasst)"
            : "\(count) \(count == 1 ? "change" : "changes") would be recorded in plan '\(result.plan)' (dry run: nothing recorded)")
    } else if let positions = result.positions {
        emit(german
            ? "\(count) \(count == 1 ? "Änderung" : "Änderungen") in Plan '\(result.plan)' erfasst, Positionen \(positions.lowerBound)–\(positions.upperBound); Planversion \(result.streamVersion)"
            : "\(count) \(count == 1 ? "change" : "changes") recorded in plan '\(result.plan)' at positions \(positions.lowerBound)–\(positions.upperBound); plan version \(result.streamVersion)")
    }
}

/// `strategyctl withdraw`: withdraws a plan created by mistake.
struct WithdrawCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: Terminal.say(
            "Einen versehentlich angelegten Plan zurückziehen (vertippte Kennung, falsche Datei): er bleibt im Ereignisprotokoll, "
                + "verschwindet aus den Listen und nimmt keine Änderungen mehr an.",
            "Withdraw a plan created by mistake (a typo'd id, the wrong file): it stays in the log, leaves the lists, takes no more changes."),
        discussion: Terminal.say(
            "Erfordert --plan und --reason. Nichts wird gelöscht: log, history und verify zeigen den Plan und seine Rücknahme weiterhin.",
            "Needs --plan and --reason. Nothing is erased: log, history and verify still show the plan and its withdrawal."))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var writeOptions: WriteOptions

    func validate() throws {
        if storeOptions.plan == nil {
            throw ValidationError(Terminal.say("den zurückzuziehenden Plan mit --plan ID angeben", "name the plan to withdraw with --plan ID"))
        }
        if (writeOptions.reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(Terminal.say(
                "mit --reason begründen, zum Beispiel --reason \"angelegt mit falscher Kennung\"",
                "say why with --reason, for example --reason \"angelegt mit falscher Kennung\""))
        }
    }

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForWriting()
            let plan = try storeOptions.resolvePlan(engine)
            reportWrite(try await engine.execute(.withdrawPlan(reason: writeOptions.reason ?? ""), on: plan, context: try writeOptions.context(engine),
                                                 expectedVersion: writeOptions.ifVersion))
            emit(Terminal.say(
                "Plan '\(plan)' zurückgezogen; seine Ereignisse bleiben im Ereignisprotokoll ('strategyctl log --plan \(plan)')",
                "plan '\(plan)' withdrawn; its events stay in the log ('strategyctl log --plan \(plan)')"))
        }
    }
}
