/// A body (*Gremium*) such as the Kreistag, a committee, the Bildungsbeirat or a Steuerungsgruppe.
public struct Body: Hashable, Sendable, Codable, Identifiable {
    /// The stable id.
    public let id: Identifier
    /// The name.
    public var name: String
    /// What kind of body it is.
    public var kind: BodyKind
    /// Which decisions it may take.
    public var mandate: Set<DecisionKind>
    /// Set when the body no longer exists.
    public var dissolved: Bool
    /// When the body was dissolved, if the sources say; nil for a body that exists, or whose dissolution date is not
    /// known.
    public var dissolvedOn: CalendarDate?

    /// Creates a body.
    public init(
        id: Identifier, name: String, kind: BodyKind, mandate: Set<DecisionKind>, dissolved: Bool = false, dissolvedOn: CalendarDate? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.mandate = mandate
        self.dissolved = dissolved || dissolvedOn != nil
        self.dissolvedOn = dissolvedOn
    }

    private enum CodingKeys: String, CodingKey { case id, name, kind, mandate, dissolved, dissolvedOn }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Identifier.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        kind = try container.decode(BodyKind.self, forKey: .kind)
        mandate = Set(try container.decode([DecisionKind].self, forKey: .mandate))
        dissolved = try container.decode(Bool.self, forKey: .dissolved)
        dissolvedOn = try container.decodeIfPresent(CalendarDate.self, forKey: .dissolvedOn)
    }

    /// Encodes the mandate sorted, so that equal bodies encode to equal bytes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(mandate.sorted(), forKey: .mandate)
        try container.encode(dissolved, forKey: .dissolved)
        // Left out when not known, so that bodies recorded before dissolution dates existed encode as they did.
        try container.encodeIfPresent(dissolvedOn, forKey: .dissolvedOn)
    }
}

/// Kinds of bodies.
public enum BodyKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// The county council (*Kreistag*).
    case council
    /// A council committee (*Ausschuss*, *Kreisausschuss*).
    case committee
    /// An advisory board (*Bildungsbeirat*).
    case advisoryBoard = "advisory_board"
    /// A steering group (*Steuerungsgruppe*).
    case steeringGroup = "steering_group"
    /// A strategy group (*Strategiegruppe*).
    case strategyGroup = "strategy_group"
    /// An administrative unit (*Bildungsbüro*, *Stabsstelle*).
    case administration
    /// Anything else.
    case other
}

