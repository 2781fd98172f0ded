import ArgumentParser
import Foundation
import Projections
import StrategyCore

/// The documented exit codes.
enum ExitStatus: Int32 {
    case ok = 0
    case invalidInput = 1
    case usage = 2
    case integrityFailure = 3
    case conflict = 4
}

extension ExitStatus {
    /// The documented exit code of an engine error's category: the one place failures become exit codes.
    init(_ category: EngineError.Category) {
        switch category {
        case .input, .rule, .store: self = .invalidInput
        case .conflict: self = .conflict
        case .integrity: self = .integrityFailure
        }
    }
}

/// An error a command reports as one `error:` line and a `hint:` line, with a documented exit code.
struct CommandFailure: Error {
    let message: String
    let hint: String?
    let status: ExitStatus

    init(message: String, hint: String? = nil, status: ExitStatus) {
        self.message = message
        self.hint = hint
        self.status = status
    }

    /// The failure for any error the engine, the store or a plan file can raise, in the output's language.
    init(_ error: any Error) {
        switch error {
        case let failure as CommandFailure: self = failure
        case let engine as EngineError: self.init(engine: engine)
        case let store as EventStoreError: self.init(engine: .store(store))
        case let file as PlanFileError: self.init(engine: .planFile(file))
        default: self.init(message: String(describing: error), status: .invalidInput)
        }
    }

    init(engine error: EngineError) {
        let (message, hint) = Self.wording(of: error)
        self.init(message: message, hint: hint, status: ExitStatus(error.category))
    }

    /// The message and the hint for an engine error, in the output's language; the exit status comes from its
    /// category alone (``ExitStatus/init(_:)``).
    private static func wording(of error: EngineError) -> (message: String, hint: String?) {
        let language = Terminal.language, say = Terminal.say
        let verifyAndRestore = say("'strategyctl verify' ausführen und den Speicher aus einer Sicherung wiederherstellen",
                                   "run 'strategyctl verify' and restore the store from a backup")
        switch error {
        case let .store(storeError):
            let message = storeError.text(in: language)
            switch storeError {
            case .notAStore:
                return (message, say("--store PFAD angeben, STRATEGY_STORE setzen oder mit 'strategyctl init' einen Speicher anlegen",
                                     "pass --store PATH, set STRATEGY_STORE, or create one with 'strategyctl init'"))
            case .corruptRecord, .missingRecord, .truncatedStore, .damagedStore:
                return (message, verifyAndRestore)
            case .damagedPage:
                return (message, say(
                    "LMDB kann die Datei nicht sicher lesen; den Speicher aus einer Sicherung wiederherstellen und darauf 'strategyctl verify' ausführen",
                    "LMDB cannot read the file safely; restore the store from a backup and run 'strategyctl verify' on it"))
            case let .lmdb(lmdb) where error.category == .integrity:
                // LMDB itself found a page of the wrong kind or a page number beyond the file.
                return (say("der Speicher ist beschädigt: \(lmdb.wording.de)", "the store is damaged: \(lmdb)"), verifyAndRestore)
            case .wrongExpectedVersion, .idempotencyConflict:
                return (message, say("ein anderer Schreiber hat den Plan geändert; den Befehl noch einmal ausführen",
                                     "another writer changed the plan; run the command again"))
            case .readOnly:
                return (message, say("--read-only weglassen oder in eine Kopie schreiben, die geändert werden darf",
                                     "drop --read-only, or write to a copy you may change"))
            case .writeFailed:
                return (message, say(
                    "Speicherplatz freigeben oder das Dateisystem beschreibbar machen, dann den Befehl wiederholen; Lesen geht weiter mit --read-only",
                    "free disk space or make the file system writable, then repeat the command; reads still work with --read-only"))
            default:
                return (message, nil)
            }
        case let .rule(rule):
            return (rule.text(in: language), hint(for: rule))
        case let .planFile(file):
            let lines = file.issues.map { $0.text(in: language) } + [file.omissionNote(in: language)].compactMap { $0 }
            let nothing = say("nichts wurde erfasst", "nothing was recorded")
            return (lines.joined(separator: "\n" + errorPrefix), file.problemCount > 1 ? "\(file.summary(in: language)); \(nothing)" : nothing)
        case .conflict:
            return (error.text(in: language), say(
                "den Plan neu lesen ('strategyctl show') und die Änderung wiederholen, wenn sie noch zutrifft",
                "read the plan again ('strategyctl show') and repeat the change if it still applies"))
        case .unknownPlan:
            return (error.text(in: language), say("die Pläne zeigt 'strategyctl stats'", "list the plans with 'strategyctl stats'"))
        case .undecodable:
            return (error.text(in: language), say(
                "das Ereignis stammt von einem neueren strategyctl, oder der Speicher ist beschädigt: 'strategyctl verify' ausführen",
                "the event was written by a newer strategyctl, or the store is damaged: run 'strategyctl verify'"))
        case .noSuchPoint:
            return (error.text(in: language), say("die Fassungen zeigt 'strategyctl versions'", "list the versions with 'strategyctl versions'"))
        case .derivedDataMismatch:
            return (error.text(in: language), say(
                "'strategyctl verify' listet jeden solchen Eintrag; 'strategyctl replay' baut die abgeleiteten Daten aus dem Protokoll neu auf",
                "run 'strategyctl verify' to list every such entry; 'strategyctl replay' rebuilds derived data from the log"))
        }
    }

