import Foundation
import StrategyCore

/// Where output goes, and whether it may be coloured or show progress.
enum Terminal {
    /// Whether standard output is a terminal that accepts colour (never with `NO_COLOR` or `TERM=dumb`).
    static var colorOutput: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    /// Whether progress may be drawn on standard error.
    static var progressOnStandardError: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// The language of the output: `--lang de|en` anywhere on the command line, else the locale of the environment
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`: `de_*` is German), else English.
    static let language: Language = {
        let arguments = CommandLine.arguments
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst("--lang=".count)).lowercased()) { return language }
            if argument == "--lang", index + 1 < arguments.count, let language = Language(rawValue: arguments[index + 1].lowercased()) { return language }
        }
        return Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }()

    /// The German or the English text, by the output's language.
    static func say(_ german: String, _ english: String) -> String { language == .de ? german : english }

    /// A renderer in the output's language.
    static func renderer(persons: [Identifier: Person] = [:]) -> PlanRenderer {
        PlanRenderer(language: language, persons: persons)
    }

    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// A progress bar on standard error, drawn only on a terminal.
    final class Progress: @unchecked Sendable {
        private let label: String
        private let enabled = Terminal.progressOnStandardError
        private var lastDrawn = -1

        init(_ label: String) { self.label = label }

        func update(_ done: Int, of total: Int) {
            guard enabled, total > 0 else { return }
            let percent = min(100, done * 100 / total)
            guard percent != lastDrawn else { return }
            lastDrawn = percent
            let width = 30, filled = percent * width / 100
            Terminal.standardError("\r\(label) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(percent)% (\(done)/\(total))")
        }

        func finish() {
            if enabled && lastDrawn >= 0 { Terminal.standardError("\r\u{1B}[K") }
        }
    }
}

/// Writes a line to standard output.
func emit(_ text: String) {
    Terminal.standardOutput(text.hasSuffix("\n") ? text : text + "\n")
}

/// JSON with sorted keys and ISO 8601 dates: the stable output for scripts (see docs/strategyctl.md).
func jsonText(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}"
}

/// Left-aligned columns.
func table(_ header: [String], _ rows: [[String]]) -> String {
    let all = [header] + rows
    let widths = (0..<header.count).map { column in all.map { $0[column].count }.max() ?? 0 }
    return all.map { row in
        row.enumerated().map { index, cell in
            index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
        }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
}
