public import StrategyCore

extension StrategyEngine {
    /// The plan at a point in time.
    ///
    /// A past point starts from the nearest in-memory checkpoint at or before it and replays only the events after
    /// it, so its cost grows with the checkpoint interval, not with the plan's history. The first read of a past point
    /// of a plan starts from the newest valid snapshot instead (as a read of the current state does), so that a
    /// single read stays cheap; the second builds the checkpoints by replaying the plan's log once from its first
    /// event (about a second per million events), and from then on stored snapshots play no part in past reads.
    ///
    /// A point before the plan's first event is the same for every kind of point: ``EngineError/noSuchPoint(_:)``
    /// saying when the plan begins — never an empty plan that reads as if the plan had been empty then.
    ///
    /// - Throws: ``EngineError/noSuchPoint(_:)`` for an unknown version label or resolution, a date before any
    ///   version took effect, or any point before the plan's first event.
    public func state(of plan: Identifier, at point: PointInTime) throws(EngineError) -> PlanView {
        let current = try model(plan)
        let position: UInt64
        switch point {
        case .draft:
            return PlanView(plan: plan, state: current.state, position: current.position, streamVersion: current.streamVersion, point: point)
        case let .position(value):
            position = value
        case let .recordedAt(date):
            do { position = try store.position(recordedAtOrBefore: date) ?? 0 } catch { throw .store(error) }
        case let .effectiveOn(date):
            return try state(of: plan, effectiveOn: date, point: point)
        case let .version(label):
            position = try versionPosition(plan, label: label, model: current)
        case let .resolution(number):
            if let version = current.state.versions.first(where: { $0.resolution == number }) {
                position = try versionPosition(plan, label: version.label, model: current)
            } else if let recorded = try AuditIndex.history(plan, entity: .resolution(number), store: store, pending: current.pending).first {
                position = recorded.position
            } else {
                throw .noSuchPoint(Wording(de: "der Plan '\(plan)' hat keinen Beschluss \(number)", en: "plan '\(plan)' has no resolution \(number)"))
            }
        case let .inForce(date):
            let positions = try AuditIndex.versions(plan, store: store, pending: current.pending)
            let adopted = current.state.versions.compactMap { version -> (PlanVersion, UInt64)? in
                positions.first(where: { $0.label == version.label }).map { (version, $0.position) }
            }
            guard let inForce = Self.inForce(adopted, on: date, effective: \.0.effectiveDate, position: \.1) else {
                throw .noSuchPoint(Wording(de: "am \(date) war keine Fassung des Plans '\(plan)' in Kraft", en: "no version of plan '\(plan)' was in force on \(date)"))
            }
            position = inForce.1
        }
        let first = try firstRecord(of: plan)
        if position < first.position {
            let recorded = first.recordedAt.formatted(.iso8601)
            throw .noSuchPoint(Wording(
                de: "den Plan '\(plan)' gab es zum Zeitpunkt \(point) noch nicht: sein erstes Ereignis steht an Position \(first.position), "
                    + "erfasst \(recorded)",
                en: "plan '\(plan)' did not exist yet at \(point): its first event is at position \(first.position), "
                    + "recorded \(recorded)"))
        }
        return try state(of: plan, atPosition: position, point: point, current: current)
    }

    /// The version in force on `date`: the one whose effective date is the latest on or before it (a partial date
    /// counts unless it certainly lies after `date`); of two with the same effective date, the later adopted. Nil
    /// when none is in force yet — a plain answer, unlike ``PointInTime/inForce(_:)``, which has no state to show then.
    ///
    /// - Throws: ``EngineError/unknownPlan(_:)`` for a plan the store does not hold.
    public func version(of plan: Identifier, inForceOn date: CalendarDate) throws(EngineError) -> VersionRecord? {
        Self.inForce(try versions(of: plan), on: date, effective: \.effectiveDate, position: \.position)
    }

    /// The one rule of "in force on a date", for versions however they are held.
    static func inForce<Version>(_ versions: [Version], on date: CalendarDate, effective: (Version) -> CalendarDate,
                                 position: (Version) -> UInt64) -> Version? {
        versions.filter { !date.isCertainlyBefore(effective($0)) }.max { (effective($0), position($0)) < (effective($1), position($1)) }
    }

    /// The plan's first recorded event.
    func firstRecord(of plan: Identifier) throws(EngineError) -> PlanRecord {
        guard let first = try PlanStreams.records(store, plan: plan, fromVersion: 1, limit: 1).first else { throw .unknownPlan(plan) }
        return first
    }

