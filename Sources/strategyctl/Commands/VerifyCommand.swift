import ArgumentParser
import EventStore

/// `strategyctl verify`: recomputes the hash chain.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the hash chain and check the indexes; print the head to cite in a council record.",
        discussion: """
            Exits 0 when everything holds and 3 when a record is missing, damaged or altered; the message names \
            the first bad position. A chain recomputed after an edit is consistent in itself: pass the head cited \
            earlier with --expect-head to detect that as well.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var formatOptions: FormatOptions

    @Option(name: .long, help: ArgumentHelp("A head cited earlier, as POSITION:HASH; the chain must still contain it.", valueName: "position:hash"))
    var expectHead: String?

    func validate() throws {
        if let expectHead, ChainHead(expectHead) == nil {
            throw ValidationError("--expect-head must be POSITION:HASH with 64 hexadecimal digits, got '\(expectHead)'")
        }
    }

    func run() throws {
        try reportingFailures { () throws(CommandFailure) in
            let store = try storeOptions.openForReading()
            let report: VerificationReport
            do {
                report = try store.verify(expectedHead: expectHead.flatMap(ChainHead.init), checkIndexes: true)
            } catch {
                throw CommandFailure(error)
            }
            switch formatOptions.format {
            case .json: emit(jsonText(report))
            case .text:
                if report.isIntact {
                    emit("intact: \(report.eventsChecked) events, head \(report.head.map(String.init(describing:)) ?? "(empty log)")")
                }
            }
            if let failure = report.failure {
                throw CommandFailure(
                    message: failure.description,
                    hint: "the log is intact up to position \(report.eventsChecked); restore the store from a backup and compare",
                    status: .integrityFailure)
            }
        }
    }
}
