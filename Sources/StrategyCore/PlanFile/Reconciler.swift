// The Reconciler's entry points: the commands for a plan file, deciding them, adopting; and its ordering helpers.

/// Computes the commands that turn a plan's state into what a plan file describes — only what differs.
///
/// Importing the same file twice records nothing the second time, and exporting a plan and importing the
/// export records nothing (``PlanFileWriter``). Entities missing from the file are ended the way their lifecycle
/// allows: vision sections removed, goals abandoned, measures discarded, fields and indicators retired, bodies
/// dissolved, actors and cross-cutting themes removed — each with the import's reason. Records kept beside the plan (resolutions,
/// participation, observations) are only ever added. A status the file does not state is left as it is.
public enum Reconciler {
    /// The commands, in the order they must be decided.
    ///
    /// - Parameters:
    ///   - document: The plan file, read.
    ///   - state: The plan's recorded state the file is compared with.
    ///   - reason: The import's reason, for what the file no longer lists.
    ///   - resolution: The resolution the import rests on, when goals must be adopted on their way to the status the
    ///     file states.
    public static func commands(from document: PlanDocument, state: PlanState, reason: String? = nil, resolution: String? = nil) -> [PlanCommand] {
        var commands: [PlanCommand] = []
        let d = document

        // The plan itself.
        planCommands(d, state, into: &commands)

        // Governance, actors and indicators first: content refers to them.
        bodyCommands(d, state, into: &commands)
        actorCommands(d, state, into: &commands)
        indicatorCommands(d, state, into: &commands)

        // Observations, while their indicators are defined and not yet retired; a correction after what it corrects.
        commands += observationCommands(d, state)

        // Cross-cutting themes: fields, goals and measures refer to them.
        themeCommands(d, state, into: &commands)

        // Participation records come early: goals and measures may derive from contributions.
        participationCommands(d, state, into: &commands)

        // Vision.
        visionCommands(d, state, into: &commands)

        // What the file no longer lists: end goals and measures first, and retire fields whose goals all end,
        // so that their codes are free for new fields.
        abandonUnlistedGoals(d, state, reason: reason, into: &commands)
        discardUnlistedMeasures(d, state, reason: reason, into: &commands)
        let retiredEarly = retireEmptiedFields(d, state, reason: reason, into: &commands)

        // New fields the file states as retired whose codes other fields of the file use: created and retired first.
        let retiredFirst = retiredFieldsFirst(d, state, resolution: resolution, into: &commands)

        // Fields and goals.
        fieldCommands(d, state, retiredFirst: retiredFirst, into: &commands)
        goalCommands(d, state, retiredFirst: retiredFirst, into: &commands)

        // Measures.
        measureCommands(d, state, into: &commands)

        // The plan's own order, as the file lists its fields, goals and measures; recorded only where it differs
        // from the order shown now.
        orderCommands(d, into: &commands)

        // Contacts: registered persons only (the engine registers a file's contact details first).
        contactCommands(d, state, into: &commands)

        // Records: resolutions and participation (added, never removed).
        resolutionCommands(d, into: &commands)
        dispositionCommands(d, state, into: &commands)

        // Statuses the file states, for goals and measures (fields close after their goals).
        goalStatusCommands(d, state, retiredFirst: retiredFirst, into: &commands)
        measureStatusCommands(d, state, into: &commands)

        // Field statuses, after goals have moved or ended.
        fieldStatusCommands(d, state, reason: reason, retiredFirst: retiredFirst, retiredEarly: retiredEarly, into: &commands)
        indicatorRetirements(d, state, reason: reason, into: &commands)
        bodyDissolutions(d, state, reason: reason, into: &commands)
        actorRemovals(d, state, into: &commands)
        // Themes the file no longer lists go last, once nothing refers to them.
        themeRemovals(d, state, into: &commands)
        return commands
    }

