import EventStore
import Foundation
import Projections
import StrategyCore

/// How big each scenario runs.
struct Sizes {
    let quick: Bool
    /// `--scale`: one log of 10,000,000 events (ten years of a large county, or a small state's counties in one
    /// store) for its size, replay, verify, time travel and blame, run once; not in CI.
    var scale = false
    var runs: Int { quick || scale ? 1 : 3 }
    var batchEvents: Int { quick ? 4_000 : 200_000 }
    var singleCommits: Int { quick ? 60 : 1_500 }
    var writers: Int { 16 }
    var perWriter: Int { quick ? 4 : 150 }
    var replayEvents: Int { scale ? 10_000_000 : quick ? 20_000 : 1_000_000 }
    var timeTravelQueries: Int { quick ? 10 : 200 }
    var diffEntities: Int { quick ? 1_000 : 10_000 }
    var cliEvents: Int { quick ? 1_000 : 10_000 }
    var snapshotInterval: UInt64 { quick ? 1_000 : 10_000 }
}

enum Scenarios {
    // MARK: 1. Batched appends

    static func appendBatch(_ sizes: Sizes) throws -> ScenarioResult {
        let events = Workload.typicalEvents(sizes.batchEvents)
        let payloads = events.map(\.payload)
        let layout = Workload.layoutRecords(events)
        var store: [Double] = [], raw: [Double] = [], sqlite: [Double] = [], records: [Double] = [], indexed: [Double] = []
        var storeBytes: [Double] = [], layoutBytes: [Double] = []
        for _ in 0..<sizes.runs {
            let a = scratchDirectory("batch-store"), b = scratchDirectory("batch-raw"), c = scratchDirectory("batch-sqlite")
            let d = scratchDirectory("batch-records"), e = scratchDirectory("batch-indexed")
            defer { for path in [a, b, c, d, e] { removeDirectory(path) } }
            let eventStore = try EventStore(path: a)
            let stored = try ProcessIO.handedToWrite {
                try seconds {
                    for start in stride(from: 0, to: events.count, by: 1_000) {
                        _ = try eventStore.append(to: "plan:bench", events: Array(events[start..<min(events.count, start + 1_000)]))
                    }
                }
            }
            store.append(Double(events.count) / stored.result)
            storeBytes.append(stored.bytes)
            let lmdb = try RawLMDB(path: b)
            raw.append(Double(events.count) / (try seconds {
                for start in stride(from: 0, to: payloads.count, by: 1_000) { try lmdb.append(Array(payloads[start..<min(payloads.count, start + 1_000)])) }
            }))
            for (path, isIndexed) in [(d, false), (e, true)] {
                let floor = try RawLMDB(path: path)
                let written = try ProcessIO.handedToWrite {
                    try seconds {
                        for start in stride(from: 0, to: layout.count, by: 1_000) {
                            try floor.appendLayout(Array(layout[start..<min(layout.count, start + 1_000)]), indexed: isIndexed)
                        }
                    }
                }
                if isIndexed { indexed.append(Double(events.count) / written.result); layoutBytes.append(written.bytes) } else { records.append(Double(events.count) / written.result) }
            }
            let sql = try SQLiteBaseline(path: c)
            sqlite.append(Double(events.count) / (try seconds {
                for start in stride(from: 0, to: payloads.count, by: 1_000) {
                    try sql.append(stream: "plan:bench", type: "goal.formulated", payloads: Array(payloads[start..<min(payloads.count, start + 1_000)]))
                }
            }))
        }
        let s = Figure(store), r = Figure(raw), q = Figure(sqlite), l = Figure(records), i = Figure(indexed)
        let vsRaw = s.median / r.median, vsSQLite = s.median / q.median
        return ScenarioResult(
            name: "append, 1,000 events per transaction (durable commits, \(events.count) events)",
            rows: [Row(system: "EventStore", figure: s, unit: "events/s"), Row(system: "raw LMDB", figure: r, unit: "events/s"), Row(system: "SQLite (WAL, FULL)", figure: q, unit: "events/s"),
                   Row(system: "raw LMDB, the store's records", figure: l, unit: "events/s"),
                   Row(system: "raw LMDB, records + index entries", figure: i, unit: "events/s")],
            target: "≥ 0.5 × raw LMDB and ≥ 2 × SQLite", met: vsRaw >= 0.5 && vsSQLite >= 2,
            notes: [String(format: "%.2f × raw LMDB, %.2f × SQLite; the store's layout written raw (no checks, encoding or hashing): %.2f × raw LMDB with the records alone, %.2f × with their index entries",
                           vsRaw, vsSQLite, l.median / r.median, i.median / r.median),
                    layoutCheck(store: storeBytes, layout: layoutBytes, per: Double(events.count) / 1_000, unit: "transaction")])
    }

