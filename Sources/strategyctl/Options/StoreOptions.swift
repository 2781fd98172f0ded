import ArgumentParser
import Foundation
import Projections
import StrategyCore

/// `--store`, `--read-only` and `--plan`, shared by every command that opens a store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: .say(
        "Das Verzeichnis des Speichers (Standard: $STRATEGY_STORE, sonst ./strategy-store).",
        "The store directory (default: $STRATEGY_STORE, else ./strategy-store).", valueName: "path"))
    var store: String?

    @Flag(name: .long, help: .say(
        "Den Speicher nur zum Lesen öffnen (geschieht von selbst, wenn er nicht beschreibbar ist).",
        "Open the store for reading only (automatic when it is not writable)."))
    var readOnly = false

    @Option(name: .long, help: .say(
        "Der Plan (kann entfallen, wenn der Speicher nur einen enthält).", "The plan (may be omitted when the store holds one).", valueName: "id"))
    var plan: String?

    @Option(name: .long, help: .say(
        "Die Sprache der Ausgabe: de oder en (Standard: aus LC_ALL, LC_MESSAGES oder LANG).",
        "The language of the output: de or en (default: from LC_ALL, LC_MESSAGES or LANG).", valueName: "de|en"))
    var lang: String?

    func validate() throws {
        if let lang, Language(rawValue: lang.lowercased()) == nil { throw ValidationError(Terminal.say("--lang muss de oder en sein, angegeben war '\(lang)'", "--lang must be de or en, got '\(lang)'")) }
    }

    var storePath: String {
        store ?? ProcessInfo.processInfo.environment["STRATEGY_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? "./strategy-store"
    }

    /// Whether the store must be opened read-only: asked for, or the directory or its data file cannot be written.
    var mustReadOnly: Bool {
        if readOnly { return true }
        let path = storePath
        guard FileManager.default.fileExists(atPath: path) else { return false }
        if access(path, W_OK) != 0 { return true }
        let data = path + "/data.mdb"
        return FileManager.default.fileExists(atPath: data) && access(data, W_OK) != 0
    }

    /// An engine for reading: the store is opened read-only, so a read never changes a byte of `data.mdb` and never
    /// creates a file. Refuses to create a store.
    func openForReading() throws(CommandFailure) -> StrategyEngine {
        do {
            return try StrategyEngine(path: storePath, readOnly: true)
        } catch {
            throw CommandFailure(error)
        }
    }

    /// An engine that may write derived data when the store is writable (for `replay`), else a reading one.
    func openForMaintenance() throws(CommandFailure) -> StrategyEngine {
        if mustReadOnly { return try openForReading() }
        return try openExisting()
    }

    /// An engine for writing to an existing store.
    func openForWriting() throws(CommandFailure) -> StrategyEngine {
        if readOnly {
            throw CommandFailure(
                message: Terminal.say("der Speicher unter \(storePath) wurde mit --read-only (nur lesen) geöffnet", "the store at \(storePath) was opened with --read-only"),
                hint: Terminal.say("--read-only weglassen, um Änderungen zu erfassen", "drop --read-only to record changes"), status: .invalidInput)
        }
        if mustReadOnly {
            throw CommandFailure(
                message: Terminal.say(
                    "in den Speicher unter \(storePath) darf nicht geschrieben werden: das Verzeichnis oder seine data.mdb ist für dieses Benutzerkonto nicht beschreibbar",
                    "you may not write to the store at \(storePath): the directory or its data.mdb is not writable for this user"),
                hint: Terminal.say(
                    "die Änderung von der Stelle erfassen lassen, die den Speicher führt, oder an einer beschreibbaren Kopie arbeiten; Lesen ist weiterhin möglich",
                    "ask whoever keeps the store to record the change, or work on a copy you may change; reading works as it is"),
                status: .invalidInput)
        }
        return try openExisting()
    }

    private func openExisting() throws(CommandFailure) -> StrategyEngine {
        guard FileManager.default.fileExists(atPath: storePath + "/data.mdb") else {
            throw CommandFailure(engine: .store(.notAStore(path: storePath, reason: Wording(de: "es enthält keine data.mdb", en: "it holds no data.mdb"))))
        }
        do {
            return try StrategyEngine(path: storePath)
        } catch {
            throw CommandFailure(error)
        }
    }

    /// The plan the command is about: `--plan`, or the store's only plan.
    func resolvePlan(_ engine: StrategyEngine) throws(CommandFailure) -> Identifier {
        if let plan {
            do throws(IdentifierError) { return try Identifier(plan) } catch {
                throw CommandFailure(
                    message: Terminal.say("--plan: \(error.wording.de)", "invalid --plan: \(error.description)"), status: .usage)
            }
        }
        let plans: [Identifier]
        do { plans = try engine.plans() } catch { throw CommandFailure(error) }
        switch plans.count {
        case 1: return plans[0]
        case 0:
            throw CommandFailure(
                message: Terminal.say("der Speicher unter \(storePath) enthält keinen Plan", "the store at \(storePath) holds no plan"),
                hint: Terminal.say(
                    "mit 'strategyctl init --plan ID' oder 'strategyctl import DATEI' einen Plan anlegen",
                    "create one with 'strategyctl init --plan ID' or 'strategyctl import FILE'"),
                status: .invalidInput)
        default:
            let list = plans.map(\.rawValue).joined(separator: ", ")
            throw CommandFailure(
                message: Terminal.say("der Speicher enthält \(plans.count) Pläne: \(list)", "the store holds \(plans.count) plans: \(list)"),
                hint: Terminal.say("mit --plan ID einen davon wählen", "choose one with --plan ID"), status: .usage)
        }
    }
}

