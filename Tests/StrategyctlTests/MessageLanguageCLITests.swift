import Foundation
import StrategyCore
import Testing

/// Help pages, errors, hints and the integrity commands' reports in German and in English, run through the real
/// binary: every page and message in one language, none with a word of the other.
@Suite("strategyctl: help and errors in German and English", .timeLimit(.minutes(5)))
struct MessageLanguageCLITests {
    /// Words that occur in English prose and never in German (whole words, any case).
    static let englishWords: Set<String> = [
        "the", "must", "cannot", "is", "are", "were", "which", "with", "and", "not", "of", "to", "for", "has", "have",
        "already", "first", "into", "from", "this", "that", "or", "its", "it", "be", "by", "shows", "when", "only",
        "recorded", "store", "measure", "goal", "field", "help", "information", "usage", "options", "arguments",
        "subcommands", "default", "error", "hint", "missing", "invalid",
    ]
    /// Words that occur in German prose and never in English.
    static let germanWords: Set<String> = [
        "der", "die", "das", "und", "nicht", "ist", "mit", "ein", "eine", "einen", "für", "wird", "werden", "oder", "auf",
        "zu", "den", "dem", "des", "von", "kann", "muss", "noch", "schon", "anzeigen", "fehler", "hinweis", "aufruf",
        "optionen", "argumente", "unterbefehle", "standard", "fassung", "maßnahme", "speicher", "beschluss",
    ]

