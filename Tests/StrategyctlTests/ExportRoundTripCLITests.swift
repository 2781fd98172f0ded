import Foundation
import StrategyCore
import Testing

/// An export is the record: imported into an empty store, it gives the same plan, records included.
@Suite("strategyctl: exports hold everything", .timeLimit(.minutes(5)))
struct ExportRoundTripCLITests {
    /// The plan's position and content hash, from `show --format json`.
    func head(_ store: CLIStore) throws -> (position: Int, contentHash: String) {
        let shown = try store("show", "--format", "json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any], "\(shown.stderr)")
        return (try #require(json["position"] as? Int), try #require(json["contentHash"] as? String))
    }

    @Test("a county's whole history with observations and a correction: export, import into an empty store, export gives the same file and content hash",
          .timeLimit(.minutes(2)), arguments: ["boerde", "cloppenburg", "cloppenburg-aufbau", "heidekreis", "stade", "vechta"])
    func roundTrip(_ county: String) throws {
        let directory = examplePlans.appendingPathComponent(county)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { directory.appendingPathComponent($0).path }
        let original = CLIStore(), copy = CLIStore()
        defer { original.remove(); copy.remove() }
        // The county's files, each adopted as it says, as an office records them.
        var lastResolution: String?
        var indicator: Identifier?
        for (index, file) in files.enumerated() {
            let document = try PlanFile.parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: file))), file: file)
            let imported = try original(["import", file, "--quiet"] + (index > 0 ? ["--reason", "Fortschreibung"] : []))
            try #require(imported.status == 0, "\(file): \(imported.stderr)")
            if let adoption = document.adoption {
                let resolution = try #require(document.resolutions.first { $0.number == adoption.resolution })
                let adopted = try original(
                    "adopt", "--label", try #require(adoption.label ?? document.draft), "--body", resolution.body.rawValue,
                    "--resolution", adoption.resolution, "--date", resolution.date.description, "--effective-from", adoption.effective.description)
                try #require(adopted.status == 0, "\(file): \(adopted.stderr)")
                lastResolution = adoption.resolution
            }
            indicator = document.indicators.first { $0.retiredReason == nil }?.id ?? indicator
        }
        if indicator == nil {
            // Börde's plan measures nothing yet: its office defines a first indicator in an edited export.
            let edited = copy.path + "-indicator.yaml"
            defer { try? FileManager.default.removeItem(atPath: edited) }
            try (try original("export").stdout + """
                indicators:
                - id: kz-teilnahme
                  code: BK-1
                  name: Teilnahmen an Angeboten der Bildungskommune
                  unit: Anzahl
                  polarity: higher_is_better
                  source: Kreisverwaltung, Jahresstatistik

                """).write(toFile: edited, atomically: true, encoding: .utf8)
            let defined = try original("import", edited, "--quiet", "--reason", "Erste Kennzahl")
            try #require(defined.status == 0, "\(defined.stderr)")
            indicator = Identifier("kz-teilnahme")
        }
        // Indicator values, and a correction of one.
        let kz = try #require(indicator).rawValue
        for arguments in [
            ["observation", "record", kz, "6.8", "--period", "2022/23", "--region", "Landkreis", "--id", "obs-2023"],
            ["observation", "record", kz, "7.4", "--period", "2021/22", "--region", "Landkreis", "--id", "obs-2022"],
            ["observation", "correct", "obs-2023", "7.1", "--reason", "Nachmeldung des Landesamts", "--new-id", "obs-2023-k"],
        ] {
            let result = try original(arguments)
            try #require(result.status == 0, "\(arguments): \(result.stderr)")
        }

        let exported = try original("export")
        try #require(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("- id: obs-2023-k\n  corrects: obs-2023\n  value: 7.1\n  reason: Nachmeldung des Landesamts\n"))
        let file = copy.path + "-\(county).yaml"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try exported.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        // The file was exported from another store (its based_on_version is that store's): --force. Adopted goals and
        // active fields rest on the resolution that adopted them; abandoned goals on a reason.
        let imported = try copy("import", file, "--force", "--quiet", "--reason", "Übernahme des Bildungskonzepts",
                                "--resolution", try #require(lastResolution))
        try #require(imported.status == 0, "\(imported.stderr)")

        let (originalHead, copyHead) = (try head(original), try head(copy))
        #expect(copyHead.contentHash == originalHead.contentHash)
        // The same file: byte for byte at the plans' last positions, and as the draft but for the store's version.
        let atOriginal = try original("export", "--at", String(originalHead.position))
        let atCopy = try copy("export", "--at", String(copyHead.position))
        #expect(atOriginal.status == 0 && atCopy.status == 0 && atCopy.stdout == atOriginal.stdout)
        func withoutVersion(_ yaml: String) -> String { yaml.split(separator: "\n").filter { !$0.hasPrefix("based_on_version:") }.joined(separator: "\n") }
        #expect(withoutVersion(try copy("export").stdout) == withoutVersion(exported.stdout))
        #expect(try copy("export", "--format", "markdown").stdout.contains("| `obs-2023-k` |"))
        // And the copy's export imports back into it without changes.
        try copy("export").stdout.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try copy("import", file).stdout == "keine Änderungen\n")
        #expect(try copy("verify").status == 0)
    }
}
