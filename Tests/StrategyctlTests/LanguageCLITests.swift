import Foundation
import StrategyCore
import Testing

/// strategyctl in German and in English: the same store rendered in each language, pinned by golden files, with no
/// stable key shown where a label belongs and no word of the other language.
@Suite("strategyctl: German and English", .timeLimit(.minutes(3)))
struct LanguageCLITests {
    /// Stade's two versions and Cloppenburg's recorded history in one store.
    func store() throws -> CLIStore {
        let store = CLIStore()
        try loadStade(store)
        let history = examplePlans.appendingPathComponent("cloppenburg-aufbau/aufbauphase-2019-2023.yaml").path
        #expect(try store("import", history, "--new-plan", "--reason", "Nacherfassung").status == 0)
        return store
    }

    /// Every stable key of an enumerated value that is not also a word in both languages ("neutral", "Workshop").
    static let stableKeys: [String] = Vocabulary.values.flatMap(\.entries).map(\.key).filter { key in
        key.contains("_") || !Vocabulary.values.flatMap(\.entries).contains { $0.key == key && ($0.label.de.lowercased() == key || $0.label.en.lowercased() == key) }
    }

    @Test("show, diff, versions and the Markdown editions in both languages match their golden files", arguments: Language.allCases)
    func goldenFiles(_ language: Language) throws {
        let store = try store()
        defer { store.remove() }
        let lang = ["--lang", language.rawValue]
        let outputs: [(String, CLIResult)] = [
            ("show-stade", try store(["show", "--plan", "stade"] + lang)),
            ("show-stade-markdown", try store(["show", "--plan", "stade", "--format", "markdown"] + lang)),
            ("show-cloppenburg-aufbau", try store(["show", "--plan", "cloppenburg-aufbau"] + lang)),
            ("diff-stade", try store(["diff", "--plan", "stade", "Bildungsstrategie 2019", "Bildungsstrategie 2024"] + lang)),
            ("diff-stade-markdown", try store(["diff", "--plan", "stade", "Bildungsstrategie 2019", "Bildungsstrategie 2024", "--format", "markdown"] + lang)),
            ("versions-stade", try store(["versions", "--plan", "stade"] + lang)),
        ]
        for (name, output) in outputs {
            #expect(output.status == 0, "\(name): \(output.stderr)")
            let text = normalized(output.stdout, store: store)
            try expectGolden(text, "\(name).\(language.rawValue).\(name.hasSuffix("markdown") ? "md" : "txt")")
            // No stable key where a label belongs ("in_progress", "advisory_board", "referred_back").
            for key in Self.stableKeys where key.contains("_") {
                #expect(!text.contains(key), "\(name) (\(language)) shows the key '\(key)'")
            }
        }
    }

    @Test("German output uses no English label of the vocabulary, and English output no German one")
    func noMixedLanguage() throws {
        let store = try store()
        defer { store.remove() }
        for language in Language.allCases {
            let other: Language = language == .de ? .en : .de
            var text = ""
            for arguments in [["show", "--plan", "stade"], ["show", "--plan", "cloppenburg-aufbau", "--format", "markdown"],
                              ["diff", "--plan", "stade", "Bildungsstrategie 2019", "Bildungsstrategie 2024"], ["versions", "--plan", "stade"]] {
                text += try store(arguments + ["--lang", language.rawValue]).stdout
            }
            // Labels of the other language that differ from this language's word for the same thing, and are
            // distinctive enough not to occur in the plans' own (German) texts.
            let foreign = Vocabulary.values.flatMap(\.entries).map(\.label).filter { $0.de.lowercased() != $0.en.lowercased() }
                .map { $0(other) }.filter { $0.count >= 8 && $0.contains(" ") }
            for label in Set(foreign) {
                #expect(!text.contains(label), "\(language) output contains '\(label)'")
            }
            // Terms of several words (single words such as "Position" or "Leitbild" also occur in the plans' texts).
            let headings = Term.allCases.map { $0.wording }.filter { $0.de != $0.en && $0(other).count >= 8 && $0(other).contains(" ") }.map { $0(other) }
            for heading in Set(headings) where !heading.contains("%") {
                #expect(!text.contains(heading), "\(language) output contains '\(heading)'")
            }
        }
    }

    @Test("German input: DD.MM.YYYY dates echoed as ISO, a decimal comma, labels as option values; a refused value lists the valid ones; a refused status step names the path")
    func germanInput() throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)
        let dated = try store("resolution", "record", "V-2024/099", "--body", "kreistag", "--date", "18.04.2024", "--subject", "Bericht",
                              "--result", "zur Kenntnis genommen")
        #expect(dated.status == 0 && dated.stderr.contains("'18.04.2024' gelesen als 2024-04-18"), "\(dated.stderr)")
        #expect(try store("show").stdout.contains("2024-04-18 Kreistag Stade: zur Kenntnis genommen"))
        let value = try store("observation", "record", "kz-ganztagsquote", "52,5", "--period", "2024/25", "--region", "Landkreis Stade")
        #expect(value.status == 0, "\(value.stderr)")
        #expect(try store("show").stdout.contains("zuletzt 52.5 (2024/25, Landkreis Stade)"))
        #expect(try store("measure", "health", "m-ganztag-ausbau", "gefährdet").status == 0)
        #expect(try store("show").stdout.contains("Lage: gefährdet"))
        let bad = try store("measure", "health", "m-ganztag-ausbau", "wackelig")
        #expect(bad.status == 2 && bad.stderr.contains("'wackelig' ist kein gültiger Wert") && bad.stderr.contains("at_risk (gefährdet)"), "\(bad.stderr)")
        let jump = try store("measure", "set-status", "m-beteiligungsformate", "abgeschlossen")
        #expect(jump.status == 1 && jump.stderr.contains("planned → in_progress → completed"), "\(jump.stderr)")
        let english = try store("measure", "health", "m-ganztag-ausbau", "gibberish", "--lang", "en")
        #expect(english.stderr.contains("use one of: on_track (on track), at_risk (at risk), critical (critical)"), "\(english.stderr)")
    }

    @Test("the language comes from --lang, else LC_ALL, LC_MESSAGES or LANG; English by default")
    func languageChoice() throws {
        let store = try store()
        defer { store.remove() }
        #expect(try store(["versions", "--plan", "stade"], environment: ["LANG": "de_DE.UTF-8"]).stdout.hasPrefix("FASSUNG"))
        #expect(try store(["versions", "--plan", "stade"], environment: ["LANG": "en_GB.UTF-8"]).stdout.hasPrefix("LABEL"))
        #expect(try store(["versions", "--plan", "stade"], environment: ["LANG": "C"]).stdout.hasPrefix("LABEL"))
        #expect(try store(["versions", "--plan", "stade"], environment: ["LANG": "en_GB.UTF-8", "LC_ALL": "de_AT.UTF-8"]).stdout.hasPrefix("FASSUNG"))
        #expect(try store(["versions", "--plan", "stade", "--lang", "en"], environment: ["LANG": "de_DE.UTF-8"]).stdout.hasPrefix("LABEL"))
        #expect(try store(["--lang", "en", "versions", "--plan", "stade"]).stdout.hasPrefix("LABEL"), "--lang before the command")
        let bad = try store("versions", "--plan", "stade", "--lang", "fr")
        #expect(bad.status == 2 && bad.stderr.contains("de oder en"), "\(bad.stderr)")
    }
}
