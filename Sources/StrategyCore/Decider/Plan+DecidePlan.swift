// Decides the commands on the plan as a whole: create, revise, name the draft, reorder, assign contacts.
//
// The plan's own order of fields, goals and measures (`reorder`) and the contact persons of the plan, a field, a
// measure or a contribution (`assignContacts`) are here, as their events are in PlanEvents.swift. Withdrawing the
// plan is decided in the dispatch (Plan+Decide.swift); adopting a version in Plan+DecideGovernance.swift.

extension Plan {
    static func createPlan(_ e: PlanCreated, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        if let id = rules.state.id { throw .planAlreadyExists(id) }
        try rules.label(e.title, "plan.title")
        try rules.label(e.county, "plan.county")
        if let name = e.levels.strategic { try rules.label(name, "plan.levels.strategic") }
        if let name = e.levels.operational { try rules.label(name, "plan.levels.operational") }
        return [.planCreated(e)]
    }

    static func revisePlan(_ e: PlanRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let state = rules.state
        var change = PlanRevised()
        if let title = e.title, title != state.title { try rules.label(title, "plan.title"); change.title = title }
        if let county = e.county, county != state.county { try rules.label(county, "plan.county"); change.county = county }
        if let levels = e.levels, levels != state.levels {
            if let name = levels.strategic { try rules.label(name, "plan.levels.strategic") }
            if let name = levels.operational { try rules.label(name, "plan.levels.operational") }
            change.levels = levels
        }
        if let deadline = e.deadline, deadline.value != state.deadline { change.deadline = deadline }
        guard change != PlanRevised() else { return [] }
        try rules.reasonIfSealed(state.id!, .plan, Wording(de: "das Ändern des Plans", en: "changing the plan"))
        return [.planRevised(change)]
    }

    static func nameDraft(_ label: String, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.label(label, "draft.label")
        if rules.state.version(label) != nil { throw .versionSealed(label: label) }
        if rules.state.draftLabel == label { return [] }
        return [.draftNamed(DraftNamed(label: label))]
    }

    /// The plan's own order: each list names entities of its kind, each once; a list that leaves the order shown as
    /// it is is no news.
    static func reorder(_ e: PlanReordered, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let state = rules.state
        func check(_ ids: [Identifier]?, _ kind: EntityKind, _ name: String) throws(DomainError) {
            guard let ids else { return }
            var seen = Set<Identifier>()
            for id in ids {
                guard state.kind(of: id) == kind else { throw .unknownEntity(kind: kind, id: id.rawValue, role: "plan order of \(name)") }
                if !seen.insert(id).inserted { throw .invalidValue(field: "plan.order.\(name)", reason: Wording(de: "nennt '\(id)' zweimal", en: "names '\(id)' twice")) }
            }
        }
        try check(e.fields, .field, "fields")
        try check(e.goals, .goal, "goals")
        try check(e.measures, .measure, "measures")
        // Only the relative order of the listed entities counts: an entity the list leaves out (a field the plan
        // retired and no longer lists) is no reason to record an order.
        var change = PlanReordered()
        if let fields = e.fields, state.fieldsInOrder.map(\.id).filter(Set(fields).contains) != fields { change.fields = fields }
        if let goals = e.goals {
            var after = state
            after.goalSequence = goals
            let listed = Set(goals)
            let (before, now) = (state.goalTree, after.goalTree)
            if before.contains(where: { key, list in list.map(\.id).filter(listed.contains) != (now[key] ?? []).map(\.id).filter(listed.contains) }) {
                change.goals = goals
            }
        }
        if let measures = e.measures, state.measuresInOrder.map(\.id).filter(Set(measures).contains) != measures { change.measures = measures }
        return change.isEmpty ? [] : [.planReordered(change)]
    }

    /// Contacts are registered persons, each named once, of the plan or of a field or measure it holds.
    static func assignContacts(_ key: EntityKey, _ persons: [Identifier], _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let state = rules.state
        // The plan's contacts are kept under `plan` (PlanState.planContactKey), which is the plan key's text.
        let entity = key.rawValue
        switch key {
        case .plan: break
        case let .entity(id):
            guard let kind = state.kind(of: id), kind == .field || kind == .measure || kind == .contribution else {
                throw .unknownEntity(kind: .field, id: entity, role: "contacts (a field, measure or contribution)")
            }
        case .resolution:
            throw .unknownEntity(kind: .field, id: entity, role: "contacts (a field, measure or contribution)")
        }
        var seen = Set<Identifier>()
        for person in persons {
            guard person.rawValue.hasPrefix("p-") else {
                throw .invalidValue(field: "\(entity).contacts", reason: Wording(de: "'\(person)' ist keine Personenkennung (p-…)", en: "'\(person)' is not a person id (p-…)"))
            }
            if !seen.insert(person).inserted { throw .invalidValue(field: "\(entity).contacts", reason: Wording(de: "nennt '\(person)' zweimal", en: "names '\(person)' twice")) }
        }
        if (state.contacts[entity] ?? []) == persons { return [] }
        return [.contactsAssigned(ContactsAssigned(entity: entity, persons: persons))]
    }
}
