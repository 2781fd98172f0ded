// A PlanSource with no store: every answer is built by hand with the public initialisers an embedder's tests have
// (PlanView, VersionRecord, PlanDiff, EntityChange, AuditEntry, ChangeRecord), and the plan's states are folded by
// StrategyCore's pure decider.
import CountyToolCore
import Foundation
import Projections
import StrategyCore

struct FakePlanSource: PlanSource {
    var planIDs: [Identifier]
    /// The draft; its `plan` is the one plan the fake knows.
    var draft: PlanView
    var versionRecords: [VersionRecord] = []
    /// The view `state(of:at: .inForce(date))` returns for a date on or after `inForceFrom`.
    var inForceView: PlanView?
    var inForceFrom: CalendarDate?
    var diffSinceLatest: PlanDiff?
    var histories: [EntityKey: [AuditEntry]] = [:]
    /// Thrown by every read when set.
    var failure: EngineError?

    func check(_ plan: Identifier) throws(EngineError) {
        if let failure { throw failure }
        guard plan == draft.plan else { throw .unknownPlan(plan) }
    }

    func plans(includeWithdrawn: Bool) throws(EngineError) -> [Identifier] { planIDs }

    func state(of plan: Identifier) throws(EngineError) -> PlanView {
        try check(plan)
        return draft
    }

    func state(of plan: Identifier, at point: PointInTime) throws(EngineError) -> PlanView {
        try check(plan)
        switch point {
        case .draft:
            return draft
        case let .inForce(date):
            guard let inForceView, let inForceFrom, !date.isCertainlyBefore(inForceFrom) else {
                throw .noSuchPoint(Wording(de: "am \(date) war keine Fassung in Kraft", en: "no version was in force on \(date)"))
            }
            return inForceView
        default:
            throw .noSuchPoint(Wording(de: "der Fake kennt \(point) nicht", en: "the fake does not know \(point)"))
        }
    }

    func versions(of plan: Identifier) throws(EngineError) -> [VersionRecord] {
        try check(plan)
        return versionRecords
    }

    func version(of plan: Identifier, inForceOn date: CalendarDate) throws(EngineError) -> VersionRecord? {
        try check(plan)
        guard let inForceView, let inForceFrom, !date.isCertainlyBefore(inForceFrom) else { return nil }
        return versionRecords.first { $0.label == inForceView.state.currentVersion?.label }
    }

    func diff(_ plan: Identifier, from: PointInTime, to: PointInTime) throws(EngineError) -> PlanDiff {
        try check(plan)
        guard let diffSinceLatest, from == .version(versionRecords.last?.label ?? ""), to == .draft else {
            throw .noSuchPoint(Wording(de: "der Fake hat keinen Vergleich \(from) → \(to)", en: "the fake has no diff \(from) → \(to)"))
        }
        return diffSinceLatest
    }

    func history(
        of entity: EntityKey, in plan: Identifier, effectiveSince: CalendarDate?, effectiveUntil: CalendarDate?
    ) throws(EngineError) -> [AuditEntry] {
        try check(plan)
        return histories[entity] ?? []
    }
}

/// A small plan, folded from commands by the pure decider: two fields, a goal, three measures, adopted once, then a
/// measure started and assessed and a new measure planned.
enum Testkreis {
    static let plan: Identifier = "testkreis"
    static let office = EventContext(actor: "p-0001", role: "Bildungsbüro", reason: "Bildungskonzept aufstellen", effectiveDate: "2024-01-10")
    static let adoptionDate: CalendarDate = "2024-03-01"
    static let label = "Bildungskonzept 2024"

    /// The state at adoption, and the draft after the later changes.
    static func states() throws -> (adopted: PlanState, draft: PlanState) {
        let adopted = try Plan.decide([
            .createPlan(PlanCreated(plan: plan, title: "Bildungskonzept Testkreis", county: "Landkreis Testkreis")),
            .establishBody(BodyEstablished(body: "kreistag", name: "Kreistag Testkreis", kind: .council, mandate: [.adoptPlan])),
            .recordResolution(ResolutionRecorded(number: "KT-2024/007", body: "kreistag", date: "2024-02-15",
                                                 subject: "Bildungskonzept", result: .adopted)),
            .proposeField(FieldProposed(field: "hf-fruehe-bildung", code: "A", title: "Frühe Bildung", commitment: nil)),
            .proposeField(FieldProposed(field: "hf-uebergaenge", code: "B", title: "Übergänge", commitment: nil)),
            .formulateGoal(GoalFormulated(goal: "ziel-sprache", field: "hf-fruehe-bildung", level: .strategic,
                                          statement: "Alle Kinder sprechen bei der Einschulung gut Deutsch.")),
            .planMeasure(MeasurePlanned(measure: "m-sprachfoerderung", title: "Sprachförderung in Kitas", lead: "Fachdienst Kindertagesstätten",
                                        goals: ["ziel-sprache"])),
            .planMeasure(MeasurePlanned(measure: "m-elternabende", title: "Elternabende zur Sprachbildung", lead: nil,
                                        field: "hf-fruehe-bildung")),
            .planMeasure(MeasurePlanned(measure: "m-bildungsbuero", title: "Bildungsbüro einrichten", lead: nil)),
            .adopt(label: label, resolution: "KT-2024/007", effectiveDate: adoptionDate),
        ], context: office, state: .empty).state
        var later = office
        later.reason = "Sachstand Mai 2024"
        later.effectiveDate = "2024-05-02"
        let draft = try Plan.decide([
            .changeMeasureStatus("m-sprachfoerderung", to: .inProgress, reason: nil),
            .assessMeasureHealth("m-sprachfoerderung", health: .atRisk, note: nil),
            .reportMeasureProgress("m-sprachfoerderung", percent: 40, note: nil),
            .planMeasure(MeasurePlanned(measure: "m-uebergangslotsen", title: "Übergangslotsen an Oberschulen", lead: "Bildungsbüro",
                                        field: "hf-uebergaenge")),
        ], context: later, state: adopted).state
        return (adopted, draft)
    }

