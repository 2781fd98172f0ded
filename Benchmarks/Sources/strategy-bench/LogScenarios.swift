import EventStore
import Foundation
import Projections
import StrategyCore

/// Scenarios on one large log of a single plan: replay, verify, time travel, blame.
struct LargeLog {
    let path: String
    let rawPath: String
    let events: Int
    let plan = Identifier("bench")

    /// Builds the log: a plan of 1,000 goals and 1,000 measures, then everyday changes up to `events` events.
    static func build(_ sizes: Sizes, at chosenPath: String? = nil) throws -> LargeLog {
        let path = chosenPath ?? scratchDirectory("log"), rawPath = scratchDirectory("log-raw")
        let scale = sizes.quick ? 100 : 1_000
        let fixed = 3 + scale / 20 + scale + 2 * scale
        let events = Workload.planEvents(fields: scale / 20, goals: scale, measures: scale, updates: sizes.replayEvents - fixed)
        note("building a log of \(events.count) events…")
        let store = try EventStore(path: path, configuration: .init(durability: .relaxed))
        try Workload.load(events, into: store)
        let raw = try RawLMDB(path: rawPath)
        var batch: [[UInt8]] = []
        var cursor = store.events(from: 1)
        while let event = try cursor.next() {
            batch.append(event.payload)
            if batch.count == 10_000 { try raw.append(batch); batch.removeAll(keepingCapacity: true) }
        }
        if !batch.isEmpty { try raw.append(batch) }
        return LargeLog(path: path, rawPath: rawPath, events: events.count)
    }

    func remove() { removeDirectory(path); removeDirectory(rawPath) }

    // MARK: 4. Replay

