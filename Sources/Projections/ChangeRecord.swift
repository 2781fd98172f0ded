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
