internal import Foundation
internal import Primitives

/// The store directory around LMDB's two files: its path checks, its permissions, the lock file prepared before
/// LMDB maps it, the `store-id` file, and the recovery of a creation that never finished.
///
/// A store holds a county's records: the directory is created `0700` and every file in it `0600`, whatever the
/// process's umask. Several processes may create one store at the same time; exactly one store results, and each of
/// them opens it:
/// - `mdb_env_open` takes LMDB's lock before it creates or reads `data.mdb`, so one process writes the meta pages
///   and the others read them;
/// - the store's metadata is written in a write transaction that first looks for metadata another process
///   committed (LMDB serializes writers), see `Environment.openDatabases`;
/// - `store-id` is written to a temporary file and linked into place, which fails if another process was first;
///   everyone then reads the one that is there.
struct StoreDirectory {
    let path: String

    var dataPath: String { path + "/data.mdb" }
    var lockPath: String { path + "/lock.mdb" }
    var storeIDPath: String { path + "/store-id" }

    /// The size of LMDB's lock file for `mdb_env_set_maxreaders(510)`: 509 reader slots of one cache line each
    /// after the 192-byte `MDB_txninfo` header (liblmdb 0.9 with POSIX robust mutexes). Every process derives
    /// its reader count from the file's size, so a file of this size is what LMDB itself would make.
    static let lockFileSize = 509 * 64 + 192

    // MARK: Paths

    /// Refuses paths that cannot be a store directory with a clear reason: a dangling symbolic link, a loop of
    /// links, a link to a file.
    func checkPath() throws(EventStoreError) {
        var link = stat()
        guard lstat(path, &link) == 0 else { return }  // missing: created (or refused) by the caller
        guard (link.st_mode & S_IFMT) == S_IFLNK else { return }
        var target = stat()
        if stat(path, &target) != 0 {
            let code = errno
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            if code == ELOOP {
                throw .notAStore(path: path, reason: Wording(de: "es ist ein symbolischer Link, der im Kreis führt (über \(destination))", en: "it is a symbolic link that leads round in a loop (via \(destination))"))
            }
            throw .notAStore(path: path, reason: Wording(de: "es ist ein symbolischer Link auf \(destination), das nicht existiert; legen Sie dieses Verzeichnis an oder geben Sie den tatsächlichen Pfad an", en: "it is a symbolic link to \(destination), which does not exist; create that directory or pass the real path"))
        }
    }

    // MARK: Creation