    /// Decides the commands for a document against `state`, as one unit: every event, or the first rule broken,
    /// reported at the place in the file it concerns.
    ///
    /// - Throws: ``PlanFileError`` with one issue naming the file location of the entity and the rule.
    public static func reconcile(
        _ document: PlanDocument, state: PlanState, context: EventContext = EventContext()
    ) throws(PlanFileError) -> (events: [PlanEvent], state: PlanState) {
        if let id = state.id, id != document.plan {
            let location = document.locations[document.plan.rawValue] ?? SourceLocation(file: "plan file", line: 1, column: 1, path: "plan")
            throw PlanFileError(issues: [PlanFileIssue(location: location, message: Wording(
                de: "diese Datei beschreibt den Plan '\(document.plan)', der Speicher enthält aber den Plan '\(id)'",
                en: "this file describes plan '\(document.plan)', but the store holds plan '\(id)'"))])
        }
        for field in document.fields where document.declaredStatus.contains(field.id) && field.status == .proposed {
            if let current = state.fields[field.id], current.status != .proposed {
                let location = document.locations[field.id.rawValue] ?? SourceLocation(file: "plan file", line: 1, column: 1, path: "fields")
                throw PlanFileError(issues: [PlanFileIssue(location: location, message: Wording(
                    de: "das Handlungsfeld '\(field.id)' ist \(current.status.label.de) (\(current.status.name)); ein Handlungsfeld kann nicht wieder auf \(FieldStatus.proposed.label.de) (proposed) zurückgesetzt werden",
                    en: "field '\(field.id)' is \(current.status.name); a field cannot return to proposed"))])
            }
        }
        // Contact details are personal data: they go into the register of persons (encrypted) before the plan names
        // the persons. Reconciling them here would drop them.
        var unregistered: [PlanFileIssue] = []
        for (owner, entries) in document.contacts.sorted(by: { $0.key < $1.key }) {
            for (index, entry) in entries.enumerated() {
                guard case .details = entry else { continue }
                let location = document.locations["contact:\(owner)#\(index)"] ?? SourceLocation(file: "plan file", line: 1, column: 1, path: "contacts")
                unregistered.append(PlanFileIssue(
                    location: location, message: Wording(
                        de: "Kontaktangaben werden zuerst im Personenregister erfasst; die Datei mit strategyctl oder StrategyEngine.importPlan einlesen",
                        en: "contact details are recorded in the register of persons first; import the file with strategyctl or StrategyEngine.importPlan")))
            }
        }
        if !unregistered.isEmpty { throw PlanFileError(issues: unregistered) }
        let differences = recordDifferences(document, state)
        if !differences.isEmpty { throw PlanFileError(issues: differences) }
        var current = state
        var events: [PlanEvent] = []
        for command in commands(from: document, state: state, reason: context.reason, resolution: context.resolution) {
            do throws(DomainError) {
                let produced = try Plan.decide(command, context: context, state: current)
                Plan.apply(produced, to: &current)
                events += produced
            } catch {
                let location = command.subject.flatMap { document.locations[$0] }
                    ?? document.locations[document.plan.rawValue]
                    ?? SourceLocation(file: "plan file", line: 1, column: 1, path: "")
                throw PlanFileError(issues: [PlanFileIssue(location: location, message: error.wording)])
            }
        }
        // A file whose draft label names an adopted version describes that version: it may only match it.
        if let draft = document.draft, state.version(draft) != nil, events.contains(where: \.changesContent) {
            let location = document.locations["draft"] ?? document.locations[document.plan.rawValue]
                ?? SourceLocation(file: "plan file", line: 1, column: 1, path: "draft")
            throw PlanFileError(issues: [PlanFileIssue(location: location, message: DomainError.versionSealed(label: draft).wording)])
        }
        return (events, current)
    }


