import Foundation
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let examplePlans = repositoryRoot.appendingPathComponent("Examples/plans")

/// The built `strategyctl`, next to the test binary.
func strategyctlPath() throws -> String {
    let exe = try #require(try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
    let path = URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("strategyctl").path
    try #require(FileManager.default.isExecutableFile(atPath: path), "build strategyctl first (swift build)")
    return path
}

struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs a program with arguments and an environment of its own (no terminal: colour and progress stay off).
func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws -> CLIResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["STRATEGY_STORE"] = nil
    env["STRATEGY_ACTOR"] = "p-test"
    env["NO_COLOR"] = nil
    // German, as the offices work; tests of the English output pass --lang en or LANG themselves.
    env["LC_ALL"] = nil
    env["LC_MESSAGES"] = nil
    env["LANG"] = "de_DE.UTF-8"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Read both pipes while the process runs, so a large output cannot block it.
    let group = DispatchGroup()
    nonisolated(unsafe) var out = Data(), err = Data()
    group.enter()
    DispatchQueue.global().async { out = output.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.enter()
    DispatchQueue.global().async { err = errors.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    process.waitUntilExit()
    group.wait()
    return CLIResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
}

/// Runs strategyctl.
func cli(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIResult {
    try run(try strategyctlPath(), arguments, environment: environment)
}

/// A store directory for one test.
struct CLIStore {
    let path: String

    init(path: String = FileManager.default.temporaryDirectory.path + "/strategyctl-tests-\(UUID().uuidString.prefix(8))") {
        self.path = path
    }
    func remove() {
        _ = try? run("/bin/chmod", ["-R", "u+w", path])
        try? FileManager.default.removeItem(atPath: path)
    }

    func callAsFunction(_ arguments: String..., environment: [String: String] = [:]) throws -> CLIResult {
        try cli(["--store", path] + arguments, environment: environment)
    }

    /// Runs strategyctl on this store with an environment of its own: `store(environment: english, "show")`.
    func callAsFunction(environment: [String: String], _ arguments: String...) throws -> CLIResult {
        try cli(["--store", path] + arguments, environment: environment)
    }

    func callAsFunction(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIResult {
        try cli(["--store", path] + arguments, environment: environment)
    }
}

/// Loads Stade's two files into a store with adoptions, as an office would with strategyctl.
func loadStade(_ store: CLIStore) throws {
    let first = examplePlans.appendingPathComponent("stade/01-bildungsstrategie-2019.yaml").path
    let second = examplePlans.appendingPathComponent("stade/02-fortschreibung-2024.yaml").path
    for (arguments, expected) in [
        (["import", first, "--effective", "2019-09-01", "--role", "Bildungsbüro"], Int32(0)),
        (["adopt", "--label", "Bildungsstrategie 2019", "--body", "kreistag", "--resolution", "V-2019/211", "--date", "2019-09-26", "--effective-from", "2019-10-01"], 0),
        (["import", second, "--reason", "Fortschreibung 2024", "--effective", "2024-01-15", "--role", "Bildungsbüro"], 0),
        (["measure", "set-status", "m-ganztag-ausbau", "in-progress", "--effective", "2024-02-01"], 0),
        (["adopt", "--label", "Bildungsstrategie 2024", "--body", "kreistag", "--resolution", "V-2024/052", "--date", "2024-03-21", "--effective-from", "2024-04-01"], 0),
    ] {
        let result = try store(arguments)
        #expect(result.status == expected, "\(arguments): \(result.stderr)")
    }
}

/// Replaces recorded times and store paths, which change from run to run.
func normalized(_ text: String, store: CLIStore) -> String {
    var out = text.replacingOccurrences(of: store.path, with: "<store>")
    let pattern = try! NSRegularExpression(pattern: "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")
    out = pattern.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: "<time>")
    return out
}

/// Compares with a golden file (rewritten with UPDATE_GOLDEN=1).
func expectGolden(_ text: String, _ name: String) throws {
    let url = repositoryRoot.appendingPathComponent("Tests/StrategyctlTests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try Data(text.utf8).write(to: url) }
    let golden = try String(contentsOf: url, encoding: .utf8)
    #expect(text == golden, "output differs from \(name); run with UPDATE_GOLDEN=1 to accept")
}

/// The environment of a run in English, for the tests that check English wording (the default in tests is German).
let english = ["LANG": "C.UTF-8"]

/// The chain head `verify` prints, `N:HASH`: from its line `head N:HASH` (English) or `Kettenkopf N:HASH` (German).
func chainHead(_ verifyOutput: String) -> String? {
    for line in verifyOutput.split(separator: "\n") {
        for prefix in ["head ", "Kettenkopf "] where line.hasPrefix(prefix) { return String(line.dropFirst(prefix.count)) }
    }
    return nil
}