    /// Replays in a child process (so its peak memory is its own); returns events/s and peak MB per run.
    func replay(_ sizes: Sizes) throws -> ScenarioResult {
        var rates: [Double] = [], peaks: [Double] = [], anonymous: [Double] = [], raw: [Double] = []
        for _ in 0..<sizes.runs {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0].hasPrefix("/") ? CommandLine.arguments[0] : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0])
            child.arguments = ["--child-replay", path]
            let output = Pipe()
            child.standardOutput = output
            try child.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            child.waitUntilExit()
            var usage = rusage()
            getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
            let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
            guard parts.count == 3, let count = Double(parts[0]), let secondsTaken = Double(parts[1]), let anonymousKB = Double(parts[2]) else {
                throw BenchError("replay child printed '\(text)'")
            }
            rates.append(count / secondsTaken)
            peaks.append(Double(usage.ru_maxrss) / 1024)
            anonymous.append(anonymousKB / 1024)
            let lmdb = try RawLMDB(path: rawPath)
            var scanned = 0
            raw.append(Double(events) / (seconds { scanned = lmdb.scan() }))
            precondition(scanned == events)
        }
        let rate = Figure(rates), peak = Figure(peaks), own = Figure(anonymous), scan = Figure(raw)
        return ScenarioResult(
            name: "replay \(events) events into the masterplan read model",
            rows: [Row(system: "engine replay", figure: rate, unit: "events/s"),
                   Row(system: "peak anonymous memory (heap and stacks)", figure: own, unit: "MB"),
                   Row(system: "peak resident set, incl. mapped store pages", figure: peak, unit: "MB"),
                   Row(system: "raw LMDB scan (copy values)", figure: scan, unit: "events/s")],
            target: "≥ 1,000,000 events/s, peak memory ≤ 256 MB", met: rate.median >= 1_000_000 && own.max <= 256,
            notes: [String(format: "%.3f × a raw LMDB scan", rate.median / scan.median),
                    "memory target judged on anonymous memory; the resident set also counts the touched pages of the memory-mapped store file (page cache)"])
    }

    /// The replay itself, run in the child process: prints "EVENTS SECONDS PEAK_ANONYMOUS_KB".
    ///
    /// The peak resident set (`ru_maxrss`, read by the parent) counts the pages of the memory-mapped store that the
    /// replay touched; those are the kernel's page cache, shared and reclaimable. A sampler thread therefore also
    /// tracks `RssAnon` (the process's own heap and stacks) every two milliseconds.
    static func childReplay(path: String) throws {
        let sampler = AnonymousMemorySampler()
        sampler.start()
        let engine = try StrategyEngine(path: path, readOnly: true)
        let plan = Identifier("bench")
        let summary = try engine.rebuildReadModels(of: plan)
        print("\(summary.events) \(summary.seconds) \(sampler.stop())")
    }

    // MARK: 5. Verify

    func verify(_ sizes: Sizes) throws -> ScenarioResult {
        let store = try EventStore(path: path, configuration: .init(readOnly: true))
        var rates: [Double] = []
        for _ in 0..<sizes.runs {
            var report: VerificationReport?
            let elapsed = try seconds { report = try store.verify() }
            guard report?.isIntact == true else { throw BenchError("the benchmark log does not verify") }
            rates.append(Double(events) / elapsed)
        }
        let figure = Figure(rates)
        return ScenarioResult(name: "verify the hash chain of \(events) events", rows: [Row(system: "EventStore verify", figure: figure, unit: "events/s")],
                              target: "≥ 1,000,000 events/s", met: figure.median >= 1_000_000, notes: [])
    }

    /// What the log costs on disk: the store's file, per event, against the raw LMDB copy of the same payloads.
    func size() throws -> ScenarioResult {
        func bytes(_ directory: String) -> Double {
            Double((try? FileManager.default.attributesOfItem(atPath: directory + "/data.mdb")[.size] as? NSNumber)??.int64Value ?? 0)
        }
        let store = bytes(path), raw = bytes(rawPath)
        return ScenarioResult(
            name: "size on disk of a \(events)-event log", rows: [
                Row(system: "EventStore data.mdb", figure: Figure([store / 1_048_576]), unit: "MiB"),
                Row(system: "raw LMDB, payloads only", figure: Figure([raw / 1_048_576]), unit: "MiB"),
            ], target: "reported", met: nil,
            notes: [String(format: "%.0f bytes per event (raw payloads: %.0f); before snapshots and the audit index", store / Double(events), raw / Double(events))])
    }

    // MARK: 6 and 7. Time travel and blame

    func timeTravelAndBlame(_ sizes: Sizes) throws -> [ScenarioResult] {
        let store = try EventStore(path: path)
        let engine = StrategyEngine(store: store, snapshotInterval: sizes.snapshotInterval)
        note("writing snapshots every \(sizes.snapshotInterval) events and the audit index…")
        let rebuilt = try seconds { _ = try engine.rebuildReadModels(of: plan) }
        let snapshots = try store.snapshotPositions(named: "snapshot/bench").count
        var generator = SystemRandomNumberGenerator()
        // The first read of a past state starts from a snapshot; the second replays the plan once and keeps a
        // checkpoint every few thousand events.
        _ = try engine.state(of: plan)
        let first = 1000 * (try seconds { _ = try engine.state(of: plan, at: .position(UInt64.random(in: 1...UInt64(events), using: &generator))) })
        let memoryBefore = AnonymousMemorySampler.currentKB()
        let second = 1000 * (try seconds { _ = try engine.state(of: plan, at: .position(UInt64.random(in: 1...UInt64(events), using: &generator))) })
        let checkpointMB = Double(AnonymousMemorySampler.currentKB() - memoryBefore) / 1024
        var withCheckpoints: [Double] = []
        for _ in 0..<sizes.timeTravelQueries {
            let position = UInt64.random(in: 1...UInt64(events), using: &generator)
            withCheckpoints.append(1000 * (try seconds { _ = try engine.state(of: plan, at: .position(position)) }))
        }
        var withoutCheckpoints: [Double] = []
        for _ in 0..<max(3, sizes.timeTravelQueries / 20) {
            let position = UInt64.random(in: 1...UInt64(events), using: &generator)
            withoutCheckpoints.append(1000 * (try seconds { _ = try engine.replayedState(of: plan, upTo: position) }))
        }
        let p50 = percentile(withCheckpoints, 0.5), p99 = percentile(withCheckpoints, 0.99)
        let travel = ScenarioResult(
            name: "plan state at a random position in a \(events)-event log",
            rows: [Row(system: "from checkpoints, p50", figure: Figure([p50]), unit: "ms"), Row(system: "from checkpoints, p99", figure: Figure([p99]), unit: "ms"),
                   Row(system: "first read (from a snapshot)", figure: Figure([first]), unit: "ms"),
                   Row(system: "second read (builds the checkpoints)", figure: Figure([second]), unit: "ms"),
                   Row(system: "without checkpoints (replay from 1), p50", figure: Figure([percentile(withoutCheckpoints, 0.5)]), unit: "ms")],
            target: "p50 ≤ 5 ms, p99 ≤ 20 ms (after the second read)", met: p50 <= 5 && p99 <= 20,
            notes: ["\(withCheckpoints.count) queries after the second; the checkpoints took " + String(format: "%.0f MB", checkpointMB)
                    + " of anonymous memory; \(snapshots) stored snapshots (one every \(sizes.snapshotInterval) events, written in "
                    + String(format: "%.1f s", rebuilt) + ") serve the current state and the first past read"])

        _ = try engine.state(of: plan)  // warm
        var blames: [Double] = []
        for index in 0..<max(10, sizes.timeTravelQueries) {
            let goal = EntityKey.entity(try Identifier("ziel-\(index * 37 % (sizes.quick ? 100 : 1_000))"))
            blames.append(1000 * (try seconds { _ = try engine.blame(goal, in: plan) }))
        }
        let blame = Figure(blames)
        let blameResult = ScenarioResult(
            name: "blame of one goal in a \(events)-event log", rows: [Row(system: "StrategyEngine.blame", figure: blame, unit: "ms")],
            target: "≤ 5 ms", met: blame.median <= 5, notes: ["\(blames.count) goals, median of calls on a warm engine"])
        return [travel, blameResult]
    }
}

