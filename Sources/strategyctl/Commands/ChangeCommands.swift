import ArgumentParser
import Foundation
import Projections
import StrategyCore

/// Runs one everyday change and reports it.
struct ChangeRunner {
    let storeOptions: StoreOptions
    let writeOptions: WriteOptions

    func run(_ make: (PlanState) throws -> [PlanCommand]) async throws {
        let engine = try storeOptions.openForWriting()
        let plan = try storeOptions.resolvePlan(engine)
        let commands = try make(try engine.state(of: plan).state)
        do {
            reportWrite(try await engine.execute(commands, on: plan, context: try writeOptions.context(engine), expectedVersion: writeOptions.ifVersion))
        } catch let EngineError.conflict(plan, expected, actual) {
            throw conflictFailure(engine, plan: plan, expected: expected, actual: actual,
                                  hint: Terminal.say(
                                      "den Plan erneut lesen ('strategyctl show') und die Änderung wiederholen, wenn sie noch zutrifft",
                                      "read the plan again ('strategyctl show') and repeat the change if it still applies"))
        }
    }
}

/// `text` as an identifier; a refusal names the value by `what`, in the reader's language ("Kennung der Maßnahme").
func identifier(_ text: String, _ what: String) throws -> Identifier {
    do throws(IdentifierError) { return try Identifier(text) } catch {
        throw CommandFailure(message: Terminal.say("\(what): \(error.wording.de)", "invalid \(what): \(error.description)"), status: .usage)
    }
}

/// A value given on the command line: its stable key as plan files write it (`in_progress`; a hyphen is taken for
/// the underscore) or its label in German or English (`in Umsetzung`, `in progress`). An unknown value is refused
/// with what was given and the valid ones, each with its label in the user's language; `what` names the value in
/// that language too (German in the accusative: "den Status einer Maßnahme").
func choice<Value: Labelled & RawRepresentable & CaseIterable>(_ text: String, _ type: Value.Type, _ what: String) throws -> Value
where Value.RawValue == String {
    if let value = Vocabulary.value(Value.self, named: text.trimmingCharacters(in: .whitespaces)) { return value }
    let valid = Value.allCases.map { "\($0.rawValue) (\($0.label(Terminal.language)))" }.joined(separator: ", ")
    let message = Terminal.language == .de ? "'\(text)' ist kein gültiger Wert für \(what); möglich sind: \(valid)" : "'\(text)' is not a \(what); use one of: \(valid)"
    throw CommandFailure(message: message, status: .usage)
}

