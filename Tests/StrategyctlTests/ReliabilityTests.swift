import EventStore
import Foundation
import Projections
import StrategyCore
import Testing

/// Set STRATEGY_LONG_TESTS=1 for the long versions (50 kills, more writers).
let longRun = ProcessInfo.processInfo.environment["STRATEGY_LONG_TESTS"] == "1"

/// One step of an office's day, as strategyctl arguments, and what it asks of the plan (to replay it in memory).
struct Step {
    let arguments: [String]
    let commands: (PlanState) throws -> [PlanCommand]
    let context: EventContext
}

func day(_ count: Int) throws -> [Step] {
    let first = examplePlans.appendingPathComponent("stade/01-bildungsstrategie-2019.yaml")
    let second = examplePlans.appendingPathComponent("stade/02-fortschreibung-2024.yaml")
    func context(_ reason: String? = nil, resolution: String? = nil, on date: String) -> EventContext {
        EventContext(actor: "p-test", role: nil, reason: reason, resolution: resolution, effectiveDate: CalendarDate(date))
    }
    func importing(_ url: URL, reason: String?, on date: String) throws -> Step {
        let document = try PlanFile.parse([UInt8](Data(contentsOf: url)), file: url.lastPathComponent)
        let ctx = context(reason, on: date)
        return Step(arguments: ["import", url.path, "--effective", date] + (reason.map { ["--reason", $0] } ?? []), commands: { state in
            Reconciler.commands(from: document, state: state, reason: ctx.reason)
        }, context: ctx)
    }
    var steps = [
        try importing(first, reason: nil, on: "2019-09-01"),
        Step(arguments: ["adopt", "--label", "Bildungsstrategie 2019", "--body", "kreistag", "--resolution", "V-2019/211", "--date", "2019-09-26"],
             commands: { _ in [.adopt(label: "Bildungsstrategie 2019", resolution: "V-2019/211", effectiveDate: CalendarDate("2019-09-26"))] },
             context: context(resolution: "V-2019/211", on: "2019-09-26")),
        try importing(second, reason: "Fortschreibung", on: "2024-01-15"),
    ]
    for index in 0..<count {
        steps.append(Step(
            arguments: ["observation", "record", "kz-ganztagsquote", "\(50 + index % 40)", "--period", "p\(index)", "--region", "Stade", "--id", "obs-\(index)", "--effective", "2024-02-01"],
            commands: { _ in [.recordObservation(ObservationRecorded(observation: try Identifier("obs-\(index)"), indicator: Identifier("kz-ganztagsquote"), period: "p\(index)", region: "Stade", value: Quantity(50 + index % 40)))] },
            context: context(on: "2024-02-01")))
        if index % 5 == 4 {
            steps.append(Step(
                arguments: ["measure", "progress", "m-leitbildprozess", "\(index % 100)", "--effective", "2024-02-01"],
                commands: { _ in [.reportMeasureProgress(Identifier("m-leitbildprozess"), percent: index % 100, note: nil)] },
                context: context(on: "2024-02-01")))
        }
    }
    return steps
}

/// The states after 0, 1, 2, … complete steps.
func prefixStates(_ steps: [Step]) throws -> [PlanState] {
    var state = PlanState.empty
    var states = [state]
    for step in steps {
        let events = try Plan.decide(try step.commands(state), context: step.context, state: state).events
        Plan.apply(events, to: &state)
        states.append(state)
    }
    return states
}

