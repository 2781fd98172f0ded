// The snapshot codec's entry points (encode, decode, layout version) and the protocol its model types conform to.
//
// The layout of each model type is in BinaryStateCodec+<Area>.swift, by domain area as in Events/: Plan (the state,
// level names, vision), FieldsAndGoals, Measures, Monitoring (indicators, observations), Governance (bodies,
// resolutions, versions), Participation (formats, contributions, actors), Themes; the model primitives they are
// built of (identifiers, dates, quantities, names, dictionaries) in BinaryStateCodec+Primitives.swift.

/// The compact binary encoding of a ``PlanState``, for snapshots.
///
/// Snapshots exist to make reading a plan cheap, and decoding the canonical JSON of a large state through
/// `Codable` costs more than replaying many thousands of events: a state with 100,000 indicator observations took
/// about 200 ms. This layout is positional (no field names), reads strings straight from the stored bytes and
/// fills dictionaries with their final capacity, which makes decoding several times faster.
///
/// The plan's large tables (goals, measures, observations) are parts of their own with their byte counts up front, so
/// a caller may decode them on several cores at once (``decode(_:runner:)``).
///
/// It is derived data, never part of the hash chain: a snapshot that does not decode is ignored and the state is
/// replayed from the log. Equal states encode to equal bytes (dictionaries and sets are written in sorted order).
/// Every field of every model type is written; `BinaryStateCodecTests` fails when a type gains a stored property
/// the `BinaryStateCodec+…` files do not know about.
///
/// - Complexity: Encoding is O(*n* log *n*) in the number of entities (for the sorting); decoding is O(*n*).
package enum BinaryStateCodec {
    /// The layout version written into every encoding; bump it when the layout changes.
    package static let layoutVersion: UInt8 = 9

    /// The field a ``BinaryDecodingError`` names when the bytes hold another layout version: state written by
    /// another build, not damage.
    package static let layoutVersionField = "layout version"

    /// Runs `count` independent jobs — one after another, or at the same time on other threads — and returns their
    /// results in the order of the jobs' indices. The codec starts no threads itself: a caller that may use several
    /// cores passes a runner that does.
    package typealias Runner = (
        _ count: Int, _ job: @Sendable (Int) -> Result<PlanState.DecodedPart, BinaryDecodingError>
    ) -> [Result<PlanState.DecodedPart, BinaryDecodingError>]

    /// The bytes of `state`: the layout version, the number of parts and each part's byte count (varints), then the
    /// parts (``PlanState/Part``: everything else, the goals, the measures, the observations).
    package static func encode(_ state: PlanState) -> [UInt8] {
        let parts = PlanState.Part.allCases.map { part -> [UInt8] in
            let entries: Int
            switch part {
            case .rest: entries = state.fields.count + state.indicators.count + state.contributions.count
            case .goals: entries = state.goals.count
            case .measures: entries = state.measures.count
            case .observations: entries = state.observations.count
            }
            var writer = BinaryWriter(capacity: 1_024 + 64 * entries)
            state.write(part, to: &writer)
            return writer.bytes
        }
        var writer = BinaryWriter(capacity: 16 + parts.reduce(0) { $0 + $1.count })
        writer.byte(layoutVersion)
        writer.count(parts.count)
        for part in parts { writer.count(part.count) }
        for part in parts { writer.raw(part) }
        return writer.bytes
    }

    /// The state in `bytes`, which must hold exactly one encoding.
    ///
    /// The parts are decoded by `runner` (one after another without one). Each part must end exactly where its
    /// byte count says; an error names the offset in `bytes` and the field, and of several damaged parts the first.
    package static func decode(_ bytes: UnsafeRawBufferPointer, runner: Runner? = nil) throws(BinaryDecodingError) -> PlanState {
        var reader = BinaryReader(bytes)
        let version = try reader.byte(layoutVersionField)
        guard version == layoutVersion else {
            throw BinaryDecodingError(offset: 0, field: layoutVersionField, problem: "is \(version), expected \(layoutVersion)")
        }
        let kinds = PlanState.Part.allCases
        let partCount = try reader.count("parts")
        guard partCount == kinds.count else {
            throw BinaryDecodingError(offset: 1, field: "parts", problem: "are \(partCount), expected \(kinds.count)")
        }
        var lengths: [Int] = []
        for kind in kinds { lengths.append(try reader.count("parts.\(kind)")) }
        var ranges: [Range<Int>] = []
        var end = reader.offset
        for length in lengths {
            ranges.append(end..<(end + length))
            end += length
        }
        guard end == bytes.count else {
            throw reader.error("parts", "hold \(end - reader.offset) bytes, but \(reader.remaining) follow")
        }
        nonisolated(unsafe) let shared = bytes
        let partRanges = ranges
        let job: @Sendable (Int) -> Result<PlanState.DecodedPart, BinaryDecodingError> = { index in
            Result { () throws(BinaryDecodingError) -> PlanState.DecodedPart in
                let range = partRanges[index]
                // A reader that ends where the part ends, with offsets counted from the start of `bytes`.
                var part = BinaryReader(UnsafeRawBufferPointer(rebasing: shared[..<range.upperBound]), offset: range.lowerBound)
                let decoded = try PlanState.read(kinds[index], from: &part)
                guard part.isAtEnd else { throw part.error("parts.\(kinds[index])", "is followed by \(part.remaining) unexpected bytes") }
                return decoded
            }
        }
        let results = runner?(kinds.count, job) ?? (0..<kinds.count).map(job)
        precondition(results.count == kinds.count, "a BinaryStateCodec.Runner must return one result per job")
        var parts: [PlanState.DecodedPart] = []
        for result in results { parts.append(try result.get()) }
        return PlanState(assembling: parts)
    }

    /// The state in `bytes`.
    package static func decode(_ bytes: [UInt8]) throws(BinaryDecodingError) -> PlanState {
        let result = bytes.withUnsafeBytes { buffer in Result { () throws(BinaryDecodingError) in try decode(buffer) } }
        return try result.get()
    }
}

/// A model type that reads and writes itself in the layout of ``BinaryStateCodec``.
package protocol BinaryStorable {
    /// Appends the value's fields, in declaration order.
    func write(to writer: inout BinaryWriter)
    /// Reads the fields back, in the same order.
    init(reading reader: inout BinaryReader) throws(BinaryDecodingError)
}
