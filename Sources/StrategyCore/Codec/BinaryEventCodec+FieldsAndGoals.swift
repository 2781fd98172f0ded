// The binary event layout of the payloads about fields of action and goals.

extension FieldProposed: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(field)
        writer.optional(code) { $0.string($1) }
        writer.string(title)
        writer.optional(commitment) { $0.string($1) }
        writer.strings(tags)
        writer.identifiers(derivedFrom)
        writer.optional(themes) { $0.identifiers($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let field = try reader.identifier("field.proposed.field")
        let code = try reader.optional("field.proposed.code") { (reader) throws(BinaryDecodingError) in try reader.string("field.proposed.code") }
        let title = try reader.string("field.proposed.title")
        let commitment = try reader.optional("field.proposed.commitment") { (reader) throws(BinaryDecodingError) in try reader.string("field.proposed.commitment") }
        let tags = try reader.strings("field.proposed.tags")
        let derivedFrom = try reader.identifiers("field.proposed.derivedFrom")
        let themes = try reader.optional("field.proposed.themes") { (reader) throws(BinaryDecodingError) in try reader.identifiers("field.proposed.themes") }
        self.init(field: field, code: code, title: title, commitment: commitment, tags: tags, derivedFrom: derivedFrom, themes: themes)
    }
}

extension FieldRevised: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(field)
        writer.clearable(code) { $0.string($1) }
        writer.optional(title) { $0.string($1) }
        writer.clearable(commitment) { $0.string($1) }
        writer.optional(tags) { $0.strings($1) }
        writer.optional(derivedFrom) { $0.identifiers($1) }
        writer.optional(themes) { $0.identifiers($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let field = try reader.identifier("field.revised.field")
        let code = try reader.clearable("field.revised.code") { (reader) throws(BinaryDecodingError) in try reader.string("field.revised.code") }
        let title = try reader.optional("field.revised.title") { (reader) throws(BinaryDecodingError) in try reader.string("field.revised.title") }
        let commitment = try reader.clearable("field.revised.commitment") { (reader) throws(BinaryDecodingError) in try reader.string("field.revised.commitment") }
        let tags = try reader.optional("field.revised.tags") { (reader) throws(BinaryDecodingError) in try reader.strings("field.revised.tags") }
        let derivedFrom = try reader.optional("field.revised.derivedFrom") { (reader) throws(BinaryDecodingError) in try reader.identifiers("field.revised.derivedFrom") }
        let themes = try reader.optional("field.revised.themes") { (reader) throws(BinaryDecodingError) in try reader.identifiers("field.revised.themes") }
        self.init(field: field, code: code, title: title, commitment: commitment, tags: tags, derivedFrom: derivedFrom, themes: themes)
    }
}

extension FieldActivated: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(field)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        self.init(field: try reader.identifier("field.activated.field"))
    }
}

extension FieldMerged: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(field)
        writer.identifier(into)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let field = try reader.identifier("field.merged.field")
        let into = try reader.identifier("field.merged.into")
        self.init(field: field, into: into)
    }
}

extension FieldSplit: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(field)
        writer.identifiers(into)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let field = try reader.identifier("field.split.field")
        let into = try reader.identifiers("field.split.into")
        self.init(field: field, into: into)
    }
}

extension FieldRetired: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(field)
        writer.string(reason)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let field = try reader.identifier("field.retired.field")
        let reason = try reader.string("field.retired.reason")
        self.init(field: field, reason: reason)
    }
}

