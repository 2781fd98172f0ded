// The binary event layout of the participation payloads: formats held and revised, contributions, actors.

extension ParticipationHeld: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(format)
        writer.name(kind)
        writer.string(title)
        writer.date(date)
        writer.optional(participants) { $0.int($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let format = try reader.identifier("participation.held.format")
        let kind: ParticipationKind = try reader.name("participation.held.kind")
        let title = try reader.string("participation.held.title")
        let date = try reader.date("participation.held.date")
        let participants = try reader.optional("participation.held.participants") { (reader) throws(BinaryDecodingError) in try reader.int("participation.held.participants") }
        self.init(format: format, kind: kind, title: title, date: date, participants: participants)
    }
}

extension ParticipationRevised: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(format)
        writer.optional(kind) { $0.name($1) }
        writer.optional(title) { $0.string($1) }
        writer.optional(date) { $0.date($1) }
        writer.clearable(participants) { $0.int($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let format = try reader.identifier("participation.revised.format")
        let kind = try reader.optional("participation.revised.kind") { (reader) throws(BinaryDecodingError) -> ParticipationKind in try reader.name("participation.revised.kind") }
        let title = try reader.optional("participation.revised.title") { (reader) throws(BinaryDecodingError) in try reader.string("participation.revised.title") }
        let date = try reader.optional("participation.revised.date") { (reader) throws(BinaryDecodingError) in try reader.date("participation.revised.date") }
        let participants = try reader.clearable("participation.revised.participants") { (reader) throws(BinaryDecodingError) in try reader.int("participation.revised.participants") }
        self.init(format: format, kind: kind, title: title, date: date, participants: participants)
    }
}

extension ContributionReceived: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(contribution)
        writer.identifier(format)
        writer.string(summary)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let contribution = try reader.identifier("contribution.received.contribution")
        let format = try reader.identifier("contribution.received.format")
        let summary = try reader.string("contribution.received.summary")
        self.init(contribution: contribution, format: format, summary: summary)
    }
}

extension ContributionDisposed: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(contribution)
        writer.name(disposition)
        writer.identifiers(linkedTo)
        writer.optional(note) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let contribution = try reader.identifier("contribution.disposed.contribution")
        let disposition: Disposition = try reader.name("contribution.disposed.disposition")
        let linkedTo = try reader.identifiers("contribution.disposed.linkedTo")
        let note = try reader.optional("contribution.disposed.note") { (reader) throws(BinaryDecodingError) in try reader.string("contribution.disposed.note") }
        self.init(contribution: contribution, disposition: disposition, linkedTo: linkedTo, note: note)
    }
}

extension ActorRegistered: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(actor)
        writer.string(name)
        writer.name(sector)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let actor = try reader.identifier("actor.registered.actor")
        let name = try reader.string("actor.registered.name")
        let sector: Sector = try reader.name("actor.registered.sector")
        self.init(actor: actor, name: name, sector: sector)
    }
}

extension ActorRevised: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(actor)
        writer.optional(name) { $0.string($1) }
        writer.optional(sector) { $0.name($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let actor = try reader.identifier("actor.revised.actor")
        let name = try reader.optional("actor.revised.name") { (reader) throws(BinaryDecodingError) in try reader.string("actor.revised.name") }
        let sector = try reader.optional("actor.revised.sector") { (reader) throws(BinaryDecodingError) -> Sector in try reader.name("actor.revised.sector") }
        self.init(actor: actor, name: name, sector: sector)
    }
}

extension ActorRemoved: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(actor)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(actor: try reader.identifier("actor.removed.actor"))
    }
}
