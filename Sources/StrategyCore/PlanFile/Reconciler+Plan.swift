// Reconciler: the commands for the plan itself, its own order of entities and its contacts.

extension Reconciler {
    /// The plan: created or revised, and its draft named.
    static func planCommands(_ d: PlanDocument, _ state: PlanState, into commands: inout [PlanCommand]) {
        if !state.exists {
            commands.append(.createPlan(PlanCreated(plan: d.plan, title: d.title, county: d.county, levels: d.levels, deadline: d.deadline)))
        } else {
            commands.append(.revisePlan(PlanRevised(
                title: d.title, county: d.county, levels: d.levels, deadline: Clearable.change(from: state.deadline, to: d.deadline))))
        }
        if let draft = d.draft, draft != state.draftLabel, state.version(draft) == nil { commands.append(.nameDraft(label: draft)) }
    }

    /// The plan's own order, as the file lists its fields, goals and measures; recorded only where it differs
    /// from the order shown now.
    static func orderCommands(_ d: PlanDocument, into commands: inout [PlanCommand]) {
        let order = PlanReordered(
            fields: d.fields.isEmpty ? nil : d.fields.map(\.id), goals: d.goals.isEmpty ? nil : d.goals.map(\.id),
            measures: d.measures.isEmpty ? nil : d.measures.map(\.id))
        if !order.isEmpty { commands.append(.reorder(order)) }
    }

    /// Contacts: registered persons only (the engine registers a file's contact details first).
    static func contactCommands(_ d: PlanDocument, _ state: PlanState, into commands: inout [PlanCommand]) {
        let owners: [EntityKey] = [.plan] + (d.fields.map(\.id) + d.measures.map(\.id) + d.contributions.map(\.id)).map(EntityKey.entity)
        for owner in owners {
            let persons = (d.contacts[owner.rawValue] ?? []).compactMap { entry -> Identifier? in
                if case let .person(id) = entry { return id }
                return nil
            }
            if persons != (state.contacts[owner.rawValue] ?? []) { commands.append(.assignContacts(entity: owner, persons: persons)) }
        }
    }
}
