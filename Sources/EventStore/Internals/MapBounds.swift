internal import CLMDB
internal import Primitives
internal import Foundation
internal import Synchronization

/// Where LMDB's memory map of `data.mdb` lies, so that every key and value LMDB hands out is checked to lie in
/// bytes the file backs before any Swift code reads it.
///
/// LMDB trusts the sizes and offsets written in its pages. A damaged page can describe a value that reaches past
/// the end of the file (reading it raises SIGBUS) or outside the map altogether (SIGSEGV). A value is accepted
/// when it lies inside the mapped part of the file, `[start, start + file size)`.
///
/// LMDB 0.9's `mdb_env_info` reports the map's address only for `MDB_FIXEDMAP` environments (`me_mapaddr` is
/// the meta page's fixed address, null otherwise), so the address is looked up in `/proc/self/maps`: the mapping
/// of `data.mdb`'s device and inode at file offset 0. It is looked up again whenever LMDB maps the file anew
/// (`mdb_env_set_mapsize`), and before a value outside every known mapping is judged — but only when some
/// environment of the process opened, closed or remapped since the last look. Where `/proc` is missing the map's
/// place stays unknown and values are only checked against the file's size.
final class MapBounds: @unchecked Sendable {
    // @unchecked: `start` and `length` change only in `locate`, which runs while opening and under the
    // environment's resize lock held exclusively; they are read inside transactions, under the lock held shared.
    // `fileEnd` is an atomic: many readers may find the file grown at once.

    private var start: UInt = 0
    private var length: UInt = 0
    private var located = false
    /// Every mapping of the file at offset 0 seen in the last look: while an environment of the same file closes
    /// (its handle released on another thread) or another maps it, the process can hold more than one, and the
    /// one of exactly the map's size need not be this environment's.
    private let others = Protected<[Range<UInt>]>([])
    /// ``EnvironmentHandle/mappingGeneration`` when `others` was read: while it has not moved, no mapping of the
    /// process changed and `/proc/self/maps` would say the same. A write transaction's values in its own copied
    /// pages lie outside every mapping, so without this each of them would read the file again.
    private let othersGeneration = Atomic<UInt64>(.max)
    /// How often this environment read `/proc/self/maps`.
    let lookups = Atomic<UInt64>(0)
    private var environmentMapSize: UInt = 0
    /// The bytes of `data.mdb` known to exist. The file only grows while the store is open; a value beyond this
    /// end makes the check look at the file's size again before it refuses the value.
    private let fileEnd = Atomic<UInt>(0)
    private let descriptor: Int32
    private let path: String

    /// The largest value the store ever writes: a snapshot of four times the largest payload, plus headroom for
    /// its header. A value in a write transaction's own (dirty) pages is refused when it claims to be larger.
    static let largestValue = UInt(EventStore.maximumPayloadSize * 4 + (1 << 20))

    init(environment env: EnvironmentHandle, dataPath: String) throws(EventStoreError) {
        descriptor = try env.fileDescriptor()
        path = dataPath
        try locate(env)
    }

