public import Foundation

/// A tmpfs mounted for one test (root only): a small disk to fill, or a file system to remount read-only.
public struct SmallFileSystem {
    public let path: String

    /// Whether this process may mount a tmpfs (root with mount rights); tests that need one are skipped otherwise.
    public static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let probe = SmallFileSystem(path: FileManager.default.temporaryDirectory.path + "/eventstore-mount-probe-\(UUID().uuidString.prefix(6))")
        defer { probe.unmount() }
        return (try? probe.mount(size: "1m")) == true
    }()

    /// A file system to be mounted at `path`.
    public init(path: String = FileManager.default.temporaryDirectory.path + "/eventstore-fs-\(UUID().uuidString.prefix(8))") {
        self.path = path
    }

    /// Mounts a tmpfs of `size` (for example `"3m"`); false when mount refuses.
    @discardableResult
    public func mount(size: String) throws -> Bool {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path]) == 0
    }

    /// Remounts read-only or read-write; the kernel refuses while a file on it is open for writing.
    public func remount(readOnly: Bool) -> Bool { run("/bin/mount", ["-o", "remount,\(readOnly ? "ro" : "rw")", path]) == 0 }

    /// Unmounts and removes the mount point.
    public func unmount() {
        _ = run("/bin/umount", [path])
        try? FileManager.default.removeItem(atPath: path)
    }

    private func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
