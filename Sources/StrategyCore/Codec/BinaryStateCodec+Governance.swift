// The snapshot layout of bodies, resolutions and adopted versions, and of the deliberations, votes and version counts
// that governance events write in the same layout.

extension Body: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(id)
        writer.string(name)
        writer.name(kind)
        writer.array(mandate.sorted()) { $0.name($1) }
        writer.bool(dissolved)
        writer.optional(dissolvedOn) { $0.date($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let id = try reader.identifier("body.id")
        let name = try reader.string("body.name")
        let kind: BodyKind = try reader.name("body.kind")
        let mandate = try reader.array("body.mandate") { (reader) throws(BinaryDecodingError) -> DecisionKind in try reader.name("body.mandate") }
        let dissolved = try reader.bool("body.dissolved")
        let dissolvedOn = try reader.optional("body.dissolvedOn") { (reader) throws(BinaryDecodingError) in try reader.date("body.dissolvedOn") }
        self.init(id: id, name: name, kind: kind, mandate: Set(mandate), dissolved: dissolved, dissolvedOn: dissolvedOn)
    }
}

extension Resolution: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.string(number)
        writer.string(subject)
        writer.array(deliberations) { $0.value($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let number = try reader.string("resolution.number")
        let subject = try reader.string("resolution.subject")
        let start = reader.offset
        let deliberations = try reader.array("resolution.deliberations") { (reader) throws(BinaryDecodingError) -> Deliberation in try reader.value() }
        guard !deliberations.isEmpty else {
            throw BinaryDecodingError(offset: start, field: "resolution.deliberations", problem: "is empty")
        }
        self.init(number: number, subject: subject, deliberations: deliberations)
    }
}

extension PlanVersion: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.string(label)
        writer.string(resolution)
        writer.identifier(body)
        writer.date(effectiveDate)
        writer.string(contentHash)
        writer.optional(basedOn) { $0.string($1) }
        writer.value(counts)
        writer.optional(supersededBy) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let label = try reader.string("version.label")
        let resolution = try reader.string("version.resolution")
        let body = try reader.identifier("version.body")
        let effectiveDate = try reader.date("version.effectiveDate")
        let contentHash = try reader.string("version.contentHash")
        let basedOn = try reader.optional("version.basedOn") { (reader) throws(BinaryDecodingError) in try reader.string("version.basedOn") }
        let counts: VersionCounts = try reader.value()
        let supersededBy = try reader.optional("version.supersededBy") { (reader) throws(BinaryDecodingError) in try reader.string("version.supersededBy") }
        self.init(label: label, resolution: resolution, body: body, effectiveDate: effectiveDate, contentHash: contentHash,
                  basedOn: basedOn, counts: counts, supersededBy: supersededBy)
    }
}

extension Deliberation: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(body)
        writer.date(date)
        writer.optional(kind) { $0.name($1) }
        writer.name(result)
        writer.optional(votes) { $0.value($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let body = try reader.identifier("deliberation.body")
        let date = try reader.date("deliberation.date")
        let kind = try reader.optional("deliberation.kind") { (reader) throws(BinaryDecodingError) -> DeliberationKind in try reader.name("deliberation.kind") }
        let result: ResolutionResult = try reader.name("deliberation.result")
        let votes = try reader.optional("deliberation.votes") { (reader) throws(BinaryDecodingError) -> Votes in try reader.value() }
        self.init(body: body, date: date, kind: kind, result: result, votes: votes)
    }
}

extension Votes: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.optional(yes) { $0.int($1) }
        writer.optional(no) { $0.int($1) }
        writer.optional(abstain) { $0.int($1) }
        writer.optional(unanimous) { $0.bool($1) }
        writer.optional(note) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let yes = try reader.optional("votes.yes") { (reader) throws(BinaryDecodingError) in try reader.int("votes.yes") }
        let no = try reader.optional("votes.no") { (reader) throws(BinaryDecodingError) in try reader.int("votes.no") }
        let abstain = try reader.optional("votes.abstain") { (reader) throws(BinaryDecodingError) in try reader.int("votes.abstain") }
        let unanimous = try reader.optional("votes.unanimous") { (reader) throws(BinaryDecodingError) in try reader.bool("votes.unanimous") }
        let note = try reader.optional("votes.note") { (reader) throws(BinaryDecodingError) in try reader.string("votes.note") }
        self.init(yes: yes, no: no, abstain: abstain, unanimous: unanimous, note: note)
    }
}

extension VersionCounts: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.int(fields)
        writer.int(goals)
        writer.int(measures)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let fields = try reader.int("versionCounts.fields")
        let goals = try reader.int("versionCounts.goals")
        let measures = try reader.int("versionCounts.measures")
        self.init(fields: fields, goals: goals, measures: measures)
    }
}
