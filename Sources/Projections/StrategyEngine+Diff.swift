public import StrategyCore

extension StrategyEngine {
    /// The semantic diff of a plan between two points (two versions, two positions, two times, a version and the
    /// draft…).
    public func diff(_ plan: Identifier, from: PointInTime, to: PointInTime) throws(EngineError) -> PlanDiff {
        let old = try state(of: plan, at: from), new = try state(of: plan, at: to)
        return PlanDiff(
            from: old.state, to: new.state, fromLabel: Self.label(from), toLabel: Self.label(to),
            fromPosition: old.position, toPosition: new.position)
    }

    /// A point's language-neutral name: the version label, `draft`, or the point as written (`@42`).
    static func label(_ point: PointInTime) -> String {
        switch point {
        case .draft: return PlanDiff.draftPoint
        case let .version(label): return label
        default: return "\(point)"
        }
    }
}
