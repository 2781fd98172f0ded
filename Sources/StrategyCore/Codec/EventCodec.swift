
/// Encodes plan events to bytes for the log, and decodes them back — upcasting old schema versions on the way.
///
/// Two payload encodings exist, and every stored event names its own with an encoding tag, so a store may hold
/// both and the log is never rewritten:
///
/// - ``Encoding/binary`` (`binary/1`), what the engine stores: the context's byte count, the context, then the
///   payload's fields in declaration order, with no names (the layout of `BinaryWriter`; one file per domain area,
///   `BinaryEventCodec+<Area>.swift`). Replaying a log decodes mostly this, and hand-written positional decoding is
///   several times faster than JSON through `Codable`.
/// - ``Encoding/canonicalJSON`` (`canonical-json/1`), what stores recorded before binary payloads existed, and what
///   auditors read: ``canonicalJSON(of:)`` gives it for any event, whichever way it was stored
///   (`strategyctl log --format json` shows it as `payload`).
///
/// Both are canonical: the same event always gives the same bytes. An event stored under an older schema version
/// is rewritten by the registered ``Upcaster``s, one version at a time, before decoding (binary payloads are always
/// written at their type's current schema version; when a type's schema changes, the reader of its old binary
/// layout goes next to the upcasters).
public enum EventCodec {
    /// The payload encodings this codec writes and reads, by the tag stored with each event.
    public enum Encoding: String, CaseIterable, Sendable {
        /// Positional binary: `binary/1`. What the engine stores.
        case binary = "binary/1"
        /// Canonical JSON of `{"context": …, "data": …}`: `canonical-json/1`.
        case canonicalJSON = "canonical-json/1"
    }

    /// The encoding tag the engine stores with every new event: ``Encoding/binary``.
    public static let encoding = Encoding.binary.rawValue

    /// An encoded event: what goes into the store.
    public struct Encoded: Hashable, Sendable {
        /// The stable type name.
        public let typeName: String
        /// The payload's schema version.
        public let schemaVersion: UInt32
        /// The encoding tag.
        public let encoding: String
        /// The payload bytes.
        public let payload: [UInt8]
    }

    /// Encodes an event with its context, in binary unless another encoding is asked for.
    public static func encode(_ envelope: PlanEventEnvelope, as encoding: Encoding = .binary) -> Encoded {
        let payload: [UInt8]
        switch encoding {
        case .binary:
            var context = BinaryWriter(capacity: 64)
            envelope.context.write(to: &context)
            var writer = BinaryWriter(capacity: 128 + context.bytes.count)
            writer.count(context.bytes.count)
            writer.raw(context.bytes)
            envelope.event.writePayload(to: &writer)
            payload = writer.bytes
        case .canonicalJSON:
            payload = canonicalJSON(of: envelope)
        }
        return Encoded(
            typeName: envelope.event.typeName, schemaVersion: envelope.event.schemaVersion, encoding: encoding.rawValue,
            payload: payload)
    }

    /// The canonical JSON of an event and its context, `{"context": …, "data": …}` with sorted keys and no
    /// insignificant whitespace: the form an auditor reads, whichever encoding the store holds.
    public static func canonicalJSON(of envelope: PlanEventEnvelope) -> [UInt8] {
        CanonicalJSON.serialize(canonicalTree(of: envelope))
    }

    /// The tree of ``canonicalJSON(of:)``, for embedding the event in a larger JSON document.
    public static func canonicalTree(of envelope: PlanEventEnvelope) -> JSONValue {
        do {
            return .object([
                "context": try CanonicalJSON.tree(of: envelope.context),
                "data": try CanonicalJSON.tree(of: AnyEncodablePayload(envelope.event)),
            ])
        } catch {
            // Every payload type is made of strings, integers, booleans and containers; nothing can fail.
            preconditionFailure("plan events always encode: \(error)")
        }
    }

