import Dispatch
import Foundation
@testable import Projections
import StrategyCore
import Testing

@Suite("Engine: parallel reads, async reads, close and store settings", .timeLimit(.minutes(3)))
struct EngineLifecycleTests {
    @Test("a read of one plan does not wait while another plan is being caught up")
    func plansReadInParallel() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let stade = try await loadCounty("stade", into: engine)
        let vechta = try await loadCounty("vechta", into: engine)
        let expected = try engine.state(of: vechta).state
        // Hold Stade's read model as a long catch-up would, and read Vechta from another thread meanwhile. With one
        // lock for all plans (as before) the second read waits for the first and this times out.
        let done = DispatchSemaphore(value: 0)
        let seen = Protected<PlanState?>(nil)
        let waited: DispatchTimeoutResult = engine.slot(stade).model.withLock { _ in
            DispatchQueue.global().async {
                let state = try? engine.state(of: vechta).state
                seen.withLock { $0 = state }
                done.signal()
            }
            return done.wait(timeout: .now() + 60)
        }
        #expect(waited == .success)
        #expect(seen.withLock { $0 } == expected)
    }

    @Test("async reads return what the synchronous ones do, and run side by side")
    func asyncReads() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let stade = try await loadCounty("stade", into: engine)
        let heidekreis = try await loadCounty("heidekreis", into: engine)
        async let first = engine.read { try ($0.state(of: stade).state, $0.versions(of: stade).map(\.label)) }
        async let second = engine.read { try $0.state(of: heidekreis, at: .version("Masterplan Bildung 1.0")).state }
        let (a, b) = try await (first, second)
        let draft = try engine.state(of: stade).state, labels = try engine.versions(of: stade).map(\.label)
        let version = try engine.state(of: heidekreis, at: .version("Masterplan Bildung 1.0")).state
        #expect(a.0 == draft && a.1 == labels && b == version)
        do throws(EngineError) {
            _ = try await engine.read { (engine) throws(EngineError) in try engine.state(of: "nirgendwo") }
            Issue.record("an unknown plan was read")
        } catch {
            #expect(error == .unknownPlan("nirgendwo"))
        }
    }

    @Test("a closed engine refuses every call by name; closing the read-only one lets the store open for writing")
    func closeAndReopen() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        do {
            let writer = try store.engine()
            try await loadCounty("boerde", into: writer)
            writer.close()
            writer.close()  // twice is harmless
            #expect(throws: EngineError.store(.closed(path: writer.storePath))) { try writer.plans() }
            await #expect(throws: EngineError.self) {
                try await writer.execute(.revisePlan(PlanRevised(title: "Neu")), on: "boerde", context: office())
            }
        }
        // Read-only first: a writer in the same process is refused while the reader is open (LMDB allows one
        // environment per store and process), and welcome once it is closed.
        let reader = try store.engine(readOnly: true)
        #expect(try reader.plans() == ["boerde"])
        #expect {
            _ = try store.engine()
        } throws: { error in
            guard case EngineError.store(.alreadyOpen) = error else { return false }
            return true
        }
        reader.close()
        let writer = try store.engine()
        #expect(try writer.plans() == ["boerde"] && !writer.isReadOnly)
    }

    @Test("the store's settings reach the store through the engine's initialiser")
    func storeConfiguration() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try StrategyEngine(path: store.path, configuration: StrategyEngine.StoreConfiguration(
            durability: .relaxed, initialMapSize: 8 << 20, readPageSize: 7, subscriptionPollInterval: .milliseconds(20)))
        #expect(engine.store.configuration.readPageSize == 7 && engine.store.configuration.durability == .relaxed)
        try await loadCounty("stade", into: engine)
        // A page size of 7 still reads the whole plan.
        #expect(try engine.log(of: "stade").count == Int(try engine.state(of: "stade").streamVersion))
        #expect(throws: EngineError.self) {
            _ = try StrategyEngine(path: store.path + "-x", configuration: .init(readPageSize: 0))
        }
    }

    @Test("the version in force on a date is one rule: the same as time travel's, nil before the first")
    func versionInForce() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let plan = try await loadCounty("heidekreis", into: engine)
        let versions = try engine.versions(of: plan)
        try #require(versions.count == 2)
        #expect(try engine.version(of: plan, inForceOn: "1990-01-01") == nil)
        for version in versions {
            let day = version.effectiveDate
            #expect(try engine.version(of: plan, inForceOn: day)?.label == version.label)
            #expect(try engine.state(of: plan, at: .inForce(day)).state.currentVersion?.label == version.label)
        }
        #expect(try engine.version(of: plan, inForceOn: "2099-12-31")?.label == versions.last?.label)
        #expect(throws: EngineError.unknownPlan("nirgendwo")) { try engine.version(of: "nirgendwo", inForceOn: "2025-01-01") }
        #expect(CalendarDate(recordedOn: Date(timeIntervalSince1970: 86_399)) == "1970-01-01")
    }
}
