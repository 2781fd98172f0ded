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
                                  hint: "read the plan again ('strategyctl show') and repeat the change if it still applies")
        }
    }
}

func identifier(_ text: String, _ what: String) throws -> Identifier {
    do { return try Identifier(text) } catch { throw CommandFailure(message: "invalid \(what): \(error.description)", status: .usage) }
}

/// A value given on the command line: its stable key as plan files write it (`in_progress`; a hyphen is taken for
/// the underscore) or its label in German or English (`in Umsetzung`, `in progress`). An unknown value is refused
/// with what was given and the valid ones, each with its label in the user's language.
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
        commandName: "measure", abstract: "Record a measure's status, progress, health or reached milestones.",
        subcommands: [SetStatus.self, Progress.self, Health.self, Milestone.self])

    struct SetStatus: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-status", abstract: "Change a measure's status: planned, in-progress, suspended, completed, institutionalized, discarded.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: "The measure's id.") var id: String
        @Argument(help: "The new status.") var status: String

        func run() async throws {
            try await reportingFailures {
                let measure = try identifier(id, "measure id"), status = try choice(status, MeasureStatus.self, "measure status")
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { _ in
                    [.changeMeasureStatus(measure, to: status, reason: writeOptions.reason)]
                }
            }
        }
    }

    struct Progress: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "progress", abstract: "Report a measure's progress in percent.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: "The measure's id.") var id: String
        @Argument(help: "Progress, 0–100.") var percent: Int
        @Option(name: .long, help: "What was done.") var note: String?

        func run() async throws {
            try await reportingFailures {
                let measure = try identifier(id, "measure id")
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { _ in
                    [.reportMeasureProgress(measure, percent: percent, note: note)]
                }
            }
        }
    }

    struct Health: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "health", abstract: "Assess a measure's health: on-track, at-risk, critical.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: "The measure's id.") var id: String
        @Argument(help: "on-track, at-risk or critical.") var health: String
        @Option(name: .long, help: "Why.") var note: String?

        func run() async throws {
            try await reportingFailures {
                let measure = try identifier(id, "measure id"), health = try choice(health, StrategyCore.Health.self, "health")
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { _ in
                    [.assessMeasureHealth(measure, health: health, note: note)]
                }
            }
        }
    }

    struct Milestone: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "milestone", abstract: "Record that a milestone of a measure was reached.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: "The measure's id.") var id: String
        @Argument(help: "The milestone's id.") var milestone: String
        @Option(name: .long, help: "When it was reached (default: the effective date).") var date: String?

        func run() async throws {
            try await reportingFailures {
                let measure = try identifier(id, "measure id"), milestoneID = try identifier(milestone, "milestone id")
                guard let on = date.map({ Dates.day($0) }) ?? writeOptions.effectiveDate else {
                    throw CommandFailure(message: "--date must be YYYY-MM-DD", status: .usage)
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
    static let configuration = CommandConfiguration(commandName: "goal", abstract: "Record a goal's status.", subcommands: [SetStatus.self])

    struct SetStatus: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-status",
            abstract: "Change a goal's status: adopted (needs --resolution), achieved, partly-achieved, not-achieved, abandoned (needs --reason).")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: "The goal's id.") var id: String
        @Argument(help: "The new status.") var status: String

        func run() async throws {
            try await reportingFailures {
                let goal = try identifier(id, "goal id"), status = try choice(status, GoalStatus.self, "goal status")
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
        commandName: "observation", abstract: "Record or correct a value of an indicator.", subcommands: [Record.self, Correct.self])

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "record", abstract: "Record an indicator's value for a period and region.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: "The indicator's id.") var indicator: String
        @Argument(help: "The value, a decimal such as 6.8.") var value: String
        @Option(name: .long, help: "The period, for example 2023/24.") var period: String
        @Option(name: .long, help: "The region.") var region: String
        @Option(name: .long, help: "The observation's id (default: derived from indicator, period and region).") var id: String?

        func run() async throws {
            try await reportingFailures {
                let indicatorID = try identifier(indicator, "indicator id")
                guard let quantity = Numbers.quantity(value) else { throw CommandFailure(message: "'\(value)' is not a decimal number (29.5 or 29,5)", status: .usage) }
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { state in
                    let observation = try id.map { try identifier($0, "observation id") } ?? Self.newID(indicatorID, period, region, state)
                    return [.recordObservation(ObservationRecorded(observation: observation, indicator: indicatorID, period: period, region: region, value: quantity))]
                }
            }
        }

        static func newID(_ indicator: Identifier, _ period: String, _ region: String, _ state: PlanState) throws -> Identifier {
            let slug = (period + "-" + region).lowercased().map { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII ? String($0) : "-" }.joined()
            let base = String("obs-\(indicator.rawValue)-\(slug)".prefix(56)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
            var candidate = base, counter = 2
            while state.kind(of: try identifier(candidate, "observation id")) != nil { candidate = "\(base)-\(counter)"; counter += 1 }
            return try identifier(candidate, "observation id")
        }
    }

    struct Correct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "correct", abstract: "Correct an observation by a new one that names it (needs --reason).")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: "The observation to correct.") var id: String
        @Argument(help: "The corrected value.") var value: String
        @Option(name: .customLong("new-id"), help: "The correcting observation's id (default: ID-korrektur).") var newID: String?

        func run() async throws {
            try await reportingFailures {
                let corrected = try identifier(id, "observation id")
                guard let quantity = Numbers.quantity(value) else { throw CommandFailure(message: "'\(value)' is not a decimal number (29.5 or 29,5)", status: .usage) }
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { state in
                    var candidate = newID ?? "\(corrected.rawValue)-k"
                    var counter = 2
                    while newID == nil, state.kind(of: try identifier(candidate, "observation id")) != nil { candidate = "\(corrected.rawValue)-k\(counter)"; counter += 1 }
                    return [.correctObservation(ObservationCorrected(observation: try identifier(candidate, "observation id"), corrects: corrected, value: quantity, reason: writeOptions.reason ?? ""))]
                }
            }
        }
    }
}

