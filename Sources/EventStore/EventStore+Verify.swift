internal import Foundation
internal import Primitives

extension EventStore {
    /// Recomputes the hash chain over the whole log and reports the first record that is missing, corrupt or
    /// does not match.
    ///
    /// Checks, for every position from 1 in order: the record is there (no gap), decodes, says it is at that
    /// position, links to its predecessor's hash, hashes to its stored hash (SHA-256 over the previous hash and
    /// the canonical body), is not earlier than its predecessor, and continues its stream's versions without a gap.
    /// Damaged bytes give a failure, never a crash.
    ///
    /// Everything is checked in **one read transaction**, so the chain, the indexes and the stream heads are one
    /// consistent view of the store — the log as it stood when verification began. Appends that other threads or
    /// processes commit meanwhile are simply not part of that view: a live writer never makes verify report damage.
    /// The transaction pins the pages of that view while verify runs (about a second per million events here),
    /// so a busy writer's file can grow by what it commits during that time. The report's
    /// ``VerificationReport/head`` is the last position of the view.
    ///
    /// Recomputing every hash after an edit would produce a self-consistent chain; that is caught only by
    /// comparing with a head cited earlier, outside the store (for example in a council record): pass it as
    /// `expectedHead`. Likewise a log cut off at its end, or a whole store rolled back to an older copy, is
    /// consistent in itself and shows only against a cited head.
    ///
    /// - Parameters:
    ///   - expectedHead: A head cited earlier: the record at its position must have its hash.
    ///   - checkIndexes: Also check the stream index, the event-id index and the stream heads against the log.
    ///   - progress: Called after each 10,000 records with the number of records checked so far. It runs while
    ///     the read transaction is open: keep it short and never block on other store work in it.
    /// - Throws: Only when the store cannot be read at all; damage is reported in the returned value.
    public func verify(
        expectedHead: ChainHead? = nil, checkIndexes: Bool = false, progress: ((UInt64) -> Void)? = nil
    ) throws(EventStoreError) -> VerificationReport {
        if let recorded = try shared.environment.foreignDataFile {
            return VerificationReport(eventsChecked: 0, head: nil, failure: ChainFailure(
                position: 0, kind: .foreignStore,
                detail: Wording(
                    de: "data.mdb gehört zum Speicher \(storeID.uuidString.lowercased()), die Datei store-id des Verzeichnisses "
                        + "nennt \(recorded.uuidString.lowercased())",
                    en: "data.mdb belongs to store \(storeID.uuidString.lowercased()), the directory's store-id file names "
                        + "\(recorded.uuidString.lowercased())")))
        }
        // First LMDB's page structure, read with pread, so that no damaged page is handed to LMDB below.
        if let damage = try shared.environment.checkPages() {
            return VerificationReport(eventsChecked: 0, head: nil, failure: ChainFailure(damage))
        }
        var verifier = ChainVerifier(expectedHead: expectedHead, checkIndexes: checkIndexes)
        try shared.environment.read { (txn) throws(EventStoreError) in
            // The view ends at the last position of this transaction; a last key that is not a position is
            // damage the walk reports, so then everything is checked.
            let end = try txn.withCursor(txn.databases.log) { (cursor) throws(EventStoreError) -> UInt64 in
                guard let last = try cursor.last() else { return 0 }
                return Keys.readPosition(last.key) ?? .max
            }
            // A pipeline of pages of 10,000 records: while the other cores parse and hash one page, this thread
            // checks the page before it in log order and reads the page after it. Every examination is finished
            // before this transaction ends, also when reading or checking throws: its threads read LMDB's memory.
            var page = try ChainVerifier.read(txn, from: 1, limit: 10_000, end: end)
            var examination = RecordExamination(page.entries.map(\.value))
            var nextExamination: RecordExamination?
            defer {
                _ = examination.finish()
                _ = nextExamination?.finish()
            }
            examination.start()
            while true {
                let next = try page.following.map { (start) throws(EventStoreError) in
                    try ChainVerifier.read(txn, from: start, limit: 10_000, end: end)
                }
                let examined = examination.finish()
                nextExamination = next.map { RecordExamination($0.entries.map(\.value)) }
                nextExamination?.start()
                try verifier.check(page, examined, txn)
                progress?(verifier.checked)
                guard let next, let started = nextExamination, !verifier.isDone else { break }
                (page, examination, nextExamination) = (next, started, nil)
            }
            if verifier.failure == nil { try verifier.finish(txn) }
        }
        return verifier.report
    }
}

/// The state of a chain verification between pages.
struct ChainVerifier {
    let expectedHead: ChainHead?
    let checkIndexes: Bool
    private(set) var checked: UInt64 = 0
    private var previousHash = ChainHash.genesis
    private var previousTime = Int64.min
    private var streams: [String: (version: UInt64, position: UInt64)] = [:]
    private(set) var failure: ChainFailure?
    private(set) var isDone = false

