// What every change command shares: running a write with the shared options and reading ids and values.
import ArgumentParser
import Foundation
import Projections
import StrategyCore

struct ChangeRunner {
    let storeOptions: StoreOptions
    let writeOptions: WriteOptions

    func run(_ make: (PlanState) throws -> [PlanCommand]) async throws {
        let engine = try storeOptions.openForWriting()
        let plan = try storeOptions.resolvePlan(engine)
        let commands = try make(try engine.state(of: plan).state)
        do {
            reportWrite(try await engine.execute(commands, on: plan, context: try writeOptions.context(engine), expectedVersion: writeOptions.ifVersion))
        } catch let EngineError.conflict(plan, expected, actual) {
            throw conflictFailure(engine, plan: plan, expected: expected, actual: actual,
                                  hint: Terminal.say(
                                      "den Plan erneut lesen ('strategyctl show') und die Änderung wiederholen, wenn sie noch zutrifft",
                                      "read the plan again ('strategyctl show') and repeat the change if it still applies"))
        }
    }
}

/// `text` as an identifier; a refusal names the value by `what`, in the reader's language ("Kennung der Maßnahme").
func identifier(_ text: String, _ what: String) throws -> Identifier {
    do throws(IdentifierError) { return try Identifier(text) } catch {
        throw CommandFailure(message: Terminal.say("\(what): \(error.wording.de)", "invalid \(what): \(error.description)"), status: .usage)
    }
}

/// A value given on the command line: its stable key as plan files write it (`in_progress`; a hyphen is taken for
/// the underscore) or its label in German or English (`in Umsetzung`, `in progress`). An unknown value is refused
/// with what was given and the valid ones, each with its label in the user's language; `what` names the value in
/// that language too (German in the accusative: "den Status einer Maßnahme").
func choice<Value: Labelled & RawRepresentable & CaseIterable>(_ text: String, _ type: Value.Type, _ what: String) throws -> Value
where Value.RawValue == String {
    if let value = Vocabulary.value(Value.self, named: text.trimmingCharacters(in: .whitespaces)) { return value }
    let valid = Value.allCases.map { "\($0.rawValue) (\($0.label(Terminal.language)))" }.joined(separator: ", ")
    let message = Terminal.language == .de ? "'\(text)' ist kein gültiger Wert für \(what); möglich sind: \(valid)" : "'\(text)' is not a \(what); use one of: \(valid)"
    throw CommandFailure(message: message, status: .usage)
}

/// `text` as the entity of `history`, `blame` or `log --entity`: an id, `plan` or `resolution:NUMBER`.
func entityKey(_ text: String) throws -> EntityKey {
    guard let key = EntityKey(rawValue: text) else {
        throw CommandFailure(message: Terminal.say(
            "'\(text)' bezeichnet kein Element: angeben ist eine Kennung, 'plan' oder 'resolution:NUMMER'",
            "'\(text)' names no entity: give an id, 'plan' or 'resolution:NUMBER'"), status: .usage)
    }
    return key
}

/// The event kinds `log --type` names: each a type name (`goal.revised`) or a family ending in a dot (`goal.`). An
/// unknown one is refused with the families there are.
func eventKinds(_ texts: [String]) throws -> Set<PlanEvent.Kind> {
    var kinds = Set<PlanEvent.Kind>()
    for text in texts {
        let matching = text.hasSuffix(".") ? PlanEvent.Kind.family(String(text.dropLast())) : PlanEvent.Kind(rawValue: text).map { [$0] } ?? []
        guard !matching.isEmpty else {
            let families = Set(PlanEvent.Kind.allCases.map { String($0.rawValue.prefix { $0 != "." }) + "." }).sorted().joined(separator: ", ")
            throw CommandFailure(message: Terminal.say(
                "'\(text)' ist kein Ereignistyp; möglich sind Typen wie 'goal.revised' oder Familien: \(families)",
                "'\(text)' is no event type; give a type such as 'goal.revised' or a family: \(families)"), status: .usage)
        }
        kinds.formUnion(matching)
    }
    return kinds
}
