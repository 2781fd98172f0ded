import Dispatch
import EventStore
import Foundation
import Projections
import StrategyCore

/// Reads from several threads at once on one engine: does throughput grow with the readers, or do they wait on
/// each other?
enum ReadScenarios {
    /// Eight plans in one store; 1, 2, 4 and 8 readers on one shared engine, each asking its own plan for its state
    /// at random past positions (time travel: a snapshot and a replayed tail). Each plan's read model has its own
    /// lock, so readers of different plans should scale with the cores until the cores run out.
    static func concurrentReads(_ sizes: Sizes) throws -> ScenarioResult {
        let path = scratchDirectory("reads")
        defer { removeDirectory(path) }
        let store = try EventStore(path: path, configuration: .init(durability: .relaxed))
        let plans = 8, perPlan = sizes.quick ? 600 : 20_000, queries = sizes.quick ? 40 : 400
        var ranges: [ClosedRange<UInt64>] = []
        for plan in 0..<plans {
            let first = (try store.head()?.position ?? 0) + 1
            try Workload.load(Workload.planEvents(plan: "bench-\(plan)", fields: 10, goals: perPlan / 10, measures: perPlan / 10,
                                                  updates: perPlan - 13 - 3 * (perPlan / 10)), into: store, stream: "plan:bench-\(plan)")
            ranges.append(first...(try store.head()?.position ?? first))
        }
        let planRanges = ranges
        let engine = StrategyEngine(store: store, snapshotInterval: sizes.quick ? 100 : 1_000)
        let ids = (0..<plans).map { Workload.id("bench-\($0)") }
        // Snapshots as the engine's writes leave them (reads never write derived data; the events came in raw).
        for id in ids { _ = try engine.rebuildReadModels(of: id) }
        var rows: [Row] = []
        var rates: [Int: Double] = [:]
        for readers in [1, 2, 4, 8] {
            var runs: [Double] = []
            for run in 0..<sizes.runs {
                let failures = FailureCount()
                let elapsed = seconds {
                    DispatchQueue.concurrentPerform(iterations: readers) { reader in
                        var random = SplitMixBench(seed: UInt64(1_000 * readers + 10 * run + reader))
                        let plan = reader % plans, range = planRanges[plan]
                        for _ in 0..<queries {
                            let position = UInt64.random(in: range, using: &random)
                            if (try? engine.state(of: ids[plan], at: .position(position))) == nil { failures.add() }
                        }
                    }
                }
                precondition(failures.value == 0, "a read failed")
                runs.append(Double(readers * queries) / elapsed)
            }
            let figure = Figure(runs)
            rates[readers] = figure.median
            rows.append(Row(system: "\(readers) reader\(readers == 1 ? "" : "s"), one engine", figure: figure, unit: "queries/s"))
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let two = (rates[2] ?? 0) / max(rates[1] ?? 1, 1e-9), eight = (rates[8] ?? 0) / max(rates[1] ?? 1, 1e-9)
        return ScenarioResult(
            name: "time-travel reads of 8 plans from 1–8 threads on one engine", rows: rows,
            target: "throughput grows with readers up to the cores (\(cores) here): 2 readers ≥ 1.4 × 1 reader",
            met: cores >= 2 ? two >= 1.4 : nil,
            notes: [String(format: "2 readers: %.2f × one reader; 8 readers: %.2f × (on %d cores)", two, eight, cores),
                    "\(plans) plans of \(perPlan) events; each reader asks its own plan \(queries) times"])
    }
}

/// Failed reads, counted from several threads.
private final class FailureCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
