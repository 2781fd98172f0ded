import Foundation
@testable import StrategyCore
import Testing

/// Old stores stay readable: the county examples' event logs as an earlier version of the engine recorded them
/// (`Fixtures/county-logs`) decode with today's types, replay to the plan that importing the examples gives today,
/// and every adopted version's sealed content hash still matches.
@Suite("Stored-data compatibility", .timeLimit(.minutes(5)))
struct CompatibilityTests {
    static let directory = repositoryRoot.appendingPathComponent("Tests/StrategyCoreTests/Fixtures/county-logs")

    /// One stored event per line: type, schema version, payload (canonical JSON, which holds no line break).
    static func log(_ events: [PlanEvent]) -> String {
        events.map { event in
            let encoded = EventCodec.encode(PlanEventEnvelope(event, context: officeContext()), as: .canonicalJSON)
            return "\(event.typeName) \(event.schemaVersion) \(String(decoding: encoded.payload, as: UTF8.self))\n"
        }.joined()
    }

    @Test("the county logs recorded before decode, replay to today's import and keep their sealed content hashes")
    func recordedLogsStayReadable() throws {
        let update = ProcessInfo.processInfo.environment["UPDATE_COUNTY_LOGS"] == "1"
        for (county, files) in try examplePlans() {
            let loaded = try loadCounty(files)
            let file = Self.directory.appendingPathComponent("\(county).log")
            if update {
                try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
                try Data(Self.log(loaded.events).utf8).write(to: file)
            }
            let stored = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            var state = PlanState.empty
            var sealedVersions = 0
            for line in stored {
                let parts = line.split(separator: " ", maxSplits: 2)
                let decoded = try EventCodec.decode(
                    type: String(parts[0]), schemaVersion: try #require(UInt32(parts[1])), encoding: "canonical-json/1",
                    payload: Array(parts[2].utf8))
                if case let .versionAdopted(adopted) = decoded.event {
                    var sealed = state
                    for field in adopted.activatedFields { sealed.fields[field]?.status = .active }
                    for goal in adopted.adoptedGoals { sealed.goals[goal]?.status = .adopted }
                    #expect(sealed.contentHash == adopted.contentHash, "\(county): version '\(adopted.label)' no longer matches its hash")
                    sealedVersions += 1
                }
                state = Plan.evolve(state, decoded.event)
            }
            #expect(sealedVersions == files.count, "\(county)")
            // The plan's own order is recorded since `plan.reordered`: today's import records it where a file lists
            // its fields, goals or measures otherwise than by code and id, a log recorded before does not. Apart from
            // it — and the hashes of the versions sealed with it — the two agree.
            var today = loaded.state, replayed = state
            for plan in [\PlanState.fieldSequence, \PlanState.goalSequence, \PlanState.measureSequence] {
                today[keyPath: plan] = nil
                replayed[keyPath: plan] = nil
            }
            today.versions = zip(today.versions, state.versions).map { now, then in
                PlanVersion(
                    label: now.label, resolution: now.resolution, body: now.body, effectiveDate: now.effectiveDate,
                    contentHash: then.contentHash, basedOn: now.basedOn, counts: now.counts, supersededBy: now.supersededBy)
            }
            #expect(replayed == today, "\(county): the stored log no longer replays to what importing the examples gives")
        }
    }
}
