internal import Primitives
internal import Foundation

/// The end of the hash chain as seen inside a write transaction.
struct ChainTip {
    var position: UInt64
    var hash: ChainHash
    var recordedAt: Int64

    static let empty = ChainTip(position: 0, hash: .genesis, recordedAt: .min)

    /// The last record's position, hash and time (`MDB_LAST` on the log).
    static func read(_ txn: Transaction) throws(EventStoreError) -> ChainTip {
        try txn.withCursor(txn.databases.log) { (cursor) throws(EventStoreError) -> ChainTip in
            guard let last = try cursor.last() else { return .empty }
            let position = Keys.readPosition(last.key) ?? 0
            do throws(ByteReaderError) {
                let trailer = try RecordFormat.trailer(of: last.value)
                return ChainTip(position: position, hash: trailer.hash, recordedAt: trailer.recordedAt)
            } catch {
                throw .corruptRecord(position: position, reason: error.wording)
            }
        }
    }
}

/// The last keys of the event-id and stream indexes inside a write transaction.
///
/// A key greater than the last one cannot be stored yet (so the idempotency lookup can be skipped) and can be
/// written with `MDB_APPEND` (no B-tree search). Time-ordered event ids and a plan's stream usually are.
struct IndexTails {
    var lastEventID: [UInt8]
    var lastStreamKey: [UInt8]

    static func read(_ txn: Transaction) throws(EventStoreError) -> IndexTails {
        func last(_ database: DatabaseHandle) throws(EventStoreError) -> [UInt8] {
            try txn.withCursor(database) { (cursor) throws(EventStoreError) -> [UInt8] in (try cursor.last()).map { Array($0.key) } ?? [] }
        }
        return IndexTails(lastEventID: try last(txn.databases.ids), lastStreamKey: try last(txn.databases.streams))
    }

    /// Writes `key` with `MDB_APPEND` when it sorts after the last key, else with a normal put.
    static func put(
        _ txn: Transaction, _ database: DatabaseHandle, _ key: [UInt8], _ value: [UInt8], tail: inout [UInt8]
    ) throws(EventStoreError) {
        if Keys.precedes(tail, key) {
            try txn.put(database, key, value, options: .append)
            tail = key
        } else {
            try txn.put(database, key, value, options: .noOverwrite)
        }
    }
}

/// One append request: a stream, an expectation and the events, already validated for names and sizes.
struct AppendOperation: Sendable {
    let streamID: String
    let expected: ExpectedVersion
    let events: [EventData]

    enum Decision {
        /// Append, giving the first event this stream version.
        case write(firstVersion: UInt64)
        /// Every event is already stored at these places: return the original result, write nothing.
        case alreadyStored(AppendResult)
    }

    /// Decides, reading only, whether and where the events go. Throws the request's own error (wrong expected
    /// version, idempotency conflict) without having written anything.
    func decide(_ txn: Transaction, tails: IndexTails) throws(EventStoreError) -> Decision {
        if let stored = try storedPlaces(txn, tails: tails) { return .alreadyStored(stored) }
        let current = try StreamIndex.head(of: streamID, txn)?.version
        guard expected.isSatisfied(by: current) else {
            throw .wrongExpectedVersion(stream: streamID, expected: expected, actual: current)
        }
        return .write(firstVersion: (current ?? 0) + 1)
    }

