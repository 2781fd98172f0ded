import ArgumentParser
import Foundation
import Projections

/// `strategyctl`: record, replay, diff and audit county education plans stored in an event log.
@main
struct Strategyctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strategyctl",
        abstract: Terminal.say(
            "Den Bildungsplan eines Landkreises (Bildungskonzept / Masterplan Bildung) erfassen, abspielen, vergleichen und prüfen.",
            "Record, replay, diff and audit a county's education plan (Bildungskonzept / Masterplan Bildung)."),
        discussion: Terminal.say(
            """
            Der Speicher ist ein Verzeichnis mit einem LMDB-Ereignisprotokoll (--store, standardmäßig $STRATEGY_STORE, sonst \
            ./strategy-store). Jede Änderung ist ein unveränderliches, per Hash verkettetes Ereignis. Schreibende Befehle \
            erfassen, wer die Änderung vornimmt — eine Personenkennung (--actor, standardmäßig $STRATEGY_ACTOR, sonst die mit \
            'person add --login' für den Anmeldenamen registrierte Person; nie ein Name) —, und nehmen die Begründung mit \
            --reason entgegen.

            Rückgabewerte: 0 in Ordnung · 1 ungültige Eingabe oder Regel verletzt · 2 fehlerhafter Aufruf · \
            3 Integritätsfehler (verify) · 4 Konflikt mit einem gleichzeitigen Schreibvorgang.
            """,
            """
            The store is a directory holding an LMDB event log (--store, default $STRATEGY_STORE, else \
            ./strategy-store). Every change is an immutable, hash-chained event; writes record an actor — a person id \
            (--actor, default $STRATEGY_ACTOR, else the person registered for the login name with 'person add \
            --login'; never a name) — and take --reason.

            Exit codes: 0 ok · 1 invalid input or rule violated · 2 usage · 3 integrity failure (verify) · \
            4 conflict with a concurrent writer.
            """),
        version: EngineVersion.current,
        subcommands: [
            InitCommand.self, ImportCommand.self, ExportCommand.self, ShowCommand.self, AdoptCommand.self, VersionsCommand.self,
            DiffCommand.self, LogCommand.self, HistoryCommand.self, BlameCommand.self, MeasureCommand.self, GoalCommand.self,
            ObservationCommand.self, ResolutionCommand.self, ContributionCommand.self, ReplayCommand.self, VerifyCommand.self,
            StatsCommand.self, WithdrawCommand.self, PersonCommand.self, PublishCommand.self, DemoCommand.self,
        ]
    )

    /// Options every command accepts that may also come before the command's name, as in
    /// `strategyctl --store PATH show` (with their number of values).
    static let globalOptions: [String: Int] = ["--store": 1, "--plan": 1, "--actor": 1, "--role": 1, "--read-only": 0, "--lang": 1]

    /// Moves global options given before the command's name to the end, where the command parses them.
    static func hoistingGlobalOptions(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            guard let count = globalOptions[name] else { break }
            let taken = argument.contains("=") ? 1 : 1 + count
            leading += arguments[index..<min(arguments.count, index + taken)]
            index += taken
        }
        guard !leading.isEmpty, index < arguments.count else { return arguments }
        // `help` takes no options: the ones before it (`--store`, `--lang`…) are for the store and the output,
        // which help does not open; the language is read from the whole command line anyway.
        if arguments[index] == "help" { return Array(arguments[index...]) }
        return Array(arguments[index...]) + leading
    }

    /// Runs the command; usage errors exit 2 (as documented), not argument-parser's default 64. A fault on a
    /// damaged store exits 3 through ``SafetyNet``.
    static func main() async {
        SafetyNet.install()
        do {
            var command = try parseAsRoot(hoistingGlobalOptions(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            // A command's own failure, already reported in the output's language.
            exit(withError: code)
        } catch {
            // Help, the version and usage errors, which argument-parser words; said in the output's language.
            let code = exitCode(for: error)
            var message = ParserWording.text(fullMessage(for: error), in: Terminal.language)
            if code == .success {
                if !message.isEmpty { Terminal.standardOutput(message.hasSuffix("\n") ? message : message + "\n") }
                exit(withError: ExitCode.success)
            }
            for prefix in ["Error: ", "Fehler: "] where message.hasPrefix(prefix) {
                message = CommandFailure.errorPrefix + message.dropFirst(prefix.count)
            }
            Terminal.standardError(message + "\n")
            exit(withError: ExitCode(code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue))
        }
    }
}
