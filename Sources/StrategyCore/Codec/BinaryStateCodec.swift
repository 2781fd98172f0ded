/// The compact binary encoding of a ``PlanState``, for snapshots.
///
/// Snapshots exist to make reading a plan cheap, and decoding the canonical JSON of a large state through
/// `Codable` costs more than replaying many thousands of events: a state with 100,000 indicator observations took
/// about 200 ms. This layout is positional (no field names), reads strings straight from the stored bytes and
/// fills dictionaries with their final capacity, which makes decoding several times faster.
///
/// It is derived data, never part of the hash chain: a snapshot that does not decode is ignored and the state is
/// replayed from the log. Equal states encode to equal bytes (dictionaries and sets are written in sorted order).
/// Every field of every model type is written; `BinaryStateCodecTests` fails when a type gains a stored property
/// this file does not know about.
///
/// - Complexity: Encoding is O(*n* log *n*) in the number of entities (for the sorting); decoding is O(*n*).
package enum BinaryStateCodec {
    /// The layout version written into every encoding; bump it when the layout changes.
    package static let layoutVersion: UInt8 = 8

    /// The field a ``BinaryDecodingError`` names when the bytes hold another layout version: state written by
    /// another build, not damage.
    package static let layoutVersionField = "layout version"

    /// The bytes of `state`.
    package static func encode(_ state: PlanState) -> [UInt8] {
        var writer = BinaryWriter(capacity: 4_096 + 64 * (state.goals.count + state.measures.count + state.observations.count))
        writer.byte(layoutVersion)
        state.write(to: &writer)
        return writer.bytes
    }

    /// The state in `bytes`, which must hold exactly one encoding.
    package static func decode(_ bytes: UnsafeRawBufferPointer) throws(BinaryDecodingError) -> PlanState {
        var reader = BinaryReader(bytes)
        let version = try reader.byte(layoutVersionField)
        guard version == layoutVersion else {
            throw BinaryDecodingError(offset: 0, field: layoutVersionField, problem: "is \(version), expected \(layoutVersion)")
        }
        let state = try PlanState(reading: &reader)
        guard reader.isAtEnd else { throw reader.error("state", "is followed by \(reader.remaining) unexpected bytes") }
        return state
    }

    /// The state in `bytes`.
    package static func decode(_ bytes: [UInt8]) throws(BinaryDecodingError) -> PlanState {
        let result = bytes.withUnsafeBytes { buffer in Result { () throws(BinaryDecodingError) in try decode(buffer) } }
        return try result.get()
    }
}

/// A model type that reads and writes itself in the layout of ``BinaryStateCodec``.
package protocol BinaryStorable {
    /// Appends the value's fields, in declaration order.
    func write(to writer: inout BinaryWriter)
    /// Reads the fields back, in the same order.
    init(reading reader: inout BinaryReader) throws(BinaryDecodingError)
}

// MARK: - Model primitives

extension BinaryWriter {
    package mutating func identifier(_ value: Identifier) { string(value.rawValue) }

    /// A date: the year, then the month with the precision in its high bits (so that a day encodes as it did
    /// before dates carried a precision), then the day.
    package mutating func date(_ value: CalendarDate) {
        int(value.year)
        let code: UInt8
        switch value.precision {
        case .day: code = 0
        case .month: code = 1
        case .year: code = 2
        case .season(let season): code = 3 + UInt8(Season.allCases.firstIndex(of: season)!)
        }
        byte(UInt8(value.month) | code << 4 | (value.isBefore ? 0x80 : 0))
        byte(UInt8(value.day))
    }

    package mutating func quantity(_ value: Quantity) { string(value.text) }

    package mutating func name<E: RawRepresentable<String>>(_ value: E) { string(value.rawValue) }

    package mutating func value(_ value: some BinaryStorable) { value.write(to: &self) }

    package mutating func identifiers(_ values: [Identifier]) { array(values) { $0.identifier($1) } }

    package mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    /// A dictionary by identifier, in the order of its keys.
    package mutating func entities<V: BinaryStorable>(_ values: [Identifier: V]) {
        dictionary(values, text: \.rawValue)
    }