    /// Idempotence: nil when none of the event ids is stored; the original result when all are stored, in order,
    /// at consecutive versions of this stream; an error for anything in between.
    private func storedPlaces(_ txn: Transaction, tails: IndexTails) throws(EventStoreError) -> AppendResult? {
        var places: [(index: Int, position: UInt64)] = []
        for (index, event) in events.enumerated() {
            let key = Keys.eventID(event.id)
            // An id after every stored id is new: no lookup needed.
            if tails.lastEventID.lexicographicallyPrecedes(key) { continue }
            if let bytes = try txn.get(txn.databases.ids, key), let position = Keys.readPosition(bytes) {
                places.append((index, position))
            }
        }
        if places.isEmpty { return nil }
        if places.count < events.count {
            let stored = places[0]
            let missing = events.indices.first { index in !places.contains { $0.index == index } }!
            throw .idempotencyConflict(
                stream: streamID, eventID: events[stored.index].id,
                reason: Wording(
                    de: "es ist bereits an Position \(stored.position) gespeichert, das Ereignis "
                        + "\(events[missing].id.uuidString.lowercased()) desselben Anhängevorgangs aber nicht: eine teilweise Wiederholung",
                    en: "it is already stored at position \(stored.position), but event "
                        + "\(events[missing].id.uuidString.lowercased()) of the same append is not: a partial retry"))
        }
        var firstVersion: UInt64 = 0
        for (offset, place) in places.enumerated() {
            guard let bytes = try txn.get(txn.databases.log, Keys.position(place.position)) else {
                throw .missingRecord(position: place.position)
            }
            let record: RecordedEvent
            do throws(ByteReaderError) { record = try RecordFormat.decode(bytes) } catch {
                throw .corruptRecord(position: place.position, reason: error.wording)
            }
            let event = events[offset]
            if offset == 0 { firstVersion = record.streamVersion }
            guard record.streamID == streamID, record.streamVersion == firstVersion + UInt64(offset),
                  record.type == event.type, record.payload == event.payload
            else {
                throw .idempotencyConflict(
                    stream: streamID, eventID: event.id,
                    reason: Wording(
                        de: "ein Ereignis mit dieser ID ist bereits an Position \(place.position) gespeichert "
                            + "(Strom '\(record.streamID)', Version \(record.streamVersion), Typ \(record.type)) "
                            + "und weicht von diesem Anhängevorgang ab",
                        en: "an event with this id is already stored at position \(place.position) "
                            + "(stream '\(record.streamID)', version \(record.streamVersion), type \(record.type)) "
                            + "and differs from this append"))
            }
        }
        return AppendResult(
            streamID: streamID, firstPosition: places.first!.position, lastPosition: places.last!.position,
            firstVersion: firstVersion, lastVersion: firstVersion + UInt64(events.count - 1), wasAlreadyStored: true)
    }

    /// Writes the records and index entries. The caller has decided; any error here poisons the transaction.
    func write(_ txn: Transaction, firstVersion: UInt64, tip: inout ChainTip, tails: inout IndexTails, now: Int64) throws(EventStoreError) -> AppendResult {
        let databases = txn.databases
        let firstPosition = tip.position + 1
        var version = firstVersion
        // The stream's index keys share their prefix (stream id ‖ 0); only the version at the end changes.
        var streamKey = Keys.named(streamID, version)
        let versionOffset = streamKey.count - 8
        for event in events {
            let position = tip.position + 1
            let recordedAt = max(now, tip.recordedAt)
            var record = RecordFormat.body(
                position: position, streamVersion: version, streamID: streamID, recordedAt: recordedAt, event: event)
            let hash = HashChain.seal(&record, previous: tip.hash)
            let positionKey = Keys.position(position)
            try txn.put(databases.log, positionKey, record, options: .append)
            withUnsafeBytes(of: version.bigEndian) { streamKey.replaceSubrange(versionOffset..., with: $0) }
            try IndexTails.put(txn, databases.streams, streamKey, positionKey, tail: &tails.lastStreamKey)
            try IndexTails.put(txn, databases.ids, Keys.eventID(event.id), positionKey, tail: &tails.lastEventID)
            tip = ChainTip(position: position, hash: hash, recordedAt: recordedAt)
            version += 1
        }
        let lastVersion = version - 1
        return AppendResult(
            streamID: streamID, firstPosition: firstPosition, lastPosition: tip.position,
            firstVersion: firstVersion, lastVersion: lastVersion, wasAlreadyStored: false)
    }
}
