// Reconciler: the commands for the cross-cutting themes — defined early, removed last.

extension Reconciler {
    /// Cross-cutting themes defined or revised: fields, goals and measures refer to them.
    static func themeCommands(_ d: PlanDocument, _ state: PlanState, into commands: inout [PlanCommand]) {
        for theme in d.themes {
            if let existing = state.themes[theme.id] {
                commands.append(.reviseTheme(ThemeRevised(
                    theme: theme.id, title: theme.title, description: Clearable.change(from: existing.description, to: theme.description))))
            } else {
                commands.append(.defineTheme(ThemeDefined(theme: theme.id, title: theme.title, description: theme.description)))
            }
        }
    }

    /// Themes the file no longer lists, removed once nothing refers to them.
    static func themeRemovals(_ d: PlanDocument, _ state: PlanState, into commands: inout [PlanCommand]) {
        let wantedThemes = Set(d.themes.map(\.id))
        for theme in PlanState.ordered(state.themes) where !wantedThemes.contains(theme.id) {
            commands.append(.removeTheme(theme.id))
        }
    }
}
