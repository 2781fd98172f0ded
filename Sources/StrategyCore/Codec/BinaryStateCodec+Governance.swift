// The snapshot layout of bodies, resolutions and adopted versions.

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
        writer.array(deliberations) { writer, deliberation in
            writer.identifier(deliberation.body)
            writer.date(deliberation.date)
            writer.optional(deliberation.kind) { $0.name($1) }
            writer.name(deliberation.result)
            writer.optional(deliberation.votes) { writer, votes in
                writer.optional(votes.yes) { $0.int($1) }
                writer.optional(votes.no) { $0.int($1) }
                writer.optional(votes.abstain) { $0.int($1) }
                writer.optional(votes.unanimous) { $0.bool($1) }
                writer.optional(votes.note) { $0.string($1) }
            }
        }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let number = try reader.string("resolution.number")
        let subject = try reader.string("resolution.subject")
        let start = reader.offset
        let deliberations = try reader.array("resolution.deliberations") { (reader) throws(BinaryDecodingError) -> Deliberation in
            let body = try reader.identifier("resolution.body")
            let date = try reader.date("resolution.date")
            let kind = try reader.optional("resolution.kind") { (r) throws(BinaryDecodingError) -> DeliberationKind in try r.name("resolution.kind") }
            let result: ResolutionResult = try reader.name("resolution.result")
            let votes = try reader.optional("resolution.votes") { (reader) throws(BinaryDecodingError) -> Votes in
                Votes(
                    yes: try reader.optional("resolution.votes.yes") { (r) throws(BinaryDecodingError) in try r.int("resolution.votes.yes") },
                    no: try reader.optional("resolution.votes.no") { (r) throws(BinaryDecodingError) in try r.int("resolution.votes.no") },
                    abstain: try reader.optional("resolution.votes.abstain") { (r) throws(BinaryDecodingError) in try r.int("resolution.votes.abstain") },
                    unanimous: try reader.optional("resolution.votes.unanimous") { (r) throws(BinaryDecodingError) in try r.bool("resolution.votes.unanimous") },
                    note: try reader.optional("resolution.votes.note") { (r) throws(BinaryDecodingError) in try r.string("resolution.votes.note") })
            }
            return Deliberation(body: body, date: date, kind: kind, result: result, votes: votes)
        }
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
        writer.int(counts.fields)
        writer.int(counts.goals)
        writer.int(counts.measures)
        writer.optional(supersededBy) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let label = try reader.string("version.label")
        let resolution = try reader.string("version.resolution")
        let body = try reader.identifier("version.body")
        let effectiveDate = try reader.date("version.effectiveDate")
        let contentHash = try reader.string("version.contentHash")
        let basedOn = try reader.optional("version.basedOn") { (reader) throws(BinaryDecodingError) in try reader.string("version.basedOn") }
        let counts = VersionCounts(fields: try reader.int("version.counts.fields"), goals: try reader.int("version.counts.goals"),
                                   measures: try reader.int("version.counts.measures"))
        let supersededBy = try reader.optional("version.supersededBy") { (reader) throws(BinaryDecodingError) in try reader.string("version.supersededBy") }
        self.init(label: label, resolution: resolution, body: body, effectiveDate: effectiveDate, contentHash: contentHash,
                  basedOn: basedOn, counts: counts, supersededBy: supersededBy)
    }
}