    init(expectedHead: ChainHead?, checkIndexes: Bool) {
        self.expectedHead = expectedHead
        self.checkIndexes = checkIndexes
    }

    var report: VerificationReport {
        VerificationReport(
            eventsChecked: checked,
            head: checked == 0 ? nil : ChainHead(position: checked, hash: previousHash),
            failure: failure,
            streams: streams.map { StreamHead(streamID: $0.key, version: $0.value.version, position: $0.value.position) }
                .sorted { $0.position < $1.position })
    }

    private mutating func fail(_ position: UInt64, _ kind: ChainFailure.Kind, _ detail: Wording) {
        failure = ChainFailure(position: position, kind: kind, detail: detail)
        isDone = true
    }

    /// Up to `limit` consecutive entries of the log from position `start` on, none after `end`.
    struct Page {
        var entries: [(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)] = []
        /// Why the log could not be read further, when LMDB itself found damaged pages while walking it.
        var unreadable: EventStoreError?
        /// Whether the log (up to `end`) ends with this page.
        var reachedEnd = false

        /// Where the next page starts: after this page's last key, unless the log ended, could not be read on,
        /// or its last key is no position (which checking this page reports).
        var following: UInt64? {
            guard !reachedEnd, unreadable == nil, let last = entries.last, let key = Keys.readPosition(last.key), key < .max
            else { return nil }
            return key + 1
        }
    }

    /// Reads the entries of the page starting at `start` (pointers into LMDB's memory, valid while `txn` is open).
    static func read(_ txn: Transaction, from start: UInt64, limit: Int, end: UInt64) throws(EventStoreError) -> Page {
        var page = Page()
        page.entries.reserveCapacity(min(limit, 16_384))
        try txn.withCursor(txn.databases.log) { (cursor) throws(EventStoreError) in
            do throws(EventStoreError) {
                var entry = try cursor.seek(atOrAfter: Keys.position(start))
                while let current = entry, page.entries.count < limit {
                    if let key = Keys.readPosition(current.key), key > end { entry = nil; break }
                    page.entries.append(current)
                    entry = try cursor.next()
                }
                page.reachedEnd = entry == nil
            } catch {
                // LMDB itself found damaged pages while walking the log: check what was read before them.
                guard let code = error.lmdbCode, [.corrupted, .pageNotFound, .badValueSize].contains(code) else { throw error }
                page.unreadable = error
            }
        }
        return page
    }

    /// Checks a page's records in log order, with what ``RecordExamination`` found in each (`examined`, in the
    /// page's order): the first failure reported is the same as in a purely sequential walk.
    mutating func check(
        _ page: Page, _ examined: UnsafeBufferPointer<ExaminedRecord>, _ txn: Transaction
    ) throws(EventStoreError) {
        for (index, current) in page.entries.enumerated() {
            let expected = checked + 1
            guard let key = Keys.readPosition(current.key) else {
                fail(expected, .corrupt, Wording(
                    de: "ein Schlüssel des Protokolls hat \(current.key.count) Byte statt 8",
                    en: "a log key has \(current.key.count) bytes instead of 8"))
                return
            }
            if key != expected {
                fail(expected, .missing, Wording(
                    de: "das Protokoll springt von Position \(checked) auf \(key)",
                    en: "the log jumps from position \(checked) to \(key)"))
                return
            }
            guard try check(examined[index], at: key, txn) else { return }
            checked = key
            if let expectedHead, expectedHead.position == key, expectedHead.hash != previousHash {
                fail(key, .headMismatch, Wording(
                    de: "der angegebene Kettenkopf \(expectedHead) stimmt nicht mit dem gespeicherten Hash \(previousHash) überein",
                    en: "the cited head \(expectedHead) does not match the stored hash \(previousHash)"))
                return
            }
        }
        if let unreadable = page.unreadable {
            fail(checked + 1, .corrupt, Wording(
                de: "LMDB kann die Seite nicht lesen, auf der er liegt: \(unreadable.wording.de)",
                en: "LMDB cannot read the page holding it: \(unreadable.wording.en)"))
        } else if page.following == nil {
            isDone = true
        }
    }

