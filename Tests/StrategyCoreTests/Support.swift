import Foundation
@testable import StrategyCore
import Testing

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The county example plans: each county's files in order.
func examplePlans() throws -> [(county: String, files: [URL])] {
    let root = repositoryRoot.appendingPathComponent("Examples/plans")
    return try FileManager.default.contentsOfDirectory(atPath: root.path).sorted().map { county in
        let directory = root.appendingPathComponent(county)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        return (county, files.map { directory.appendingPathComponent($0) })
    }
}

func parsePlanFile(_ url: URL) throws -> PlanDocument {
    try PlanFile.parse([UInt8](Data(contentsOf: url)), file: url.lastPathComponent)
}

/// The context an office uses when it imports a revision.
func officeContext(_ reason: String = "Fortschreibung laut Plandatei", resolution: String? = nil, on date: String = "2024-01-15") -> EventContext {
    EventContext(actor: "p-0042", role: "Bildungsbüro", reason: reason, resolution: resolution, effectiveDate: CalendarDate(date))
}

/// Imports a county's files one after another, adopting where a file says so. Returns the events and states.
func loadCounty(_ files: [URL]) throws -> (events: [PlanEvent], state: PlanState) {
    var state = PlanState.empty
    var events: [PlanEvent] = []
    for file in files {
        let document = try parsePlanFile(file)
        let imported = try Reconciler.reconcile(document, state: state, context: officeContext("Import \(file.lastPathComponent)"))
        events += imported.events
        state = imported.state
        if let adoption = document.adoption {
            let adopted = try Plan.decide(.adopt(label: adoption.label, resolution: adoption.resolution, effectiveDate: adoption.effective),
                                          context: officeContext("Beschluss", resolution: adoption.resolution), state: state)
            events += adopted
            state = Plan.replay(adopted, from: state)
        }
    }
    return (events, state)
}

/// A refusal of an unusable value as the English message states it (`field: reason`); the German wording of the
/// same refusal is checked by the vocabulary tests.
func invalid(field: String, reason: String) -> String { "\(field): \(reason)" }

/// A refusal for want of a reason as the English message states it.
func reasonRequired(kind: EntityKind, id: String, action: String) -> String {
    DomainError.reasonRequired(kind: kind, id: id, action: Wording(de: action, en: action)).description
}

/// Whether the refusal says `message` in English.
func == (refusal: DomainError?, message: String) -> Bool { refusal?.description == message }