/// `strategyctl measure …`: everyday changes to measures.
struct MeasureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: Terminal.say(
            "Status, Fortschritt, Lage oder erreichte Meilensteine einer Maßnahme erfassen.", "Record a measure's status, progress, health or reached milestones."),
        subcommands: [SetStatus.self, Progress.self, Health.self, Milestone.self])

    struct SetStatus: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-status",
            abstract: Terminal.say(
                "Den Status einer Maßnahme ändern: planned, in-progress, suspended, completed, institutionalized, discarded.",
                "Change a measure's status: planned, in-progress, suspended, completed, institutionalized, discarded."))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: .say("Die Kennung der Maßnahme.", "The measure's id.")) var id: String
        @Argument(help: .say("Der neue Status.", "The new status.")) var status: String

        func run() async throws {
            try await reportingFailures {
                let measure = try identifier(id, Terminal.say("Kennung der Maßnahme", "measure id")), status = try choice(status, MeasureStatus.self, Terminal.say("den Status einer Maßnahme", "measure status"))
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { _ in
                    [.changeMeasureStatus(measure, to: status, reason: writeOptions.reason)]
                }
            }
        }
    }

    struct Progress: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress", abstract: Terminal.say("Den Fortschritt einer Maßnahme in Prozent melden.", "Report a measure's progress in percent."))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: .say("Die Kennung der Maßnahme.", "The measure's id.")) var id: String
        @Argument(help: .say("Der Fortschritt, 0–100.", "Progress, 0–100.")) var percent: Int
        @Option(name: .long, help: .say("Was getan wurde.", "What was done.")) var note: String?

        func run() async throws {
            try await reportingFailures {
                let measure = try identifier(id, Terminal.say("Kennung der Maßnahme", "measure id"))
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { _ in
                    [.reportMeasureProgress(measure, percent: percent, note: note)]
                }
            }
        }
    }

    struct Health: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "health",
            abstract: Terminal.say("Die Lage einer Maßnahme einschätzen: on-track, at-risk, critical.", "Assess a measure's health: on-track, at-risk, critical."))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: .say("Die Kennung der Maßnahme.", "The measure's id.")) var id: String
        @Argument(help: .say("on-track, at-risk oder critical.", "on-track, at-risk or critical.")) var health: String
        @Option(name: .long, help: .say("Die Begründung.", "Why.")) var note: String?

        func run() async throws {
            try await reportingFailures {
                let measure = try identifier(id, Terminal.say("Kennung der Maßnahme", "measure id")), health = try choice(health, StrategyCore.Health.self, Terminal.say("die Lage einer Maßnahme", "health"))
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { _ in
                    [.assessMeasureHealth(measure, health: health, note: note)]
                }
            }
        }
    }

    struct Milestone: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "milestone",
            abstract: Terminal.say("Erfassen, dass ein Meilenstein einer Maßnahme erreicht wurde.", "Record that a milestone of a measure was reached."))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: .say("Die Kennung der Maßnahme.", "The measure's id.")) var id: String
        @Argument(help: .say("Die Kennung des Meilensteins.", "The milestone's id.")) var milestone: String
        @Option(name: .long, help: .say(
            "Wann er erreicht wurde (Standard: das Datum, ab dem die Änderung wirksam ist).", "When it was reached (default: the effective date)."))
        var date: String?

        func run() async throws {
            try await reportingFailures {
                let measure = try identifier(id, Terminal.say("Kennung der Maßnahme", "measure id")), milestoneID = try identifier(milestone, Terminal.say("Kennung des Meilensteins", "milestone id"))
                guard let on = date.map({ Dates.day($0) }) ?? writeOptions.effectiveDate else {
                    throw CommandFailure(message: Terminal.say("--date muss als JJJJ-MM-TT angegeben werden", "--date must be YYYY-MM-DD"), status: .usage)
                }
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { _ in
                    [.reachMilestone(measure: measure, milestone: milestoneID, on: on)]
                }
            }
        }
    }
}

/// `strategyctl goal set-status`.
struct GoalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goal", abstract: Terminal.say("Den Status eines Ziels erfassen.", "Record a goal's status."), subcommands: [SetStatus.self])

    struct SetStatus: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-status",
            abstract: Terminal.say(
                "Den Status eines Ziels ändern: adopted (erfordert --resolution), achieved, partly-achieved, not-achieved, abandoned (erfordert --reason).",
                "Change a goal's status: adopted (needs --resolution), achieved, partly-achieved, not-achieved, abandoned (needs --reason)."))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: .say("Die Kennung des Ziels.", "The goal's id.")) var id: String
        @Argument(help: .say("Der neue Status.", "The new status.")) var status: String

        func run() async throws {
            try await reportingFailures {
                let goal = try identifier(id, Terminal.say("Kennung des Ziels", "goal id")), status = try choice(status, GoalStatus.self, Terminal.say("den Status eines Ziels", "goal status"))
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { _ in
                    [.changeGoalStatus(goal, to: status, reason: writeOptions.reason)]
                }
            }
        }
    }
}

