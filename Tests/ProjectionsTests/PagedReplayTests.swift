import EventStore
import Foundation
@testable import Projections
import StrategyCore
import Testing

/// `PlanStreams.forEachPage` folds one page while it decodes the next on other threads; these tests use small
/// pages so that a county's history spans many of them.
@Suite("Paged replay", .timeLimit(.minutes(5)))
struct PagedReplayTests {
    /// Vechta's plan plus `extra` motto changes, so that the stream is long enough for many small pages.
    func longPlan(_ store: TemporaryStore, extra: Int) async throws -> (StrategyEngine, Identifier) {
        let engine = try store.engine()
        let plan = try await loadCounty("vechta", into: engine)
        for index in 1...extra {
            try await engine.execute(.setMotto("Motto \(index)"), on: plan, context: office())
        }
        return (engine, plan)
    }

    @Test("pages arrive in stream order, none larger than asked, each event once; the fold equals a record-by-record replay")
    func orderAndFold() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let (engine, plan) = try await longPlan(store, extra: 700)
        let head = try #require(try engine.store.streamHead(PlanStreams.streamID(plan)))
        var versions: [UInt64] = []
        var state = PlanState.empty
        var reported: [Int] = []
        try PlanStreams.forEachPage(engine.store, plan: plan, fromVersion: 1, pageSize: 97) { page in
            #expect(!page.isEmpty && page.count <= 97)
            versions += page.map(\.streamVersion)
            Plan.apply(page.lazy.map { $0.event }, to: &state)
        } afterPage: { consumed in
            reported.append(consumed)
        }
        #expect(versions == Array(1...head.version))
        #expect(reported.last == Int(head.version) && reported == reported.sorted())
        // The same fold from the cursor-based reader, which decodes every record with its context, one by one.
        let records = try PlanStreams.records(engine.store, plan: plan, fromVersion: 1)
        var expected = PlanState.empty
        Plan.apply(records.lazy.map { $0.event }, to: &expected)
        #expect(state == expected)
        #expect(try engine.replayedState(of: plan) == expected)
    }

    @Test("a limit and a position bound stop the pages exactly there")
    func bounds() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let (engine, plan) = try await longPlan(store, extra: 400)
        var limited: [UInt64] = []
        try PlanStreams.forEachPage(engine.store, plan: plan, fromVersion: 11, limit: 250, pageSize: 64) { page in
            limited += page.map(\.streamVersion)
        }
        #expect(limited == Array(11...260))
        let records = try PlanStreams.records(engine.store, plan: plan, fromVersion: 1)
        let cut = records[300].position
        var bounded: [UInt64] = []
        try PlanStreams.forEachPage(engine.store, plan: plan, fromVersion: 1, upTo: cut, pageSize: 64) { page in
            bounded += page.map(\.position)
        }
        #expect(bounded == records.prefix(301).map(\.position))
    }

    @Test("an undecodable event is reported by position after every page before it was consumed")
    func undecodable() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let (engine, plan) = try await longPlan(store, extra: 300)
        let appended = try await engine.store.append(to: PlanStreams.streamID(plan), events: [
            EventData(type: "vision.motto.set", encoding: EventCodec.encoding, payload: Array(#"{"context":{},"data":{"#.utf8)),
        ])
        let bad = appended.lastVersion
        // Valid events after it, copied from the last motto change (the engine itself no longer loads this plan).
        let motto = try #require(try engine.store.event(at: appended.lastPosition - 1))
        let copies = (1...200).map { _ in
            EventData(type: motto.type, schemaVersion: motto.schemaVersion, encoding: motto.encoding, payload: motto.payload)
        }
        _ = try await engine.store.append(to: PlanStreams.streamID(plan), events: copies)
        var consumed: [UInt64] = []
        var failure: EngineError?
        do throws(EngineError) {
            try PlanStreams.forEachPage(engine.store, plan: plan, fromVersion: 1, pageSize: 50) { page in
                consumed += page.map(\.streamVersion)
            }
        } catch {
            failure = error
        }
        var reported: UInt64?
        if case .undecodable(let position, _)? = failure { reported = position }
        #expect(reported == appended.lastPosition)
        #expect(consumed == Array(1...((bad - 1) / 50 * 50)))
    }
}