    /// The checks of one examined record that depend on the records before it; false (with `failure` set) when
    /// it is bad.
    private mutating func check(
        _ examined: ExaminedRecord, at position: UInt64, _ txn: Transaction
    ) throws(EventStoreError) -> Bool {
        let record: RecordFormat.Checked
        let trailer: RecordFormat.Trailer
        switch examined.parsed {
        case .success(let parsed):
            (record, trailer) = parsed
        case .failure(let error):
            fail(position, .corrupt, error.wording)
            return false
        }
        if record.position != position {
            fail(position, .wrongPosition, Wording(
                de: "er gibt an, an Position \(record.position) zu stehen", en: "it says it is at position \(record.position)"))
            return false
        }
        if trailer.previousHash != previousHash {
            fail(position, .brokenLink, Wording(
                de: "sein Vorgänger-Hash \(trailer.previousHash) ist nicht der Hash \(previousHash) von Position \(position - 1)",
                en: "its previous-hash \(trailer.previousHash) is not the hash \(previousHash) of position \(position - 1)"))
            return false
        }
        if !examined.hashMatches {
            let computed = HashChain.hash(previous: previousHash, body: trailer.body)
            fail(position, .hashMismatch, Wording(
                de: "sein Inhalt ergibt den Hash \(computed), gespeichert ist aber \(trailer.hash)",
                en: "its contents hash to \(computed), but it stores \(trailer.hash)"))
            return false
        }
        if record.recordedAt < previousTime {
            fail(position, .timeReversed, Wording(
                de: "er wurde vor Position \(position - 1) aufgezeichnet", en: "it was recorded before position \(position - 1)"))
            return false
        }
        let streamVersion = streams[record.streamID]?.version ?? 0
        if record.streamVersion != streamVersion + 1 {
            fail(position, .streamVersionGap, Wording(
                de: "er ist Version \(record.streamVersion) des Stroms '\(record.streamID)', der bei Version \(streamVersion) stand",
                en: "it is version \(record.streamVersion) of stream '\(record.streamID)', which was at version \(streamVersion)"))
            return false
        }
        if checkIndexes {
            let idPosition = try txn.get(txn.databases.ids, Keys.eventID(record.eventID)).flatMap(Keys.readPosition)
            if idPosition != position {
                let id = record.eventID.uuidString.lowercased()
                fail(position, .indexMismatch, Wording(
                    de: "der Ereignis-ID-Index verweist für \(id) auf \(idPosition.map { "Position \($0)" } ?? "nichts")",
                    en: "the event-id index points \(id) to \(idPosition.map(String.init) ?? "nothing")"))
                return false
            }
            let indexed = try txn.get(txn.databases.streams, Keys.named(record.streamID, record.streamVersion)).flatMap(Keys.readPosition)
            if indexed != position {
                fail(position, .indexMismatch, Wording(
                    de: "der Stromindex verweist für '\(record.streamID)' Version \(record.streamVersion) auf "
                        + (indexed.map { "Position \($0)" } ?? "nichts"),
                    en: "the stream index points '\(record.streamID)' version \(record.streamVersion) to \(indexed.map(String.init) ?? "nothing")"))
                return false
            }
        }
        streams[record.streamID] = (record.streamVersion, position)
        previousHash = trailer.hash
        previousTime = record.recordedAt
        return true
    }

    /// After the last record: the cited head must have been reached, and with `checkIndexes` the index sizes and
    /// stream heads must match the log.
    mutating func finish(_ txn: Transaction) throws(EventStoreError) {
        if let expectedHead, expectedHead.position > checked {
            fail(checked + 1, .headMismatch, Wording(
                de: "das Protokoll endet an Position \(checked), vor dem angegebenen Kettenkopf \(expectedHead.position)",
                en: "the log ends at position \(checked), before the cited head \(expectedHead.position)"))
            return
        }
        guard checkIndexes else { return }
        let idCount = try txn.entryCount(txn.databases.ids)
        let streamEntries = try txn.entryCount(txn.databases.streams)
        if UInt64(idCount) != checked || UInt64(streamEntries) != checked {
            fail(checked, .indexMismatch, Wording(
                de: "das Protokoll enthält \(checked) Datensätze, der Ereignis-ID-Index aber \(idCount) und der Stromindex \(streamEntries)",
                en: "the log holds \(checked) records but the event-id index \(idCount) and the stream index \(streamEntries)"))
            return
        }
        let indexedStreams = try StreamIndex.count(txn)
        if indexedStreams != streams.count {
            fail(checked, .indexMismatch, Wording(
                de: "das Protokoll enthält \(streams.count) Ströme, der Stromindex aber \(indexedStreams)",
                en: "the log holds \(streams.count) streams but the stream index \(indexedStreams)"))
            return
        }
        for (stream, expected) in streams.sorted(by: { $0.value.position < $1.value.position }) {
            let head = try StreamIndex.head(of: stream, txn)
            if head?.version != expected.version || head?.position != expected.position {
                fail(expected.position, .indexMismatch, Wording(
                    de: "der Kopf des Stroms '\(stream)' nennt Version \(head.map { String($0.version) } ?? "keine"), "
                        + "das Protokoll \(expected.version)",
                    en: "the head of stream '\(stream)' says version \(head.map { String($0.version) } ?? "none"), "
                        + "the log says \(expected.version)"))
                return
            }
        }
    }
}