enum OtherScenarios {
    // MARK: 8. Diff

    /// A plan of `entities` goals and measures adopted as "1.0", then every 20th goal reworded and measure started,
    /// adopted as "2.0", in a new store at `path`.
    /// The diff scenario's store: two versions of a plan with `entities` goals and measures, half of them changed.
    /// Returns the store, so that each run can start an engine on it with nothing cached.
    static func buildDiffStore(path: String, entities: Int) async throws -> EventStore {
        let store = try EventStore(path: path, configuration: .init(durability: .relaxed))
        let engine = StrategyEngine(store: store)
        let plan = Identifier("bench")
        let half = entities / 2
        let context = EventContext(actor: "p-1", role: "Bildungsbüro", reason: "Fortschreibung", effectiveDate: CalendarDate("2025-01-01"))
        var commands = Workload.planEvents(fields: 50, goals: half, measures: half, updates: 0).compactMap { event -> PlanCommand? in
            switch event {
            case let .planCreated(e): return .createPlan(e)
            case let .bodyEstablished(e): return .establishBody(e)
            case let .indicatorDefined(e): return .defineIndicator(e)
            case let .fieldProposed(e): return .proposeField(e)
            case let .goalFormulated(e): return .formulateGoal(e)
            case let .measurePlanned(e): return .planMeasure(e)
            default: return nil
            }
        }
        commands.append(.recordResolution(ResolutionRecorded(number: "KT-1", body: Identifier("kreistag"), date: CalendarDate("2025-01-01"), subject: "Fassung 1", result: .adopted)))
        commands.append(.recordResolution(ResolutionRecorded(number: "KT-2", body: Identifier("kreistag"), date: CalendarDate("2026-01-01"), subject: "Fassung 2", result: .adopted)))
        commands.append(.adopt(label: "1.0", resolution: "KT-1", effectiveDate: CalendarDate("2025-02-01")))
        try await engine.execute(commands, on: plan, context: context)
        var changes: [PlanCommand] = []
        for index in stride(from: 0, to: half, by: 20) {
            changes.append(.reviseGoal(GoalRevised(goal: try Identifier("ziel-\(index)"), statement: Workload.statements[(index + 1) % 3] + " Ergänzt um Ganztag.")))
            changes.append(.changeMeasureStatus(try Identifier("m-\(index)"), to: .inProgress, reason: nil))
        }
        changes.append(.adopt(label: "2.0", resolution: "KT-2", effectiveDate: CalendarDate("2026-02-01")))
        try await engine.execute(changes, on: plan, context: context)
        return store
    }