/// `--actor`, `--role`, `--reason`, `--resolution`, `--effective` and `--if-version`, for every command that writes.
struct WriteOptions: ParsableArguments {
    @Option(name: .long, help: .say(
        "Wer die Änderung vornimmt: eine Personenkennung, nie ein Name (Standard: $STRATEGY_ACTOR, sonst die für den Anmeldenamen registrierte Person).",
        "Who makes the change: a person id, never a name (default: $STRATEGY_ACTOR, else the person registered for the login name).",
        valueName: "id"))
    var actor: String?

    @Option(name: .long, help: .say(
        "Die Rolle, in der die Änderung vorgenommen wird (Standard: $STRATEGY_ROLE).", "The role in which the change is made (default: $STRATEGY_ROLE).",
        valueName: "role"))
    var role: String?

    @Option(name: .long, help: .say(
        "Die Begründung; Pflicht bei Änderungen an allem, was eine beschlossene Fassung enthält.",
        "Why; required for changes to anything an adopted version contains.", valueName: "text"))
    var reason: String?

    @Option(name: .long, help: .say(
        "Die Nummer des Beschlusses, auf dem die Änderung beruht.", "The number of the resolution the change rests on.", valueName: "number"))
    var resolution: String?

    @Option(name: .long, help: .say(
        "Das Datum, ab dem die Änderung fachlich wirksam ist (Standard: heute).", "The business date the change takes effect (default: today).",
        valueName: "yyyy-mm-dd"))
    var effective: String?

    @Option(name: .customLong("if-version"), help: .say(
        "Nur erfassen, wenn der Plan noch diese Planversion hat (sonst Rückgabewert 4).", "Record only if the plan is still at this version (exit 4 otherwise).",
        valueName: "n"))
    var ifVersion: UInt64?

    func validate() throws {
        if let effective, Dates.day(effective) == nil {
            throw ValidationError(Terminal.say(
                "--effective muss ein Datum als JJJJ-MM-TT oder TT.MM.JJJJ sein, angegeben war '\(effective)'",
                "--effective must be a date as YYYY-MM-DD or DD.MM.YYYY, got '\(effective)'"))
        }
    }

    /// The context of a write: the actor is `--actor`, else `$STRATEGY_ACTOR`, else the person registered for the
    /// login name (`strategyctl person add --login`); a login name itself never goes into the log. Without any, the
    /// change is recorded without an actor, and a note on stderr says how to name one.
    func context(_ engine: StrategyEngine) throws -> EventContext {
        let environment = ProcessInfo.processInfo.environment
        var actor = self.actor ?? environment["STRATEGY_ACTOR"].flatMap { $0.isEmpty ? nil : $0 }
        if actor == nil, let login = environment["USER"] ?? environment["LOGNAME"] ?? getpwuid(getuid()).map({ String(cString: $0.pointee.pw_name) }) {
            actor = try engine.person(forLogin: login)?.rawValue
            if actor == nil {
                Terminal.standardError(Terminal.say(
                    "Hinweis: für diesen Anmeldenamen ist keine Person registriert; die Änderung wird ohne Angabe der erfassenden Person gespeichert. "
                        + "Mit 'strategyctl person add --name … --login \(login)' registrieren oder --actor PERSONEN-ID angeben.\n",
                    "note: no person is registered for your login; the change is recorded without an actor. "
                        + "Register with 'strategyctl person add --name … --login \(login)' or pass --actor PERSON-ID.\n"))
            }
        }
        return EventContext(
            actor: actor, role: role ?? environment["STRATEGY_ROLE"], reason: reason, resolution: resolution,
            effectiveDate: effective.flatMap { Dates.day($0) } ?? Dates.today)
    }

