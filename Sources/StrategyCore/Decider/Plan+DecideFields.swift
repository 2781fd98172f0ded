// Decides the commands on fields of action: propose, revise, activate, merge, split, retire.

extension Plan {
    private static func validateFieldCode(_ code: String, _ field: Identifier, _ rules: Rules) throws(DomainError) {
        try rules.label(code, "field '\(field)'.code")
        if code.count > 8 { throw .invalidValue(field: "field '\(field)'.code", reason: Wording(de: "muss kurz sein (a–e, 1–n), nicht '\(code)'", en: "must be short (a–e, 1–n), not '\(code)'")) }
        if let other = rules.state.fields.values.first(where: { $0.code == code && $0.id != field && $0.status.isOpen }) {
            throw .invalidValue(field: "field '\(field)'.code", reason: Wording(de: "'\(code)' ist schon das Kürzel des Handlungsfelds '\(other.id)'", en: "'\(code)' is already the code of field '\(other.id)'"))
        }
    }

    static func proposeField(_ e: FieldProposed, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.field)
        if let code = e.code { try validateFieldCode(code, e.field, rules) }
        try rules.label(e.title, "field '\(e.field)'.title")
        if let commitment = e.commitment { try rules.text(commitment, "field '\(e.field)'.commitment") }
        try rules.texts(e.tags, "field '\(e.field)'.tags")
        try rules.references(e.derivedFrom, "field '\(e.field)'.derivedFrom")
        try rules.themes(e.themes ?? [], "field '\(e.field)'.themes")
        var event = e
        if event.themes == [] { event.themes = nil }
        return [.fieldProposed(event)]
    }

    static func reviseField(_ e: FieldRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let field = try rules.field(e.field, "field")
        let name = "field '\(e.field)'"
        var change = FieldRevised(field: e.field)
        if let code = e.code, code.value != field.code {
            if let value = code.value { try validateFieldCode(value, e.field, rules) }
            change.code = code
        }
        if let title = e.title, title != field.title { try rules.label(title, "\(name).title"); change.title = title }
        if let commitment = e.commitment, commitment.value != field.commitment {
            if let value = commitment.value { try rules.text(value, "\(name).commitment") }
            change.commitment = commitment
        }
        if let tags = e.tags, tags != field.tags { try rules.texts(tags, "\(name).tags"); change.tags = tags }
        if let derivedFrom = e.derivedFrom, derivedFrom != field.derivedFrom {
            try rules.references(derivedFrom, "\(name).derivedFrom", excluding: nil)
            if derivedFrom.contains(e.field) { throw .invalidValue(field: "\(name).derivedFrom", reason: Wording(de: "ein Handlungsfeld kann nicht aus sich selbst hervorgehen", en: "a field cannot derive from itself")) }
            change.derivedFrom = derivedFrom
        }
        if let themes = e.themes, themes != field.themes { try rules.themes(themes, "\(name).themes"); change.themes = themes }
        guard change != FieldRevised(field: e.field) else { return [] }
        if !field.status.isOpen { throw .illegalTransition(kind: .field, id: e.field, from: field.status.name, to: "revised") }
        try rules.reasonIfSealed(e.field, .field, Wording(de: "das Überarbeiten", en: "revising it"))
        return [.fieldRevised(change)]
    }

    static func activateField(_ id: Identifier, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let field = try rules.field(id, "field")
        guard field.status == .proposed else { throw .illegalTransition(kind: .field, id: id, from: field.status.name, to: "active") }
        _ = try rules.mandate(.adoptGoals, resolution: rules.context.resolution, acceptAlso: .adoptPlan, for: "activating field '\(id)'")
        return [.fieldActivated(FieldActivated(field: id))]
    }

    private static func openGoals(of field: Identifier, _ state: PlanState) -> [Identifier] {
        state.goals.values.filter { $0.field == field && $0.status.isOpen }.map(\.id).sorted(by: Identifier.naturalOrder)
    }

    private static func closeField(_ id: Identifier, action: String, to: String, _ rules: Rules) throws(DomainError) {
        let field = try rules.field(id, "field")
        guard field.status.isOpen else { throw .illegalTransition(kind: .field, id: id, from: field.status.name, to: to) }
        let open = openGoals(of: id, rules.state)
        if !open.isEmpty { throw .fieldHasOpenGoals(field: id, goals: open, action: action) }
        try rules.reasonIfSealed(id, .field, action == "retire" ? Wording(de: "das Beenden", en: "retiring it") : action == "merge" ? Wording(de: "das Zusammenführen", en: "merging it") : Wording(de: "das Aufteilen", en: "splitting it"))
    }

    static func mergeField(_ id: Identifier, into: Identifier, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let target = try rules.field(into, "field '\(id)'.mergedInto")
        if into == id || !target.status.isOpen {
            throw .invalidValue(field: "field '\(id)'.mergedInto", reason: Wording(de: "'\(into)' muss ein anderes offenes Handlungsfeld sein", en: "'\(into)' must be another open field"))
        }
        try closeField(id, action: "merge", to: "merged", rules)
        return [.fieldMerged(FieldMerged(field: id, into: into))]
    }

    static func splitField(_ id: Identifier, into: [Identifier], _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard into.count >= 2, Set(into).count == into.count else {
            throw .invalidValue(field: "field '\(id)'.splitInto", reason: Wording(de: "muss mindestens zwei verschiedene Handlungsfelder nennen", en: "must name at least two different fields"))
        }
        for target in into {
            let field = try rules.field(target, "field '\(id)'.splitInto")
            if target == id || !field.status.isOpen {
                throw .invalidValue(field: "field '\(id)'.splitInto", reason: Wording(de: "'\(target)' muss ein anderes offenes Handlungsfeld sein", en: "'\(target)' must be another open field"))
            }
        }
        try closeField(id, action: "split", to: "split", rules)
        return [.fieldSplit(FieldSplit(field: id, into: into))]
    }

    static func retireField(_ id: Identifier, reason: String, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let reason = try rules.requiredReason(reason, .field, id.rawValue, Wording(de: "das Beenden", en: "retiring it"))
        try closeField(id, action: "retire", to: "retired", rules)
        return [.fieldRetired(FieldRetired(field: id, reason: reason))]
    }
}
