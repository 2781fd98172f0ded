import Foundation
import StrategyCore
import Testing

/// `docs/glossary.md` is the vocabulary: every labelled value with its German and English label and its stable key,
/// and every term of the renderings. The test writes it with `UPDATE_GLOSSARY=1` and fails when it is out of date —
/// or when an entry lacks a language.
@Suite("Glossary", .timeLimit(.minutes(3)))
struct GlossaryTests {
    static let names: [String: String] = [
        "MeasureStatus": "Status einer Maßnahme / measure status", "Health": "Lage einer Maßnahme / health",
        "Horizon": "Horizont / horizon", "GoalStatus": "Status eines Ziels / goal status", "GoalLevel": "Zielebene / goal level",
        "FieldStatus": "Status eines Handlungsfelds / field status", "Polarity": "Richtung einer Kennzahl / polarity",
        "BodyKind": "Art des Gremiums / kind of body", "DecisionKind": "Mandat / mandate", "DeliberationKind": "Art der Beratung / deliberation",
        "ResolutionResult": "Ergebnis eines Beschlusses / result", "ParticipationKind": "Beteiligungsformat / participation format",
        "Disposition": "Umgang mit einem Beitrag / disposition", "Sector": "Bereich eines Bildungsakteurs / sector",
        "Season": "Jahreszeit / season", "EntityKind": "Bestandteile eines Plans / parts of a plan",
    ]

    static func glossary() -> String {
        var out = """
            # Glossary — Glossar

            The vocabulary of strategyctl's renderings: each value in German and English, with the stable key that plan
            files, JSON output and the command line use (the command line also takes either label). Generated from the
            catalogue in `Sources/StrategyCore/Vocabulary` by `GlossaryTests` (`UPDATE_GLOSSARY=1 swift test --filter Glossary`).

            """
        for (name, entries) in Vocabulary.values {
            out += "\n## \(names[name] ?? name)\n\n| Deutsch | English | key |\n|---|---|---|\n"
            for entry in entries { out += "| \(entry.label.de) | \(entry.label.en) | `\(entry.key)` |\n" }
        }
        out += "\n## Begriffe der Darstellung / terms of the renderings\n\n| Deutsch | English | key |\n|---|---|---|\n"
        for term in Term.allCases { out += "| \(term.wording.de.replacingOccurrences(of: "|", with: "\\|")) | \(term.wording.en.replacingOccurrences(of: "|", with: "\\|")) | `\(term.rawValue)` |\n" }
        return out
    }

    @Test("every entry of the vocabulary has both languages, and docs/glossary.md lists them all")
    func glossaryIsCurrent() throws {
        for (name, entries) in Vocabulary.values {
            #expect(Self.names[name] != nil, "\(name) has no heading in the glossary")
            for entry in entries {
                #expect(!entry.label.de.isEmpty && !entry.label.en.isEmpty, "\(name).\(entry.key) lacks a language")
            }
        }
        for term in Term.allCases { #expect(!term.wording.de.isEmpty && !term.wording.en.isEmpty, "\(term) lacks a language") }
        let url = repositoryRoot.appendingPathComponent("docs/glossary.md")
        if ProcessInfo.processInfo.environment["UPDATE_GLOSSARY"] == "1" { try Data(Self.glossary().utf8).write(to: url) }
        #expect(try String(contentsOf: url, encoding: .utf8) == Self.glossary(), "docs/glossary.md is out of date; run with UPDATE_GLOSSARY=1")
    }

    @Test("option values are read by key, hyphenated key, or label in either language")
    func labelsAsValues() {
        #expect(Vocabulary.value(MeasureStatus.self, named: "in_progress") == .inProgress)
        #expect(Vocabulary.value(MeasureStatus.self, named: "in-progress") == .inProgress)
        #expect(Vocabulary.value(MeasureStatus.self, named: "in Umsetzung") == .inProgress)
        #expect(Vocabulary.value(MeasureStatus.self, named: "In Progress") == .inProgress)
        #expect(Vocabulary.value(ResolutionResult.self, named: "zur Kenntnis genommen") == .noted)
        #expect(Vocabulary.value(ResolutionResult.self, named: "referred-back") == .referredBack)
        #expect(Vocabulary.value(ResolutionResult.self, named: "vielleicht") == nil)
    }
}
