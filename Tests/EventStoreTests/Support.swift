@testable import EventStore
import Foundation
import Testing

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init(_ label: String = "store") {
        path = FileManager.default.temporaryDirectory.path + "/eventstore-tests-\(label)-\(UUID().uuidString.prefix(8))"
    }

    func remove() {
        _ = chmodRecursively(path, mode: 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }

    var dataFile: String { path + "/data.mdb" }
}

@discardableResult
func chmodRecursively(_ path: String, mode: mode_t) -> Bool {
    guard chmod(path, mode) == 0 else { return false }
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
        chmod(path + "/" + entry, mode & 0o666)
    }
    return true
}

/// A small event with a recognisable payload.
func sampleEvent(_ text: String, type: String = "test.happened", actor: String? = "tester") -> EventData {
    EventData(
        type: type, encoding: "text",
        metadata: EventMetadata(actor: actor, reason: "test", attributes: ["k": "v"]),
        payload: Array(text.utf8))
}

/// The built `eventstore-helper` executable, next to the test binary.
func helperExecutable() throws -> URL {
    let exe = try #require(try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
    let url = URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("eventstore-helper")
    try #require(FileManager.default.isExecutableFile(atPath: url.path), "build eventstore-helper first (swift build)")
    return url
}

/// A running `eventstore-helper` whose standard output is collected line by line.
final class HelperProcess: @unchecked Sendable {
    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var lines: [String] = []
    private var partial = ""
    private var errorText = ""

    init(_ arguments: [String]) throws {
        process.executableURL = try helperExecutable()
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = errors
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.partial += String(decoding: data, as: UTF8.self)
            while let newline = self.partial.firstIndex(of: "\n") {
                self.lines.append(String(self.partial[..<newline]))
                self.partial.removeSubrange(...newline)
            }
            self.lock.unlock()
        }
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.errorText += String(decoding: data, as: UTF8.self)
            self.lock.unlock()
        }
        try process.run()
    }

    /// The complete lines written so far.
    var collectedLines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }

    var standardError: String {
        lock.lock()
        defer { lock.unlock() }
        return errorText
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        drain()
    }

    /// Waits for the process to exit and returns its status.
    @discardableResult
    func wait() -> Int32 {
        process.waitUntilExit()
        drain()
        return process.terminationStatus
    }

    /// Reads what is left in the pipes after the process ended.
    private func drain() {
        output.fileHandleForReading.readabilityHandler = nil
        errors.fileHandleForReading.readabilityHandler = nil
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        let restErrors = errors.fileHandleForReading.readDataToEndOfFile()
        lock.lock()
        partial += String(decoding: rest, as: UTF8.self)
        // Only newline-terminated lines count: a line cut by a kill was never acknowledged.
        while let newline = partial.firstIndex(of: "\n") {
            lines.append(String(partial[..<newline]))
            partial.removeSubrange(...newline)
        }
        errorText += String(decoding: restErrors, as: UTF8.self)
        lock.unlock()
    }
}

/// An acknowledged append reported by the helper: `ack FIRST LAST ID…`.
struct Acknowledgement {
    let firstPosition: UInt64
    let lastPosition: UInt64
    let ids: [UUID]

    init?(_ line: String) {
        let parts = line.split(separator: " ")
        guard parts.count >= 4, parts[0] == "ack", let first = UInt64(parts[1]), let last = UInt64(parts[2]) else { return nil }
        firstPosition = first
        lastPosition = last
        ids = parts[3...].compactMap { UUID(uuidString: String($0)) }
    }
}

extension RecordFormat {
    /// The complete record for a body: the body, the previous hash and the new hash. Only tests need the pair; the
    /// store seals a body in place (``HashChain/seal(_:previous:)``).
    static func seal(body: [UInt8], previous: ChainHash) -> (record: [UInt8], hash: ChainHash) {
        var record = body
        let hash = HashChain.seal(&record, previous: previous)
        return (record, hash)
    }
}
