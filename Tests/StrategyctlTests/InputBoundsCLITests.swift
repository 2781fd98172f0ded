import Foundation
import Testing

@Suite("strategyctl input bounds", .timeLimit(.minutes(3)))
struct InputBoundsCLITests {
    /// A temporary directory for one test's files.
    struct Scratch {
        let path = FileManager.default.temporaryDirectory.path + "/strategyctl-input-\(UUID().uuidString.prefix(8))"
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        func remove() { try? FileManager.default.removeItem(atPath: path) }

        func write(_ name: String, _ text: String) throws -> String {
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(path)/\(name)"))
            return "\(path)/\(name)"
        }
    }

    @Test("a 5 GB file is refused by its size before it is read; so is an endless device; nothing is recorded")
    func oversizedFiles() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let store = CLIStore()
        defer { store.remove() }
        // Sparse: five gigabytes long, no disk used. Reading it whole would take more than 5 GB of memory.
        let huge = "\(scratch.path)/huge.yaml"
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: huge))
        try handle.truncate(atOffset: 5 << 30)
        try handle.close()

        let result = try store(["import", huge], environment: english)
        #expect(result.status == 1)
        #expect(result.stderr == "error: \(huge):1:1: the file has 5,368,709,120 bytes; plan files may have at most 67,108,864 bytes (64 MiB)\nhint: nothing was recorded\n")
        let endless = try store(["import", "/dev/zero"], environment: english)
        #expect(endless.status == 1)
        #expect(endless.stderr == "error: /dev/zero:1:1: the file has more than 67,108,864 bytes; plan files may have at most 67,108,864 bytes (64 MiB)\nhint: nothing was recorded\n")
        #expect(!FileManager.default.fileExists(atPath: store.path + "/data.mdb"))
    }

    @Test("a file with 10,000 problems prints the first 100 and says how many more there were")
    func manyProblems() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let store = CLIStore()
        defer { store.remove() }
        var yaml = "plan: kreis\ntitle: Bildungskonzept\ncounty: Landkreis Beispiel\n"
        for index in 0..<10_000 { yaml += "unbekannt-\(index): x\n" }
        let file = try scratch.write("viele.yaml", yaml)

        let result = try store(["import", file], environment: english)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 103)
        #expect(lines.first == "error: \(file):4:1: unbekannt-0: unknown key 'unbekannt-0'")
        #expect(lines[99] == "error: \(file):103:1: unbekannt-99: unknown key 'unbekannt-99'")
        #expect(lines[100] == "error: … and 9,900 more problems")
        #expect(lines[101] == "hint: 10,000 problems; nothing was recorded")
        #expect(!FileManager.default.fileExists(atPath: store.path + "/data.mdb"))
    }

    @Test("an alias bomb is refused at once; a bidirectional override is refused in a file and in a command")
    func hostileTexts() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let store = CLIStore()
        defer { store.remove() }
        var bomb = """
            plan: kreis
            title: T
            county: C
            fields:
              - &f
                id: hf-a
                code: a
                title: T
                commitment: C
                goals:
                  - &g
                    id: ziel-a
                    statement: S
                    targets:
                      - &t {indicator: kz, target: 1, target_date: 2025-01-01}

            """
        bomb += String(repeating: "          - *t\n", count: 299) + String(repeating: "      - *g\n", count: 299) + String(repeating: "  - *f\n", count: 299)
        let bombFile = try scratch.write("bomb.yaml", bomb)
        let refused = try store(["import", bombFile], environment: english)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasSuffix(": the file holds more than 100,000 values, counting the values of an anchor (&name) again each time an alias (*name) repeats them; a plan file may hold at most 100,000\nhint: nothing was recorded\n"))
        #expect(refused.stderr.split(separator: "\n").count == 2)

        let plan = """
            plan: kreis
            title: Bildungskonzept
            county: Landkreis Beispiel
            bodies:
              - {id: kreistag, name: Kreistag, kind: council, mandate: [adopt_plan]}

            """
        let good = try scratch.write("kreis.yaml", plan)
        #expect(try store("import", good).status == 0)
        let statsBefore = try store("stats", "--format", "json").stdout
        let disguised = try scratch.write("kreis-2.yaml", plan.replacingOccurrences(of: "Kreistag,", with: "\"Kreis\\u202Egat\","))
        let file = try store(["import", disguised], environment: english)
        #expect(file.status == 1)
        #expect(file.stderr == "error: \(disguised):5:26: bodies[0].name: contains U+202E RIGHT-TO-LEFT OVERRIDE, a control character that can disguise text\nhint: nothing was recorded\n")
        let command = try store(environment: english, "resolution", "record", "KT-1", "--body", "kreistag", "--date", "2025-03-20", "--subject", "Beschluss \u{202E}tpeznokretsaM")
        #expect(command.status == 1)
        #expect(command.stderr.hasPrefix("error: ") && command.stderr.contains(".subject: contains U+202E RIGHT-TO-LEFT OVERRIDE, a control character that can disguise text\n"))
        #expect(try store("stats", "--format", "json").stdout == statsBefore)
    }
}
