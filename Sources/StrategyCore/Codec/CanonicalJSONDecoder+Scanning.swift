// Reads JSON bytes for `CanonicalJSONDecoder` without building a tree: the input, a scanner that skips values and
// parses escaped strings, and an object's table of member ranges.

/// The bytes being decoded. Valid only during one `decode` call.
struct JSONInput {
    let bytes: UnsafeBufferPointer<UInt8>
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    static func corrupt(_ path: [any CodingKey], _ message: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: path, debugDescription: message))
    }

    /// The range with surrounding whitespace removed.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    func isNull(_ range: Range<Int>) -> Bool {
        let r = trimmed(range)
        return r.count == 4 && bytes[r.lowerBound] == UInt8(ascii: "n")
    }

    /// The bytes between the quotes of a string value, or nil when the value is not a string.
    private func stringContent(_ range: Range<Int>) -> UnsafeRawBufferPointer? {
        let r = trimmed(range)
        guard r.count >= 2, bytes[r.lowerBound] == UInt8(ascii: "\""), bytes[r.upperBound - 1] == UInt8(ascii: "\"") else { return nil }
        return UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[(r.lowerBound + 1)..<(r.upperBound - 1)]))
    }

    /// The bytes between the quotes of a string value without escapes, or nil for anything else.
    func plainStringBytes(_ range: Range<Int>) -> UnsafeRawBufferPointer? {
        guard let content = stringContent(range), !content.contains(UInt8(ascii: "\\")) else { return nil }
        return content
    }

    func string(_ range: Range<Int>, _ path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard let content = stringContent(range) else { throw Self.corrupt(path(), "expected a string") }
        if !content.contains(UInt8(ascii: "\\")) {
            guard let text = String(validUTF8: content) else { throw Self.corrupt(path(), "invalid UTF-8 in a string") }
            return text
        }
        var scanner = JSONScanner(input: self, index: trimmed(range).lowerBound)
        return try scanner.parseString(path())
    }

    func integer(_ range: Range<Int>, _ path: @autoclosure () -> [any CodingKey]) throws -> Int64 {
        let r = trimmed(range)
        guard !r.isEmpty else { throw Self.corrupt(path(), "expected a number") }
        var index = r.lowerBound
        var negative = false
        if bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        guard index < r.upperBound else { throw Self.corrupt(path(), "expected a number") }
        var value: Int64 = 0
        while index < r.upperBound {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw Self.corrupt(path(), "expected an integer") }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw Self.corrupt(path(), "number out of range") }
            value = sum
            index += 1
        }
        return negative ? -value : value
    }

    func bool(_ range: Range<Int>, _ path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        let r = trimmed(range)
        if r.count == 4 && bytes[r.lowerBound] == UInt8(ascii: "t") { return true }
        if r.count == 5 && bytes[r.lowerBound] == UInt8(ascii: "f") { return false }
        throw Self.corrupt(path(), "expected true or false")
    }
}

/// Walks JSON bytes: skips values, parses escaped strings.
struct JSONScanner {
    let input: JSONInput
    var index: Int

    var bytes: UnsafeBufferPointer<UInt8> { input.bytes }

    mutating func skipSpace() {
        while index < bytes.count, input.isSpace(bytes[index]) { index += 1 }
    }

    mutating func skipValue(depth: Int) throws {
        guard depth < 256 else { throw JSONInput.corrupt([], "nested too deeply") }
        skipSpace()
        guard index < bytes.count else { throw JSONInput.corrupt([], "unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = bytes[index] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            let isObject = close == UInt8(ascii: "}")
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == close { index += 1; return }
            while true {
                if isObject {
                    try skipString()
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw JSONInput.corrupt([], "expected ':' at \(index)") }
                    index += 1
                }
                try skipValue(depth: depth + 1)
                skipSpace()
                guard index < bytes.count else { throw JSONInput.corrupt([], "unexpected end") }
                if bytes[index] == close { index += 1; return }
                guard bytes[index] == UInt8(ascii: ",") else { throw JSONInput.corrupt([], "expected ',' at \(index)") }
                index += 1
                skipSpace()
            }
        case UInt8(ascii: "\""):
            try skipString()
        default:
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || input.isSpace(byte) { break }
                index += 1
            }
            if index == start { throw JSONInput.corrupt([], "expected a value at \(start)") }
        }
    }

    mutating func skipString() throws {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw JSONInput.corrupt([], "expected a string at \(index)") }
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") { index += 2; continue }
            index += 1
            if byte == UInt8(ascii: "\"") { return }
        }
        throw JSONInput.corrupt([], "unterminated string")
    }

    /// Parses a string with escapes (the slow path).
    mutating func parseString(_ path: [any CodingKey]) throws -> String {
        let start = index
        try skipString()
        let bytes = Array(input.bytes[start..<index])
        do {
            guard case let .string(text) = try CanonicalJSON.parse(bytes) else { throw JSONInput.corrupt(path, "expected a string") }
            return text
        } catch let error as JSONParseError {
            throw JSONInput.corrupt(path, error.description)
        }
    }
}

/// The members of one object: key and value ranges, in order.
///
/// Lookups start where the last one ended, so reading members in order (as synthesized `Decodable` code and
/// dictionaries do) costs one comparison each, even for objects with thousands of members.
final class JSONObject {
    let input: JSONInput
    private var entries: ContiguousArray<(key: Range<Int>, value: Range<Int>)> = []
    private var hint = 0

    var count: Int { entries.count }

    init(input: JSONInput, range: Range<Int>, codingPath: [any CodingKey]) throws {
        self.input = input
        let r = input.trimmed(range)
        guard r.count >= 2, input.bytes[r.lowerBound] == UInt8(ascii: "{") else { throw JSONInput.corrupt(codingPath, "expected an object") }
        var scanner = JSONScanner(input: input, index: r.lowerBound + 1)
        scanner.skipSpace()
        if scanner.index < r.upperBound, input.bytes[scanner.index] == UInt8(ascii: "}") { return }
        while true {
            scanner.skipSpace()
            let keyStart = scanner.index
            try scanner.skipString()
            let key = (keyStart + 1)..<(scanner.index - 1)
            scanner.skipSpace()
            guard scanner.index < r.upperBound, input.bytes[scanner.index] == UInt8(ascii: ":") else { throw JSONInput.corrupt(codingPath, "expected ':'") }
            scanner.index += 1
            let valueStart = scanner.index
            try scanner.skipValue(depth: codingPath.count)
            entries.append((key, valueStart..<scanner.index))
            scanner.skipSpace()
            guard scanner.index < r.upperBound else { throw JSONInput.corrupt(codingPath, "unterminated object") }
            if input.bytes[scanner.index] == UInt8(ascii: "}") { return }
            guard input.bytes[scanner.index] == UInt8(ascii: ",") else { throw JSONInput.corrupt(codingPath, "expected ','") }
            scanner.index += 1
        }
    }

    /// The value range of `key` (keys are compared byte for byte; this library's keys have no escapes).
    func value(for key: String) -> Range<Int>? {
        var key = key
        return key.withUTF8 { wanted in
            let count = entries.count
            guard count > 0 else { return nil }
            for step in 0..<count {
                let index = (hint + step) % count
                let range = entries[index].key
                guard range.count == wanted.count else { continue }
                var equal = true
                for offset in 0..<wanted.count where input.bytes[range.lowerBound + offset] != wanted[offset] {
                    equal = false
                    break
                }
                if equal {
                    hint = index + 1
                    return entries[index].value
                }
            }
            return nil
        }
    }

    func keyString(_ index: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: input.bytes[entries[index].key]), as: UTF8.self)
    }
}