/// `strategyctl observation …`: indicator values.
struct ObservationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observation", abstract: Terminal.say("Einen Wert einer Kennzahl erfassen oder berichtigen.", "Record or correct a value of an indicator."),
        subcommands: [Record.self, Correct.self])

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: Terminal.say("Den Wert einer Kennzahl für einen Zeitraum und ein Gebiet erfassen.", "Record an indicator's value for a period and region."))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: .say("Die Kennung der Kennzahl.", "The indicator's id.")) var indicator: String
        @Argument(help: .say("Der Wert, eine Dezimalzahl wie 6,8.", "The value, a decimal such as 6.8.")) var value: String
        @Option(name: .long, help: .say("Der Zeitraum, zum Beispiel 2023/24.", "The period, for example 2023/24.")) var period: String
        @Option(name: .long, help: .say("Das Gebiet.", "The region.")) var region: String
        @Option(name: .long, help: .say(
            "Die Kennung des Messwerts (Standard: gebildet aus Kennzahl, Zeitraum und Gebiet).",
            "The observation's id (default: derived from indicator, period and region)."))
        var id: String?

        func run() async throws {
            try await reportingFailures {
                let indicatorID = try identifier(indicator, Terminal.say("Kennung der Kennzahl", "indicator id"))
                guard let quantity = Numbers.quantity(value) else { throw notADecimal(value) }
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { state in
                    let observation = try id.map { try identifier($0, Terminal.say("Kennung des Messwerts", "observation id")) } ?? Self.newID(indicatorID, period, region, state)
                    return [.recordObservation(ObservationRecorded(observation: observation, indicator: indicatorID, period: period, region: region, value: quantity))]
                }
            }
        }

        static func newID(_ indicator: Identifier, _ period: String, _ region: String, _ state: PlanState) throws -> Identifier {
            let slug = (period + "-" + region).lowercased().map { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII ? String($0) : "-" }.joined()
            let base = String("obs-\(indicator.rawValue)-\(slug)".prefix(56)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
            var candidate = base, counter = 2
            while state.kind(of: try identifier(candidate, Terminal.say("Kennung des Messwerts", "observation id"))) != nil { candidate = "\(base)-\(counter)"; counter += 1 }
            return try identifier(candidate, Terminal.say("Kennung des Messwerts", "observation id"))
        }
    }

    struct Correct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "correct",
            abstract: Terminal.say(
                "Einen Messwert durch einen neuen berichtigen, der ihn benennt (erfordert --reason).",
                "Correct an observation by a new one that names it (needs --reason)."))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: .say("Der zu berichtigende Messwert.", "The observation to correct.")) var id: String
        @Argument(help: .say("Der berichtigte Wert.", "The corrected value.")) var value: String
        @Option(name: .customLong("new-id"), help: .say(
            "Die Kennung des berichtigenden Messwerts (Standard: ID-korrektur).", "The correcting observation's id (default: ID-korrektur)."))
        var newID: String?

        func run() async throws {
            try await reportingFailures {
                let corrected = try identifier(id, Terminal.say("Kennung des Messwerts", "observation id"))
                guard let quantity = Numbers.quantity(value) else { throw notADecimal(value) }
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { state in
                    var candidate = newID ?? "\(corrected.rawValue)-k"
                    var counter = 2
                    while newID == nil, state.kind(of: try identifier(candidate, Terminal.say("Kennung des Messwerts", "observation id"))) != nil { candidate = "\(corrected.rawValue)-k\(counter)"; counter += 1 }
                    return [.correctObservation(ObservationCorrected(observation: try identifier(candidate, Terminal.say("Kennung des Messwerts", "observation id")), corrects: corrected, value: quantity, reason: writeOptions.reason ?? ""))]
                }
            }
        }
    }
}

/// The refusal of a value that is not a decimal number.
private func notADecimal(_ value: String) -> CommandFailure {
    CommandFailure(message: Terminal.say("'\(value)' ist keine Dezimalzahl (29.5 oder 29,5)", "'\(value)' is not a decimal number (29.5 or 29,5)"), status: .usage)
}

