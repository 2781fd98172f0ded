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
