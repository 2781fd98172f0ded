/// A stable, human-readable identifier of a plan or of one of its entities: `vechta`, `hf-b`, `ziel-b-2`.
///
/// Identifiers are chosen by people (in plan files) and never change once used: renaming an entity changes its
/// title, not its id, so history and blame follow it. An identifier is 1 to 64 characters of lowercase ASCII
/// letters, digits, `-`, `_` and `.`, starting with a letter or digit.
public struct Identifier: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The identifier's text.
    public let rawValue: String

    /// The longest identifier allowed.
    public static let maximumLength = 64

    /// Validates `rawValue`; throws an error that says what is wrong with it.
    public init(_ rawValue: String) throws(IdentifierError) {
        if let reason = Self.reason(with: rawValue) { throw IdentifierError(value: rawValue, problem: reason.en, germanProblem: reason.de) }
        self.rawValue = rawValue
    }

    /// Why `text` is not a valid identifier, in English, or nil when it is.
    public static func problem(with text: String) -> String? {
        reason(with: text)?.en
    }

    /// Why `text` is not a valid identifier, in German and English (completing "die Kennung …" / "it …"), or nil
    /// when it is.
    public static func reason(with text: String) -> Wording? {
        // Fast path: every byte allowed (the common case when reading stored events).
        var text = text
        if text.withUTF8({ isValid(UnsafeRawBufferPointer($0)) }) { return nil }
        let bytes = Array(text.utf8)
        if bytes.isEmpty { return Wording(de: "ist leer", en: "is empty") }
        if bytes.count > maximumLength {
            return Wording(de: "hat \(bytes.count) Zeichen, erlaubt sind höchstens \(maximumLength)",
                           en: "has \(bytes.count) characters, at most \(maximumLength) are allowed")
        }
        if !(isLowerLetter(bytes[0]) || isDigit(bytes[0])) {
            return Wording(de: "muss mit einem Kleinbuchstaben oder einer Ziffer beginnen", en: "must start with a lowercase letter or a digit")
        }
        if let bad = text.unicodeScalars.first(where: { scalar in
            guard scalar.isASCII else { return true }
            let byte = UInt8(scalar.value)
            return !(isLowerLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "."))
        }) {
            return Wording(de: "enthält '\(bad)'; erlaubt sind Kleinbuchstaben a-z, Ziffern, '-', '_' und '.'",
                           en: "contains '\(bad)'; use lowercase letters a-z, digits, '-', '_' and '.'")
        }
        return nil
    }

    /// Whether `bytes` (UTF-8) form a valid identifier: what decoders check before making a `String` at all, since
    /// valid identifiers are ASCII.
    ///
    /// - Complexity: O(*n*) in the number of bytes, at most ``maximumLength``.
    package static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !bytes.isEmpty, bytes.count <= maximumLength else { return false }
        guard isLowerLetter(bytes[0]) || isDigit(bytes[0]) else { return false }
        for byte in bytes.dropFirst() {
            guard isLowerLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") else {
                return false
            }
        }
        return true
    }

    /// An identifier from bytes that ``isValid(_:)`` accepted.
    package init(validBytes bytes: UnsafeRawBufferPointer) {
        rawValue = String(decoding: bytes, as: UTF8.self)
    }

    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    private static func isLowerLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

/// A text that is not a valid ``Identifier``.
public struct IdentifierError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rejected text.
    public let value: String
    /// What is wrong with it, in English.
    public let problem: String
    /// What is wrong with it, in German. Kept as a text beside `problem`, not as a stored `Wording`: with a stored
    /// `Wording` (a type of the Primitives target) the typed throws of `BinaryReader.identifier` crashed on damaged
    /// bytes (BinaryStateCodecTests, debug build).
    let germanProblem: String

    /// What is wrong with it, in German and English.
    public var reason: Wording { Wording(de: germanProblem, en: problem) }

    /// The message in English.
    public var description: String { wording.en }

    /// The message in German and English.
    public var wording: Wording {
        Wording(de: "ungültige Kennung '\(value)': sie \(reason.de)", en: "invalid identifier '\(value)': it \(reason.en)")
    }
}

extension Identifier: CodingKeyRepresentable {
    public var codingKey: any CodingKey { IdentifierKey(stringValue: rawValue) }

    public init?<T: CodingKey>(codingKey: T) {
        guard Self.problem(with: codingKey.stringValue) == nil else { return nil }
        self.rawValue = codingKey.stringValue
    }

    private struct IdentifierKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension Identifier {
    /// An identifier known to be valid (for code that built it from valid parts).
    init(unchecked rawValue: String) {
        self.rawValue = rawValue
    }

    /// Orders identifiers the way people expect: `ziel-2` before `ziel-10`.
    public static func naturalOrder(_ lhs: Identifier, _ rhs: Identifier) -> Bool {
        naturalLess(lhs.rawValue, rhs.rawValue)
    }
}

/// Compares two strings treating runs of digits as numbers (`a2` < `a10`).
func naturalLess(_ lhs: String, _ rhs: String) -> Bool {
    var left = lhs.unicodeScalars.makeIterator(), right = rhs.unicodeScalars.makeIterator()
    var l = left.next(), r = right.next()
    while let a = l, let b = r {
        let aDigit = a.properties.numericType == .decimal && a.isASCII, bDigit = b.properties.numericType == .decimal && b.isASCII
        if aDigit && bDigit {
            var aNumber = "", bNumber = ""
            while let c = l, c.isASCII, c.properties.numericType == .decimal { aNumber.unicodeScalars.append(c); l = left.next() }
            while let c = r, c.isASCII, c.properties.numericType == .decimal { bNumber.unicodeScalars.append(c); r = right.next() }
            let aTrim = aNumber.drop { $0 == "0" }, bTrim = bNumber.drop { $0 == "0" }
            if aTrim.count != bTrim.count { return aTrim.count < bTrim.count }
            if aTrim != bTrim { return aTrim < bTrim }
            if aNumber.count != bNumber.count { return aNumber.count < bNumber.count }
            continue
        }
        if a != b { return a.value < b.value }
        l = left.next()
        r = right.next()
    }
    return l == nil && r != nil
}
