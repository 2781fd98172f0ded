import ArgumentParser
import EventStore

/// `strategyctl init`: creates a store.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a store (an empty event log) in the store directory.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reportingFailures { () throws(CommandFailure) in
            let existed = (try? EventStore(path: storeOptions.store, configuration: .init(readOnly: true))) != nil
            let store: EventStore
            do {
                store = try EventStore(path: storeOptions.store)
            } catch {
                throw CommandFailure(error)
            }
            let count = (try? store.statistics().eventCount) ?? 0
            emit(existed
                ? "store already exists at \(store.path) (\(count) events)"
                : "created store \(store.storeID.uuidString.lowercased()) at \(store.path)")
        }
    }
}
