import CountyToolCore
import Foundation
import Projections
import StrategyCore
import Testing

@Suite("county-tool's arguments, errors and exit status, against a fake", .timeLimit(.minutes(3)))
struct CommandTests {
    static let today: CalendarDate = "2024-06-01"

    /// Runs the command on the fake, whatever the path.
    func run(_ arguments: [String], source: FakePlanSource) -> CountyToolCommand.Outcome {
        CountyToolCommand.run(arguments, today: Self.today) { (_: String) throws(EngineError) -> any PlanSource in source }
    }

    @Test("a known plan: the report on standard output, nothing on standard error, status 0; the key date defaults to today")
    func success() throws {
        let source = try Testkreis.source()
        let outcome = run(["/srv/strategie", "testkreis"], source: source)
        #expect(outcome.status == 0 && outcome.errors.isEmpty)
        #expect(outcome.output == (try StatusReport.build(plan: Testkreis.plan, keyDate: Self.today, from: source)).text())
        let earlier = run(["/srv/strategie", "testkreis", "2024-01-31"], source: source)
        #expect(earlier.output.contains("- In Kraft am 2024-01-31: keine Fassung"))
    }

    @Test("the fake's unknownPlan becomes the tool's German error text, with the plans the store holds, and status 1")
    func unknownPlan() throws {
        let outcome = run(["/srv/strategie", "kreis-gibt-es-nicht"], source: try Testkreis.source())
        #expect(outcome.status == 1 && outcome.output.isEmpty)
        let engineText = EngineError.unknownPlan("kreis-gibt-es-nicht").text(in: .de)
        #expect(engineText == "der Speicher enthält keinen Plan 'kreis-gibt-es-nicht'")
        #expect(outcome.errors == "county-tool: Fehler: \(engineText); vorhandene Pläne: testkreis, nachbarkreis\n")
    }

    @Test("any engine error is said in German, its exit status by its category")
    func engineErrors() throws {
        var source = try Testkreis.source()
        source.failure = .derivedDataMismatch(Wording(de: "Schnappschuss passt nicht", en: "snapshot does not match"))
        let damaged = run(["/srv/strategie", "testkreis"], source: source)
        #expect(damaged.status == 3)
        #expect(damaged.errors == "county-tool: Fehler: abgeleitete Daten widersprechen dem Protokoll: Schnappschuss passt nicht\n")

        source.failure = .conflict(plan: "testkreis", expected: 3, actual: 4)
        #expect(run(["/srv/strategie", "testkreis"], source: source).status == 4)
    }

    @Test("a store that cannot be opened: the opener's error in German and status 1")
    func storeCannotBeOpened() {
        let failure = EngineError.store(.notAStore(path: "/srv/leer", reason: Wording(de: "kein Verzeichnis", en: "not a directory")))
        let outcome = CountyToolCommand.run(["/srv/leer", "testkreis"], today: Self.today) { (_: String) throws(EngineError) -> any PlanSource in
            throw failure
        }
        #expect(outcome.status == 1 && outcome.output.isEmpty)
        #expect(outcome.errors.hasPrefix("county-tool: Fehler: der Speicher '/srv/leer' kann nicht geöffnet werden: "))
        #expect(outcome.errors.contains(failure.text(in: .de)))
    }

    @Test("unusable arguments: usage or the reason, status 2, and the store is never opened")
    func usage() throws {
        let source = try Testkreis.source()
        var opened = 0
        func run(_ arguments: [String]) -> CountyToolCommand.Outcome {
            CountyToolCommand.run(arguments, today: Self.today) { (_: String) throws(EngineError) -> any PlanSource in
                opened += 1
                return source
            }
        }
        let none = run([])
        #expect(none.status == 2 && none.errors.contains("Aufruf: county-tool SPEICHERPFAD PLAN-ID [STICHTAG]"))
        #expect(run(["/srv/strategie", "testkreis", "2024-06-01", "mehr"]).status == 2)
        let badID = run(["/srv/strategie", "Plan A"])
        #expect(badID.status == 2 && badID.errors.hasPrefix("county-tool: Fehler: 'Plan A' ist keine gültige Plan-ID: "))
        let badDate = run(["/srv/strategie", "testkreis", "Juni 2024"])
        #expect(badDate.status == 2 && badDate.errors.contains("'Juni 2024' ist kein Stichtag"))
        // A partial date names no single key day.
        #expect(run(["/srv/strategie", "testkreis", "2024-06"]).status == 2)
        #expect(opened == 0)
        let help = run(["--help"])
        #expect(help.status == 0 && help.output.hasPrefix("Aufruf:") && help.errors.isEmpty)
    }
}