/// `strategyctl resolution record`.
struct ResolutionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolution", abstract: "Record a resolution of a body, or correct a recorded one.", subcommands: [Record.self, Correct.self])

    struct Correct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "correct",
            abstract: "Correct a recorded resolution: the record keeps its old values in the log; the correction names old, new and why.",
            discussion: "Give only what the minutes say differently, and --reason naming the source (for example the minutes' date).")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: "The paper's number.") var number: String
        @Option(name: .long, help: ArgumentHelp(
            "Which of the paper's deliberations, counted from 1 in the order they were recorded (default: 1).", valueName: "n"))
        var deliberation: Int?
        @Option(name: .long, help: "The body that deliberated.") var body: String?
        @Option(name: .long, help: "The date, as precisely as the minutes state it (2021-03-18, 2021-03, 2021, 'Frühjahr 2021').") var date: String?
        @Option(name: .long, help: "The kind: preliminary, recommendation, decision, or 'none' when the sources do not say.") var kind: String?
        @Option(name: .long, help: "What it was about.") var subject: String?
        @Option(name: .long, help: "The result the minutes state.") var result: String?
        @Option(name: .long, help: ArgumentHelp("The vote as reported (as for 'record'), or 'none' when the minutes report no vote.", valueName: "votes"))
        var votes: String?
        @Option(name: .customLong("vote-note"), help: ArgumentHelp("How the minutes describe the vote.", valueName: "text")) var voteNote: String?

        func validate() throws {
            if (writeOptions.reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("a correction needs --reason naming the source of the correct values")
            }
            if let date, Dates.partial(date) == nil { throw ValidationError(Record.dateProblem(date)) }
            if let deliberation, deliberation < 1 { throw ValidationError("--deliberation counts from 1, got \(deliberation)") }
        }

        func run() async throws {
            try await reportingFailures {
                var facts = ResolutionFacts(date: date.flatMap { Dates.partial($0) }, subject: subject)
                if kind == "none" {
                    facts.kind = .cleared
                } else if let kind {
                    facts.kind = .set(try choice(kind, DeliberationKind.self, "kind"))
                }
                if let body { facts.body = try identifier(body, "body id") }
                if let result { facts.result = try choice(result, ResolutionResult.self, "result") }
                if votes == "none" {
                    facts.votes = .cleared
                } else if let counted = try Record.parseVotes(votes, note: voteNote) {
                    facts.votes = .set(counted)
                }
                if facts.isEmpty { throw CommandFailure(message: "nothing to correct: give --subject, --result, --votes, --date, --kind or --body", status: .usage) }
                let index = deliberation.map { $0 - 1 }
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { _ in
                    [.correctResolution(number: number, deliberation: index, facts: facts, reason: writeOptions.reason ?? "")]
                }
            }
        }
    }

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record", abstract: "Record a council paper's deliberation (Vorberatung, Empfehlung, Beschluss).",
            discussion: """
                The first record of a paper records the paper; recording the same paper (same subject) again with \
                another body or date adds its next deliberation — a committee's recommendation and the council's \
                decision, or a decision after the paper was referred back.
                """)
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: "The paper's number, for example V-SCHUL/19/159.") var number: String
        @Option(name: .long, help: "The body that deliberated.") var body: String
        @Option(name: .long, help: "The date, as precisely as the minutes state it (2021-03-18, 2021-03, 2021, 'Frühjahr 2021', 'vor 2018').") var date: String
        @Option(name: .long, help: "The kind: preliminary (Vorberatung), recommendation (Empfehlung), decision (Beschluss); left out: not stated.") var kind: String?
        @Option(name: .long, help: "What it was about.") var subject: String
        @Option(name: .long, help: ArgumentHelp(
            "What the minutes state: adopted, adopted-with-changes, rejected, noted, postponed, referred-back, withdrawn, "
                + "presented, commissioned, pending (default: unknown — a result is never assumed).", valueName: "result"))
        var result: String = "unknown"
        @Option(name: .long, help: ArgumentHelp(
            "The vote as reported: YES/NO/ABSTAIN with '?' for a count not reported (for example ?/6/1, or --votes=-/6/1), or 'einstimmig'.",
            valueName: "votes"))
        var votes: String?
        @Option(name: .customLong("vote-note"), help: ArgumentHelp("How the minutes describe the vote, for example \"mit großer Mehrheit\".", valueName: "text"))
        var voteNote: String?

        /// What is wrong with a date given for a record.
        static func dateProblem(_ text: String) -> String {
            "--date must be a date as precisely as the minutes state it — 2021-03-18, 2021-03, 2021, 'Frühjahr 2021', 'vor 2018' — got '\(text)'"
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
                    message: "--votes must be YES/NO/ABSTAIN with '?' for a count not reported (40/2/1, ?/6/1) or 'einstimmig', got '\(text)'",
                    status: .usage)
            }
            let votes = Votes(yes: counts[0], no: counts[1], abstain: counts[2], note: note)
            return votes.isEmpty ? nil : votes
        }

        func run() async throws {
            try await reportingFailures {
                let bodyID = try identifier(body, "body id"), outcome = try choice(result, ResolutionResult.self, "result")
                guard let day = Dates.partial(date) else { throw CommandFailure(message: Self.dateProblem(date), status: .usage) }
                let stated = try kind.map { try choice($0, DeliberationKind.self, "kind") }
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
        commandName: "contribution", abstract: "Record a participation contribution and what became of it.", subcommands: [Add.self, Dispose.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a contribution made in a participation format.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: "The participation format's id.") var format: String
        @Option(name: .long, help: "What was proposed.") var summary: String
        @Option(name: .long, help: "The contribution's id.") var id: String

        func run() async throws {
            try await reportingFailures {
                let formatID = try identifier(format, "format id"), contribution = try identifier(id, "contribution id")
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { _ in
                    [.receiveContribution(ContributionReceived(contribution: contribution, format: formatID, summary: summary))]
                }
            }
        }
    }

    struct Dispose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dispose", abstract: "Decide a contribution: accepted, partly, rejected, deferred (accepted ones name what they led to).")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: "The contribution's id.") var id: String
        @Argument(help: "accepted, partly, rejected or deferred.") var disposition: String
        @Option(name: .long, help: "A goal, measure or field it led to; repeatable.") var link: [String] = []
        @Option(name: .long, help: "A note.") var note: String?

        func run() async throws {
            try await reportingFailures {
                let contribution = try identifier(id, "contribution id"), decided = try choice(disposition, Disposition.self, "disposition")
                let links = try link.map { try identifier($0, "link") }
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { _ in
                    [.disposeContribution(ContributionDisposed(contribution: contribution, disposition: decided, linkedTo: links, note: note))]
                }
            }
        }
    }
}
