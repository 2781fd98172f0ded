/// Checks shared by the decider: existence, uniqueness, texts, references, mandates and reasons.
struct Rules {
    let state: PlanState
    let context: EventContext

    func requirePlan() throws(DomainError) {
        if !state.exists { throw .planDoesNotExist }
    }

    /// Why a goal cannot sit below `parent`, whose field is `parentField`, in `field`; nil when it can. A goal's parent
    /// lies in the goal's own field: the one statement of the rule, which the decider applies and a plan file is
    /// checked against before anything is decided.
    static func parentOutsideField(parent: Identifier, parentField: Identifier, field: Identifier) -> Wording? {
        guard parentField != field else { return nil }
        return Wording(
            de: "das Ziel '\(parent)' gehört zum Handlungsfeld '\(parentField)', nicht zu '\(field)'; ein übergeordnetes Ziel liegt im selben Handlungsfeld",
            en: "goal '\(parent)' belongs to field '\(parentField)', not '\(field)'; a goal's parent is in the same field")
    }

    /// The cycles that following parents upward from `goals` runs into: goal trees have no cycles. The one statement
    /// of the rule, which the decider applies to a move and a plan file is checked against as a whole.
    ///
    /// Walks start at each of `goals` in order; a walk ends at a goal without a parent (or with an unknown one) or at
    /// a goal an earlier walk passed, so each goal is visited once: O(n) however deep the trees. Each cycle is
    /// reported once, with the goal whose walk found it and the goals in the order the walk met them, the first
    /// repeated at the end (`a → b → a`).
    ///
    /// - Parameter parent: The parent of a goal, nil when it has none or is not a goal.
    static func goalCycles(from goals: some Sequence<Identifier>, parent: (Identifier) -> Identifier?) -> [(start: Identifier, goals: [Identifier])] {
        var cycles: [(start: Identifier, goals: [Identifier])] = []
        var reported = Set<Identifier>()
        var finished = Set<Identifier>()
        for goal in goals where !finished.contains(goal) {
            var path: [Identifier] = [goal]
            var onPath: [Identifier: Int] = [goal: 0]
            var current = parent(goal)
            while let next = current, !finished.contains(next) {
                if let start = onPath[next] {
                    let cycle = path[start...]
                    if reported.isDisjoint(with: cycle) {
                        reported.formUnion(cycle)
                        cycles.append((goal, Array(cycle) + [next]))
                    }
                    break
                }
                onPath[next] = path.count
                path.append(next)
                current = parent(next)
            }
            finished.formUnion(path)
        }
        return cycles
    }

    /// The id must not name anything yet.
    func requireNew(_ id: Identifier) throws(DomainError) {
        if let existing = state.kind(of: id) { throw .duplicateID(id, existing: existing) }
    }

    /// A required text: not blank, no personal data.
    func text(_ value: String, _ field: String, maxLength: Int = 20_000) throws(DomainError) {
        if value.trimmingSpaces.isEmpty { throw .invalidValue(field: field, reason: Wording(de: "darf nicht leer sein", en: "must not be empty")) }
        try optionalText(value, field, maxLength: maxLength)
    }

    /// An optional text: no personal data, no control characters but line breaks and tabs, no invisible characters
    /// that can disguise text.
    ///
    /// Every text of a plan passes here — from plan files (through ``Reconciler``) and from commands alike.
    func optionalText(_ value: String?, _ field: String, maxLength: Int = 20_000) throws(DomainError) {
        guard let value else { return }
        if value.count > maxLength {
            throw .invalidValue(field: field, reason: Wording(de: "hat \(value.count) Zeichen, erlaubt sind höchstens \(maxLength)", en: "has \(value.count) characters, at most \(maxLength) are allowed"))
        }
        if let reason = Self.forbiddenCharacter(in: value) { throw .invalidValue(field: field, reason: reason) }
        if let kind = PersonalData.detect(in: value) { throw .personalData(field: field, kind: kind) }
    }

