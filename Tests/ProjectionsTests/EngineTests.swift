import EventStore
import Foundation
@testable import Projections
import StrategyCore
import Testing

@Suite("Engine", .timeLimit(.minutes(5)))
struct EngineTests {
    @Test("the five county examples load into a real store through the engine, and survive reopening")
    func countyExamples() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        var expected: [Identifier: PlanState] = [:]
        do {
            let engine = try store.engine()
            for county in ["boerde", "cloppenburg", "cloppenburg-aufbau", "heidekreis", "stade", "vechta"] {
                let plan = try await loadCounty(county, into: engine)
                expected[plan] = try engine.state(of: plan).state
                #expect(try engine.versions(of: plan).count == (try countyFiles(county)).count)
                #expect(try engine.alteredVersions(of: plan).isEmpty)
            }
            #expect(try engine.plans() == [id("boerde"), id("cloppenburg"), id("cloppenburg-aufbau"), id("heidekreis"), id("stade"), id("vechta")])
            #expect(try engine.store.verify(checkIndexes: true).isIntact)
        }
        // A new engine (as in another process) rebuilds the same states from snapshots and the log.
        let reopened = try store.engine()
        for (plan, state) in expected {
            #expect(try reopened.state(of: plan).state == state)
            #expect(try reopened.replayedState(of: plan) == state)
        }
        // Importing a county's last file again records nothing.
        let last = try #require(try countyFiles("stade").last)
        let again = try await reopened.importPlan(try PlanFile.parse([UInt8](Data(contentsOf: last)), file: "stade.yaml"), context: office())
        #expect(again.events.isEmpty && again.positions == nil)
    }

    @Test("a change is visible right after its write returns, to this engine and to another on the same store")
    func readYourWrites() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let other = StrategyEngine(store: try EventStore(path: store.path))
        let plan = try await loadCounty("vechta", into: engine)
        _ = try other.state(of: plan)  // warm the other engine's model
        let result = try await engine.execute(.reviseGoal(GoalRevised(goal: id("ziel-a1"), statement: "Neu formuliert.")), on: plan, context: office())
        #expect(result.events.count == 1 && result.attempts == 1)
        #expect(try engine.state(of: plan).state.goals[id("ziel-a1")]?.statement == "Neu formuliert.")
        #expect(try other.state(of: plan).state.goals[id("ziel-a1")]?.statement == "Neu formuliert.")
        #expect(try other.state(of: plan).position == result.positions?.upperBound)
    }

    @Test("a stale expected version is a typed conflict and records nothing; without one the command is decided again")
    func conflicts() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let plan = try await loadCounty("vechta", into: engine)
        let version = try engine.state(of: plan).streamVersion
        try await engine.execute(.setMotto("Erste Änderung"), on: plan, context: office())
        do {
            try await engine.execute(.setMotto("Zweite Änderung"), on: plan, context: office(), expectedVersion: version)
            Issue.record("a stale write was accepted")
        } catch {
            #expect(error == .conflict(plan: plan, expected: version, actual: version + 1))
            #expect(error.description.contains("nothing was recorded"))
        }
        #expect(try engine.state(of: plan).state.vision.motto == "Erste Änderung")
        // Two engines with warm models race on the same plan: every change lands exactly once.
        let second = StrategyEngine(store: try EventStore(path: store.path))
        _ = try second.state(of: plan)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<20 {
                let writer = index.isMultiple(of: 2) ? engine : second
                group.addTask {
                    try await writer.execute(.recordObservation(ObservationRecorded(
                        observation: id("obs-\(index)"), indicator: id("kz-weiterbildung"), period: "20\(10 + index)",
                        region: "Landkreis Vechta", value: Quantity(index))), on: plan, context: office())
                }
            }
            try await group.waitForAll()
        }
        let observations = try engine.state(of: plan).state.observations
        #expect(observations.count == 20)
        #expect(try engine.replayedState(of: plan) == engine.state(of: plan).state)
    }

    @Test("rule violations and unknown plans are typed errors that record nothing")
    func errors() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        #expect(throws: EngineError.unknownPlan(id("nirgends"))) { try engine.state(of: id("nirgends")) }
        let plan = try await loadCounty("cloppenburg", into: engine)
        try await engine.execute(.setMotto("Neu"), on: plan, context: office())
        let before = try engine.store.head()
        await #expect(throws: EngineError.rule(.noMandate(body: id("bildungsbeirat"), decision: .adoptPlan, resolution: "BB-2023/01"))) {
            try await engine.execute(.adopt(label: "X", resolution: "BB-2023/01", effectiveDate: CalendarDate("2024-01-01")), on: plan, context: office())
        }
        await #expect(throws: EngineError.rule(.resolutionDoesNotCarry(number: "SG-2023/04", result: .noted))) {
            try await engine.execute(.adopt(label: "X", resolution: "SG-2023/04", effectiveDate: CalendarDate("2024-01-01")), on: plan, context: office())
        }
        #expect(try engine.store.head() == before)
    }

    @Test("a dry-run import shows the events without recording them")
    func dryRun() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let file = try #require(try countyFiles("vechta").first)
        let document = try PlanFile.parse([UInt8](Data(contentsOf: file)), file: file.lastPathComponent)
        let preview = try await engine.importPlan(document, context: office(), dryRun: true)
        #expect(preview.events.count > 20 && preview.positions == nil)
        #expect(try engine.store.head() == nil)
    }

    @Test("one feed follows every plan in log order, resumable by position; a feed of an unknown plan is refused")
    func allPlansFeed() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let first = try await loadCounty("heidekreis", into: engine)
        let second = try await loadCounty("vechta", into: engine)
        let head = try #require(try engine.head()).position
        // From the start: every plan's events, each with its plan, in log order; the persons stream is not a plan.
        var seen: [(Identifier, UInt64)] = []
        for try await record in engine.changes() {
            seen.append((record.plan, record.position))
            if record.position == head { break }
        }
        #expect(Set(seen.map(\.0)) == [first, second])
        #expect(seen.map(\.1) == seen.map(\.1).sorted() && seen.count == Int(head))
        // Resumed after a position: only what came later, live.
        let (plans, feed) = AsyncStream.makeStream(of: Identifier.self)
        let follower = Task { for try await record in engine.changes(after: head) { feed.yield(record.plan) } }
        defer { follower.cancel() }
        var iterator = plans.makeAsyncIterator()
        try await engine.execute(.setMotto("Neu"), on: second, context: office())
        try await engine.execute(.setMotto("Auch neu"), on: first, context: office())
        #expect(await iterator.next() == second)
        #expect(await iterator.next() == first)
        #expect(throws: EngineError.unknownPlan(id("gibt-es-nicht"))) { try engine.changes(of: id("gibt-es-nicht")) }
    }

    @Test("changes of a plan are delivered live, from a position on")
    func liveChanges() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let plan = try await loadCounty("heidekreis", into: engine)
        let start = try engine.state(of: plan).position
        let (types, feed) = AsyncStream.makeStream(of: String.self)
        let subscriber = Task {
            for try await record in try engine.changes(of: plan, after: start) { feed.yield(record.event.typeName) }
        }
        defer { subscriber.cancel() }
        var iterator = types.makeAsyncIterator()
        try await engine.execute([.setMotto("Neu"), .nameDraft(label: "Masterplan Bildung 3.0")], on: plan, context: office())
        #expect(await iterator.next() == "vision.motto.set")
        #expect(await iterator.next() == "draft.named")
        // Now the subscriber has delivered everything and waits: a later change can only arrive live.
        try await Task.sleep(for: .milliseconds(500))
        try await engine.execute(.setMotto("Später"), on: plan, context: office())
        #expect(await iterator.next() == "vision.motto.set")
    }
}
