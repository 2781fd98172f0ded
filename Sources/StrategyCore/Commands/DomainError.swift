/// A command that breaks a rule of the plan, naming the entity and saying why. Nothing is recorded.
public enum DomainError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The plan has not been created yet.
    case planDoesNotExist
    /// The plan was withdrawn; it takes no more changes.
    case planWithdrawn(reason: String)
    /// `plan.created` was already recorded.
    case planAlreadyExists(Identifier)
    /// A referenced entity does not exist (or is of another kind). `role` says where it was referenced.
    case unknownEntity(kind: EntityKind, id: String, role: String)
    /// An id is already used in the plan (ids share one namespace).
    case duplicateID(Identifier, existing: EntityKind)
    /// A value is unusable. `field` names it (`goal 'ziel-a1'.effectLevel`).
    case invalidValue(field: String, reason: String)
    /// A lifecycle transition that is not allowed.
    case illegalTransition(kind: EntityKind, id: Identifier, from: String, to: String)
    /// The change needs a reason (abandoning, discarding, retiring, correcting, or changing adopted content).
    case reasonRequired(kind: EntityKind, id: String, action: String)
    /// A field that still has open goals cannot be retired, merged or split.
    case fieldHasOpenGoals(field: Identifier, goals: [Identifier], action: String)
    /// Moving the goal would make it its own ancestor.
    case cyclicGoalTree(goal: Identifier, parent: Identifier)
    /// The version is adopted and sealed; changes go into the next draft.
    case versionSealed(label: String)
    /// The body has no mandate for the decision.
    case noMandate(body: Identifier, decision: DecisionKind, resolution: String)
    /// A resolution that was not carried (rejected, postponed…) cannot adopt anything.
    case resolutionDoesNotCarry(number: String, result: ResolutionResult)
    /// A resolution is already recorded differently; resolutions are records and never change.
    case resolutionAlreadyRecorded(number: String)
    /// A resolution already adopted a version.
    case resolutionAlreadyUsed(number: String, version: String)
    /// Nothing changed since the last version (or the plan is empty): there is nothing to adopt.
    case emptyDraft
    /// A version label is used twice.
    case labelAlreadyUsed(label: String)
    /// Personal data (an e-mail address, a phone number) in a text that would go into the log.
    case personalData(field: String, kind: String)
    /// The observation was corrected already; correct the latest correction instead.
    case observationAlreadyCorrected(observation: Identifier, by: Identifier)

    public var description: String {
        switch self {
        case .planDoesNotExist:
            return "the plan does not exist yet: create it first"
        case let .planWithdrawn(reason):
            return "the plan was withdrawn (\(reason)); it takes no more changes"
        case let .planAlreadyExists(id):
            return "the plan '\(id)' already exists"
        case let .unknownEntity(kind, id, role):
            return "\(role): unknown \(kind.displayName) '\(id)'"
        case let .duplicateID(id, existing):
            return "the id '\(id)' is already used by a \(existing.displayName); ids must be unique within a plan"
        case let .invalidValue(field, reason):
            return "\(field): \(reason)"
        case let .illegalTransition(kind, id, from, to):
            let path = Self.statusPath(kind: kind, from: from, to: to)
            let how = path.map { " — go through \($0.dropFirst().dropLast().joined(separator: ", then "))" + " (\($0.joined(separator: " → ")))" }
                ?? (Self.isFinal(kind: kind, from) ? " — '\(from)' is final" : "")
            return "\(kind.displayName) '\(id)': cannot change status from \(from) to \(to)\(how)"
        case let .reasonRequired(kind, id, action):
            return "\(kind.displayName) '\(id)': \(action) requires a reason"
        case let .fieldHasOpenGoals(field, goals, action):
            let list = goals.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (goals.count > 5 ? ", …" : "")
            return "field '\(field)': cannot \(action) it while it has open goals (\(list)); move, achieve or abandon them first"
        case let .cyclicGoalTree(goal, parent):
            return "goal '\(goal)': cannot go below '\(parent)', which is below it; goal trees cannot have cycles"
        case let .versionSealed(label):
            return "version '\(label)' is adopted and sealed; changes go into the next draft under a new label"
        case let .noMandate(body, decision, resolution):
            return "body '\(body)' has no mandate to \(decision.displayName) (resolution \(resolution))"
        case let .resolutionDoesNotCarry(number, result):
            switch result {
            case .unknown:
                return "the result of resolution \(number) is not known, so it cannot adopt anything; record the result the minutes state first"
            case .pending:
                return "resolution \(number) has not been decided yet, so it cannot adopt anything"
            default:
                return "resolution \(number) was \(result.displayName), so it cannot adopt anything"
            }
        case let .resolutionAlreadyRecorded(number):
            return "resolution \(number) is already recorded with other content; resolutions are records and cannot change"
        case let .resolutionAlreadyUsed(number, version):
            return "resolution \(number) already adopted version '\(version)'"
        case .emptyDraft:
            return "the draft has no changes since the last adopted version; there is nothing to adopt"
        case let .labelAlreadyUsed(label):
            return "the label '\(label)' is already used by an adopted version"
        case let .personalData(field, kind):
            return "\(field): looks like \(kind); keep personal data out of the plan: record the person ('strategyctl person add') and name the person id, or use a role"
        case let .observationAlreadyCorrected(observation, by):
            return "observation '\(observation)' was already corrected by '\(by)'; correct that one instead"
        }
    }
}

extension EntityKind {
    /// The kind's name in messages.
    public var displayName: String {
        switch self {
        case .visionSection: return "vision section"
        case .participation: return "participation format"
        default: return rawValue
        }
    }
}

extension DecisionKind {
    /// The decision in messages: "adopt the plan".
    public var displayName: String {
        switch self {
        case .adoptPlan: return "adopt the plan"
        case .adoptGoals: return "adopt goals and fields of action"
        case .approveMeasures: return "approve measures"
        case .approveBudget: return "approve budgets"
        case .advise: return "advise"
        }
    }
}

extension ResolutionResult {
    /// The result in messages.
    public var displayName: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

extension DomainError {
    /// The shortest path of statuses from one to another, when the change is not direct but possible in steps
    /// (`planned → in_progress → completed`); nil when there is none or no step between.
    static func statusPath(kind: EntityKind, from: String, to: String) -> [String]? {
        func steps<Status: RawRepresentable & Hashable>(_ from: Status?, _ to: Status?, _ successors: KeyPath<Status, Set<Status>>) -> [String]?
        where Status.RawValue == String {
            guard let from, let to else { return nil }
            let path = Reconciler.path(from: from, to: to, successors: successors)
            return path.count >= 2 ? ([from] + path).map(\.rawValue) : nil
        }
        switch kind {
        case .measure: return steps(MeasureStatus(rawValue: from), MeasureStatus(rawValue: to), \.successors)
        case .goal: return steps(GoalStatus(rawValue: from), GoalStatus(rawValue: to), \.successors)
        default: return nil
        }
    }

    static func isFinal(kind: EntityKind, _ status: String) -> Bool {
        switch kind {
        case .measure: return MeasureStatus(rawValue: status)?.successors.isEmpty ?? false
        case .goal: return GoalStatus(rawValue: status)?.successors.isEmpty ?? false
        default: return false
        }
    }
}
