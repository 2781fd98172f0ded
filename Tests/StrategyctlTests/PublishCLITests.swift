import Foundation
import Testing

@Suite("strategyctl publish", .timeLimit(.minutes(3)))
struct PublishCLITests {
    @Test("publish writes the web edition of a store, the same bytes twice, and refuses what it cannot publish by name")
    func publish() throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)
        let out = store.path + "-web", again = store.path + "-web2"
        defer { try? FileManager.default.removeItem(atPath: out); try? FileManager.default.removeItem(atPath: again) }
        let first = try store("publish", "--out", out)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Seiten nach \(out) geschrieben"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files.contains("index.html") && files.contains("aenderungen-1.html") && files.contains("integritaet.html"))
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("<html lang=\"de\">") && index.contains("Dargestellter Stand: Fassung „Bildungsstrategie 2024“"))
        // Same store, same bytes; --version shows the earlier version; --lang en writes English pages.
        #expect(try store("publish", "--out", again).status == 0)
        for file in files {
            #expect(FileManager.default.contents(atPath: out + "/" + file) == FileManager.default.contents(atPath: again + "/" + file), "\(file)")
        }
        #expect(try store("publish", "--out", again, "--version", "Bildungsstrategie 2019").status == 0)
        #expect(try String(contentsOfFile: again + "/index.html", encoding: .utf8).contains("Fassung „Bildungsstrategie 2019“"))
        #expect(try store("publish", "--out", again, "--lang", "en").status == 0)
        #expect(try String(contentsOfFile: again + "/index.html", encoding: .utf8).contains("<html lang=\"en\">"))
        // Refusals name what is wrong and write nothing new.
        let unknown = try store("publish", "--out", store.path + "-x", "--version", "Fassung 1999")
        #expect(unknown.status == 1 && unknown.stderr.contains("Fassung 1999"), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store.path + "-x"))
        let templates = try store("publish", "--out", store.path + "-x", "--templates", store.path + "-keine-vorlagen")
        #expect(templates.status == 1 && templates.stderr.contains("Vorlagen"), "\(templates.stderr)")
    }
}
