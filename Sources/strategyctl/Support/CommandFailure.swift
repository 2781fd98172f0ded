import ArgumentParser
import EventStore
import Foundation

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

    /// The failure for any error: store errors get a hint and their exit code, others exit 1.
    init(_ error: any Error) {
        switch error {
        case let failure as CommandFailure: self = failure
        case let storeError as EventStoreError: self.init(storeError: storeError)
        default: self.init(message: String(describing: error), status: .invalidInput)
        }
    }

    /// The failure for a store error, with a hint where one helps.
    init(storeError error: EventStoreError) {
        switch error {
        case .notAStore:
            self.init(message: error.description, hint: "pass --store PATH, set STRATEGY_STORE, or create one with 'strategyctl init'", status: .invalidInput)
        case .wrongExpectedVersion, .idempotencyConflict:
            self.init(message: error.description, hint: "another writer changed the plan; run the command again", status: .conflict)
        case .corruptRecord, .missingRecord, .truncatedStore:
            self.init(message: error.description, hint: "run 'strategyctl verify' and restore the store from a backup", status: .integrityFailure)
        case .readOnly:
            self.init(message: error.description, hint: "drop --read-only, or write to a copy you may change", status: .invalidInput)
        default:
            self.init(message: error.description, status: .invalidInput)
        }
    }
}

extension ParsableCommand {
    /// Runs `body`; a ``CommandFailure`` becomes its two lines on standard error and its exit code.
    func reportingFailures(_ body: () throws(CommandFailure) -> Void) throws(ExitCode) {
        do {
            try body()
        } catch {
            var text = "error: \(error.message)\n"
            if let hint = error.hint { text += "hint: \(hint)\n" }
            FileHandle.standardError.write(Data(text.utf8))
            throw ExitCode(error.status.rawValue)
        }
    }
}

/// Writes a line to standard output.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// JSON with sorted keys and ISO 8601 dates: stable output for scripts.
func jsonText(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}"
}
