// How a county's own tool embeds the engine: open a store, import a plan file, adopt it by a council resolution,
// change it, adopt again, then print the Änderungsprotokoll between the two versions and the blame of one goal.
//
//   swift run embedding-example [STORE-DIRECTORY]
//
// Without an argument it works in a new temporary directory and uses Heidekreis' two plan files from
// Examples/plans/heidekreis.
import Foundation
import Projections
import StrategyCore

let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("plans/heidekreis")
let storePath = CommandLine.arguments.dropFirst().first
    ?? FileManager.default.temporaryDirectory.appendingPathComponent("embedding-example-\(UUID().uuidString.prefix(8))").path

func plan(_ name: String) throws -> PlanDocument {
    let url = examples.appendingPathComponent(name)
    // Check the size the file system reports before reading: a plan file has at most PlanFile.maximumSize bytes.
    let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
    try PlanFile.checkSize(size, file: name)
    return try PlanFile.parse([UInt8](try Data(contentsOf: url)), file: name)
}

do {
    // 1. Open the store (created if missing) and an engine on it.
    let engine = try StrategyEngine(path: storePath)
    let office = EventContext(actor: "p-0042", role: "Bildungsbüro", reason: "Masterplan Bildung aufstellen", effectiveDate: CalendarDate("2021-06-01"))

    // 2. Import the first plan file and adopt it by the Kreistag's resolution.
    let first = try plan("01-masterplan-bildung.yaml")
    let imported = try await engine.importPlan(first, context: office)
    print("imported \(first.plan): \(imported.events.count) events")
    try await engine.execute(.adopt(label: "Masterplan Bildung 1.0", resolution: "2021/0117", effectiveDate: CalendarDate("2021-08-01")),
                             on: first.plan, context: EventContext(actor: "p-0042", role: "Bildungsbüro", resolution: "2021/0117"))

    // 3. Change it: the Fortschreibung's plan file, then one everyday change by command.
    let second = try plan("02-masterplan-bildung-2-0.yaml")
    var revision = office
    revision.reason = "Fortschreibung zum Masterplan Bildung 2.0"
    try await engine.importPlan(second, context: revision)
    try await engine.execute(.changeMeasureStatus(Identifier("m-hochschulkooperation"), to: .inProgress, reason: nil),
                             on: second.plan, context: EventContext(actor: "p-0042", role: "Bildungsbüro", effectiveDate: CalendarDate("2025-01-10")))

    // 4. Adopt again.
    try await engine.execute(.adopt(label: "Masterplan Bildung 2.0", resolution: "2025/0042", effectiveDate: CalendarDate("2025-03-01")),
                             on: second.plan, context: EventContext(actor: "p-0042", role: "Bildungsbüro", resolution: "2025/0042"))

    // 5. The version history, the Änderungsprotokoll between the versions, and the blame of one goal.
    for version in try engine.versions(of: second.plan) {
        print("version \(version.label): adopted by \(version.bodyName) (\(version.resolution)), in force from \(version.effectiveDate), position \(version.position)")
    }
    print()
    print(try engine.diff(second.plan, from: .version("Masterplan Bildung 1.0"), to: .version("Masterplan Bildung 2.0")).renderMarkdown())
    print("Blame of goal ziel-abschluss:")
    for blame in try engine.blame("ziel-abschluss", in: second.plan) {
        print("  \(blame.attribute): \(blame.value.prefix(60)) — \(blame.setBy.type) at \(blame.setBy.position) by \(blame.setBy.actor ?? "?") (\(blame.setBy.reason ?? "no reason"))")
    }
    let head = try engine.head()
    print("\nstore \(storePath), chain head \(head.map(String.init(describing:)) ?? "-")")
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
