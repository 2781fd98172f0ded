import ArgumentParser
import Foundation
import Projections
import StrategyCore

/// Renders log and history entries like `git log`.
enum EntryText {
    static func lines(position: UInt64, recordedAt: Date, type: String, actor: String?, role: String?, reason: String?,
                      resolution: String?, effective: CalendarDate?, detail: String) -> String {
        let language = Terminal.language
        var text = "@\(position)  \(Dates.format(recordedAt))  \(type)  \(Term.logBy(language)) \(actor ?? Term.logUnknown(language))\(role.map { " (\($0))" } ?? "")\n"
        var facts: [String] = []
        if let effective { facts.append("\(Term.logEffective(language)) \(effective.text(in: language))") }
        if let resolution { facts.append("\(Term.logResolution(language)) \(resolution)") }
        if !facts.isEmpty { text += "    \(facts.joined(separator: " · "))\n" }
        if let reason { text += "    \(Term.logWhy(language)): \(reason.replacingOccurrences(of: "\n", with: " "))\n" }
        if !detail.isEmpty { text += "    \(detail)\n" }
        return text
    }
}

/// `strategyctl log`: the change history.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Show the plan's change history, newest first, like git log.",
        discussion: """
            Two times: --since and --until filter by when the store recorded a change; --effective-since and \
            --effective-until by the business date the change takes effect. A 2010 plan typed in in 2026 is recorded \
            in 2026 and takes effect in 2010: 'log --effective-until 2010-12-31' lists it, 'log --until 2010-12-31' does not.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var formatOptions: FormatOptions

    @Option(name: .long, help: "Only changes to this entity (an id, 'plan' or 'resolution:NUMBER').") var entity: String?
    @Option(name: .long, help: "Only changes by this person id.") var actor: String?
    @Option(name: .long, help: "Only changes recorded at or after this date or time.") var since: String?
    @Option(name: .long, help: "Only changes recorded at or before this date or time.") var until: String?
    @Option(name: .customLong("effective-since"), help: ArgumentHelp("Only changes taking effect on or after this business date.", valueName: "yyyy-mm-dd"))
    var effectiveSince: String?
    @Option(name: .customLong("effective-until"), help: ArgumentHelp("Only changes taking effect on or before this business date.", valueName: "yyyy-mm-dd"))
    var effectiveUntil: String?
    @Option(name: .long, help: "Only events of this type ('goal.revised', or a prefix such as 'goal.'); repeatable.") var type: [String] = []
    @Option(name: [.customShort("n"), .customLong("max-count")], help: "Show at most this many changes.") var maxCount: Int?
    @Flag(name: .long, help: "Oldest first.") var reverse = false

    func validate() throws {
        if let since, Dates.parseTime(since) == nil { throw ValidationError("--since must be an ISO 8601 date or time, got '\(since)'") }
        if let until, Dates.parseTime(until) == nil { throw ValidationError("--until must be an ISO 8601 date or time, got '\(until)'") }
        for (name, value) in [("--effective-since", effectiveSince), ("--effective-until", effectiveUntil)] {
            if let value, Dates.day(value) == nil { throw ValidationError("\(name) must be a date as YYYY-MM-DD or DD.MM.YYYY, got '\(value)'") }
        }
    }

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForReading()
            let plan = try storeOptions.resolvePlan(engine)
            var since = self.since.flatMap(Dates.parseTime)
            if let text = self.since, Dates.day(text) != nil { since = Dates.parseTime(text + "T00:00:00Z") }
            var entries = try engine.log(of: plan, filter: LogFilter(
                entity: entity, actor: actor, since: since, until: until.flatMap(Dates.parseTime), types: type,
                effectiveSince: effectiveSince.flatMap { Dates.day($0) }, effectiveUntil: effectiveUntil.flatMap { Dates.day($0) }))
            if !reverse { entries.reverse() }
            if let maxCount { entries = Array(entries.prefix(maxCount)) }
            switch formatOptions.format {
            case .json: emit(jsonText(entries))
            case .text, .markdown:
                Terminal.standardOutput(entries.map { entry in
                    EntryText.lines(position: entry.position, recordedAt: entry.recordedAt, type: entry.type, actor: entry.actor, role: entry.role,
                                    reason: entry.reason, resolution: entry.resolution, effective: entry.effectiveDate,
                                    detail: PlanRenderer.summary(entry.effects))
                }.joined(separator: "\n"))
            }
        }
    }
}

/// `strategyctl history ID`: one entity's audit trail.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Show one entity's whole history: who changed what, when, why.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var formatOptions: FormatOptions
    @Argument(help: "The entity: an id, 'plan' or 'resolution:NUMBER'.") var id: String
    @Option(name: .customLong("effective-since"), help: ArgumentHelp("Only changes taking effect on or after this business date.", valueName: "yyyy-mm-dd"))
    var effectiveSince: String?
    @Option(name: .customLong("effective-until"), help: ArgumentHelp("Only changes taking effect on or before this business date.", valueName: "yyyy-mm-dd"))
    var effectiveUntil: String?

    func validate() throws {
        for (name, value) in [("--effective-since", effectiveSince), ("--effective-until", effectiveUntil)] {
            if let value, Dates.day(value) == nil { throw ValidationError("\(name) must be a date as YYYY-MM-DD or DD.MM.YYYY, got '\(value)'") }
        }
    }

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForReading()
            let plan = try storeOptions.resolvePlan(engine)
            let since = effectiveSince.flatMap { Dates.day($0) }, until = effectiveUntil.flatMap { Dates.day($0) }
            let entries = try engine.history(of: id, in: plan, effectiveSince: since, effectiveUntil: until)
            // No entry at all is an unknown entity; none in the dates asked for is an empty answer.
            let unknown = entries.isEmpty ? (since == nil && until == nil ? true : try engine.history(of: id, in: plan).isEmpty) : false
            if unknown {
                throw EngineError.noSuchPoint("plan '\(plan)' has no entity '\(id)'")
            }
            switch formatOptions.format {
            case .json: emit(jsonText(entries))
            case .text, .markdown:
                Terminal.standardOutput(entries.map { entry in
                    EntryText.lines(position: entry.position, recordedAt: entry.recordedAt, type: entry.type, actor: entry.actor, role: entry.role,
                                    reason: entry.reason, resolution: entry.resolution, effective: entry.effectiveDate,
                                    detail: "\(Term.logSet(Terminal.language)): " + entry.attributes.joined(separator: ", "))
                }.joined(separator: "\n"))
            }
        }
    }
}

/// `strategyctl blame ID`: per attribute, the change that set its current value.
struct BlameCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blame", abstract: "Show, for each attribute of an entity, the change that set its current value.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var formatOptions: FormatOptions
    @Argument(help: "The entity: an id, 'plan' or 'resolution:NUMBER'.") var id: String

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForReading()
            let plan = try storeOptions.resolvePlan(engine)
            let blames = try engine.blame(id, in: plan)
            switch formatOptions.format {
            case .json: emit(jsonText(blames))
            case .text, .markdown:
                Terminal.standardOutput(table([Term.colAttribute, .colPosition, .colRecorded, .colBy, .colEvent, .colValueWhy].map { $0(Terminal.language) }, blames.map { blame in
                    let value = blame.text(in: Terminal.language).replacingOccurrences(of: "\n", with: " ")
                    let why = blame.setBy.reason.map { " — \($0.replacingOccurrences(of: "\n", with: " "))" } ?? ""
                    return [blame.attributeName(in: Terminal.language), "@\(blame.setBy.position)", Dates.format(blame.setBy.recordedAt), blame.setBy.actor ?? "-", blame.setBy.type,
                            String(value.prefix(70)) + (value.count > 70 ? "…" : "") + why]
                }))
            }
        }
    }
}
