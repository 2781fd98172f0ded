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
    case invalidValue(field: String, reason: Wording)
    /// A lifecycle transition that is not allowed.
    case illegalTransition(kind: EntityKind, id: Identifier, from: String, to: String)
    /// The change needs a reason (abandoning, discarding, retiring, correcting, or changing adopted content).
    case reasonRequired(kind: EntityKind, id: String, action: Wording)
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

    /// The message in English, as logs and `localizedDescription` show it.
    public var description: String { wording.en }

    /// The message in `language`.
    public func text(in language: Language) -> String { wording(language) }

    /// The message in German and English. Ids, stable keys and field paths (`goal 'ziel-a1'.effectLevel`) are the
    /// same in both; the entity kinds in a path are named in the reader's language.
    public var wording: Wording {
        switch self {
        case .planDoesNotExist:
            return Wording(de: "den Plan gibt es noch nicht: erst anlegen", en: "the plan does not exist yet: create it first")
        case let .planWithdrawn(reason):
            return Wording(de: "der Plan wurde zurückgezogen (\(reason)); er nimmt keine Änderungen mehr an",
                           en: "the plan was withdrawn (\(reason)); it takes no more changes")
        case let .planAlreadyExists(id):
            return Wording(de: "den Plan '\(id)' gibt es schon", en: "the plan '\(id)' already exists")
        case let .unknownEntity(kind, id, role):
            let missing = "\(kind.label.de) '\(id)' gibt es nicht"
            let place = Self.path(role, .de)
            return Wording(de: place == kind.label.de ? missing : "\(place): \(missing)",
                           en: "\(role): unknown \(kind.displayName) '\(id)'")
        case let .duplicateID(id, existing):
            return Wording(de: "die Kennung '\(id)' trägt schon ein(e) \(existing.label.de); Kennungen sind in einem Plan eindeutig",
                           en: "the id '\(id)' is already used by a \(existing.displayName); ids must be unique within a plan")
        case let .invalidValue(field, reason):
            return Wording(de: "\(Self.path(field, .de)): \(reason.de)", en: "\(field): \(reason.en)")
        case let .illegalTransition(kind, id, from, to):
            let path = Self.statusPath(kind: kind, from: from, to: to)
            let final = Self.isFinal(kind: kind, from)
            let fromLabel = Self.statusLabel(kind: kind, from), toLabel = Self.statusLabel(kind: kind, to)
            let howDE = path.map { steps in
                " — erst " + steps.dropFirst().map { Self.statusLabel(kind: kind, $0).de }.joined(separator: ", dann ") + " (\(steps.joined(separator: " → ")))"
            } ?? (final ? " — '\(fromLabel.de)' ist ein Endstand" : "")
            let howEN = path.map { " — go through \($0.dropFirst().dropLast().joined(separator: ", then "))" + " (\($0.joined(separator: " → ")))" }
                ?? (final ? " — '\(from)' is final" : "")
            return Wording(
                de: "\(kind.label.de) '\(id)': der Status kann nicht von \(fromLabel.de) (\(from)) zu \(toLabel.de) (\(to)) wechseln\(howDE)",
                en: "\(kind.displayName) '\(id)': cannot change status from \(from) to \(to)\(howEN)")
        case let .reasonRequired(kind, id, action):
            return Wording(de: "\(kind.label.de) '\(id)': \(action.de) braucht eine Begründung",
                           en: "\(kind.displayName) '\(id)': \(action.en) requires a reason")
        case let .fieldHasOpenGoals(field, goals, action):
            let list = goals.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (goals.count > 5 ? ", …" : "")
            return Wording(
                de: "Handlungsfeld '\(field)': \(Self.fieldAction(action)) ist nicht möglich, solange es offene Ziele hat (\(list)); diese erst verschieben, erreichen oder aufgeben",
                en: "field '\(field)': cannot \(action) it while it has open goals (\(list)); move, achieve or abandon them first")
        case let .cyclicGoalTree(goal, parent):
            return Wording(de: "Ziel '\(goal)': kann nicht unter '\(parent)' stehen, das unter ihm steht; Zielbäume haben keine Kreise",
                           en: "goal '\(goal)': cannot go below '\(parent)', which is below it; goal trees cannot have cycles")
        case let .versionSealed(label):
            return Wording(de: "die Fassung '\(label)' ist beschlossen und versiegelt; Änderungen gehen in den nächsten Entwurf unter neuer Bezeichnung",
                           en: "version '\(label)' is adopted and sealed; changes go into the next draft under a new label")
        case let .noMandate(body, decision, resolution):
            return Wording(de: "das Gremium '\(body)' hat kein Mandat für „\(decision.label.de)“ (Beschluss \(resolution))",
                           en: "body '\(body)' has no mandate to \(decision.displayName) (resolution \(resolution))")
        case let .resolutionDoesNotCarry(number, result):
            switch result {
            case .unknown:
                return Wording(
                    de: "das Ergebnis des Beschlusses \(number) ist nicht bekannt, er kann also nichts beschließen; erst das Ergebnis laut Niederschrift erfassen",
                    en: "the result of resolution \(number) is not known, so it cannot adopt anything; record the result the minutes state first")
            case .pending:
                return Wording(de: "über den Beschluss \(number) ist noch nicht entschieden, er kann also nichts beschließen",
                               en: "resolution \(number) has not been decided yet, so it cannot adopt anything")
            default:
                return Wording(de: "der Beschluss \(number) wurde \(result.label.de), er kann also nichts beschließen",
                               en: "resolution \(number) was \(result.displayName), so it cannot adopt anything")
            }
        case let .resolutionAlreadyRecorded(number):
            return Wording(
                de: "der Beschluss \(number) ist schon mit anderem Inhalt erfasst; Beschlüsse sind Aufzeichnungen und ändern sich nicht",
                en: "resolution \(number) is already recorded with other content; resolutions are records and cannot change")
        case let .resolutionAlreadyUsed(number, version):
            return Wording(de: "der Beschluss \(number) hat schon die Fassung '\(version)' beschlossen",
                           en: "resolution \(number) already adopted version '\(version)'")
        case .emptyDraft:
            return Wording(de: "der Entwurf hat seit der letzten beschlossenen Fassung keine Änderungen; es gibt nichts zu beschließen",
                           en: "the draft has no changes since the last adopted version; there is nothing to adopt")
        case let .labelAlreadyUsed(label):
            return Wording(de: "die Bezeichnung '\(label)' trägt schon eine beschlossene Fassung",
                           en: "the label '\(label)' is already used by an adopted version")
        case let .personalData(field, kind):
            return Wording(
                de: "\(Self.path(field, .de)): sieht aus wie \(PersonalData.kindLabel(kind).de); personenbezogene Daten gehören nicht in den Plan: die Person erfassen ('strategyctl person add') und ihre Kennung nennen, oder eine Rolle",
                en: "\(field): looks like \(kind); keep personal data out of the plan: record the person ('strategyctl person add') and name the person id, or use a role")
        case let .observationAlreadyCorrected(observation, by):
            return Wording(de: "der Messwert '\(observation)' wurde schon durch '\(by)' berichtigt; diesen berichtigen",
                           en: "observation '\(observation)' was already corrected by '\(by)'; correct that one instead")
        }
    }

    /// A field path in `language`: the entity kind that opens it (`goal 'ziel-a1'.effectLevel`) in words of that
    /// language; keys after it stay as the plan files spell them.
    static func path(_ field: String, _ language: Language) -> String {
        guard language == .de else { return field }
        for kind in EntityKind.allCases where [kind.label.en, kind.rawValue, kind.displayName].contains(field) { return kind.label.de }
        let words = [
            "participation": "Beteiligungsformat", "correction": "Berichtigung", "plan order of fields": "Reihenfolge der Handlungsfelder",
            "plan order of goals": "Reihenfolge der Ziele", "plan order of measures": "Reihenfolge der Maßnahmen",
            "contacts (a field, measure or contribution)": "Ansprechpersonen (eines Handlungsfelds, einer Maßnahme oder eines Beitrags)",
            "reason": "Begründung", "actor": "Urheber", "resolution": "Beschluss",
            "adopt.label": "Bezeichnung der Fassung", "adopt.resolution": "Beschluss der Fassung",
            "adopt.resolution.subject": "Gegenstand des Beschlusses",
        ]
        if let word = words[field] { return word }
        let actions = [
            "adopting version '": "Beschluss der Fassung '", "adopting goal '": "Beschluss des Ziels '",
            "activating field '": "Aktivierung des Handlungsfelds '", "resolution ": "Beschluss ",
        ]
        for (english, german) in actions where field.hasPrefix(english) { return german + field.dropFirst(english.count) }
        for kind in EntityKind.allCases.sorted(by: { $0.label.en.count > $1.label.en.count }) {
            for name in Set([kind.label.en, kind.rawValue, kind.displayName]) where field.hasPrefix(name + " '") {
                return kind.label.de + field.dropFirst(name.count)
            }
        }
        if field.hasPrefix("participation '") { return "Beteiligungsformat" + field.dropFirst("participation".count) }
        return field
    }

    /// Retiring, merging or splitting a field, in German.
    static func fieldAction(_ action: String) -> String {
        switch action {
        case "retire": "das Beenden"
        case "merge": "das Zusammenführen"
        case "split": "das Aufteilen"
        default: "„\(action)“"
        }
    }

    static func statusLabel(kind: EntityKind, _ status: String) -> Wording {
        switch kind {
        case .measure: return MeasureStatus(rawValue: status)?.label ?? Wording(de: status, en: status)
        case .goal: return GoalStatus(rawValue: status)?.label ?? Wording(de: status, en: status)
        default: return Wording(de: status, en: status)
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