    /// A dictionary whose keys are written as text, in the order of that text.
    package mutating func dictionary<K, V: BinaryStorable>(_ values: [K: V], text: (K) -> String) {
        count(values.count)
        // Sorting the keys alone and looking each value up is cheaper than sorting (key, value) pairs, which
        // moves every value around.
        for key in values.keys.sorted(by: { text($0) < text($1) }) {
            string(text(key))
            values[key].unsafelyUnwrapped.write(to: &self)
        }
    }
}

extension BinaryReader {
    package mutating func identifier(_ field: String) throws(BinaryDecodingError) -> Identifier {
        let start = offset
        // Valid identifiers are ASCII: checked on the bytes, they need no UTF-8 validation and no second pass.
        let bytes = try raw(try count(field), field)
        if Identifier.isValid(bytes) { return Identifier(validBytes: bytes) }
        guard let text = String(validUTF8: bytes) else {
            throw BinaryDecodingError(offset: start, field: field, problem: "is not valid UTF-8")
        }
        do throws(IdentifierError) {
            return try Identifier(text)
        } catch {
            throw BinaryDecodingError(offset: start, field: field, problem: "is not an identifier: \(error.problem)")
        }
    }

    package mutating func date(_ field: String) throws(BinaryDecodingError) -> CalendarDate {
        let start = offset
        let year = try int(field), packed = try byte(field), day = try byte(field)
        let month = Int(packed & 0x0F), code = Int(packed >> 4 & 0x07)
        guard let exact = CalendarDate(year: year, month: month, day: Int(day)) else {
            throw BinaryDecodingError(offset: start, field: field, problem: "is \(year)-\(month)-\(day), not a date")
        }
        let date: CalendarDate? = switch code {
        case 0: exact
        case 1: .month(month, of: year)
        case 2: .year(year)
        case 3...6: .season(Season.allCases[code - 3], of: year)
        default: nil
        }
        guard let date, date.firstDay == exact else {
            throw BinaryDecodingError(offset: start, field: field, problem: "holds precision \(code) for \(exact), not a date")
        }
        return packed & 0x80 != 0 ? date.before : date
    }

    package mutating func quantity(_ field: String) throws(BinaryDecodingError) -> Quantity {
        let start = offset
        let text = try string(field)
        guard let quantity = Quantity(normalized: text) else {
            throw BinaryDecodingError(offset: start, field: field, problem: "is '\(text)', not a normalised decimal number")
        }
        return quantity
    }

    package mutating func name<E: RawRepresentable<String> & CaseIterable>(_ field: String) throws(BinaryDecodingError) -> E {
        let start = offset
        let text = try string(field)
        guard let value = E(rawValue: text) else {
            let known = E.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw BinaryDecodingError(offset: start, field: field, problem: "is '\(text)', expected one of \(known)")
        }
        return value
    }

    package mutating func value<V: BinaryStorable>(_ type: V.Type = V.self) throws(BinaryDecodingError) -> V {
        try V(reading: &self)
    }

    package mutating func identifiers(_ field: String) throws(BinaryDecodingError) -> [Identifier] {
        try array(field) { (reader) throws(BinaryDecodingError) in try reader.identifier(field) }
    }

    package mutating func strings(_ field: String) throws(BinaryDecodingError) -> [String] {
        try array(field) { (reader) throws(BinaryDecodingError) in try reader.string(field) }
    }

    package mutating func entities<V: BinaryStorable>(_ field: String) throws(BinaryDecodingError) -> [Identifier: V] {
        try dictionary(field) { (reader) throws(BinaryDecodingError) in try reader.identifier(field) }
    }

    /// A dictionary written by ``BinaryWriter/dictionary(_:text:)``; a key that occurs twice is an error.
    package mutating func dictionary<K: Hashable & CustomStringConvertible, V: BinaryStorable>(
        _ field: String, key readKey: (inout BinaryReader) throws(BinaryDecodingError) -> K
    ) throws(BinaryDecodingError) -> [K: V] {
        let count = try count(field)
        var values: [K: V] = [:]
        values.reserveCapacity(count)
        for _ in 0..<count {
            let start = offset
            let key = try readKey(&self)
            if values.updateValue(try V(reading: &self), forKey: key) != nil {
                throw BinaryDecodingError(offset: start, field: field, problem: "holds '\(key)' twice")
            }
        }
        return values
    }
}

