import ArgumentParser
import Foundation
import Projections
import StrategyCore

/// Renders log and history entries like `git log`.
enum EntryText {
    /// A change as log, history and blame show it: position, time, type and who on the first line; effective date,
    /// resolution, reason and `detail` below.
    static func lines(_ change: ChangeRecord, detail: String) -> String {
        let language = Terminal.language
        var text = "@\(change.position)  \(Dates.format(change.recordedAt))  \(change.type)  \(Term.logBy(language)) "
            + "\(change.actor ?? Term.logUnknown(language))\(change.role.map { " (\($0))" } ?? "")\n"
        var facts: [String] = []
        if let effective = change.effectiveDate { facts.append("\(Term.logEffective(language)) \(effective.text(in: language))") }
        if let resolution = change.resolution { facts.append("\(Term.logResolution(language)) \(resolution)") }
        if !facts.isEmpty { text += "    \(facts.joined(separator: " · "))\n" }
        if let reason = change.reason { text += "    \(Term.logWhy(language)): \(reason.replacingOccurrences(of: "\n", with: " "))\n" }
        if !detail.isEmpty { text += "    \(detail)\n" }
        return text
    }
}

/// Refuses `--effective-since` or `--effective-until` that is not a date.
private func validateEffectiveDates(since: String?, until: String?) throws {
    for (name, value) in [("--effective-since", since), ("--effective-until", until)] {
        if let value, Dates.day(value) == nil {
            throw ValidationError(Terminal.say(
                "\(name) muss ein Datum als JJJJ-MM-TT oder TT.MM.JJJJ sein, angegeben war '\(value)'",
                "\(name) must be a date as YYYY-MM-DD or DD.MM.YYYY, got '\(value)'"))
        }
    }
}

/// `strategyctl log`: the change history.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: Terminal.say("Den Änderungsverlauf des Plans anzeigen, neueste zuerst, wie git log.", "Show the plan's change history, newest first, like git log."),
        discussion: Terminal.say(
            """
            Zwei Zeitangaben: --since und --until filtern danach, wann der Speicher eine Änderung erfasst hat; \
            --effective-since und --effective-until nach dem Datum, ab dem die Änderung fachlich wirksam ist. Ein Plan von \
            2010, der 2026 eingegeben wird, ist 2026 erfasst und ab 2010 wirksam: 'log --effective-until 2010-12-31' \
            führt ihn auf, 'log --until 2010-12-31' nicht.
            """,
            """
            Two times: --since and --until filter by when the store recorded a change; --effective-since and \
            --effective-until by the business date the change takes effect. A 2010 plan typed in in 2026 is recorded \
            in 2026 and takes effect in 2010: 'log --effective-until 2010-12-31' lists it, 'log --until 2010-12-31' does not.
            """))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var formatOptions: FormatOptions

    @Option(name: .long, help: .say(
        "Nur Änderungen an diesem Element (eine Kennung, 'plan' oder 'resolution:NUMMER').", "Only changes to this entity (an id, 'plan' or 'resolution:NUMBER')."))
    var entity: String?
    @Option(name: .long, help: .say("Nur Änderungen, die unter dieser Personenkennung erfasst wurden.", "Only changes by this person id.")) var actor: String?
    @Option(name: .long, help: .say("Nur Änderungen, die an oder nach diesem Datum oder Zeitpunkt erfasst wurden.", "Only changes recorded at or after this date or time."))
    var since: String?
    @Option(name: .long, help: .say("Nur Änderungen, die an oder vor diesem Datum oder Zeitpunkt erfasst wurden.", "Only changes recorded at or before this date or time."))
    var until: String?
    @Option(name: .customLong("effective-since"), help: .say(
        "Nur Änderungen, die an oder nach diesem Datum fachlich wirksam werden.", "Only changes taking effect on or after this business date.", valueName: "yyyy-mm-dd"))
    var effectiveSince: String?
    @Option(name: .customLong("effective-until"), help: .say(
        "Nur Änderungen, die an oder vor diesem Datum fachlich wirksam werden.", "Only changes taking effect on or before this business date.", valueName: "yyyy-mm-dd"))
    var effectiveUntil: String?
    @Option(name: .long, help: .say(
        "Nur Ereignisse dieses Typs ('goal.revised' oder ein Anfang wie 'goal.'); mehrfach angebbar.",
        "Only events of this type ('goal.revised', or a prefix such as 'goal.'); repeatable."))
    var type: [String] = []
    @Option(name: [.customShort("n"), .customLong("max-count")], help: .say("Höchstens so viele Änderungen anzeigen.", "Show at most this many changes."))
    var maxCount: Int?
    @Flag(name: .long, help: .say("Älteste zuerst.", "Oldest first.")) var reverse = false

    func validate() throws {
        if let since, Dates.parseTime(since) == nil {
            throw ValidationError(Terminal.say(
                "--since muss ein Datum oder eine Uhrzeit nach ISO 8601 sein, angegeben war '\(since)'", "--since must be an ISO 8601 date or time, got '\(since)'"))
        }
        if let until, Dates.parseTime(until) == nil {
            throw ValidationError(Terminal.say(
                "--until muss ein Datum oder eine Uhrzeit nach ISO 8601 sein, angegeben war '\(until)'", "--until must be an ISO 8601 date or time, got '\(until)'"))
        }
        try validateEffectiveDates(since: effectiveSince, until: effectiveUntil)
    }

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForReading()
            let plan = try storeOptions.resolvePlan(engine)
            var since = self.since.flatMap(Dates.parseTime)
            if let text = self.since, Dates.day(text) != nil { since = Dates.parseTime(text + "T00:00:00Z") }
            var entries = try engine.log(of: plan, filter: LogFilter(
                entity: try entity.map(entityKey), actor: actor, since: since, until: until.flatMap(Dates.parseTime), kinds: try eventKinds(type),
                effectiveSince: effectiveSince.flatMap { Dates.day($0) }, effectiveUntil: effectiveUntil.flatMap { Dates.day($0) }))
            if !reverse { entries.reverse() }
            if let maxCount { entries = Array(entries.prefix(maxCount)) }
            switch formatOptions.format {
            case .json: emit(jsonText(entries))
            case .text, .markdown:
                Terminal.standardOutput(entries.map { entry in
                    EntryText.lines(entry.record, detail: PlanRenderer.summary(entry.effects, in: Terminal.language))
                }.joined(separator: "\n"))
            }
        }
    }
}