    /// Why a text cannot be used because of a character in it, or nil; fast for ASCII text.
    ///
    /// Refused are control characters other than line breaks and tabs, and the characters Unicode marks as
    /// default-ignorable: they are not shown, yet change what a reader sees. Bidirectional controls
    /// (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) reorder the text around them, so that a title
    /// reads differently from what is stored; zero-width spaces and joiners, the word joiner, invisible operators,
    /// U+FEFF, Hangul fillers and tag characters hide text or make equal-looking texts differ. Allowed are the soft
    /// hyphen U+00AD (a hyphenation hint, common in German texts) and, inside an emoji sequence, the zero-width
    /// joiner U+200D and the variation selectors U+FE00–U+FE0F that emoji need (👩‍💻, ❤️).
    static func forbiddenCharacter(in value: String) -> Wording? {
        var asciiOnly = true
        for byte in value.utf8 {
            if (byte < 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D) || byte == 0x7F {
                let code = String(byte, radix: 16, uppercase: true)
                return Wording(de: "enthält das Steuerzeichen U+\(code)", en: "contains the control character U+\(code)")
            }
            if byte >= 0x80 { asciiOnly = false }
        }
        if asciiOnly { return nil }
        let scalars = Array(value.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let properties = scalar.properties
            if properties.generalCategory == .control {
                if scalar == "\n" || scalar == "\t" || scalar == "\r" { continue }
                let code = String(scalar.value, radix: 16, uppercase: true)
                return Wording(de: "enthält das Steuerzeichen U+\(code)", en: "contains the control character U+\(code)")
            }
            guard properties.isDefaultIgnorableCodePoint else { continue }
            let selector = (0xFE00...0xFE0F).contains(scalar.value)
            if scalar == "\u{00AD}" { continue }
            if selector && index > 0 && scalars[index - 1].properties.isEmoji { continue }
            if scalar == "\u{200D}" && isEmoji(scalars, before: index) && isEmoji(scalars, at: index + 1) { continue }
            let code = String(scalar.value, radix: 16, uppercase: true)
            let name = properties.name.map { " \($0)" } ?? ""
            let format = properties.generalCategory == .format
            let outside = scalar == "\u{200D}" || selector
            let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
            return Wording(
                de: "enthält U+\(padded)\(name)\(outside ? " außerhalb einer Emoji-Folge" : ""), \(format ? "ein Steuerzeichen" : "ein unsichtbares Zeichen"), das Text verschleiern kann",
                en: "contains U+\(padded)\(name)\(outside ? " outside an emoji sequence" : ""), \(format ? "a control character" : "an invisible character") that can disguise text")
        }
        return nil
    }

    /// Whether the scalar at `index` is an emoji (not one of the ASCII digits and signs Unicode also counts).
    private static func isEmoji(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard scalars.indices.contains(index) else { return false }
        return !scalars[index].isASCII && scalars[index].properties.isEmoji
    }

    /// Whether an emoji comes before `index`, skipping skin-tone modifiers and variation selectors.
    private static func isEmoji(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        var position = index - 1
        while position >= 0, scalars[position].properties.isEmojiModifier || (0xFE00...0xFE0F).contains(scalars[position].value) {
            position -= 1
        }
        return isEmoji(scalars, at: position)
    }

    func texts(_ values: [String], _ field: String) throws(DomainError) {
        for (index, value) in values.enumerated() { try text(value, "\(field)[\(index)]", maxLength: 2_000) }
    }

    /// A short label: not blank, at most 200 characters, one line.
    func label(_ value: String, _ field: String) throws(DomainError) {
        try text(value, field, maxLength: 200)
        if value.contains("\n") { throw .invalidValue(field: field, reason: Wording(de: "muss eine einzelne Zeile sein", en: "must be a single line")) }
    }

    /// The entity `id` names in `entities`, or `unknownEntity` naming its `kind` and `role`: the one lookup behind
    /// ``field(_:_:)``, ``goal(_:_:)``, ``measure(_:_:)``, ``indicator(_:_:)`` and ``body(_:_:)``.
    private func existing<Entity>(_ entities: KeyPath<PlanState, [Identifier: Entity]>, _ kind: EntityKind,
                                  _ id: Identifier, _ role: String) throws(DomainError) -> Entity {
        guard let entity = state[keyPath: entities][id] else { throw .unknownEntity(kind: kind, id: id.rawValue, role: role) }
        return entity
    }

    func field(_ id: Identifier, _ role: String) throws(DomainError) -> FieldOfAction { try existing(\.fields, .field, id, role) }
    func goal(_ id: Identifier, _ role: String) throws(DomainError) -> Goal { try existing(\.goals, .goal, id, role) }
    func measure(_ id: Identifier, _ role: String) throws(DomainError) -> Measure { try existing(\.measures, .measure, id, role) }
    func indicator(_ id: Identifier, _ role: String) throws(DomainError) -> Indicator { try existing(\.indicators, .indicator, id, role) }
    func body(_ id: Identifier, _ role: String) throws(DomainError) -> Body { try existing(\.bodies, .body, id, role) }

    /// Every id must name some entity of the plan (any kind), and none may repeat.
    func references(_ ids: [Identifier], _ role: String, excluding own: Identifier? = nil) throws(DomainError) {
        var seen = Set<Identifier>()
        for id in ids {
            if state.kind(of: id) == nil && id != own {
                throw .invalidValue(field: role, reason: Wording(de: "'\(id)' bezeichnet nichts in diesem Plan", en: "'\(id)' names nothing in this plan"))
            }
            if !seen.insert(id).inserted { throw .invalidValue(field: role, reason: Wording(de: "'\(id)' steht zweimal darin", en: "'\(id)' appears twice")) }
        }
    }

