import Foundation
public import StrategyCore

/// One event in an entity's history: what, who, when, why.
public struct AuditEntry: ChangeEntry {
    public static let detailKey = "attributes"
    /// Where, when, by whom and why.
    public let record: ChangeRecord
    /// The entity's attributes the event set.
    public let attributes: [String]
    /// The entity's attributes the event set (``attributes``).
    public var detail: [String] { attributes }

    /// An entry, as an embedder's test might build one.
    public init(record: ChangeRecord, attributes: [String]) {
        self.record = record
        self.attributes = attributes
    }

    /// An entry, as an embedder's test might build one.
    public init(record: ChangeRecord, detail: [String]) { self.init(record: record, attributes: detail) }

    init(_ record: PlanRecord, attributes: [String]) {
        self.init(record: ChangeRecord(record), attributes: attributes)
    }
}

/// The event that last set an attribute's current value.
public struct AttributeBlame: Hashable, Sendable, Codable {
    /// The attribute, for example `statement`.
    public let attribute: String
    /// Its current value, as text (stable keys, as in plan files).
    public let value: String
    /// The event that set it.
    public let setBy: AuditEntry
    /// The kind of entity, to show the value in a reader's language (``text(in:)``).
    public let entityKind: EntityKind
    /// Its current value as data.
    public let data: JSONValue

    /// A blame line, as an embedder's test might build one (the engine's come from ``StrategyEngine/blame(_:in:)``).
    public init(attribute: String, value: String, setBy: AuditEntry, entityKind: EntityKind, data: JSONValue) {
        self.attribute = attribute
        self.value = value
        self.setBy = setBy
        self.entityKind = entityKind
        self.data = data
    }

    /// The attribute's name in `language` ("Federführung", "Lead").
    public func attributeName(in language: Language) -> String { PlanDiff.attributeName(attribute, language) }

    /// The value as a reader says it in `language`: labels for statuses and kinds, dates as precisely as known.
    public func text(in language: Language) -> String {
        PlanDiff.valueText(data, attribute: attribute, kind: entityKind, language)
    }
}

extension StrategyEngine {
    /// An entity's whole history, oldest first: every event that set one of its attributes.
    ///
    /// Reads only this entity's events (through the audit index), so its cost grows with the entity's history, not
    /// with the log.
    ///
    /// - Parameters:
    ///   - entity: The entity: `.entity("ziel-a1")`, `.plan`, `.resolution("KT-2025/014")`, or a literal such as `"ziel-a1"`.
    ///   - plan: The plan the entity belongs to.
    ///   - effectiveSince: Only changes taking effect on or after this business date.
    ///   - effectiveUntil: Only changes taking effect on or before this business date. A change without a business
    ///     date counts with the day it was recorded.
    public func history(
        of entity: EntityKey, in plan: Identifier, effectiveSince: CalendarDate? = nil, effectiveUntil: CalendarDate? = nil
    ) throws(EngineError) -> [AuditEntry] {
        let current = try model(plan)
        return try AuditIndex.history(plan, entity: entity, store: store, pending: current.pending).map { (entry) throws(EngineError) -> AuditEntry in
            AuditEntry(try indexedRecord(entry, entity: entity, of: plan), attributes: entry.attributes)
        }.filter { entry in
            LogFilter.within(entry.effectiveDate ?? CalendarDate(recordedOn: entry.recordedAt), since: effectiveSince, until: effectiveUntil)
        }
    }

    /// For each attribute of an entity's current value, the event that last set it.
    ///
    /// - Throws: ``EngineError/noSuchPoint(_:)`` when the plan has no such entity.
    public func blame(_ entity: EntityKey, in plan: Identifier) throws(EngineError) -> [AttributeBlame] {
        let current = try model(plan)
        guard let (kind, tree) = EntityCatalog.entity(entity.rawValue, in: current.state), case let .object(attributes) = tree else {
            throw .noSuchPoint(Wording(de: "der Plan '\(plan)' hat kein Element '\(entity)'", en: "plan '\(plan)' has no entity '\(entity)'"))
        }
        let history = try AuditIndex.history(plan, entity: entity, store: store, pending: current.pending)
        var blames: [AttributeBlame] = []
        for name in attributes.keys.sorted() where name != "id" && name != "number" {
            guard let last = history.last(where: { $0.attributes.contains(name) }) else { continue }
            blames.append(AttributeBlame(
                attribute: name, value: attributes[name]!.displayText,
                setBy: AuditEntry(try indexedRecord(last, entity: entity, of: plan), attributes: last.attributes),
                entityKind: kind, data: attributes[name]!))
        }
        return blames
    }

    /// The record an audit-index entry points to, after checking that it is an event of the plan that set exactly
    /// those attributes of the entity — so a damaged or forged entry never attributes a change to the wrong event.
    func indexedRecord(
        _ entry: (position: UInt64, attributes: [String]), entity: EntityKey, of plan: Identifier
    ) throws(EngineError) -> PlanRecord {
        let record = try record(at: entry.position, of: plan)
        guard record.event.effects.contains(where: { $0.entity == entity && $0.attributes == entry.attributes }) else {
            let attributes = entry.attributes.joined(separator: ", ")
            throw .derivedDataMismatch(Wording(
                de: "der Prüfindex des Plans '\(plan)' sagt, Position \(entry.position) habe \(attributes) von '\(entity)' gesetzt; "
                    + "das Ereignis dort (\(record.event.typeName)) hat das nicht getan",
                en: "the audit index of plan '\(plan)' says position \(entry.position) set \(attributes) "
                    + "of '\(entity)'; the event there (\(record.event.typeName)) did not"))
        }
        return record
    }
}