extension GoalFormulated: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(goal)
        writer.identifier(field)
        writer.optional(parent) { $0.identifier($1) }
        writer.name(level)
        writer.string(statement)
        writer.optional(targetGroup) { $0.string($1) }
        writer.optional(effectLevel) { $0.int($1) }
        writer.array(targets) { $0.value($1) }
        writer.identifiers(derivedFrom)
        writer.optional(themes) { $0.identifiers($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let goal = try reader.identifier("goal.formulated.goal")
        let field = try reader.identifier("goal.formulated.field")
        let parent = try reader.optional("goal.formulated.parent") { (reader) throws(BinaryDecodingError) in try reader.identifier("goal.formulated.parent") }
        let level: GoalLevel = try reader.name("goal.formulated.level")
        let statement = try reader.string("goal.formulated.statement")
        let targetGroup = try reader.optional("goal.formulated.targetGroup") { (reader) throws(BinaryDecodingError) in try reader.string("goal.formulated.targetGroup") }
        let effectLevel = try reader.optional("goal.formulated.effectLevel") { (reader) throws(BinaryDecodingError) in try reader.int("goal.formulated.effectLevel") }
        let targets = try reader.array("goal.formulated.targets") { (reader) throws(BinaryDecodingError) -> Target in try reader.value() }
        let derivedFrom = try reader.identifiers("goal.formulated.derivedFrom")
        let themes = try reader.optional("goal.formulated.themes") { (reader) throws(BinaryDecodingError) in try reader.identifiers("goal.formulated.themes") }
        self.init(goal: goal, field: field, parent: parent, level: level, statement: statement, targetGroup: targetGroup,
                  effectLevel: effectLevel, targets: targets, derivedFrom: derivedFrom, themes: themes)
    }
}

extension GoalRevised: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(goal)
        writer.optional(level) { $0.name($1) }
        writer.optional(statement) { $0.string($1) }
        writer.clearable(targetGroup) { $0.string($1) }
        writer.clearable(effectLevel) { $0.int($1) }
        writer.optional(targets) { writer, targets in writer.array(targets) { $0.value($1) } }
        writer.optional(derivedFrom) { $0.identifiers($1) }
        writer.optional(themes) { $0.identifiers($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let goal = try reader.identifier("goal.revised.goal")
        let level = try reader.optional("goal.revised.level") { (reader) throws(BinaryDecodingError) -> GoalLevel in try reader.name("goal.revised.level") }
        let statement = try reader.optional("goal.revised.statement") { (reader) throws(BinaryDecodingError) in try reader.string("goal.revised.statement") }
        let targetGroup = try reader.clearable("goal.revised.targetGroup") { (reader) throws(BinaryDecodingError) in try reader.string("goal.revised.targetGroup") }
        let effectLevel = try reader.clearable("goal.revised.effectLevel") { (reader) throws(BinaryDecodingError) in try reader.int("goal.revised.effectLevel") }
        let targets = try reader.optional("goal.revised.targets") { (reader) throws(BinaryDecodingError) -> [Target] in
            try reader.array("goal.revised.targets") { (reader) throws(BinaryDecodingError) -> Target in try reader.value() }
        }
        let derivedFrom = try reader.optional("goal.revised.derivedFrom") { (reader) throws(BinaryDecodingError) in try reader.identifiers("goal.revised.derivedFrom") }
        let themes = try reader.optional("goal.revised.themes") { (reader) throws(BinaryDecodingError) in try reader.identifiers("goal.revised.themes") }
        self.init(goal: goal, level: level, statement: statement, targetGroup: targetGroup, effectLevel: effectLevel, targets: targets,
                  derivedFrom: derivedFrom, themes: themes)
    }
}

extension GoalMoved: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(goal)
        writer.identifier(field)
        writer.optional(parent) { $0.identifier($1) }
        writer.identifier(fromField)
        writer.optional(fromParent) { $0.identifier($1) }
        writer.identifiers(descendants)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let goal = try reader.identifier("goal.moved.goal")
        let field = try reader.identifier("goal.moved.field")
        let parent = try reader.optional("goal.moved.parent") { (reader) throws(BinaryDecodingError) in try reader.identifier("goal.moved.parent") }
        let fromField = try reader.identifier("goal.moved.fromField")
        let fromParent = try reader.optional("goal.moved.fromParent") { (reader) throws(BinaryDecodingError) in try reader.identifier("goal.moved.fromParent") }
        let descendants = try reader.identifiers("goal.moved.descendants")
        self.init(goal: goal, field: field, parent: parent, fromField: fromField, fromParent: fromParent, descendants: descendants)
    }
}

extension GoalStatusChanged: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(goal)
        writer.name(from)
        writer.name(to)
        writer.optional(reason) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let goal = try reader.identifier("goal.status.changed.goal")
        let from: GoalStatus = try reader.name("goal.status.changed.from")
        let to: GoalStatus = try reader.name("goal.status.changed.to")
        let reason = try reader.optional("goal.status.changed.reason") { (reader) throws(BinaryDecodingError) in try reader.string("goal.status.changed.reason") }
        self.init(goal: goal, from: from, to: to, reason: reason)
    }
}
