public import Foundation

/// An event to append: everything but what the store assigns (position, stream version, time and hashes).
public struct EventData: Sendable, Hashable {
    /// The event's unique id. Appending the same ids again at the same places is a no-op (idempotent retry).
    public var id: UUID
    /// A stable type name such as `goal.formulated`. 1 to 256 bytes of UTF-8, no control characters.
    public var type: String
    /// The version of the payload's schema for this type, so readers can upcast old events.
    public var schemaVersion: UInt32
    /// Names how `payload` is encoded (for example `json` or `sc1`). 1 to 64 bytes, no control characters.
    public var encoding: String
    /// Who, why and in which flow of work.
    public var metadata: EventMetadata
    /// The payload, opaque to the store. At most ``EventStore/maximumPayloadSize`` bytes.
    public var payload: [UInt8]

    /// Creates an event to append.
    ///
    /// - Parameters:
    ///   - id: The event id; a fresh time-ordered UUID by default.
    ///   - type: The stable type name.
    ///   - schemaVersion: The payload schema's version, 1 by default.
    ///   - encoding: The payload encoding tag.
    ///   - metadata: Actor, reason, correlation and causation.
    ///   - payload: The encoded payload.
    public init(
        id: UUID = .timeOrdered(),
        type: String,
        schemaVersion: UInt32 = 1,
        encoding: String,
        metadata: EventMetadata = EventMetadata(),
        payload: [UInt8]
    ) {
        self.id = id
        self.type = type
        self.schemaVersion = schemaVersion
        self.encoding = encoding
        self.metadata = metadata
        self.payload = payload
    }
}
