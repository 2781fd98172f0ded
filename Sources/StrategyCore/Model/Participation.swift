/// A participation format (*Beteiligungsformat*) that took place: a Zukunftswerkstatt, a Bildungskonferenz…
public struct ParticipationFormat: Hashable, Sendable, Codable, Identifiable {
    /// The stable id.
    public let id: Identifier
    /// The kind of format.
    public var kind: ParticipationKind
    /// The title, for example "Zukunftswerkstatt: Bildung! – Workshop 2".
    public var title: String
    /// When it took place.
    public var date: CalendarDate
    /// How many took part.
    public var participants: Int?

    /// Creates a format.
    public init(id: Identifier, kind: ParticipationKind, title: String, date: CalendarDate, participants: Int?) {
        self.id = id
        self.kind = kind
        self.title = title
        self.date = date
        self.participants = participants
    }
}

/// Kinds of participation.
public enum ParticipationKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// *Zukunftswerkstatt*.
    case zukunftswerkstatt
    /// *Bildungskonferenz*.
    case bildungskonferenz
    /// *Fachtag*.
    case fachtag
    /// *Zukunftsforum*.
    case zukunftsforum
    /// A workshop.
    case workshop
    /// A survey.
    case survey
    /// Anything else.
    case other
}

/// A contribution made in a participation format, and what became of it.
public struct Contribution: Hashable, Sendable, Codable, Identifiable {
    /// The stable id.
    public let id: Identifier
    /// The format it came from.
    public var format: Identifier
    /// What was proposed.
    public var summary: String
    /// What became of it.
    public var disposition: Disposition
    /// The goals, measures or fields it led to; empty when it was taken up in general, or not at all.
    public var linkedTo: [Identifier]
    /// A note on the disposition.
    public var note: String?

    /// Creates a contribution.
    public init(id: Identifier, format: Identifier, summary: String, disposition: Disposition = .pending, linkedTo: [Identifier] = [], note: String? = nil) {
        self.id = id
        self.format = format
        self.summary = summary
        self.disposition = disposition
        self.linkedTo = linkedTo
        self.note = note
    }
}

/// What became of a contribution.
public enum Disposition: String, Hashable, Sendable, Codable, CaseIterable {
    /// Not yet decided.
    case pending
    /// Taken up.
    case accepted
    /// Taken up in part.
    case partly
    /// Not taken up.
    case rejected
    /// Put off.
    case deferred
}

/// An education actor (*Bildungsakteur*): an organisation, never a person.
public struct Actor: Hashable, Sendable, Codable, Identifiable {
    /// The stable id.
    public let id: Identifier
    /// The organisation's name.
    public var name: String
    /// Its sector.
    public var sector: Sector

    /// Creates an actor.
    public init(id: Identifier, name: String, sector: Sector) {
        self.id = id
        self.name = name
        self.sector = sector
    }
}

/// Sectors of education actors.
public enum Sector: String, Hashable, Sendable, Codable, CaseIterable {
    /// Early childhood (Kita).
    case earlyChildhood = "early_childhood"
    /// Schools.
    case school
    /// Vocational training.
    case vocational
    /// Higher education.
    case university
    /// Adult education (VHS).
    case adultEducation = "adult_education"
    /// Employers and chambers.
    case employer
    /// The employment agency.
    case employmentAgency = "employment_agency"
    /// Towns and municipalities.
    case municipality
    /// The county administration.
    case administration
    /// Youth work, culture, associations.
    case civilSociety = "civil_society"
    /// Anything else.
    case other
}
