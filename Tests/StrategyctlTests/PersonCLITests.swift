import Foundation
import Testing

/// Persons through the command line, as an office and its data protection officer use it: contacts in a plan file,
/// changes made under a login, the Art. 15 report, the erasure — and what is left on disk after it.
@Suite("strategyctl: persons and erasure", .timeLimit(.minutes(4)))
struct PersonCLITests {
    static let plan = """
        plan: kreis
        title: Bildungskonzept Landkreis Beispiel
        county: Landkreis Beispiel
        contacts:
          - name: Dr. Anna Mustermann
            function: Leitung Bildungsbüro
            email: anna.mustermann@landkreis-beispiel.de
            phone: 04141 12-3456
            room: Raum 2.14
        fields:
          - id: hf-uebergaenge
            title: Übergänge gestalten
            contacts:
              - name: Ben Beispielmann
                function: Bildungsmonitoring
        measures:
          - id: m-portal
            title: Bildungsportal
            field: hf-uebergaenge
            status: in_progress
            contacts:
              - name: Dr. Anna Mustermann
                function: Leitung Bildungsbüro
                email: anna.mustermann@landkreis-beispiel.de
                phone: 04141 12-3456
                room: Raum 2.14
        bodies:
          - id: kreistag
            name: Kreistag
            kind: council
            mandate: [adopt_plan]
        resolutions:
          - number: KT/1/2026
            subject: Bildungskonzept
            body: kreistag
            date: 2026-11-26
            result: adopted
        participation:
          - id: konferenz
            kind: bildungskonferenz
            title: Bildungskonferenz
            date: 2026-10
            contributions:
              - id: beitrag-portal
                summary: Ein Portal für alle Angebote
                disposition: accepted
                linked_to: [m-portal]
                author:
                  name: Dr. Anna Mustermann
                  function: Leitung Bildungsbüro
                  email: anna.mustermann@landkreis-beispiel.de
                  phone: 04141 12-3456
                  room: Raum 2.14
        """

    static let secrets = ["Anna", "Mustermann", "anna.mustermann", "04141 12-3456", "Raum 2.14"]

