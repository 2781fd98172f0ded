import ArgumentParser
import Foundation
import Projections

/// `strategyctl`: record, replay, diff and audit county education plans stored in an event log.
@main
struct Strategyctl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strategyctl",
        abstract: "Record, replay, diff and audit a county's education plan (Bildungskonzept / Masterplan Bildung).",
        discussion: """
            The store is a directory holding an LMDB event log (--store, default $STRATEGY_STORE, else \
            ./strategy-store). Every change is an immutable, hash-chained event.

            Exit codes: 0 ok · 1 invalid input or rule violated · 2 usage · 3 integrity failure (verify) · \
            4 conflict with a concurrent writer.
            """,
        version: EngineVersion.current,
        subcommands: [InitCommand.self, StatsCommand.self, VerifyCommand.self]
    )

    /// Runs the command; usage errors exit 2 (as documented), not argument-parser's default 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                var message = fullMessage(for: error)
                if message.hasPrefix("Error: ") { message = "error: " + message.dropFirst("Error: ".count) }
                FileHandle.standardError.write(Data((message + "\n").utf8))
                exit(withError: ExitCode(ExitStatus.usage.rawValue))
            }
            exit(withError: error)
        }
    }
}
