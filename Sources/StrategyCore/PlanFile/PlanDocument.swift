/// The desired state of a plan as a plan file describes it (plan as code).
///
/// A document holds the plan's content — vision, fields with their goal trees, measures, indicators, bodies,
/// actors — and records kept beside it that a file may add (observations, resolutions, participation).
/// ``Reconciler`` turns the difference between a plan's state and a document into commands. `docs/plan-format.md`
/// describes the YAML.
public struct PlanDocument: Hashable, Sendable {
    /// The plan's id.
    public var plan: Identifier
    /// The title.
    public var title: String
    /// The county.
    public var county: String
    /// Level names.
    public var levels: LevelNames
    /// The plan's deadline.
    public var deadline: CalendarDate?
    /// The label the draft will be adopted under.
    public var draft: String?
    /// The vision.
    public var vision: Vision
    /// Cross-cutting themes (*Querschnittsthemen*).
    public var themes: [Theme]
    /// Fields of action, in file order, with the status the file asks for.
    public var fields: [FieldOfAction]
    /// Goals, flattened in file order (parents before children); `field` and `parent` come from the nesting.
    public var goals: [Goal]
    /// Measures.
    public var measures: [Measure]
    /// Indicators; `retiredReason` set for retired ones.
    public var indicators: [Indicator]
    /// Observations of indicators and their corrections (records: added, never changed or removed).
    public var observations: [ObservationEntry]
    /// Bodies.
    public var bodies: [Body]
    /// Resolutions (records: added, never changed or removed).
    public var resolutions: [Resolution]
    /// Actors.
    public var actors: [Actor]
    /// Participation formats (records).
    public var participation: [ParticipationFormat]
    /// Contributions, with their dispositions.
    public var contributions: [Contribution]
    /// The fields, goals and measures whose status the file states; for the others the file leaves the status
    /// as it is.
    public var declaredStatus: Set<Identifier>
    /// How the state this file describes was, or is to be, adopted.
    public var adoption: Adoption?
    /// The plan's stream version this file was exported at (`based_on_version`), when the file says. An import
    /// decides on the state the file was made from: if the plan changed since, the import is a conflict.
    public var basedOnVersion: UInt64?
    /// The contacts the file names for the plan (key ``PlanState/planContactKey``), a field or a measure (key: its
    /// id), in file order. The engine (`StrategyEngine`) registers contact details as persons before reconciling; the
    /// ``Reconciler`` takes registered persons only.
    public var contacts: [String: [ContactEntry]] = [:]
    /// Where each entity and value was written: entity ids and paths (`fields[2].goals[0]`) → location.
    public var locations: [String: SourceLocation]

    /// An observation as a plan file states it: a value of an indicator, or the correction of such a value.
    public struct ObservationEntry: Hashable, Sendable {
        /// The observation's id.
        public var id: Identifier
        /// The value (the corrected value, for a correction).
        public var value: Quantity
        /// A value recorded, or a correction.
        public var kind: Kind

        /// A value recorded, or a correction.
        public enum Kind: Hashable, Sendable {
            /// A value of `indicator` for a period and a region.
            case recorded(indicator: Identifier, period: String, region: String)
            /// A new value for the observation `of`, which keeps that one's indicator, period and region.
            case correction(of: Identifier, reason: String)
        }

        /// Creates an entry.
        public init(id: Identifier, value: Quantity, kind: Kind) {
            self.id = id
            self.value = value
            self.kind = kind
        }
    }

    /// An adoption recorded in a plan file.
    public struct Adoption: Hashable, Sendable {
        /// The version label (defaults to the draft label).
        public var label: String?
        /// The adopting resolution.
        public var resolution: String
        /// When the version takes effect.
        public var effective: CalendarDate
    }

    /// Creates a document for a plan with nothing in it.
    public init(plan: Identifier, title: String, county: String) {
        self.plan = plan
        self.title = title
        self.county = county
        self.levels = LevelNames()
        self.vision = Vision()
        self.themes = []
        self.fields = []
        self.goals = []
        self.measures = []
        self.indicators = []
        self.observations = []
        self.bodies = []
        self.resolutions = []
        self.actors = []
        self.participation = []
        self.contributions = []
        self.declaredStatus = []
        self.locations = [:]
    }
}

