// The binary event layout of the payloads about the plan itself, its vision and its cross-cutting themes.

extension PlanCreated: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(plan)
        writer.string(title)
        writer.string(county)
        writer.value(levels)
        writer.optional(deadline) { $0.date($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let plan = try reader.identifier("plan.created.plan")
        let title = try reader.string("plan.created.title")
        let county = try reader.string("plan.created.county")
        let levels: LevelNames = try reader.value()
        let deadline = try reader.optional("plan.created.deadline") { (reader) throws(BinaryDecodingError) in try reader.date("plan.created.deadline") }
        self.init(plan: plan, title: title, county: county, levels: levels, deadline: deadline)
    }
}

extension PlanRevised: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.optional(title) { $0.string($1) }
        writer.optional(county) { $0.string($1) }
        writer.optional(levels) { $0.value($1) }
        writer.clearable(deadline) { $0.date($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let title = try reader.optional("plan.revised.title") { (reader) throws(BinaryDecodingError) in try reader.string("plan.revised.title") }
        let county = try reader.optional("plan.revised.county") { (reader) throws(BinaryDecodingError) in try reader.string("plan.revised.county") }
        let levels = try reader.optional("plan.revised.levels") { (reader) throws(BinaryDecodingError) -> LevelNames in try reader.value() }
        let deadline = try reader.clearable("plan.revised.deadline") { (reader) throws(BinaryDecodingError) in try reader.date("plan.revised.deadline") }
        self.init(title: title, county: county, levels: levels, deadline: deadline)
    }
}

extension DraftNamed: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.string(label)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(label: try reader.string("draft.named.label"))
    }
}

extension PlanWithdrawn: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.string(reason)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(reason: try reader.string("plan.withdrawn.reason"))
    }
}

extension PlanReordered: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.optional(fields) { $0.identifiers($1) }
        writer.optional(goals) { $0.identifiers($1) }
        writer.optional(measures) { $0.identifiers($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let fields = try reader.optional("plan.reordered.fields") { (reader) throws(BinaryDecodingError) in try reader.identifiers("plan.reordered.fields") }
        let goals = try reader.optional("plan.reordered.goals") { (reader) throws(BinaryDecodingError) in try reader.identifiers("plan.reordered.goals") }
        let measures = try reader.optional("plan.reordered.measures") { (reader) throws(BinaryDecodingError) in try reader.identifiers("plan.reordered.measures") }
        self.init(fields: fields, goals: goals, measures: measures)
    }
}

extension ContactsAssigned: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.string(entity)
        writer.identifiers(persons)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let entity = try reader.string("contacts.assigned.entity")
        let persons = try reader.identifiers("contacts.assigned.persons")
        self.init(entity: entity, persons: persons)
    }
}

extension VisionSectionWritten: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(section)
        writer.string(title)
        writer.string(text)
        writer.optional(position) { $0.int($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let section = try reader.identifier("vision.section.written.section")
        let title = try reader.string("vision.section.written.title")
        let text = try reader.string("vision.section.written.text")
        let position = try reader.optional("vision.section.written.position") { (reader) throws(BinaryDecodingError) in try reader.int("vision.section.written.position") }
        self.init(section: section, title: title, text: text, position: position)
    }
}

extension VisionSectionRevised: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(section)
        writer.optional(title) { $0.string($1) }
        writer.optional(text) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let section = try reader.identifier("vision.section.revised.section")
        let title = try reader.optional("vision.section.revised.title") { (reader) throws(BinaryDecodingError) in try reader.string("vision.section.revised.title") }
        let text = try reader.optional("vision.section.revised.text") { (reader) throws(BinaryDecodingError) in try reader.string("vision.section.revised.text") }
        self.init(section: section, title: title, text: text)
    }
}

extension VisionSectionRemoved: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(section)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(section: try reader.identifier("vision.section.removed.section"))
    }
}

extension VisionSectionsReordered: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifiers(order)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(order: try reader.identifiers("vision.sections.reordered.order"))
    }
}

extension PrinciplesSet: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.strings(principles)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(principles: try reader.strings("vision.principles.set.principles"))
    }
}

extension MottoSet: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.optional(motto) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(motto: try reader.optional("vision.motto.set.motto") { (reader) throws(BinaryDecodingError) in try reader.string("vision.motto.set.motto") })
    }
}

extension ThemeDefined: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(theme)
        writer.string(title)
        writer.optional(description) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let theme = try reader.identifier("theme.defined.theme")
        let title = try reader.string("theme.defined.title")
        let description = try reader.optional("theme.defined.description") { (reader) throws(BinaryDecodingError) in try reader.string("theme.defined.description") }
        self.init(theme: theme, title: title, description: description)
    }
}

extension ThemeRevised: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(theme)
        writer.optional(title) { $0.string($1) }
        writer.clearable(description) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let theme = try reader.identifier("theme.revised.theme")
        let title = try reader.optional("theme.revised.title") { (reader) throws(BinaryDecodingError) in try reader.string("theme.revised.title") }
        let description = try reader.clearable("theme.revised.description") { (reader) throws(BinaryDecodingError) in try reader.string("theme.revised.description") }
        self.init(theme: theme, title: title, description: description)
    }
}

extension ThemeRemoved: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(theme)
        writer.identifiers(from)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let theme = try reader.identifier("theme.removed.theme")
        let from = try reader.identifiers("theme.removed.from")
        self.init(theme: theme, from: from)
    }
}