    /// Every id names a cross-cutting theme of the plan, and none repeats.
    func themes(_ ids: [Identifier], _ role: String) throws(DomainError) {
        var seen = Set<Identifier>()
        for (index, id) in ids.enumerated() {
            if state.themes[id] == nil {
                throw .invalidValue(field: "\(role)[\(index)]", reason: Wording(de: "'\(id)' ist kein Querschnittsthema dieses Plans", en: "'\(id)' is not a cross-cutting theme of this plan"))
            }
            if !seen.insert(id).inserted { throw .invalidValue(field: role, reason: Wording(de: "'\(id)' steht zweimal darin", en: "'\(id)' appears twice")) }
        }
    }

    /// Targets are numeric (an indicator, a value and a date) or qualitative (a text instead of a value), name
    /// existing indicators and have sensible dates.
    func targets(_ targets: [Target], _ role: String) throws(DomainError) {
        for (index, target) in targets.enumerated() {
            let name = "\(role).targets[\(index)]"
            switch (target.target, target.text) {
            case (nil, nil):
                throw .invalidValue(field: name, reason: Wording(de: "braucht einen Zielwert, oder einen Text für ein qualitatives Ziel", en: "needs a target value, or a text for a qualitative target"))
            case (.some, .some):
                throw .invalidValue(field: name, reason: Wording(de: "hat einen Zielwert und einen Text; ein qualitatives Ziel hat einen Text statt eines Werts", en: "has a target value and a text; a qualitative target has a text instead of a value"))
            case (.some, nil):
                if target.indicator == nil { throw .invalidValue(field: "\(name).indicator", reason: Wording(de: "ein Zielwert braucht die Kennzahl, mit der er gemessen wird", en: "a target value needs the indicator it is measured with")) }
                if target.targetDate == nil { throw .invalidValue(field: "\(name).targetDate", reason: Wording(de: "ein Zielwert braucht das Datum, bis zu dem er erreicht sein soll", en: "a target value needs the date it is to be reached by")) }
            case let (nil, text?):
                try self.text(text, "\(name).text", maxLength: 2_000)
            }
            if let id = target.indicator { _ = try indicator(id, "\(name).indicator") }
            if target.indicator == nil && (target.baseline != nil || target.baselineDate != nil) {
                throw .invalidValue(field: "\(name).baseline", reason: Wording(de: "ein Ausgangswert braucht die Kennzahl, mit der er gemessen wurde", en: "a baseline needs the indicator it was measured with"))
            }
            if let baselineDate = target.baselineDate, let targetDate = target.targetDate, targetDate.isCertainlyBefore(baselineDate) {
                throw .invalidValue(field: name, reason: Wording(de: "das Datum des Ausgangswerts \(baselineDate.text(in: .de)) liegt nach dem Zieldatum \(targetDate.text(in: .de))", en: "the baseline date \(baselineDate) is after the target date \(targetDate)"))
            }
        }
    }

    /// A resolution that carries, of a body with the mandate for `decision`.
    func mandate(_ decision: DecisionKind, resolution number: String?, acceptAlso: DecisionKind? = nil, for subject: String) throws(DomainError) -> Resolution {
        guard let number else {
            throw .invalidValue(field: subject, reason: Wording(de: "braucht einen Beschluss eines Gremiums mit dem Mandat „\(decision.label.de)“", en: "needs a resolution of a body with the mandate to \(decision.displayName)"))
        }
        guard let resolution = state.resolutions[number] else {
            throw .unknownEntity(kind: .resolution, id: number, role: subject)
        }
        guard resolution.result.carries else { throw .resolutionDoesNotCarry(number: number, result: resolution.result) }
        let body = try body(resolution.body, "resolution \(number).body")
        let allowed = body.mandate.contains(decision) || (acceptAlso.map { body.mandate.contains($0) } ?? false)
        if !allowed || body.dissolved { throw .noMandate(body: body.id, decision: decision, resolution: number) }
        return resolution
    }

    /// Changing content that an adopted version contains needs a reason.
    func reasonIfSealed(_ id: Identifier, _ kind: EntityKind, _ action: Wording) throws(DomainError) {
        if state.sealed.contains(id) && (context.reason?.trimmingSpaces ?? "").isEmpty {
            let label = state.currentVersion?.label ?? ""
            throw .reasonRequired(kind: kind, id: id.rawValue, action: Wording(
                de: "\(action.de) (es gehört zur Fassung '\(label)')", en: "\(action.en) (it is part of version '\(label)')"))
        }
    }

    func requiredReason(_ reason: String?, _ kind: EntityKind, _ id: String, _ action: Wording) throws(DomainError) -> String {
        guard let reason = reason ?? context.reason, !reason.trimmingSpaces.isEmpty else {
            throw .reasonRequired(kind: kind, id: id, action: action)
        }
        try optionalText(reason, "\(kind.displayName) '\(id)'.reason", maxLength: 2_000)
        return reason
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