    /// The business date of a write: `--effective`, else today.
    var effectiveDate: CalendarDate? { effective.flatMap { Dates.day($0) } ?? Dates.today }
}

/// `--format`, for commands whose output is data.
struct FormatOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Option(name: .long, help: .say("Das Ausgabeformat: text, json oder markdown.", "Output format: text, json or markdown."))
    var format: Format = .text
}

/// `--version`, `--at`, `--as-of` and `--in-force`: which point of a plan to read.
struct PointOptions: ParsableArguments {
    @Option(name: .customLong("version"), help: .say("Eine beschlossene Fassung, nach ihrer Bezeichnung.", "An adopted version, by label.", valueName: "label"))
    var version: String?

    @Option(name: .long, help: .say("Eine Position im Ereignisprotokoll.", "A log position.", valueName: "position"))
    var at: UInt64?

    @Option(name: .customLong("as-of"), help: .say(
        "Was das System zu einem Zeitpunkt der Erfassung zeigte (ISO 8601, UTC ohne Zeitzone).",
        "What the system showed at a recorded time (ISO 8601, UTC if no zone).", valueName: "time"))
    var asOf: String?

    @Option(name: .customLong("in-force"), help: .say("Die an einem Stichtag geltende Fassung.", "The version in force on a business date.", valueName: "yyyy-mm-dd"))
    var inForce: String?

    @Option(name: .customLong("effective-on"), help: .say(
        "Der Plan nach Aktenlage zu einem Stichtag: jede bis dahin wirksame Änderung, wie spät sie auch erfasst wurde.",
        "The plan as its records stand for a business date: every change taking effect by then, however late it was recorded.",
        valueName: "yyyy-mm-dd"))
    var effectiveOn: String?

    func validate() throws {
        if [version != nil, at != nil, asOf != nil, inForce != nil, effectiveOn != nil].filter({ $0 }).count > 1 {
            throw ValidationError(Terminal.say(
                "nur eine der Angaben --version, --at, --as-of, --in-force und --effective-on wählen",
                "choose one of --version, --at, --as-of, --in-force and --effective-on"))
        }
        if let asOf, Dates.parseTime(asOf) == nil {
            throw ValidationError(Terminal.say(
                "--as-of muss ein Datum oder eine Uhrzeit nach ISO 8601 sein, angegeben war '\(asOf)'", "--as-of must be an ISO 8601 date or time, got '\(asOf)'"))
        }
        if let inForce, Dates.day(inForce) == nil {
            throw ValidationError(Terminal.say(
                "--in-force muss ein Datum als JJJJ-MM-TT oder TT.MM.JJJJ sein, angegeben war '\(inForce)'",
                "--in-force must be a date as YYYY-MM-DD or DD.MM.YYYY, got '\(inForce)'"))
        }
        if let effectiveOn, Dates.day(effectiveOn) == nil {
            throw ValidationError(Terminal.say(
                "--effective-on muss ein Datum als JJJJ-MM-TT oder TT.MM.JJJJ sein, angegeben war '\(effectiveOn)'",
                "--effective-on must be a date as YYYY-MM-DD or DD.MM.YYYY, got '\(effectiveOn)'"))
        }
    }

    /// The point asked for, nil when none was.
    var chosen: PointInTime? {
        [version, at.map(String.init), asOf, inForce, effectiveOn].allSatisfy({ $0 == nil }) ? nil : point
    }

    var point: PointInTime {
        if let version { return .version(version) }
        if let at { return .position(at) }
        if let asOf, let time = Dates.parseTime(asOf) { return .recordedAt(time) }
        if let inForce, let date = Dates.day(inForce) { return .inForce(date) }
        if let effectiveOn, let date = Dates.day(effectiveOn) { return .effectiveOn(date) }
        return .draft
    }
}
