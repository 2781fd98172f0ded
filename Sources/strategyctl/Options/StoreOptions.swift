import ArgumentParser
import EventStore
import Foundation

/// `--store` and `--read-only`, shared by every command that opens a store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store directory.", valueName: "path"))
    var store: String = ProcessInfo.processInfo.environment["STRATEGY_STORE"] ?? "./strategy-store"

    @Flag(name: .long, help: "Open the store for reading only (automatic when it is not writable).")
    var readOnly = false

    /// Opens the store for reading; works on a copy the user cannot write.
    func openForReading() throws(CommandFailure) -> EventStore {
        do {
            return try EventStore(path: store, configuration: .init(readOnly: true))
        } catch {
            throw CommandFailure(error)
        }
    }
}

/// `--format`, for commands whose output is data.
struct FormatOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text
}
