import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Facts about the machine the numbers come from.
enum Machine {
    static func describe() -> [(String, String)] {
        let info = ProcessInfo.processInfo
        var system = utsname()
        uname(&system)
        func text<T>(_ value: T) -> String { withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) } }
        let osRelease = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }?.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) ?? "unknown"
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown"
        var disk = "unknown"
        var fs = statvfs()
        if statvfs(FileManager.default.temporaryDirectory.path, &fs) == 0 {
            disk = String(format: "%.0f GB free of %.0f GB at %@", Double(fs.f_bavail) * Double(fs.f_frsize) / 1e9, Double(fs.f_blocks) * Double(fs.f_frsize) / 1e9, FileManager.default.temporaryDirectory.path)
        }
        let swift = (try? OtherScenarios.run("/usr/bin/env", ["swift", "--version"]))?.split(separator: "\n").first.map(String.init) ?? "unknown"
        return [
            ("cores", "\(info.activeProcessorCount) (\(cpu))"),
            ("memory", String(format: "%.1f GiB", Double(info.physicalMemory) / 1_073_741_824)),
            ("disk", disk),
            ("OS", "\(osRelease), kernel \(text(system.release))"),
            ("Swift", swift),
            ("date", ISO8601DateFormatter().string(from: Date())),
        ]
    }
}

enum Report {
    static func text(_ results: [ScenarioResult]) -> String {
        var out = ""
        for result in results {
            let verdict = result.met.map { $0 ? "MET" : "MISSED" } ?? "n/a"
            out += "\n\(result.name)\n  target: \(result.target) — \(verdict)\n"
            for row in result.rows {
                out += "  \(row.system.padding(toLength: 40, withPad: " ", startingAt: 0)) \(format(row.figure.median, row.figure.runs > 1 ? row.unit : row.unit))"
                if row.figure.runs > 1 { out += "  (min \(format(row.figure.min, row.unit)), max \(format(row.figure.max, row.unit)), \(row.figure.runs) runs)" }
                out += "\n"
            }
            for note in result.notes { out += "  \(note)\n" }
        }
        return out
    }

    static func markdown(_ results: [ScenarioResult], machine: [(String, String)], command: String) -> String {
        var out = "## Machine\n\n| | |\n|---|---|\n"
        for (key, value) in machine { out += "| \(key) | \(value) |\n" }
        out += "\nReproduce: `\(command)`\n\n## Results\n\n| scenario | system | median | min | max | runs | target | met |\n|---|---|---|---|---|---|---|---|\n"
        for result in results {
            let verdict = result.met.map { $0 ? "yes" : "**no**" } ?? "–"
            for (index, row) in result.rows.enumerated() {
                out += "| \(index == 0 ? result.name : "") | \(row.system) | \(format(row.figure.median, row.unit)) | \(format(row.figure.min, row.unit)) | \(format(row.figure.max, row.unit)) | \(row.figure.runs) | \(index == 0 ? result.target : "") | \(index == 0 ? verdict : "") |\n"
            }
            if result.rows.isEmpty { out += "| \(result.name) | – | – | – | – | – | \(result.target) | \(verdict) |\n" }
        }
        out += "\n### Notes\n\n"
        for result in results where !result.notes.isEmpty {
            out += "- **\(result.name)**: \(result.notes.joined(separator: "; "))\n"
        }
        return out
    }
}