@Suite("Reliability", .serialized, .timeLimit(.minutes(5)))
struct ReliabilityTests {
    @Test("strategyctl killed with SIGKILL at random points: the store opens, verifies, and holds exactly the acknowledged changes")
    func crashes() async throws {
        let rounds = longRun ? 50 : 10
        // Enough steps that the kills, not the steps, run out: each round completes at most two steps and kills one,
        // and on a loaded machine (other tests run in parallel) many kills come late, so rounds are plentiful.
        let steps = try day(longRun ? 480 : 160)
        let states = try prefixStates(steps)
        let store = CLIStore()
        defer { store.remove() }
        var next = 0
        var kills = 0, committedBeforeKill = 0
        var generator = SystemRandomNumberGenerator()
        let binary = try strategyctlPath()
        var durations: [Double] = []
        func launch(_ step: Step) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["--store", store.path] + step.arguments
            var environment = ProcessInfo.processInfo.environment
            environment["STRATEGY_ACTOR"] = "p-test"
            environment["STRATEGY_ROLE"] = nil
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        // Rounds continue until `rounds` kills have hit a running process (a kill that comes after the process has
        // exited teaches nothing), with a bound so that a machine where every step is instant still finishes.
        var round = 0
        while kills < rounds && round < rounds * 8 {
            defer { round += 1 }
            // A few steps run to completion (each acknowledged by exit status 0)…
            for _ in 0..<Int.random(in: 0...2, using: &generator) where next < steps.count - 1 {
                let started = Date()
                let process = try launch(steps[next])
                process.waitUntilExit()
                durations.append(Date().timeIntervalSince(started))
                #expect(process.terminationStatus == 0, "round \(round): step \(next) failed: \(steps[next].arguments)")
                next += 1
            }
            guard next < steps.count else { break }
            // …then the next one is killed at a random point of a typical step's lifetime: start-up, decide,
            // append, fsync, index and snapshot writes. (The typical lifetime is measured from this side, start to
            // reaped exit, so a kill up to it usually meets the process still running.)
            let typical = durations.isEmpty ? 0.1 : durations.sorted()[durations.count / 2]
            let process = try launch(steps[next])
            // Sleeps overshoot on a loaded machine, so the kill aims at the first four fifths of the lifetime.
            try await Task.sleep(for: .microseconds(Int(Double.random(in: (0.1 * typical)...(0.8 * typical), using: &generator) * 1_000_000)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal {
                kills += 1
            } else {
                #expect(process.terminationStatus == 0)
                next += 1  // it finished before the kill: acknowledged
            }
            // A kill during the very first step can come before the store exists (no directory yet, or one without
            // data.mdb): nothing was acknowledged, there is nothing to check yet, and the step is simply run again.
            if !FileManager.default.fileExists(atPath: store.path + "/data.mdb") {
                #expect(next == 0, "round \(round): the store is gone after \(next) acknowledged steps")
                continue
            }
            // The store opens and verifies: chain, indexes, read models against a fresh replay.
            let verify = try store("verify")
            #expect(verify.status == 0, "round \(round): \(verify.stderr)")
            // Every acknowledged step is there; the step that was killed is either complete or absent.
            let engine = StrategyEngine(store: try EventStore(path: store.path, configuration: .init(readOnly: true)))
            let hasPlan = try !engine.plans().isEmpty
            let state = hasPlan ? try engine.replayedState(of: Identifier("stade")) : PlanState.empty
            if state == states[min(next + 1, states.count - 1)] && next < steps.count {
                next += 1  // the killed step had committed before the kill
                committedBeforeKill += 1
            }
            #expect(state == states[next], "round \(round): the log holds neither \(next) nor \(next + 1) complete steps")
            if next == steps.count { break }
        }
        #expect(next > 3, "the kills left too little progress to be meaningful")
        #expect(kills >= rounds / 2, "only \(kills) of \(rounds) kills hit a running strategyctl")
        if ProcessInfo.processInfo.environment["STRATEGY_TEST_STATS"] != nil {
            print("crash test: \(kills) kills, \(committedBeforeKill) killed steps had committed, \(next) of \(steps.count) steps done")
        }
    }

    @Test("several processes write to one plan at once: every acknowledged change is there exactly once; stale ones exit 4")
    func concurrentProcesses() async throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)
        let workers = 3, perWorker = longRun ? 40 : 12
        let binary = try strategyctlPath()
        let path = store.path
        let outcomes = try await withThrowingTaskGroup(of: [(String, Int32, String)].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var results: [(String, Int32, String)] = []
                    for index in 0..<perWorker {
                        let id = "obs-w\(worker)-\(index)"
                        // Every fourth write names the version it read; another writer may have moved on.
                        var arguments = ["--store", path, "observation", "record", "kz-ganztagsquote", "\(index)", "--period", "\(worker)/\(index)", "--region", "Stade", "--id", id]
                        if index % 4 == 3 {
                            let version = try run(binary, ["--store", path, "show", "--format", "json"]).stdout
                                .split(separator: "\n").first { $0.contains("\"streamVersion\"") }
                                .flatMap { $0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ","))) } ?? "0"
                            arguments += ["--if-version", version]
                        }
                        let result = try run(binary, arguments)
                        results.append((id, result.status, result.stderr))
                    }
                    return results
                }
            }
            var all: [(String, Int32, String)] = []
            for try await results in group { all += results }
            return all
        }
        for (id, status, stderr) in outcomes {
            #expect(status == 0 || status == 4, "\(id): exit \(status): \(stderr)")
            if status == 4 { #expect(stderr.hasPrefix("Fehler: der Plan 'stade' wurde von einem anderen Schreiber geändert")) }
        }
        let acknowledged = Set(outcomes.filter { $0.1 == 0 }.map(\.0))
        let engine = StrategyEngine(store: try EventStore(path: store.path, configuration: .init(readOnly: true)))
        let observations = try engine.replayedState(of: Identifier("stade")).observations.keys.map(\.rawValue).filter { $0.hasPrefix("obs-w") }
        #expect(Set(observations) == acknowledged)
        #expect(observations.count == acknowledged.count)
        #expect(acknowledged.count >= workers * perWorker * 3 / 4)
        #expect(try store("verify").status == 0)
    }

    @Test("tampered stores make verify exit 3 and name the problem; a cited head catches a recomputed chain")
    func tamperedStoresExitThree() throws {
        let store = CLIStore(), other = CLIStore()
        defer { store.remove(); other.remove() }
        try loadStade(store)
        try loadStade(other)
        let head = try #require(chainHead(try store("verify").stdout))
        // A head that is not in the chain.
        let forged = head.prefix { $0 != ":" } + ":" + String(repeating: "0", count: 64)
        let mismatch = try store("verify", "--expect-head", String(forged))
        #expect(mismatch.status == 3 && mismatch.stderr.contains("der angegebene Kettenkopf"), "\(mismatch.stderr)")
        let englishMismatch = try store(["verify", "--expect-head", String(forged)], environment: english)
        #expect(englishMismatch.status == 3 && englishMismatch.stderr.contains("the cited head"))
        // Another store's data.mdb.
        try FileManager.default.removeItem(atPath: store.path + "/data.mdb")
        try FileManager.default.copyItem(atPath: other.path + "/data.mdb", toPath: store.path + "/data.mdb")
        let foreign = try store(["verify"], environment: english)
        #expect(foreign.status == 3 && foreign.stderr.hasPrefix("error: the store is not the one its directory held"))
        #expect(try store("measure", "progress", "m-leitbildprozess", "10").status == 1)
        // A truncated data file.
        let size = try #require(try FileManager.default.attributesOfItem(atPath: other.path + "/data.mdb")[.size] as? Int)
        #expect(truncate(other.path + "/data.mdb", off_t(size / 3)) == 0)
        let truncated = try other(["verify"], environment: english)
        #expect(truncated.status == 3 && truncated.stderr.hasPrefix("error: store file is truncated"))
    }
}
