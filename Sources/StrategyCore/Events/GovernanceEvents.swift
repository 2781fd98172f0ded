/// A body was established: `body.established`.
public struct BodyEstablished: Hashable, Sendable, Codable {
    /// The body's id.
    public var body: Identifier
    /// Its name.
    public var name: String
    /// Its kind.
    public var kind: BodyKind
    /// The decisions it may take, sorted.
    public var mandate: [DecisionKind]

    /// Creates the payload.
    public init(body: Identifier, name: String, kind: BodyKind, mandate: [DecisionKind]) {
        self.body = body
        self.name = name
        self.kind = kind
        self.mandate = mandate
    }
}

/// A body's attributes changed: `body.revised`. Only changed attributes are set.
public struct BodyRevised: Hashable, Sendable, Codable {
    /// The body's id.
    public var body: Identifier
    /// The new name.
    public var name: String?
    /// The new kind.
    public var kind: BodyKind?
    /// The new mandate, sorted.
    public var mandate: [DecisionKind]?

    /// Creates the payload.
    public init(body: Identifier, name: String? = nil, kind: BodyKind? = nil, mandate: [DecisionKind]? = nil) {
        self.body = body
        self.name = name
        self.kind = kind
        self.mandate = mandate
    }
}

/// A body no longer exists: `body.dissolved`.
public struct BodyDissolved: Hashable, Sendable, Codable {
    /// The body's id.
    public var body: Identifier
    /// Why.
    public var reason: String?
    /// The day it was dissolved, if the sources say (nil: not stated). A later `body.dissolved` of a dissolved body
    /// records a date that was not known before, or corrects it.
    public var on: CalendarDate?

    /// Creates the payload.
    public init(body: Identifier, reason: String? = nil, on: CalendarDate? = nil) {
        self.body = body
        self.reason = reason
        self.on = on
    }
}

/// A council paper and its first deliberation were recorded: `resolution.recorded`.
public struct ResolutionRecorded: Hashable, Sendable, Codable {
    /// The council paper's number.
    public var number: String
    /// The body that deliberated.
    public var body: Identifier
    /// The date, as precisely as the sources state it.
    public var date: CalendarDate
    /// What it was about.
    public var subject: String
    /// The outcome.
    public var result: ResolutionResult
    /// The votes, if counted.
    public var votes: Votes?
    /// The kind of deliberation, if the sources say (left out of the payload when nil, as in records made before
    /// kinds existed).
    public var kind: DeliberationKind?

    /// Creates the payload.
    public init(
        number: String, body: Identifier, date: CalendarDate, subject: String, result: ResolutionResult, votes: Votes? = nil,
        kind: DeliberationKind? = nil
    ) {
        self.number = number
        self.body = body
        self.date = date
        self.subject = subject
        self.result = result
        self.votes = votes
        self.kind = kind
    }

    /// The deliberation this record states.
    public var deliberation: Deliberation { Deliberation(body: body, date: date, kind: kind, result: result, votes: votes) }
}

/// A further deliberation of a recorded council paper: `resolution.deliberated` — the council's decision after a
/// committee's recommendation, or a decision after the paper was referred back.
public struct ResolutionDeliberated: Hashable, Sendable, Codable {
    /// The council paper's number.
    public var number: String
    /// The body that deliberated.
    public var body: Identifier
    /// The date, as precisely as the sources state it.
    public var date: CalendarDate
    /// The kind of deliberation, if the sources say.
    public var kind: DeliberationKind?
    /// The outcome.
    public var result: ResolutionResult
    /// The votes, if counted.
    public var votes: Votes?

    /// Creates the payload.
    public init(number: String, deliberation: Deliberation) {
        self.number = number
        self.body = deliberation.body
        self.date = deliberation.date
        self.kind = deliberation.kind
        self.result = deliberation.result
        self.votes = deliberation.votes
    }

    /// The deliberation this record states.
    public var deliberation: Deliberation { Deliberation(body: body, date: date, kind: kind, result: result, votes: votes) }
}

