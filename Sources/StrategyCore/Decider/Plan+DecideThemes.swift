// Decides the commands on cross-cutting themes: define, revise, remove.

extension Plan {
    static func defineTheme(_ e: ThemeDefined, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.theme)
        try rules.label(e.title, "theme '\(e.theme)'.title")
        if let description = e.description { try rules.text(description, "theme '\(e.theme)'.description", maxLength: 5_000) }
        return [.themeDefined(e)]
    }

    static func reviseTheme(_ e: ThemeRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard let theme = rules.state.themes[e.theme] else { throw .unknownEntity(kind: .theme, id: e.theme.rawValue, role: "theme") }
        var change = ThemeRevised(theme: e.theme)
        if let title = e.title, title != theme.title { try rules.label(title, "theme '\(e.theme)'.title"); change.title = title }
        if let description = e.description, description.value != theme.description {
            if let text = description.value { try rules.text(text, "theme '\(e.theme)'.description", maxLength: 5_000) }
            change.description = description
        }
        guard change != ThemeRevised(theme: e.theme) else { return [] }
        try rules.reasonIfSealed(e.theme, .theme, Wording(de: "das Überarbeiten", en: "revising it"))
        return [.themeRevised(change)]
    }

    static func removeTheme(_ id: Identifier, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        guard rules.state.themes[id] != nil else { throw .unknownEntity(kind: .theme, id: id.rawValue, role: "theme") }
        let state = rules.state
        // Open fields, goals and measures must let go of the theme first; ended ones lose it with the theme.
        let fields = state.fields.values.filter { $0.themes.contains(id) }.map { ($0.id, $0.status.isOpen) }
        let goals = state.goals.values.filter { $0.themes.contains(id) }.map { ($0.id, $0.status.isOpen) }
        let measures = state.measures.values.filter { $0.themes.contains(id) }.map { ($0.id, !$0.status.isFinal) }
        let users = (fields + goals + measures).sorted { Identifier.naturalOrder($0.0, $1.0) }
        if let open = users.first(where: \.1) {
            throw .invalidValue(field: "theme '\(id)'", reason: Wording(de: "'\(open.0)' verweist noch darauf", en: "'\(open.0)' still refers to it"))
        }
        try rules.reasonIfSealed(id, .theme, Wording(de: "das Entfernen", en: "removing it"))
        return [.themeRemoved(ThemeRemoved(theme: id, from: users.map(\.0)))]
    }
}