// MARK: - The plan

extension PlanState: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.optional(id) { $0.identifier($1) }
        writer.string(title)
        writer.string(county)
        writer.value(levels)
        writer.optional(deadline) { $0.date($1) }
        writer.optional(draftLabel) { $0.string($1) }
        writer.value(vision)
        writer.entities(fields)
        writer.entities(goals)
        writer.entities(measures)
        writer.entities(indicators)
        writer.entities(observations)
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

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let id = try reader.optional("plan.id") { (reader) throws(BinaryDecodingError) in try reader.identifier("plan.id") }
        let title = try reader.string("plan.title")
        let county = try reader.string("plan.county")
        let levels: LevelNames = try reader.value()
        let deadline = try reader.optional("plan.deadline") { (reader) throws(BinaryDecodingError) in try reader.date("plan.deadline") }
        let draftLabel = try reader.optional("plan.draftLabel") { (reader) throws(BinaryDecodingError) in try reader.string("plan.draftLabel") }
        let vision: Vision = try reader.value()
        let fields: [Identifier: FieldOfAction] = try reader.entities("plan.fields")
        let goals: [Identifier: Goal] = try reader.entities("plan.goals")
        let measures: [Identifier: Measure] = try reader.entities("plan.measures")
        let indicators: [Identifier: Indicator] = try reader.entities("plan.indicators")
        let observations: [Identifier: Observation] = try reader.entities("plan.observations")
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
            fields: fields, goals: goals, measures: measures, indicators: indicators, observations: observations, bodies: bodies,
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

// MARK: - Fields and goals

extension FieldOfAction: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(id)
        writer.optional(code) { $0.string($1) }
        writer.string(title)
        writer.optional(commitment) { $0.string($1) }
        writer.strings(tags)
        writer.identifiers(themes)
        writer.identifiers(derivedFrom)
        switch status {
        case .proposed: writer.byte(0)
        case .active: writer.byte(1)
        case let .merged(into): writer.byte(2); writer.identifier(into)
        case let .split(into): writer.byte(3); writer.identifiers(into)
        case let .retired(reason): writer.byte(4); writer.string(reason)
        }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let id = try reader.identifier("field.id")
        let code = try reader.optional("field.code") { (reader) throws(BinaryDecodingError) in try reader.string("field.code") }
        let title = try reader.string("field.title")
        let commitment = try reader.optional("field.commitment") { (reader) throws(BinaryDecodingError) in try reader.string("field.commitment") }
        let tags = try reader.strings("field.tags")
        let themes = try reader.identifiers("field.themes")
        let derivedFrom = try reader.identifiers("field.derivedFrom")
        let status: FieldStatus
        switch try reader.byte("field.status") {
        case 0: status = .proposed
        case 1: status = .active
        case 2: status = .merged(into: try reader.identifier("field.status.into"))
        case 3: status = .split(into: try reader.identifiers("field.status.into"))
        case 4: status = .retired(reason: try reader.string("field.status.reason"))
        case let other: throw BinaryDecodingError(offset: reader.offset - 1, field: "field.status", problem: "has tag \(other), expected 0 to 4")
        }
        self.init(id: id, code: code, title: title, commitment: commitment, tags: tags, themes: themes, derivedFrom: derivedFrom, status: status)
    }
}

