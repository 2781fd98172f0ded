import EventStore
import Foundation
@testable import Projections
import StrategyCore
import Testing

@Suite("Audit trail and blame", .timeLimit(.minutes(5)))
struct AuditTests {
    @Test("an entity's history says who changed what, when and why; blame names the event behind each attribute")
    func goalHistory() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let plan = try await loadCounty("heidekreis", into: engine)
        let history = try engine.history(of: "ziel-abschluss", in: plan)
        // Formulated, adopted with version 1.0, its target revised for 2.0 (version 2.0 did not change it).
        #expect(history.map(\.type) == ["goal.formulated", "version.adopted", "goal.revised"])
        #expect(history[2].attributes == ["targets"])
        #expect(history[2].reason == "Import 02-masterplan-bildung-2-0.yaml")
        #expect(history.allSatisfy { $0.actor == "p-0042" && $0.role == "Bildungsbüro" })
        #expect(history[1].resolution == "2021/0117")

        var context = office("Zielwert nach Evaluation angepasst", on: "2026-02-01")
        context.actor = "p-0099"
        context.role = "Steuerungsgruppe"
        try await engine.execute(.reviseGoal(GoalRevised(goal: id("ziel-abschluss"), statement: "Alle erreichen einen passenden Abschluss.")), on: plan, context: context)
        let blame = Dictionary(uniqueKeysWithValues: try engine.blame("ziel-abschluss", in: plan).map { ($0.attribute, $0) })
        #expect(blame["statement"]?.value == "Alle erreichen einen passenden Abschluss.")
        #expect(blame["statement"]?.setBy.actor == "p-0099" && blame["statement"]?.setBy.effectiveDate == CalendarDate("2026-02-01"))
        #expect(blame["targets"]?.setBy.type == "goal.revised" && blame["targets"]?.setBy.reason == "Import 02-masterplan-bildung-2-0.yaml")
        #expect(blame["status"]?.setBy.type == "version.adopted" && blame["status"]?.value == "adopted")
        #expect(blame["field"]?.setBy.type == "goal.formulated")
        #expect(throws: EngineError.self) { try engine.blame("nichts", in: plan) }
        #expect(try engine.history(of: "plan", in: plan).first?.type == "plan.created")
        #expect(try engine.history(of: "resolution:2025/0042", in: plan).map(\.type) == ["resolution.recorded", "version.adopted"])
    }
}
