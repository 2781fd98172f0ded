// `strategyctl observation …`: values of indicators and their corrections.
import ArgumentParser
import Foundation
import Projections
import StrategyCore

/// `strategyctl observation …`: indicator values.
struct ObservationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observation", abstract: Terminal.say("Einen Wert einer Kennzahl erfassen oder berichtigen.", "Record or correct a value of an indicator."),
        subcommands: [Record.self, Correct.self])

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: Terminal.say("Den Wert einer Kennzahl für einen Zeitraum und ein Gebiet erfassen.", "Record an indicator's value for a period and region."))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: .say("Die Kennung der Kennzahl.", "The indicator's id.")) var indicator: String
        @Argument(help: .say("Der Wert, eine Dezimalzahl wie 6,8.", "The value, a decimal such as 6.8.")) var value: String
        @Option(name: .long, help: .say("Der Zeitraum, zum Beispiel 2023/24.", "The period, for example 2023/24.")) var period: String
        @Option(name: .long, help: .say("Das Gebiet.", "The region.")) var region: String
        @Option(name: .long, help: .say(
            "Die Kennung des Messwerts (Standard: gebildet aus Kennzahl, Zeitraum und Gebiet).",
            "The observation's id (default: derived from indicator, period and region)."))
        var id: String?

        func run() async throws {
            try await reportingFailures {
                let indicatorID = try identifier(indicator, Terminal.say("Kennung der Kennzahl", "indicator id"))
                guard let quantity = Numbers.quantity(value) else { throw notADecimal(value) }
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { state in
                    let observation = try id.map { try identifier($0, Terminal.say("Kennung des Messwerts", "observation id")) }
                        ?? state.newObservationID(indicator: indicatorID, period: period, region: region)
                    return [.recordObservation(ObservationRecorded(observation: observation, indicator: indicatorID, period: period, region: region, value: quantity))]
                }
            }
        }
    }

    struct Correct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "correct",
            abstract: Terminal.say(
                "Einen Messwert durch einen neuen berichtigen, der ihn benennt (erfordert --reason).",
                "Correct an observation by a new one that names it (needs --reason)."))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: .say("Der zu berichtigende Messwert.", "The observation to correct.")) var id: String
        @Argument(help: .say("Der berichtigte Wert.", "The corrected value.")) var value: String
        @Option(name: .customLong("new-id"), help: .say(
            "Die Kennung des berichtigenden Messwerts (Standard: ID-k, dann ID-k2 …).", "The correcting observation's id (default: ID-k, then ID-k2 …)."))
        var newID: String?

        func run() async throws {
            try await reportingFailures {
                let corrected = try identifier(id, Terminal.say("Kennung des Messwerts", "observation id"))
                guard let quantity = Numbers.quantity(value) else { throw notADecimal(value) }
                try await ChangeRunner(storeOptions: storeOptions, writeOptions: writeOptions).run { state in
                    let observation = try newID.map { try identifier($0, Terminal.say("Kennung des Messwerts", "observation id")) }
                        ?? state.correctionID(for: corrected)
                    return [.correctObservation(ObservationCorrected(observation: observation, corrects: corrected, value: quantity, reason: writeOptions.reason ?? ""))]
                }
            }
        }
    }
}

/// The refusal of a value that is not a decimal number.
private func notADecimal(_ value: String) -> CommandFailure {
    CommandFailure(message: Terminal.say("'\(value)' ist keine Dezimalzahl (29.5 oder 29,5)", "'\(value)' is not a decimal number (29.5 or 29,5)"), status: .usage)
}
