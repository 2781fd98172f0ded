import ArgumentParser
import EventStore
import Foundation
import Projections
import StrategyCore

/// `strategyctl replay`: rebuilds the read models from the log.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rebuild the read models (snapshots, audit index) of every plan from the log.",
        discussion: "With --to, replays up to a position in memory and writes nothing. On a read-only store nothing is written either. "
            + "Derived data that disagreed with the log is listed after the rebuild, with exit status 3.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var formatOptions: FormatOptions
    @Option(name: .long, help: "Replay only up to this log position.") var to: UInt64?

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForMaintenance()
            let plans = storeOptions.plan != nil ? [try storeOptions.resolvePlan(engine)] : try engine.plans()
            var summaries: [ReplaySummary] = []
            var replaced: [String] = []
            for plan in plans {
                // A rebuild replaces derived data; what disagreed with the log is reported, never silently laundered.
                if to == nil && !engine.store.isReadOnly { replaced += try engine.checkReadModels(of: plan) }
                let progress = Terminal.Progress("replaying \(plan)")
                let summary = try engine.rebuildReadModels(of: plan, upTo: to ?? .max) { done, total in progress.update(done, of: total) }
                progress.finish()
                summaries.append(summary)
            }
            switch formatOptions.format {
            case .json: emit(jsonText(summaries))
            case .text, .markdown:
                for summary in summaries {
                    emit("replayed \(summary.events) events of plan '\(summary.plan)' up to position \(summary.position) in "
                         + String(format: "%.3f s (%.0f events/s)", summary.seconds, summary.eventsPerSecond)
                         + "; \(summary.counts.fields) fields, \(summary.counts.goals) goals, \(summary.counts.measures) measures"
                         + (summary.snapshotsWritten > 0 ? "; \(summary.snapshotsWritten) snapshots written" : ""))
                }
                if plans.isEmpty { emit("the store holds no plan") }
            }
            if !replaced.isEmpty {
                throw CommandFailure(
                    message: "derived data disagreed with the log and was rebuilt from it:\n  " + replaced.joined(separator: "\n  "),
                    hint: "the log is unchanged and now fully reflected; keep this output as a record of the replaced entries "
                        + "(a snapshot or index entry that disagrees was damaged or edited outside strategyctl)",
                    status: .integrityFailure)
            }
        }
    }
}

/// `strategyctl verify`: the hash chain, the indexes, and the read models against a fresh replay.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the hash chain, the indexes and every plan's read models; print the head to cite.",
        discussion: """
            Exits 0 when everything holds and 3 when a record is missing, damaged or altered (the message names the \
            first bad position) or a read model or a sealed version does not match a fresh replay. A chain \
            recomputed after an edit is consistent in itself: pass the head cited earlier (for example in a council \
            record) with --expect-head to detect that as well.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var formatOptions: FormatOptions

    @Option(name: .customLong("expect-head"), help: ArgumentHelp("A head cited earlier, POSITION:HASH; the chain must still contain it.", valueName: "position:hash"))
    var expectHead: String?

    func validate() throws {
        if let expectHead, ChainHead(expectHead) == nil {
            throw ValidationError("--expect-head must be POSITION:HASH with 64 hexadecimal digits, got '\(expectHead)'")
        }
    }

    struct Report: Encodable {
        let intact: Bool
        let events: UInt64
        let head: ChainHead?
        let chainFailure: ChainFailure?
        let expectedHead: ChainHead?
        let planProblems: [String]
    }

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForReading()
            let progress = Terminal.Progress("verifying")
            let total = try engine.store.head()?.position ?? 0
            let plans = storeOptions.plan != nil ? [try storeOptions.resolvePlan(engine)] : nil
            let result = try engine.verify(expectedHead: expectHead.flatMap(ChainHead.init), plans: plans) { checked in
                progress.update(Int(checked), of: Int(max(total, checked)))
            }
            progress.finish()
            let chain = result.chain
            let problems = result.problems
            let report = Report(intact: result.isIntact, events: chain.eventsChecked, head: chain.head,
                                chainFailure: chain.failure, expectedHead: expectHead.flatMap(ChainHead.init), planProblems: problems)
            switch formatOptions.format {
            case .json: emit(jsonText(report))
            case .text, .markdown:
                if chain.isIntact {
                    emit("chain intact: \(chain.eventsChecked) events, indexes consistent")
                    emit("head \(chain.head.map(String.init(describing:)) ?? "(empty log)")")
                    if problems.isEmpty { emit("read models, audit index and sealed versions match a replay of the log") }
                    if let expected = report.expectedHead {
                        emit("the cited head \(expected.position):\(expected.hash.description.prefix(12))… is part of the chain")
                    } else if let head = chain.head {
                        emit("note: a log cut off at its end, or a store rolled back to an older copy, is consistent in itself; "
                             + "only a head cited elsewhere shows it. Cite this head (council record, audit report) and check "
                             + "later with: strategyctl verify --expect-head \(head)")
                    }
                }
            }
            if let failure = chain.failure {
                let hint = failure.kind == .damagedPage
                    ? "LMDB's page structure is damaged, so nothing was read through it; restore the store from a backup and verify the backup"
                    : "the log is intact up to position \(chain.eventsChecked); restore the store from a backup and compare"
                throw CommandFailure(message: failure.description, hint: hint, status: .integrityFailure)
            }
            if !problems.isEmpty {
                throw CommandFailure(
                    message: problems.joined(separator: "\nerror: "),
                    hint: "derived data (snapshots, audit index) disagrees with the log: the log is the record; 'strategyctl replay' "
                        + "rebuilds the derived data from it. A version whose sealed hash no longer matches means the log was changed: "
                        + "restore from a backup and compare",
                    status: .integrityFailure)
            }
        }
    }
}
