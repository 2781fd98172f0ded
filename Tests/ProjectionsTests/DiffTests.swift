import EventStore
import Foundation
@testable import Projections
import StrategyCore
import Testing

@Suite("Semantic diff", .timeLimit(.minutes(5)))
struct DiffTests {
    @Test("Stade's Fortschreibung: new fields added, a field retired, the vision reworded word by word")
    func stade() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let plan = try await loadCounty("stade", into: engine)
        let diff = try engine.diff(plan, from: .version("Bildungsstrategie 2019"), to: .version("Bildungsstrategie 2024"))
        let added = Set(diff.changes.filter { $0.kind == .added && $0.entityKind == .field }.map(\.entity))
        #expect(added == ["hf-digitalitaet", "hf-politische-bildung", "hf-bne", "hf-fachkraefte", "hf-ganztag"])
        let retired = try #require(diff.changes.first { $0.entity == "hf-bildungsberatung" })
        #expect(retired.kind == .modified && retired.labels.contains("retired"))
        let vision = try #require(diff.changes.first { $0.entity == "bildungsregion" })
        let words = try #require(vision.attributes.first { $0.name == "text" }?.words)
        #expect(words.filter { $0.kind == .inserted }.map(\.text).contains { $0.contains("weiter aus") || $0.contains("weiter") })
        #expect(words.contains { $0.kind == .removed && $0.text.contains("auf") })
        #expect(words.contains { $0.kind == .same && $0.text.contains("Der Landkreis versteht sich als Bildungsregion") })
        let text = diff.renderText()
        #expect(text.contains("{+") && text.contains("[-") && !text.contains("\u{1B}"), "the library writes no escape codes")
        // A caller's own marks replace the plain ones everywhere: words, signs and headings.
        let marked = diff.renderText(style: DiffTextStyle(
            removedWords: { "<del>\($0)</del>" }, insertedWords: { "<ins>\($0)</ins>" },
            sign: { sign, kind in "(\(kind.rawValue)\(sign))" }, heading: { "## \($0)" }))
        #expect(marked.contains("<ins>") && marked.contains("<del>") && !marked.contains("{+") && !marked.contains("[-"))
        #expect(marked.contains("(added+) Handlungsfeld hf-ganztag") && marked.contains("## Handlungsfeld 2) Digitalität"), "\(marked)")
        let markdown = diff.renderMarkdown()
        #expect(markdown.hasPrefix("# Änderungsprotokoll: Gesamtstrategie für eine analog-digital vernetzte Bildungslandschaft"))
        #expect(markdown.contains("## Handlungsfeld 2) Digitalität"))
        #expect(markdown.contains("- **Neu** – Handlungsfeld „6) Ganztagsbetreuung im Grundschulalter“ (`hf-ganztag`)"))
        #expect(try engine.diff(plan, from: .draft, to: .draft).isEmpty)
        // JSON output round-trips.
        let json = try JSONEncoder().encode(diff)
        #expect(try JSONDecoder().decode(PlanDiff.self, from: json) == diff)
    }

    @Test("a renamed measure, a moved goal and a relinked measure are labelled so, in both languages", .timeLimit(.minutes(3)))
    func labels() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let plan = try await loadCounty("stade", into: engine)
        try await engine.execute([
            .reviseMeasure(MeasureRevised(measure: id("m-leitbildprozess"), title: "Leitbildprozess fortsetzen")),
            .moveGoal(id("ziel-ganztag-plaetze"), field: id("hf-digitalitaet"), parent: nil),
            .relinkMeasure(id("m-beteiligungsformate"), goals: [id("ziel-ganztag-plaetze")]),
        ], on: plan, context: office("Umbau"))
        let diff = try engine.diff(plan, from: .version("Bildungsstrategie 2024"), to: .draft)
        func labels(_ entity: String) -> [String] { diff.changes.first { $0.entity == entity }?.labels ?? [] }
        #expect(labels("m-leitbildprozess") == ["renamed"])
        #expect(labels("ziel-ganztag-plaetze").contains("moved"))
        #expect(labels("m-beteiligungsformate") == ["relinked"])
        // The plan itself changed bookkeeping only (changes since adoption): in the diff, not among its content.
        #expect(diff.changes.contains { $0.entityKind == .plan } && !diff.contentChanges.contains { $0.entityKind == .plan })
        #expect(Set(diff.contentChanges.map(\.entity)) == Set(diff.changes.filter { $0.entityKind != .plan }.map(\.entity)))
        // The labels as a reader sees them.
        let german = diff.renderText(language: .de), english = diff.renderText(language: .en)
        for (text, words) in [(german, ["umbenannt", "verschoben", "neu verknüpft"]), (english, ["renamed", "moved", "relinked"])] {
            for word in words { #expect(text.contains(word), "'\(word)' missing in:\n\(text)") }
        }
        // The points are named in the reader's language; the diff itself holds them language-neutrally.
        #expect(diff.to == "draft" && german.contains("→ Entwurf (Position ") && english.contains("→ Draft (position "), "\(english)")
        let markdown = diff.renderMarkdown(language: .de)
        #expect(markdown.contains("umbenannt") && markdown.contains("verschoben") && markdown.contains("neu verknüpft"), "\(markdown)")
    }

    @Test("a Leitbild at the longest text a plan allows, with two words changed far apart, keeps every other word", .timeLimit(.minutes(3)))
    func longestText() throws {
        // 20,000 characters is the longest text a plan takes; German words of about nine characters fill it with some
        // 2,000 words.
        var words: [String] = []
        var length = 0
        var index = 0
        while length + 12 < 20_000 {
            let word = ["Bildung", "Landkreis", "gemeinsam", "Übergänge", "Kita", "Schule", "Beruf", "Teilhabe"][index % 8] + String(index % 13)
            words.append(word)
            length += word.count + 1
            index += 1
        }
        #expect(words.count >= 1_900)
        var edited = words
        edited[5] = "Anfangswort"
        edited[words.count - 5] = "Schlusswort"
        let diff = WordDiff.diff(words.joined(separator: " "), edited.joined(separator: " "))
        let kept = diff.filter { $0.kind == .same }.map { WordDiff.tokens($0.text).filter { $0 != " " }.count }.reduce(0, +)
        #expect(kept == words.count - 2, "kept \(kept) of \(words.count) words")
        #expect(diff.filter { $0.kind == .removed }.map(\.text) == [words[5], words[words.count - 5]])
        #expect(diff.filter { $0.kind == .inserted }.map(\.text) == ["Anfangswort", "Schlusswort"])
    }

    @Test("word diffs keep German words, umlauts and composed characters whole")
    func words() {
        let runs = WordDiff.diff("Die Übergänge von der Kita in die Schule gelingen.", "Die Übergänge von der Kita in die Grundschule gelingen allen Kindern.")
        #expect(runs == [
            WordChange(kind: .same, text: "Die Übergänge von der Kita in die "),
            WordChange(kind: .removed, text: "Schule"),
            WordChange(kind: .inserted, text: "Grundschule"),
            WordChange(kind: .same, text: " gelingen"),
            WordChange(kind: .inserted, text: " allen Kindern"),
            WordChange(kind: .same, text: "."),
        ])
        let decomposed = "Grösse", composed = "Gro\u{0308}sse"
        #expect(WordDiff.tokens(composed).count == 1 && WordDiff.tokens(decomposed).count == 1)
        #expect(WordDiff.diff("Straße und Maß", "Straße oder Maß").map(\.kind) == [.same, .removed, .inserted, .same])
        // A Leitbild of some 1,500 words with a handful of edits keeps nearly every word as it was.
        let words = (0..<1_500).map { "Wort\($0 % 97)" }
        var edited = words
        edited[10] = "Bildung"
        edited.remove(at: 700)
        edited.insert("gemeinsam", at: 1_200)
        let long = WordDiff.diff(words.joined(separator: " "), edited.joined(separator: " "))
        let kept = long.filter { $0.kind == .same }.map { WordDiff.tokens($0.text).filter { $0 != " " }.count }.reduce(0, +)
        #expect(kept >= 1_495, "only \(kept) of 1,500 words kept")
        #expect(long.filter { $0.kind != .same }.count <= 6)
    }

    @Test("the table and Myers' algorithm find edit scripts of the same length, and both turn the old text into the new")
    func scriptsAgree() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            let a = (0..<Int.random(in: 0...40, using: &generator)).map { _ in Int32.random(in: 0..<6, using: &generator) }
            let b = (0..<Int.random(in: 0...40, using: &generator)).map { _ in Int32.random(in: 0..<6, using: &generator) }
            let table = WordDiff.script((a, b)), myers = WordDiff.script((a, b), tableLimit: 0)
            for steps in [table, myers] {
                var rebuiltOld: [Int32] = [], rebuiltNew: [Int32] = []
                for step in steps {
                    switch step {
                    case let .same(i, j):
                        #expect(a[i] == b[j])
                        rebuiltOld.append(a[i]); rebuiltNew.append(b[j])
                    case let .removed(i): rebuiltOld.append(a[i])
                    case let .inserted(j): rebuiltNew.append(b[j])
                    }
                }
                #expect(rebuiltOld == a && rebuiltNew == b)
            }
            let kept = { (steps: [WordDiff.Step]) in steps.filter { if case .same = $0 { true } else { false } }.count }
            #expect(kept(table) == kept(myers), "\(a) → \(b)")
        }
    }
}
