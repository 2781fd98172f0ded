// strategy-bench: the engine side by side with raw LMDB and SQLite, in one run, so machine noise cancels out in
// the ratios. See BENCHMARKS.md for the latest report.
//
//   swift run -c release --package-path Benchmarks strategy-bench [--quick] [--markdown FILE] [--only NAMES]
//       [--strategyctl PATH]
//
// --quick runs every scenario on small sizes in seconds (CI runs it so the harness never rots); its numbers mean
// nothing. --only takes a comma-separated list of: append, single, group, replay, verify, travel, reads, diff, cli.
// --scale builds one 10,000,000-event log and reports its size, replay, verify, time travel and blame (about half an
// hour and 20 GB; not in CI).
// --build-log PATH [--quick] writes the large log and keeps it; --child-replay PATH replays it and --child-travel PATH
// answers time-travel queries on it, --child-verify PATH verifies its chain (for profilers).
// --child-append PATH and --child-single PATH [--raw | --layout | --layout-indexed] write into a new store (or raw
// LMDB: the payloads, or the store's records without and with their index entries), --child-diff PATH builds the
// diff scenario's store once and diffs it (profiling aids as well).
import EventStore
import Projections
import Foundation
import StrategyCore

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

if let path = option("--child-replay") {
    try LargeLog.childReplay(path: path)
    exit(0)
}
if let path = option("--child-read") {
    // Profiling aid: only read the records (no decoding), then only decode them (no evolve).
    let store = try EventStore(path: path, configuration: .init(readOnly: true))
    var records: [RecordedEvent] = []
    let read = seconds {
        var cursor = store.events(inStream: "plan:bench")
        while let event = try! cursor.next() { records.append(event) }
    }
    let decode = seconds {
        for record in records { _ = try! EventCodec.decodeEvent(type: record.type, schemaVersion: record.schemaVersion, encoding: record.encoding, payload: record.payload) }
    }
    var state = PlanState.empty
    let events = records.map { try! EventCodec.decodeEvent(type: $0.type, schemaVersion: $0.schemaVersion, encoding: $0.encoding, payload: $0.payload) }
    let evolve = seconds { Plan.apply(events, to: &state) }
    print(String(format: "read %.0f/s, decode %.0f/s, evolve %.0f/s", Double(records.count) / read, Double(records.count) / decode, Double(records.count) / evolve))
    exit(0)
}
if let path = option("--child-verify") {
    // Profiling aid: verify the chain of a log made with --build-log, nothing else.
    let store = try EventStore(path: path, configuration: .init(readOnly: true))
    var report: VerificationReport?
    let elapsed = try seconds { report = try store.verify() }
    print(String(format: "%.0f events/s, intact: %@", Double(report?.eventsChecked ?? 0) / elapsed, report?.isIntact == true ? "yes" : "no"))
    exit(0)
}
if let path = option("--child-single") {
    // Profiling aid: 1,500 durable single-event commits into a new store at PATH, by the engine's store or (with
    // --raw) by raw LMDB; prints commits/s and the bytes handed to write calls and written to storage per commit.
    let events = Workload.typicalEvents(1_500)
    let before = ProcessIO.now()
    let elapsed: Double
    if arguments.contains("--raw") {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let lmdb = try RawLMDB(path: path)
        elapsed = try seconds { for event in events { try lmdb.append([event.payload]) } }
    } else if arguments.contains("--layout") || arguments.contains("--layout-indexed") {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let lmdb = try RawLMDB(path: path), layout = Workload.layoutRecords(events), indexed = arguments.contains("--layout-indexed")
        elapsed = try seconds { for record in layout { try lmdb.appendLayout([record], indexed: indexed) } }
    } else {
        let store = try EventStore(path: path)
        elapsed = try seconds { for event in events { _ = try store.append(to: "plan:bench", events: [event]) } }
    }
    let after = ProcessIO.now()
    print(String(format: "%.0f commits/s, %.0f bytes written by syscalls and %.0f bytes to storage per commit, %.0f µs CPU per commit (user %.0f)",
                 Double(events.count) / elapsed, (after.wchar - before.wchar) / Double(events.count), (after.written - before.written) / Double(events.count),
                 (after.cpu - before.cpu) / Double(events.count) * 1e6, (after.user - before.user) / Double(events.count) * 1e6))
    exit(0)
}
if let path = option("--child-append") {
    // Profiling aid: 200,000 typical events appended 1,000 per transaction by the store (or, with --raw, their
    // payloads by raw LMDB), nothing else; prints events/s, the CPU time of the appends against their wall time, and
    // the bytes handed to write calls per transaction.
    let events = Workload.typicalEvents(200_000)
    let before = ProcessIO.now()
    let elapsed: Double
    if arguments.contains("--raw") {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let lmdb = try RawLMDB(path: path)
        let payloads = events.map(\.payload)
        elapsed = try seconds { for start in stride(from: 0, to: payloads.count, by: 1_000) { try lmdb.append(Array(payloads[start..<(start + 1_000)])) } }
    } else if arguments.contains("--layout") || arguments.contains("--layout-indexed") {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let lmdb = try RawLMDB(path: path), layout = Workload.layoutRecords(events), indexed = arguments.contains("--layout-indexed")
        elapsed = try seconds { for start in stride(from: 0, to: layout.count, by: 1_000) { try lmdb.appendLayout(Array(layout[start..<(start + 1_000)]), indexed: indexed) } }
    } else {
        let store = try EventStore(path: path)
        elapsed = try seconds { for start in stride(from: 0, to: events.count, by: 1_000) { _ = try store.append(to: "plan:bench", events: Array(events[start..<(start + 1_000)])) } }
    }
    let after = ProcessIO.now()
    print(String(format: "%.0f events/s; CPU %.2f s (user %.2f, system %.2f) in %.2f s; %.0f KB handed to write calls per transaction",
                 Double(events.count) / elapsed, after.cpu - before.cpu, after.user - before.user, after.system - before.system,
                 elapsed, (after.wchar - before.wchar) / Double(events.count / 1_000) / 1_000))
    exit(0)
}
if let path = option("--child-diff") {
    // Profiling aid: build the diff scenario's store at PATH (once), then diff its two versions 30 times, each on a
    // fresh engine as in the scenario.
    let plan = Identifier("bench")
    let store = FileManager.default.fileExists(atPath: path + "/data.mdb")
        ? try EventStore(path: path) : try await OtherScenarios.buildDiffStore(path: path, entities: 10_000)
    var times: [Double] = []
    var changed = 0
    for _ in 0..<30 {
        let fresh = StrategyEngine(store: store)
        times.append(1000 * (try seconds { changed = try fresh.diff(plan, from: .version("1.0"), to: .version("2.0")).changes.count }))
    }
    print(String(format: "diff: median %.1f ms, %d changed entities", times.sorted()[times.count / 2], changed))
    exit(0)
}
if let path = option("--child-travel") {
    // Profiling aid: write snapshots into a log made with --build-log (once), then answer 50 time-travel queries
    // (the first builds the engine's in-memory checkpoints).
    let store = try EventStore(path: path)
    let engine = StrategyEngine(store: store, snapshotInterval: 10_000)
    let plan = Identifier("bench")
    if try store.snapshotPositions(named: "snapshot/bench").isEmpty {
        let written = try seconds { _ = try engine.rebuildReadModels(of: plan) }
        print(String(format: "snapshots written in %.1f s", written))
    }
    let head = try engine.head()?.position ?? 1
    var generator = SplitMixBench(seed: 7)
    let queries = try seconds {
        for _ in 0..<50 { _ = try engine.state(of: plan, at: .position(UInt64.random(in: 1...head, using: &generator))) }
    }
    print(String(format: "time travel: %.1f ms per query", queries * 1000 / 50))
    exit(0)
}
if let path = option("--build-log") {
    // Writes the large-log workload into a store at PATH and keeps it, for profiling:
    //   perf record -g strategy-bench --child-replay PATH
    let log = try LargeLog.build(Sizes(quick: arguments.contains("--quick")), at: path)
    note("wrote \(log.events) events to \(path)")
    exit(0)
}

