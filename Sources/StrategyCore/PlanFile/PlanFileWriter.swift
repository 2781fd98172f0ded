internal import Yams

/// Writes a plan's state as a plan file (YAML), the form ``PlanFile/parse(_:file:)`` reads.
///
/// The output states every attribute and status explicitly, so that importing it into the same plan records
/// nothing. Long texts become literal blocks; order is stable (fields by code, unnumbered fields after them in the
/// order they were proposed, goals as trees, the rest by id).
public enum PlanFileWriter {
    /// The plan file for `state`.
    ///
    /// - Parameters:
    ///   - state: The plan to write.
    ///   - basedOnVersion: The plan's stream version `state` was read at; written as `based_on_version`, so that
    ///     importing the edited file later refuses when the plan changed in between.
    ///   - contact: A person's contact details, from the register of persons; a contact whose details are not
    ///     given (erased, or no register at hand) is written as `person: p-…`.
    public static func yaml(_ state: PlanState, basedOnVersion: UInt64? = nil, contact: (Identifier) -> ContactDetails? = { _ in nil }) -> String {
        func contacts(_ owner: String) -> [(String, Node)] {
            guard let persons = state.contacts[owner], !persons.isEmpty else { return [] }
            return [("contacts", list(persons.map { person in
                guard let details = contact(person) else { return map([("person", text(person.rawValue))]) }
                var entries: [(String, Node)] = [("name", text(details.name))]
                for (key, value) in [("function", details.function), ("email", details.email), ("phone", details.phone), ("room", details.room)] {
                    if let value { entries.append((key, text(value))) }
                }
                return map(entries)
            }))]
        }
        var top: [(String, Node)] = [
            ("plan", text(state.id?.rawValue ?? "")),
            ("title", text(state.title)),
            ("county", text(state.county)),
        ]
        let levels = [("strategic", state.levels.strategic), ("operational", state.levels.operational)].compactMap { key, name in
            name.map { (key, text($0)) }
        }
        if !levels.isEmpty { top.append(("levels", map(levels))) }
        if let basedOnVersion { top.append(("based_on_version", .scalar(.init(String(basedOnVersion))))) }
        if let deadline = state.deadline { top.append(("deadline", text(deadline.description))) }
        if let draft = state.draftLabel { top.append(("draft", text(draft))) }
        top += contacts(PlanState.planContactKey)

        var vision: [(String, Node)] = []
        if let motto = state.vision.motto { vision.append(("motto", text(motto))) }
        if !state.vision.principles.isEmpty { vision.append(("principles", list(state.vision.principles.map(text)))) }
        if !state.vision.sections.isEmpty {
            vision.append(("sections", list(state.vision.sections.map { section in
                map([("id", text(section.id.rawValue)), ("title", text(section.title)), ("text", text(section.text))])
            })))
        }
        if !vision.isEmpty { top.append(("vision", map(vision))) }

        if !state.themes.isEmpty {
            top.append(("themes", list(PlanState.ordered(state.themes).map { theme in
                var entries: [(String, Node)] = [("id", text(theme.id.rawValue)), ("title", text(theme.title))]
                if let description = theme.description { entries.append(("description", text(description))) }
                return map(entries)
            })))
        }

        let goalTree = state.goalTree
        if !state.fields.isEmpty {
            top.append(("fields", list(state.fieldsInOrder.map { field in
                var entries: [(String, Node)] = [("id", text(field.id.rawValue))]
                if let code = field.code { entries.append(("code", text(code))) }
                entries.append(("title", text(field.title)))
                entries += contacts(field.id.rawValue)
                if let commitment = field.commitment { entries.append(("commitment", text(commitment))) }
                if !field.tags.isEmpty { entries.append(("tags", list(field.tags.map(text)))) }
                if !field.themes.isEmpty { entries.append(("themes", ids(field.themes))) }
                if !field.derivedFrom.isEmpty { entries.append(("derived_from", ids(field.derivedFrom))) }
                entries.append(("status", text(field.status.name)))
                switch field.status {
                case let .merged(into): entries.append(("merged_into", text(into.rawValue)))
                case let .split(into): entries.append(("split_into", ids(into)))
                case let .retired(reason): entries.append(("retired_reason", text(reason)))
                case .proposed, .active: break
                }
                let goals = tree(goalTree, field: field.id, parent: nil)
                if !goals.isEmpty { entries.append(("goals", list(goals.map { goal(state, $0) }))) }
                return map(entries)
            })))
        }

        if !state.measures.isEmpty {
            top.append(("measures", list(state.measuresInOrder.map { measure in
                var entries: [(String, Node)] = [("id", text(measure.id.rawValue)), ("title", text(measure.title))]
                entries += contacts(measure.id.rawValue)
                if !measure.description.isEmpty { entries.append(("description", text(measure.description))) }
                if let lead = measure.lead { entries.append(("lead", text(lead))) }
                if !measure.partners.isEmpty { entries.append(("partners", list(measure.partners.map(text)))) }
                if let start = measure.plannedStart { entries.append(("planned_start", text(start.description))) }
                if let end = measure.plannedEnd { entries.append(("planned_end", text(end.description))) }
                if let horizon = measure.horizon { entries.append(("horizon", text(horizon.rawValue))) }
                if let field = measure.field { entries.append(("field", text(field.rawValue))) }
                if !measure.goals.isEmpty { entries.append(("goals", ids(measure.goals))) }
                if !measure.milestones.isEmpty {
                    entries.append(("milestones", list(measure.milestones.map { milestone in
                        map([("id", text(milestone.id.rawValue)), ("title", text(milestone.title)), ("due", text(milestone.due.description))])
                    })))
                }
                if !measure.budget.isEmpty {
                    entries.append(("budget", list(measure.budget.map { line in
                        map([("amount", text(line.amount.description)), ("source", text(line.source)), ("year", text(String(line.year)))])
                    })))
                }
                if !measure.derivedFrom.isEmpty { entries.append(("derived_from", ids(measure.derivedFrom))) }
                if !measure.themes.isEmpty { entries.append(("themes", ids(measure.themes))) }
                entries.append(("status", text(measure.status.rawValue)))
                return map(entries)
            })))
        }

        if !state.indicators.isEmpty {
            top.append(("indicators", list(PlanState.ordered(state.indicators).map { indicator in
                var entries: [(String, Node)] = [
                    ("id", text(indicator.id.rawValue)), ("code", text(indicator.code)), ("name", text(indicator.name)),
                    ("unit", text(indicator.unit)), ("polarity", text(indicator.polarity.rawValue)), ("source", text(indicator.source)),
                ]
                if let retired = indicator.retiredReason { entries.append(("retired", text(retired))) }
                return map(entries)
            })))
        }

        if !state.observations.isEmpty {
            top.append(("observations", list(state.observationsInOrder.map { observation in
                var entries: [(String, Node)] = [("id", text(observation.id.rawValue))]
                if let corrected = observation.corrects {
                    entries.append(("corrects", text(corrected.rawValue)))
                    entries.append(("value", text(observation.value.text)))
                    entries.append(("reason", text(observation.reason ?? "")))
                } else {
                    entries += [
                        ("indicator", text(observation.indicator.rawValue)), ("period", text(observation.period)),
                        ("region", text(observation.region)), ("value", text(observation.value.text)),
                    ]
                }
                return map(entries)
            })))
        }

        if !state.bodies.isEmpty {
            top.append(("bodies", list(PlanState.ordered(state.bodies).map { body in
                var entries: [(String, Node)] = [
                    ("id", text(body.id.rawValue)), ("name", text(body.name)), ("kind", text(body.kind.rawValue)),
                    ("mandate", list(body.mandate.sorted().map { text($0.rawValue) })),
                ]
                if body.dissolved { entries.append(("dissolved", text(body.dissolvedOn?.description ?? "true"))) }
                return map(entries)
            })))
        }

        if !state.resolutions.isEmpty {
            let ordered = state.resolutions.values.sorted { ($0.date, $0.number) < ($1.date, $1.number) }
            top.append(("resolutions", list(ordered.map { resolution in
                func facts(_ deliberation: Deliberation) -> [(String, Node)] {
                    var entries: [(String, Node)] = [
                        ("body", text(deliberation.body.rawValue)), ("date", text(deliberation.date.description)),
                    ]
                    if let kind = deliberation.kind { entries.append(("kind", text(kind.rawValue))) }
                    entries.append(("result", text(deliberation.result.rawValue)))
                    if let votes = deliberation.votes {
                        var counted: [(String, Node)] = []
                        if let yes = votes.yes { counted.append(("yes", text(String(yes)))) }
                        if let no = votes.no { counted.append(("no", text(String(no)))) }
                        if let abstain = votes.abstain { counted.append(("abstain", text(String(abstain)))) }
                        if let unanimous = votes.unanimous { counted.append(("unanimous", text(unanimous ? "true" : "false"))) }
                        if let note = votes.note { counted.append(("note", text(note))) }
                        entries.append(("votes", map(counted)))
                    }
                    return entries
                }
                // One deliberation keeps the flat form every older file uses; several are listed in the order
                // they were recorded, so that an import of the export records them alike.
                if resolution.deliberations.count == 1 {
                    return map([("number", text(resolution.number)), ("subject", text(resolution.subject))] + facts(resolution.deliberations[0]))
                }
                return map([
                    ("number", text(resolution.number)), ("subject", text(resolution.subject)),
                    ("deliberations", list(resolution.deliberations.map { map(facts($0)) })),
                ])
            })))
        }

        if !state.actors.isEmpty {
            top.append(("actors", list(PlanState.ordered(state.actors).map { actor in
                map([("id", text(actor.id.rawValue)), ("name", text(actor.name)), ("sector", text(actor.sector.rawValue))])
            })))
        }

        if !state.participation.isEmpty {
            top.append(("participation", list(PlanState.ordered(state.participation).map { format in
                var entries: [(String, Node)] = [
                    ("id", text(format.id.rawValue)), ("kind", text(format.kind.rawValue)), ("title", text(format.title)),
                    ("date", text(format.date.description)),
                ]
                if let participants = format.participants { entries.append(("participants", text(String(participants)))) }
                let contributions = PlanState.ordered(state.contributions).filter { $0.format == format.id }
                if !contributions.isEmpty {
                    entries.append(("contributions", list(contributions.map { contribution in
                        var c: [(String, Node)] = [
                            ("id", text(contribution.id.rawValue)), ("summary", text(contribution.summary)),
                            ("disposition", text(contribution.disposition.rawValue)),
                        ]
                        if !contribution.linkedTo.isEmpty { c.append(("linked_to", ids(contribution.linkedTo))) }
                        if let note = contribution.note { c.append(("note", text(note))) }
                        if case let ("contacts", .sequence(authors))? = contacts(contribution.id.rawValue).first, let author = authors.first {
                            c.append(("author", author))
                        }
                        return map(c)
                    })))
                }
                return map(entries)
            })))
        }

        do {
            return try Yams.serialize(node: map(top), indent: 2, width: -1, allowUnicode: true, sortKeys: false)
        } catch {
            preconditionFailure("a plan always serializes: \(error)")
        }
    }