    /// Finds the map after LMDB (re)mapped the file, and the file's current size.
    func locate(_ env: EnvironmentHandle) throws(EventStoreError) {
        let info = try env.info()
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .io(path: path, operation: Wording(de: "Lesen der Größe von data.mdb", en: "reading the size of data.mdb"), errno: errno)
        }
        fileEnd.store(UInt(status.st_size), ordering: .relaxed)
        environmentMapSize = UInt(info.mapSize)
        let generation = EnvironmentHandle.mappingGeneration.load(ordering: .acquiring)
        let found = Self.mappings(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), path: path)
        lookups.add(1, ordering: .relaxed)
        othersGeneration.store(generation, ordering: .relaxed)
        if let mapping = found.first(where: { $0.upperBound - $0.lowerBound == environmentMapSize }) ?? (found.count == 1 ? found[0] : nil) {
            start = mapping.lowerBound
            length = mapping.upperBound - mapping.lowerBound
            located = true
        } else {
            located = false
        }
        others.withLock { $0 = found }
    }

    /// Whether `value` lies inside the mapped file. In a write transaction a value may also lie in a page LMDB
    /// copied to the heap to change it (outside the map); such a value is accepted up to ``largestValue`` bytes.
    @inline(__always)
    func contains(_ value: MDB_val, writable: Bool) -> Bool {
        let size = UInt(value.mv_size)
        if size == 0 { return true }
        guard let data = value.mv_data else { return false }
        let offset = UInt(bitPattern: data) &- start
        let end = fileEnd.load(ordering: .relaxed)
        if located ? (offset < end && size <= end - offset) : size <= end { return true }
        return slowContains(UInt(bitPattern: data), size: size, writable: writable)
    }

    private func slowContains(_ address: UInt, size: UInt, writable: Bool) -> Bool {
        guard located else {
            // The map's place is unknown: at least the size must fit the file.
            return size <= currentFileEnd()
        }
        let end = currentFileEnd()
        let offset = address &- start
        if offset < length && offset < end && size <= end - offset { return true }
        // Not in the mapping this environment was found at. While another environment of the same file is open or
        // closing, that lookup can have taken the other's mapping (see `others`): look at every mapping, and
        // again in /proc/self/maps, before refusing.
        if inAnyMapping(address, size: size, end: end) { return true }
        let generation = EnvironmentHandle.mappingGeneration.load(ordering: .acquiring)
        if generation != othersGeneration.load(ordering: .relaxed), let status = fileStatus() {
            let found = Self.mappings(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), path: path)
            others.withLock { $0 = found }
            lookups.add(1, ordering: .relaxed)
            othersGeneration.store(generation, ordering: .relaxed)
            if inAnyMapping(address, size: size, end: end) { return true }
        }
        let insideSomeMapping = others.withLock { ranges in ranges.contains { $0.contains(address) } } || offset < length
        // Outside every mapping of the file, only a write transaction's own copy of a page lives there.
        return !insideSomeMapping && writable && size <= Self.largestValue && address &+ size > address
    }

    /// Whether `[address, address + size)` lies in the file-backed part of any mapping of the file.
    private func inAnyMapping(_ address: UInt, size: UInt, end: UInt) -> Bool {
        others.withLock { ranges in
            ranges.contains { range in
                let offset = address &- range.lowerBound
                return offset < range.upperBound - range.lowerBound && offset < end && size <= end - offset
            }
        }
    }

    private func fileStatus() -> stat? {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? status : nil
    }

    /// The file's size now (another process may have grown it since the last look).
    private func currentFileEnd() -> UInt {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return fileEnd.load(ordering: .relaxed) }
        let end = UInt(status.st_size)
        fileEnd.store(end, ordering: .relaxed)
        return end
    }

    /// The file's size as last seen, for messages.
    var knownFileSize: UInt { fileEnd.load(ordering: .relaxed) }

    /// The address ranges of the mappings of (`device`, `inode`) at file offset 0 in `/proc/self/maps`. When no
    /// mapping names the inode (some overlay file systems report the inode of the file underneath), the mappings
    /// that name `path` are taken.
    private static func mappings(device: UInt64, inode: UInt64, path: String) -> [Range<UInt>] {
        guard let text = Self.readWhole("/proc/self/maps") else { return [] }
        // glibc's gnu_dev_major and gnu_dev_minor.
        let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~UInt64(0xfff))
        let minor = (device & 0xff) | ((device >> 12) & ~UInt64(0xff))
        let resolved = realpath(path, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? path
        var byInode: [Range<UInt>] = [], byPath: [Range<UInt>] = []
        for line in text.split(separator: "\n") {
            // start-end perms offset major:minor inode path
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count >= 5, fields[2].allSatisfy({ $0 == "0" }) else { continue }
            let bounds = fields[0].split(separator: "-")
            guard bounds.count == 2, let low = UInt(bounds[0], radix: 16), let high = UInt(bounds[1], radix: 16), low < high
            else { continue }
            let numbers = fields[3].split(separator: ":")
            if numbers.count == 2, UInt64(numbers[0], radix: 16) == major, UInt64(numbers[1], radix: 16) == minor,
               UInt64(fields[4]) == inode {
                byInode.append(low..<high)
            } else if fields.count == 6, fields[5].trimmingCharacters(in: .whitespaces) == resolved {
                byPath.append(low..<high)
            }
        }
        return byInode.isEmpty ? byPath : byInode
    }

    /// A file of /proc read to its end with read(2). Foundation's `String(contentsOfFile:)` trusts the size procfs
    /// reports (0) and stops after the first 4 KiB, which in a process with many mappings leaves out LMDB's.
    static func readWhole(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension EventStore {
    /// How often this store looked up LMDB's map in `/proc/self/maps`, and how often any environment of the process
    /// changed its mappings. A store looks at every open and remap, and when it judges a value outside every known
    /// mapping after some mapping changed: tests use the pair to show that writing does not look again for every
    /// value of a transaction's own pages.
    package func mapLookups() throws(EventStoreError) -> (lookups: UInt64, mappingChanges: UInt64) {
        let lookups = try shared.environment.map.lookups.load(ordering: .relaxed)
        return (lookups, EnvironmentHandle.mappingGeneration.load(ordering: .relaxed))
    }
}
