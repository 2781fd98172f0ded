// The YAML reader's wording: what a node is, the values a key takes, and "did you mean" distances.
internal import Yams

extension YAMLReader {
    /// "'x' is not one of: planned, in_progress" / "'x' ist kein zulässiger Wert; möglich sind: geplant (planned), in
    /// Umsetzung (in_progress)": the keys a plan file takes, in German with the label each stands for.
    static func notOneOf(_ found: Wording, _ options: [(key: String, label: Wording)]) -> Wording {
        // Plan files take the stable keys; the German label only explains each.
        let german = options.map { $0.label.de.lowercased() == $0.key ? $0.key : "\($0.key) (\($0.label.de))" }
        return Wording(de: "\(found.de) ist kein zulässiger Wert; Plandateien nehmen die Schlüssel: \(german.joined(separator: ", "))",
                       en: "\(found.en) is not one of: \(options.map(\.key).joined(separator: ", "))")
    }

    static func notOneOf(_ found: String, _ options: [(key: String, label: Wording)]) -> Wording {
        notOneOf(Wording(de: found, en: found), options)
    }

    /// What a node is, for messages: its text (quoted, cut at 40 characters), or "a mapping" / "eine Zuordnung"…
    func describe(_ node: Node) -> Wording {
        switch node {
        case .scalar(let scalar):
            let text = "'\(scalar.string.prefix(40))'"
            return Wording(de: text, en: text)
        case .mapping: return Wording(de: "eine Zuordnung", en: "a mapping")
        case .sequence: return Wording(de: "eine Liste", en: "a list")
        case .alias: return Wording(de: "ein Alias", en: "an alias")
        }
    }
}

/// The Levenshtein distance, for "did you mean" hints.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
