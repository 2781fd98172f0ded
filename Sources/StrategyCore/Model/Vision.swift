/// The plan's *Leitbild*: ordered text sections, guiding principles (*Leitsätze*) and an optional motto
/// (*Leitspruch*).
public struct Vision: Hashable, Sendable, Codable {
    /// The sections in reading order.
    public var sections: [VisionSection]
    /// The guiding principles, in order.
    public var principles: [String]
    /// The motto, for example "Bildung ist Leben, Leben ist Bildung".
    public var motto: String?

    /// An empty vision.
    public init(sections: [VisionSection] = [], principles: [String] = [], motto: String? = nil) {
        self.sections = sections
        self.principles = principles
        self.motto = motto
    }

    /// Whether the vision says anything at all.
    public var isEmpty: Bool { sections.isEmpty && principles.isEmpty && motto == nil }

    /// The section with an id.
    public func section(_ id: Identifier) -> VisionSection? { sections.first { $0.id == id } }
}

/// One titled section of the vision, such as "Selbstverständnis und Vision".
public struct VisionSection: Hashable, Sendable, Codable, Identifiable {
    /// The section's stable id.
    public let id: Identifier
    /// The heading.
    public var title: String
    /// The text.
    public var text: String

    /// Creates a section.
    public init(id: Identifier, title: String, text: String) {
        self.id = id
        self.title = title
        self.text = text
    }
}