    /// The words of `text` in prose: what stays after removing quoted ids and values, option names, placeholders,
    /// commands, paths and event types, which are the same in both languages.
    static func proseWords(_ text: String) -> [String] {
        var prose = text
        for pattern in ["(?m)^  [a-z-]+(?= )", "\\b[0-9a-f]{16,}\\b", "'[^'\\n]*'", "\"[^\"]*\"", "„[^“]*“", "`[^`\\n]*`", "<[^>\\n]*>",
                        "(?<![A-Za-z])--?[A-Za-z][A-Za-z-]*", "\\$?\\b[A-Z]+_[A-Z_]+\\b",
                        "[A-Za-z0-9_./-]*/[A-Za-z0-9_./-]*", "\\b[a-z]+(-[a-z]+)+\\b", "\\b[a-z]+(_[a-z]+)+\\b", "\\b[a-z]+\\.[a-z_]+\\b", "strategyctl( [a-z-]+)*", "\\([a-z_, ]+\\)"] {
            prose = prose.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return prose.lowercased().components(separatedBy: CharacterSet.letters.inverted).filter { !$0.isEmpty }
    }

    /// The words of the other language found in `text` (empty when it speaks only `language`).
    static func foreignWords(in text: String, _ language: Language) -> Set<String> {
        Set(proseWords(text)).intersection(language == .de ? englishWords : germanWords)
    }

    /// Every command path: the root, its subcommands and theirs, read from the help pages themselves.
    static func commandPaths() throws -> [[String]] {
        var paths: [[String]] = [[]]
        var queue: [[String]] = [[]]
        while let path = queue.popLast() {
            let help = try cli(path + ["--help", "--lang", "en"]).stdout
            guard let section = help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first else { continue }
            for line in section.split(separator: "\n") where line.hasPrefix("  ") && !line.hasPrefix("   ") {
                guard let name = line.split(separator: " ").first.map(String.init), name != "See", name != "help" else { continue }
                paths.append(path + [name])
                queue.append(path + [name])
            }
        }
        return paths
    }

    @Test("every help page speaks one language: German with --lang de or a German locale, English otherwise")
    func helpPages() throws {
        let paths = try Self.commandPaths()
        #expect(paths.count > 30, "found only \(paths.count) command paths")
        for path in paths {
            for language in Language.allCases {
                let help = try cli(path + ["--help", "--lang", language.rawValue])
                #expect(help.status == 0, "\(path): \(help.stderr)")
                let foreign = Self.foreignWords(in: help.stdout, language)
                #expect(foreign.isEmpty, "help of \(path) in \(language) has \(foreign.sorted()):\n\(help.stdout)")
                if language == .de {
                    // The names of values are German too, and the help column stays aligned.
                    let english = ["<id>", "<path>", "<yyyy-mm-dd>", "<number>", "<role>", "<label>", "<time>", "<file>", "<dir>", "(values:"]
                    #expect(english.allSatisfy { !help.stdout.contains($0) }, "\(path): \(help.stdout)")
                    let usage = help.stdout.split(separator: "\n").first { $0.hasPrefix("AUFRUF: ") } ?? ""
                    #expect(!usage.contains(">  <") && !usage.contains(">  -"), "\(path): words of the usage line stay one space apart: \(usage)")
                    for line in help.stdout.split(separator: "\n").map(Array.init) where line.starts(with: Array("  <")) || line.starts(with: Array("  --")) {
                        // The name ends where two spaces begin; a name short enough has its help at column 26.
                        guard let end = (2..<max(2, line.count - 1)).first(where: { line[$0] == " " && line[$0 + 1] == " " }), end < 24 else { continue }
                        let start = line[end...].firstIndex { $0 != " " } ?? line.count
                        #expect(start == 26, "\(path): '\(String(line))'")
                    }
                }
            }
        }
        // Without --lang, the locale decides (a few pages suffice: the choice is made once, before any page).
        for path in [[], ["measure"], ["measure", "set-status"], ["verify"]] {
            let german = try cli(path + ["--help"], environment: ["LANG": "de_AT.UTF-8"]).stdout
            #expect(german.contains("AUFRUF: ") && german.contains("OPTIONEN:") && german.contains("Hilfe anzeigen."), "\(path): \(german)")
            #expect(!german.contains("<subcommand>") && !german.contains("<options>"), "\(path): \(german)")
            let english = try cli(path + ["--help"], environment: ["LANG": "C.UTF-8"]).stdout
            #expect(english.contains("USAGE: ") && english.contains("OPTIONS:") && english.contains("Show help information."), "\(path): \(english)")
        }
    }

    /// A store with Stade's history, and the mistakes an office makes with it: each invocation with the exit code it
    /// must end with.
    static func mistakes(_ store: CLIStore, directory: String) throws -> [(arguments: [String], status: Int32)] {
        let broken = directory + "/kaputt.yaml"
        try """
            plan: stade
            title: Bildungsstrategie
            fields:
              - id: hf-a
                title: Frühe Bildung
                goals:
                  - id: ziel-a1
                    statement: Alle Kinder werden gefördert.
                    level: strategisch
                    parent: ziel-unbekannt
              - id: hf-a
                title: Doppelt
            measures:
              - id: m-1
                title: Sprachkitas
                status: irgendwie
                planned_start: 31.02.2024
                goals: [ziel-fehlt]
            unbekannt: 1
            """.write(toFile: broken, atomically: true, encoding: .utf8)
        return [
            (["show", "--bogus"], 2),
            (["measure", "set-status"], 2),
            (["measure", "set-status", "m-ganztag-ausbau", "irgendwie"], 2),
            (["measure", "set-status", "m-unbekannt", "completed"], 1),
            (["measure", "set-status", "m-ganztag-ausbau", "planned"], 1),
            (["measure", "set-status", "m-ganztag-ausbau", "discarded"], 1),
            (["show", "--plan", "gibt-es-nicht"], 1),
            (["show", "--version", "Bildungsstrategie 2030"], 1),
            (["import", broken], 1),
            (["import", directory + "/fehlt.yaml"], 1),
            (["adopt", "--label", "Bildungsstrategie 2024", "--body", "kreistag", "--resolution", "V-2024/999", "--date", "2024-05-01"], 1),
            (["measure", "set-status", "m-ganztag-ausbau", "completed", "--read-only"], 1),
            (["observation", "record", "--indicator", "ind-unbekannt", "--value", "abc", "--date", "2024-01-01"], 2),
        ]
    }

    @Test("errors and hints speak one language, with the documented exit codes", arguments: Language.allCases)
    func errors(_ language: Language) throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)
        let directory = store.path + "-files"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (arguments, status) in try Self.mistakes(store, directory: directory) {
            let result = try store(arguments + ["--lang", language.rawValue])
            #expect(result.status == status, "\(arguments): exit \(result.status), expected \(status): \(result.stderr)")
            let prefix = language == .de ? "Fehler: " : "error: "
            #expect(result.stderr.hasPrefix(prefix), "\(arguments) in \(language): \(result.stderr)")
            for line in result.stderr.split(separator: "\n") where line.hasPrefix("hint: ") || line.hasPrefix("Hinweis: ") {
                #expect(line.hasPrefix(language == .de ? "Hinweis: " : "hint: "), "\(arguments) in \(language): \(line)")
            }
            let foreign = Self.foreignWords(in: result.stderr, language)
            #expect(foreign.isEmpty, "\(arguments) in \(language) has \(foreign.sorted()):\n\(result.stderr)")
        }
        let noStore = try cli(["show", "--store", directory + "/kein-speicher", "--lang", language.rawValue])
        #expect(noStore.status == 1 && noStore.stderr.hasPrefix(language == .de ? "Fehler: " : "error: "), "\(noStore.stderr)")
        #expect(Self.foreignWords(in: noStore.stderr, language).isEmpty, "\(noStore.stderr)")
    }

    @Test("log and history name the attributes an event set in the chosen language, not by their keys")
    func attributeNames() throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)
        let german = try store("log").stdout + store("history", "m-ganztag-ausbau").stdout
        #expect(german.contains("Geplanter Beginn") && german.contains("Federführung"), "\(german)")
        let english = try store(["log", "--lang", "en"]).stdout
        #expect(english.contains("Planned start") && english.contains("Lead"), "\(english)")
        // Keys in camel case (plannedStart, draftLabel) would be the model's names, not words.
        for text in [german, english] {
            let camel = text.range(of: "\\b[a-z]+[A-Z][a-zA-Z]*\\b", options: .regularExpression).map { String(text[$0]) }
            #expect(camel == nil, "an attribute key in the log: \(camel ?? "")")
        }
    }

    @Test("verify, replay and stats report in the chosen language", arguments: Language.allCases)
    func integrityReports(_ language: Language) throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)
        for arguments in [["verify"], ["replay"], ["stats"], ["verify", "--plan", "stade"]] {
            let result = try store(arguments + ["--lang", language.rawValue])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let foreign = Self.foreignWords(in: result.stdout + result.stderr, language)
            #expect(foreign.isEmpty, "\(arguments) in \(language) has \(foreign.sorted()):\n\(result.stdout)\(result.stderr)")
        }
        // A tampered record: the integrity failure itself in the language.
        let data = URL(fileURLWithPath: store.path + "/data.mdb")
        var bytes = try [UInt8](Data(contentsOf: data))
        let marker = Array("Ganztagsplatz bereit".utf8)
        let hit = try #require((0..<(bytes.count - marker.count)).first { bytes[$0] == marker[0] && Array(bytes[$0..<($0 + marker.count)]) == marker })
        bytes[hit] ^= 0x20
        try Data(bytes).write(to: data)
        let verify = try store("verify", "--lang", language.rawValue)
        #expect(verify.status == 3, "\(verify.stdout)\(verify.stderr)")
        let foreign = Self.foreignWords(in: verify.stdout + verify.stderr, language)
        #expect(foreign.isEmpty, "verify of a tampered store in \(language) has \(foreign.sorted()):\n\(verify.stdout)\(verify.stderr)")
    }
}