    /// Decodes a stored event, upcasting it first if it has an older schema version.
    ///
    /// - Throws: ``EventDecodingError`` for an unknown type or encoding, a schema version newer than this library
    ///   knows, or a payload that does not decode.
    public static func decode(type: String, schemaVersion: UInt32, encoding: String, payload: [UInt8]) throws(EventDecodingError) -> PlanEventEnvelope {
        let (kind, format) = try check(type: type, schemaVersion: schemaVersion, encoding: encoding)
        switch format {
        case .binary:
            let result = payload.withUnsafeBytes { bytes in
                Result { () throws(BinaryDecodingError) in try decodeBinaryEnvelope(kind, bytes) }
            }
            do throws(BinaryDecodingError) {
                return try result.get()
            } catch {
                throw .malformed(type: type, schemaVersion: schemaVersion, detail: error.description)
            }
        case .canonicalJSON:
            guard let decodeData = decoders[type] else { throw .unknownType(type) }
            let bytes = try upcast(type: type, from: schemaVersion, to: kind.schemaVersion, payload: payload)
            do {
                let decoder = CanonicalJSONDecoder()
                let context = try decoder.decode(EventContext.self, member: "context", from: bytes)
                return PlanEventEnvelope(try bytes.withUnsafeBytes { try decodeData($0) }, context: context)
            } catch {
                throw .malformed(type: type, schemaVersion: schemaVersion, detail: describe(error))
            }
        }
    }

