// The YAML reader's typed values: scalars, ids, dates, numbers, booleans and choices, each checked for its form.
internal import Yams

extension YAMLReader {
    /// A scalar's text (block scalars without their final line breaks), or nil with an issue: for values that
    /// name something (ids, numbers, codes, dates, choices), where a trailing comment is a comment.
    mutating func scalar(_ entries: Entries, _ key: String, required: Bool = false) -> String? {
        guard let node = entries.values[key], !isNull(node), visit(node, entries.child(key)) else {
            return nil
        }
        guard case let .scalar(scalar) = node else {
            let found = describe(node)
            fail(node, entries.child(key), Wording(de: "erwartet wird ein Text, gefunden wurde \(found.de)", en: "expected text, found \(found.en)"))
            return nil
        }
        var value = scalar.string
        while value.hasSuffix("\n") { value.removeLast() }
        if required && value.trimmingSpaces.isEmpty {
            fail(node, entries.child(key), Wording(de: "darf nicht leer sein", en: "must not be empty"))
            return nil
        }
        return value
    }

    mutating func identifier(_ entries: Entries, _ key: String) -> Identifier? {
        guard let raw = scalar(entries, key) else { return nil }
        do throws(IdentifierError) { return try Identifier(raw) } catch {
            fail(entries.values[key], entries.child(key), error.wording)
            return nil
        }
    }

    mutating func identifiers(_ entries: Entries, _ key: String) -> [Identifier] {
        identifierNodes(entries, key).map(\.id)
    }

    /// A list of ids with the node and path of each valid one.
    mutating func identifierNodes(_ entries: Entries, _ key: String) -> [(id: Identifier, node: Node, path: String)] {
        let path = entries.child(key)
        return sequence(entries.values[key], path).enumerated().compactMap { index, node -> (id: Identifier, node: Node, path: String)? in
            let itemPath = "\(path)[\(index)]"
            guard visit(node, itemPath) else { return nil }
            guard case let .scalar(scalar) = node else {
                let found = describe(node)
                fail(node, itemPath, Wording(de: "erwartet wird eine Kennung, gefunden wurde \(found.de)", en: "expected an id, found \(found.en)"))
                return nil
            }
            do throws(IdentifierError) { return (try Identifier(scalar.string), node, itemPath) } catch {
                fail(node, itemPath, error.wording)
                return nil
            }
        }
    }

    mutating func date(_ entries: Entries, _ key: String) -> CalendarDate? {
        guard let raw = scalar(entries, key) else { return nil }
        guard let date = CalendarDate(partial: raw) else {
            fail(entries.values[key], entries.child(key), Wording(
                de: "erwartet wird ein Datum der Form JJJJ-MM-TT (oder so genau, wie die Quellen es angeben: JJJJ-MM, JJJJ, 'Frühjahr JJJJ', 'vor JJJJ'), gefunden wurde '\(raw)'",
                en: "expected a date as YYYY-MM-DD (or as precisely as the sources state it: YYYY-MM, YYYY, 'Frühjahr YYYY', 'vor YYYY'), found '\(raw)'"))
            return nil
        }
        return date
    }

    mutating func integer(_ entries: Entries, _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let raw = scalar(entries, key) else { return nil }
        guard let value = Int(raw), range.contains(value) else {
            fail(entries.values[key], entries.child(key), Wording(
                de: "erwartet wird eine ganze Zahl von \(range.lowerBound) bis \(range.upperBound), gefunden wurde '\(raw)'",
                en: "expected a whole number from \(range.lowerBound) to \(range.upperBound), found '\(raw)'"))
            return nil
        }
        return value
    }

    mutating func quantity(_ entries: Entries, _ key: String) -> Quantity? {
        guard let raw = scalar(entries, key) else { return nil }
        guard let value = Quantity(raw) else {
            fail(entries.values[key], entries.child(key), Wording(
                de: "erwartet wird eine Zahl mit Dezimalpunkt wie 12.5, gefunden wurde '\(raw)'",
                en: "expected a decimal number such as 12.5, found '\(raw)'"))
            return nil
        }
        return value
    }

    mutating func bool(_ entries: Entries, _ key: String) -> Bool? {
        guard let raw = scalar(entries, key) else { return nil }
        switch raw {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            fail(entries.values[key], entries.child(key), Wording(de: "erwartet wird true oder false, gefunden wurde '\(raw)'",
                                                                  en: "expected true or false, found '\(raw)'"))
            return nil
        }
    }

    mutating func choice<Value: RawRepresentable & CaseIterable & Labelled>(_ entries: Entries, _ key: String, _ type: Value.Type) -> Value?
    where Value.RawValue == String {
        guard let raw = scalar(entries, key) else { return nil }
        guard let value = Value(rawValue: raw) else {
            fail(entries.values[key], entries.child(key), Self.notOneOf("'\(raw)'", Value.allCases.map { ($0.rawValue, $0.label) }))
            return nil
        }
        return value
    }

    mutating func choices<Value: RawRepresentable & CaseIterable & Labelled>(_ entries: Entries, _ key: String, _ type: Value.Type) -> [Value]
    where Value.RawValue == String {
        let path = entries.child(key)
        return sequence(entries.values[key], path).enumerated().compactMap { index, node -> Value? in
            guard visit(node, "\(path)[\(index)]") else { return nil }
            guard case let .scalar(scalar) = node, let value = Value(rawValue: scalar.string) else {
                let found = node.scalar.map { Wording(de: $0.string, en: $0.string) } ?? describe(node)
                fail(node, "\(path)[\(index)]", Self.notOneOf(Wording(de: "'\(found.de)'", en: "'\(found.en)'"), Value.allCases.map { ($0.rawValue, $0.label) }))
                return nil
            }
            return value
        }
    }
}