/// `strategyctl resolution record`.
struct ResolutionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolution",
        abstract: Terminal.say("Einen Beschluss eines Gremiums erfassen oder einen erfassten berichtigen.", "Record a resolution of a body, or correct a recorded one."),
        subcommands: [Record.self, Correct.self])

    struct Correct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "correct",
            abstract: Terminal.say(
                "Einen erfassten Beschluss berichtigen: der Eintrag behält seine alten Werte im Ereignisprotokoll; die Berichtigung nennt alt, neu und die Begründung.",
                "Correct a recorded resolution: the record keeps its old values in the log; the correction names old, new and why."),
            discussion: Terminal.say(
                "Nur angeben, was laut Niederschrift abweicht, und mit --reason die Quelle nennen (zum Beispiel das Datum der Niederschrift).",
                "Give only what the minutes say differently, and --reason naming the source (for example the minutes' date)."))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: .say("Die Nummer der Vorlage.", "The paper's number.")) var number: String
        @Option(name: .long, help: .say(
            "Welche Beratung der Vorlage, gezählt ab 1 in der Reihenfolge der Erfassung (Standard: 1).",
            "Which of the paper's deliberations, counted from 1 in the order they were recorded (default: 1).", valueName: "n"))
        var deliberation: Int?
        @Option(name: .long, help: .say("Das Gremium, das beraten hat.", "The body that deliberated.")) var body: String?
        @Option(name: .long, help: .say(
            "Das Datum, so genau wie die Niederschrift es angibt (2021-03-18, 2021-03, 2021, 'Frühjahr 2021').",
            "The date, as precisely as the minutes state it (2021-03-18, 2021-03, 2021, 'Frühjahr 2021')."))
        var date: String?
        @Option(name: .long, help: .say(
            "Die Art: preliminary (Vorberatung), recommendation (Empfehlung), decision (Beschluss) oder 'none', wenn die Quellen dazu nichts sagen.",
            "The kind: preliminary, recommendation, decision, or 'none' when the sources do not say."))
        var kind: String?
        @Option(name: .long, help: .say("Der Gegenstand der Beratung.", "What it was about.")) var subject: String?
        @Option(name: .long, help: .say("Das Ergebnis laut Niederschrift.", "The result the minutes state.")) var result: String?
        @Option(name: .long, help: .say(
            "Das Abstimmungsergebnis wie berichtet (wie bei 'record') oder 'none', wenn die Niederschrift keine Abstimmung nennt.",
            "The vote as reported (as for 'record'), or 'none' when the minutes report no vote.", valueName: "votes"))
        var votes: String?
        @Option(name: .customLong("vote-note"), help: .say(
            "Wie die Niederschrift die Abstimmung beschreibt.", "How the minutes describe the vote.", valueName: "text"))
        var voteNote: String?

        func validate() throws {
            if (writeOptions.reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError(Terminal.say(
                    "eine Berichtigung erfordert --reason mit der Quelle der richtigen Werte", "a correction needs --reason naming the source of the correct values"))
            }
            if let date, Dates.partial(date) == nil { throw ValidationError(Record.dateProblem(date)) }
            if let deliberation, deliberation < 1 {
                throw ValidationError(Terminal.say(
                    "--deliberation zählt ab 1, angegeben war \(deliberation)", "--deliberation counts from 1, got \(deliberation)"))
            }
        }

        func run() async throws {
            try await reportingFailures {
                var facts = ResolutionFacts(date: date.flatMap { Dates.partial($0) }, subject: subject)
                if kind == "none" {
                    facts.kind = .cleared
                } else if let kind {
                    facts.kind = .set(try choice(kind, DeliberationKind.self, Terminal.say("die Art der Beratung", "kind")))
                }
                if let body { facts.body = try identifier(body, Terminal.say("Kennung des Gremiums", "body id")) }
                if let result { facts.result = try choice(result, ResolutionResult.self, Terminal.say("das Ergebnis", "result")) }
                if votes == "none" {
                    facts.votes = .cleared
                } else if let counted = try Record.parseVotes(votes, note: voteNote) {
                    facts.votes = .set(counted)
                }
                if facts.isEmpty {
                    throw CommandFailure(
                        message: Terminal.say(
                            "nichts zu berichtigen: --subject, --result, --votes, --date, --kind oder --body angeben",
                            "nothing to correct: give --subject, --result, --votes, --date, --kind or --body"),
                        status: .usage)
                }
                let index = deliberation.map { $0 - 1 }
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { _ in
                    [.correctResolution(number: number, deliberation: index, facts: facts, reason: writeOptions.reason ?? "")]
                }
            }
        }
    }

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: Terminal.say(
                "Die Beratung einer Vorlage erfassen (Vorberatung, Empfehlung, Beschluss).",
                "Record a council paper's deliberation (preliminary deliberation, recommendation, decision)."),
            discussion: Terminal.say(
                """
                Die erste Erfassung einer Vorlage erfasst die Vorlage selbst; wird dieselbe Vorlage (mit demselben \
                Gegenstand) erneut mit einem anderen Gremium oder Datum erfasst, kommt ihre nächste Beratung hinzu — die \
                Empfehlung eines Ausschusses und der Beschluss des Kreistags oder ein Beschluss, nachdem die Vorlage \
                zurückverwiesen wurde.
                """,
                """
                The first record of a paper records the paper; recording the same paper (same subject) again with \
                another body or date adds its next deliberation — a committee's recommendation and the council's \
                decision, or a decision after the paper was referred back.
                """))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: .say("Die Nummer der Vorlage, zum Beispiel V-SCHUL/19/159.", "The paper's number, for example V-SCHUL/19/159.")) var number: String
        @Option(name: .long, help: .say("Das Gremium, das beraten hat.", "The body that deliberated.")) var body: String
        @Option(name: .long, help: .say(
            "Das Datum, so genau wie die Niederschrift es angibt (2021-03-18, 2021-03, 2021, 'Frühjahr 2021', 'vor 2018').",
            "The date, as precisely as the minutes state it (2021-03-18, 2021-03, 2021, 'Frühjahr 2021', 'vor 2018')."))
        var date: String
        @Option(name: .long, help: .say(
            "Die Art: preliminary (Vorberatung), recommendation (Empfehlung), decision (Beschluss); weggelassen: nicht angegeben.",
            "The kind: preliminary, recommendation or decision; left out: not stated."))
        var kind: String?
        @Option(name: .long, help: .say("Der Gegenstand der Beratung.", "What it was about.")) var subject: String
        @Option(name: .long, help: .say(
            "Was die Niederschrift festhält: adopted, adopted-with-changes, rejected, noted, postponed, referred-back, withdrawn, "
                + "presented, commissioned, pending (Standard: unknown — ein Ergebnis wird nie unterstellt).",
            "What the minutes state: adopted, adopted-with-changes, rejected, noted, postponed, referred-back, withdrawn, "
                + "presented, commissioned, pending (default: unknown — a result is never assumed).", valueName: "result"))
        var result: String = "unknown"
        @Option(name: .long, help: .say(
            "Das Abstimmungsergebnis wie berichtet: JA/NEIN/ENTHALTUNG mit '?' für eine nicht berichtete Zahl (zum Beispiel ?/6/1 oder --votes=-/6/1) oder 'einstimmig'.",
            "The vote as reported: YES/NO/ABSTAIN with '?' for a count not reported (for example ?/6/1, or --votes=-/6/1), or 'einstimmig'.",
            valueName: "votes"))
        var votes: String?
        @Option(name: .customLong("vote-note"), help: .say(
            "Wie die Niederschrift die Abstimmung beschreibt, zum Beispiel „mit großer Mehrheit“.",
            "How the minutes describe the vote, for example \"mit großer Mehrheit\".", valueName: "text"))
        var voteNote: String?

        /// What is wrong with a date given for a record.
        static func dateProblem(_ text: String) -> String {
            Terminal.say(
                "--date muss ein Datum sein, so genau wie die Niederschrift es angibt — 2021-03-18, 2021-03, 2021, 'Frühjahr 2021', 'vor 2018' —, angegeben war '\(text)'",
                "--date must be a date as precisely as the minutes state it — 2021-03-18, 2021-03, 2021, 'Frühjahr 2021', 'vor 2018' — got '\(text)'")
        }

        /// The vote as given on the command line; nil when nothing was given.
        static func parseVotes(_ text: String?, note: String?) throws(CommandFailure) -> Votes? {
            guard let text else { return note.map { Votes(note: $0) } }
            if ["einstimmig", "unanimous"].contains(text.lowercased()) { return Votes(unanimous: true, note: note) }
            let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let unreported: Set<String> = ["-", "?"]
            let counts = parts.map { unreported.contains($0) ? Optional<Int>.none : Int($0) }
            guard parts.count == 3, zip(parts, counts).allSatisfy({ unreported.contains($0) || $1 != nil }) else {
                throw CommandFailure(
                    message: Terminal.say(
                        "--votes muss JA/NEIN/ENTHALTUNG mit '?' für eine nicht berichtete Zahl (40/2/1, ?/6/1) oder 'einstimmig' sein, angegeben war '\(text)'",
                        "--votes must be YES/NO/ABSTAIN with '?' for a count not reported (40/2/1, ?/6/1) or 'einstimmig', got '\(text)'"),
                    status: .usage)
            }
            let votes = Votes(yes: counts[0], no: counts[1], abstain: counts[2], note: note)
            return votes.isEmpty ? nil : votes
        }

        func run() async throws {
            try await reportingFailures {
                let bodyID = try identifier(body, Terminal.say("Kennung des Gremiums", "body id")), outcome = try choice(result, ResolutionResult.self, Terminal.say("das Ergebnis", "result"))
                guard let day = Dates.partial(date) else { throw CommandFailure(message: Self.dateProblem(date), status: .usage) }
                let stated = try kind.map { try choice($0, DeliberationKind.self, Terminal.say("die Art der Beratung", "kind")) }
                let counted = try Self.parseVotes(votes, note: voteNote)
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { _ in
                    [.recordResolution(ResolutionRecorded(number: number, body: bodyID, date: day, subject: subject, result: outcome, votes: counted, kind: stated))]
                }
            }
        }
    }
}

