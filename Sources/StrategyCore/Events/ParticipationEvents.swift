/// A participation format took place: `participation.held`.
public struct ParticipationHeld: Hashable, Sendable, Codable {
    /// The format's id.
    public var format: Identifier
    /// Its kind.
    public var kind: ParticipationKind
    /// Its title.
    public var title: String
    /// When it took place.
    public var date: CalendarDate
    /// How many took part; nil when the sources do not say (never 0 for "not known").
    public var participants: Int?

    /// Creates the payload.
    public init(format: Identifier, kind: ParticipationKind, title: String, date: CalendarDate, participants: Int?) {
        self.format = format
        self.kind = kind
        self.title = title
        self.date = date
        self.participants = participants
    }
}

/// A participation format's record changed: `participation.revised`. Only changed attributes are set.
public struct ParticipationRevised: Hashable, Sendable, Codable {
    /// The format's id.
    public var format: Identifier
    /// The new kind.
    public var kind: ParticipationKind?
    /// The new title.
    public var title: String?
    /// The new date.
    public var date: CalendarDate?
    /// The new participant count, or its removal (schema 2; version 1 could only set it).
    public var participants: Clearable<Int>?

    /// Creates the payload.
    public init(format: Identifier, kind: ParticipationKind? = nil, title: String? = nil, date: CalendarDate? = nil, participants: Clearable<Int>? = nil) {
        self.format = format
        self.kind = kind
        self.title = title
        self.date = date
        self.participants = participants
    }
}

/// A contribution was made in a participation format: `contribution.received`.
public struct ContributionReceived: Hashable, Sendable, Codable {
    /// The contribution's id.
    public var contribution: Identifier
    /// The format.
    public var format: Identifier
    /// What was proposed.
    public var summary: String

    /// Creates the payload.
    public init(contribution: Identifier, format: Identifier, summary: String) {
        self.contribution = contribution
        self.format = format
        self.summary = summary
    }
}

/// It was decided what becomes of a contribution: `contribution.disposed`.
public struct ContributionDisposed: Hashable, Sendable, Codable {
    /// The contribution's id.
    public var contribution: Identifier
    /// The decision.
    public var disposition: Disposition
    /// The goals or measures it led to.
    public var linkedTo: [Identifier]
    /// A note.
    public var note: String?

    /// Creates the payload.
    public init(contribution: Identifier, disposition: Disposition, linkedTo: [Identifier] = [], note: String? = nil) {
        self.contribution = contribution
        self.disposition = disposition
        self.linkedTo = linkedTo
        self.note = note
    }
}

/// An education actor was registered: `actor.registered`.
public struct ActorRegistered: Hashable, Sendable, Codable {
    /// The actor's id.
    public var actor: Identifier
    /// The organisation's name.
    public var name: String
    /// Its sector.
    public var sector: Sector

    /// Creates the payload.
    public init(actor: Identifier, name: String, sector: Sector) {
        self.actor = actor
        self.name = name
        self.sector = sector
    }
}

/// An actor's attributes changed: `actor.revised`. Only changed attributes are set.
public struct ActorRevised: Hashable, Sendable, Codable {
    /// The actor's id.
    public var actor: Identifier
    /// The new name.
    public var name: String?
    /// The new sector.
    public var sector: Sector?

    /// Creates the payload.
    public init(actor: Identifier, name: String? = nil, sector: Sector? = nil) {
        self.actor = actor
        self.name = name
        self.sector = sector
    }
}

/// An actor was removed from the plan's register: `actor.removed`.
public struct ActorRemoved: Hashable, Sendable, Codable {
    /// The actor's id.
    public var actor: Identifier

    /// Creates the payload.
    public init(actor: Identifier) {
        self.actor = actor
    }
}