extension Goal: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(id)
        writer.identifier(field)
        writer.optional(parent) { $0.identifier($1) }
        writer.name(level)
        writer.string(statement)
        writer.optional(targetGroup) { $0.string($1) }
        writer.optional(effectLevel) { $0.int($1) }
        writer.array(targets) { $0.value($1) }
        writer.identifiers(derivedFrom)
        writer.name(status)
        writer.identifiers(themes)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let id = try reader.identifier("goal.id")
        let field = try reader.identifier("goal.field")
        let parent = try reader.optional("goal.parent") { (reader) throws(BinaryDecodingError) in try reader.identifier("goal.parent") }
        let level: GoalLevel = try reader.name("goal.level")
        let statement = try reader.string("goal.statement")
        let targetGroup = try reader.optional("goal.targetGroup") { (reader) throws(BinaryDecodingError) in try reader.string("goal.targetGroup") }
        let effectLevel = try reader.optional("goal.effectLevel") { (reader) throws(BinaryDecodingError) in try reader.int("goal.effectLevel") }
        let targets = try reader.array("goal.targets") { (reader) throws(BinaryDecodingError) -> Target in try reader.value() }
        let derivedFrom = try reader.identifiers("goal.derivedFrom")
        let status: GoalStatus = try reader.name("goal.status")
        let themes = try reader.identifiers("goal.themes")
        self.init(id: id, field: field, parent: parent, level: level, statement: statement, targetGroup: targetGroup,
                  effectLevel: effectLevel, targets: targets, derivedFrom: derivedFrom, status: status, themes: themes)
    }
}

extension Target: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.optional(indicator) { $0.identifier($1) }
        writer.optional(baseline) { $0.quantity($1) }
        writer.optional(baselineDate) { $0.date($1) }
        writer.optional(target) { $0.quantity($1) }
        writer.optional(text) { $0.string($1) }
        writer.optional(targetDate) { $0.date($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let indicator = try reader.optional("target.indicator") { (reader) throws(BinaryDecodingError) in try reader.identifier("target.indicator") }
        let baseline = try reader.optional("target.baseline") { (reader) throws(BinaryDecodingError) in try reader.quantity("target.baseline") }
        let baselineDate = try reader.optional("target.baselineDate") { (reader) throws(BinaryDecodingError) in try reader.date("target.baselineDate") }
        let target = try reader.optional("target.target") { (reader) throws(BinaryDecodingError) in try reader.quantity("target.target") }
        let text = try reader.optional("target.text") { (reader) throws(BinaryDecodingError) in try reader.string("target.text") }
        let targetDate = try reader.optional("target.targetDate") { (reader) throws(BinaryDecodingError) in try reader.date("target.targetDate") }
        self.init(indicator: indicator, baseline: baseline, baselineDate: baselineDate, target: target, text: text, targetDate: targetDate)
    }
}

// MARK: - Measures

extension Measure: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(id)
        writer.string(title)
        writer.string(description)
        writer.optional(lead) { $0.string($1) }
        writer.strings(partners)
        writer.optional(plannedStart) { $0.date($1) }
        writer.optional(plannedEnd) { $0.date($1) }
        writer.optional(actualStart) { $0.date($1) }
        writer.optional(actualEnd) { $0.date($1) }
        writer.optional(horizon) { $0.name($1) }
        writer.identifiers(goals)
        writer.array(milestones) { $0.value($1) }
        writer.array(budget) { $0.value($1) }
        writer.identifiers(derivedFrom)
        writer.name(status)
        writer.optional(health) { $0.name($1) }
        writer.optional(progress) { $0.int($1) }
        writer.optional(field) { $0.identifier($1) }
        writer.identifiers(themes)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let id = try reader.identifier("measure.id")
        let title = try reader.string("measure.title")
        let description = try reader.string("measure.description")
        let lead = try reader.optional("measure.lead") { (reader) throws(BinaryDecodingError) in try reader.string("measure.lead") }
        let partners = try reader.strings("measure.partners")
        let plannedStart = try reader.optional("measure.plannedStart") { (reader) throws(BinaryDecodingError) in try reader.date("measure.plannedStart") }
        let plannedEnd = try reader.optional("measure.plannedEnd") { (reader) throws(BinaryDecodingError) in try reader.date("measure.plannedEnd") }
        let actualStart = try reader.optional("measure.actualStart") { (reader) throws(BinaryDecodingError) in try reader.date("measure.actualStart") }
        let actualEnd = try reader.optional("measure.actualEnd") { (reader) throws(BinaryDecodingError) in try reader.date("measure.actualEnd") }
        let horizon = try reader.optional("measure.horizon") { (reader) throws(BinaryDecodingError) -> Horizon in try reader.name("measure.horizon") }
        let goals = try reader.identifiers("measure.goals")
        let milestones = try reader.array("measure.milestones") { (reader) throws(BinaryDecodingError) -> Milestone in try reader.value() }
        let budget = try reader.array("measure.budget") { (reader) throws(BinaryDecodingError) -> BudgetLine in try reader.value() }
        let derivedFrom = try reader.identifiers("measure.derivedFrom")
        let status: MeasureStatus = try reader.name("measure.status")
        let health = try reader.optional("measure.health") { (reader) throws(BinaryDecodingError) -> Health in try reader.name("measure.health") }
        let progress = try reader.optional("measure.progress") { (reader) throws(BinaryDecodingError) in try reader.int("measure.progress") }
        let field = try reader.optional("measure.field") { (reader) throws(BinaryDecodingError) in try reader.identifier("measure.field") }
        let themes = try reader.identifiers("measure.themes")
        self.init(id: id, title: title, description: description, lead: lead, partners: partners, plannedStart: plannedStart,
                  plannedEnd: plannedEnd, horizon: horizon, goals: goals, milestones: milestones, budget: budget,
                  derivedFrom: derivedFrom, status: status, field: field, themes: themes)
        self.actualStart = actualStart
        self.actualEnd = actualEnd
        self.health = health
        self.progress = progress
    }
}