    /// The goals of a field, each parent followed by its sub-goals.
    private static func tree(_ goals: [GoalTreeKey: [Goal]], field: Identifier, parent: Identifier?) -> [Goal] {
        (goals[GoalTreeKey(field: field, parent: parent)] ?? []).flatMap { [$0] + tree(goals, field: field, parent: $0.id) }
    }

    private static func goal(_ state: PlanState, _ goal: Goal) -> Node {
        var entries: [(String, Node)] = [("id", text(goal.id.rawValue))]
        if let parent = goal.parent { entries.append(("parent", text(parent.rawValue))) }
        entries.append(("level", text(goal.level.rawValue)))
        entries.append(("statement", text(goal.statement)))
        if let targetGroup = goal.targetGroup { entries.append(("target_group", text(targetGroup))) }
        if let effectLevel = goal.effectLevel { entries.append(("effect_level", text(String(effectLevel)))) }
        if !goal.targets.isEmpty {
            entries.append(("targets", list(goal.targets.map { target in
                var t: [(String, Node)] = []
                if let indicator = target.indicator { t.append(("indicator", text(indicator.rawValue))) }
                if let baseline = target.baseline { t.append(("baseline", text(baseline.text))) }
                if let date = target.baselineDate { t.append(("baseline_date", text(date.description))) }
                if let value = target.target { t.append(("target", text(value.text))) }
                if let words = target.text { t.append(("text", text(words))) }
                if let date = target.targetDate { t.append(("target_date", text(date.description))) }
                return map(t)
            })))
        }
        if !goal.derivedFrom.isEmpty { entries.append(("derived_from", ids(goal.derivedFrom))) }
        if !goal.themes.isEmpty { entries.append(("themes", ids(goal.themes))) }
        entries.append(("status", text(goal.status.rawValue)))
        return map(entries)
    }

