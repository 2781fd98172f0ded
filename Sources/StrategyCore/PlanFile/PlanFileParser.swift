// Plan files: the entry points, the limits, and the checks of the bytes before YAML reads them.
internal import Yams

/// Reads plan files (YAML) into ``PlanDocument``s. Pure: the caller reads the file and passes its bytes.
public enum PlanFile {
    /// The largest plan file accepted: 64 MiB.
    public static let maximumSize = 64 << 20
    /// The deepest nesting accepted.
    public static let maximumDepth = 64
    /// The most values (mappings, lists, keys and scalars) the reader reaches in one file, an alias's values
    /// counted again each time the alias repeats them. The county examples reach 117 to 372; a plan with 300 goals
    /// and 300 measures, every key of each filled in, about 35,000.
    public static let maximumNodes = 100_000

    /// Refuses a file larger than ``maximumSize``. Call it with the size the file system reports before reading
    /// the file, so that a huge file is never read.
    ///
    /// - Parameters:
    ///   - size: The file's size in bytes.
    ///   - file: The name used in the message.
    ///   - atLeast: Whether `size` is only what was read so far (a pipe or a device, whose size is unknown).
    public static func checkSize(_ size: Int, file: String, atLeast: Bool = false) throws(PlanFileError) {
        guard size > maximumSize else { return }
        throw PlanFileError(issues: [PlanFileIssue(
            location: SourceLocation(file: file, line: 1, column: 1, path: ""),
            message: Wording(
                de: "die Datei hat \(atLeast ? "mehr als \(grouped(maximumSize, .de))" : grouped(size, .de)) Byte; Plandateien dürfen höchstens \(grouped(maximumSize, .de)) Byte (\(maximumSize >> 20) MiB) haben",
                en: "the file has \(atLeast ? "more than \(grouped(maximumSize))" : grouped(size)) bytes; plan files may have at most \(grouped(maximumSize)) bytes (\(maximumSize >> 20) MiB)"))])
    }

    /// Parses and checks a plan file.
    ///
    /// Reports every problem it can find at once — syntax, types, unknown keys, duplicate ids, dangling references,
    /// cycles in goal trees — each with file, line, column and path
    /// (`vechta.yaml:12:7: fields[2].goals[0].parent: unknown goal 'ziel-x'`).
    ///
    /// - Parameters:
    ///   - bytes: The file's contents (UTF-8).
    ///   - file: The name used in messages.
    public static func parse(_ bytes: [UInt8], file: String) throws(PlanFileError) -> PlanDocument {
        try parse(bytes, file: file, budget: maximumNodes)
    }

    /// ``parse(_:file:)`` with another node budget, for tests that measure what files need.
    static func parse(_ bytes: [UInt8], file: String, budget: Int) throws(PlanFileError) -> PlanDocument {
        func single(_ line: Int, _ column: Int, _ message: Wording) -> PlanFileError {
            PlanFileError(issues: [PlanFileIssue(location: SourceLocation(file: file, line: line, column: column, path: ""), message: message)])
        }
        try checkSize(bytes.count, file: file)
        let bytes = withoutBOMAndCarriageReturns(bytes)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(bytes)
            throw single(line, column, Wording(de: "die Datei ist kein gültiges UTF-8; bitte als UTF-8 speichern",
                                               en: "the file is not valid UTF-8; save it as UTF-8"))
        }
        if let (line, column) = excessiveNesting(bytes) {
            throw single(line, column, Wording(de: "die Datei ist tiefer als \(maximumDepth) Ebenen verschachtelt",
                                               en: "the file is nested more than \(maximumDepth) levels deep"))
        }
        if let singleQuoted = aliasesMarked(bytes, quote: "'") {
            // Composing hashes every key; an alias in a key would be hashed with everything it repeats, at any
            // depth. The same text with each alias replaced by a marked scalar shows the keys without that cost.
            try refuseAliasKeys(singleQuoted, orElse: aliasesMarked(bytes, quote: "\""), file: file)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw single(1, 1, Wording(de: "das YAML kann nicht gelesen werden: \(error)", en: "cannot read the YAML: \(error)"))
        }
        guard let root else { throw single(1, 1, Wording(de: "die Datei ist leer", en: "the file is empty")) }
        var reader = YAMLReader(file: file, source: text, budget: budget)
        let document = readDocument(root, &reader)
        if let exceeded = reader.budgetExceeded { throw PlanFileError(issues: [exceeded]) }
        if let document { validate(document, &reader) }
        if !reader.issues.isEmpty || document == nil {
            let sorted = reader.issues.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
            throw PlanFileError(issues: sorted.isEmpty ? [PlanFileIssue(location: reader.location(root, ""), message: Wording(de: "keine Plandatei", en: "not a plan file"))] : sorted)
        }
        var result = document!
        result.locations = reader.locations
        return result
    }

    // MARK: Low-level checks

    static func yamlError(_ error: YamlError, file: String) -> PlanFileError {
        func issue(_ mark: Mark, _ problem: Wording) -> PlanFileError {
            PlanFileError(issues: [PlanFileIssue(
                location: SourceLocation(file: file, line: mark.line, column: mark.column, path: ""),
                message: Wording(de: "ungültiges YAML: \(problem.de)", en: "invalid YAML: \(problem.en)"))])
        }
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return issue(mark, Wording(de: problem, en: problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return issue(context.mark, Wording(de: "doppelte Schlüssel \(keys) in einer Zuordnung", en: "duplicate keys \(keys) in one mapping"))
        default:
            return PlanFileError(issues: [PlanFileIssue(
                location: SourceLocation(file: file, line: 1, column: 1, path: ""),
                message: Wording(de: "ungültiges YAML: \(error)", en: "invalid YAML: \(error)"))])
        }
    }

    /// The bytes without a leading UTF-8 byte order mark (`EF BB BF`) and with every CRLF or lone CR line end
    /// turned into LF: the file as an editor on Windows saves it reads like any other.
    ///
    /// Lines keep their numbers (YAML counts CRLF and CR as one line break each) and the first line its columns
    /// as an editor shows them, so that every place named in a message is where the editor puts it; no text
    /// keeps a stray CR.
    static func withoutBOMAndCarriageReturns(_ bytes: [UInt8]) -> [UInt8] {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let start = bytes.starts(with: bom) ? bom.count : 0
        guard start > 0 || bytes.contains(0x0D) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count - start)
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                output.append(0x0A)
                if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            if length == 0 || index + length > bytes.count || String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil {
                return (line, column)
            }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return (line, column)
    }

    /// The first place where flow brackets or block indentation nest deeper than ``maximumDepth``.
    private static func excessiveNesting(_ bytes: [UInt8]) -> (Int, Int)? {
        var depth = 0, line = 1, column = 1, indent = 0, atLineStart = true
        var inQuote: UInt8? = nil
        for byte in bytes {
            if byte == 0x0A { line += 1; column = 1; indent = 0; atLineStart = true; inQuote = nil; continue }
            if atLineStart {
                if byte == 0x20 || byte == UInt8(ascii: "-") { indent += 1 } else { atLineStart = false }
                if indent > maximumDepth * 4 { return (line, column) }
            }
            if let quote = inQuote {
                if byte == quote { inQuote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                inQuote = byte
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                depth += 1
                if depth > maximumDepth { return (line, column) }
            } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                depth = max(0, depth - 1)
            } else if byte == UInt8(ascii: "#") {
                inQuote = 0x0A
            }
            column += 1
        }
        return nil
    }
}