let sizes = Sizes(quick: arguments.contains("--quick"), scale: arguments.contains("--scale"))
let only = Set((option("--only") ?? (arguments.contains("--scale") ? "size,replay,verify,travel" : "append,single,group,replay,verify,travel,reads,diff,cli")).split(separator: ",").map(String.init))
let benchDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let rootDirectory = benchDirectory.deletingLastPathComponent()
let strategyctl = option("--strategyctl") ?? [".build/release/strategyctl", ".build/debug/strategyctl"]
    .map { rootDirectory.appendingPathComponent($0).path }.first { FileManager.default.isExecutableFile(atPath: $0) }

var results: [ScenarioResult] = []
@MainActor func record(_ result: ScenarioResult) {
    results.append(result)
    print(Report.text([result]), terminator: "")
}

do {
    note("strategy-bench \(sizes.quick ? "--quick " : "")(\(sizes.runs) runs per scenario)")
    var rawSingleRate = 0.0
    if only.contains("append") { record(try Scenarios.appendBatch(sizes)) }
    if only.contains("single") || only.contains("group") {
        let (single, rate) = try Scenarios.durableSingle(sizes)
        rawSingleRate = rate
        if only.contains("single") { record(single) }
    }
    if only.contains("group") { record(try await Scenarios.groupCommit(sizes, rawSingleRate: rawSingleRate)) }
    if !only.isDisjoint(with: ["replay", "verify", "travel", "size"]) {
        let log = try LargeLog.build(sizes)
        defer { log.remove() }
        if only.contains("size") { record(try log.size()) }
        if only.contains("replay") { record(try log.replay(sizes)) }
        if only.contains("verify") { record(try log.verify(sizes)) }
        if only.contains("travel") { for result in try log.timeTravelAndBlame(sizes) { record(result) } }
    }
    if only.contains("reads") { record(try ReadScenarios.concurrentReads(sizes)) }
    if only.contains("diff") { record(try await OtherScenarios.diff(sizes)) }
    if only.contains("cli") { record(try OtherScenarios.cliShow(sizes, strategyctl: strategyctl)) }
    if let file = option("--markdown") {
        let command = "swift run -c release --package-path Benchmarks strategy-bench" + (sizes.quick ? " --quick" : "") + (sizes.scale ? " --scale" : "")
        try Report.markdown(results, machine: Machine.describe(), command: command).write(toFile: file, atomically: true, encoding: .utf8)
        note("wrote \(file)")
    }
} catch {
    note("strategy-bench: \(error)")
    exit(1)
}

/// A seeded generator, so profiling runs ask the same questions.
struct SplitMixBench: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
