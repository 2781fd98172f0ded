public import Projections
public import StrategyCore

/// The engine reads the county tool needs, and no more: what a plan is now and at a point in time, its adopted
/// versions, the semantic diff between two points, and the audit trail of one entity.
///
/// `StrategyEngine` satisfies it as it is (the one-line extension below). The requirements repeat the engine's full
/// signatures, typed throws included, because a protocol requirement is matched without default arguments:
/// `plans()` and `history(of:in:)` are written here as `plans(includeWithdrawn:)` and
/// `history(of:in:effectiveSince:effectiveUntil:)`. A test conforms a fake built from the public initialisers of
/// `PlanView`, `VersionRecord`, `PlanDiff` and `AuditEntry`, with no store at all.
public protocol PlanSource: Sendable {
    /// The ids of the plans in the store; withdrawn plans only with `includeWithdrawn`.
    func plans(includeWithdrawn: Bool) throws(EngineError) -> [Identifier]
    /// The plan's current draft.
    func state(of plan: Identifier) throws(EngineError) -> PlanView
    /// The plan at a point in time (a version, a date on which a version was in force…).
    func state(of plan: Identifier, at point: PointInTime) throws(EngineError) -> PlanView
    /// Every adopted version of the plan, oldest first.
    func versions(of plan: Identifier) throws(EngineError) -> [VersionRecord]
    /// The version in force on a date; nil before the first took effect.
    func version(of plan: Identifier, inForceOn date: CalendarDate) throws(EngineError) -> VersionRecord?
    /// The semantic diff of the plan between two points.
    func diff(_ plan: Identifier, from: PointInTime, to: PointInTime) throws(EngineError) -> PlanDiff
    /// Every recorded change of one entity, oldest first, optionally limited to business dates.
    func history(
        of entity: EntityKey, in plan: Identifier, effectiveSince: CalendarDate?, effectiveUntil: CalendarDate?
    ) throws(EngineError) -> [AuditEntry]
}

extension StrategyEngine: PlanSource {}