/// A place in a plan file.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file's name as given to the parser.
    public let file: String
    /// The line, from 1.
    public let line: Int
    /// The column, from 1 (in Unicode scalars).
    public let column: Int
    /// The path of the value (`fields[2].goals[0].parent`).
    public let path: String

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    /// Creates a location.
    package init(file: String, line: Int, column: Int, path: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }
}

/// One problem in a plan file: where, and what.
public struct PlanFileIssue: Hashable, Sendable, CustomStringConvertible {
    /// Where.
    public let location: SourceLocation
    /// What is wrong, in German and English.
    public let wording: Wording

    /// What is wrong, in English.
    public var message: String { wording.en }

    /// `file:line:column: path: message`, in English.
    public var description: String { text(in: .en) }

    /// `file:line:column: path: message` in `language`. The path is the plan file's own keys in both languages.
    public func text(in language: Language) -> String {
        location.path.isEmpty ? "\(location): \(wording(language))" : "\(location): \(location.path): \(wording(language))"
    }

    /// Creates an issue.
    package init(location: SourceLocation, message: Wording) {
        self.location = location
        self.wording = message
    }
}

/// A plan file that cannot be used, with the problems found (in file order). Nothing is recorded.
///
/// A broken file can have very many problems (a list of 90,000 duplicated goals); the error keeps the first
/// ``maximumReported`` of them and counts the rest.
public struct PlanFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The most problems an error lists; the rest are only counted.
    public static let maximumReported = 100

    /// The problems, the first ``maximumReported`` in file order.
    public let issues: [PlanFileIssue]
    /// How many problems were found in all: more than `issues.count` when some were left out.
    public let problemCount: Int

    /// An error with the given problems, of which it keeps the first ``maximumReported``.
    ///
    /// - Parameters:
    ///   - issues: The problems, in file order.
    ///   - problemCount: How many problems there are, when `issues` holds only some of them; at least
    ///     `issues.count`.
    public init(issues: [PlanFileIssue], problemCount: Int? = nil) {
        self.issues = Array(issues.prefix(Self.maximumReported))
        self.problemCount = max(problemCount ?? issues.count, issues.count)
    }

    /// How many problems are counted but not listed.
    public var omittedCount: Int { problemCount - issues.count }

    /// "… and 89,900 more problems", or nil when every problem is listed.
    public var omissionNote: String? { omissionNote(in: .en) }

    /// "… und 89.900 weitere Probleme" / "… and 89,900 more problems", or nil when every problem is listed.
    public func omissionNote(in language: Language) -> String? {
        guard omittedCount > 0 else { return nil }
        return Wording(de: "… und \(grouped(omittedCount, .de)) \(omittedCount == 1 ? "weiteres Problem" : "weitere Probleme")",
                       en: "… and \(grouped(omittedCount)) more problem\(omittedCount == 1 ? "" : "s")")(language)
    }

    /// "1 problem", "90,000 problems".
    public var summary: String { summary(in: .en) }

    /// "1 Problem" / "1 problem", "90.000 Probleme" / "90,000 problems".
    public func summary(in language: Language) -> String {
        Wording(de: "\(grouped(problemCount, .de)) Problem\(problemCount == 1 ? "" : "e")",
                en: "\(grouped(problemCount)) problem\(problemCount == 1 ? "" : "s")")(language)
    }

    /// One line per listed problem, and a last line counting those left out, in English.
    public var description: String { text(in: .en) }

    /// One line per listed problem, and a last line counting those left out, in `language`.
    public func text(in language: Language) -> String {
        (issues.map { $0.text(in: language) } + [omissionNote(in: language)].compactMap { $0 }).joined(separator: "\n")
    }
}

/// A count with thousands separators, as messages show it: `90,000` in English, `90.000` in German.
func grouped(_ number: Int, _ language: Language = .en) -> String {
    let digits = String(number.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { result.append(language == .de ? "." : ",") }
        result.append(digit)
    }
    return number < 0 ? "-" + result : result
}
