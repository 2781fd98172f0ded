public import Foundation
public import Projections
public import StrategyCore

/// A *Sachstandsbericht*: where a plan stands on a key date (*Stichtag*).
///
/// It says which adopted version (*Fassung*) is in force on the key date and which was adopted last, what changed
/// in the draft since that last version (entities added, removed and modified, from the engine's semantic diff),
/// and, per field of action (*Handlungsfeld*), its measures (*Maßnahmen*) with their status, since when that status
/// holds (from the audit trail), lead, health and progress.
///
/// It holds only what the plan records: a value the plan does not state stays `nil` here and is rendered as the
/// library's "nicht angegeben", never guessed. Build it with ``build(plan:keyDate:from:)``; render it with
/// ``text()``.
public struct StatusReport: Hashable, Sendable {
    /// The plan's id.
    public let plan: Identifier
    /// The plan's title.
    public let title: String
    /// The county, as the plan states it; nil when it states none.
    public let county: String?
    /// The key date the version in force is looked up for.
    public let keyDate: CalendarDate
    /// The log position the draft was read at.
    public let draftPosition: UInt64
    /// Every adopted version, oldest first.
    public let versions: [VersionRecord]
    /// The version in force on ``keyDate``; nil when none was (or none is adopted).
    public let inForce: VersionRecord?
    /// What changed in the draft since the latest adopted version; nil when no version is adopted.
    public let changes: ChangesSinceVersion?
    /// The fields of action in the plan's order, each with its measures.
    public let fields: [FieldSection]
    /// Measures that belong to no field of action (neither directly nor through a goal).
    public let unplacedMeasures: [MeasureLine]

    /// The latest adopted version.
    public var latestVersion: VersionRecord? { versions.last }

    /// A report, as a test might build one; the tool's come from ``build(plan:keyDate:from:)``.
    public init(
        plan: Identifier, title: String, county: String?, keyDate: CalendarDate, draftPosition: UInt64, versions: [VersionRecord],
        inForce: VersionRecord?, changes: ChangesSinceVersion?, fields: [FieldSection], unplacedMeasures: [MeasureLine]
    ) {
        self.plan = plan
        self.title = title
        self.county = county
        self.keyDate = keyDate
        self.draftPosition = draftPosition
        self.versions = versions
        self.inForce = inForce
        self.changes = changes
        self.fields = fields
        self.unplacedMeasures = unplacedMeasures
    }

    /// A field of action and its measures.
    public struct FieldSection: Hashable, Sendable {
        /// The field's id.
        public let id: Identifier
        /// Its code (`A`, `2`), if the plan numbers it.
        public let code: String?
        /// Its title.
        public let title: String
        /// Its status.
        public let status: FieldStatus
        /// Its measures, in the plan's order: those placed in the field and those serving one of its goals. A
        /// measure that serves goals in several fields is listed under each of them (the engine's diff, by contrast,
        /// groups a change under one field only: the measure's own, else its first goal's).
        public let measures: [MeasureLine]

        /// The field as the plan shows it: `A) Transparenz und Beratung`.
        public var heading: String { code.map { "\($0)) \(title)" } ?? title }
    }

    /// One measure's state.
    public struct MeasureLine: Hashable, Sendable {
        /// The measure's id.
        public let id: Identifier
        /// Its title.
        public let title: String
        /// Its status.
        public let status: MeasureStatus
        /// The change that last set the status, from the audit trail; nil when the trail has none.
        public let statusSetBy: RecordedChange?
        /// Who leads it; nil when the plan does not say.
        public let lead: String?
        /// How it is going; nil when not assessed.
        public let health: Health?
        /// The last reported progress in percent; nil when none was reported.
        public let progress: Int?
    }

    /// When a change was recorded and when it takes effect.
    public struct RecordedChange: Hashable, Sendable {
        /// The business date the change takes effect, when the record states one.
        public let effectiveDate: CalendarDate?
        /// When the store recorded it.
        public let recordedAt: Date
        /// Its global log position.
        public let position: UInt64
    }

    /// The draft compared with the latest adopted version.
    public struct ChangesSinceVersion: Hashable, Sendable {
        /// The version's label.
        public let version: String
        /// The changed entities, in the order of the engine's diff, without the plan's bookkeeping (`PlanDiff.contentChanges`).
        public let changes: [EntityChange]

        /// Changes as given; ``init(version:diff:)`` takes them from a diff.
        public init(version: String, changes: [EntityChange]) {
            self.version = version
            self.changes = changes
        }

        /// Entities added since the version.
        public var added: Int { changes.count { $0.kind == .added } }
        /// Entities removed since the version.
        public var removed: Int { changes.count { $0.kind == .removed } }
        /// Entities modified since the version.
        public var modified: Int { changes.count { $0.kind == .modified } }
    }
}

extension StatusReport {
    /// Reads what the report needs from `source`: the draft, the versions, the version in force on `keyDate`, the
    /// diff since the latest version, and each measure's history.
    ///
    /// - Throws: The source's ``EngineError``, unchanged: ``EngineError/unknownPlan(_:)`` for a plan the store does
    ///   not hold, a store error when it cannot be read.
    public static func build(plan: Identifier, keyDate: CalendarDate, from source: some PlanSource) throws(EngineError) -> StatusReport {
        let draft = try source.state(of: plan)
        let versions = try source.versions(of: plan)

        // The engine decides which version is in force, partial dates included ("2021", "Frühjahr 2021").
        let inForce = try source.version(of: plan, inForceOn: keyDate)

        var changes: ChangesSinceVersion?
        if let latest = versions.last {
            let diff = try source.diff(plan, from: .version(latest.label), to: .draft)
            changes = ChangesSinceVersion(version: latest.label, diff: diff)
        }

        let state = draft.state
        var lines: [Identifier: MeasureLine] = [:]
        for measure in state.measures.values {
            let history = try source.history(of: .entity(measure.id), in: plan, effectiveSince: nil, effectiveUntil: nil)
            let statusEntry = history.last { $0.attributes.contains("status") }
            lines[measure.id] = MeasureLine(
                id: measure.id, title: measure.title, status: measure.status,
                statusSetBy: statusEntry.map { RecordedChange(effectiveDate: $0.effectiveDate, recordedAt: $0.recordedAt, position: $0.position) },
                lead: measure.lead, health: measure.health, progress: measure.progress)
        }

        let ordered = state.measuresInOrder
        var placed = Set<Identifier>()
        let fields = state.fieldsInOrder.map { field -> FieldSection in
            let measures = ordered.filter { measure in
                measure.field == field.id || measure.goals.contains { state.goals[$0]?.field == field.id }
            }
            placed.formUnion(measures.map(\.id))
            return FieldSection(id: field.id, code: field.code, title: field.title, status: field.status, measures: measures.compactMap { lines[$0.id] })
        }
        let unplaced = ordered.filter { !placed.contains($0.id) }.compactMap { lines[$0.id] }

        return StatusReport(
            plan: plan, title: state.title, county: state.county.isEmpty ? nil : state.county, keyDate: keyDate,
            draftPosition: draft.position, versions: versions, inForce: inForce, changes: changes, fields: fields,
            unplacedMeasures: unplaced)
    }
}

extension StatusReport.ChangesSinceVersion {
    /// The draft compared with the version `version`, from the engine's diff between the two.
    public init(version: String, diff: PlanDiff) {
        self.init(version: version, changes: diff.contentChanges)
    }
}
