public import Foundation
public import StrategyCore
import EventStore

/// One event of a plan's stream as the engine reads it: the domain event and context, with what the store
/// recorded about it.
public struct PlanRecord: Hashable, Sendable {
    /// The plan whose stream holds the event.
    public let plan: Identifier
    /// The global log position.
    public let position: UInt64
    /// The version within the plan's stream.
    public let streamVersion: UInt64
    /// When the store recorded it.
    public let recordedAt: Date
    /// The store's event id.
    public let eventID: UUID
    /// The event and its domain context.
    public let envelope: PlanEventEnvelope

    /// The event.
    public var event: PlanEvent { envelope.event }
    /// Who, why, when it takes effect.
    public var context: EventContext { envelope.context }

    /// A record, as an embedder's test might build one.
    public init(plan: Identifier, position: UInt64, streamVersion: UInt64, recordedAt: Date, eventID: UUID, envelope: PlanEventEnvelope) {
        self.plan = plan
        self.position = position
        self.streamVersion = streamVersion
        self.recordedAt = recordedAt
        self.eventID = eventID
        self.envelope = envelope
    }

    init(_ recorded: RecordedEvent) throws(EngineError) {
        guard let plan = PlanStreams.plan(ofStream: recorded.streamID) else {
            throw .noSuchPoint(Wording(
                de: "das Ereignis an Position \(recorded.position) gehört zu keinem Plan (Strom '\(recorded.streamID)')",
                en: "the event at position \(recorded.position) belongs to no plan (stream '\(recorded.streamID)')"))
        }
        self.plan = plan
        do throws(EventDecodingError) {
            envelope = try EventCodec.decode(
                type: recorded.type, schemaVersion: recorded.schemaVersion, encoding: recorded.encoding, payload: recorded.payload)
        } catch {
            throw .undecodable(position: recorded.position, error)
        }
        position = recorded.position
        streamVersion = recorded.streamVersion
        recordedAt = recorded.recordedAt
        eventID = recorded.id
    }
}

/// A plan event with its place in the log, without its context: what read models are built from.
struct PlanEventAt: Sendable {
    let position: UInt64
    let streamVersion: UInt64
    let event: PlanEvent
    /// The record's hash in the chain.
    let hash: ChainHash
}

/// How plans map onto the store's streams, and how events become store records.
enum PlanStreams {
    static let prefix = "plan:"

    static func streamID(_ plan: Identifier) -> String { prefix + plan.rawValue }

    static func plan(ofStream stream: String) -> Identifier? {
        guard stream.hasPrefix(prefix) else { return nil }
        return try? Identifier(String(stream.dropFirst(prefix.count)))
    }

    /// The store record for an event: the codec's bytes, and the context repeated in the store's metadata so that
    /// generic tools can show who and why without decoding payloads.
    static func eventData(_ envelope: PlanEventEnvelope, correlation: UUID) -> EventData {
        let encoded = EventCodec.encode(envelope)
        var attributes: [String: String] = [:]
        if let role = envelope.context.role { attributes["role"] = role }
        if let resolution = envelope.context.resolution { attributes["resolution"] = resolution }
        if let effective = envelope.context.effectiveDate { attributes["effective"] = effective.description }
        return EventData(
            type: encoded.typeName, schemaVersion: encoded.schemaVersion, encoding: encoded.encoding,
            metadata: EventMetadata(actor: envelope.context.actor, reason: envelope.context.reason, correlationID: correlation, attributes: attributes),
            payload: encoded.payload)
    }

    /// Reads a plan's records from a stream version on, stopping after `maxPosition`.
    static func records(
        _ store: EventStore, plan: Identifier, fromVersion: UInt64, upTo maxPosition: UInt64 = .max, limit: Int = .max
    ) throws(EngineError) -> [PlanRecord] {
        var cursor = store.events(inStream: streamID(plan), from: fromVersion)
        var records: [PlanRecord] = []
        while records.count < limit {
            let next: RecordedEvent?
            do throws(EventStoreError) { next = try cursor.next() } catch { throw .store(error) }
            guard let event = next, event.position <= maxPosition else { break }
            records.append(try PlanRecord(event))
        }
        return records
    }
}
