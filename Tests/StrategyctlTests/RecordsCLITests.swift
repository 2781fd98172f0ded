import Foundation
import Testing

/// Council records through the command line, as an office types them from the minutes.
@Suite("strategyctl: faithful records", .timeLimit(.minutes(2)))
struct RecordsCLITests {
    @Test("a resolution without --result is unknown and cannot adopt; partial votes and paper numbers are taken as given")
    func resolutions() throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)
        let unknown = try store("resolution", "record", "093/2012", "--body", "kreistag", "--date", "2012-11-29",
                                "--subject", "Vorlage 093/2012: Fortschreibung", "--votes", "?/6/1")
        #expect(unknown.status == 0, "\(unknown.stderr)")
        let shown = try store("show", "--format", "json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let resolution = try #require(((json["state"] as? [String: Any])?["resolutions"] as? [String: Any])?["093/2012"] as? [String: Any])
        #expect(resolution["result"] as? String == "unknown")
        #expect((resolution["votes"] as? [String: Any]).map { Set($0.keys) } == ["no", "abstain"], "a count not reported must not appear")
        let adopt = try store(environment: english, "adopt", "--label", "Fassung 2012", "--body", "kreistag", "--resolution", "093/2012", "--date", "2012-11-29")
        #expect(adopt.status == 1 && adopt.stderr.contains("not known"), "\(adopt.stderr)")
        let unanimous = try store("resolution", "record", "KT/012/2021", "--body", "kreistag", "--date", "2021-06-10",
                                  "--subject", "Masterplan", "--result", "adopted", "--votes", "einstimmig")
        let dashed = try store("resolution", "record", "022/2013", "--body", "kreistag", "--date", "2013-03-14",
                               "--subject", "Bildungsbüro", "--result", "noted", "--votes=-/-/2")
        #expect(dashed.status == 0, "\(dashed.stderr)")
        #expect(unanimous.status == 0, "\(unanimous.stderr)")
        let bad = try store("resolution", "record", "BV/0123/2019", "--body", "kreistag", "--date", "2019-05-02",
                            "--subject", "S", "--votes", "viele")
        #expect(bad.status == 2 && bad.stderr.contains("einstimmig"), "\(bad.stderr)")
    }

    @Test("a plan file that states a recorded resolution otherwise is refused naming what the record says, like the command", .timeLimit(.minutes(3)))
    func resolutionDiffers() throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)
        let exported = try store("export")
        let file = store.path + "-export.yaml"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try exported.stdout.replacingOccurrences(of: "subject: Bildungsstrategie des Landkreises Stade", with: "subject: Bildungsstrategie 2019")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let statsBefore = try store("stats", "--format", "json").stdout
        let imported = try store(["import", file], environment: english)
        #expect(imported.status == 1, "\(imported.stdout)")
        #expect(imported.stderr.contains(
            ".subject: the record differs: resolution V-2019/211 is recorded with subject 'Bildungsstrategie des Landkreises Stade', the file says 'Bildungsstrategie 2019'"),
                "\(imported.stderr)")
        #expect(imported.stderr.contains(
            "correct it with 'strategyctl resolution correct V-2019/211 --subject \"Bildungsstrategie 2019\" --reason …'"), "\(imported.stderr)")
        #expect(!imported.stdout.contains("keine Änderungen"))
        let command = try store(environment: english, "resolution", "record", "V-2019/211", "--body", "kreistag", "--date", "2019-09-26",
                                "--subject", "Bildungsstrategie 2019", "--result", "adopted")
        #expect(command.status == 1 && command.stderr.contains("already recorded with other content"), "\(command.stderr)")
        #expect(try store("stats", "--format", "json").stdout == statsBefore)
        // The correction the hint names makes the record say what the file says; the file then imports.
        let corrected = try store("resolution", "correct", "V-2019/211", "--subject", "Bildungsstrategie 2019", "--reason", "Niederschrift vom 26.09.2019")
        #expect(corrected.status == 0, "\(corrected.stderr)")
        let again = try store("import", file)
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test("observations and a correction recorded with the CLI are in the YAML and Markdown exports; a file that states one otherwise is refused",
          .timeLimit(.minutes(3)))
    func observations() throws {
        let store = CLIStore()
        defer { store.remove() }
        let vechta = examplePlans.appendingPathComponent("vechta/bildungskonzept.yaml").path
        try #require(try store("import", vechta, "--quiet").status == 0)
        for arguments in [
            ["observation", "record", "kz-schulabgang-ohne-abschluss", "6.8", "--period", "2022/23", "--region", "Landkreis Vechta", "--id", "obs-oa-2023"],
            ["observation", "record", "kz-schulabgang-ohne-abschluss", "7.4", "--period", "2021/22", "--region", "Landkreis Vechta", "--id", "obs-oa-2022"],
            ["observation", "correct", "obs-oa-2023", "7.1", "--reason", "Nachmeldung des Landesamts", "--new-id", "obs-oa-2023-k"],
        ] {
            let result = try store(arguments)
            try #require(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let yaml = try store("export").stdout
        #expect(yaml.contains("""
            observations:
            - id: obs-oa-2022
              indicator: kz-schulabgang-ohne-abschluss
              period: 2021/22
              region: Landkreis Vechta
              value: 7.4
            - id: obs-oa-2023
              indicator: kz-schulabgang-ohne-abschluss
              period: 2022/23
              region: Landkreis Vechta
              value: 6.8
            - id: obs-oa-2023-k
              corrects: obs-oa-2023
              value: 7.1
              reason: Nachmeldung des Landesamts

            """), "\(yaml)")
        let markdown = try store("export", "--format", "markdown").stdout
        #expect(markdown.contains("""
            | Messwert | Kennzahl | Zeitraum | Gebiet | Wert | Korrektur |
            |---|---|---|---|---|---|
            | `obs-oa-2022` | VEC-02 | 2021/22 | Landkreis Vechta | 7.4 |  |
            | `obs-oa-2023` | VEC-02 | 2022/23 | Landkreis Vechta | ~~6.8~~ | korrigiert durch `obs-oa-2023-k` |
            | `obs-oa-2023-k` | VEC-02 | 2022/23 | Landkreis Vechta | 7.1 | Korrektur von `obs-oa-2023`: Nachmeldung des Landesamts |

            """), "\(markdown)")
        #expect(markdown.contains("| VEC-02 Anteil der Schulabgänge ohne Abschluss (`kz-schulabgang-ohne-abschluss`) | Prozent | niedriger ist besser |"))
        // The export imports back without changes; edited to another value, it is refused, and says how to correct.
        let file = store.path + "-export.yaml"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try store("import", file).stdout == "keine Änderungen\n")
        try yaml.replacingOccurrences(of: "value: 6.8", with: "value: 6.9").write(toFile: file, atomically: true, encoding: .utf8)
        let statsBefore = try store("stats", "--format", "json").stdout
        let refused = try store(["import", file], environment: english)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains(
            "observations[1].value: the record differs: observation 'obs-oa-2023' is recorded with value 6.8, the file says 6.9; a recorded observation is never changed: correct it with 'strategyctl observation correct obs-oa-2023-k 6.9 --reason …'"),
                "\(refused.stderr)")
        #expect(try store("stats", "--format", "json").stdout == statsBefore)
    }

    @Test("adopt refuses a --date that differs from the recorded resolution's date")
    func adoptDate() throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)
        _ = try store("measure", "progress", "m-ganztag-ausbau", "20")
        let recorded = try store("resolution", "record", "V-2025/001", "--body", "kreistag", "--date", "2025-03-20",
                                 "--subject", "Fortschreibung 2025", "--result", "adopted")
        try #require(recorded.status == 0, "\(recorded.stderr)")
        let adopt = try store(environment: english, "adopt", "--label", "Bildungsstrategie 2025", "--body", "kreistag", "--resolution", "V-2025/001", "--date", "2025-03-21")
        #expect(adopt.status == 1 && adopt.stderr.contains("2025-03-20"), "\(adopt.stderr)")
    }

    @Test("history recorded after the fact: business-date filters find it, recording-time points before the plan are errors")
    func twoTimes() throws {
        let store = CLIStore()
        defer { store.remove() }
        let file = examplePlans.appendingPathComponent("vechta/bildungskonzept.yaml").path
        let imported = try store("import", file, "--effective", "2010-11-30", "--quiet")
        try #require(imported.status == 0, "\(imported.stderr)")
        // Recorded today: nothing was recorded by the end of 2010, and the plan did not exist in the store then.
        let asOf = try store(["show", "--as-of", "2010-12-31"], environment: english)
        #expect(asOf.status == 1 && asOf.stderr.contains("did not exist yet"), "\(asOf.stdout) \(asOf.stderr)")
        #expect(try store("log", "--until", "2010-12-31").stdout.isEmpty)
        // Effective in 2010: the business-date views show it.
        let effective = try store("show", "--effective-on", "2010-12-31", "--format", "json")
        #expect(effective.status == 0 && effective.stdout.contains("\"vechta\""), "\(effective.stderr)")
        let log = try store("log", "--effective-until", "2010-12-31", "--format", "json")
        #expect(log.status == 0 && log.stdout.contains("plan.created"), "\(log.stderr)")
        let before = try store("show", "--effective-on", "2009-01-01")
        #expect(before.status == 1 && before.stderr.contains("2010-11-30"), "\(before.stderr)")
        #expect(try store("log", "--effective-since", "2011-01-01").stdout.isEmpty)
    }

    @Test("a file for a plan the store does not hold needs --new-plan; a plan created by mistake is withdrawn, not erased")
    func typoedPlan() throws {
        let store = CLIStore()
        defer { store.remove() }
        let vechta = examplePlans.appendingPathComponent("vechta/bildungskonzept.yaml").path
        try #require(try store("import", vechta, "--quiet").status == 0)
        // The office's second file has a typo in its plan id.
        let typo = store.path + "-typo.yaml"
        defer { try? FileManager.default.removeItem(atPath: typo) }
        try String(contentsOfFile: vechta, encoding: .utf8).replacingOccurrences(of: "plan: vechta", with: "plan: vehcta")
            .write(toFile: typo, atomically: true, encoding: .utf8)
        let refused = try store("import", typo)
        #expect(refused.status == 1 && refused.stderr.contains("--new-plan") && refused.stderr.contains("'vechta'"), "\(refused.stderr)")
        #expect(try store("stats", "--format", "json").stdout.contains("vehcta") == false)
        // Created anyway (the guard was overridden by mistake): withdraw it.
        try #require(try store("import", typo, "--new-plan", "--quiet").status == 0)
        let withdrawn = try store("withdraw", "--plan", "vehcta", "--reason", "angelegt mit falscher Kennung")
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        // Gone from the lists: the store has one plan again, commands need no --plan.
        #expect(try store("show").status == 0)
        // Still in the log, and it takes no more changes.
        let log = try store("log", "--plan", "vehcta", "--type", "plan.withdrawn")
        #expect(log.stdout.contains("plan.withdrawn"), "\(log.stdout)")
        let write = try store(environment: english, "observation", "record", "kz-weiterbildung", "1", "--period", "2025", "--region", "X", "--plan", "vehcta")
        #expect(write.status == 1 && write.stderr.contains("withdrawn"), "\(write.stderr)")
        #expect(try store("verify").status == 0)
    }

    @Test("the file's adoption block is used: import --adopt, adopt --from-file")
    func adoptionFromFile() throws {
        let store = CLIStore()
        defer { store.remove() }
        let first = examplePlans.appendingPathComponent("heidekreis/01-masterplan-bildung.yaml").path
        let second = examplePlans.appendingPathComponent("heidekreis/02-masterplan-bildung-2-0.yaml").path
        // One write: the file's content, its resolution, and the version its adoption block names.
        let imported = try store("import", first, "--adopt", "--quiet")
        #expect(imported.status == 0, "\(imported.stderr)")
        let versions = try store("versions", "--format", "json")
        #expect(versions.stdout.contains("Masterplan Bildung 1.0") && versions.stdout.contains("2021-08-01") && versions.stdout.contains("2021/0117"),
                "\(versions.stdout)")
        // The second file's adoption cannot seal a draft that does not hold the file yet.
        let early = try store(["adopt", "--from-file", second], environment: english)
        #expect(early.status == 1 && early.stderr.contains("import the file first"), "\(early.stderr)")
        try #require(try store("import", second, "--reason", "Fortschreibung", "--quiet").status == 0)
        let adopted = try store("adopt", "--from-file", second)
        #expect(adopted.status == 0 && adopted.stdout.contains("Masterplan Bildung 2.0") && adopted.stdout.contains("2025-03-01"), "\(adopted.stdout) \(adopted.stderr)")
        #expect(try store("verify").status == 0)
    }

    @Test("a resolution record is corrected, never changed: the correction names old, new and why; an adopting one keeps its result")
    func correction() throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)
        try #require(try store("resolution", "record", "022/2013", "--body", "kreistag", "--date", "2013-03-14",
                               "--subject", "Bildungsbüro", "--result", "adopted", "--votes", "40/2/1").status == 0)
        let corrected = try store("resolution", "correct", "022/2013", "--result", "adopted-with-changes", "--votes", "?/6/1",
                                  "--reason", "Niederschrift vom 14.03.2013")
        #expect(corrected.status == 0, "\(corrected.stderr)")
        let history = try store("history", "resolution:022/2013", "--format", "json")
        #expect(history.stdout.contains("resolution.recorded") && history.stdout.contains("resolution.corrected")
                && history.stdout.contains("Niederschrift vom 14.03.2013"), "\(history.stdout)")
        let log = try store("log", "--type", "resolution.corrected", "--format", "json")
        #expect(log.status == 0)
        let show = try store("show", "--format", "json")
        #expect(show.stdout.contains("adopted_with_changes"))
        let noReason = try store("resolution", "correct", "022/2013", "--subject", "X")
        #expect(noReason.status == 2, "\(noReason.stderr)")
        // The resolution that adopted a version cannot be corrected into one that did not carry it.
        let adopting = try store("resolution", "correct", "V-2019/211", "--result", "rejected", "--reason", "Irrtum")
        #expect(adopting.status == 1 && adopting.stderr.contains("Bildungsstrategie 2019"), "\(adopting.stderr)")
        #expect(try store("verify").status == 0)
    }
}
