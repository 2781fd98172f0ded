import Foundation

/// A measured figure: the median of several runs, with min and max.
struct Figure {
    let median: Double
    let min: Double
    let max: Double
    let runs: Int

    init(_ values: [Double]) {
        let sorted = values.sorted()
        median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        min = sorted.first ?? 0
        max = sorted.last ?? 0
        runs = sorted.count
    }
}

/// One row of a scenario: who was measured and what came out.
struct Row {
    let system: String
    let figure: Figure
    let unit: String
}

/// A scenario's outcome: rows, the target, whether it is met, and notes (ratios, explanations).
struct ScenarioResult {
    let name: String
    let rows: [Row]
    let target: String
    let met: Bool?
    let notes: [String]
}

/// Wall-clock seconds of `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Wall-clock seconds of an async `body`.
func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The p-th percentile (0...1) of values.
func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

/// A fresh directory for one store.
func scratchDirectory(_ label: String) -> String {
    let path = FileManager.default.temporaryDirectory.path + "/strategy-bench-\(label)-\(UUID().uuidString.prefix(8))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func removeDirectory(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

func format(_ value: Double, _ unit: String) -> String {
    switch unit {
    case "ms": return String(format: "%.2f ms", value)
    case "MB": return String(format: "%.0f MB", value)
    default:
        if value >= 100 { return "\(Int(value.rounded()).formatted(.number.grouping(.automatic))) \(unit)" }
        return String(format: "%.1f %@", value, unit)
    }
}

/// Progress and messages go to standard error, results to standard output.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// This process's I/O counters (`/proc/self/io`) and CPU times (`getrusage`), for the profiling aids.
struct ProcessIO {
    /// Bytes handed to write calls, and bytes the process caused to be written to storage.
    var wchar: Double, written: Double
    /// User and system CPU seconds so far.
    var user: Double, system: Double
    var cpu: Double { user + system }

    static func now() -> ProcessIO {
        let text = (try? String(contentsOfFile: "/proc/self/io", encoding: .utf8)) ?? ""
        func value(_ name: String) -> Double {
            text.split(separator: "\n").first { $0.hasPrefix(name + ":") }.flatMap { Double($0.split(separator: " ").last ?? "") } ?? 0
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return ProcessIO(wchar: value("wchar"), written: value("write_bytes"), user: seconds(usage.ru_utime), system: seconds(usage.ru_stime))
    }

    /// `body`'s result and the bytes the process handed to write calls meanwhile.
    static func handedToWrite<T>(_ body: () throws -> T) rethrows -> (result: T, bytes: Double) {
        let before = now()
        let result = try body()
        return (result, now().wchar - before.wchar)
    }
}