    /// The bytes the store and its layout written raw handed to write calls, per transaction: the same within 2 % when
    /// the raw layout's record sizes (`RawLMDB.LayoutRecord`) still follow the store's record format.
    static func layoutCheck(store: [Double], layout: [Double], per count: Double, unit: String) -> String {
        let stored = Figure(store).median / count, raw = Figure(layout).median / count
        let verdict = abs(stored - raw) <= 0.02 * stored ? "the same layout" : "NOT the same layout: RawLMDB.LayoutRecord no longer follows the record format"
        return String(format: "bytes handed to write calls per %@: the store %.0f, its layout written raw %.0f (%@)", unit, stored, raw, verdict)
    }

    // MARK: 2. Durable single appends

    static func durableSingle(_ sizes: Sizes) throws -> (ScenarioResult, rawRate: Double) {
        let events = Workload.typicalEvents(sizes.singleCommits)
        let layout = Workload.layoutRecords(events)
        var store: [Double] = [], raw: [Double] = [], sqlite: [Double] = [], records: [Double] = [], indexed: [Double] = []
        var storeBytes: [Double] = [], layoutBytes: [Double] = []
        for _ in 0..<sizes.runs {
            let a = scratchDirectory("single-store"), b = scratchDirectory("single-raw"), c = scratchDirectory("single-sqlite")
            let d = scratchDirectory("single-records"), e = scratchDirectory("single-indexed")
            defer { for path in [a, b, c, d, e] { removeDirectory(path) } }
            let eventStore = try EventStore(path: a)
            let stored = try ProcessIO.handedToWrite { try seconds { for event in events { _ = try eventStore.append(to: "plan:bench", events: [event]) } } }
            store.append(Double(events.count) / stored.result)
            storeBytes.append(stored.bytes)
            let lmdb = try RawLMDB(path: b)
            raw.append(Double(events.count) / (try seconds { for event in events { try lmdb.append([event.payload]) } }))
            for (path, isIndexed) in [(d, false), (e, true)] {
                let floor = try RawLMDB(path: path)
                let written = try ProcessIO.handedToWrite { try seconds { for record in layout { try floor.appendLayout([record], indexed: isIndexed) } } }
                if isIndexed { indexed.append(Double(events.count) / written.result); layoutBytes.append(written.bytes) } else { records.append(Double(events.count) / written.result) }
            }
            let sql = try SQLiteBaseline(path: c)
            sqlite.append(Double(events.count) / (try seconds { for event in events { try sql.append(stream: "plan:bench", type: event.type, payloads: [event.payload]) } }))
        }
        let s = Figure(store), r = Figure(raw), q = Figure(sqlite), l = Figure(records), i = Figure(indexed)
        return (ScenarioResult(
            name: "durable append, one event per commit (\(events.count) commits)",
            rows: [Row(system: "EventStore", figure: s, unit: "commits/s"), Row(system: "raw LMDB", figure: r, unit: "commits/s"), Row(system: "SQLite (WAL, FULL)", figure: q, unit: "commits/s"),
                   Row(system: "raw LMDB, the store's records", figure: l, unit: "commits/s"),
                   Row(system: "raw LMDB, records + index entries", figure: i, unit: "commits/s")],
            target: "≥ 0.9 × raw LMDB single-commit rate", met: s.median / r.median >= 0.9,
            notes: [String(format: "%.2f × raw LMDB, %.2f × SQLite; the store's layout written raw: %.2f × raw LMDB with the records alone, %.2f × with their index entries",
                           s.median / r.median, s.median / q.median, l.median / r.median, i.median / r.median),
                    layoutCheck(store: storeBytes, layout: layoutBytes, per: Double(events.count), unit: "commit")]), r.median)
    }

    // MARK: 3. Group commit

    static func groupCommit(_ sizes: Sizes, rawSingleRate: Double) async throws -> ScenarioResult {
        var rates: [Double] = [], batching: [Double] = []
        for _ in 0..<sizes.runs {
            let path = scratchDirectory("group")
            defer { removeDirectory(path) }
            let store = try EventStore(path: path)
            let events = Workload.typicalEvents(sizes.writers * sizes.perWriter)
            let perWriter = sizes.perWriter
            let elapsed = try await seconds {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for writer in 0..<sizes.writers {
                        group.addTask {
                            for index in 0..<perWriter {
                                _ = try await store.append(to: "plan:writer-\(writer)", events: [events[writer * perWriter + index]])
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            rates.append(Double(events.count) / elapsed)
            let statistics = try store.statistics()
            batching.append(Double(statistics.appendRequests) / Double(max(1, statistics.transactionsCommitted)))
        }
        let figure = Figure(rates)
        return ScenarioResult(
            name: "durable append, \(sizes.writers) concurrent writers (group commit, \(sizes.writers * sizes.perWriter) events)",
            rows: [Row(system: "EventStore", figure: figure, unit: "events/s")],
            target: "≥ 5 × raw LMDB single-commit rate", met: figure.median / rawSingleRate >= 5,
            notes: [String(format: "%.1f × raw LMDB's single-commit rate (%.0f commits/s); %.1f appends per transaction", figure.median / rawSingleRate, rawSingleRate, Figure(batching).median)])
    }
}
