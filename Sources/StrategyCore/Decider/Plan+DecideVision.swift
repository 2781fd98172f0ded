// Decides the commands on the vision: its sections (write, revise, remove, reorder), the principles and the motto.

extension Plan {
    static func writeVisionSection(_ e: VisionSectionWritten, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.section)
        try rules.label(e.title, "vision section '\(e.section)'.title")
        try rules.text(e.text, "vision section '\(e.section)'.text")
        if let position = e.position, position < 0 || position > rules.state.vision.sections.count {
            throw .invalidValue(field: "vision section '\(e.section)'.position", reason: Wording(de: "muss zwischen 0 und \(rules.state.vision.sections.count) liegen", en: "must be between 0 and \(rules.state.vision.sections.count)"))
        }
        return [.visionSectionWritten(e)]
    }

    static func reviseVisionSection(_ e: VisionSectionRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard let section = rules.state.vision.section(e.section) else {
            throw .unknownEntity(kind: .visionSection, id: e.section.rawValue, role: "vision section")
        }
        var change = VisionSectionRevised(section: e.section)
        if let title = e.title, title != section.title { try rules.label(title, "vision section '\(e.section)'.title"); change.title = title }
        if let text = e.text, text != section.text { try rules.text(text, "vision section '\(e.section)'.text"); change.text = text }
        guard change.title != nil || change.text != nil else { return [] }
        try rules.reasonIfSealed(e.section, .visionSection, Wording(de: "das Überarbeiten", en: "revising it"))
        return [.visionSectionRevised(change)]
    }

    static func removeVisionSection(_ id: Identifier, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard rules.state.vision.section(id) != nil else {
            throw .unknownEntity(kind: .visionSection, id: id.rawValue, role: "vision section")
        }
        try rules.reasonIfSealed(id, .visionSection, Wording(de: "das Entfernen", en: "removing it"))
        return [.visionSectionRemoved(VisionSectionRemoved(section: id))]
    }

    static func reorderVisionSections(_ order: [Identifier], _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let current = rules.state.vision.sections.map(\.id)
        guard Set(order) == Set(current), order.count == current.count else {
            throw .invalidValue(field: "vision.order", reason: Wording(de: "muss jeden Abschnitt genau einmal nennen: \(current.map(\.rawValue).joined(separator: ", "))", en: "must list every section exactly once: \(current.map(\.rawValue).joined(separator: ", "))"))
        }
        if order == current { return [] }
        if let sealed = order.first(where: rules.state.sealed.contains) { try rules.reasonIfSealed(sealed, .visionSection, Wording(de: "das Umordnen des Leitbilds", en: "reordering the vision")) }
        return [.visionSectionsReordered(VisionSectionsReordered(order: order))]
    }

    static func setPrinciples(_ principles: [String], _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.texts(principles, "vision.principles")
        if principles == rules.state.vision.principles { return [] }
        if !rules.state.versions.isEmpty { try rules.reasonIfSealed(rules.state.id!, .plan, Wording(de: "das Ändern der Leitsätze", en: "changing the principles")) }
        return [.principlesSet(PrinciplesSet(principles: principles))]
    }

    static func setMotto(_ motto: String?, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        if let motto { try rules.label(motto, "vision.motto") }
        if motto == rules.state.vision.motto { return [] }
        if !rules.state.versions.isEmpty { try rules.reasonIfSealed(rules.state.id!, .plan, Wording(de: "das Ändern des Leitspruchs", en: "changing the motto")) }
        return [.mottoSet(MottoSet(motto: motto))]
    }
}