extension Milestone: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(id)
        writer.string(title)
        writer.date(due)
        writer.optional(reached) { $0.date($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let id = try reader.identifier("milestone.id")
        let title = try reader.string("milestone.title")
        let due = try reader.date("milestone.due")
        let reached = try reader.optional("milestone.reached") { (reader) throws(BinaryDecodingError) in try reader.date("milestone.reached") }
        self.init(id: id, title: title, due: due, reached: reached)
    }
}

extension BudgetLine: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.int(amount.cents)
        writer.string(source)
        writer.int(year)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let cents = try reader.int64("budget.amount")
        self.init(amount: EuroAmount(cents: cents), source: try reader.string("budget.source"), year: try reader.int("budget.year"))
    }
}

// MARK: - Indicators

extension Indicator: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(id)
        writer.string(code)
        writer.string(name)
        writer.string(unit)
        writer.name(polarity)
        writer.string(source)
        writer.optional(retiredReason) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let id = try reader.identifier("indicator.id")
        let code = try reader.string("indicator.code")
        let name = try reader.string("indicator.name")
        let unit = try reader.string("indicator.unit")
        let polarity: Polarity = try reader.name("indicator.polarity")
        let source = try reader.string("indicator.source")
        let retiredReason = try reader.optional("indicator.retiredReason") { (reader) throws(BinaryDecodingError) in try reader.string("indicator.retiredReason") }
        self.init(id: id, code: code, name: name, unit: unit, polarity: polarity, source: source)
        self.retiredReason = retiredReason
    }
}

extension Observation: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(id)
        writer.identifier(indicator)
        writer.string(period)
        writer.string(region)
        writer.quantity(value)
        writer.optional(corrects) { $0.identifier($1) }
        writer.optional(correctedBy) { $0.identifier($1) }
        writer.optional(reason) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let id = try reader.identifier("observation.id")
        let indicator = try reader.identifier("observation.indicator")
        let period = try reader.string("observation.period")
        let region = try reader.string("observation.region")
        let value = try reader.quantity("observation.value")
        let corrects = try reader.optional("observation.corrects") { (reader) throws(BinaryDecodingError) in try reader.identifier("observation.corrects") }
        let correctedBy = try reader.optional("observation.correctedBy") { (reader) throws(BinaryDecodingError) in try reader.identifier("observation.correctedBy") }
        let reason = try reader.optional("observation.reason") { (reader) throws(BinaryDecodingError) in try reader.string("observation.reason") }
        self.init(id: id, indicator: indicator, period: period, region: region, value: value, corrects: corrects)
        self.correctedBy = correctedBy
        self.reason = reason
    }
}

// MARK: - Governance

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

// MARK: - Participation and actors

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

extension Theme: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(id)
        writer.string(title)
        writer.optional(description) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let id = try reader.identifier("theme.id")
        let title = try reader.string("theme.title")
        let description = try reader.optional("theme.description") { (reader) throws(BinaryDecodingError) in try reader.string("theme.description") }
        self.init(id: id, title: title, description: description)
    }
}
