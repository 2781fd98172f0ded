// `strategyctl resolution …`: council papers and their deliberations.
import ArgumentParser
import Foundation
import Projections
import StrategyCore

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
