public import StrategyCore

// How a diff is computed from two states: the entities that differ, attribute by attribute, long texts word by word.

extension PlanDiff {
    /// The attributes whose text is compared word by word.
    static let longTextAttributes: Set<String> = ["text", "commitment", "statement", "description", "summary", "note", "subject"]

    /// The bookkeeping attributes of the plan that renderers leave out (they are still in the diff, so that
    /// applying it reproduces the later state exactly).
    public static let bookkeeping: Set<String> = ["versions", "changesSinceAdoption", "sealed", "correctedBy", "fieldOrder"]

    /// The changes of content: each change without its ``bookkeeping`` attributes, and none that changed bookkeeping
    /// alone (a version recorded, the count of changes since adoption). What a reader means by "what changed".
    public var contentChanges: [EntityChange] {
        changes.compactMap { change in
            guard change.kind == .modified else { return change }
            let attributes = change.attributes.filter { !Self.bookkeeping.contains($0.name) }
            guard !attributes.isEmpty else { return nil }
            return EntityChange(
                entityKind: change.entityKind, entity: change.entity, kind: change.kind, title: change.title, field: change.field,
                labels: change.labels, attributes: attributes, before: change.before, after: change.after)
        }
    }

    /// The semantic diff from `old` to `new`.
    ///
    /// The diff of a state with itself is empty, and ``apply(to:)`` on `old` gives `new`.
    ///
    /// The labels name the points language-neutrally (a version label, `draft`, `@42`); renderings say them in the
    /// reader's language with their positions.
    public init(
        from old: PlanState, to new: PlanState, fromLabel: String = "from", toLabel: String = "to",
        fromPosition: UInt64? = nil, toPosition: UInt64? = nil
    ) {
        let (before, after) = Self.differingEntities(old, new)
        // Each entity's change (attribute trees compared, long texts diffed word by word) is independent of the
        // others: they are computed on every core.
        let keys = Array(Set(before.keys).union(after.keys))
        let changes = concurrentMap(keys.count) { index -> EntityChange? in
            let key = keys[index]
            let a = before[key], b = after[key]
            if a?.tree == b?.tree { return nil }
            let kind = (b ?? a)!.kind
            let title = Self.title(key, kind: kind, tree: (b ?? a)!.tree, state: b == nil ? old : new)
            let field = Self.field(key, kind: kind, tree: (b ?? a)!.tree, state: b == nil ? old : new)
            switch (a, b) {
            case (nil, let b?):
                return EntityChange(entityKind: kind, entity: key, kind: .added, title: title, field: field, labels: [], attributes: [], before: nil, after: b.tree)
            case (let a?, nil):
                return EntityChange(entityKind: kind, entity: key, kind: .removed, title: title, field: field, labels: [], attributes: [], before: a.tree, after: nil)
            case let (a?, b?):
                let attributes = Self.attributeChanges(a.tree, b.tree)
                return EntityChange(
                    entityKind: kind, entity: key, kind: .modified, title: title, field: field,
                    labels: Self.labels(kind, attributes), attributes: attributes, before: nil, after: nil)
            default:
                return nil
            }
        }.compactMap { $0 }
        let fieldOrder = Dictionary(uniqueKeysWithValues: new.fieldsInOrder.enumerated().map { ($1.id.rawValue, $0) }
            + old.fieldsInOrder.filter { new.fields[$0.id] == nil }.enumerated().map { ($1.id.rawValue, 10_000 + $0) })
        func rank(_ change: EntityChange) -> (Int, Int, String) {
            // Plan and vision first, then the cross-cutting themes, each field of action, and everything else.
            let group = change.field.map { 2 + (fieldOrder[$0] ?? 20_000) }
                ?? (change.entityKind == .plan || change.entityKind == .visionSection ? 0 : change.entityKind == .theme ? 1 : 30_000)
            let kindRank = EntityKind.allCases.firstIndex(of: change.entityKind) ?? 99
            return (group, kindRank, change.entity)
        }
        self.from = fromLabel
        self.to = toLabel
        self.fromPosition = fromPosition
        self.toPosition = toPosition
        self.planTitle = new.title.isEmpty ? old.title : new.title
        self.changes = changes.sorted { rank($0) < rank($1) }
        var titles: [String: String] = [:]
        for field in old.fieldsInOrder + new.fieldsInOrder {
            titles[field.id.rawValue] = field.code.map { "\($0)) \(field.title)" } ?? field.title
        }
        self.fieldTitles = Dictionary(uniqueKeysWithValues: Set(changes.compactMap(\.field)).compactMap { key in titles[key].map { (key, $0) } })
    }

    /// Entities of one kind that differ between two states, as (key, kind, attribute tree) on each side.
    typealias EntitySide = [(key: String, kind: EntityKind, tree: JSONValue)]

