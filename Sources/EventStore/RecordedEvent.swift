public import Foundation

/// An event as the log holds it: the appended ``EventData`` plus what the store assigned.
public struct RecordedEvent: Sendable, Hashable {
    /// The global position in the log: gap-free from 1, in append order.
    public let position: UInt64
    /// The stream the event belongs to.
    public let streamID: String
    /// The event's version within its stream: gap-free from 1.
    public let streamVersion: UInt64
    /// The event's unique id.
    public let id: UUID
    /// The stable type name.
    public let type: String
    /// The payload schema's version.
    public let schemaVersion: UInt32
    /// The payload encoding tag.
    public let encoding: String
    /// When the store recorded the event, in microseconds since 1970-01-01T00:00:00Z (UTC). Never decreases along
    /// the log.
    public let recordedAtMicroseconds: Int64
    /// Actor, reason, correlation and causation.
    public let metadata: EventMetadata
    /// The payload bytes, exactly as appended.
    public let payload: [UInt8]
    /// The hash of the record at `position - 1` (all zero bytes for position 1).
    public let previousHash: ChainHash
    /// SHA-256 over `previousHash` and the canonical encoding of every other field.
    public let hash: ChainHash

    /// When the store recorded the event.
    public var recordedAt: Date {
        Date(timeIntervalSince1970: Double(recordedAtMicroseconds) / 1_000_000)
    }

    package init(
        position: UInt64, streamID: String, streamVersion: UInt64, id: UUID, type: String, schemaVersion: UInt32,
        encoding: String, recordedAtMicroseconds: Int64, metadata: EventMetadata, payload: [UInt8],
        previousHash: ChainHash, hash: ChainHash
    ) {
        self.position = position
        self.streamID = streamID
        self.streamVersion = streamVersion
        self.id = id
        self.type = type
        self.schemaVersion = schemaVersion
        self.encoding = encoding
        self.recordedAtMicroseconds = recordedAtMicroseconds
        self.metadata = metadata
        self.payload = payload
        self.previousHash = previousHash
        self.hash = hash
    }
}
