import EventStore
import Foundation
@testable import Projections
import StrategyCore
import Testing

@Suite("Time travel and snapshots", .timeLimit(.minutes(5)))
struct TimeTravelTests {
    @Test("a plan read at a version, a resolution, a position, a recorded time and an effective date")
    func points() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let plan = try await loadCounty("stade", into: engine)
        let versions = try engine.versions(of: plan)
        #expect(versions.map(\.label) == ["Bildungsstrategie 2019", "Bildungsstrategie 2024"])
        #expect(versions[0].supersededBy == "Bildungsstrategie 2024" && versions[1].basedOn == "Bildungsstrategie 2019")
        #expect(versions[1].bodyName == "Kreistag Stade" && versions[1].resolutionDate == CalendarDate("2024-03-21"))

        let first = try engine.state(of: plan, at: .version("Bildungsstrategie 2019"))
        #expect(first.position == versions[0].position)
        #expect(first.state.fields.keys.sorted() == [id("hf-bildungsberatung"), id("hf-uebergaenge")])
        #expect(first.state.contentHash == versions[0].contentHash)
        #expect(try engine.state(of: plan, at: .resolution("V-2019/211")).state == first.state)
        // A resolution that adopted nothing: the plan as it was when it was recorded.
        let recommendation = try engine.state(of: plan, at: .resolution("V-2024/037"))
        #expect(recommendation.state.resolutions["V-2024/037"] != nil && recommendation.state.versions.count == 1)
        #expect(try engine.state(of: plan, at: .position(first.position)).state == first.state)

        // Business time: which version was in force on a date, by the versions' effective dates.
        #expect(try engine.state(of: plan, at: .inForce(CalendarDate("2022-06-01"))).state.versions.last?.label == "Bildungsstrategie 2019")
        #expect(try engine.state(of: plan, at: .inForce(CalendarDate("2026-08-01"))).state.goals[id("ziel-ganztag-plaetze")]?.status == .adopted)
        #expect(throws: EngineError.self) { try engine.state(of: plan, at: .inForce(CalendarDate("2019-09-30"))) }
        #expect(throws: EngineError.self) { try engine.state(of: plan, at: .version("Bildungsstrategie 2030")) }

