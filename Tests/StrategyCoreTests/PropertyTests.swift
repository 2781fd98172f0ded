import Foundation
import PropertyBased
@testable import StrategyCore
import StrategyTestSupport
import Testing

@Suite("Properties", .timeLimit(.minutes(10)))
struct PropertyTests {
    @Test("random valid histories: folding the events gives the state of applying the commands; codec is the identity")
    func foldEqualsApply() async {
        await propertyCheck(count: 120, input: Gen.int(in: 0...Int(Int32.max)).array(of: 20...150)) { seeds in
            var state = PlanState.empty
            var envelopes: [PlanEventEnvelope] = []
            var refused = 0
            for seed in seeds {
                var random = SplitMix(seed)
                guard let command = RandomCommands.make(&random, state) else { continue }
                let context = RandomCommands.context(&random, state)
                do {
                    let events = try Plan.decide(command, context: context, state: state)
                    #expect(try Plan.decide(command, context: context, state: state) == events, "decide is deterministic")
                    for event in events {
                        state = Plan.evolve(state, event)
                        envelopes.append(PlanEventEnvelope(event, context: context))
                        if case let .versionAdopted(version) = event {
                            #expect(state.contentHash == version.contentHash, "the sealed hash is the hash of the state the adoption leads to")
                        }
                    }
                } catch {
                    refused += 1
                }
            }
            if ProcessInfo.processInfo.environment["PROPERTY_STATS"] != nil { print("events \(envelopes.count) refused \(refused) fields \(state.fields.count) goals \(state.goals.count) measures \(state.measures.count) versions \(state.versions.count)") }
            #expect(Plan.replay(envelopes.map(\.event)) == state)
            #expect(invariantViolations(state) == [])
            var decoded: [PlanEvent] = []
            for envelope in envelopes {
                for encoding in EventCodec.Encoding.allCases {
                    let encoded = EventCodec.encode(envelope, as: encoding)
                    let back = try EventCodec.decode(type: encoded.typeName, schemaVersion: encoded.schemaVersion, encoding: encoded.encoding, payload: encoded.payload)
                    #expect(back == envelope)
                    #expect(EventCodec.encode(back, as: encoding).payload == encoded.payload)
                    if encoding == .binary { decoded.append(back.event) }
                }
            }
            #expect(Plan.replay(decoded) == state)
            #expect(Plan.replay(decoded).contentHash == state.contentHash)
        }
    }

    @Test("random states export to a file that imports back without changes")
    func exportImport() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...Int(Int32.max)).array(of: 20...120)) { seeds in
            var state = PlanState.empty
            for seed in seeds {
                var random = SplitMix(seed)
                guard let command = RandomCommands.make(&random, state) else { continue }
                if let events = try? Plan.decide(command, context: RandomCommands.context(&random, state), state: state) {
                    state = Plan.replay(events, from: state)
                }
            }
            guard state.exists else { return }
            let yaml = PlanFileWriter.yaml(state)
            let document = try PlanFile.parse(Array(yaml.utf8), file: "random.yaml")
            let again = try Reconciler.reconcile(document, state: state, context: EventContext(reason: "Reimport"))
            #expect(again.events.isEmpty, "\(again.events.map(\.typeName))\n\(yaml)")
        }
    }
}
