import EventStore
import Foundation
import StrategyCore
import Testing

@Suite("strategyctl", .serialized, .timeLimit(.minutes(5)))
struct CLITests {
    @Test("demo walks through a Fortschreibung and ends with an intact chain")
    func demo() throws {
        let directory = FileManager.default.temporaryDirectory.path + "/strategyctl-demo-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try cli(["demo", "--store", directory])
        #expect(result.status == 0, "\(result.stderr)")
        for step in ["$ strategyctl import --plan vechta", "$ strategyctl adopt --plan stade --label 'Bildungsstrategie 2024'",
                     "$ strategyctl diff --plan stade", "+ Handlungsfeld hf-ganztag", "$ strategyctl blame", "Kette intakt",
                     "März 2021 Kreistag Cloppenburg, Beschluss: zurückverwiesen"] {
            #expect(result.stdout.contains(step), "missing: \(step)")
        }
        // The demo honours the language.
        let english = try cli(["demo", "--store", directory + "-en", "--lang", "en"])
        defer { try? FileManager.default.removeItem(atPath: directory + "-en") }
        for step in ["+ Field of action hf-ganztag", "chain intact", "March 2021 Kreistag Cloppenburg, decision: referred back", "Fields of action"] {
            #expect(english.stdout.contains(step), "missing in English: \(step)")
        }
        #expect(!english.stdout.contains("Handlungsfelder\n") && !english.stdout.contains("Kette intakt"))
        // Neither language's output holds the other's multi-word labels and terms of the vocabulary.
        for (output, other) in [(result.stdout, Language.en), (english.stdout, Language.de)] {
            let foreign = Vocabulary.values.flatMap(\.entries).map(\.label) + Term.allCases.map(\.wording)
            for wording in foreign where wording.de != wording.en && wording(other).contains(" ") && wording(other).count >= 8 && !wording(other).contains("%") {
                #expect(!output.contains(wording(other)), "the demo in \(other == .en ? "German" : "English") says '\(wording(other))'")
            }
        }
        #expect(!result.stdout.contains("\u{1B}["), "colour on a pipe")
        #expect(result.stderr.isEmpty)
    }

    @Test("init, import, show, versions, history, blame, export and verify on Stade's Fortschreibung")
    func workflow() throws {
        let store = CLIStore()
        defer { store.remove() }
        let created = try store("init")
        #expect(created.status == 0 && created.stdout.hasPrefix("Speicher unter "))
        try loadStade(store)

        let show = try store("show")
        #expect(show.status == 0)
        #expect(show.stdout.hasPrefix("Gesamtstrategie für eine analog-digital vernetzte Bildungslandschaft (stade)"))
        #expect(show.stdout.contains("6) Ganztagsbetreuung im Grundschulalter [hf-ganztag, aktiv]"))
        let old = try store("show", "--version", "Bildungsstrategie 2019")
        #expect(old.stdout.contains("2) Bildungsberatung vor Ort [hf-bildungsberatung, aktiv]") && !old.stdout.contains("Ganztag"))
        let inForce = try store("show", "--in-force", "2026-08-01", "--format", "json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(inForce.stdout.utf8)) as? [String: Any])
        #expect(json["plan"] as? String == "stade" && (json["contentHash"] as? String)?.count == 64)

        let versions = try store("versions")
        #expect(versions.stdout.hasPrefix("FASSUNG") && versions.stdout.contains("Bildungsstrategie 2024  V-2024/052"))
        let history = try store("history", "ziel-beratung-print")
        #expect(history.stdout.contains("goal.status.changed  von p-test") && history.stdout.contains("Grund: Fortschreibung 2024"))
        let blame = try store("blame", "m-ganztag-ausbau")
        #expect(blame.stdout.contains("status") && blame.stdout.contains("measure.status.changed"))

        // Export → import records nothing; a dry run of a changed file records nothing either.
        let exported = try store("export")
        let file = FileManager.default.temporaryDirectory.path + "/stade-export-\(UUID().uuidString.prefix(6)).yaml"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data(exported.stdout.utf8).write(to: URL(fileURLWithPath: file))
        #expect(try store("import", file).stdout == "keine Änderungen\n")
        let changed = exported.stdout.replacingOccurrences(of: "title: Politische Bildung", with: "title: Politische und demokratische Bildung")
        try Data(changed.utf8).write(to: URL(fileURLWithPath: file))
        let preview = try store("import", file, "--dry-run", "--reason", "Umbenennung")
        #expect(preview.status == 0 && preview.stdout.contains("würde erfassen field.revised  hf-politische-bildung (Titel)"))
        #expect(try store("show").stdout.contains("Politische Bildung [hf-politische-bildung"))

        let verify = try store("verify")
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("Kette intakt:"))
        let head = try #require(chainHead(verify.stdout))
        #expect(try store("verify", "--expect-head", String(head)).status == 0)
        #expect(try store("stats", "--format", "json").stdout.contains("\"plans\" : [\n    \"stade\"\n  ]"))
    }

