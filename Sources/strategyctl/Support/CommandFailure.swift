import ArgumentParser
import EventStore
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

    /// The failure for any error the engine, the store or a plan file can raise.
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
        switch error {
        case let .store(storeError):
            switch storeError {
            case .notAStore:
                self.init(message: storeError.description, hint: "pass --store PATH, set STRATEGY_STORE, or create one with 'strategyctl init'", status: .invalidInput)
            case .corruptRecord, .missingRecord, .truncatedStore, .damagedStore:
                self.init(message: storeError.description, hint: "run 'strategyctl verify' and restore the store from a backup", status: .integrityFailure)
            case .damagedPage:
                self.init(message: storeError.description, hint: "LMDB cannot read the file safely; restore the store from a backup and run 'strategyctl verify' on it", status: .integrityFailure)
            case let .lmdb(lmdb) where Self.damageCodes.contains(lmdb.code):
                // LMDB itself found a page of the wrong kind or a page number beyond the file.
                self.init(message: "the store is damaged: \(lmdb)", hint: "run 'strategyctl verify' and restore the store from a backup", status: .integrityFailure)
            case .wrongExpectedVersion, .idempotencyConflict:
                self.init(message: storeError.description, hint: "another writer changed the plan; run the command again", status: .conflict)
            case .readOnly:
                self.init(message: storeError.description, hint: "drop --read-only, or write to a copy you may change", status: .invalidInput)
            case .writeFailed:
                self.init(message: storeError.description, hint: "free disk space or make the file system writable, then repeat the command; reads still work with --read-only", status: .invalidInput)
            default:
                self.init(message: storeError.description, status: .invalidInput)
            }
        case let .rule(rule):
            self.init(message: rule.description, hint: Self.hint(for: rule), status: .invalidInput)
        case let .planFile(file):
            let lines = file.issues.map(\.description) + [file.omissionNote].compactMap { $0 }
            self.init(message: lines.joined(separator: "\nerror: "), hint: file.problemCount > 1 ? "\(file.summary); nothing was recorded" : "nothing was recorded", status: .invalidInput)
        case .conflict:
            self.init(message: error.description, hint: "read the plan again ('strategyctl show') and repeat the change if it still applies", status: .conflict)
        case .unknownPlan:
            self.init(message: error.description, hint: "list the plans with 'strategyctl stats'", status: .invalidInput)
        case .undecodable:
            self.init(message: error.description, hint: "the event was written by a newer strategyctl, or the store is damaged: run 'strategyctl verify'", status: .integrityFailure)
        case .noSuchPoint:
            self.init(message: error.description, hint: "list the versions with 'strategyctl versions'", status: .invalidInput)
        case .derivedDataMismatch:
            self.init(message: error.description, hint: "run 'strategyctl verify' to list every such entry; 'strategyctl replay' rebuilds derived data from the log", status: .integrityFailure)
        }
    }

    /// LMDB's result codes for damaged pages: MDB_CORRUPTED, MDB_PAGE_NOTFOUND, and MDB_BAD_TXN, which every
    /// later call of a transaction returns after one of the others.
    static let damageCodes: Set<Int32> = [LMDBError.corrupted, LMDBError.pageNotFound, LMDBError.badTransaction]

    private static func hint(for rule: DomainError) -> String? {
        switch rule {
        case .reasonRequired: return "add --reason \"…\""
        case .noMandate, .resolutionDoesNotCarry: return "adopt by a carried resolution of a body with the mandate (see the plan's bodies)"
        case .versionSealed, .labelAlreadyUsed: return "name the next draft with a new label"
        case .personalData: return "use a person id and a role instead of names, e-mail addresses or phone numbers"
        default: return "nothing was recorded"
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
            var text = "error: \(failure.message)\n"
            if let hint = failure.hint { text += "hint: \(hint)\n" }
            Terminal.standardError(text)
            throw ExitCode(failure.status.rawValue)
        }
    }
}

/// The failure for a write refused because the plan changed since `expected`: names the changes made meanwhile
/// (at most five, newest last), so the user sees what their decision would have overtaken.
func conflictFailure(_ engine: StrategyEngine, plan: Identifier, expected: UInt64, actual: UInt64, hint: String) -> CommandFailure {
    var message = EngineError.conflict(plan: plan, expected: expected, actual: actual).description
    if let entries = try? engine.log(of: plan).filter({ $0.streamVersion > expected }), !entries.isEmpty {
        let shown = entries.suffix(5).map { entry in
            "position \(entry.position) (version \(entry.streamVersion)): \(entry.type)"
                + (entry.actor.map { " by \($0)" } ?? "") + " at \(Dates.format(entry.recordedAt))"
                + (entry.reason.map { " — \($0)" } ?? "")
        }
        message += "\nchanged meanwhile" + (entries.count > shown.count ? " (last \(shown.count) of \(entries.count))" : "") + ":\n  "
            + shown.joined(separator: "\n  ")
    }
    return CommandFailure(message: message, hint: hint, status: .conflict)
}