/// The draft was adopted and sealed as a version: `version.adopted`.
public struct VersionAdopted: Hashable, Sendable, Codable {
    /// The version's label.
    public var label: String
    /// The adopting resolution's number.
    public var resolution: String
    /// The adopting body.
    public var body: Identifier
    /// When the version takes effect.
    public var effectiveDate: CalendarDate
    /// SHA-256 of the plan content as adopted.
    public var contentHash: String
    /// The version it revises.
    public var basedOn: String?
    /// Sizes of the plan as adopted.
    public var counts: VersionCounts
    /// Proposed fields that came into force with it.
    public var activatedFields: [Identifier]
    /// Draft goals adopted with it.
    public var adoptedGoals: [Identifier]

    /// Creates the payload.
    public init(label: String, resolution: String, body: Identifier, effectiveDate: CalendarDate, contentHash: String, basedOn: String? = nil, counts: VersionCounts, activatedFields: [Identifier] = [], adoptedGoals: [Identifier] = []) {
        self.label = label
        self.resolution = resolution
        self.body = body
        self.effectiveDate = effectiveDate
        self.contentHash = contentHash
        self.basedOn = basedOn
        self.counts = counts
        self.activatedFields = activatedFields
        self.adoptedGoals = adoptedGoals
    }
}

/// What a resolution record says, as far as a correction touches it: each member that is set is part of the
/// correction.
public struct ResolutionFacts: Hashable, Sendable, Codable {
    /// The body that decided.
    public var body: Identifier?
    /// The date of the decision.
    public var date: CalendarDate?
    /// What it was about.
    public var subject: String?
    /// The outcome.
    public var result: ResolutionResult?
    /// The votes, or their removal (the minutes reported none).
    public var votes: Clearable<Votes>?
    /// The kind of deliberation, or its removal (the sources do not say).
    public var kind: Clearable<DeliberationKind>?

    /// Creates the facts; leave out what is not corrected.
    public init(
        body: Identifier? = nil, date: CalendarDate? = nil, subject: String? = nil, result: ResolutionResult? = nil,
        votes: Clearable<Votes>? = nil, kind: Clearable<DeliberationKind>? = nil
    ) {
        self.body = body
        self.date = date
        self.subject = subject
        self.result = result
        self.votes = votes
        self.kind = kind
    }

    /// True when nothing is set.
    public var isEmpty: Bool { body == nil && date == nil && subject == nil && result == nil && votes == nil && kind == nil }

    /// The names of the members that are set.
    public var attributes: [String] {
        [("body", body != nil), ("date", date != nil), ("subject", subject != nil), ("result", result != nil), ("votes", votes != nil),
         ("kind", kind != nil)]
            .filter(\.1).map(\.0)
    }
}

/// A recorded resolution was corrected: `resolution.corrected`.
///
/// A record is never changed in place: the correction names the record, the values it had, the values it gets and
/// why (for example "Ergebnis laut Niederschrift vom 14.03.2013"). History and blame show both.
public struct ResolutionCorrected: Hashable, Sendable, Codable {
    /// The council paper's number.
    public var number: String
    /// The values the record had, for the corrected members.
    public var previous: ResolutionFacts
    /// The values the record gets.
    public var corrected: ResolutionFacts
    /// Why: the source of the correct values.
    public var reason: String
    /// Which deliberation the correction is about, counted from 0 in the order they were recorded; nil for the
    /// first (the one `resolution.recorded` recorded, and the only one corrections named before papers had several).
    /// The subject belongs to the paper, whichever deliberation is named.
    public var deliberation: Int?

    /// Creates the payload.
    public init(number: String, previous: ResolutionFacts, corrected: ResolutionFacts, reason: String, deliberation: Int? = nil) {
        self.number = number
        self.previous = previous
        self.corrected = corrected
        self.reason = reason
        self.deliberation = deliberation
    }
}
