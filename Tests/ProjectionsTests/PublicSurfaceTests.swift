// What an embedder sees with `import Projections` alone: no @testable import and no `import EventStore` here, so
// every name used below must be public and reachable through Projections.
import Foundation
import Projections
import StrategyCore
import Testing

@Suite("The public surface an embedder builds on", .timeLimit(.minutes(3)))
struct PublicSurfaceTests {
    @Test("the engine's answers can be built in an embedder's own tests, and the store's types come with Projections")
    func answersByHand() throws {
        let plan = try Identifier("kreis")
        let view = PlanView(plan: plan, state: .empty, position: 0, streamVersion: 0, point: .draft)
        #expect(view.state.fields.isEmpty && view.point == .draft)
        let result = StrategyEngine.ExecutionResult(plan: plan, events: [], positions: nil, streamVersion: 3, attempts: 1)
        #expect(result.streamVersion == 3)
        let date = try #require(CalendarDate("2025-03-01"))
        let version = VersionRecord(
            label: "Fassung 2025", resolution: "KT-1", body: try Identifier("kreistag"), bodyName: "Kreistag", resolutionDate: date,
            effectiveDate: date, recordedAt: Date(timeIntervalSince1970: 0), position: 12, contentHash: "abc",
            counts: VersionCounts(fields: 1, goals: 2, measures: 3), basedOn: nil, supersededBy: nil, recordedBy: "p-0001", role: nil)
        #expect(version.counts.goals == 2)
        let change = ChangeRecord(position: 5, streamVersion: 2, recordedAt: Date(timeIntervalSince1970: 0), effectiveDate: date,
                                  type: "goal.revised", actor: "p-0001", role: nil, reason: "Fortschreibung", resolution: nil)
        let entry = AuditEntry(record: change, attributes: ["statement"])
        #expect(entry.actor == "p-0001" && entry.position == 5)
        // Log and history entries are one flat JSON object, as before.
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(LogEntry(record: change, effects: []))) as? [String: Any]
        #expect(json?["actor"] as? String == "p-0001" && json?["effects"] != nil && json?["record"] == nil)
        let auditJSON = try JSONEncoder().encode(entry)
        let flat = try JSONSerialization.jsonObject(with: auditJSON) as? [String: Any]
        #expect(flat?["attributes"] as? [String] == ["statement"] && flat?["position"] as? Int == 5 && flat?["record"] == nil)
        #expect(try JSONDecoder().decode(AuditEntry.self, from: auditJSON) == entry)
        // The store's value types are named without importing EventStore.
        let head: ChainHead? = nil
        #expect(head == nil)
        #expect(EngineError.unknownPlan(plan).category == .input && EngineError.conflict(plan: plan, expected: 1, actual: 2).category == .conflict)
        #expect(EngineError.unknownPlan(plan).localizedDescription == "the store holds no plan 'kreis'")
    }
}