    private static func text(_ value: String) -> Node {
        let nullLike = value.isEmpty || value == "~" || value == "null"
        let style: Node.Scalar.Style = value.contains("\n") ? .literal : nullLike ? .doubleQuoted : .any
        return .scalar(Node.Scalar(value, .implicit, style))
    }

    private static func list(_ nodes: [Node]) -> Node { .sequence(Node.Sequence(nodes)) }
    private static func ids(_ ids: [Identifier]) -> Node { list(ids.map { text($0.rawValue) }) }
    private static func map(_ entries: [(String, Node)]) -> Node {
        .mapping(Node.Mapping(entries.map { (Node.scalar(Node.Scalar($0.0)), $0.1) }))
    }
}

extension PlanState {
    /// The observations, values by indicator, period, region and id, each followed by its corrections in order.
    public var observationsInOrder: [Observation] {
        let values = observations.values.filter { $0.corrects == nil }.sorted {
            if $0.indicator != $1.indicator { return Identifier.naturalOrder($0.indicator, $1.indicator) }
            if $0.period != $1.period { return naturalLess($0.period, $1.period) }
            if $0.region != $1.region { return $0.region < $1.region }
            return Identifier.naturalOrder($0.id, $1.id)
        }
        var ordered: [Observation] = []
        ordered.reserveCapacity(observations.count)
        for value in values {
            var current: Observation? = value
            while let observation = current, ordered.count < observations.count {
                ordered.append(observation)
                current = observation.correctedBy.flatMap { observations[$0] }
            }
        }
        return ordered
    }
}