        // Recorded time: what the system showed at a moment.
        let adoptionTime = versions[0].recordedAt
        #expect(try engine.state(of: plan, at: .recordedAt(adoptionTime)).position >= versions[0].position)
        // Before the plan's first event, every kind of point is the same clear error, never an empty plan.
        for before in [PointInTime.recordedAt(Date(timeIntervalSince1970: 0)), .position(0), .effectiveOn(CalendarDate("1990-01-01"))] {
            #expect(throws: EngineError.self, "\(before)") { try engine.state(of: plan, at: before) }
        }
        // Business time: everything effective by a date, whenever recorded.
        let effective = try engine.state(of: plan, at: .effectiveOn(CalendarDate("2100-01-01")))
        #expect(try effective.state == engine.state(of: plan).state)
        #expect(try engine.state(of: plan, at: .recordedAt(Date().addingTimeInterval(3600))).state == engine.state(of: plan).state)
    }

    @Test("snapshots every N events and at every adoption; snapshot + tail equals a replay from zero, byte for byte")
    func snapshots() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine(snapshotInterval: 10)
        let plan = try await loadCounty("heidekreis", into: engine)
        let positions = try engine.store.snapshotPositions(named: "snapshot/heidekreis")
        let versions = try engine.versions(of: plan)
        #expect(positions.count > versions.count)
        for version in versions { #expect(positions.contains(version.position), "no snapshot at the adoption of \(version.label)") }
        let head = try engine.state(of: plan).position
        for position in stride(from: UInt64(1), through: head, by: 3) {
            let viaSnapshot = try engine.state(of: plan, at: .position(position)).state
            let replayed = try engine.replayedState(of: plan, upTo: position)
            #expect(try CanonicalJSON.encode(viaSnapshot) == CanonicalJSON.encode(replayed), "position \(position)")
        }
    }

    @Test("a large state is snapshotted at least one event per KiB of its last snapshot apart; reads stay exact")
    func snapshotSpacing() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine(snapshotInterval: 10)
        let plan = try await loadCounty("heidekreis", into: engine)
        let indicator = id("kz-abstand")
        try await engine.execute(.defineIndicator(IndicatorDefined(
            indicator: indicator, code: "KA", name: "Abstand", unit: "Anzahl", polarity: .higherIsBetter, source: "Test")), on: plan, context: office())
        let start = try engine.state(of: plan).streamVersion
        for batch in 0..<30 {
            let commands = (0..<100).map { index -> PlanCommand in
                .recordObservation(ObservationRecorded(
                    observation: id("obs-\(batch)-\(index)"), indicator: indicator, period: "20\(10 + index % 15)",
                    region: "Gemeinde \(batch)", value: Quantity("\(index).\(batch)")!))
            }
            try await engine.execute(commands, on: plan, context: office())
        }
        // Map the stored snapshots of the observation phase to stream versions and sizes.
        var sizes: [(version: UInt64, bytes: Int)] = []
        var cursor = engine.store.events(inStream: PlanStreams.streamID(plan))
        var versionAt: [UInt64: UInt64] = [:]
        while let event = try cursor.next() { versionAt[event.position] = event.streamVersion }
        for position in try engine.store.snapshotPositions(named: StateSnapshot.name(plan)) {
            let stored = try #require(try engine.store.snapshot(named: StateSnapshot.name(plan), atOrBefore: position))
            if let version = versionAt[position], version > start { sizes.append((version, stored.bytes.count)) }
        }
        try #require(sizes.count >= 3)
        for (previous, next) in zip(sizes, sizes.dropFirst()) {
            #expect(next.version - previous.version >= max(10, UInt64(previous.bytes / 1_024)), "\(previous) -> \(next)")
        }
        // 3,000 events at an interval of 10 would be 300 snapshots of a growing state; spaced by size, far fewer.
        #expect(sizes.count < 100)
        #expect(sizes.last!.bytes > 100 * 1_024)
        // Reads between the sparser snapshots replay a longer tail, and still give the state of a full replay.
        for (previous, next) in zip(sizes, sizes.dropFirst()).suffix(3) {
            let middle = try #require(versionAt.first { $0.value == (previous.version + next.version) / 2 }?.key)
            #expect(try engine.state(of: plan, at: .position(middle)).state == (try engine.replayedState(of: plan, upTo: middle)))
        }
    }

    @Test("a damaged, foreign or outdated snapshot is ignored and the state rebuilt from the log")
    func untrustedSnapshots() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let plan: Identifier
        let expected: PlanState
        let forgedPosition: UInt64
        do {
            let engine = try store.engine(snapshotInterval: 5)
            plan = try await loadCounty("vechta", into: engine)
            expected = try engine.state(of: plan).state
            let latest = try #require(try engine.store.snapshot(named: "snapshot/vechta"))
            // Tamper with the newest snapshot's state but keep its hash: it must be rejected. (Both titles have
            // 19 UTF-8 bytes, so only the text changes.)
            let original = Array("Lebenslanges Lernen".utf8), forged = Array("Gefälschtes Lernen".utf8)
            try #require(original.count == forged.count)
            var bytes = latest.bytes
            let at = try #require(bytes.indices.first { bytes[$0...].starts(with: original) })
            bytes.replaceSubrange(at..<(at + original.count), with: forged)
            try engine.store.saveSnapshot(bytes, name: "snapshot/vechta", position: latest.position)
            forgedPosition = latest.position
            // An unreadable snapshot and one of a future format, at the end of the log.
            let head = try engine.state(of: plan).position
            try engine.store.saveSnapshot(Array("kein JSON".utf8), name: "snapshot/vechta", position: head + 1)
            try engine.store.saveSnapshot(Array(#"{"format":99}"#.utf8), name: "snapshot/vechta", position: head + 2)
        }
        let fresh = try store.engine(snapshotInterval: 5)
        #expect(try fresh.state(of: plan).state == expected)
        #expect(try fresh.state(of: plan, at: .draft).state.fields[id("hf-a")]?.title == "Lebenslanges Lernen")
        // Reading never writes: the damaged snapshot is still there, unused. A rebuild from the log replaces it.
        let kept = try #require(try fresh.store.snapshot(named: "snapshot/vechta", atOrBefore: forgedPosition))
        #expect(kept.position == forgedPosition)
        #expect(StateSnapshot.validated(kept, plan: plan, store: fresh.store) == nil)
        _ = try fresh.rebuildReadModels(of: plan)
        let rewritten = try #require(try fresh.store.snapshot(named: "snapshot/vechta", atOrBefore: forgedPosition))
        #expect(StateSnapshot.validated(rewritten, plan: plan, store: fresh.store) != nil)
    }

    @Test("a store the engine cannot write still answers every read, keeping its index in memory")
    func readOnly() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let plan: Identifier
        do {
            let engine = try store.engine(snapshotInterval: 1_000_000)
            plan = try await loadCounty("boerde", into: engine)
            // Remove the derived data, as if the index had never been written.
            for name in ["index/boerde/head", "index/boerde/versions", "index/boerde/entity/strategie-netzwerktreffen", "snapshot/boerde"] {
                try engine.store.deleteSnapshots(named: name)
            }
        }
        let auditor = try store.engine(readOnly: true)
        #expect(try auditor.versions(of: plan).count == 2)
        #expect(try auditor.history(of: "strategie-netzwerktreffen", in: plan).map(\.type) == ["goal.formulated", "version.adopted"])
        #expect(try auditor.state(of: plan, at: .version("Bildungsleitbild 2024")).state.fields.isEmpty)
        #expect(try auditor.store.snapshotPositions(named: "index/boerde/versions").isEmpty)
    }
}