    /// `error: ` or `Fehler: `, by the output's language.
    static var errorPrefix: String { Terminal.say("Fehler: ", "error: ") }

    /// `hint: ` or `Hinweis: `, by the output's language.
    static var hintPrefix: String { Terminal.say("Hinweis: ", "hint: ") }

    private static func hint(for rule: DomainError) -> String? {
        let say = Terminal.say
        switch rule {
        case .reasonRequired: return say("mit --reason \"…\" begründen", "add --reason \"…\"")
        case .noMandate, .resolutionDoesNotCarry:
            return say("mit einem angenommenen Beschluss eines Gremiums beschließen, das das Mandat hat (siehe die Gremien des Plans)",
                       "adopt by a carried resolution of a body with the mandate (see the plan's bodies)")
        case .versionSealed, .labelAlreadyUsed: return say("den nächsten Entwurf mit einer neuen Bezeichnung benennen", "name the next draft with a new label")
        case .personalData:
            return say("eine Personenkennung und eine Rolle statt Namen, E-Mail-Adressen oder Telefonnummern verwenden",
                       "use a person id and a role instead of names, e-mail addresses or phone numbers")
        default: return say("nichts wurde erfasst", "nothing was recorded")
        }
    }
}

extension ParsableCommand {
    /// Runs `body`; a failure becomes its `error:` and `hint:` lines on standard error and its exit code.
    func reportingFailures(_ body: () async throws -> Void) async throws(ExitCode) {
        do {
            try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let failure = CommandFailure(error)
            var text = "\(CommandFailure.errorPrefix)\(failure.message)\n"
            if let hint = failure.hint { text += "\(CommandFailure.hintPrefix)\(hint)\n" }
            Terminal.standardError(text)
            throw ExitCode(failure.status.rawValue)
        }
    }
}

/// The failure for a write refused because the plan changed since `expected`: names the changes made meanwhile
/// (at most five, newest last), so the user sees what their decision would have overtaken.
func conflictFailure(_ engine: StrategyEngine, plan: Identifier, expected: UInt64, actual: UInt64, hint: String) -> CommandFailure {
    let say = Terminal.say
    var message = EngineError.conflict(plan: plan, expected: expected, actual: actual).text(in: Terminal.language)
    if let entries = try? engine.log(of: plan).filter({ $0.streamVersion > expected }), !entries.isEmpty {
        let shown = entries.suffix(5).map { entry in
            say("Position \(entry.position) (Version \(entry.streamVersion)): \(entry.type)", "position \(entry.position) (version \(entry.streamVersion)): \(entry.type)")
                + (entry.actor.map { say(" von \($0)", " by \($0)") } ?? "") + say(" am ", " at ") + Dates.format(entry.recordedAt)
                + (entry.reason.map { " — \($0)" } ?? "")
        }
        let more = entries.count > shown.count
        message += say("\nzwischenzeitlich geändert" + (more ? " (die letzten \(shown.count) von \(entries.count))" : ""),
                       "\nchanged meanwhile" + (more ? " (last \(shown.count) of \(entries.count))" : "")) + ":\n  "
            + shown.joined(separator: "\n  ")
    }
    return CommandFailure(message: message, hint: hint, status: .conflict)
}