/// `strategyctl history ID`: one entity's audit trail.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: Terminal.say(
            "Den ganzen Verlauf eines Elements anzeigen: wer was wann und mit welcher Begründung geändert hat.",
            "Show one entity's whole history: who changed what, when, why."))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var formatOptions: FormatOptions
    @Argument(help: .say("Das Element: eine Kennung, 'plan' oder 'resolution:NUMMER'.", "The entity: an id, 'plan' or 'resolution:NUMBER'.")) var id: String
    @Option(name: .customLong("effective-since"), help: .say(
        "Nur Änderungen, die an oder nach diesem Datum fachlich wirksam werden.", "Only changes taking effect on or after this business date.", valueName: "yyyy-mm-dd"))
    var effectiveSince: String?
    @Option(name: .customLong("effective-until"), help: .say(
        "Nur Änderungen, die an oder vor diesem Datum fachlich wirksam werden.", "Only changes taking effect on or before this business date.", valueName: "yyyy-mm-dd"))
    var effectiveUntil: String?

    func validate() throws {
        try validateEffectiveDates(since: effectiveSince, until: effectiveUntil)
    }

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForReading()
            let plan = try storeOptions.resolvePlan(engine)
            let since = effectiveSince.flatMap { Dates.day($0) }, until = effectiveUntil.flatMap { Dates.day($0) }
            let key = try entityKey(id)
            let entries = try engine.history(of: key, in: plan, effectiveSince: since, effectiveUntil: until)
            // No entry at all is an unknown entity; none in the dates asked for is an empty answer.
            let unknown = entries.isEmpty ? (since == nil && until == nil ? true : try engine.history(of: key, in: plan).isEmpty) : false
            if unknown {
                throw EngineError.noSuchPoint(Wording(de: "der Plan '\(plan)' hat kein Element '\(id)'", en: "plan '\(plan)' has no entity '\(id)'"))
            }
            switch formatOptions.format {
            case .json: emit(jsonText(entries))
            case .text, .markdown:
                Terminal.standardOutput(entries.map { entry in
                    EntryText.lines(entry.record, detail: "\(Term.logSet(Terminal.language)): " + PlanRenderer.attributeList(entry.attributes, in: Terminal.language))
                }.joined(separator: "\n"))
            }
        }
    }
}

/// `strategyctl blame ID`: per attribute, the change that set its current value.
struct BlameCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blame",
        abstract: Terminal.say(
            "Für jedes Attribut eines Elements die Änderung anzeigen, die seinen jetzigen Wert gesetzt hat.",
            "Show, for each attribute of an entity, the change that set its current value."))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var formatOptions: FormatOptions
    @Argument(help: .say("Das Element: eine Kennung, 'plan' oder 'resolution:NUMMER'.", "The entity: an id, 'plan' or 'resolution:NUMBER'.")) var id: String

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForReading()
            let plan = try storeOptions.resolvePlan(engine)
            let blames = try engine.blame(try entityKey(id), in: plan)
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
