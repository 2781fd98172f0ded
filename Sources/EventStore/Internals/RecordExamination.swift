internal import Foundation
internal import Synchronization

/// What can be learnt about one record from its own bytes: its parsed fields, or why they do not parse, and
/// whether SHA-256 over its stored previous hash and its body gives its stored hash.
struct ExaminedRecord {
    var parsed: Result<(record: RecordFormat.Checked, trailer: RecordFormat.Trailer), ByteReaderError>
    var hashMatches: Bool

    /// Parses and hashes one record.
    init(_ bytes: UnsafeRawBufferPointer, strings: inout InternedStrings) {
        do throws(ByteReaderError) {
            let trailer = try RecordFormat.trailer(of: bytes)
            let record = try RecordFormat.check(bytes, strings: &strings)
            parsed = .success((record, trailer))
            hashMatches = HashChain.hash(previous: trailer.previousHash, body: trailer.body) == trailer.hash
        } catch {
            parsed = .failure(error)
            hashMatches = false
        }
    }
}

/// The parsing and hashing of one page of log records, shared by the cores while the verifying thread does the
/// work that must follow the log's order.
///
/// Each record's parse and hash depend only on its own bytes, so the page is cut into chunks that any thread
/// claims one at a time. ``start()`` lets the other cores begin; the verifying thread goes on with its ordered
/// work (checking the page before, reading the page after) and then calls ``finish()``, which takes the chunks
/// nobody has claimed yet and waits for the rest. The record bytes are LMDB's memory: the read transaction that
/// produced them must stay open until ``finish()`` has returned.
///
/// - Complexity: O(*n*) parsing and hashing for *n* records, divided among the cores.
final class RecordExamination: @unchecked Sendable {
    // @unchecked: `records` is only read, every slot of `results` is written by the one thread that claimed its
    // chunk, and `results` is read only after `finish()` (the group's wait orders those writes before the reads).
    private let records: [UnsafeRawBufferPointer]
    private let results: UnsafeMutablePointer<ExaminedRecord>
    private let chunkSize: Int
    private let chunks: Int
    private let nextChunk = Atomic<Int>(0)
    private let group = DispatchGroup()

    init(_ records: [UnsafeRawBufferPointer]) {
        self.records = records
        results = .allocate(capacity: records.count)
        chunkSize = 512
        chunks = (records.count + chunkSize - 1) / chunkSize
    }

    deinit {
        // The other threads hold this object while they work, so none is left; examine what nobody claimed, so
        // that every slot is initialized once before it is released.
        _ = finish()
        results.deinitialize(count: records.count)
        results.deallocate()
    }

    /// Lets the other cores begin claiming chunks.
    func start() {
        guard chunks > 1 else { return }
        for _ in 1..<min(Parallelism.cores, chunks) {
            DispatchQueue.global().async(group: group) { self.work() }
        }
    }

    /// Examines the chunks nobody has claimed, waits for the others, and returns every record's findings in the
    /// page's order.
    /// Calling it again returns at once with the same findings.
    func finish() -> UnsafeBufferPointer<ExaminedRecord> {
        work()
        group.wait()
        return UnsafeBufferPointer(start: results, count: records.count)
    }

    private func work() {
        var strings = InternedStrings()
        while true {
            let chunk = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
            guard chunk < chunks else { return }
            for index in (chunk * chunkSize)..<min(records.count, (chunk + 1) * chunkSize) {
                (results + index).initialize(to: ExaminedRecord(records[index], strings: &strings))
            }
        }
    }
}