    /// Every file of the store directory that holds `text`.
    func filesHolding(_ store: CLIStore, _ text: [UInt8]) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: store.path).filter { name in
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: store.path + "/" + name)))
            guard bytes.count >= text.count else { return false }
            return (0...(bytes.count - text.count)).contains { bytes[$0..<($0 + text.count)].elementsEqual(text) }
        }
    }

    @Test("contacts from a plan file, a change under a registered login, report, forget: verify passes and no file holds the person or the key")
    func contactsAndErasure() throws {
        let store = CLIStore()
        defer { store.remove() }
        let file = FileManager.default.temporaryDirectory.path + "/persons-\(UUID().uuidString.prefix(8)).yaml"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data(Self.plan.utf8).write(to: URL(fileURLWithPath: file))
        #expect(try store("import", file, "--reason", "Bildungskonzept mit Ansprechpersonen").status == 0)
        let listed = try store("person", "list", "--format", "json")
        let persons = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(persons.count == 2, "the same details twice are one person: \(listed.stdout)")
        let anna = try #require(persons.first { (($0["details"] as? [String: Any])?["name"] as? String) == "Dr. Anna Mustermann" }?["person"] as? String)
        // Anna registers her login; a change made under it names her person id, never the login.
        let key = try #require(try String(contentsOfFile: store.path + "/subject-keys", encoding: .utf8).split(separator: "\n")
            .first { $0.hasPrefix(anna + " ") }.map { String($0.split(separator: " ")[1]) })
        let shown = try store("show").stdout
        #expect(shown.contains("Ansprechperson: Dr. Anna Mustermann (Leitung Bildungsbüro, Raum 2.14, 04141 12-3456"), "\(shown)")
        let login = ["STRATEGY_ACTOR": "", "USER": "anna.mustermann", "LOGNAME": "anna.mustermann"]
        let unregistered = try store(["measure", "progress", "m-portal", "20"], environment: login.merging(english) { $1 })
        #expect(unregistered.status == 0 && unregistered.stderr.contains("no person is registered for your login"), "\(unregistered.stderr)")
        // (A second registration for Anna, with her login, is refused while her first has none: one login, one id.)
        let registered = try store("person", "add", "--name", "Anna M.", "--login", "anna.mustermann")
        #expect(registered.status == 0, "\(registered.stderr)")
        let annaLogin = registered.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try store(["measure", "progress", "m-portal", "40"], environment: login).status == 0)
        let log = try store("log", "-n", "2").stdout
        #expect(log.contains("von \(annaLogin)") && !log.contains("anna.mustermann"), "\(log)")
        #expect(!log.contains("von root"), "no login name goes into the log: \(log)")
        // The plan is adopted with its contacts; the version seals person ids only.
        let adopted = try store("adopt", "--label", "Bildungskonzept", "--resolution", "KT/1/2026", "--body", "kreistag", "--date", "2026-11-26")
        #expect(adopted.status == 0, "\(adopted.stderr)")
        #expect(try store("show", "--format", "markdown").stdout.contains("Ein Portal für alle Angebote (`beitrag-portal`) — von Dr. Anna Mustermann"))
        let report = try store("person", "report", annaLogin, "--format", "json").stdout
        #expect(report.contains("measure.progress.reported") && report.contains("anna.mustermann"), "\(report)")

        // Before the erasure the details are only ciphertext in the log.
        for secret in Self.secrets { #expect(try filesHolding(store, Array(secret.utf8)).isEmpty, "'\(secret)' in plaintext") }
        let forget = try store("person", "forget", anna, "--reason", "Löschantrag vom 28.11.2026", "--request", "DS-2026-014")
        #expect(forget.status == 0, "\(forget.stderr)")
        #expect(try store("person", "forget", anna, "--reason", "noch einmal").status == 0, "forgetting again is no error")
        #expect(try store("verify").status == 0)
        #expect(try store("show").stdout.contains("Ansprechperson: gelöscht [\(anna)]"))
        let markdown = try store("show", "--format", "markdown").stdout
        #expect(markdown.contains("gelöscht [\(anna)]") && markdown.contains("(`beitrag-portal`) — von gelöscht"), "\(markdown)")
        #expect(try store("show", "--version", "Bildungskonzept").stdout.contains("Ansprechperson: gelöscht"), "the sealed version shows the erasure too")
        let exported = try store("export").stdout
        #expect(exported.contains("- person: \(anna)") && exported.contains("author:\n") && !exported.contains("Mustermann"), "\(exported)")
        #expect(try store("person", "show", anna).stdout.contains("gelöscht (Löschantrag DS-2026-014)"))
        #expect(try store("person", "show", anna, "--lang", "en").stdout.contains("erased (erasure request DS-2026-014)"))
        let json = try store("person", "show", anna, "--format", "json").stdout
        #expect(json.contains("\"erased\" : true") && json.contains("\"readable\" : false"), "\(json)")
        #expect(try store("person", "show", annaLogin).stdout.contains("Anna M."), "another person stays readable")
        let after = try store("person", "report", anna).stdout
        #expect(after.contains("gelöscht") && after.contains("person.forgotten") && !after.contains("Mustermann"), "\(after)")
        // A read-only auditor sees the erasure too.
        #expect(try store("--read-only", "show").stdout.contains("gelöscht"))
        // Nothing of Anna's first record — nor her key — in any file of the store.
        for secret in ["Mustermann", "anna.mustermann@", "04141 12-3456", "Raum 2.14", key] {
            let holding = try filesHolding(store, Array(secret.utf8))
            #expect(holding.isEmpty, "'\(secret)' survives in \(holding)")
        }
        // The export imports into the plan unchanged: an erased contact stays named by its id.
        let again = FileManager.default.temporaryDirectory.path + "/persons-export-\(UUID().uuidString.prefix(8)).yaml"
        defer { try? FileManager.default.removeItem(atPath: again) }
        try Data(exported.utf8).write(to: URL(fileURLWithPath: again))
        #expect(try store("import", again, "--reason", "Rückimport").stdout.contains("keine Änderungen"))
    }

    @Test("forget killed with SIGKILL at random points: the key is usable or gone, never half; forget again finishes; verify passes")
    func forgetKilled() throws {
        let binary = try strategyctlPath()
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        var durations: [TimeInterval] = []
        var round = 0
        // Rounds continue until a few kills have hit a running forget, with a bound for a machine where every
        // forget is instant. The kill aims at the first four fifths of a typical forget's lifetime.
        while kills < 4 && round < 40 {
            defer { round += 1 }
            let store = CLIStore()
            defer { store.remove() }
            try #require(try store("init").status == 0)
            let added = try store("person", "add", "--name", "Clara Testfrau", "--phone", "04141 99-8877")
            let person = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            try #require(added.status == 0, "\(added.stderr)")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["--store", store.path, "person", "forget", person, "--reason", "Löschantrag"]
            var environment = ProcessInfo.processInfo.environment
            environment["STRATEGY_ACTOR"] = "p-test"
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let started = Date()
            try process.run()
            if round % 3 == 0 {
                process.waitUntilExit()  // now and then one runs to the end, to learn how long a forget takes
                durations.append(Date().timeIntervalSince(started))
            } else {
                let typical = durations.isEmpty ? 0.05 : durations.sorted()[durations.count / 2]
                // A blocking sleep: the test's own thread waits, so the kill comes on time even when the task pool is busy.
                usleep(UInt32(Double.random(in: (0.05 * typical)...(0.8 * typical), using: &generator) * 1_000_000))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                if process.terminationReason == .uncaughtSignal { kills += 1 }
            }
            // The key file is whole: it parses, and holds the key or not.
            let shown = try store("person", "show", person)
            #expect(shown.status == 0, "round \(round): \(shown.stderr)")
            #expect(shown.stdout.contains("Clara Testfrau") || shown.stdout.contains("gelöscht"), "round \(round): \(shown.stdout)")
            #expect(try store("verify").status == 0, "round \(round)")
            // Forget again finishes what the kill cut short.
            #expect(try store("person", "forget", person, "--reason", "Löschantrag, erneut").status == 0)
            #expect(try store("person", "show", person).stdout.contains("gelöscht"))
            let keys = try String(contentsOfFile: store.path + "/subject-keys", encoding: .utf8)
            #expect(!keys.contains(person) && !FileManager.default.fileExists(atPath: store.path + "/subject-keys.tmp"), "round \(round)")
            #expect(try filesHolding(store, Array("Clara Testfrau".utf8)).isEmpty && (try filesHolding(store, Array("99-8877".utf8))).isEmpty)
        }
        #expect(kills > 0, "no kill hit a running forget")
    }
}
