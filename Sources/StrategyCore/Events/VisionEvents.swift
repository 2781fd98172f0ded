/// A section was added to the vision: `vision.section.written`.
public struct VisionSectionWritten: Hashable, Sendable, Codable {
    /// The section's id.
    public var section: Identifier
    /// The heading.
    public var title: String
    /// The text.
    public var text: String
    /// Where it goes among the sections (0 is first); nil appends it.
    public var position: Int?

    /// Creates the payload.
    public init(section: Identifier, title: String, text: String, position: Int? = nil) {
        self.section = section
        self.title = title
        self.text = text
        self.position = position
    }
}

/// A vision section's heading or text changed: `vision.section.revised`.
public struct VisionSectionRevised: Hashable, Sendable, Codable {
    /// The section's id.
    public var section: Identifier
    /// The new heading.
    public var title: String?
    /// The new text.
    public var text: String?

    /// Creates the payload.
    public init(section: Identifier, title: String? = nil, text: String? = nil) {
        self.section = section
        self.title = title
        self.text = text
    }
}

/// A section was removed from the vision: `vision.section.removed`.
public struct VisionSectionRemoved: Hashable, Sendable, Codable {
    /// The section's id.
    public var section: Identifier

    /// Creates the payload.
    public init(section: Identifier) {
        self.section = section
    }
}

/// The vision's sections were put in a new order: `vision.sections.reordered`.
public struct VisionSectionsReordered: Hashable, Sendable, Codable {
    /// Every section's id, in the new order.
    public var order: [Identifier]

    /// Creates the payload.
    public init(order: [Identifier]) {
        self.order = order
    }
}

/// The guiding principles (Leitsätze) were set: `vision.principles.set`.
public struct PrinciplesSet: Hashable, Sendable, Codable {
    /// The principles, in order.
    public var principles: [String]

    /// Creates the payload.
    public init(principles: [String]) {
        self.principles = principles
    }
}

/// The motto (Leitspruch) was set or removed: `vision.motto.set`.
public struct MottoSet: Hashable, Sendable, Codable {
    /// The motto, or nil to remove it.
    public var motto: String?

    /// Creates the payload.
    public init(motto: String?) {
        self.motto = motto
    }
}
