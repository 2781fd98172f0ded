// The binary event layout of the payloads about bodies, resolutions and adopted versions, with votes and counts.

extension BodyEstablished: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(body)
        writer.string(name)
        writer.name(kind)
        writer.array(mandate) { $0.name($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let body = try reader.identifier("body.established.body")
        let name = try reader.string("body.established.name")
        let kind: BodyKind = try reader.name("body.established.kind")
        let mandate = try reader.array("body.established.mandate") { (reader) throws(BinaryDecodingError) -> DecisionKind in try reader.name("body.established.mandate") }
        self.init(body: body, name: name, kind: kind, mandate: mandate)
    }
}

extension BodyRevised: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(body)
        writer.optional(name) { $0.string($1) }
        writer.optional(kind) { $0.name($1) }
        writer.optional(mandate) { writer, mandate in writer.array(mandate) { $0.name($1) } }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let body = try reader.identifier("body.revised.body")
        let name = try reader.optional("body.revised.name") { (reader) throws(BinaryDecodingError) in try reader.string("body.revised.name") }
        let kind = try reader.optional("body.revised.kind") { (reader) throws(BinaryDecodingError) -> BodyKind in try reader.name("body.revised.kind") }
        let mandate = try reader.optional("body.revised.mandate") { (reader) throws(BinaryDecodingError) -> [DecisionKind] in
            try reader.array("body.revised.mandate") { (reader) throws(BinaryDecodingError) -> DecisionKind in try reader.name("body.revised.mandate") }
        }
        self.init(body: body, name: name, kind: kind, mandate: mandate)
    }
}

extension BodyDissolved: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(body)
        writer.optional(reason) { $0.string($1) }
        writer.optional(on) { $0.date($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let body = try reader.identifier("body.dissolved.body")
        let reason = try reader.optional("body.dissolved.reason") { (reader) throws(BinaryDecodingError) in try reader.string("body.dissolved.reason") }
        let on = try reader.optional("body.dissolved.on") { (reader) throws(BinaryDecodingError) in try reader.date("body.dissolved.on") }
        self.init(body: body, reason: reason, on: on)
    }
}

extension ResolutionRecorded: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.string(number)
        writer.identifier(body)
        writer.date(date)
        writer.string(subject)
        writer.name(result)
        writer.optional(votes) { $0.value($1) }
        writer.optional(kind) { $0.name($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let number = try reader.string("resolution.recorded.number")
        let body = try reader.identifier("resolution.recorded.body")
        let date = try reader.date("resolution.recorded.date")
        let subject = try reader.string("resolution.recorded.subject")
        let result: ResolutionResult = try reader.name("resolution.recorded.result")
        let votes = try reader.optional("resolution.recorded.votes") { (reader) throws(BinaryDecodingError) -> Votes in try reader.value() }
        let kind = try reader.optional("resolution.recorded.kind") { (reader) throws(BinaryDecodingError) -> DeliberationKind in try reader.name("resolution.recorded.kind") }
        self.init(number: number, body: body, date: date, subject: subject, result: result, votes: votes, kind: kind)
    }
}

extension ResolutionDeliberated: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.string(number)
        writer.value(deliberation)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let number = try reader.string("resolution.deliberated.number")
        self.init(number: number, deliberation: try reader.value())
    }
}

extension VersionAdopted: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.string(label)
        writer.string(resolution)
        writer.identifier(body)
        writer.date(effectiveDate)
        writer.string(contentHash)
        writer.optional(basedOn) { $0.string($1) }
        writer.value(counts)
        writer.identifiers(activatedFields)
        writer.identifiers(adoptedGoals)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let label = try reader.string("version.adopted.label")
        let resolution = try reader.string("version.adopted.resolution")
        let body = try reader.identifier("version.adopted.body")
        let effectiveDate = try reader.date("version.adopted.effectiveDate")
        let contentHash = try reader.string("version.adopted.contentHash")
        let basedOn = try reader.optional("version.adopted.basedOn") { (reader) throws(BinaryDecodingError) in try reader.string("version.adopted.basedOn") }
        let counts: VersionCounts = try reader.value()
        let activatedFields = try reader.identifiers("version.adopted.activatedFields")
        let adoptedGoals = try reader.identifiers("version.adopted.adoptedGoals")
        self.init(label: label, resolution: resolution, body: body, effectiveDate: effectiveDate, contentHash: contentHash, basedOn: basedOn,
                  counts: counts, activatedFields: activatedFields, adoptedGoals: adoptedGoals)
    }
}

extension ResolutionFacts: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.optional(body) { $0.identifier($1) }
        writer.optional(date) { $0.date($1) }
        writer.optional(subject) { $0.string($1) }
        writer.optional(result) { $0.name($1) }
        writer.clearable(votes) { $0.value($1) }
        writer.clearable(kind) { $0.name($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let body = try reader.optional("resolutionFacts.body") { (reader) throws(BinaryDecodingError) in try reader.identifier("resolutionFacts.body") }
        let date = try reader.optional("resolutionFacts.date") { (reader) throws(BinaryDecodingError) in try reader.date("resolutionFacts.date") }
        let subject = try reader.optional("resolutionFacts.subject") { (reader) throws(BinaryDecodingError) in try reader.string("resolutionFacts.subject") }
        let result = try reader.optional("resolutionFacts.result") { (reader) throws(BinaryDecodingError) -> ResolutionResult in try reader.name("resolutionFacts.result") }
        let votes = try reader.clearable("resolutionFacts.votes") { (reader) throws(BinaryDecodingError) -> Votes in try reader.value() }
        let kind = try reader.clearable("resolutionFacts.kind") { (reader) throws(BinaryDecodingError) -> DeliberationKind in try reader.name("resolutionFacts.kind") }
        self.init(body: body, date: date, subject: subject, result: result, votes: votes, kind: kind)
    }
}

extension ResolutionCorrected: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.string(number)
        writer.value(previous)
        writer.value(corrected)
        writer.string(reason)
        writer.optional(deliberation) { $0.int($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let number = try reader.string("resolution.corrected.number")
        let previous: ResolutionFacts = try reader.value()
        let corrected: ResolutionFacts = try reader.value()
        let reason = try reader.string("resolution.corrected.reason")
        let deliberation = try reader.optional("resolution.corrected.deliberation") { (reader) throws(BinaryDecodingError) in try reader.int("resolution.corrected.deliberation") }
        self.init(number: number, previous: previous, corrected: corrected, reason: reason, deliberation: deliberation)
    }
}
