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
/// It is derived data, never part of the hash chain: a snapshot that does not decode is ignored and the state is
/// replayed from the log. Equal states encode to equal bytes (dictionaries and sets are written in sorted order).
/// Every field of every model type is written; `BinaryStateCodecTests` fails when a type gains a stored property
/// the `BinaryStateCodec+…` files do not know about.
///
/// - Complexity: Encoding is O(*n* log *n*) in the number of entities (for the sorting); decoding is O(*n*).
package enum BinaryStateCodec {
    /// The layout version written into every encoding; bump it when the layout changes.
    package static let layoutVersion: UInt8 = 8

    /// The field a ``BinaryDecodingError`` names when the bytes hold another layout version: state written by
    /// another build, not damage.
    package static let layoutVersionField = "layout version"

    /// The bytes of `state`.
    package static func encode(_ state: PlanState) -> [UInt8] {
        var writer = BinaryWriter(capacity: 4_096 + 64 * (state.goals.count + state.measures.count + state.observations.count))
        writer.byte(layoutVersion)
        state.write(to: &writer)
        return writer.bytes
    }

    /// The state in `bytes`, which must hold exactly one encoding.
    package static func decode(_ bytes: UnsafeRawBufferPointer) throws(BinaryDecodingError) -> PlanState {
        var reader = BinaryReader(bytes)
        let version = try reader.byte(layoutVersionField)
        guard version == layoutVersion else {
            throw BinaryDecodingError(offset: 0, field: layoutVersionField, problem: "is \(version), expected \(layoutVersion)")
        }
        let state = try PlanState(reading: &reader)
        guard reader.isAtEnd else { throw reader.error("state", "is followed by \(reader.remaining) unexpected bytes") }
        return state
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