    @Test("golden outputs: the log on the county examples")
    func goldenOutputs() throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)
        // The diff's golden files, in both languages: LanguageCLITests.
        let log = try store("log", "-n", "6")
        #expect(log.status == 0)
        try expectGolden(normalized(log.stdout, store: store), "log-stade.txt")
        let filtered = try store("log", "--entity", "hf-bildungsberatung", "--reverse")
        try expectGolden(normalized(filtered.stdout, store: store), "log-stade-hf-bildungsberatung.txt")
        let goals = try store("log", "--type", "goal.", "--format", "json").stdout
        #expect(goals.contains("\"type\" : \"goal.formulated\"") && !goals.contains("\"type\" : \"field."))
        // Unknown types and entities are refused by name, not answered with an empty log.
        let unknownType = try store("log", "--type", "goal.formuliert")
        #expect(unknownType.status == 2 && unknownType.stderr.contains("'goal.formuliert' ist kein Ereignistyp") && unknownType.stderr.contains("goal."))
        let unknownEntity = try store("history", "Ziel A")
        #expect(unknownEntity.status == 2 && unknownEntity.stderr.contains("'Ziel A' bezeichnet kein Element"), "\(unknownEntity.stderr)")
        #expect(try store("diff", "draft", "draft").stdout.hasPrefix("keine Änderungen"))
    }

    @Test("exit codes: 1 invalid input or rule, 2 usage, 3 integrity, 4 conflict; one error line and a hint")
    func exitCodes() throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)

        // 1: a broken plan file, naming file, line and column; nothing recorded.
        let broken = FileManager.default.temporaryDirectory.path + "/broken-\(UUID().uuidString.prefix(6)).yaml"
        defer { try? FileManager.default.removeItem(atPath: broken) }
        try Data("plan: stade\ntitle: T\ncounty: C\nfields:\n  - id: hf-x\n    code: z\n    titel: X\n".utf8).write(to: URL(fileURLWithPath: broken))
        let headBefore = try store("stats", "--format", "json").stdout
        let bad = try store("import", broken)
        #expect(bad.status == 1)
        #expect(bad.stderr == """
            Fehler: \(broken):7:5: fields[0].titel: unbekannter Schlüssel 'titel' (meinten Sie 'title'?)
            Hinweis: nichts wurde erfasst

            """)
        #expect(try store("stats", "--format", "json").stdout == headBefore)

        // 1: a rule — a body without the mandate cannot adopt.
        // A paper not on record is recorded with the adoption only with its subject: none is made up.
        let noSubject = try store("adopt", "--label", "X", "--body", "kreistag", "--resolution", "V-2024/999", "--date", "2024-05-01")
        #expect(noSubject.status == 1 && noSubject.stderr.contains("V-2024/999 ist noch nicht erfasst") && noSubject.stderr.contains("--subject"), "\(noSubject.stderr)")
        let noMandate = try store("adopt", "--label", "X", "--body", "bildungsausschuss", "--resolution", "V-2024/037", "--date", "2024-03-04")
        #expect(noMandate.status == 1)
        #expect(noMandate.stderr == "Fehler: das Gremium 'bildungsausschuss' hat kein Mandat für „Plan beschließen“ (Beschluss V-2024/037)\n"
            + "Hinweis: mit einem angenommenen Beschluss eines Gremiums beschließen, das das Mandat hat (siehe die Gremien des Plans)\n")
        let englishNoMandate = try store(["adopt", "--label", "X", "--body", "bildungsausschuss", "--resolution", "V-2024/037", "--date", "2024-03-04"], environment: english)
        #expect(englishNoMandate.stderr == "error: body 'bildungsausschuss' has no mandate to adopt the plan (resolution V-2024/037)\nhint: adopt by a carried resolution of a body with the mandate (see the plan's bodies)\n")
        // 1: a change to adopted content without a reason.
        #expect(try store("goal", "set-status", "ziel-ganztag-plaetze", "abandoned").status == 1)

        // 2: usage errors.
        let usage = try store("show", "--bogus")
        #expect(usage.status == 2 && usage.stderr.hasPrefix("Fehler: Unbekannte Option '--bogus'"))
        #expect(try store("measure", "set-status", "m-ganztag-ausbau", "in-progress", "--effective", "tomorrow").status == 2)
        #expect(try store("diff", "nonsense").status == 2)

        // 4: a stale --if-version.
        let stale = try store("measure", "progress", "m-ganztag-ausbau", "30", "--if-version", "3")
        #expect(stale.status == 4 && stale.stderr.hasPrefix("Fehler: der Plan 'stade' wurde von einem anderen Schreiber geändert"))

        // 3: a tampered byte.
        let data = store.path + "/data.mdb"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: data)))
        let marker = Array("Ganztagsplatz bereit".utf8)
        var hits: [Int] = []
        for index in 0..<(bytes.count - marker.count) where bytes[index] == marker[0] && Array(bytes[index..<(index + marker.count)]) == marker { hits.append(index) }
        try #require(!hits.isEmpty)
        for hit in hits { bytes[hit] ^= 0x20 }
        try Data(bytes).write(to: URL(fileURLWithPath: data))
        let tampered = try store("verify")
        #expect(tampered.status == 3)
        #expect(tampered.stderr.hasPrefix("Fehler: der Datensatz an Position "))
        #expect(!tampered.stderr.contains("Fatal") && !tampered.stderr.contains("Stack"))
    }

    @Test("--read-only works on a store directory the user cannot write, and refuses writes")
    func readOnlyCopy() throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)
        try FileManager.default.removeItem(atPath: store.path + "/lock.mdb")
        // A store is created private (0700/0600); the auditor was given read access to this copy, not write access.
        _ = try run("/bin/chmod", ["-R", "a-w", store.path])
        _ = try run("/bin/chmod", ["-R", "a+rX", store.path])
        var runner: (String, [String]) = (try strategyctlPath(), ["--store", store.path])
        var copy: String?
        if getuid() == 0 {
            // Root ignores permissions: run a copy of the binary as an unprivileged user.
            let directory = FileManager.default.temporaryDirectory.path + "/strategyctl-bin-\(UUID().uuidString.prefix(6))"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: try strategyctlPath(), toPath: directory + "/strategyctl")
            _ = try run("/bin/chmod", ["-R", "a+rx", directory])
            copy = directory
            runner = ("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", directory + "/strategyctl", "--store", store.path])
        }
        defer { if let copy { try? FileManager.default.removeItem(atPath: copy) } }
        for arguments in [["show"], ["versions"], ["log", "-n", "2"], ["blame", "ziel-ganztag-plaetze"], ["diff", "Bildungsstrategie 2019", "draft"], ["verify"]] {
            let result = try run(runner.0, runner.1 + arguments + ["--read-only"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let automatic = try run(runner.0, runner.1 + ["show"])
        #expect(automatic.status == 0, "\(automatic.stderr)")
        let write = try run(runner.0, runner.1 + ["measure", "progress", "m-ganztag-ausbau", "40"])
        // No --read-only was given: the hint is about permissions, not about an option.
        #expect(write.status == 1 && write.stderr.contains("darf nicht geschrieben werden") && !write.stderr.contains("--read-only weglassen"), "\(write.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store.path + "/lock.mdb"))
    }

    @Test("everyday changes: observations, resolutions, contributions, milestones, replay")
    func everydayChanges() throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)
        #expect(try store("observation", "record", "kz-ganztagsquote", "61.5", "--period", "2024/25", "--region", "Landkreis Stade").stdout.contains("observation.recorded"))
        let correction = try store("observation", "correct", "obs-kz-ganztagsquote-2024-25-landkreis-stade", "62", "--reason", "Nachmeldung")
        #expect(correction.status == 0, "\(correction.stderr)")
        #expect(try store("resolution", "record", "V-2024/090", "--body", "bildungsausschuss", "--date", "2024-06-03", "--subject", "Sachstand Ganztag", "--result", "noted").status == 0)
        #expect(try store("contribution", "add", "bildungskonferenz-2024", "--id", "beitrag-ganztag", "--summary", "Ganztag mit Sportvereinen planen").status == 0)
        #expect(try store("contribution", "dispose", "beitrag-ganztag", "accepted", "--link", "m-ganztag-ausbau").status == 0)
        #expect(try store("measure", "milestone", "m-ganztag-ausbau", "ms-rechtsanspruch", "--date", "2026-08-01").status == 0)
        #expect(try store("measure", "health", "m-ganztag-ausbau", "at-risk", "--note", "Bauverzug").status == 0)
        let show = try store("show")
        #expect(show.stdout.contains("zuletzt 62 (2024/25, Landkreis Stade)") && show.stdout.contains("erreicht 2026-08-01"))
        let replay = try store("replay")
        #expect(replay.status == 0 && replay.stdout.contains(" abgespielt in ") && replay.stdout.contains("Ereignisse/s"), "\(replay.stdout)")
        let partial = try store("replay", "--to", "10", "--format", "json")
        #expect(partial.stdout.contains("\"position\" : 10"))
        #expect(try store("verify").status == 0)
    }

    @Test("--help documents the exit codes; --version answers; completion scripts are generated")
    func helpAndCompletion() throws {
        let help = try cli(["--help"], environment: english)
        #expect(help.status == 0 && help.stdout.contains("4 conflict with a concurrent writer"))
        let hilfe = try cli(["--help"])
        #expect(hilfe.status == 0 && hilfe.stdout.contains("4 Konflikt"), "\(hilfe.stdout)")
        #expect(try cli(["--version"]).stdout.split(separator: ".").count == 3)
        let completion = try cli(["--generate-completion-script", "bash"])
        #expect(completion.status == 0 && completion.stdout.contains("strategyctl"))
    }
}
