import Foundation
import StrategyCore
import Testing

@Suite("Typed keys: entities and event kinds", .timeLimit(.minutes(3)))
struct TypedKeysTests {
    @Test("an entity key reads and writes its text form; what is no key is refused")
    func entityKeys() throws {
        let keys: [(String, EntityKey)] = [
            ("plan", .plan), ("resolution:KT-2025/014", .resolution("KT-2025/014")),
            ("ziel-a1", .entity(Identifier("ziel-a1"))),
        ]
        for (text, key) in keys {
            #expect(EntityKey(rawValue: text) == key && key.rawValue == text && key.description == text)
            let json = try JSONEncoder().encode(key)
            #expect(String(decoding: json, as: UTF8.self) == "\"\(text.replacingOccurrences(of: "/", with: "\\/"))\"")
            #expect(try JSONDecoder().decode(EntityKey.self, from: json) == key)
        }
        let literal: EntityKey = "resolution:KT-2025/014"
        #expect(literal == .resolution("KT-2025/014"))
        for bad in ["", "Ziel A", "resolution:", "resolution:  ", "ZIEL"] {
            #expect(EntityKey(rawValue: bad) == nil, "'\(bad)'")
        }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(EntityKey.self, from: Data("\"Ziel A\"".utf8)) }
    }

    @Test("every event names its kind, whose raw value is the type name in the log; families gather a prefix")
    func eventKinds() {
        #expect(EventSamples.all.map(\.kind) == PlanEvent.Kind.allCases)
        for event in EventSamples.all {
            #expect(event.kind.rawValue == event.typeName && event.kind.schemaVersion == event.schemaVersion)
        }
        #expect(PlanEvent.Kind.family("goal") == [.goalFormulated, .goalRevised, .goalMoved, .goalStatusChanged])
        #expect(PlanEvent.Kind.family("go").isEmpty && PlanEvent.Kind.family("").isEmpty)
        #expect(PlanEvent.Kind(rawValue: "goal.formuliert") == nil)
    }

    @Test("an event's effects name entities by key: the plan, a resolution by number, others by id")
    func effects() throws {
        let adopted = EventSamples.all.first { $0.kind == .versionAdopted }!
        let entities = adopted.effects.map(\.entity)
        #expect(entities.contains(.plan) && entities.contains { if case .resolution = $0 { true } else { false } })
        let formulated = EventSamples.all.first { $0.kind == .goalFormulated }!
        #expect(formulated.effects.allSatisfy { if case .entity = $0.entity { true } else { false } })
    }

    @Test("ids, dates and amounts can be written as literals; a literal that is no valid value stops the program")
    func literals() async throws {
        let goal: Identifier = "ziel-a1"
        #expect(goal == (try Identifier(String("ziel-a1"))))
        let dates: [CalendarDate] = ["2025-04-01", "2010-11", "2017-spring", "2010", "before 2018"]
        #expect(dates.map(\.description) == ["2025-04-01", "2010-11", "2017-spring", "2010", "before 2018"])
        let budget: EuroAmount = 25_000
        #expect(budget.cents == 2_500_000 && budget.description == "25000.00")
        // A literal is source code: a wrong one is a programming error, found by the first run.
        await #expect(processExitsWith: .failure) { _ = Identifier(stringLiteral: "Ziel A") }
        await #expect(processExitsWith: .failure) { _ = CalendarDate(stringLiteral: "31.07.2019") }
        await #expect(processExitsWith: .failure) { _ = EntityKey(stringLiteral: "resolution:") }
    }
}
