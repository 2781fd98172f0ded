// Writes and reads the model primitives of the snapshot layout: identifiers, dates, quantities, names, dictionaries.

import HashTreeCollections

extension BinaryWriter {
    package mutating func identifier(_ value: Identifier) { string(value.rawValue) }

    /// A date: the year, then the month with the precision in its high bits (so that a day encodes as it did
    /// before dates carried a precision), then the day.
    package mutating func date(_ value: CalendarDate) {
        int(value.year)
        let code: UInt8
        switch value.precision {
        case .day: code = 0
        case .month: code = 1
        case .year: code = 2
        case .season(let season): code = 3 + UInt8(Season.allCases.firstIndex(of: season)!)
        }
        byte(UInt8(value.month) | code << 4 | (value.isBefore ? 0x80 : 0))
        byte(UInt8(value.day))
    }

    package mutating func quantity(_ value: Quantity) { string(value.text) }

    package mutating func name<E: RawRepresentable<String>>(_ value: E) { string(value.rawValue) }

    package mutating func value(_ value: some BinaryStorable) { value.write(to: &self) }

    package mutating func identifiers(_ values: [Identifier]) { array(values) { $0.identifier($1) } }

    package mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    /// A dictionary by identifier, in the order of its keys.
    package mutating func entities<V: BinaryStorable>(_ values: [Identifier: V]) {
        dictionary(values, text: \.rawValue)
    }

    /// A persistent dictionary by identifier, in the order of its keys: the same bytes as the same entries in a
    /// `Dictionary`.
    ///
    /// The entries are visited once, in the tree's order: each value is written to a scratch buffer and its key kept,
    /// then a permutation of the indices is sorted by key and the values' bytes are copied out in that order. A
    /// snapshot of a large state (100,000 observations) spends its time here; looking every value up again by its
    /// key, or copying the values to sort them, cost as much as the sort. A value's bytes do not depend on where
    /// they are written, so the copy is the same bytes as writing the value in place.
    ///
    /// - Complexity: O(*n* log *n*) comparisons of keys, no lookups, and every value's bytes copied once more.
    package mutating func entities<V: BinaryStorable>(_ values: TreeDictionary<Identifier, V>) {
        count(values.count)
        var keys: [Identifier] = []
        var ends: [Int] = []
        keys.reserveCapacity(values.count)
        ends.reserveCapacity(values.count)
        var scratch = BinaryWriter(capacity: 64 * values.count)
        for (key, value) in values {
            keys.append(key)
            value.write(to: &scratch)
            ends.append(scratch.bytes.count)
        }
        var order = Array(keys.indices)
        keys.withUnsafeBufferPointer { keys in
            order.sort { keys[$0].rawValue < keys[$1].rawValue }
        }
        scratch.bytes.withUnsafeBufferPointer { written in
            for index in order {
                string(keys[index].rawValue)
                raw(UnsafeBufferPointer(rebasing: written[(index == 0 ? 0 : ends[index - 1])..<ends[index]]))
            }
        }
    }

    /// A dictionary whose keys are written as text, in the order of that text.
    package mutating func dictionary<K, V: BinaryStorable>(_ values: [K: V], text: (K) -> String) {
        count(values.count)
        // Sorting the keys alone and looking each value up is cheaper than sorting (key, value) pairs, which
        // moves every value around.
        for key in values.keys.sorted(by: { text($0) < text($1) }) {
            string(text(key))
            values[key].unsafelyUnwrapped.write(to: &self)
        }
    }
}

extension BinaryReader {
    package mutating func identifier(_ field: String) throws(BinaryDecodingError) -> Identifier {
        let start = offset
        // Valid identifiers are ASCII: checked on the bytes, they need no UTF-8 validation and no second pass.
        let bytes = try raw(try count(field), field)
        if Identifier.isValid(bytes) { return Identifier(validBytes: bytes) }
        guard let text = String(validUTF8: bytes) else {
            throw BinaryDecodingError(offset: start, field: field, problem: "is not valid UTF-8")
        }
        do throws(IdentifierError) {
            return try Identifier(text)
        } catch {
            throw BinaryDecodingError(offset: start, field: field, problem: "is not an identifier: \(error.problem)")
        }
    }