    static let version = VersionRecord(
        label: label, resolution: "KT-2024/007", body: "kreistag", bodyName: "Kreistag Testkreis", resolutionDate: "2024-02-15",
        effectiveDate: adoptionDate, recordedAt: Date(timeIntervalSince1970: 1_708_000_000), position: 10, contentHash: "abc123",
        counts: VersionCounts(fields: 2, goals: 1, measures: 3), basedOn: nil, supersededBy: nil, recordedBy: "p-0001", role: "Bildungsbüro")

    /// The diff since the version, as the engine would report it: a measure added, a measure changed, and the plan's
    /// bookkeeping (how many changes since adoption), which is no change of content.
    static let diff = PlanDiff(from: label, to: PlanDiff.draftPoint, fromPosition: 10, toPosition: 14, planTitle: "Bildungskonzept Testkreis", changes: [
        EntityChange(entityKind: .plan, entity: "plan", kind: .modified, title: "Bildungskonzept Testkreis",
                     attributes: [AttributeChange(name: "changesSinceAdoption", old: .integer(0), new: .integer(4))]),
        EntityChange(entityKind: .measure, entity: "m-sprachfoerderung", kind: .modified, title: "Sprachförderung in Kitas",
                     field: "hf-fruehe-bildung", labels: ["status"],
                     attributes: [AttributeChange(name: "status", old: .string("planned"), new: .string("in_progress")),
                                  AttributeChange(name: "health", old: nil, new: .string("at_risk"))]),
        EntityChange(entityKind: .measure, entity: "m-uebergangslotsen", kind: .added, title: "Übergangslotsen an Oberschulen",
                     field: "hf-uebergaenge"),
    ])

    /// The audit trail of the started measure: planned, then its status changed.
    static let sprachfoerderungHistory = [
        AuditEntry(record: ChangeRecord(position: 7, streamVersion: 7, recordedAt: Date(timeIntervalSince1970: 1_704_900_000),
                                        effectiveDate: "2024-01-10", type: "measure.planned", actor: "p-0001", role: "Bildungsbüro",
                                        reason: "Bildungskonzept aufstellen", resolution: nil),
                   attributes: ["title", "lead", "goals", "status"]),
        AuditEntry(record: ChangeRecord(position: 11, streamVersion: 11, recordedAt: Date(timeIntervalSince1970: 1_714_650_000),
                                        effectiveDate: "2024-05-02", type: "measure.status.changed", actor: "p-0001", role: "Bildungsbüro",
                                        reason: "Sachstand Mai 2024", resolution: nil),
                   attributes: ["status", "actualStart"]),
        AuditEntry(record: ChangeRecord(position: 12, streamVersion: 12, recordedAt: Date(timeIntervalSince1970: 1_714_650_100),
                                        effectiveDate: "2024-05-02", type: "measure.health.assessed", actor: "p-0001", role: "Bildungsbüro",
                                        reason: "Sachstand Mai 2024", resolution: nil),
                   attributes: ["health"]),
    ]

    /// The audit trail of a measure recorded without a business date: its status dates from the recording day.
    static let bildungsbueroHistory = [
        AuditEntry(record: ChangeRecord(position: 9, streamVersion: 9, recordedAt: Date(timeIntervalSince1970: 1_705_000_000),
                                        effectiveDate: nil, type: "measure.planned", actor: "p-0001", role: nil, reason: nil, resolution: nil),
                   attributes: ["title", "status"]),
    ]

    /// The fake with everything in place.
    static func source() throws -> FakePlanSource {
        let (adopted, draft) = try states()
        return FakePlanSource(
            planIDs: [plan, "nachbarkreis"],
            draft: PlanView(plan: plan, state: draft, position: 14, streamVersion: 14, point: .draft),
            versionRecords: [version],
            inForceView: PlanView(plan: plan, state: adopted, position: 10, streamVersion: 10, point: .inForce(adoptionDate)),
            inForceFrom: adoptionDate,
            diffSinceLatest: diff,
            histories: [.entity("m-sprachfoerderung"): sprachfoerderungHistory, .entity("m-bildungsbuero"): bildungsbueroHistory])
    }
}
