// `strategyctl contribution …`: what participation brought in, and what became of it.
import ArgumentParser
import Foundation
import Projections
import StrategyCore

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