    package mutating func date(_ field: String) throws(BinaryDecodingError) -> CalendarDate {
        let start = offset
        let year = try int(field), packed = try byte(field), day = try byte(field)
        let month = Int(packed & 0x0F), code = Int(packed >> 4 & 0x07)
        guard let exact = CalendarDate(year: year, month: month, day: Int(day)) else {
            throw BinaryDecodingError(offset: start, field: field, problem: "is \(year)-\(month)-\(day), not a date")
        }
        let date: CalendarDate? = switch code {
        case 0: exact
        case 1: .month(month, of: year)
        case 2: .year(year)
        case 3...6: .season(Season.allCases[code - 3], of: year)
        default: nil
        }
        guard let date, date.firstDay == exact else {
            throw BinaryDecodingError(offset: start, field: field, problem: "holds precision \(code) for \(exact), not a date")
        }
        return packed & 0x80 != 0 ? date.before : date
    }

    package mutating func quantity(_ field: String) throws(BinaryDecodingError) -> Quantity {
        let start = offset
        let text = try string(field)
        guard let quantity = Quantity(normalized: text) else {
            throw BinaryDecodingError(offset: start, field: field, problem: "is '\(text)', not a normalised decimal number")
        }
        return quantity
    }

    package mutating func name<E: RawRepresentable<String> & CaseIterable>(_ field: String) throws(BinaryDecodingError) -> E {
        let start = offset
        let text = try string(field)
        guard let value = E(rawValue: text) else {
            let known = E.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw BinaryDecodingError(offset: start, field: field, problem: "is '\(text)', expected one of \(known)")
        }
        return value
    }

    package mutating func value<V: BinaryStorable>(_ type: V.Type = V.self) throws(BinaryDecodingError) -> V {
        try V(reading: &self)
    }

    package mutating func identifiers(_ field: String) throws(BinaryDecodingError) -> [Identifier] {
        try array(field) { (reader) throws(BinaryDecodingError) in try reader.identifier(field) }
    }

    package mutating func strings(_ field: String) throws(BinaryDecodingError) -> [String] {
        try array(field) { (reader) throws(BinaryDecodingError) in try reader.string(field) }
    }

    package mutating func entities<V: BinaryStorable>(_ field: String) throws(BinaryDecodingError) -> [Identifier: V] {
        try dictionary(field) { (reader) throws(BinaryDecodingError) in try reader.identifier(field) }
    }

    /// A persistent dictionary written by `BinaryWriter.entities(_:)`; a key that
    /// occurs twice is an error.
    package mutating func treeEntities<V: BinaryStorable>(_ field: String) throws(BinaryDecodingError) -> TreeDictionary<Identifier, V> {
        let count = try count(field)
        var values = TreeDictionary<Identifier, V>()
        for _ in 0..<count {
            let start = offset
            let key = try identifier(field)
            if values.updateValue(try V(reading: &self), forKey: key) != nil {
                throw BinaryDecodingError(offset: start, field: field, problem: "holds '\(key)' twice")
            }
        }
        return values
    }

    /// A dictionary written by ``BinaryWriter/dictionary(_:text:)``; a key that occurs twice is an error.
    package mutating func dictionary<K: Hashable & CustomStringConvertible, V: BinaryStorable>(
        _ field: String, key readKey: (inout BinaryReader) throws(BinaryDecodingError) -> K
    ) throws(BinaryDecodingError) -> [K: V] {
        let count = try count(field)
        var values: [K: V] = [:]
        values.reserveCapacity(count)
        for _ in 0..<count {
            let start = offset
            let key = try readKey(&self)
            if values.updateValue(try V(reading: &self), forKey: key) != nil {
                throw BinaryDecodingError(offset: start, field: field, problem: "holds '\(key)' twice")
            }
        }
        return values
    }
}
