// The binary event layout of the measure payloads: planned, revised, relinked, status, health, progress, milestones.

extension MeasurePlanned: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(measure)
        writer.string(title)
        writer.string(description)
        writer.optional(lead) { $0.string($1) }
        writer.strings(partners)
        writer.optional(plannedStart) { $0.date($1) }
        writer.optional(plannedEnd) { $0.date($1) }
        writer.optional(horizon) { $0.name($1) }
        writer.identifiers(goals)
        writer.array(milestones) { $0.value($1) }
        writer.array(budget) { $0.value($1) }
        writer.identifiers(derivedFrom)
        writer.optional(field) { $0.identifier($1) }
        writer.optional(themes) { $0.identifiers($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let measure = try reader.identifier("measure.planned.measure")
        let title = try reader.string("measure.planned.title")
        let description = try reader.string("measure.planned.description")
        let lead = try reader.optional("measure.planned.lead") { (reader) throws(BinaryDecodingError) in try reader.string("measure.planned.lead") }
        let partners = try reader.strings("measure.planned.partners")
        let plannedStart = try reader.optional("measure.planned.plannedStart") { (reader) throws(BinaryDecodingError) in try reader.date("measure.planned.plannedStart") }
        let plannedEnd = try reader.optional("measure.planned.plannedEnd") { (reader) throws(BinaryDecodingError) in try reader.date("measure.planned.plannedEnd") }
        let horizon = try reader.optional("measure.planned.horizon") { (reader) throws(BinaryDecodingError) -> Horizon in try reader.name("measure.planned.horizon") }
        let goals = try reader.identifiers("measure.planned.goals")
        let milestones = try reader.array("measure.planned.milestones") { (reader) throws(BinaryDecodingError) -> Milestone in try reader.value() }
        let budget = try reader.array("measure.planned.budget") { (reader) throws(BinaryDecodingError) -> BudgetLine in try reader.value() }
        let derivedFrom = try reader.identifiers("measure.planned.derivedFrom")
        let field = try reader.optional("measure.planned.field") { (reader) throws(BinaryDecodingError) in try reader.identifier("measure.planned.field") }
        let themes = try reader.optional("measure.planned.themes") { (reader) throws(BinaryDecodingError) in try reader.identifiers("measure.planned.themes") }
        self.init(measure: measure, title: title, description: description, lead: lead, partners: partners,
                  plannedStart: plannedStart, plannedEnd: plannedEnd, horizon: horizon, goals: goals, milestones: milestones,
                  budget: budget, derivedFrom: derivedFrom, field: field, themes: themes)
    }
}