    /// Decodes only the event of a stored payload, not its context: what replaying into a read model needs.
    public static func decodeEvent(type: String, schemaVersion: UInt32, encoding: String, payload: [UInt8]) throws(EventDecodingError) -> PlanEvent {
        let result: Result<PlanEvent, EventDecodingError> = payload.withUnsafeBytes { buffer in
            do throws(EventDecodingError) {
                return .success(try decodeEvent(type: type, schemaVersion: schemaVersion, encoding: encoding, payload: buffer))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Decodes only the event of a payload in place (for example in a database's memory), without copying it.
    public static func decodeEvent(type: String, schemaVersion: UInt32, encoding: String, payload: UnsafeRawBufferPointer) throws(EventDecodingError) -> PlanEvent {
        let (kind, format) = try check(type: type, schemaVersion: schemaVersion, encoding: encoding)
        switch format {
        case .binary:
            do throws(BinaryDecodingError) {
                return try decodeBinaryEvent(kind, payload)
            } catch {
                throw .malformed(type: type, schemaVersion: schemaVersion, detail: error.description)
            }
        case .canonicalJSON:
            guard let decodeData = decoders[type] else { throw .unknownType(type) }
            do {
                if schemaVersion < kind.schemaVersion {
                    let bytes = try upcast(type: type, from: schemaVersion, to: kind.schemaVersion, payload: Array(payload))
                    return try bytes.withUnsafeBytes { try decodeData($0) }
                }
                return try decodeData(payload)
            } catch let error as EventDecodingError {
                throw error
            } catch {
                throw .malformed(type: type, schemaVersion: schemaVersion, detail: describe(error))
            }
        }
    }

    /// The event kind and encoding of a stored event, or why it cannot be decoded.
    private static func check(type: String, schemaVersion: UInt32, encoding: String) throws(EventDecodingError) -> (PlanEvent.Kind, Encoding) {
        guard let format = Encoding(rawValue: encoding) else { throw .unknownEncoding(type: type, encoding: encoding) }
        guard let kind = kinds[type] else { throw .unknownType(type) }
        if schemaVersion > kind.schemaVersion { throw .newerSchema(type: type, found: schemaVersion, supported: kind.schemaVersion) }
        if schemaVersion == 0 { throw .malformed(type: type, schemaVersion: schemaVersion, detail: "schema version 0 does not exist") }
        if format == .binary && schemaVersion != kind.schemaVersion {
            throw .malformed(type: type, schemaVersion: schemaVersion, detail: "binary payloads exist only at schema version \(kind.schemaVersion)")
        }
        return (kind, format)
    }

    /// A binary payload with its context: the context's byte count, the context, then the event; nothing may follow.
    private static func decodeBinaryEnvelope(_ kind: PlanEvent.Kind, _ bytes: UnsafeRawBufferPointer) throws(BinaryDecodingError) -> PlanEventEnvelope {
        var reader = BinaryReader(bytes)
        let contextBytes = try reader.count("context")
        let contextStart = reader.offset
        let context = try EventContext(reading: &reader)
        guard reader.offset - contextStart == contextBytes else {
            throw BinaryDecodingError(offset: contextStart, field: "context", problem: "takes \(reader.offset - contextStart) bytes, its count says \(contextBytes)")
        }
        return PlanEventEnvelope(try readEvent(kind, &reader), context: context)
    }

    /// Only the event of a binary payload: the context is skipped by its byte count, unread.
    private static func decodeBinaryEvent(_ kind: PlanEvent.Kind, _ bytes: UnsafeRawBufferPointer) throws(BinaryDecodingError) -> PlanEvent {
        var reader = BinaryReader(bytes)
        _ = try reader.raw(try reader.count("context"), "context")
        return try readEvent(kind, &reader)
    }

    /// The event at the reader's offset, which must be the last thing in the payload.
    private static func readEvent(_ kind: PlanEvent.Kind, _ reader: inout BinaryReader) throws(BinaryDecodingError) -> PlanEvent {
        let event = try PlanEvent.readPayload(kind, from: &reader)
        guard reader.isAtEnd else { throw reader.error(kind.rawValue, "is followed by \(reader.remaining) unexpected bytes") }
        return event
    }

    /// The kinds by their stored type names.
    private static let kinds: [String: PlanEvent.Kind] = Dictionary(uniqueKeysWithValues: PlanEvent.Kind.allCases.map { ($0.rawValue, $0) })

    /// The payload rewritten to the current schema version by the registered upcasters (unchanged when current).
    private static func upcast(type: String, from schemaVersion: UInt32, to current: UInt32, payload: [UInt8]) throws(EventDecodingError) -> [UInt8] {
        if schemaVersion == current { return payload }
        var tree: JSONValue
        do { tree = try CanonicalJSON.parse(payload) } catch {
            throw .malformed(type: type, schemaVersion: schemaVersion, detail: error.description)
        }
        for version in schemaVersion..<current {
            guard let upcaster = Upcaster.registered.first(where: { $0.type == type && $0.from == version }) else {
                throw .malformed(type: type, schemaVersion: schemaVersion, detail: "no upcaster from version \(version)")
            }
            do { tree = try upcaster.transform(tree) } catch {
                throw .malformed(type: type, schemaVersion: schemaVersion, detail: "upcasting from version \(version): \(error)")
            }
        }
        guard case let .object(members) = tree, members["context"] != nil, members["data"] != nil else {
            throw .malformed(type: type, schemaVersion: schemaVersion, detail: "the payload needs the members 'context' and 'data'")
        }
        return CanonicalJSON.serialize(tree)
    }

    private static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch decodingError {
        case let .keyNotFound(key, context): return "\(path(context)).\(key.stringValue) is missing"
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return String(describing: error)
        }
    }

    private static func decoder<Payload: Decodable & Sendable>(_ make: @escaping @Sendable (Payload) -> PlanEvent) -> @Sendable (UnsafeRawBufferPointer) throws -> PlanEvent {
        { bytes in make(try CanonicalJSONDecoder().decode(Payload.self, member: "data", from: bytes)) }
    }

    private static let decoders: [String: @Sendable (UnsafeRawBufferPointer) throws -> PlanEvent] = [
        "plan.created": decoder(PlanEvent.planCreated), "plan.revised": decoder(PlanEvent.planRevised),
        "draft.named": decoder(PlanEvent.draftNamed),
        "vision.section.written": decoder(PlanEvent.visionSectionWritten),
        "vision.section.revised": decoder(PlanEvent.visionSectionRevised),
        "vision.section.removed": decoder(PlanEvent.visionSectionRemoved),
        "vision.sections.reordered": decoder(PlanEvent.visionSectionsReordered),
        "vision.principles.set": decoder(PlanEvent.principlesSet), "vision.motto.set": decoder(PlanEvent.mottoSet),
        "field.proposed": decoder(PlanEvent.fieldProposed), "field.revised": decoder(PlanEvent.fieldRevised),
        "field.activated": decoder(PlanEvent.fieldActivated), "field.merged": decoder(PlanEvent.fieldMerged),
        "field.split": decoder(PlanEvent.fieldSplit), "field.retired": decoder(PlanEvent.fieldRetired),
        "goal.formulated": decoder(PlanEvent.goalFormulated), "goal.revised": decoder(PlanEvent.goalRevised),
        "goal.moved": decoder(PlanEvent.goalMoved), "goal.status.changed": decoder(PlanEvent.goalStatusChanged),
        "measure.planned": decoder(PlanEvent.measurePlanned), "measure.revised": decoder(PlanEvent.measureRevised),
        "measure.relinked": decoder(PlanEvent.measureRelinked),
        "measure.status.changed": decoder(PlanEvent.measureStatusChanged),
        "measure.health.assessed": decoder(PlanEvent.measureHealthAssessed),
        "measure.progress.reported": decoder(PlanEvent.measureProgressReported),
        "measure.milestone.reached": decoder(PlanEvent.milestoneReached),
        "indicator.defined": decoder(PlanEvent.indicatorDefined), "indicator.revised": decoder(PlanEvent.indicatorRevised),
        "indicator.retired": decoder(PlanEvent.indicatorRetired),
        "observation.recorded": decoder(PlanEvent.observationRecorded),
        "observation.corrected": decoder(PlanEvent.observationCorrected),
        "body.established": decoder(PlanEvent.bodyEstablished), "body.revised": decoder(PlanEvent.bodyRevised),
        "body.dissolved": decoder(PlanEvent.bodyDissolved), "resolution.recorded": decoder(PlanEvent.resolutionRecorded),
        "version.adopted": decoder(PlanEvent.versionAdopted),
        "participation.held": decoder(PlanEvent.participationHeld),
        "participation.revised": decoder(PlanEvent.participationRevised),
        "contribution.received": decoder(PlanEvent.contributionReceived),
        "contribution.disposed": decoder(PlanEvent.contributionDisposed),
        "actor.registered": decoder(PlanEvent.actorRegistered), "actor.revised": decoder(PlanEvent.actorRevised),
        "actor.removed": decoder(PlanEvent.actorRemoved),
        "plan.withdrawn": decoder(PlanEvent.planWithdrawn),
        "resolution.corrected": decoder(PlanEvent.resolutionCorrected),
        "theme.defined": decoder(PlanEvent.themeDefined), "theme.revised": decoder(PlanEvent.themeRevised),
        "theme.removed": decoder(PlanEvent.themeRemoved),
        "resolution.deliberated": decoder(PlanEvent.resolutionDeliberated),
        "plan.reordered": decoder(PlanEvent.planReordered),
        "contacts.assigned": decoder(PlanEvent.contactsAssigned),
    ]
}

/// A stored event that cannot be turned back into a ``PlanEvent``.
public enum EventDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The type name is not one this library knows.
    case unknownType(String)
    /// The payload encoding is not one this library reads.
    case unknownEncoding(type: String, encoding: String)
    /// The event was written by a newer library.
    case newerSchema(type: String, found: UInt32, supported: UInt32)
    /// The payload does not match its type and schema version.
    case malformed(type: String, schemaVersion: UInt32, detail: String)

    /// The message in English.
    public var description: String { wording.en }

    /// The message in German and English; a malformed payload's detail is the decoder's own (a field path and
    /// what it found there).
    public var wording: Wording {
        switch self {
        case let .unknownType(type): return Wording(de: "unbekannter Ereignistyp '\(type)'", en: "unknown event type '\(type)'")
        case let .unknownEncoding(type, encoding):
            return Wording(de: "das Ereignis '\(type)' hat die unbekannte Kodierung '\(encoding)'",
                           en: "event '\(type)' has the unknown payload encoding '\(encoding)'")
        case let .newerSchema(type, found, supported):
            return Wording(de: "das Ereignis '\(type)' hat die Schemaversion \(found); diese Bibliothek liest bis \(supported): ein neueres strategyctl verwenden",
                           en: "event '\(type)' has schema version \(found); this library reads up to \(supported): use a newer strategyctl")
        case let .malformed(type, version, detail):
            return Wording(de: "das Ereignis '\(type)' (Schemaversion \(version)) ist fehlerhaft: \(detail)",
                           en: "event '\(type)' (schema version \(version)) is malformed: \(detail)")
        }
    }
}

/// The payload of an event, as an `Encodable`.
private struct AnyEncodablePayload: Encodable {
    let event: PlanEvent
    init(_ event: PlanEvent) { self.event = event }

    func encode(to encoder: any Encoder) throws {
        switch event {
        case let .planCreated(p): try p.encode(to: encoder)
        case let .planRevised(p): try p.encode(to: encoder)
        case let .draftNamed(p): try p.encode(to: encoder)
        case let .visionSectionWritten(p): try p.encode(to: encoder)
        case let .visionSectionRevised(p): try p.encode(to: encoder)
        case let .visionSectionRemoved(p): try p.encode(to: encoder)
        case let .visionSectionsReordered(p): try p.encode(to: encoder)
        case let .principlesSet(p): try p.encode(to: encoder)
        case let .mottoSet(p): try p.encode(to: encoder)
        case let .fieldProposed(p): try p.encode(to: encoder)
        case let .fieldRevised(p): try p.encode(to: encoder)
        case let .fieldActivated(p): try p.encode(to: encoder)
        case let .fieldMerged(p): try p.encode(to: encoder)
        case let .fieldSplit(p): try p.encode(to: encoder)
        case let .fieldRetired(p): try p.encode(to: encoder)
        case let .goalFormulated(p): try p.encode(to: encoder)
        case let .goalRevised(p): try p.encode(to: encoder)
        case let .goalMoved(p): try p.encode(to: encoder)
        case let .goalStatusChanged(p): try p.encode(to: encoder)
        case let .measurePlanned(p): try p.encode(to: encoder)
        case let .measureRevised(p): try p.encode(to: encoder)
        case let .measureRelinked(p): try p.encode(to: encoder)
        case let .measureStatusChanged(p): try p.encode(to: encoder)
        case let .measureHealthAssessed(p): try p.encode(to: encoder)
        case let .measureProgressReported(p): try p.encode(to: encoder)
        case let .milestoneReached(p): try p.encode(to: encoder)
        case let .indicatorDefined(p): try p.encode(to: encoder)
        case let .indicatorRevised(p): try p.encode(to: encoder)
        case let .indicatorRetired(p): try p.encode(to: encoder)
        case let .observationRecorded(p): try p.encode(to: encoder)
        case let .observationCorrected(p): try p.encode(to: encoder)
        case let .bodyEstablished(p): try p.encode(to: encoder)
        case let .bodyRevised(p): try p.encode(to: encoder)
        case let .bodyDissolved(p): try p.encode(to: encoder)
        case let .resolutionRecorded(p): try p.encode(to: encoder)
        case let .versionAdopted(p): try p.encode(to: encoder)
        case let .participationHeld(p): try p.encode(to: encoder)
        case let .participationRevised(p): try p.encode(to: encoder)
        case let .contributionReceived(p): try p.encode(to: encoder)
        case let .contributionDisposed(p): try p.encode(to: encoder)
        case let .actorRegistered(p): try p.encode(to: encoder)
        case let .actorRevised(p): try p.encode(to: encoder)
        case let .actorRemoved(p): try p.encode(to: encoder)
        case let .planWithdrawn(p): try p.encode(to: encoder)
        case let .resolutionCorrected(p): try p.encode(to: encoder)
        case let .themeDefined(p): try p.encode(to: encoder)
        case let .themeRevised(p): try p.encode(to: encoder)
        case let .themeRemoved(p): try p.encode(to: encoder)
        case let .resolutionDeliberated(p): try p.encode(to: encoder)
        case let .planReordered(p): try p.encode(to: encoder)
        case let .contactsAssigned(p): try p.encode(to: encoder)
        }
    }
}