    /// The events that adopt the reconciled state as the file's `adoption:` block says: its label (or the file's
    /// draft label), its resolution and its effective date — the facts the file states, asked for nowhere else.
    ///
    /// - Parameters:
    ///   - document: The plan file, with its `adoption:` block.
    ///   - reconciled: The events and the state after reconciling the file (``reconcile(_:state:context:)``).
    ///   - context: Who adopts, and the resolution and effective date the write carries; they must agree with the
    ///     file's.
    ///   - contentMustMatch: Refuse when reconciling changed the plan's content: the caller adopts what is recorded
    ///     (`strategyctl adopt --from-file`), so the file must describe exactly that.
    public static func adoption(
        of document: PlanDocument, reconciled: (events: [PlanEvent], state: PlanState), context: EventContext,
        contentMustMatch: Bool = false
    ) throws(PlanFileError) -> [PlanEvent] {
        let location = document.locations["adoption"] ?? document.locations[document.plan.rawValue]
            ?? SourceLocation(file: "plan file", line: 1, column: 1, path: "adoption")
        guard let adoption = document.adoption else {
            throw PlanFileError(issues: [PlanFileIssue(location: location, message: Wording(
                de: "die Datei hat keinen Block 'adoption:' (label, resolution, effective), nach dem beschlossen werden kann",
                en: "the file has no 'adoption:' block (label, resolution, effective) to adopt by"))])
        }
        if contentMustMatch && reconciled.events.contains(where: \.changesContent) {
            throw PlanFileError(issues: [PlanFileIssue(
                location: location,
                message: Wording(
                    de: "der Entwurf des Plans weicht von dieser Datei ab; die Datei erst einlesen (oder mit --adopt einlesen), damit die Fassung festschreibt, was die Datei sagt",
                    en: "the plan's draft differs from this file; import the file first (or import it with --adopt) so that the version seals what the file says"))])
        }
        do throws(DomainError) {
            return try Plan.decide(
                .adopt(label: adoption.label ?? document.draft, resolution: adoption.resolution, effectiveDate: adoption.effective),
                context: context, state: reconciled.state)
        } catch {
            throw PlanFileError(issues: [PlanFileIssue(location: location, message: error.wording)])
        }
    }

    /// Goals ordered so that every parent comes before its children (file order otherwise).
    ///
    /// The order is that of passes over the goals in file order, each pass taking every goal whose parent is
    /// already placed; goals in a cycle come last, in file order (decide reports the cycle). A pass visits only
    /// the goals that can be placed in it, so that a deep tree listed children first costs n log n, not n².
    static func parentsFirst(_ goals: [Goal]) -> [Goal] {
        let ids = Set(goals.map(\.id))
        var children: [Identifier: [Int]] = [:]
        var next = MinHeap()
        for (index, goal) in goals.enumerated() {
            if let parent = goal.parent, ids.contains(parent) { children[parent, default: []].append(index) } else { next.push(index) }
        }
        var placed = Set<Identifier>()
        var done = [Bool](repeating: false, count: goals.count)
        var ordered: [Goal] = []
        ordered.reserveCapacity(goals.count)
        while !next.isEmpty {
            var pass = next
            next = MinHeap()
            while let index = pass.pop() {
                ordered.append(goals[index])
                done[index] = true
                guard placed.insert(goals[index].id).inserted else { continue }
                // Children after this goal are reached later in this pass; those before it, in the next.
                for child in children[goals[index].id] ?? [] where !done[child] {
                    if child > index { pass.push(child) } else { next.push(child) }
                }
            }
        }
        if ordered.count < goals.count {  // a cycle
            ordered += goals.indices.filter { !done[$0] }.map { goals[$0] }
        }
        return ordered
    }

    /// A binary min-heap of indices.
    private struct MinHeap {
        private var items: [Int] = []
        var isEmpty: Bool { items.isEmpty }

        mutating func push(_ item: Int) {
            items.append(item)
            var child = items.count - 1
            while child > 0, items[(child - 1) / 2] > items[child] {
                items.swapAt(child, (child - 1) / 2)
                child = (child - 1) / 2
            }
        }

        mutating func pop() -> Int? {
            guard let first = items.first else { return nil }
            let last = items.removeLast()
            guard !items.isEmpty else { return first }
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count && items[left] < items[smallest] { smallest = left }
                if right < items.count && items[right] < items[smallest] { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
            return first
        }
    }

    /// The shortest chain of legal transitions from one status to another (empty when equal or unreachable,
    /// in which case the direct change is returned so that `decide` names the illegal transition).
    static func path<Status: Hashable>(from: Status, to: Status, successors: KeyPath<Status, Set<Status>>) -> [Status] {
        if from == to { return [] }
        var previous: [Status: Status] = [:]
        var queue = [from]
        var seen: Set<Status> = [from]
        while !queue.isEmpty {
            let status = queue.removeFirst()
            for next in status[keyPath: successors] where !seen.contains(next) {
                seen.insert(next)
                previous[next] = status
                if next == to {
                    var steps = [to]
                    var cursor = to
                    while let before = previous[cursor], before != from { steps.insert(before, at: 0); cursor = before }
                    return steps
                }
                queue.append(next)
            }
        }
        return [to]
    }
}
