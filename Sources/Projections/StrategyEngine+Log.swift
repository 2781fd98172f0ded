public import Foundation
public import StrategyCore
import EventStore

/// One recorded change in a plan's log: its ``ChangeRecord``, what it did to the plan, and the event itself.
public struct LogEntry: ChangeEntry {
    public static let detailKey = "effects"
    /// The JSON key of ``envelope``, which holds the event's canonical JSON.
    public static let payloadKey = "payload"
    /// Where, when, by whom and why.
    public let record: ChangeRecord
    /// Which attributes of which entities it set.
    public let effects: [AttributeEffect]
    /// The event and its context as recorded; nil in an entry built without them.
    ///
    /// Its JSON (key `payload`) is the event's canonical JSON, `{"context": …, "data": …}`
    /// (`EventCodec.canonicalJSON(of:)`), whichever encoding the store holds it in: what an auditor compares.
    public let envelope: PlanEventEnvelope?
    /// Which attributes of which entities it set (``effects``).
    public var detail: [AttributeEffect] { effects }

    /// An entry, as an embedder's test might build one.
    public init(record: ChangeRecord, effects: [AttributeEffect], envelope: PlanEventEnvelope? = nil) {
        self.record = record
        self.effects = effects
        self.envelope = envelope
    }

    /// An entry, as an embedder's test might build one.
    public init(record: ChangeRecord, detail: [AttributeEffect]) { self.init(record: record, effects: detail) }

    init(_ record: PlanRecord) {
        self.init(record: ChangeRecord(record), effects: record.event.effects, envelope: record.envelope)
    }

    /// Decodes an entry; its `payload`, when present, must be the canonical JSON of an event of the entry's type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DetailKey.self)
        let record = try ChangeRecord(from: decoder)
        var envelope: PlanEventEnvelope?
        if let payload = try container.decodeIfPresent(JSONValue.self, forKey: DetailKey(Self.payloadKey)) {
            guard let kind = PlanEvent.Kind(rawValue: record.type) else {
                throw DecodingError.dataCorruptedError(forKey: DetailKey(Self.payloadKey), in: container, debugDescription: "unknown event type '\(record.type)'")
            }
            envelope = try EventCodec.decode(
                type: record.type, schemaVersion: kind.schemaVersion, encoding: EventCodec.Encoding.canonicalJSON.rawValue,
                payload: CanonicalJSON.serialize(payload))
        }
        self.init(record: record, effects: try container.decode([AttributeEffect].self, forKey: DetailKey(Self.detailKey)), envelope: envelope)
    }

    /// Encodes the record's fields, the effects and the event's canonical JSON side by side, as one flat object.
    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: DetailKey.self)
        try container.encode(effects, forKey: DetailKey(Self.detailKey))
        if let envelope {
            try container.encode(EventCodec.canonicalTree(of: envelope), forKey: DetailKey(Self.payloadKey))
        }
    }
}

/// Which log entries to show.
public struct LogFilter: Hashable, Sendable {
    /// Only events that touched this entity.
    public var entity: EntityKey?
    /// Only events by this person id.
    public var actor: String?
    /// Only events recorded at or after this time.
    public var since: Date?
    /// Only events recorded at or before this time.
    public var until: Date?
    /// Only events of these kinds; empty lets every kind through. A family of kinds is
    /// `PlanEvent.Kind.family("goal")`.
    public var kinds: Set<PlanEvent.Kind>
    /// Only events that take effect on or after this business date. An event without an effective date counts by
    /// the day it was recorded.
    public var effectiveSince: CalendarDate?
    /// Only events that take effect on or before this business date.
    public var effectiveUntil: CalendarDate?

    /// Creates a filter; the default lets everything through.
    ///
    /// `since` and `until` are recording times (when the store took the change); `effectiveSince` and
    /// `effectiveUntil` are business dates (when the change takes effect). A 2010 plan typed in in 2026 has
    /// recording times in 2026 and effective dates in 2010.
    public init(
        entity: EntityKey? = nil, actor: String? = nil, since: Date? = nil, until: Date? = nil, kinds: Set<PlanEvent.Kind> = [],
        effectiveSince: CalendarDate? = nil, effectiveUntil: CalendarDate? = nil
    ) {
        self.entity = entity
        self.actor = actor
        self.since = since
        self.until = until
        self.kinds = kinds
        self.effectiveSince = effectiveSince
        self.effectiveUntil = effectiveUntil
    }

    func admits(_ entry: LogEntry) -> Bool {
        if let actor, entry.actor != actor { return false }
        if let since, entry.recordedAt < since { return false }
        if let until, entry.recordedAt > until { return false }
        if !kinds.isEmpty && !(PlanEvent.Kind(rawValue: entry.type).map(kinds.contains) ?? false) { return false }
        let effective = entry.effectiveDate ?? CalendarDate(recordedOn: entry.recordedAt)
        return LogFilter.within(effective, since: effectiveSince, until: effectiveUntil)
    }

