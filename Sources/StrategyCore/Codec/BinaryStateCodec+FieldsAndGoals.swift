// The snapshot layout of fields of action, goals and their targets.

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