extension MeasureRevised: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(measure)
        writer.optional(title) { $0.string($1) }
        writer.optional(description) { $0.string($1) }
        writer.clearable(lead) { $0.string($1) }
        writer.optional(partners) { $0.strings($1) }
        writer.clearable(plannedStart) { $0.date($1) }
        writer.clearable(plannedEnd) { $0.date($1) }
        writer.clearable(horizon) { $0.name($1) }
        writer.optional(milestones) { $0.array($1) { $0.value($1) } }
        writer.optional(budget) { $0.array($1) { $0.value($1) } }
        writer.optional(derivedFrom) { $0.identifiers($1) }
        writer.clearable(field) { $0.identifier($1) }
        writer.optional(themes) { $0.identifiers($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let measure = try reader.identifier("measure.revised.measure")
        let title = try reader.optional("measure.revised.title") { (reader) throws(BinaryDecodingError) in try reader.string("measure.revised.title") }
        let description = try reader.optional("measure.revised.description") { (reader) throws(BinaryDecodingError) in try reader.string("measure.revised.description") }
        let lead = try reader.clearable("measure.revised.lead") { (reader) throws(BinaryDecodingError) in try reader.string("measure.revised.lead") }
        let partners = try reader.optional("measure.revised.partners") { (reader) throws(BinaryDecodingError) in try reader.strings("measure.revised.partners") }
        let plannedStart = try reader.clearable("measure.revised.plannedStart") { (reader) throws(BinaryDecodingError) in try reader.date("measure.revised.plannedStart") }
        let plannedEnd = try reader.clearable("measure.revised.plannedEnd") { (reader) throws(BinaryDecodingError) in try reader.date("measure.revised.plannedEnd") }
        let horizon = try reader.clearable("measure.revised.horizon") { (reader) throws(BinaryDecodingError) -> Horizon in try reader.name("measure.revised.horizon") }
        let milestones = try reader.optional("measure.revised.milestones") { (reader) throws(BinaryDecodingError) in
            try reader.array("measure.revised.milestones") { (reader) throws(BinaryDecodingError) -> Milestone in try reader.value() }
        }
        let budget = try reader.optional("measure.revised.budget") { (reader) throws(BinaryDecodingError) in
            try reader.array("measure.revised.budget") { (reader) throws(BinaryDecodingError) -> BudgetLine in try reader.value() }
        }
        let derivedFrom = try reader.optional("measure.revised.derivedFrom") { (reader) throws(BinaryDecodingError) in try reader.identifiers("measure.revised.derivedFrom") }
        let field = try reader.clearable("measure.revised.field") { (reader) throws(BinaryDecodingError) in try reader.identifier("measure.revised.field") }
        let themes = try reader.optional("measure.revised.themes") { (reader) throws(BinaryDecodingError) in try reader.identifiers("measure.revised.themes") }
        self.init(measure: measure, title: title, description: description, lead: lead, partners: partners,
                  plannedStart: plannedStart, plannedEnd: plannedEnd, horizon: horizon, milestones: milestones, budget: budget,
                  derivedFrom: derivedFrom, field: field, themes: themes)
    }
}

extension MeasureRelinked: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(measure)
        writer.identifiers(goals)
        writer.identifiers(previous)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let measure = try reader.identifier("measure.relinked.measure")
        let goals = try reader.identifiers("measure.relinked.goals")
        let previous = try reader.identifiers("measure.relinked.previous")
        self.init(measure: measure, goals: goals, previous: previous)
    }
}

extension MeasureStatusChanged: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(measure)
        writer.name(from)
        writer.name(to)
        writer.optional(reason) { $0.string($1) }
        writer.optional(on) { $0.date($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let measure = try reader.identifier("measure.status.changed.measure")
        let from: MeasureStatus = try reader.name("measure.status.changed.from")
        let to: MeasureStatus = try reader.name("measure.status.changed.to")
        let reason = try reader.optional("measure.status.changed.reason") { (reader) throws(BinaryDecodingError) in try reader.string("measure.status.changed.reason") }
        let on = try reader.optional("measure.status.changed.on") { (reader) throws(BinaryDecodingError) in try reader.date("measure.status.changed.on") }
        self.init(measure: measure, from: from, to: to, reason: reason, on: on)
    }
}

extension MeasureHealthAssessed: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(measure)
        writer.name(health)
        writer.optional(note) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let measure = try reader.identifier("measure.health.assessed.measure")
        let health: Health = try reader.name("measure.health.assessed.health")
        let note = try reader.optional("measure.health.assessed.note") { (reader) throws(BinaryDecodingError) in try reader.string("measure.health.assessed.note") }
        self.init(measure: measure, health: health, note: note)
    }
}

extension MeasureProgressReported: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(measure)
        writer.int(percent)
        writer.optional(note) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let measure = try reader.identifier("measure.progress.reported.measure")
        let percent = try reader.int("measure.progress.reported.percent")
        let note = try reader.optional("measure.progress.reported.note") { (reader) throws(BinaryDecodingError) in try reader.string("measure.progress.reported.note") }
        self.init(measure: measure, percent: percent, note: note)
    }
}

extension MilestoneReached: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(measure)
        writer.identifier(milestone)
        writer.date(on)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let measure = try reader.identifier("measure.milestone.reached.measure")
        let milestone = try reader.identifier("measure.milestone.reached.milestone")
        let on = try reader.date("measure.milestone.reached.on")
        self.init(measure: measure, milestone: milestone, on: on)
    }
}