    static func diff(_ sizes: Sizes) async throws -> ScenarioResult {
        let path = scratchDirectory("diff")
        defer { removeDirectory(path) }
        let store = try await buildDiffStore(path: path, entities: sizes.diffEntities)
        let plan = Identifier("bench")
        var times: [Double] = []
        var changed = 0
        for _ in 0..<max(3, sizes.runs * 3) {
            let fresh = StrategyEngine(store: store)
            times.append(1000 * (try seconds { changed = try fresh.diff(plan, from: .version("1.0"), to: .version("2.0")).changes.count }))
        }
        let figure = Figure(times)
        return ScenarioResult(
            name: "semantic diff of two versions of a plan with \(sizes.diffEntities) entities",
            rows: [Row(system: "StrategyEngine.diff", figure: figure, unit: "ms")], target: "≤ 50 ms", met: figure.median <= 50,
            notes: ["\(changed) changed entities; each run on a fresh engine, both versions loaded from their snapshots"])
    }

    // MARK: 9. strategyctl show

    static func cliShow(_ sizes: Sizes, strategyctl: String?) throws -> ScenarioResult {
        guard let strategyctl, FileManager.default.isExecutableFile(atPath: strategyctl) else {
            return ScenarioResult(name: "`strategyctl show` process start to exit", rows: [], target: "≤ 100 ms", met: nil,
                                  notes: ["skipped: no strategyctl binary (build it with `swift build -c release --product strategyctl` or pass --strategyctl PATH)"])
        }
        let path = scratchDirectory("cli")
        defer { removeDirectory(path) }
        let store = try EventStore(path: path, configuration: .init(durability: .relaxed))
        let count = sizes.cliEvents
        try Workload.load(Workload.planEvents(fields: 20, goals: count / 10, measures: count / 10, updates: count - 3 - 20 - 3 * (count / 10)), into: store)
        // Let the tool write its snapshots and index once, as an office's first command would.
        _ = try run(strategyctl, ["--store", path, "show"])
        var times: [Double] = []
        for _ in 0..<(sizes.quick ? 3 : 15) {
            times.append(1000 * (try seconds { _ = try run(strategyctl, ["--store", path, "show"]) }))
        }
        let figure = Figure(times)
        return ScenarioResult(
            name: "`strategyctl show` process start to exit, \(count)-event store",
            rows: [Row(system: "strategyctl show", figure: figure, unit: "ms")], target: "≤ 100 ms", met: figure.median <= 100,
            notes: ["binary: \(strategyctl)"])
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Tracks the peak of `RssAnon` in `/proc/self/status` from a background thread.
final class AnonymousMemorySampler: @unchecked Sendable {
    private let lock = NSLock()
    private var peakKB = 0
    private var running = true
    private let done = DispatchSemaphore(value: 0)

    func start() {
        Thread.detachNewThread { [self] in
            while lock.withLock({ running }) {
                let current = Self.currentKB()
                lock.withLock { peakKB = max(peakKB, current) }
                usleep(2_000)
            }
            done.signal()
        }
    }

    /// Stops sampling and returns the peak in KiB (including one last sample).
    func stop() -> Int {
        lock.withLock { running = false }
        done.wait()
        return max(lock.withLock { peakKB }, Self.currentKB())
    }

    static func currentKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("RssAnon:") }) else { return 0 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }
}
