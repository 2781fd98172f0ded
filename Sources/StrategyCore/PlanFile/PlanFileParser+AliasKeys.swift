// Refuses YAML aliases used as keys, before composing the file could hash what they repeat.
internal import Yams

extension PlanFile {
    /// Marks an alias's scalar in the text that ``aliasesMarked(_:quote:)`` writes (a private-use character).
    static let aliasMarker: Character = "\u{E000}"

    /// The text with every alias (`*name`) replaced by a scalar that starts with ``aliasMarker``, or nil when the
    /// file has no alias.
    ///
    /// Composing that text costs no more than its length: it has no aliases. Its keys are the original's, and
    /// an alias used as a key (or inside one) is a key starting with the marker. An alias is replaced where YAML
    /// can start one — at the start of a line, after a space, a tab or one of `[{,:?`; a `*` elsewhere is text
    /// (`Schüler*innen`) and stays. An alias followed by `:` becomes a scalar in `quote`s, so that the key ends
    /// where the alias ended (a plain scalar would run on over `:x` inside brackets).
    static func aliasesMarked(_ bytes: [UInt8], quote: Unicode.Scalar) -> String? {
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        let starts: Set<UInt8> = Set(" \t\r\n[{,:?".utf8)
        let marker = Array(String(aliasMarker).utf8), quote = UInt8(ascii: quote)
        var output: [UInt8] = []
        var index = 0, copied = 0
        while let star = bytes[index...].firstIndex(of: UInt8(ascii: "*")) {
            var end = star + 1
            while end < bytes.count && isNameByte(bytes[end]) { end += 1 }
            index = end
            guard end > star + 1, star == 0 || starts.contains(bytes[star - 1]) else { continue }
            if output.isEmpty { output.reserveCapacity(bytes.count + 64) }
            output += bytes[copied..<star]
            var after = end
            while after < bytes.count && (bytes[after] == 0x20 || bytes[after] == 0x09) { after += 1 }
            if after < bytes.count && bytes[after] == UInt8(ascii: ":") {
                output += [quote] + marker + bytes[(star + 1)..<end] + [quote]
            } else {
                output += marker + bytes[(star + 1)..<end]
            }
            copied = end
        }
        guard copied > 0 else { return nil }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// Refuses an alias used as a key or inside one, naming the first.
    ///
    /// A quoted text that holds ` *word:` breaks when the marked scalar is quoted alike; the text marked with the
    /// other quotes (`alternative`) is read then. The file is refused only when neither can be read.
    static func refuseAliasKeys(_ marked: String, orElse alternative: String?, file: String) throws(PlanFileError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: marked)
        } catch {
            if let alternative { return try refuseAliasKeys(alternative, orElse: nil, file: file) }
            if let error = error as? YamlError { throw yamlError(error, file: file) }
            throw PlanFileError(issues: [PlanFileIssue(
                location: SourceLocation(file: file, line: 1, column: 1, path: ""),
                message: Wording(de: "das YAML kann nicht gelesen werden: \(error)", en: "cannot read the YAML: \(error)"))])
        }
        guard let root, let (key, name, path) = firstAliasKey(root, "") else { return }
        throw PlanFileError(issues: [PlanFileIssue(
            location: SourceLocation(file: file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1, path: path),
            message: Wording(de: "der Alias *\(name) wird als Schlüssel verwendet; Schlüssel in Plandateien sind einfache Wörter",
                             en: "the alias *\(name) is used as a key; keys in plan files are plain words"))])
    }

    /// The first key that is, or holds, a marked alias: the key, the alias's name and the key's path.
    private static func firstAliasKey(_ node: Node, _ path: String) -> (Node, String, String)? {
        func alias(in node: Node) -> String? {
            switch node {
            case .scalar(let scalar):
                return scalar.string.first == aliasMarker ? String(scalar.string.dropFirst()) : nil
            case .sequence(let sequence):
                return sequence.lazy.compactMap { alias(in: $0) }.first
            case .mapping(let mapping):
                return mapping.lazy.compactMap { alias(in: $0.key) ?? alias(in: $0.value) }.first
            case .alias:
                return nil
            }
        }
        switch node {
        case .scalar, .alias:
            return nil
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                if let found = firstAliasKey(item, "\(path)[\(index)]") { return found }
            }
            return nil
        case .mapping(let mapping):
            for (key, value) in mapping {
                let child = path.isEmpty ? key.scalar?.string ?? "" : "\(path).\(key.scalar?.string ?? "")"
                if let name = alias(in: key) { return (key, name, path) }
                if let found = firstAliasKey(value, child) { return found }
            }
            return nil
        }
    }
}