/// `strategyctl contribution …`: participation contributions.
struct ContributionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contribution",
        abstract: Terminal.say(
            "Einen Beitrag aus der Beteiligung erfassen und festhalten, was aus ihm wurde.", "Record a participation contribution and what became of it."),
        subcommands: [Add.self, Dispose.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: Terminal.say("Einen Beitrag aus einem Beteiligungsformat erfassen.", "Record a contribution made in a participation format."))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: .say("Die Kennung des Beteiligungsformats.", "The participation format's id.")) var format: String
        @Option(name: .long, help: .say("Was vorgeschlagen wurde.", "What was proposed.")) var summary: String
        @Option(name: .long, help: .say("Die Kennung des Beitrags.", "The contribution's id.")) var id: String

        func run() async throws {
            try await reportingFailures {
                let formatID = try identifier(format, Terminal.say("Kennung des Beteiligungsformats", "format id")), contribution = try identifier(id, Terminal.say("Kennung des Beitrags", "contribution id"))
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { _ in
                    [.receiveContribution(ContributionReceived(contribution: contribution, format: formatID, summary: summary))]
                }
            }
        }
    }

    struct Dispose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dispose",
            abstract: Terminal.say(
                "Über einen Beitrag entscheiden: accepted, partly, rejected, deferred (übernommene nennen, wozu sie geführt haben).",
                "Decide a contribution: accepted, partly, rejected, deferred (accepted ones name what they led to)."))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: .say("Die Kennung des Beitrags.", "The contribution's id.")) var id: String
        @Argument(help: .say("accepted, partly, rejected oder deferred.", "accepted, partly, rejected or deferred.")) var disposition: String
        @Option(name: .long, help: .say(
            "Ein Ziel, eine Maßnahme oder ein Handlungsfeld, wozu er geführt hat; mehrfach angebbar.", "A goal, measure or field it led to; repeatable."))
        var link: [String] = []
        @Option(name: .long, help: .say("Eine Anmerkung.", "A note.")) var note: String?

        func run() async throws {
            try await reportingFailures {
                let contribution = try identifier(id, Terminal.say("Kennung des Beitrags", "contribution id")), decided = try choice(disposition, Disposition.self, Terminal.say("den Umgang mit dem Beitrag", "disposition"))
                let links = try link.map { try identifier($0, Terminal.say("Verknüpfung", "link")) }
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { _ in
                    [.disposeContribution(ContributionDisposed(contribution: contribution, disposition: decided, linkedTo: links, note: note))]
                }
            }
        }
    }
}
