import EventStore
import Foundation
@testable import Projections
import StrategyCore
import Testing

/// A store recorded by strategyctl 0.2.0, whose payloads are all canonical JSON (`Fixtures/store-0.2.0`, made with
/// `strategyctl demo --store DIR`; `manifest.txt` holds the head, the drafts' and versions' content hashes that
/// release showed). Today's engine, which writes binary payloads, must open, verify, replay and extend it.
@Suite("Stores recorded before binary payloads", .timeLimit(.minutes(3)))
struct OldStoreTests {
    static let fixture = repositoryRoot.appendingPathComponent("Tests/ProjectionsTests/Fixtures/store-0.2.0")

    struct Manifest {
        var head: ChainHead
        var drafts: [Identifier: (position: UInt64, hash: String)] = [:]
        var versions: [Identifier: [(position: UInt64, hash: String, label: String)]] = [:]
    }

    static func manifest() throws -> Manifest {
        let lines = try String(contentsOf: fixture.appendingPathComponent("manifest.txt"), encoding: .utf8).split(separator: "\n")
        let headLine = try #require(lines.first { $0.hasPrefix("head ") })
        var manifest = Manifest(head: try #require(ChainHead(String(headLine.dropFirst(5)))))
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 4).map(String.init)
            switch parts.first {
            case "draft": manifest.drafts[id(parts[1])] = (try #require(UInt64(parts[2])), parts[3])
            case "version": manifest.versions[id(parts[1]), default: []].append((try #require(UInt64(parts[2])), parts[3], parts[4]))
            default: continue
            }
        }
        return manifest
    }

    /// A copy of the fixture, so that no test writes into the repository.
    static func copy() throws -> TemporaryStore {
        let store = TemporaryStore()
        try FileManager.default.createDirectory(atPath: store.path, withIntermediateDirectories: true)
        for file in ["data.mdb", "store-id"] {
            try FileManager.default.copyItem(atPath: fixture.appendingPathComponent(file).path, toPath: store.path + "/" + file)
        }
        return store
    }

    @Test("an old store verifies against its cited head and replays to the plans and versions it held")
    func readsAsBefore() throws {
        let manifest = try Self.manifest()
        let store = try Self.copy()
        defer { store.remove() }
        let engine = try store.engine(readOnly: true)
        let report = try engine.verify(expectedHead: manifest.head)
        #expect(report.isIntact, "\(report.problems)")
        #expect(try engine.head() == manifest.head)
        #expect(try engine.plans(includeWithdrawn: true) == manifest.drafts.keys.sorted { $0.rawValue < $1.rawValue })
        for (plan, draft) in manifest.drafts {
            let view = try engine.state(of: plan)
            #expect(view.position == draft.position && view.state.contentHash == draft.hash, "\(plan)")
            let versions = try engine.versions(of: plan)
            #expect(versions.map(\.label) == manifest.versions[plan]?.map(\.label), "\(plan)")
            #expect(versions.map(\.contentHash) == manifest.versions[plan]?.map(\.hash), "\(plan)")
            for version in versions {
                #expect(try engine.state(of: plan, at: .version(version.label)).state.contentHash == version.contentHash)
            }
            // Every stored event reads with its context, and shows its canonical JSON.
            for entry in try engine.log(of: plan) {
                let envelope = try #require(entry.envelope)
                #expect(entry.type == envelope.event.typeName)
                #expect(entry.actor == envelope.context.actor)
            }
        }
    }

    @Test("new events go in binary beside the old JSON ones; the mixed log verifies, replays and reads back alike")
    func extendsInBinary() async throws {
        let manifest = try Self.manifest()
        let store = try Self.copy()
        defer { store.remove() }
        let plan = Identifier("stade")
        let engine = try store.engine()
        let measure = try #require(try engine.state(of: plan).state.measures.values.filter { $0.status == .inProgress }.map(\.id).min { $0.rawValue < $1.rawValue })
        try await engine.execute(.reportMeasureProgress(measure, percent: 60, note: "Zwischenstand Herbst"), on: plan, context: office("Sachstand"))
        try await engine.execute(.assessMeasureHealth(measure, health: .atRisk, note: nil), on: plan, context: office("Sachstand"))

        // The old records keep their encoding; the new ones are binary.
        let first = try #require(try engine.store.event(at: 1))
        #expect(first.encoding == "canonical-json/1")
        let head = try #require(try engine.head())
        for position in head.position - 1...head.position {
            #expect(try #require(try engine.store.event(at: position)).encoding == "binary/1")
        }
        let report = try engine.verify(expectedHead: manifest.head)
        #expect(report.isIntact, "\(report.problems)")

        // The draft moved on; the versions adopted before did not.
        let draft = try engine.state(of: plan).state
        #expect(draft.measures[measure]?.progress == 60 && draft.measures[measure]?.health == .atRisk)
        for version in try engine.versions(of: plan) {
            #expect(try engine.state(of: plan, at: .version(version.label)).state.contentHash == version.contentHash)
        }
        // A replay from the log and a second engine both read the mixed log to the same state.
        let replay = try engine.rebuildReadModels(of: plan)
        #expect(replay.position == head.position)
        engine.close()
        let reader = try store.engine(readOnly: true)
        #expect(try reader.state(of: plan).state == draft)
        let entries = try reader.log(of: plan)
        #expect(entries.last?.envelope?.event == .measureHealthAssessed(MeasureHealthAssessed(measure: measure, health: .atRisk)))
        // Their JSON shows the same canonical form for both encodings, and reads back to the same entries.
        let json = try JSONEncoder().encode(entries)
        #expect(try JSONDecoder().decode([LogEntry].self, from: json) == entries)
        let objects = try #require(try JSONSerialization.jsonObject(with: json) as? [[String: Any]])
        #expect(objects.allSatisfy { ($0["payload"] as? [String: Any])?["data"] != nil })
    }
}
