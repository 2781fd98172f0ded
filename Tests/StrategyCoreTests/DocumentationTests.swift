import Foundation
@testable import StrategyCore
import Testing

@Suite("Documentation", .timeLimit(.minutes(5)))
struct DocumentationTests {
    @Test("the complete example in docs/plan-format.md parses, imports and adopts")
    func formatExample() throws {
        let markdown = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/plan-format.md"), encoding: .utf8)
        let start = try #require(markdown.range(of: "```yaml\n"))
        let end = try #require(markdown.range(of: "\n```", range: start.upperBound..<markdown.endIndex))
        let yaml = String(markdown[start.upperBound..<end.lowerBound])
        let document = try PlanFile.parse(Array(yaml.utf8), file: "plan-format.md")
        let imported = try Reconciler.reconcile(document, state: .empty, context: officeContext())
        #expect(imported.state.goals.count == 2 && imported.state.contributions.count == 1)
        let adoption = try #require(document.adoption)
        let adopted = try Plan.decide(.adopt(label: adoption.label, resolution: adoption.resolution, effectiveDate: adoption.effective), state: imported.state)
        #expect(adopted.count == 1)
    }

    @Test("every YAML example in docs/plan-format.md is a plan file that imports, and exports back unchanged", .timeLimit(.minutes(3)))
    func everyExample() throws {
        let markdown = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/plan-format.md"), encoding: .utf8)
        let blocks = markdown.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "\n```")[0] }
        #expect(blocks.count >= 2)
        for (index, yaml) in blocks.enumerated() {
            var document = try PlanFile.parse(Array(yaml.utf8), file: "plan-format.md#\(index)")
            // Contacts stated by their details are registered as persons by the engine; here they get ids alike.
            var registered = 0
            for (owner, entries) in document.contacts {
                document.contacts[owner] = entries.map { entry in
                    guard case .details = entry else { return entry }
                    registered += 1
                    return .person(try! Identifier("p-doc-\(registered)"))
                }
            }
            let imported = try Reconciler.reconcile(document, state: .empty, context: officeContext())
            let export = PlanFileWriter.yaml(imported.state)
            let again = try Reconciler.reconcile(try PlanFile.parse(Array(export.utf8), file: "export"), state: imported.state, context: officeContext())
            #expect(again.events.isEmpty, "example \(index): \(again.events.map(\.typeName))")
        }
    }
}
