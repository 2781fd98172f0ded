// The snapshot layout of measures, their milestones and budget lines.

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
