import EventStore
import StrategyCore

extension PlanStreams {
    /// Hands a plan's events to `consume` page by page, in stream order, decoding each page while the page before
    /// it is being consumed.
    ///
    /// The store is read in pages of `pageSize` events, one short read transaction each. This thread only finds the
    /// page's records; inside the transaction of page *n + 1* they are read and their payloads decoded in chunks on
    /// every core, while one core runs `consume` for page *n*;
    /// dispatch hands the chunks to whichever thread is free, so decoding and folding balance across the cores
    /// instead of taking turns. Consequently `consume` may run on a thread other than the caller's — never at the
    /// same time as itself or `afterPage` — and must not use the store. `afterPage` runs on the caller's thread,
    /// outside any transaction, after each page has been consumed, with the number of events consumed so far: the
    /// place to write what a page produced.
    ///
    /// When a record cannot be read or its event decoded, every page before it is still consumed, and then the error
    /// is thrown.
    ///
    /// - Complexity: O(*n*) decoding, divided across the cores, plus what `consume` costs.
    static func forEachPage(
        _ store: EventStore, plan: Identifier, fromVersion: UInt64, upTo maxPosition: UInt64 = .max,
        limit: Int = .max, pageSize: Int = 5_000,
        consume: ([PlanEventAt]) throws(EngineError) -> Void,
        afterPage: ((Int) throws(EngineError) -> Void)? = nil
    ) throws(EngineError) {
        var pending: [PlanEventAt] = []
        var consumed = 0
        var decodedCount = 0
        var next = fromVersion
        var more = limit > 0
        while more || !pending.isEmpty {
            let previous = pending
            var decoded: Result<[PlanEventAt], EngineError> = .success([])
            var consumption: Result<Void, EngineError> = .success(())
            if more {
                let wanted = min(pageSize, limit - decodedCount)
                let scanned: Int
                do throws(EventStoreError) {
                    scanned = try store.scanRecords(stream: streamID(plan), from: next, upTo: maxPosition, limit: wanted) { page in
                        (decoded, consumption) = decode(page, whileConsuming: previous, consume)
                    }
                } catch {
                    throw .store(error)
                }
                more = scanned == wanted && decodedCount + scanned < limit
            } else {
                consumption = Result { () throws(EngineError) in try consume(previous) }
            }
            try consumption.get()
            consumed += previous.count
            if !previous.isEmpty { try afterPage?(consumed) }
            pending = try decoded.get()
            decodedCount += pending.count
            if let last = pending.last { next = last.streamVersion + 1 } else { more = false }
        }
    }

    /// One work item of ``decode(_:whileConsuming:_:)``: the fold of the previous page, or one decoded chunk.
    private enum Work: Sendable {
        case consumed(Result<Void, EngineError>)
        case decoded([Result<PlanEventAt, EngineError>])
    }

    /// Reads and decodes a page of records and, at the same time, consumes the previous (already decoded) page.
    /// The page is read and decoded in chunks on every core; this thread only found the records.
    private static func decode(
        _ page: [StoredRecord], whileConsuming previous: [PlanEventAt], _ consume: ([PlanEventAt]) throws(EngineError) -> Void
    ) -> (decoded: Result<[PlanEventAt], EngineError>, consumption: Result<Void, EngineError>) {
        let chunkSize = 256
        let chunks = (page.count + chunkSize - 1) / chunkSize
        let work = withoutActuallyEscaping(consume) { consume in
            // `consume` runs on one thread at a time (item 0 only), and the map returns before `consume` escapes.
            nonisolated(unsafe) let consume = consume
            return page.withUnsafeBufferPointer { events in
                nonisolated(unsafe) let input = events
                // Item 0 folds the previous page; the others decode one chunk each, on whichever thread is free.
                return concurrentMap(chunks + 1) { item -> Work in
                    if item == 0 {
                        return .consumed(previous.isEmpty ? .success(()) : Result { () throws(EngineError) in try consume(previous) })
                    }
                    let start = (item - 1) * chunkSize
                    var strings = ScanStrings()
                    return .decoded(input[start..<min(input.count, start + chunkSize)].map { decodeOne($0, &strings) })
                }
            }
        }
        var consumption: Result<Void, EngineError> = .success(())
        var decoded: [PlanEventAt] = []
        decoded.reserveCapacity(page.count)
        for item in work {
            switch item {
            case .consumed(let result):
                consumption = result
            case .decoded(let results):
                for result in results {
                    switch result {
                    case .success(let event): decoded.append(event)
                    case .failure(let error): return (.failure(error), consumption)
                    }
                }
            }
        }
        return (.success(decoded), consumption)
    }

    private static func decodeOne(_ record: StoredRecord, _ strings: inout ScanStrings) -> Result<PlanEventAt, EngineError> {
        let event: ScannedEvent
        do throws(EventStoreError) {
            event = try record.scanned(&strings)
        } catch {
            return .failure(.store(error))
        }
        do throws(EventDecodingError) {
            let decoded = try EventCodec.decodeEvent(type: event.type, schemaVersion: event.schemaVersion, encoding: event.encoding, payload: event.payload)
            return .success(PlanEventAt(position: event.position, streamVersion: event.streamVersion, event: decoded, hash: event.hash))
        } catch {
            return .failure(.undecodable(position: event.position, error))
        }
    }
}