    /// Every change that takes effect on or before `date`, folded in log order.
    func state(of plan: Identifier, effectiveOn date: CalendarDate, point: PointInTime) throws(EngineError) -> PlanView {
        var state = PlanState.empty
        var last: PlanRecord?
        var next: UInt64 = 1
        while true {
            let page = try PlanStreams.records(store, plan: plan, fromVersion: next, limit: 1_000)
            for record in page where record.effectiveDay <= date {
                Plan.apply(CollectionOfOne(record.event), to: &state)
                last = record
            }
            guard page.count == 1_000, let end = page.last else { break }
            next = end.streamVersion + 1
        }
        guard let last else {
            let first = try firstRecord(of: plan)
            throw .noSuchPoint(Wording(
                de: "der Plan '\(plan)' hat keine Änderung, die am oder vor dem \(date) wirksam ist; seine erste Änderung wird am "
                    + "\(first.effectiveDay) wirksam",
                en: "plan '\(plan)' has no change effective on or before \(date); its first change takes effect on "
                    + "\(first.effectiveDay)"))
        }
        return PlanView(plan: plan, state: state, position: last.position, streamVersion: last.streamVersion, point: point)
    }

    func versionPosition(_ plan: Identifier, label: String, model: PlanReadModel) throws(EngineError) -> UInt64 {
        guard let entry = try AuditIndex.versions(plan, store: store, pending: model.pending).first(where: { $0.label == label }) else {
            let known = model.state.versions.map { "'\($0.label)'" }.joined(separator: ", ")
            throw .noSuchPoint(Wording(
                de: "der Plan '\(plan)' hat keine Fassung '\(label)'" + (known.isEmpty ? "" : "; seine Fassungen sind \(known)"),
                en: "plan '\(plan)' has no version '\(label)'" + (known.isEmpty ? "" : "; its versions are \(known)")))
        }
        guard case let .versionAdopted(adopted) = try record(at: entry.position, of: plan).event, adopted.label == label else {
            throw .derivedDataMismatch(Wording(
                de: "der Prüfindex des Plans '\(plan)' sagt, die Fassung '\(label)' sei an Position \(entry.position) beschlossen worden; das Ereignis dort hat sie nicht beschlossen",
                en: "the audit index of plan '\(plan)' says version '\(label)' was adopted at position \(entry.position); the event there did not adopt it"))
        }
        return entry.position
    }

    /// The state after every event of the plan at or before `position`: the nearest in-memory checkpoint at or
    /// before it (``StateCheckpoints``, built from the log from the second read of a past point of the plan on) —
    /// or, for the first such read, the newest valid snapshot — plus the events in between.
    func state(of plan: Identifier, atPosition position: UInt64, point: PointInTime, current: PlanReadModel) throws(EngineError) -> PlanView {
        if position >= current.position {
            return PlanView(plan: plan, state: current.state, position: current.position, streamVersion: current.streamVersion, point: point)
        }
        let base: (position: UInt64, streamVersion: UInt64, state: PlanState)?
        if let index = try checkpoints.forRead(plan, at: position, store: store, headVersion: current.streamVersion, headPosition: current.position) {
            base = index.nearest(atOrBefore: position).map { ($0.position, $0.streamVersion, $0.state) }
        } else {
            base = StateSnapshot.latest(plan, atOrBefore: position, store: store).map { ($0.position, $0.streamVersion, $0.state) }
        }
        var state = base?.state ?? .empty
        var last: PlanEventAt?
        try PlanStreams.forEachPage(store, plan: plan, fromVersion: (base?.streamVersion ?? 0) + 1, upTo: position, pageSize: 2_500) { page in
            Plan.apply(page.lazy.map { $0.event }, to: &state)
            last = page.last ?? last
        }
        return PlanView(
            plan: plan, state: state, position: last?.position ?? base?.position ?? 0,
            streamVersion: last?.streamVersion ?? base?.streamVersion ?? 0, point: point)
    }

    /// The state rebuilt from the first event, ignoring snapshots (for checks and tests).
    public func replayedState(of plan: Identifier, upTo position: UInt64 = .max) throws(EngineError) -> PlanState {
        var state = PlanState.empty
        try PlanStreams.forEachPage(store, plan: plan, fromVersion: 1, upTo: position) { page in
            Plan.apply(page.lazy.map { $0.event }, to: &state)
        }
        return state
    }
}
