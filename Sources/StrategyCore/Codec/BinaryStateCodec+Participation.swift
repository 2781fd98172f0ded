// The snapshot layout of participation formats, contributions and actors.

extension ParticipationFormat: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(id)
        writer.name(kind)
        writer.string(title)
        writer.date(date)
        writer.optional(participants) { $0.int($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let id = try reader.identifier("participation.id")
        let kind: ParticipationKind = try reader.name("participation.kind")
        let title = try reader.string("participation.title")
        let date = try reader.date("participation.date")
        let participants = try reader.optional("participation.participants") { (reader) throws(BinaryDecodingError) in try reader.int("participation.participants") }
        self.init(id: id, kind: kind, title: title, date: date, participants: participants)
    }
}

extension Contribution: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(id)
        writer.identifier(format)
        writer.string(summary)
        writer.name(disposition)
        writer.identifiers(linkedTo)
        writer.optional(note) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let id = try reader.identifier("contribution.id")
        let format = try reader.identifier("contribution.format")
        let summary = try reader.string("contribution.summary")
        let disposition: Disposition = try reader.name("contribution.disposition")
        let linkedTo = try reader.identifiers("contribution.linkedTo")
        let note = try reader.optional("contribution.note") { (reader) throws(BinaryDecodingError) in try reader.string("contribution.note") }
        self.init(id: id, format: format, summary: summary, disposition: disposition, linkedTo: linkedTo, note: note)
    }
}

extension Actor: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(id)
        writer.string(name)
        writer.name(sector)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(id: try reader.identifier("actor.id"), name: try reader.string("actor.name"), sector: try reader.name("actor.sector"))
    }
}