    /// The entities of one kind that differ between `a` and `b`, keyed by `entity(key)`. Each common entity is
    /// compared once; only keys are looked up to find the entities that are new in `b`.
    private static func compare<Table: EntityTable>(
        _ a: Table, _ b: Table, _ kind: EntityKind, entity: (Table.Key) -> String
    ) -> (before: EntitySide, after: EntitySide) where Table.Value: Equatable & Encodable {
        var before: EntitySide = [], after: EntitySide = []
        func tree(_ value: Table.Value) -> JSONValue? { try? CanonicalJSON.tree(of: value) }
        for (key, value) in a {
            guard let other = b[key] else {
                if let tree = tree(value) { before.append((entity(key), kind, tree)) }
                continue
            }
            guard other != value else { continue }
            if let tree = tree(value) { before.append((entity(key), kind, tree)) }
            if let tree = tree(other) { after.append((entity(key), kind, tree)) }
        }
        for (key, value) in b where a[key] == nil {
            if let tree = tree(value) { after.append((entity(key), kind, tree)) }
        }
        return (before, after)
    }

    private static func compare<Table: EntityTable>(
        _ a: Table, _ b: Table, _ kind: EntityKind
    ) -> (before: EntitySide, after: EntitySide) where Table.Key == Identifier, Table.Value: Equatable & Encodable {
        compare(a, b, kind, entity: \.rawValue)
    }

