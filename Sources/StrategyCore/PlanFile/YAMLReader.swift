// The YAML reader: its state, the problems and places it records, the ids it could not read, mappings, lists and texts.
internal import Yams

/// Reads values out of a composed YAML tree, checking types and keys, and collecting every problem with its
/// line, column and path instead of stopping at the first.
struct YAMLReader {
    let file: String
    private(set) var issues: [PlanFileIssue] = []
    private(set) var locations: [String: SourceLocation] = [:]
    /// How many nodes the reader has reached so far; an alias's target counts again each time it is reached.
    private(set) var visited = 0
    /// The most nodes the reader reaches (``PlanFile/maximumNodes``).
    let budget: Int
    /// Set once the budget is spent: the one issue that names the place; the reader then reads nothing more.
    private(set) var budgetExceeded: PlanFileIssue?

    /// The file's lines, to see what YAML read as comments.
    private let lines: [Substring]
    /// The Unicode scalars of the line read last: many texts of a flow list share one line, which is then taken
    /// apart once, not once per text.
    private var lineCache: (number: Int, scalars: [Unicode.Scalar]) = (0, [])

    init(file: String, source: String = "", budget: Int = PlanFile.maximumNodes) {
        self.file = file
        self.budget = budget
        self.lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Counts a node the reader is about to read and checks its tag. False once the budget is spent: then the
    /// caller treats the node as absent, so that the rest of the walk costs nothing.
    ///
    /// Every accessor below reaches nodes only through this, so the work of a read is bounded by the budget however
    /// often aliases repeat their anchors' nodes.
    mutating func visit(_ node: Node, _ path: String) -> Bool {
        guard budgetExceeded == nil else { return false }
        visited += 1
        if visited > budget {
            budgetExceeded = PlanFileIssue(location: location(node, path), message: Wording(
                de: """
                    die Datei enthält mehr als \(grouped(budget, .de)) Werte, wobei die Werte eines Ankers (&name) jedes \
                    Mal erneut zählen, wenn ein Alias (*name) sie wiederholt; eine Plandatei darf höchstens \
                    \(grouped(budget, .de)) Werte enthalten
                    """,
                en: """
                    the file holds more than \(grouped(budget)) values, counting the values of an anchor (&name) again \
                    each time an alias (*name) repeats them; a plan file may hold at most \(grouped(budget))
                    """))
            return false
        }
        checkTag(node, path)
        return true
    }

    /// The tags a plan file may use: the standard ones of plain values, lists and mappings. Any other tag
    /// (`!foo`, `!!python/object`, `!!binary`) asks a YAML library to build something a plan has no use for.
    ///
    /// Yams resolves the tags of keys while composing (to compare them), so a key's tag may also be the one its
    /// text implies: `!!merge` for `<<`, `!!value` for `=`. Those keys are unknown keys anyway.
    static let scalarTags: Set<Tag.Name> = [.implicit, .str, .int, .float, .bool, .null, .timestamp, .merge, .value]

    private mutating func checkTag(_ node: Node, _ path: String) {
        let name: Tag.Name, allowed: Bool
        switch node {
        case .scalar(let scalar):
            name = Tag.Name(rawValue: scalar.tag.description)
            allowed = Self.scalarTags.contains(name)
        case .sequence(let sequence):
            name = Tag.Name(rawValue: sequence.tag.description)
            allowed = name == .implicit || name == .seq
        case .mapping(let mapping):
            name = Tag.Name(rawValue: mapping.tag.description)
            allowed = name == .implicit || name == .map
        case .alias(let alias):
            name = Tag.Name(rawValue: alias.tag.description)
            allowed = name == .implicit
        }
        guard !allowed else { return }
        let standard = "tag:yaml.org,2002:"
        let shown = name.rawValue.hasPrefix(standard) ? "!!" + name.rawValue.dropFirst(standard.count) : name.rawValue
        fail(node, path, Wording(
            de: "der YAML-Tag '\(shown)' ist nicht erlaubt; Plandateien verwenden nur die Tags !!str, !!int, !!float, !!bool, !!null und !!timestamp an Werten, !!seq an Listen und !!map an Zuordnungen",
            en: "the YAML tag '\(shown)' is not allowed; plan files use no tags but !!str, !!int, !!float, !!bool, !!null and !!timestamp on values, !!seq on lists and !!map on mappings"))
    }

    func location(_ node: Node?, _ path: String) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, path: path)
    }

    mutating func fail(_ node: Node?, _ path: String, _ message: Wording) {
        issues.append(PlanFileIssue(location: location(node, path), message: message))
    }

    mutating func issue(_ location: SourceLocation, _ message: Wording) {
        issues.append(PlanFileIssue(location: location, message: message))
    }

    mutating func remember(_ key: String, _ node: Node?, _ path: String) {
        locations[key] = location(node, path)
    }

    /// The ids of every entity the file writes, read or not; references to them are not dangling even when the
    /// entity itself has a problem (reported at its place).
    private(set) var declared: Set<Identifier> = []
    /// Ids and resolution numbers written where the reader did not read them — under an unknown key, in a value of
    /// the wrong type: the one problem is reported there, and references to them are not reported again.
    private(set) var unread: Set<String> = []
    /// How many nodes the search for unread ids may still visit (bounded like the reader, aliases counted again).
    private var unreadBudget = PlanFile.maximumNodes

    /// Remembers where an entity's id is written, and that the file declares it.
    mutating func entity(_ id: Identifier, _ node: Node?, _ path: String) {
        remember(id.rawValue, node, path)
        declared.insert(id)
    }

    /// Whether a reference to `id` that names no entity read from the file is the consequence of another
    /// problem: the entity is written, but could not be read.
    func isConsequence(_ id: String) -> Bool {
        ((try? Identifier(id)).map { declared.contains($0) } ?? false) || unread.contains(id)
    }

    /// Notes the ids (`id:`) and resolution numbers (`number:`) under a node the reader does not read; returns them
    /// in file order.
    @discardableResult
    mutating func skip(_ node: Node) -> [String] {
        var found: [String] = []
        var stack = [node]
        while let next = stack.popLast(), unreadBudget > 0 {
            unreadBudget -= 1
            switch next {
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() {
                    if case let .scalar(name) = key, name.string == "id" || name.string == "number", case let .scalar(id) = value {
                        found.append(id.string)
                    } else {
                        stack.append(value)
                    }
                }
            case .sequence(let sequence):
                stack += sequence.reversed()
            case .scalar, .alias:
                break
            }
        }
        unread.formUnion(found)
        return found
    }

    /// A mapping's entries by key, after reporting keys that are not allowed.
    struct Entries {
        let node: Node
        let path: String
        let values: [String: Node]
        let keys: [String: Node]

        func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    }

    mutating func mapping(_ node: Node?, _ path: String, allowed: [String], required: [String] = []) -> Entries? {
        guard let node, visit(node, path) else { return nil }
        guard case let .mapping(mapping) = node else {
            let found = describe(node)
            fail(node, path, Wording(de: "erwartet wird eine Zuordnung (Zeilen der Form Schlüssel: Wert), gefunden wurde \(found.de)",
                                     en: "expected a mapping (key: value lines), found \(found.en)"))
            skip(node)
            return nil
        }
        var values: [String: Node] = [:]
        var keys: [String: Node] = [:]
        /// Allowed keys that an unknown key is likely a typo of: not reported as missing as well.
        var suggested = Set<String>()
        for (keyNode, value) in mapping {
            guard visit(keyNode, path) else { return nil }
            guard case let .scalar(scalar) = keyNode else {
                fail(keyNode, path, Wording(de: "Schlüssel müssen einfache Wörter sein", en: "keys must be plain words"))
                continue
            }
            let key = scalar.string
            if !allowed.contains(key) {
                let length = key.count
                let tolerance = length <= 2 ? 0 : length <= 4 ? 1 : length <= 8 ? 2 : 3
                // Only keys of about the same length can be that close; a long key costs nothing to reject.
                let suggestion = allowed.lazy.filter { abs($0.count - length) <= tolerance }
                    .map { ($0, editDistance($0, key)) }.min { $0.1 < $1.1 }
                let likely = suggestion.flatMap { tolerance > 0 && $0.1 <= tolerance ? $0.0 : nil }
                let hint = likely.map { Wording(de: " (meinten Sie '\($0)'?)", en: " (did you mean '\($0)'?)") } ?? Wording(de: "", en: "")
                if let likely { suggested.insert(likely) }
                // What the key holds is not read; references to its ids are its consequence, not problems of their own.
                var ids = skip(value)
                if likely == "id" || likely == "number", case let .scalar(id) = value {
                    unread.insert(id.string)
                    ids = []
                }
                let named = ids.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
                let consequence = ids.isEmpty ? Wording(de: "", en: "") : Wording(
                    de: "; darunter wurde nichts gelesen, daher werden Verweise auf \(named)\(ids.count > 3 ? " und \(ids.count - 3) weitere" : "") nicht geprüft",
                    en: "; nothing under it was read, so references to \(named)\(ids.count > 3 ? " and \(ids.count - 3) more" : "") are not checked")
                fail(keyNode, path.isEmpty ? key : "\(path).\(key)", Wording(de: "unbekannter Schlüssel '\(key)'\(hint.de)\(consequence.de)",
                                                                         en: "unknown key '\(key)'\(hint.en)\(consequence.en)"))
                continue
            }
            values[key] = value
            keys[key] = keyNode
        }
        let entries = Entries(node: node, path: path, values: values, keys: keys)
        for key in required where values[key] == nil ? !suggested.contains(key) : isNull(values[key]!) {
            fail(node, entries.child(key), Wording(de: "muss angegeben werden", en: "is required"))
        }
        return entries
    }

    mutating func sequence(_ node: Node?, _ path: String) -> [Node] {
        guard let node, !isNull(node), visit(node, path) else { return [] }
        guard case let .sequence(sequence) = node else {
            let found = describe(node)
            fail(node, path, Wording(de: "erwartet wird eine Liste (Zeilen, die mit '- ' beginnen), gefunden wurde \(found.de)",
                                     en: "expected a list (lines starting with '- '), found \(found.en)"))
            skip(node)
            return []
        }
        return Array(sequence)
    }

    func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null"
    }

    /// A text of the plan (a title, a statement, a name): the scalar's text, with an issue when a comment cut it
    /// short (see ``commentCut(_:)``).
    mutating func text(_ entries: Entries, _ key: String, required: Bool = false) -> String? {
        guard let value = scalar(entries, key, required: required) else { return nil }
        checkText(value, entries.values[key]!, entries.child(key))
        return value
    }

    /// Reports what keeps a text read from `node` out of the plan — personal data, characters that disguise
    /// text — and what makes it differ from what its author wrote: every text, each at its place.
    ///
    /// The decider checks the same for every command; here a file's texts are checked all at once.
    private mutating func checkText(_ value: String, _ node: Node, _ path: String) {
        // A text longer than any the plan takes is refused for its length when imported; its content is not searched.
        if value.utf8.count <= Self.longestText * 4 {
            if let reason = Rules.forbiddenCharacter(in: value) { fail(node, path, reason) }
            if let kind = PersonalData.detect(in: value) {
                fail(node, path, Wording(
                    de: "sieht aus wie \(PersonalData.kindLabel(kind).de); personenbezogene Daten gehören nicht in die Texte des Plans: Personen in einem Block 'contacts:' nennen (verschlüsselt gespeichert, löschbar) oder Rollen wie 'Bildungsbüro' verwenden",
                    en: "looks like \(kind); keep personal data out of the plan's texts: name people in a 'contacts:' block (kept encrypted, erasable) or use roles such as 'Bildungsbüro'"))
            }
        }
        if let cut = commentCut(node) {
            let quoted = cut.written.count <= 120
                ? "\"" + cut.written.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" : nil
            issue(SourceLocation(file: file, line: cut.line, column: cut.column, path: path), Wording(
                de: """
                    ' #' beendet diesen Text: YAML liest '\(cut.comment.prefix(60))' als Kommentar, der Text wäre also nur \
                    '\(value.prefix(60))'; damit er vollständig bleibt, den Text in Anführungszeichen setzen\(quoted.map { " (\($0))" } ?? "") \
                    oder den Kommentar in eine eigene Zeile verschieben
                    """,
                en: """
                    ' #' ends this text: YAML reads '\(cut.comment.prefix(60))' as a comment, so the text would be only \
                    '\(value.prefix(60))'; to keep it whole, put the text in quotes\(quoted.map { " (\($0))" } ?? ""), or move the comment \
                    to a line of its own
                    """))
        }
    }

    /// Where a comment cuts a plain (unquoted) text short: a ` #` on the text's last line starts a comment in
    /// YAML, so `title: Übergänge #gemeinsam gestalten` holds only "Übergänge".
    ///
    /// The text is matched against the file's lines from its start mark; what follows it on its last line, after
    /// blanks, is a comment when it starts with `#`. Quoted and block texts (`|`, `>`) are never cut: a `#` in them is
    /// text. Returns the comment's place, the comment, and the whole line's text as it was written.
    mutating func commentCut(_ node: Node) -> (line: Int, column: Int, comment: String, written: String)? {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any, let mark = scalar.mark,
              mark.line >= 1, mark.line <= lines.count else { return nil }
        let target = Array(scalar.string.unicodeScalars)
        guard !target.isEmpty else { return nil }
        func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }
        var position = 0, number = mark.line, first = true
        // Each line the text spans adds at least one character (a space, a line break) to it.
        while number <= lines.count && number - mark.line <= target.count {
            if lineCache.number != number { lineCache = (number, Array(lines[number - 1].unicodeScalars)) }
            let line = lineCache.scalars
            var index = 0
            if first {
                index = mark.column - 1
                // An anchor (&name) or a tag (!!str) before the text.
                while index < line.count, line[index] == "&" || line[index] == "!" {
                    while index < line.count, !isBlank(line[index]) { index += 1 }
                    while index < line.count, isBlank(line[index]) { index += 1 }
                }
            } else {
                while index < line.count, isBlank(line[index]) { index += 1 }
                if index == line.count { number += 1; continue }  // an empty line inside a folded text
            }
            guard index <= line.count else { return nil }
            while position < target.count, index < line.count, line[index] == target[position] {
                index += 1
                position += 1
            }
            var after = index
            while after < line.count, isBlank(line[after]) { after += 1 }
            if position == target.count {
                guard after > index, after < line.count, line[after] == "#" else { return nil }
                var end = line.count
                while end > after, isBlank(line[end - 1]) { end -= 1 }
                let comment = String(String.UnicodeScalarView(line[after..<end]))
                return (number, after + 1, comment, scalar.string + String(String.UnicodeScalarView(line[index..<end])))
            }
            // The text goes on in the next line: this one must end here, its break folded into a space.
            guard after == line.count else { return nil }
            while position < target.count, target[position] == " " || target[position] == "\n" { position += 1 }
            first = false
            number += 1
        }
        return nil
    }

    /// The most characters a text of a plan may have (the decider's limit); longer texts are refused by length.
    static let longestText = 20_000

    mutating func texts(_ entries: Entries, _ key: String) -> [String] {
        sequence(entries.values[key], entries.child(key)).enumerated().compactMap { index, node -> String? in
            guard visit(node, "\(entries.child(key))[\(index)]") else { return nil }
            guard case let .scalar(scalar) = node else {
                let found = describe(node)
                fail(node, "\(entries.child(key))[\(index)]", Wording(de: "erwartet wird ein Text, gefunden wurde \(found.de)",
                                                                      en: "expected text, found \(found.en)"))
                return nil
            }
            checkText(scalar.string, node, "\(entries.child(key))[\(index)]")
            return scalar.string
        }
    }
}