    /// `mkdir -p` with mode 0700 for every directory it creates, with the failing errno in the error.
    func makeDirectories() throws(EventStoreError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw Self.creationError(errno, path: prefix, what: Wording(de: "Anlegen des Speicherverzeichnisses", en: "creating the store directory"))
            }
            prefix += "/"
        }
    }

    /// Creates `lock.mdb` (0600) with its blocks allocated, when it does not exist yet.
    ///
    /// LMDB sizes the lock file with `ftruncate` and writes to it through a memory map; on a full file system the
    /// first write to an unallocated page kills the process with SIGBUS. Allocating the blocks first
    /// (`posix_fallocate`) turns that into a clear error before LMDB maps anything. An existing lock file is left
    /// alone: other processes may have it mapped.
    func prepareLockFile() throws(EventStoreError) {
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            if errno == EEXIST { return }
            throw Self.creationError(errno, path: path, what: Wording(de: "Anlegen von lock.mdb", en: "creating lock.mdb"))
        }
        defer { close(descriptor) }
        fchmod(descriptor, 0o600)
        let code = posix_fallocate(descriptor, 0, off_t(Self.lockFileSize))
        if code != 0 {
            unlink(lockPath)
            throw Self.creationError(code, path: path, what: Wording(de: "Reservieren von lock.mdb", en: "allocating lock.mdb"))
        }
    }

    /// Sets mode 0600 on a file the store created (umask may have left it wider; LMDB creates with the mode it is
    /// given minus the umask).
    func restrictPermissions(_ file: String) {
        chmod(file, 0o600)
    }

    /// The error for a failure to create part of the store: a full disk or a read-only file system gets
    /// ``EventStoreError/writeFailed(path:errno:)``.
    static func creationError(_ code: Int32, path: String, what: Wording) -> EventStoreError {
        [ENOSPC, EDQUOT, EROFS, EIO, EFBIG].contains(code) ? .writeFailed(path: path, errno: code) : .io(path: path, operation: what, errno: code)
    }

    // MARK: An unfinished creation

    /// True when `data.mdb` is shorter than LMDB's two meta pages.
    func dataFileIsShort(pageSize: Int) -> Bool {
        Environment.fileSize(dataPath) < UInt64(2 * pageSize)
    }

    /// Resets a `data.mdb` left by a creation that never finished, so that `mdb_env_open` initialises it again.
    ///
    /// Only a file shorter than two meta pages in a directory without `store-id` qualifies: nothing was ever
    /// committed to it (a store's first commit writes both meta pages, and `store-id` follows it). It is reset only
    /// while no process has the environment open — holding the exclusive lock LMDB itself takes on `lock.mdb`
    /// while it initialises a new file — so a creation running right now in another process is never disturbed.
    /// Returns false (and changes nothing) when another process holds the environment.
    func resetUnfinishedCreation() throws(EventStoreError) -> Bool {
        let lock = open(lockPath, O_RDWR | O_CLOEXEC)
        if lock < 0 {
            if errno != ENOENT { return false }
        }
        defer { if lock >= 0 { close(lock) } }
        if lock >= 0 {
            var region = flock()
            region.l_type = Int16(F_WRLCK)
            region.l_whence = Int16(SEEK_SET)
            region.l_start = 0
            region.l_len = 1
            if fcntl(lock, F_SETLK, &region) != 0 { return false }  // another process has the store open
        }
        if truncate(dataPath, 0) != 0 {
            throw Self.creationError(errno, path: path, what: Wording(de: "Zurücksetzen einer unfertigen data.mdb", en: "resetting an unfinished data.mdb"))
        }
        return true
    }

    /// True when at least one of `data.mdb`'s two meta pages carries LMDB's magic number (`MDB_MAGIC`,
    /// 0xBEEFC0DE, right after the 16-byte page header): the file is an LMDB environment, perhaps a damaged one,
    /// rather than some other file.
    func dataFileHasLMDBMagic(pageSize: Int) -> Bool {
        let descriptor = open(dataPath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        for page in 0..<2 {
            var magic: UInt32 = 0
            let read = pread(descriptor, &magic, 4, off_t(page * pageSize + 16))
            if read == 4 && UInt32(littleEndian: magic) == 0xBEEF_C0DE { return true }
        }
        return false
    }

    // MARK: store-id

    /// The store id the directory's `store-id` file names, or nil when there is none (or it is unreadable).
    func recordedStoreID() -> UUID? {
        (try? String(contentsOfFile: storeIDPath, encoding: .utf8))
            .flatMap { UUID(uuidString: $0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    var hasStoreIDFile: Bool { FileManager.default.fileExists(atPath: storeIDPath) }

    /// Writes `store-id` (0600) unless one is there, atomically: a complete temporary file is linked into place,
    /// which fails when another process was first. Returns the id the directory names afterwards.
    func recordStoreID(_ id: UUID) throws(EventStoreError) -> UUID {
        if let recorded = recordedStoreID() { return recorded }
        let temporary = storeIDPath + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.creationError(errno, path: path, what: Wording(de: "Schreiben von store-id", en: "writing store-id")) }
        let text = Array((id.uuidString.lowercased() + "\n").utf8)
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let writeError = written == text.count ? 0 : (written < 0 ? errno : ENOSPC)
        fchmod(descriptor, 0o600)
        let syncError = fsync(descriptor) == 0 ? 0 : errno
        close(descriptor)
        defer { unlink(temporary) }
        if writeError != 0 || syncError != 0 {
            throw Self.creationError(writeError != 0 ? writeError : syncError, path: path, what: Wording(de: "Schreiben von store-id", en: "writing store-id"))
        }
        if link(temporary, storeIDPath) != 0 && errno != EEXIST {
            throw Self.creationError(errno, path: path, what: Wording(de: "Schreiben von store-id", en: "writing store-id"))
        }
        return recordedStoreID() ?? id
    }

    /// True for a file name of the store's own (`data.mdb` too: another process creating the store may have just
    /// made it).
    static func isStoreFile(_ name: String) -> Bool {
        name == "data.mdb" || name == "lock.mdb" || name == "store-id" || name.hasPrefix("store-id.")
            || name == SubjectKeys.fileName || name.hasPrefix(SubjectKeys.fileName + ".")
    }
}