/// The decisions a body may be mandated to take.
public enum DecisionKind: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Adopt a version of the plan.
    case adoptPlan = "adopt_plan"
    /// Define fields of action and adopt strategic goals (Cloppenburg's Bildungsbeirat).
    case adoptGoals = "adopt_goals"
    /// Approve measures.
    case approveMeasures = "approve_measures"
    /// Approve budgets.
    case approveBudget = "approve_budget"
    /// Give advice only.
    case advise

    public static func < (lhs: DecisionKind, rhs: DecisionKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A council paper (*Vorlage*) and its deliberations: what the bodies did with it (*Beschluss*).
///
/// One paper often passes several bodies: a committee deliberates it first and recommends (*Vorberatung*,
/// *Empfehlung*), the council decides (*Beschluss*), or refers it back and decides later. Each is a
/// ``Deliberation``; the first is the one `resolution.recorded` recorded, each further one a
/// `resolution.deliberated`. ``body``, ``date``, ``result`` and ``votes`` are those of the paper's ``decision`` —
/// its latest deliberation that is not only a preliminary one or a recommendation — or, while there is none, of its
/// latest deliberation.
public struct Resolution: Hashable, Sendable, Codable {
    /// The paper's number, for example "V-SCHUL/19/159".
    public let number: String
    /// What it was about.
    public var subject: String
    /// The deliberations in the order they were recorded; never empty. ``inOrder`` sorts them by date.
    public var deliberations: [Deliberation]

    /// Creates a paper with one deliberation.
    public init(
        number: String, body: Identifier, date: CalendarDate, subject: String, result: ResolutionResult, votes: Votes? = nil,
        kind: DeliberationKind? = nil
    ) {
        self.init(number: number, subject: subject, deliberations: [
            Deliberation(body: body, date: date, kind: kind, result: result, votes: votes),
        ])
    }

    /// Creates a paper with its deliberations (at least one), in the order they were recorded.
    public init(number: String, subject: String, deliberations: [Deliberation]) {
        precondition(!deliberations.isEmpty, "a resolution has at least one deliberation")
        self.number = number
        self.subject = subject
        self.deliberations = deliberations
    }

    /// The deliberations by date; deliberations of the same date in the order they were recorded.
    ///
    /// - Complexity: O(*n* log *n*) in the number of deliberations.
    public var inOrder: [Deliberation] {
        deliberations.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    /// The deliberation that decided the paper: the latest one of kind ``DeliberationKind/decision`` or of no
    /// stated kind; nil while only preliminary deliberations and recommendations are recorded.
    public var decision: Deliberation? {
        inOrder.last { $0.kind == nil || $0.kind == .decision }
    }

    /// The deliberation the paper's summary stands for: its ``decision``, else its latest deliberation.
    public var governing: Deliberation { decision ?? inOrder.last! }

    /// The body of the ``governing`` deliberation.
    public var body: Identifier { governing.body }
    /// The date of the ``governing`` deliberation.
    public var date: CalendarDate { governing.date }
    /// The result of the ``decision``; ``ResolutionResult/unknown`` while none is recorded (only preliminary
    /// deliberations or recommendations are): a recommendation is never taken for the decision.
    public var result: ResolutionResult { decision?.result ?? .unknown }
    /// The votes of the ``governing`` deliberation.
    public var votes: Votes? { governing.votes }

    private enum CodingKeys: String, CodingKey { case number, subject, body, date, result, votes, deliberations }

    /// Decodes a paper with its `deliberations`, or — as encoded before papers had several — one flat deliberation.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        number = try container.decode(String.self, forKey: .number)
        subject = try container.decode(String.self, forKey: .subject)
        if let deliberations = try container.decodeIfPresent([Deliberation].self, forKey: .deliberations), !deliberations.isEmpty {
            self.deliberations = deliberations
        } else {
            deliberations = [Deliberation(
                body: try container.decode(Identifier.self, forKey: .body), date: try container.decode(CalendarDate.self, forKey: .date),
                result: try container.decode(ResolutionResult.self, forKey: .result),
                votes: try container.decodeIfPresent(Votes.self, forKey: .votes))]
        }
    }

    /// Encodes the paper's summary (body, date, result and votes of the ``governing`` deliberation) for readers of
    /// the JSON, and every deliberation.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(subject, forKey: .subject)
        try container.encode(body, forKey: .body)
        try container.encode(date, forKey: .date)
        try container.encode(result, forKey: .result)
        try container.encodeIfPresent(votes, forKey: .votes)
        try container.encode(deliberations, forKey: .deliberations)
    }
}

/// One deliberation of a council paper by a body: a preliminary deliberation, a recommendation or a decision.
public struct Deliberation: Hashable, Sendable, Codable {
    /// The body that deliberated.
    public var body: Identifier
    /// When, as precisely as the sources state it.
    public var date: CalendarDate
    /// What kind of deliberation it was; nil when the sources do not say (records made before kinds existed are
    /// read as the decision).
    public var kind: DeliberationKind?
    /// The outcome.
    public var result: ResolutionResult
    /// The votes, as far as the minutes report them.
    public var votes: Votes?

    /// Creates a deliberation.
    public init(body: Identifier, date: CalendarDate, kind: DeliberationKind? = nil, result: ResolutionResult, votes: Votes? = nil) {
        self.body = body
        self.date = date
        self.kind = kind
        self.result = result
        self.votes = votes
    }
}

/// The kinds of deliberation a council paper passes through.
public enum DeliberationKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A committee deliberates the paper before the deciding body (*Vorberatung*).
    case preliminary
    /// A body recommends a decision to the deciding body (*Empfehlung*, *Beschlussempfehlung*).
    case recommendation
    /// The deciding body decides (*Beschluss*, *Entscheidung*).
    case decision
}

/// The outcomes of a council paper's deliberation, as real minutes state them.
///
/// Only ``adopted`` and ``adoptedWithChanges`` carry a decision. A result that is not known from the sources is
/// ``unknown`` — never assumed — and one that has not been reached yet is ``pending``; neither can adopt anything.
public enum ResolutionResult: String, Hashable, Sendable, Codable, CaseIterable {
    /// Decided as proposed (*beschlossen*, *unverändert beschlossen*).
    case adopted
    /// Decided with changes (*mit Änderungen beschlossen*).
    case adoptedWithChanges = "adopted_with_changes"
    /// Rejected (*abgelehnt*).
    case rejected
    /// Taken note of (*zur Kenntnis genommen*).
    case noted
    /// Postponed (*vertagt*).
    case postponed
    /// Referred back (*zurückverwiesen*).
    case referredBack = "referred_back"
    /// Withdrawn by whoever submitted it (*zurückgezogen*).
    case withdrawn
    /// Presented without a decision (*vorgestellt*, a report or a presentation).
    case presented
    /// A commission given to the administration (*Auftrag erteilt*, *Prüfauftrag*).
    case commissioned
    /// Not reached yet: the paper is still in deliberation.
    case pending
    /// Not known from the sources (the minutes do not say, or were not available).
    case unknown

