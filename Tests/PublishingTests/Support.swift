import Foundation
import Projections
import StrategyCore

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A store in a fresh temporary directory.
struct TemporaryStore {
    let path = FileManager.default.temporaryDirectory.path + "/publishing-tests-\(UUID().uuidString.prefix(8))"
    func remove() { try? FileManager.default.removeItem(atPath: path) }
    func engine() throws -> StrategyEngine { try StrategyEngine(path: path, durability: .relaxed) }
}

func office(_ reason: String, resolution: String? = nil) -> EventContext {
    EventContext(actor: "p-0042", role: "Bildungsbüro", reason: reason, resolution: resolution, effectiveDate: "2025-01-15")
}

/// Imports plan files in order, adopting where a file's `adoption:` block says so.
@discardableResult
func load(_ files: [(name: String, text: String)], into engine: StrategyEngine) async throws -> Identifier {
    var plan: Identifier?
    for file in files {
        let document = try PlanFile.parse(Array(file.text.utf8), file: file.name)
        try await engine.importPlan(document, context: office("Import \(file.name)"), adopt: document.adoption == nil ? nil : .afterImport)
        plan = document.plan
    }
    return plan!
}

/// A county example's files, in order.
func countyFiles(_ county: String) throws -> [(name: String, text: String)] {
    let directory = repositoryRoot.appendingPathComponent("Examples/plans/\(county)")
    return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted().map { name in
        (name, try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
    }
}

/// The complete example of docs/plan-format.md: a small plan with every kind of record.
func formatExample() throws -> String {
    let markdown = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/plan-format.md"), encoding: .utf8)
    let start = markdown.range(of: "## A complete example")!.upperBound
    let block = markdown[start...].components(separatedBy: "```yaml\n")[1].components(separatedBy: "\n```")[0]
    return String(block)
}
