import EventStore
import Foundation
@testable import Projections
import PropertyBased
import StrategyCore
import StrategyTestSupport
import Testing

@Suite("Projection properties", .timeLimit(.minutes(10)))
struct ProjectionPropertyTests {
    /// Records a random history through an engine on a real store, one command per write.
    func recordHistory(_ seeds: [Int], interval: UInt64) async throws -> (TemporaryStore, StrategyEngine, Identifier, [PlanEventEnvelope]) {
        let store = TemporaryStore()
        let engine = try store.engine(snapshotInterval: interval)
        let history = randomHistory(seeds: seeds)
        let plan = Identifier("kreis")
        for (command, context) in history.commands {
            try await engine.execute(command, on: plan, context: context)
        }
        return (store, engine, plan, history.envelopes)
    }

    @Test("incremental state = full replay = snapshot + tail at every position; time travel = replay cut there")
    func stateAgreement() async {
        await propertyCheck(count: 12, input: Gen.int(in: 0...Int(Int32.max)).array(of: 40...90)) { seeds in
            let interval = 2 + seeds.count % 8
            let (store, engine, plan, envelopes) = try await recordHistory(seeds, interval: UInt64(interval))
            defer { store.remove() }
            guard !envelopes.isEmpty else { return }
            let view = try engine.state(of: plan)
            #expect(view.state == Plan.replay(envelopes.map(\.event)))
            #expect(view.state == (try engine.replayedState(of: plan)))
            var cursor = engine.store.events(inStream: "plan:kreis")
            var folded = PlanState.empty
            var index = 0
            while let recorded = try cursor.next() {
                folded = Plan.evolve(folded, envelopes[index].event)
                index += 1
                let atPosition = try engine.state(of: plan, at: .position(recorded.position))
                #expect(atPosition.state == folded, "position \(recorded.position)")
                #expect(try CanonicalJSON.encode(atPosition.state) == CanonicalJSON.encode(try engine.replayedState(of: plan, upTo: recorded.position)))
                let atTime = try engine.state(of: plan, at: .recordedAt(recorded.recordedAt))
                #expect(atTime.position >= recorded.position)
            }
            #expect(index == envelopes.count)
        }
    }

    @Test("a stored snapshot decodes to its state; a changed byte anywhere, another plan or position is refused")
    func snapshotBytes() async {
        await propertyCheck(count: 20, input: Gen.int(in: 0...Int(Int32.max)).array(of: 10...120), Gen.int(in: 0...Int.max)) { seeds, pick in
            let history = randomHistory(seeds: seeds)
            let plan = Identifier("kreis")
            let state = Plan.replay(history.envelopes.map(\.event))
            let position = UInt64(history.envelopes.count + 3)
            let chainHash = try #require(ChainHash(bytes: (0..<32).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ seeds.count) }))
            let stored = StateSnapshot.encoded(plan: plan, position: position, streamVersion: position - 3, chainHash: chainHash, state: state)
            #expect(stored.name == "snapshot/kreis" && stored.position == position)
            let decoded = try StateSnapshot.decode(stored.bytes, plan: plan, position: position)
            #expect(decoded.state == state && decoded.streamVersion == position - 3 && decoded.chainHash == chainHash)
            #expect(throws: BinaryDecodingError.self) { try StateSnapshot.decode(stored.bytes, plan: Identifier("other"), position: position) }
            #expect(throws: BinaryDecodingError.self) { try StateSnapshot.decode(stored.bytes, plan: plan, position: position + 1) }
            // Every header byte (format, position, stream version, plan, chain hash, hash) and one byte of the state.
            for offset in Array(0..<min(112, stored.bytes.count)) + [pick % stored.bytes.count] {
                var damaged = stored.bytes
                damaged[offset] ^= 0x01
                #expect(throws: BinaryDecodingError.self, "byte \(offset) of \(damaged.count)") {
                    try StateSnapshot.decode(damaged, plan: plan, position: position)
                }
            }
        }
    }

    @Test("blame agrees with a brute-force scan of the whole stream")
    func blameAgreesWithScan() async {
        await propertyCheck(count: 10, input: Gen.int(in: 0...Int(Int32.max)).array(of: 40...90)) { seeds in
            let (store, engine, plan, _) = try await recordHistory(seeds, interval: 5)
            defer { store.remove() }
            guard let state = try? engine.state(of: plan).state else { return }
            var records: [(position: UInt64, effects: [AttributeEffect])] = []
            var cursor = engine.store.events(inStream: "plan:kreis")
            while let recorded = try cursor.next() {
                let decoded = try EventCodec.decode(type: recorded.type, schemaVersion: recorded.schemaVersion, encoding: recorded.encoding, payload: recorded.payload)
                records.append((recorded.position, decoded.event.effects))
            }
            let entities: [EntityKey] = [.plan] + (Array(state.goals.keys) + Array(state.measures.keys) + Array(state.fields.keys)).map(EntityKey.entity)
            for entity in entities {
                for blame in try engine.blame(entity, in: plan) {
                    let last = records.last { record in record.effects.contains { $0.entity == entity && $0.attributes.contains(blame.attribute) } }
                    #expect(blame.setBy.position == last?.position, "\(entity).\(blame.attribute)")
                }
                let history = try engine.history(of: entity, in: plan).map(\.position)
                #expect(history == records.filter { $0.effects.contains { $0.entity == entity } }.map(\.position))
            }
        }
    }

    @Test("diff laws: diff(A, A) is empty and applying diff(A, B) to A gives B, for random pairs")
    func diffLaws() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...Int(Int32.max)).array(of: 20...120), Gen.int(in: 0...1000), Gen.int(in: 0...1000)) { seeds, a, b in
            let history = randomHistory(seeds: seeds)
            let events = history.envelopes.map(\.event)
            guard !events.isEmpty else { return }
            let stateA = Plan.replay(events.prefix(a % (events.count + 1)))
            let stateB = Plan.replay(events.prefix(b % (events.count + 1)))
            #expect(PlanDiff(from: stateA, to: stateA).isEmpty)
            let diff = PlanDiff(from: stateA, to: stateB)
            do {
                #expect(try diff.apply(to: stateA) == stateB)
            } catch {
                Issue.record("applying the diff failed: \(error)")
            }
            #expect(diff.isEmpty == (stateA == stateB))
            _ = diff.renderText()
            _ = diff.renderMarkdown()
        }
    }
}
