// The snapshot layout of the plan state as a whole (in parts), its level names and its vision.

import HashTreeCollections

extension PlanState {
    /// The parts of a state's layout, each decoded on its own: the plan's large tables apart from everything else, so
    /// that a snapshot of a large plan decodes on several cores (see ``BinaryStateCodec/decode(_:runner:)``).
    package enum Part: CaseIterable, Sendable {
        /// Everything but the goals, the measures and the observations, in declaration order.
        case rest
        case goals
        case measures
        case observations
    }

    /// A part, decoded.
    package enum DecodedPart: Sendable {
        /// A state whose goals, measures and observations are empty.
        case rest(PlanState)
        case goals([Identifier: Goal])
        case measures([Identifier: Measure])
        case observations(TreeDictionary<Identifier, Observation>)
    }

    /// Appends one part.
    package func write(_ part: Part, to writer: inout BinaryWriter) {
        switch part {
        case .rest: writeRest(to: &writer)
        case .goals: writer.entities(goals)
        case .measures: writer.entities(measures)
        case .observations: writer.entities(observations)
        }
    }

    /// Reads one part, written by ``write(_:to:)``.
    package static func read(_ part: Part, from reader: inout BinaryReader) throws(BinaryDecodingError) -> DecodedPart {
        switch part {
        case .rest: return .rest(try PlanState(readingRest: &reader))
        case .goals: return .goals(try reader.entities("plan.goals"))
        case .measures: return .measures(try reader.entities("plan.measures"))
        case .observations: return .observations(try reader.treeEntities("plan.observations"))
        }
    }

    /// The state from its decoded parts, one of each.
    package init(assembling parts: [DecodedPart]) {
        var state = PlanState.empty
        for part in parts {
            if case .rest(let rest) = part { state = rest }
        }
        for part in parts {
            switch part {
            case .rest: break
            case .goals(let goals): state.goals = goals
            case .measures(let measures): state.measures = measures
            case .observations(let observations): state.observations = observations
            }
        }
        self = state
    }

    private func writeRest(to writer: inout BinaryWriter) {
        writer.optional(id) { $0.identifier($1) }
        writer.string(title)
        writer.string(county)
        writer.value(levels)
        writer.optional(deadline) { $0.date($1) }
        writer.optional(draftLabel) { $0.string($1) }
        writer.value(vision)
        writer.entities(fields)
        writer.entities(indicators)
        writer.entities(bodies)
        writer.dictionary(resolutions) { $0 }
        writer.entities(participation)
        writer.entities(contributions)
        writer.entities(actors)
        writer.array(versions) { $0.value($1) }
        writer.int(changesSinceAdoption)
        writer.identifiers(sealed.members.sorted())
        writer.optional(withdrawal) { $0.string($1) }
        writer.identifiers(fieldOrder)
        writer.entities(themes)
        writer.optional(fieldSequence) { $0.identifiers($1) }
        writer.optional(goalSequence) { $0.identifiers($1) }
        writer.optional(measureSequence) { $0.identifiers($1) }
        writer.count(contacts.count)
        for key in contacts.keys.sorted() {
            writer.string(key)
            writer.identifiers(contacts[key]!)
        }
    }

    private init(readingRest reader: inout BinaryReader) throws(BinaryDecodingError) {
        let id = try reader.optional("plan.id") { (reader) throws(BinaryDecodingError) in try reader.identifier("plan.id") }
        let title = try reader.string("plan.title")
        let county = try reader.string("plan.county")
        let levels: LevelNames = try reader.value()
        let deadline = try reader.optional("plan.deadline") { (reader) throws(BinaryDecodingError) in try reader.date("plan.deadline") }
        let draftLabel = try reader.optional("plan.draftLabel") { (reader) throws(BinaryDecodingError) in try reader.string("plan.draftLabel") }
        let vision: Vision = try reader.value()
        let fields: [Identifier: FieldOfAction] = try reader.entities("plan.fields")
        let indicators: [Identifier: Indicator] = try reader.entities("plan.indicators")
        let bodies: [Identifier: Body] = try reader.entities("plan.bodies")
        let resolutions: [String: Resolution] = try reader.dictionary("plan.resolutions") { (reader) throws(BinaryDecodingError) in
            try reader.string("plan.resolutions")
        }
        let participation: [Identifier: ParticipationFormat] = try reader.entities("plan.participation")
        let contributions: [Identifier: Contribution] = try reader.entities("plan.contributions")
        let actors: [Identifier: Actor] = try reader.entities("plan.actors")
        let versions = try reader.array("plan.versions") { (reader) throws(BinaryDecodingError) -> PlanVersion in try reader.value() }
        let changesSinceAdoption = try reader.int("plan.changesSinceAdoption")
        let sealed = IdentifierSet(try reader.identifiers("plan.sealed"))
        let withdrawal = try reader.optional("plan.withdrawal") { (reader) throws(BinaryDecodingError) in try reader.string("plan.withdrawal") }
        let fieldOrder = try reader.identifiers("plan.fieldOrder")
        let themes: [Identifier: Theme] = try reader.entities("plan.themes")
        let fieldSequence = try reader.optional("plan.fieldSequence") { (r) throws(BinaryDecodingError) in try r.identifiers("plan.fieldSequence") }
        let goalSequence = try reader.optional("plan.goalSequence") { (r) throws(BinaryDecodingError) in try r.identifiers("plan.goalSequence") }
        let measureSequence = try reader.optional("plan.measureSequence") { (r) throws(BinaryDecodingError) in try r.identifiers("plan.measureSequence") }
        var contacts: [String: [Identifier]] = [:]
        for _ in 0..<(try reader.count("plan.contacts")) {
            let key = try reader.string("plan.contacts")
            contacts[key] = try reader.identifiers("plan.contacts")
        }
        self.init(
            id: id, title: title, county: county, levels: levels, deadline: deadline, draftLabel: draftLabel, vision: vision,
            fields: fields, goals: [:], measures: [:], indicators: indicators, observations: [:], bodies: bodies,
            resolutions: resolutions, participation: participation, contributions: contributions, actors: actors,
            versions: versions, changesSinceAdoption: changesSinceAdoption, sealed: sealed, withdrawal: withdrawal,
            fieldOrder: fieldOrder, themes: themes, fieldSequence: fieldSequence, goalSequence: goalSequence, measureSequence: measureSequence,
            contacts: contacts)
    }
}

extension LevelNames: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.optional(strategic) { $0.string($1) }
        writer.optional(operational) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(
            strategic: try reader.optional("levels.strategic") { (reader) throws(BinaryDecodingError) in try reader.string("levels.strategic") },
            operational: try reader.optional("levels.operational") { (reader) throws(BinaryDecodingError) in try reader.string("levels.operational") })
    }
}

extension Vision: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.array(sections) { $0.value($1) }
        writer.strings(principles)
        writer.optional(motto) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let sections = try reader.array("vision.sections") { (reader) throws(BinaryDecodingError) -> VisionSection in try reader.value() }
        let principles = try reader.strings("vision.principles")
        let motto = try reader.optional("vision.motto") { (reader) throws(BinaryDecodingError) in try reader.string("vision.motto") }
        self.init(sections: sections, principles: principles, motto: motto)
    }
}

extension VisionSection: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(id)
        writer.string(title)
        writer.string(text)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(id: try reader.identifier("section.id"), title: try reader.string("section.title"), text: try reader.string("section.text"))
    }
}
