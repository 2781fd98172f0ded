import EventStore
import Foundation
import Projections
import StrategyCore
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh store directory, removed by `remove()`.
struct TemporaryStore {
    let path = FileManager.default.temporaryDirectory.path + "/projections-tests-\(UUID().uuidString.prefix(8))"
    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func engine(snapshotInterval: UInt64 = 500, readOnly: Bool = false) throws -> StrategyEngine {
        try StrategyEngine(path: path, readOnly: readOnly, durability: readOnly ? .durable : .relaxed, snapshotInterval: snapshotInterval)
    }
}

func id(_ text: String) -> Identifier { try! Identifier(text) }

func office(_ reason: String = "Fortschreibung", resolution: String? = nil, on date: String = "2025-01-15") -> EventContext {
    EventContext(actor: "p-0042", role: "Bildungsbüro", reason: reason, resolution: resolution, effectiveDate: CalendarDate(date))
}

func countyFiles(_ county: String) throws -> [URL] {
    let directory = repositoryRoot.appendingPathComponent("Examples/plans/\(county)")
    return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        .map { directory.appendingPathComponent($0) }
}

/// Imports a county's plan files into the engine, adopting where a file says so.
@discardableResult
func loadCounty(_ county: String, into engine: StrategyEngine) async throws -> Identifier {
    var plan: Identifier?
    for file in try countyFiles(county) {
        let document = try PlanFile.parse([UInt8](Data(contentsOf: file)), file: file.lastPathComponent)
        try await engine.importPlan(document, context: office("Import \(file.lastPathComponent)"))
        if let adoption = document.adoption {
            try await engine.execute(.adopt(label: adoption.label, resolution: adoption.resolution, effectiveDate: adoption.effective),
                                     on: document.plan, context: office("Beschluss \(adoption.resolution)", resolution: adoption.resolution))
        }
        plan = document.plan
    }
    return plan!
}
