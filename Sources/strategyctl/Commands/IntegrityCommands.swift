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
        discussion: "With --to, replays up to a position in memory and writes nothing. On a read-only store nothing is written either.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var formatOptions: FormatOptions
    @Option(name: .long, help: "Replay only up to this log position.") var to: UInt64?

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForQueries()
            let plans = storeOptions.plan != nil ? [try storeOptions.resolvePlan(engine)] : try engine.plans()
            var summaries: [ReplaySummary] = []
            for plan in plans {
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
            let chain = try engine.store.verify(expectedHead: expectHead.flatMap(ChainHead.init), checkIndexes: true) { checked in
                progress.update(Int(checked), of: Int(total))
            }
            progress.finish()
            var problems: [String] = []
            if chain.isIntact {
                let plans = storeOptions.plan != nil ? [try storeOptions.resolvePlan(engine)] : try engine.plans()
                for plan in plans { problems += try engine.checkReadModels(of: plan) }
            }
            let report = Report(intact: chain.isIntact && problems.isEmpty, events: chain.eventsChecked, head: chain.head,
                                chainFailure: chain.failure, expectedHead: expectHead.flatMap(ChainHead.init), planProblems: problems)
            switch formatOptions.format {
            case .json: emit(jsonText(report))
            case .text, .markdown:
                if chain.isIntact {
                    emit("chain intact: \(chain.eventsChecked) events, indexes consistent")
                    emit("head \(chain.head.map(String.init(describing:)) ?? "(empty log)")")
                    if let expected = report.expectedHead { emit("the cited head \(expected.position):\(expected.hash.description.prefix(12))… is part of the chain") }
                    if problems.isEmpty { emit("read models and sealed versions match a fresh replay") }
                }
            }
            if let failure = chain.failure {
                let hint = failure.kind == .damagedPage
                    ? "LMDB's page structure is damaged, so nothing was read through it; restore the store from a backup and verify the backup"
                    : "the log is intact up to position \(chain.eventsChecked); restore the store from a backup and compare"
                throw CommandFailure(message: failure.description, hint: hint, status: .integrityFailure)
            }
            if !problems.isEmpty {
                throw CommandFailure(message: problems.joined(separator: "\nerror: "), hint: "run 'strategyctl replay' to rebuild read models; an altered version means the log was changed", status: .integrityFailure)
            }
        }
    }
}