    /// Whether a business date may lie in `since…until`; a date known only in part (`2010`) is left out only when it
    /// certainly lies outside.
    static func within(_ effective: CalendarDate, since: CalendarDate?, until: CalendarDate?) -> Bool {
        if let since, effective.isCertainlyBefore(since) { return false }
        if let until, until.isCertainlyBefore(effective) { return false }
        return true
    }
}

/// What a rebuild of a plan's read models did.
public struct ReplaySummary: Hashable, Sendable, Codable {
    /// The plan.
    public let plan: Identifier
    /// Events replayed.
    public let events: Int
    /// The position the replay reached.
    public let position: UInt64
    /// Seconds it took.
    public let seconds: Double
    /// Snapshots written (0 for an in-memory replay).
    public let snapshotsWritten: Int
    /// The plan's sizes at that point.
    public let counts: VersionCounts

    /// Events per second.
    public var eventsPerSecond: Double { seconds > 0 ? Double(events) / seconds : Double(events) }
}

extension StrategyEngine {
    /// The plan's recorded changes, oldest first, that pass `filter`.
    ///
    /// With an entity filter only that entity's events are read (through the audit index); otherwise the plan's
    /// stream is read page by page.
    public func log(of plan: Identifier, filter: LogFilter = LogFilter()) throws(EngineError) -> [LogEntry] {
        let current = try model(plan)
        var entries: [LogEntry] = []
        if let entity = filter.entity {
            for item in try AuditIndex.history(plan, entity: entity, store: store, pending: current.pending) {
                let entry = LogEntry(try indexedRecord(item, entity: entity, of: plan))
                if filter.admits(entry) { entries.append(entry) }
            }
            return entries
        }
        var next: UInt64 = 1
        while true {
            let page = try PlanStreams.records(store, plan: plan, fromVersion: next, limit: 1_000)
            for record in page {
                let entry = LogEntry(record)
                if filter.admits(entry) { entries.append(entry) }
            }
            guard page.count == 1_000, let last = page.last else { return entries }
            next = last.streamVersion + 1
        }
    }

    /// Rebuilds the plan's read models from its events: drops its snapshots and audit index, replays every event
    /// and writes them anew. With `position`, replays only up to it, in memory, writing nothing.
    ///
    /// - Parameters:
    ///   - plan: The plan.
    ///   - position: Replay up to this global log position only, in memory; `.max` (the default) rebuilds and stores.
    ///   - progress: Called after each batch with the events replayed and the total.
    public func rebuildReadModels(
        of plan: Identifier, upTo position: UInt64 = .max, progress: ((Int, Int) -> Void)? = nil
    ) throws(EngineError) -> ReplaySummary {
        let started = ContinuousClock.now
        let found: StreamHead?
        do throws(EventStoreError) { found = try store.streamHead(PlanStreams.streamID(plan)) } catch { throw .store(error) }
        guard let head = found else { throw .unknownPlan(plan) }
        let total = Int(head.version)
        func seconds() -> Double {
            let elapsed = ContinuousClock.now - started
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        if position != .max || store.isReadOnly {
            var state = PlanState.empty
            var count = 0
            var reached: UInt64 = 0
            try PlanStreams.forEachPage(store, plan: plan, fromVersion: 1, upTo: position) { page in
                Plan.apply(page.lazy.map { $0.event }, to: &state)
                count += page.count
                reached = page.last?.position ?? reached
            } afterPage: { consumed in
                progress?(consumed, total)
            }
            return ReplaySummary(plan: plan, events: count, position: reached, seconds: seconds(), snapshotsWritten: 0, counts: state.counts)
        }
        let result: Result<ReplaySummary, EngineError> = slot(plan).model.withLock { stored in
            do throws(EngineError) {
                do throws(EventStoreError) {
                    try store.deleteSnapshots(named: StateSnapshot.name(plan))
                    try store.deleteSnapshots(prefix: "index/\(plan.rawValue)/")
                } catch {
                    throw .store(error)
                }
                var model = PlanReadModel.empty
                try model.catchUp(plan, store: store, snapshotInterval: snapshotInterval, persist: true) { version in
                    progress?(Int(version), total)
                }
                stored = model
                let written: Int
                do throws(EventStoreError) {
                    written = try store.snapshotPositions(named: StateSnapshot.name(plan)).count
                } catch {
                    throw .store(error)
                }
                return .success(ReplaySummary(
                    plan: plan, events: Int(model.streamVersion), position: model.position, seconds: seconds(),
                    snapshotsWritten: written, counts: model.state.counts))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Compares the plan's derived data — every stored snapshot, every audit-index entry and every sealed content
    /// hash — with one replay of its log up to its current head. Returns the problems found, one line each.
    ///
    /// To check a whole store against one consistent view, use ``verify(expectedHead:plans:progress:)``.
    public func checkReadModels(of plan: Identifier) throws(EngineError) -> [Wording] {
        let found: StreamHead?
        do throws(EventStoreError) { found = try store.streamHead(PlanStreams.streamID(plan)) } catch { throw .store(error) }
        guard let head = found else { throw .unknownPlan(plan) }
        return try DerivedDataCheck(plan: plan, store: store).run(upTo: head).map(\.wording)
    }
}
