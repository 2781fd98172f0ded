// `strategyctl measure …` and `strategyctl goal set-status`: changes to measures and goals.
import ArgumentParser
import Foundation
import Projections
import StrategyCore

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