    /// The entities that differ between two states, as attribute trees: typed values are compared first, and only
    /// those that differ are encoded, so a diff costs what changed, not what the plan holds.
    static func differingEntities(_ old: PlanState, _ new: PlanState)
        -> (before: [String: (kind: EntityKind, tree: JSONValue)], after: [String: (kind: EntityKind, tree: JSONValue)]) {
        // One job per kind of entity, run on every core; the large kinds (goals, measures, observations) dominate.
        let jobs: [@Sendable () -> (before: EntitySide, after: EntitySide)] = [
            { Self.compare(old.fields, new.fields, .field) },
            { Self.compare(old.goals, new.goals, .goal) },
            { Self.compare(old.measures, new.measures, .measure) },
            { Self.compare(old.indicators, new.indicators, .indicator) },
            { Self.compare(old.observations, new.observations, .observation) },
            { Self.compare(old.bodies, new.bodies, .body) },
            { Self.compare(old.participation, new.participation, .participation) },
            { Self.compare(old.contributions, new.contributions, .contribution) },
            { Self.compare(old.actors, new.actors, .actor) },
            { Self.compare(old.themes, new.themes, .theme) },
            { Self.compare(old.resolutions, new.resolutions, .resolution, entity: { "resolution:" + $0 }) },
            {
                let oldSections = Dictionary(old.vision.sections.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                let newSections = Dictionary(new.vision.sections.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                return Self.compare(oldSections, newSections, .visionSection)
            },
            {
                // The plan's own attributes (title, levels, versions, sealed entities…) are encoded only when they
                // differ. The plan entity is always present on both sides, so it can only be modified, and an
                // attribute equal on both sides yields no change: the sealed set, which names every entity of an
                // adopted version, is left out of both trees when it did not change.
                var oldPlan = old, newPlan = new
                if old.sealed == new.sealed { oldPlan.sealed = IdentifierSet(); newPlan.sealed = IdentifierSet() }
                guard !EntityCatalog.samePlanAttributes(oldPlan, newPlan) else { return ([], []) }
                let planBefore = EntityCatalog.entity(EntityKey.plan.rawValue, in: oldPlan)
                let planAfter = EntityCatalog.entity(EntityKey.plan.rawValue, in: newPlan)
                guard planBefore?.tree != planAfter?.tree else { return ([], []) }
                return (planBefore.map { [(EntityKey.plan.rawValue, $0.kind, $0.tree)] } ?? [],
                        planAfter.map { [(EntityKey.plan.rawValue, $0.kind, $0.tree)] } ?? [])
            },
        ]
        var before: [String: (kind: EntityKind, tree: JSONValue)] = [:], after: [String: (kind: EntityKind, tree: JSONValue)] = [:]
        for result in concurrentMap(jobs.count, { jobs[$0]() }) {
            for entry in result.before { before[entry.key] = (entry.kind, entry.tree) }
            for entry in result.after { after[entry.key] = (entry.kind, entry.tree) }
        }
        return (before, after)
    }

    /// `old` with this diff applied.
    ///
    /// - Throws: ``EngineError/noSuchPoint(_:)`` when the diff does not fit `old`: it changes an entity `old` lacks,
    ///   or its result is no valid plan state.
    public func apply(to old: PlanState) throws(EngineError) -> PlanState {
        var catalog = EntityCatalog(old)
        for change in changes {
            switch change.kind {
            case .added: catalog.entities[change.entity] = (change.entityKind, change.after ?? .null)
            case .removed: catalog.entities[change.entity] = nil
            case .modified:
                guard case var .object(members)? = catalog.entities[change.entity]?.tree else {
                    throw .noSuchPoint(Wording(
                        de: "der Vergleich ändert '\(change.entity)', das der Stand nicht enthält",
                        en: "the diff changes '\(change.entity)', which the state does not hold"))
                }
                for attribute in change.attributes { members[attribute.name] = attribute.new }
                catalog.entities[change.entity] = (change.entityKind, .object(members))
            }
        }
        do { return try catalog.state() } catch {
            throw .noSuchPoint(Wording(de: "der Vergleich passt nicht zu diesem Stand: \(error)", en: "the diff does not fit this state: \(error)"))
        }
    }

    static func attributeChanges(_ old: JSONValue, _ new: JSONValue) -> [AttributeChange] {
        guard case let .object(a) = old, case let .object(b) = new else {
            return [AttributeChange(name: "value", old: old, new: new, words: nil)]
        }
        return Set(a.keys).union(b.keys).sorted().compactMap { name in
            let before = a[name], after = b[name]
            if before == after { return nil }
            var words: [WordChange]?
            if let oldText = before?.stringValue, let newText = after?.stringValue,
               longTextAttributes.contains(name) || oldText.count > 80 || newText.count > 80 {
                words = WordDiff.diff(oldText, newText)
            }
            return AttributeChange(name: name, old: before, new: after, words: words)
        }
    }

    static func labels(_ kind: EntityKind, _ attributes: [AttributeChange]) -> [String] {
        let names = Set(attributes.map(\.name))
        var labels: [String] = []
        if names.contains("title") || names.contains("name") { labels.append("renamed") }
        if kind == .goal && (names.contains("field") || names.contains("parent")) { labels.append("moved") }
        if kind == .measure && names.contains("goals") { labels.append("relinked") }
        if kind == .plan && !names.isDisjoint(with: ["fieldSequence", "goalSequence", "measureSequence"]) { labels.append("reordered") }
        if names.contains("status") || names.contains("dissolved") || names.contains("dissolvedOn") || names.contains("retiredReason") {
            labels.append("status")
            let closed: Set<String> = ["retired", "merged", "split", "abandoned", "discarded"]
            if let status = attributes.first(where: { $0.name == "status" })?.new, closed.contains(status.stringValue ?? status.statusName) { labels.append("retired") }
            if attributes.contains(where: { $0.name == "dissolved" && $0.new == .bool(true) }) || names.contains("retiredReason") { labels.append("retired") }
        }
        return labels
    }

    /// A human title for an entity.
    static func title(_ key: String, kind: EntityKind, tree: JSONValue, state: PlanState) -> String {
        func text(_ name: String) -> String? { tree[name]?.stringValue }
        switch kind {
        case .plan: return text("title") ?? "Plan"
        case .field: return [text("code").map { "\($0))" }, text("title")].compactMap { $0 }.joined(separator: " ")
        case .goal: return text("statement") ?? key
        case .measure, .participation, .visionSection, .theme: return text("title") ?? key
        case .indicator, .body, .actor: return text("name") ?? key
        case .resolution: return [key.dropFirst("resolution:".count).description, text("subject")].compactMap { $0 }.joined(separator: " – ")
        case .contribution: return text("summary") ?? key
        case .observation: return [text("indicator"), text("period"), text("region")].compactMap { $0 }.joined(separator: " · ")
        case .milestone, .version: return key
        }
    }

    /// The field of action an entity belongs to, for grouping.
    static func field(_ key: String, kind: EntityKind, tree: JSONValue, state: PlanState) -> String? {
        switch kind {
        case .field: return key
        case .goal: return tree["field"]?.stringValue
        case .measure:
            // The field the measure is placed in, else the field of its first goal that has one.
            if let field = tree["field"]?.stringValue { return field }
            guard case let .array(goals)? = tree["goals"] else { return nil }
            return goals.lazy.compactMap { $0.stringValue }.compactMap { try? Identifier($0) }.compactMap { state.goals[$0]?.field.rawValue }.first
        default: return nil
        }
    }
}

extension JSONValue {
    /// The name of a status encoded as an object (`{"retired":{"reason":…}}` → `retired`).
    var statusName: String {
        if case let .object(members) = self, let key = members.keys.first { return key }
        return stringValue ?? ""
    }
}

/// A plan state's table of entities: a `Dictionary`, or a `TreeDictionary` for the records that grow without bound.
protocol EntityTable<Key, Value>: Sequence where Element == (key: Key, value: Value) {
    associatedtype Key: Hashable
    associatedtype Value
    subscript(key: Key) -> Value? { get }
}

extension Dictionary: EntityTable {}
extension TreeDictionary: EntityTable {}
