public import Foundation

/// Who caused an event, why, and in which flow of work — recorded with every event and covered by the hash chain.
///
/// The store never interprets metadata; it keeps it and makes it tamper-evident. Keep personal data (names,
/// e-mail addresses, phone numbers) out of it: use opaque person ids and roles instead.
public struct EventMetadata: Sendable, Hashable, Codable {
    /// The id of whoever caused the event (a person id, a service account), if known.
    public var actor: String?
    /// Why the change was made, in the author's words.
    public var reason: String?
    /// Ties together every event of one unit of work (for example one plan import).
    public var correlationID: UUID?
    /// The event or command that directly caused this one.
    public var causationID: UUID?
    /// Further string attributes. Encoded sorted by key, so their order never changes a hash.
    public var attributes: [String: String]

    /// Creates metadata; every part is optional.
    public init(
        actor: String? = nil,
        reason: String? = nil,
        correlationID: UUID? = nil,
        causationID: UUID? = nil,
        attributes: [String: String] = [:]
    ) {
        self.actor = actor
        self.reason = reason
        self.correlationID = correlationID
        self.causationID = causationID
        self.attributes = attributes
    }
}
