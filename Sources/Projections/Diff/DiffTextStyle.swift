/// How ``PlanDiff/renderText(style:language:)`` marks what changed: the library writes plain text, and a caller
/// that draws on a terminal (or anywhere else) supplies its own marks, such as colours.
///
/// ``plain`` uses git's word-diff notation, `[-removed-]` and `{+inserted+}`, and leaves signs and headings as
/// they are. `strategyctl` builds a coloured style from ANSI escapes; the library itself writes none.
public struct DiffTextStyle: Sendable {
    /// Marks a run of removed words.
    public var removedWords: @Sendable (String) -> String
    /// Marks a run of inserted words.
    public var insertedWords: @Sendable (String) -> String
    /// Marks the sign of an entity line: `+` for an added entity, `-` for a removed one, `~` for a modified one.
    public var sign: @Sendable (_ sign: String, _ kind: EntityChange.Kind) -> String
    /// Marks a group heading (a field of action, or the plan-wide group).
    public var heading: @Sendable (String) -> String

    /// Creates a style from its four marks.
    public init(removedWords: @escaping @Sendable (String) -> String, insertedWords: @escaping @Sendable (String) -> String,
                sign: @escaping @Sendable (_ sign: String, _ kind: EntityChange.Kind) -> String,
                heading: @escaping @Sendable (String) -> String) {
        self.removedWords = removedWords
        self.insertedWords = insertedWords
        self.sign = sign
        self.heading = heading
    }

    /// Plain text: `[-removed-]`, `{+inserted+}`, signs and headings unmarked.
    public static let plain = DiffTextStyle(
        removedWords: { "[-" + $0 + "-]" }, insertedWords: { "{+" + $0 + "+}" }, sign: { sign, _ in sign }, heading: { $0 })
}
