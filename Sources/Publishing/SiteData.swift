import Foundation
import Projections
import StrategyCore

/// Everything the edition shows, read from the engine once: the state on the plan pages, the versions and their
/// diffs, each entity's history and blame, the persons named as contacts and the chain head.
struct SiteData {
    let options: WebEdition.Options
    /// The state the plan pages show, and the point it was read at.
    let view: PlanView
    /// What the plan pages are: "Fassung „…“" or "Entwurf".
    let pointText: String
    let versions: [VersionRecord]
    /// The Änderungsprotokolle: consecutive versions, then the draft against the last version when it differs.
    let changeLogs: [(from: String, to: String, diff: PlanDiff)]
    let histories: [EntityKey: [AuditEntry]]
    let blames: [EntityKey: [AttributeBlame]]
    let persons: [Identifier: Person]
    let head: ChainHead?
    /// The plan's last event: its position and when it was recorded — what the edition speaks for (the draft's
    /// changes reach the audit pages and the last Änderungsprotokoll).
    let lastPosition: UInt64
    let lastRecordedAt: Date?

    var language: Language { options.language }
    var state: PlanState { view.state }

    static func read(from engine: StrategyEngine, options: WebEdition.Options) throws(PublishError) -> SiteData {
        do throws(EngineError) {
            let plan = options.plan
            let draft = try engine.state(of: plan)
            let versions = try engine.versions(of: plan)
            let point: PointInTime = options.point ?? (versions.last.map { .version($0.label) } ?? .draft)
            let view = try engine.state(of: plan, at: point)
            let language = options.language
            let pointText: String
            switch point {
            case .draft: pointText = Term.draftLabel(language)
            case let .version(label): pointText = "\(Term.label(language)) „\(label)“"
            case let .inForce(date): pointText = "\(Term.inForceFrom(language)) \(date.text(in: language))"
            default: pointText = point.description
            }
            var logs: [(String, String, PlanDiff)] = []
            for (earlier, later) in zip(versions, versions.dropFirst()) {
                logs.append((earlier.label, later.label, try engine.diff(plan, from: .version(earlier.label), to: .version(later.label))))
            }
            if let last = versions.last {
                let pending = try engine.diff(plan, from: .version(last.label), to: .draft)
                if !pending.isEmpty { logs.append((last.label, PlanDiff.draftPoint, pending)) }
            }
            var histories: [EntityKey: [AuditEntry]] = [:]
            var blames: [EntityKey: [AttributeBlame]] = [:]
            for key in Self.auditedEntities(draft.state) {
                histories[key] = try engine.history(of: key, in: plan)
                blames[key] = try engine.blame(key, in: plan)
            }
            var persons: [Identifier: Person] = [:]
            for id in Set(view.state.contacts.values.joined()) { persons[id] = try engine.person(id) }
            let head = try engine.head()
            let lastRecordedAt = try engine.log(of: plan).last { $0.position == draft.position }?.recordedAt
            return SiteData(
                options: options, view: view, pointText: pointText, versions: versions, changeLogs: logs,
                histories: histories, blames: blames, persons: persons, head: head,
                lastPosition: draft.position, lastRecordedAt: lastRecordedAt)
        } catch {
            throw .engine(error)
        }
    }

    /// The entities with an audit page: the plan, its fields, goals, measures and indicators (as the draft holds
    /// them, so that a retired one keeps its trail).
    static func auditedEntities(_ state: PlanState) -> [EntityKey] {
        [.plan] + (state.fieldsInOrder.map(\.id) + state.goals.keys.sorted() + state.measuresInOrder.map(\.id)
                   + state.indicators.keys.sorted()).map(EntityKey.entity)
    }

    /// The pages, in a fixed order.
    func pages() throws(PublishError) -> [Page] {
        var pages = [planPage(), versionsPage(), participationPage(), integrityPage()]
        pages += state.fieldsInOrder.map(fieldPage)
        pages += state.measuresInOrder.map(measurePage)
        pages += PlanState.ordered(state.indicators).map(indicatorPage)
        pages += changeLogs.enumerated().map { changeLogPage(number: $0.offset + 1, $0.element) }
        pages += Self.auditedEntities(state).filter { histories[$0] != nil }.map(auditPage)
        return pages
    }
}
