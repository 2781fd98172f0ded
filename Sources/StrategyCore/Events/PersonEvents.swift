/// A person (a data subject) was registered: `person.registered`.
///
/// The contact details are not in the event: only their ciphertext, sealed with the person's own key (kept outside
/// the log) and bound to this event's id. The hash chain covers the ciphertext, so destroying the key erases the
/// person without touching the log.
public struct PersonRegistered: Hashable, Sendable, Codable {
    /// The person's opaque id.
    public var person: Identifier
    /// The algorithm the details are sealed with, for example `chachapoly`.
    public var cipher: String
    /// The sealed contact details, base64 (nonce, ciphertext and tag).
    public var sealed: String

    /// Creates the payload.
    public init(person: Identifier, cipher: String, sealed: String) {
        self.person = person
        self.cipher = cipher
        self.sealed = sealed
    }
}

/// A person was erased: `person.forgotten`. It names no personal data — the person id, the request it answers;
/// who erased and why are in the event's context.
public struct PersonForgotten: Hashable, Sendable, Codable {
    /// The person's opaque id.
    public var person: Identifier
    /// The erasure request it answers, for example a file number ("DS-2026-014").
    public var request: String?

    /// Creates the payload.
    public init(person: Identifier, request: String? = nil) {
        self.person = person
        self.request = request
    }
}

/// The events of the store's register of persons (stream `persons`).
public enum PersonEvent: Hashable, Sendable {
    /// `person.registered`: see ``PersonRegistered``.
    case registered(PersonRegistered)
    /// `person.forgotten`: see ``PersonForgotten``.
    case forgotten(PersonForgotten)

    /// The stable type name.
    public var typeName: String {
        switch self {
        case .registered: "person.registered"
        case .forgotten: "person.forgotten"
        }
    }

    /// The person the event is about.
    public var person: Identifier {
        switch self {
        case let .registered(e): e.person
        case let .forgotten(e): e.person
        }
    }
}

extension PersonEvent {
    /// The payload bytes: canonical JSON of `{"context": …, "data": …}` (encoding tag `canonical-json/1`; plan events
    /// are stored in binary, person events stay JSON — few, and erased by shredding, never replayed in bulk).
    public func encoded(context: EventContext) -> [UInt8] {
        let data: JSONValue
        do {
            switch self {
            case let .registered(e): data = try CanonicalJSON.tree(of: e)
            case let .forgotten(e): data = try CanonicalJSON.tree(of: e)
            }
            return CanonicalJSON.serialize(.object(["context": try CanonicalJSON.tree(of: context), "data": data]))
        } catch {
            preconditionFailure("person events always encode: \(error)")
        }
    }

    /// Decodes a stored person event and its context.
    public static func decode(type: String, payload: [UInt8]) throws(EventDecodingError) -> (event: PersonEvent, context: EventContext) {
        do {
            let decoder = CanonicalJSONDecoder()
            let context = try decoder.decode(EventContext.self, member: "context", from: payload)
            switch type {
            case "person.registered": return (.registered(try decoder.decode(PersonRegistered.self, member: "data", from: payload)), context)
            case "person.forgotten": return (.forgotten(try decoder.decode(PersonForgotten.self, member: "data", from: payload)), context)
            default: throw EventDecodingError.unknownType(type)
            }
        } catch let error as EventDecodingError {
            throw error
        } catch {
            throw .malformed(type: type, schemaVersion: 1, detail: "\(error)")
        }
    }
}
