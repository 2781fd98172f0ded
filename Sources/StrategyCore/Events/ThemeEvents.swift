/// A cross-cutting theme was defined: `theme.defined`.
public struct ThemeDefined: Hashable, Sendable, Codable {
    /// The theme's id.
    public var theme: Identifier
    /// Its title.
    public var title: String
    /// What the plan says about it; nil when it gives the title only.
    public var description: String?

    /// Creates the payload.
    public init(theme: Identifier, title: String, description: String? = nil) {
        self.theme = theme
        self.title = title
        self.description = description
    }
}

/// A theme's attributes changed: `theme.revised`. Only changed attributes are set.
public struct ThemeRevised: Hashable, Sendable, Codable {
    /// The theme's id.
    public var theme: Identifier
    /// The new title.
    public var title: String?
    /// The new description, or its removal.
    public var description: Clearable<String>?

    /// Creates the payload.
    public init(theme: Identifier, title: String? = nil, description: Clearable<String>? = nil) {
        self.theme = theme
        self.title = title
        self.description = description
    }
}

/// A theme is no longer part of the plan: `theme.removed`. No open field, goal or measure referred to it; the ended
/// ones that did (`from`) no longer do.
public struct ThemeRemoved: Hashable, Sendable, Codable {
    /// The theme's id.
    public var theme: Identifier
    /// The ended fields, goals and measures whose theme lists it is taken out of.
    public var from: [Identifier]

    /// Creates the payload.
    public init(theme: Identifier, from: [Identifier] = []) {
        self.theme = theme
        self.from = from
    }
}
