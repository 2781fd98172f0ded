import Crypto
import Foundation
import StoreTestSupport
import Testing

/// The store under live use, run as users run it: several `strategyctl` processes at once, auditors reading while
/// the office writes, files hashed as evidence, odd paths, umasks and full disks.
@Suite("Trust under live use", .serialized, .timeLimit(.minutes(5)))
struct LiveUseTests {
    /// Starts `strategyctl` in the background with its output discarded.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try strategyctlPath())
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["STRATEGY_ACTOR"] = "p-test"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// SHA-256 of every file in a directory, by name.
    func fingerprint(_ directory: String) throws -> [String: String] {
        var prints: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            prints[name] = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        }
        return prints
    }

    @Test("verify, normal and read-only, never reports damage while another process keeps writing",
          .timeLimit(.minutes(5)))
    func verifyUnderLiveWriter() throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)
        let stop = store.path + "/../" + URL(fileURLWithPath: store.path).lastPathComponent + ".stop"
        defer { try? FileManager.default.removeItem(atPath: stop) }
        // The writer: a shell loop of everyday commands until told to stop.
        let script = """
            i=0
            while [ ! -e '\(stop)' ]; do
              i=$((i+1))
              '\(try strategyctlPath())' --store '\(store.path)' observation record kz-ganztagsquote $((40 + i % 50)) \
                --period "w$i" --region Stade --actor p-writer >/dev/null 2>&1
            done
            """
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", script]
        try writer.run()
        defer { if writer.isRunning { writer.terminate() } }
        let rounds = longRun ? 600 : 200
        var alarms: [String] = []
        var heads: Set<String> = []
        for round in 0..<rounds {
            let arguments = round % 2 == 0 ? ["verify"] : ["verify", "--read-only"]
            let result = try store(arguments)
            if result.status != 0 { alarms.append("round \(round) \(arguments): exit \(result.status): \(result.stderr)") }
            if let head = chainHead(result.stdout) { heads.insert(head) }
        }
        _ = FileManager.default.createFile(atPath: stop, contents: nil)
        writer.waitUntilExit()
        #expect(alarms.isEmpty, "\(alarms.count) false alarms of \(rounds): \(alarms.prefix(3))")
        // The writer really wrote meanwhile: verify saw many different heads.
        #expect(heads.count > 10, "only \(heads.count) distinct heads: the writer did not overlap the verifies")
        let final = try store("verify")
        #expect(final.status == 0, "\(final.stderr)")
    }

    @Test("processes racing to create one store end with one store that verifies and takes writes",
          .timeLimit(.minutes(5)))
    func concurrentCreation() throws {
        let file = examplePlans.appendingPathComponent("vechta/bildungskonzept.yaml").path
        let rounds = longRun ? 100 : 30
        var failures: [String] = []
        for round in 0..<rounds {
            let store = CLIStore()
            defer { store.remove() }
            // Half of the rounds race `init`, the other half `import` of the same plan file, 4 processes each.
            let arguments = round % 2 == 0 ? ["--store", store.path, "init"] : ["--store", store.path, "import", file, "--quiet"]
            let racers = try (0..<4).map { _ in try start(arguments) }
            for racer in racers { racer.waitUntilExit() }
            let statuses = racers.map(\.terminationStatus)
            if statuses.contains(where: { $0 != 0 }) { failures.append("round \(round): exits \(statuses)") }
            let ids = Set(try FileManager.default.contentsOfDirectory(atPath: store.path))
            if ids != ["data.mdb", "lock.mdb", "store-id"] { failures.append("round \(round): files \(ids.sorted())") }
            let verify = try store("verify")
            if verify.status != 0 { failures.append("round \(round): verify \(verify.status) \(verify.stderr)") }
            let write = round % 2 == 0
                ? try store("init", "--plan", "probe", "--title", "Probe", "--county", "Landkreis Probe")
                : try store("observation", "record", "kz-weiterbildung", "1200", "--period", "2025", "--region", "Vechta")
            if write.status != 0 { failures.append("round \(round): write \(write.status) \(write.stderr)") }
            if round % 2 == 1 {
                // The plan was created once: one plan.created event, the file's content recorded once.
                let log = try store("log", "--type", "plan.created", "--format", "json")
                if log.stdout.components(separatedBy: "\"plan.created\"").count != 2 { failures.append("round \(round): plan created more than once") }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("reading commands leave every file of a writable store byte for byte as it was, and create nothing",
          .timeLimit(.minutes(3)))
    func readsNeverWrite() throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)
        try FileManager.default.removeItem(atPath: store.path + "/store-id")
        let reads = [
            ["show"], ["show", "--version", "Bildungsstrategie 2019"], ["log"], ["versions"],
            ["history", "ziel-ganztag-plaetze"], ["blame", "ziel-ganztag-plaetze"], ["export"], ["export", "--format", "markdown"],
            ["diff", "Bildungsstrategie 2019", "draft"], ["stats"], ["verify"], ["verify", "--read-only"],
        ]
        // With the lock file of an earlier writer there: LMDB registers each reader in lock.mdb (its shared reader
        // table, which holds no records); every other file keeps its bytes.
        let before = try fingerprint(store.path).filter { $0.key != "lock.mdb" }
        for arguments in reads {
            let result = try store(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(try fingerprint(store.path).filter { $0.key != "lock.mdb" } == before, "\(arguments) changed the store's files")
        }
        // Without a lock file (a copy handed to an auditor): nothing is created, nothing changes.
        try FileManager.default.removeItem(atPath: store.path + "/lock.mdb")
        let untouched = try fingerprint(store.path)
        for arguments in reads {
            let result = try store(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(try fingerprint(store.path) == untouched, "\(arguments) changed or created a file")
        }
        #expect(!FileManager.default.fileExists(atPath: store.path + "/store-id"))
    }

    @Test("a new store is private (0700, files 0600) whatever the umask", .timeLimit(.minutes(2)))
    func permissions() throws {
        for mask in ["000", "022", "002"] {
            let store = CLIStore()
            defer { store.remove() }
            let result = try run("/bin/sh", ["-c", "umask \(mask); exec '\(try strategyctlPath())' --store '\(store.path)' import '\(examplePlans.path)/vechta/bildungskonzept.yaml' --quiet"])
            try #require(result.status == 0, "\(result.stderr)")
            func mode(_ path: String) throws -> Int {
                (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
            }
            #expect(try mode(store.path) == 0o700, "umask \(mask): directory")
            for name in ["data.mdb", "lock.mdb", "store-id"] {
                #expect(try mode(store.path + "/" + name) == 0o600, "umask \(mask): \(name)")
            }
        }
    }

    @Test("exports record the version they show; importing an edited file after another change is a conflict",
          .timeLimit(.minutes(3)))
    func importRefusesToOvertake() throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)
        let exported = try store("export")
        try #require(exported.status == 0)
        #expect(exported.stdout.contains("based_on_version:"))
        // The office edits the file while a colleague records a change.
        let edited = exported.stdout.replacingOccurrences(of: "status: in_progress", with: "status: suspended")
        try #require(edited != exported.stdout)
        let file = store.path + ".yaml"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try edited.write(toFile: file, atomically: true, encoding: .utf8)
        let colleague = try store("measure", "progress", "m-ganztag-ausbau", "35", "--actor", "p-kollegin")
        try #require(colleague.status == 0, "\(colleague.stderr)")
        let refused = try store("import", file, "--reason", "Sitzung")
        #expect(refused.status == 4, "\(refused.stderr)")
        #expect(refused.stderr.contains("measure.progress_reported") || refused.stderr.contains("p-kollegin"), "\(refused.stderr)")
        // --force lets the file win, knowingly.
        let forced = try store("import", file, "--reason", "Sitzung", "--force")
        #expect(forced.status == 0, "\(forced.stderr)")
        // The same file once more: nothing to record, so no conflict either.
        let again = try store("import", file, "--reason", "Sitzung")
        #expect(again.status == 0 && again.stdout.contains("keine Änderungen"), "\(again.stdout) \(again.stderr)")
        // An exported file says nothing about another store's history: it imports into a store without the plan.
        let draftOnly = CLIStore(), elsewhere = CLIStore()
        defer { draftOnly.remove(); elsewhere.remove() }
        try #require(try draftOnly("import", examplePlans.appendingPathComponent("stade/01-bildungsstrategie-2019.yaml").path, "--quiet").status == 0)
        let draftExport = store.path + "-draft.yaml"
        defer { try? FileManager.default.removeItem(atPath: draftExport) }
        try (try draftOnly("export").stdout).write(toFile: draftExport, atomically: true, encoding: .utf8)
        let copied = try elsewhere("import", draftExport, "--quiet")
        #expect(copied.status == 0, "\(copied.stderr)")
        // --if-version is carried into the append: a stale one is exit 4.
        let stale = try store("observation", "record", "kz-ganztagsquote", "51", "--period", "x1", "--region", "Stade", "--if-version", "3")
        #expect(stale.status == 4, "\(stale.stderr)")
        let staleImport = try store("import", examplePlans.appendingPathComponent("stade/01-bildungsstrategie-2019.yaml").path, "--if-version", "3")
        #expect(staleImport.status == 4, "\(staleImport.stderr)")
    }

    @Test("creating a store on a full file system, and reading one whose lock file is gone there, give clear answers",
          .enabled(if: SmallFileSystem.canMount, "needs root and mount (tmpfs)"), .timeLimit(.minutes(3)))
    func fullDisk() throws {
        let fs = SmallFileSystem()
        try #require(try fs.mount(size: "4m"))
        defer { fs.unmount() }
        // A store with content, then a disk filled to the last byte.
        let existing = CLIStore(path: fs.path + "/bestand")
        let made = try existing("import", examplePlans.appendingPathComponent("vechta/bildungskonzept.yaml").path, "--quiet")
        try #require(made.status == 0, "\(made.stderr)")
        try FileManager.default.removeItem(atPath: existing.path + "/lock.mdb")
        let filler = fs.path + "/filler"
        _ = try run("/bin/sh", ["-c", "cat /dev/zero > '\(filler)' 2>/dev/null; true"])
        for arguments in [["init"], ["import", examplePlans.appendingPathComponent("vechta/bildungskonzept.yaml").path]] {
            let fresh = CLIStore(path: fs.path + "/neu-\(arguments[0])")
            let result = try fresh(arguments, environment: english)
            #expect(result.status == 1, "\(arguments): exit \(result.status): \(result.stderr)")
            #expect(result.stderr.contains("disk may be full"), "\(arguments): \(result.stderr)")
        }
        for arguments in [["verify"], ["show", "--read-only"], ["verify", "--read-only"]] {
            let result = try existing(arguments)
            #expect(result.status == 0, "\(arguments): exit \(result.status): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: existing.path + "/lock.mdb"))
        // Room again: the half-created store is finished by the next init, without a backup.
        try FileManager.default.removeItem(atPath: filler)
        let retry = CLIStore(path: fs.path + "/neu-init")
        let again = try retry("init")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try retry("verify").status == 0)
    }

    @Test("damaged headers, wiped data files and odd store paths get clear answers with the right exit status",
          .timeLimit(.minutes(2)))
    func damagedAndOddStores() throws {
        let store = CLIStore()
        defer { store.remove() }
        try loadStade(store)
        // A zeroed LMDB magic in the first meta page is damage (3), not "not a store" (1).
        let copy = CLIStore()
        defer { copy.remove() }
        _ = try run("/bin/cp", ["-a", store.path, copy.path])
        let handle = try #require(FileHandle(forUpdatingAtPath: copy.path + "/data.mdb"))
        try handle.seek(toOffset: 16)
        try handle.write(contentsOf: Data(count: 4))
        try handle.close()
        let zeroed = try copy(["verify"], environment: english)
        #expect(zeroed.status == 3, "\(zeroed.stderr)")
        #expect(zeroed.stderr.contains("damaged"), "\(zeroed.stderr)")
        // An emptied data.mdb in a directory that held a store: damage, never a silently new store.
        let wiped = CLIStore()
        defer { wiped.remove() }
        _ = try run("/bin/cp", ["-a", store.path, wiped.path])
        try Data().write(to: URL(fileURLWithPath: wiped.path + "/data.mdb"))
        for arguments in [["show"], ["observation", "record", "kz-ganztagsquote", "1", "--period", "p", "--region", "Stade"]] {
            let result = try wiped(arguments, environment: english)
            #expect(result.status == 3, "\(arguments): \(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: wiped.path + "/data.mdb")).isEmpty)
        // A dangling symbolic link and a loop of links as --store.
        let base = FileManager.default.temporaryDirectory.path + "/strategyctl-links-\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createSymbolicLink(atPath: base + "/dangling", withDestinationPath: base + "/nirgends")
        try FileManager.default.createSymbolicLink(atPath: base + "/a", withDestinationPath: base + "/b")
        try FileManager.default.createSymbolicLink(atPath: base + "/b", withDestinationPath: base + "/a")
        for (link, words) in [("dangling", "does not exist"), ("a", "loop")] {
            for arguments in [["show"], ["init"]] {
                let result = try cli(["--store", base + "/" + link] + arguments, environment: english)
                #expect(result.status == 1, "\(link) \(arguments): \(result.stderr)")
                #expect(result.stderr.contains(words) && !result.stderr.contains("LMDB error"), "\(link) \(arguments): \(result.stderr)")
            }
        }
    }

    @Test("a store whose creation was cut short is finished by the next writer, without a backup", .timeLimit(.minutes(2)))
    func unfinishedCreation() throws {
        for (bytes, lock) in [(0, true), (100, true), (4096, false)] {
            let store = CLIStore()
            defer { store.remove() }
            try FileManager.default.createDirectory(atPath: store.path, withIntermediateDirectories: true)
            // What a crash or a full disk leaves: a data file shorter than LMDB's two meta pages, no store-id.
            try Data(repeating: 0, count: bytes).write(to: URL(fileURLWithPath: store.path + "/data.mdb"))
            if lock { try Data(repeating: 0, count: 8192).write(to: URL(fileURLWithPath: store.path + "/lock.mdb")) }
            // Reading it is refused (nothing is changed) ...
            #expect(try store("show").status == 3, "\(bytes) bytes")
            // ... writing finishes the creation.
            let imported = try store("import", examplePlans.appendingPathComponent("vechta/bildungskonzept.yaml").path, "--quiet")
            #expect(imported.status == 0, "\(bytes) bytes: \(imported.stderr)")
            #expect(try store("verify").status == 0, "\(bytes) bytes")
        }
    }
}
