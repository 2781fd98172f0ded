import Foundation
import StrategyCore

/// Reads plan files for the parser without ever holding more than the parser accepts.
enum PlanFileReading {
    /// The bytes of the plan file at `path`.
    ///
    /// A regular file's size is checked against ``PlanFile/maximumSize`` before anything is read; of anything
    /// else (a pipe, a device) at most one byte more than the limit is read, then refused.
    ///
    /// - Throws: ``PlanFileError`` naming the file, its size and the limit; ``CommandFailure`` when the file
    ///   cannot be read.
    static func bytes(atPath path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CommandFailure(message: Terminal.say("\(path) kann nicht gelesen werden", "cannot read \(path)"), hint: Terminal.say("Pfad und Zugriffsrechte prüfen", "check the path and the permissions"), status: .invalidInput)
        }
        defer { try? handle.close() }
        var status = stat()
        guard fstat(handle.fileDescriptor, &status) == 0 else {
            throw CommandFailure(message: Terminal.say("\(path) kann nicht gelesen werden: ", "cannot read \(path): ") + String(cString: strerror(errno)), status: .invalidInput)
        }
        let kind = status.st_mode & S_IFMT
        if kind == S_IFDIR {
            throw CommandFailure(message: Terminal.say("\(path) kann nicht gelesen werden: das ist ein Verzeichnis", "cannot read \(path): it is a directory"), hint: Terminal.say("eine Plandatei (YAML) angeben", "name a plan file (YAML)"), status: .invalidInput)
        }
        if kind == S_IFREG { try PlanFile.checkSize(Int(status.st_size), file: path) }
        let data: Data
        do {
            data = try handle.read(upToCount: PlanFile.maximumSize + 1) ?? Data()
        } catch {
            throw CommandFailure(message: Terminal.say("\(path) kann nicht gelesen werden: ", "cannot read \(path): ") + error.localizedDescription, status: .invalidInput)
        }
        try PlanFile.checkSize(data.count, file: path, atLeast: true)
        return [UInt8](data)
    }
}
