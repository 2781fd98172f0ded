internal import Foundation
internal import Primitives

/// Per-subject keys for crypto-shredding, kept beside the log in the file `subject-keys` of the store directory.
///
/// Personal data is stored in the log only as ciphertext under its subject's own key. The keys are not part of the
/// log: destroying a subject's key makes every ciphertext of that subject unreadable, while the log — and its hash
/// chain, which covers the ciphertext — stays as it was and keeps verifying.
///
/// The file holds one line per subject, `SUBJECT BASE64KEY`, after a header line; it is created `0600`. Every change
/// writes a new file next to it, flushes it (`fsync`) and renames it into place, then flushes the directory: a crash
/// at any point leaves either the old file or the new one, so a key is either usable or gone — never half written.
/// The old file's bytes belong to no file afterwards. Writers of several processes take turns on an exclusive
/// `flock(2)` on `subject-keys.lock`; readers need no lock.
///
/// Keys are opaque bytes to the store; the caller chooses the cipher (the engine uses ChaChaPoly with 256-bit keys).
public struct SubjectKeys: Sendable {
    /// The store directory.
    public let directory: String

    /// The key file's path.
    public var filePath: String { directory + "/" + Self.fileName }

    static let fileName = "subject-keys"
    static let header = "strategy-subject-keys 1"

    /// The keys of the store in `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// The subject's key, or nil when it has none (never had one, or it was destroyed).
    public func key(for subject: String) throws(EventStoreError) -> [UInt8]? {
        try load()[subject]
    }

    /// Every subject's key, read in one pass over the file.
    public func allKeys() throws(EventStoreError) -> [String: [UInt8]] {
        try load()
    }

    /// The subjects that have a key.
    public func subjects() throws(EventStoreError) -> [String] {
        try load().keys.sorted()
    }

    /// The subject's key, created (`byteCount` random bytes) when it has none.
    public func createKey(for subject: String, byteCount: Int = 32) throws(EventStoreError) -> [UInt8] {
        try Self.checkSubject(subject)
        return try locked { () throws(EventStoreError) -> [UInt8] in
            var keys = try load()
            if let existing = keys[subject] { return existing }
            var generator = SystemRandomNumberGenerator()
            let key = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            keys[subject] = key
            try write(keys)
            return key
        }
    }

    /// Destroys the subject's key: the file is rewritten without it. Returns false when the subject had no key
    /// (destroying is idempotent).
    @discardableResult
    public func destroyKey(for subject: String) throws(EventStoreError) -> Bool {
        try locked { () throws(EventStoreError) -> Bool in
            var keys = try load()
            guard keys.removeValue(forKey: subject) != nil else { return false }
            try write(keys)
            return true
        }
    }

    // MARK: The file

    static func checkSubject(_ subject: String) throws(EventStoreError) {
        guard !subject.isEmpty, subject.utf8.count <= 128, subject.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .invalidArgument(field: "subject", reason: Wording(de: "muss aus 1 bis 128 druckbaren ASCII-Zeichen ohne Leerzeichen bestehen, erhalten: '\(subject)'", en: "must be 1 to 128 printable ASCII characters without spaces, got '\(subject)'"))
        }
    }

    func load() throws(EventStoreError) -> [String: [UInt8]] {
        let descriptor = open(filePath, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return [:] }
            throw .io(path: filePath, operation: Wording(de: "Öffnen der Schlüsseldatei", en: "opening the key file"), errno: errno)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: filePath, operation: Wording(de: "Lesen der Schlüsseldatei", en: "reading the key file"), errno: errno)
            }
            if count == 0 { break }
            bytes += buffer[0..<count]
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == Substring(Self.header) else {
            throw .damagedStore(path: directory, reason: Wording(de: "\(Self.fileName) beginnt nicht mit '\(Self.header)'", en: "\(Self.fileName) does not start with '\(Self.header)'"))
        }
        var keys: [String: [UInt8]] = [:]
        for (index, line) in lines.dropFirst().enumerated() {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let key = Data(base64Encoded: String(parts[1])) else {
                throw .damagedStore(path: directory, reason: Wording(de: "\(Self.fileName) Zeile \(index + 2) hat nicht die Form 'SUBJECT BASE64KEY'", en: "\(Self.fileName) line \(index + 2) is not 'SUBJECT BASE64KEY'"))
            }
            keys[String(parts[0])] = [UInt8](key)
        }
        return keys
    }

    private func write(_ keys: [String: [UInt8]]) throws(EventStoreError) {
        let temporary = filePath + ".tmp"
        var text = Self.header + "\n"
        for subject in keys.keys.sorted() { text += subject + " " + Data(keys[subject]!).base64EncodedString() + "\n" }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreDirectory.creationError(errno, path: temporary, what: Wording(de: "Schreiben der Schlüsseldatei", en: "writing the key file")) }
        fchmod(descriptor, 0o600)
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                unlink(temporary)
                throw StoreDirectory.creationError(code, path: temporary, what: Wording(de: "Schreiben der Schlüsseldatei", en: "writing the key file"))
            }
            written += count
        }
        if fsync(descriptor) != 0 {
            let code = errno
            close(descriptor)
            unlink(temporary)
            throw StoreDirectory.creationError(code, path: temporary, what: Wording(de: "Speichern der Schlüsseldatei auf den Datenträger", en: "flushing the key file"))
        }
        close(descriptor)
        if rename(temporary, filePath) != 0 {
            let code = errno
            unlink(temporary)
            throw StoreDirectory.creationError(code, path: filePath, what: Wording(de: "Ersetzen der Schlüsseldatei", en: "replacing the key file"))
        }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Runs `body` holding the exclusive lock of `subject-keys.lock`.
    private func locked<T>(_ body: () throws(EventStoreError) -> T) throws(EventStoreError) -> T {
        let lockPath = filePath + ".lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreDirectory.creationError(errno, path: lockPath, what: Wording(de: "Öffnen der Sperrdatei der Schlüsseldatei", en: "opening the key file's lock")) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno != EINTR { throw .io(path: lockPath, operation: Wording(de: "Sperren der Schlüsseldatei", en: "locking the key file"), errno: errno) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}

extension EventStore {
    /// The store's per-subject keys (see ``SubjectKeys``).
    public var subjectKeys: SubjectKeys { SubjectKeys(directory: path) }
}
