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
        let plan = Identifier("kreis")
        let view = PlanView(plan: plan, state: .empty, position: 0, streamVersion: 0, point: .draft)
        #expect(view.state.fields.isEmpty && view.point == .draft)
        let result = StrategyEngine.ExecutionResult(plan: plan, events: [], positions: nil, streamVersion: 3, attempts: 1)
        #expect(result.streamVersion == 3)
        let date: CalendarDate = "2025-03-01"
        let version = VersionRecord(
            label: "Fassung 2025", resolution: "KT-1", body: Identifier("kreistag"), bodyName: "Kreistag", resolutionDate: date,
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

    func planFileError() -> any Error {
        do {
            _ = try PlanFile.parse(Array("plan: kreis\ntitle: [\n".utf8), file: "kreis.yaml")
            return DomainError.planDoesNotExist
        } catch {
            return error
        }
    }

    @Test("every error an embedder can catch says what went wrong through localizedDescription")
    func localizedErrors() throws {
        let plan = Identifier("kreis")
        let errors: [any Error] = [
            DomainError.planDoesNotExist,
            EngineError.rule(.planDoesNotExist),
            EventStoreError.readOnly(path: "/srv/strategie"),
            planFileError(),
            EngineError.unknownPlan(plan),
        ]
        for error in errors {
            let text = error.localizedDescription
            #expect(!text.contains("error ") || text.contains("errors"), "\(text)")
            #expect(text == String(describing: error), "\(type(of: error)): \(text)")
        }
        let typed = "Ziel A"
        do throws(IdentifierError) {
            _ = try Identifier(typed)
            Issue.record("an id with a space was taken")
        } catch {
            #expect(error.localizedDescription == error.description)
        }
        // Typed throws: a diff that does not fit the state is an EngineError, caught without casting.
        let diff = PlanDiff(from: "draft", to: "draft", planTitle: "Plan", changes: [
            EntityChange(entityKind: .goal, entity: "ziel-x", kind: .modified, title: "x",
                         attributes: [AttributeChange(name: "statement", old: .string("a"), new: .string("b"), words: [WordChange(kind: .inserted, text: "b")])]),
        ])
        do throws(EngineError) {
            _ = try diff.apply(to: .empty)
            Issue.record("a diff of an entity the state lacks was applied")
        } catch {
            #expect(error.category == .input || error.category == .rule, "\(error)")
        }
    }
}
