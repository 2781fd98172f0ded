public import Foundation
public import StrategyCore

/// Where, when, by whom and why one change was recorded: what every entry of a log, a history or a blame says about
/// the event behind it.
///
/// ``LogEntry`` and ``AuditEntry`` hold one and add what they are about (the effects on the plan, or the attributes
/// of one entity); its members are theirs too (`entry.actor`), and their JSON has its fields at the top level.
public struct ChangeRecord: Hashable, Sendable, Codable {
    /// The global log position.
    public let position: UInt64
    /// The plan's stream version.
    public let streamVersion: UInt64
    /// When it was recorded.
    public let recordedAt: Date
    /// The business date it takes effect.
    public let effectiveDate: CalendarDate?
    /// The event type, for example `goal.revised`.
    public let type: String
    /// The person id of whoever made the change.
    public let actor: String?
    /// Their role.
    public let role: String?
    /// Why.
    public let reason: String?
    /// The resolution the change rests on.
    public let resolution: String?

    /// The record of a change, as an embedder's test might build one.
    public init(
        position: UInt64, streamVersion: UInt64, recordedAt: Date, effectiveDate: CalendarDate?, type: String,
        actor: String?, role: String?, reason: String?, resolution: String?
    ) {
        self.position = position
        self.streamVersion = streamVersion
        self.recordedAt = recordedAt
        self.effectiveDate = effectiveDate
        self.type = type
        self.actor = actor
        self.role = role
        self.reason = reason
        self.resolution = resolution
    }

    init(_ record: PlanRecord) {
        self.init(
            position: record.position, streamVersion: record.streamVersion, recordedAt: record.recordedAt,
            effectiveDate: record.context.effectiveDate, type: record.event.typeName, actor: record.context.actor,
            role: record.context.role, reason: record.context.reason, resolution: record.context.resolution)
    }
}

/// An entry of a log or a history: a ``ChangeRecord`` and one more fact about what the change did, encoded as one
/// flat object (the record's fields beside the detail's key), with the record's members as the entry's own.
@dynamicMemberLookup
public protocol ChangeEntry: Hashable, Sendable, Codable {
    /// What the entry adds to the record.
    associatedtype Detail: Hashable & Sendable & Codable
    /// The JSON key of ``detail``.
    static var detailKey: String { get }
    /// Where, when, by whom and why.
    var record: ChangeRecord { get }
    /// What the change did.
    var detail: Detail { get }
    /// An entry.
    init(record: ChangeRecord, detail: Detail)
}

extension ChangeEntry {
    /// The record's facts as the entry's own: `entry.actor`, `entry.position`.
    public subscript<Value>(dynamicMember path: KeyPath<ChangeRecord, Value>) -> Value { record[keyPath: path] }

    /// Decodes an entry whose record's fields stand beside the detail.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DetailKey.self)
        self.init(record: try ChangeRecord(from: decoder), detail: try container.decode(Detail.self, forKey: DetailKey(Self.detailKey)))
    }

    /// Encodes the record's fields and the detail side by side, as one flat object.
    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: DetailKey.self)
        try container.encode(detail, forKey: DetailKey(Self.detailKey))
    }
}

/// The one key an entry adds to its record's.
struct DetailKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ key: String) { stringValue = key }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