    /// Whether the resolution carries the decision.
    public var carries: Bool { self == .adopted || self == .adoptedWithChanges }
}

/// How a body voted, as far as the minutes report it.
///
/// Councils often report only part of a vote: the votes against and the abstentions ("6 Nein-Stimmen,
/// 1 Enthaltung"), "einstimmig", or a phrase ("mit großer Mehrheit"). A count that is not reported is nil — never 0,
/// which would read as a fact.
public struct Votes: Hashable, Sendable, Codable {
    /// Votes in favour, if reported.
    public var yes: Int?
    /// Votes against, if reported.
    public var no: Int?
    /// Abstentions, if reported.
    public var abstain: Int?
    /// True when the minutes say the decision was unanimous (*einstimmig*).
    public var unanimous: Bool?
    /// How the minutes describe the vote in words, for example "mit großer Mehrheit".
    public var note: String?

    /// Creates votes; leave out what the minutes do not report.
    public init(yes: Int? = nil, no: Int? = nil, abstain: Int? = nil, unanimous: Bool? = nil, note: String? = nil) {
        self.yes = yes
        self.no = no
        self.abstain = abstain
        self.unanimous = unanimous
        self.note = note
    }

    /// True when nothing at all is reported.
    public var isEmpty: Bool { yes == nil && no == nil && abstain == nil && unanimous == nil && note == nil }

    /// The vote as the minutes would say it in German, for example "40 Ja, 2 Nein, 1 Enthaltung" or "einstimmig";
    /// parts not reported are left out.
    public var summary: String { text(in: .de) }

    /// The vote in `language`: "6 Nein, 1 Enthaltung" / "6 no, 1 abstention", "einstimmig" / "unanimous"; parts
    /// not reported are left out, and nothing reported reads "nicht berichtet" / "not reported".
    public func text(in language: Language) -> String {
        let german = language == .de
        var parts: [String] = []
        if unanimous == true { parts.append(german ? "einstimmig" : "unanimous") }
        if let yes { parts.append(german ? "\(yes) Ja" : "\(yes) yes") }
        if let no { parts.append(german ? "\(no) Nein" : "\(no) no") }
        if let abstain { parts.append(german ? "\(abstain) Enthaltung" + (abstain == 1 ? "" : "en") : "\(abstain) abstention" + (abstain == 1 ? "" : "s")) }
        if let note { parts.append(note) }
        return parts.isEmpty ? (german ? "nicht berichtet" : "not reported") : parts.joined(separator: ", ")
    }
}

/// A sealed, adopted version of the plan (*Fassung*), such as "Masterplan Bildung 2.0".
public struct PlanVersion: Hashable, Sendable, Codable {
    /// The label.
    public let label: String
    /// The resolution that adopted it.
    public let resolution: String
    /// The body that adopted it.
    public let body: Identifier
    /// When the version takes effect.
    public let effectiveDate: CalendarDate
    /// SHA-256 of the plan content at adoption (see ``PlanState/contentHash``).
    public let contentHash: String
    /// The version it revised, if any.
    public let basedOn: String?
    /// Sizes of the plan at adoption.
    public let counts: VersionCounts
    /// Superseded by a later version.
    public var supersededBy: String?

    /// Creates a version record.
    public init(
        label: String, resolution: String, body: Identifier, effectiveDate: CalendarDate, contentHash: String,
        basedOn: String?, counts: VersionCounts, supersededBy: String? = nil
    ) {
        self.label = label
        self.resolution = resolution
        self.body = body
        self.effectiveDate = effectiveDate
        self.contentHash = contentHash
        self.basedOn = basedOn
        self.counts = counts
        self.supersededBy = supersededBy
    }
}

/// How much a plan holds.
public struct VersionCounts: Hashable, Sendable, Codable {
    /// Open fields of action.
    public var fields: Int
    /// Open goals.
    public var goals: Int
    /// Measures that have not ended.
    public var measures: Int

    /// Creates counts.
    public init(fields: Int, goals: Int, measures: Int) {
        self.fields = fields
        self.goals = goals
        self.measures = measures
    }
}
