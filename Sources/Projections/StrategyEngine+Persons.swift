internal import Crypto
import EventStore
public import Foundation
public import StrategyCore

/// The register of persons (data subjects), with crypto-shredding.
///
/// A person's contact details are sealed with the person's own key (ChaChaPoly, 256 bits, the event's id and the
/// person id bound in as associated data) before the event is appended, so the hash chain covers only ciphertext.
/// The keys live in `EventStore/subjectKeys`, outside the log. ``forgetPerson(_:request:context:)`` records a
/// `person.forgotten` event that names no personal data and then destroys the key: the details become unreadable,
/// the log is unchanged and keeps verifying. Decrypted details are only ever held in memory; no snapshot, index or
/// read model stores them.
extension StrategyEngine {
    /// The stream of the register of persons.
    static let personStream = "persons"

    /// The cipher of `PersonRegistered/cipher`.
    static let personCipher = "chachapoly"

    /// Registers a person and returns the new person id (`p-` and 12 hex digits).
    ///
    /// The key is created first; a crash before the event is appended leaves an unused key and no person.
    public func addPerson(_ details: ContactDetails, context: EventContext) async throws(EngineError) -> Identifier {
        do throws(DomainError) { try details.validate() } catch { throw .rule(error) }
        try checkContext(context)
        if let login = details.login, let other = try person(forLogin: login) {
            throw .rule(.invalidValue(field: "person.login", reason: Wording(de: "der Login '\(login)' ist schon für \(other) erfasst", en: "login '\(login)' is already registered for \(other)")))
        }
        let existing = Set(try personRecords().map(\.person))
        var id: Identifier
        repeat {
            var generator = SystemRandomNumberGenerator()
            let digits = (0..<6).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
            id = try! Identifier("p-" + digits)
        } while existing.contains(id)
        let key: [UInt8]
        do { key = try store.subjectKeys.createKey(for: id.rawValue) } catch { throw .store(error) }
        let eventID = UUID.timeOrdered()
        let plaintext: [UInt8]
        do { plaintext = try CanonicalJSON.encode(details) } catch { throw .rule(.invalidValue(field: "person", reason: Wording(de: "kann nicht kodiert werden: \(error)", en: "cannot be encoded: \(error)"))) }
        let sealed: Data
        do {
            sealed = try ChaChaPoly.seal(plaintext, using: SymmetricKey(data: key), authenticating: Self.associatedData(id, eventID)).combined
        } catch {
            throw .rule(.invalidValue(field: "person", reason: Wording(de: "kann nicht verschlüsselt werden: \(error)", en: "cannot be sealed: \(error)")))
        }
        let event = PersonEvent.registered(PersonRegistered(person: id, cipher: Self.personCipher, sealed: sealed.base64EncodedString()))
        try await appendPersonEvent(event, id: eventID, context: context)
        return id
    }

    /// Erases a person: records `person.forgotten` (who, when, why — in `context` —, under which `request`), then
    /// destroys the person's key. Returns false when the person was erased before (a key left by an erasure cut
    /// short is destroyed then).
    @discardableResult
    public func forgetPerson(_ id: Identifier, request: String?, context: EventContext) async throws(EngineError) -> Bool {
        try checkContext(context)
        guard !(context.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .rule(.reasonRequired(kind: .actor, id: id.rawValue, action: Wording(de: "das Löschen einer Person", en: "erasing a person")))
        }
        if let request {
            do throws(DomainError) { try Plan.checkContext(EventContext(resolution: request)) } catch {
                throw .rule(.invalidValue(field: "person.forgotten.request", reason: Wording(de: "muss ein Aktenzeichen ohne personenbezogene Daten sein: \(error.text(in: .de))", en: "must be a file number without personal data: \(error)")))
            }
        }
        let records = try personRecords()
        guard records.contains(where: { $0.person == id }) else { throw .noSuchPoint(Wording(de: "der Speicher hat keine Person '\(id)'", en: "the store has no person '\(id)'")) }
        let already = records.contains { if case .forgotten = $0.event { $0.person == id } else { false } }
        if !already {
            try await appendPersonEvent(.forgotten(PersonForgotten(person: id, request: request)), id: .timeOrdered(), context: context)
        }
        do { try store.subjectKeys.destroyKey(for: id.rawValue) } catch { throw .store(error) }
        return !already
    }

    /// Every registered person, in the order registered: their details while their key exists, "gelöscht" after.
    ///
    /// - Throws: ``EngineError/derivedDataMismatch(_:)`` when a person's sealed details do not open with their key
    ///   (a key file or a record altered): never shown as someone else's, nor as erased.
    public func persons() throws(EngineError) -> [Person] {
        try persons(only: nil)
    }

    /// One person (only their own details are opened).
    public func person(_ id: Identifier) throws(EngineError) -> Person {
        guard let person = try persons(only: id).first else { throw .noSuchPoint(Wording(de: "der Speicher hat keine Person '\(id)'", en: "the store has no person '\(id)'")) }
        return person
    }

    private func persons(only wanted: Identifier?) throws(EngineError) -> [Person] {
        let records = try personRecords()
        var erasures: [Identifier: PersonForgotten] = [:]
        for record in records { if case let .forgotten(e) = record.event { erasures[e.person] = e } }
        // The key file is read once for all persons; a user without access to it sees the persons, not their details.
        let keys: [String: [UInt8]]?
        do { keys = try store.subjectKeys.allKeys() } catch {
            guard case let .io(_, _, code) = error, code == EACCES || code == EPERM else { throw .store(error) }
            keys = nil
        }
        var persons: [Person] = []
        for record in records {
            guard case let .registered(e) = record.event, wanted == nil || wanted == e.person else { continue }
            let key = keys?[e.person.rawValue]
            let details = erasures[e.person] == nil && key != nil ? try Self.open(e, eventID: record.eventID, key: key!) : nil
            persons.append(Person(id: e.person, details: details, erasure: erasures[e.person]))
        }
        return persons
    }

    /// The person registered for a login name, if any (erased persons have none).
    public func person(forLogin login: String) throws(EngineError) -> Identifier? {
        try persons().first { $0.details?.login == login }?.id
    }

    /// Everything the store holds about a person (DSGVO Art. 15): the details while they exist, the register's
    /// records, and every change of every plan the person made.
    public func personReport(_ id: Identifier) throws(EngineError) -> PersonReport {
        let person = try person(id)
        let register = try personRecords().filter { $0.person == id }.map { record in
            PersonReport.Entry(plan: nil, position: record.position, recordedAt: record.recordedAt, type: record.event.typeName, context: record.context)
        }
        var changes: [PersonReport.Entry] = []
        for plan in try plans(includeWithdrawn: true) {
            for entry in try log(of: plan, filter: LogFilter(actor: id.rawValue)) {
                changes.append(PersonReport.Entry(
                    plan: plan, position: entry.position, recordedAt: entry.recordedAt, type: entry.type,
                    context: EventContext(actor: entry.actor, role: entry.role, reason: entry.reason, resolution: entry.resolution, effectiveDate: entry.effectiveDate)))
            }
        }
        return PersonReport(person: person.id, details: person.details, erasure: person.erasure, register: register, changes: changes.sorted { $0.position < $1.position })
    }

    /// The document with every contact stated by its details replaced by the id of the registered person with the
    /// same details — registered now when there is none (a dry run names such a person `p-neu-1`, `p-neu-2`, …).
    /// A contact that names a person id the register does not hold is an error at its place.
    func registeringContacts(of document: PlanDocument, context: EventContext, dryRun: Bool) async throws(EngineError) -> PlanDocument {
        guard !document.contacts.isEmpty else { return document }
        func key(_ details: ContactDetails) -> ContactDetails {
            var plain = details
            plain.login = nil
            return plain
        }
        let registered = try persons()
        var known: [ContactDetails: Identifier] = [:]
        for person in registered { if let details = person.details, known[key(details)] == nil { known[key(details)] = person.id } }
        let ids = Set(registered.map(\.id))
        var result = document
        var placeholders = 0
        var issues: [PlanFileIssue] = []
        for owner in document.contacts.keys.sorted() {
            var resolved: [ContactEntry] = []
            for (index, entry) in document.contacts[owner]!.enumerated() {
                switch entry {
                case let .person(id):
                    if !ids.contains(id) {
                        let location = document.locations["contact:\(owner)#\(index)"] ?? SourceLocation(file: "plan file", line: 1, column: 1, path: "contacts")
                        issues.append(PlanFileIssue(location: location, message: Wording(
                            de: "das Personenregister enthält keine Person '\(id)' (strategyctl person list)",
                            en: "the register of persons holds no '\(id)' (strategyctl person list)")))
                    }
                    resolved.append(entry)
                case let .details(details):
                    if let id = known[key(details)] {
                        resolved.append(.person(id))
                    } else if dryRun {
                        placeholders += 1
                        let id = try! Identifier("p-neu-\(placeholders)")
                        known[key(details)] = id
                        resolved.append(.person(id))
                    } else {
                        let id = try await addPerson(details, context: context)
                        known[key(details)] = id
                        resolved.append(.person(id))
                    }
                }
            }
            result.contacts[owner] = resolved
        }
        if !issues.isEmpty { throw .planFile(PlanFileError(issues: issues)) }
        return result
    }

    // MARK: Internals

    struct PersonRecord {
        let position: UInt64
        let recordedAt: Date
        let eventID: UUID
        let event: PersonEvent
        let context: EventContext
        var person: Identifier { event.person }
    }

    func personRecords() throws(EngineError) -> [PersonRecord] {
        var cursor = store.events(inStream: Self.personStream)
        var records: [PersonRecord] = []
        while true {
            let next: RecordedEvent?
            do throws(EventStoreError) { next = try cursor.next() } catch { throw .store(error) }
            guard let recorded = next else { return records }
            let decoded: (event: PersonEvent, context: EventContext)
            do throws(EventDecodingError) { decoded = try PersonEvent.decode(type: recorded.type, payload: recorded.payload) } catch {
                throw .undecodable(position: recorded.position, error)
            }
            records.append(PersonRecord(
                position: recorded.position, recordedAt: recorded.recordedAt, eventID: recorded.id, event: decoded.event, context: decoded.context))
        }
    }

    static func associatedData(_ person: Identifier, _ eventID: UUID) -> Data {
        Data("strategy-engine person.registered \(person.rawValue) \(eventID.uuidString.lowercased())".utf8)
    }

    /// The details sealed in a registration, opened with the person's key.
    static func open(_ registration: PersonRegistered, eventID: UUID, key: [UInt8]) throws(EngineError) -> ContactDetails {
        guard registration.cipher == personCipher, let combined = Data(base64Encoded: registration.sealed) else {
            throw .derivedDataMismatch(Wording(
                de: "Person \(registration.person): mit dem unbekannten Verfahren '\(registration.cipher)' verschlüsselt",
                en: "person \(registration.person): sealed with an unknown cipher '\(registration.cipher)'"))
        }
        do {
            let box = try ChaChaPoly.SealedBox(combined: combined)
            let plaintext = try ChaChaPoly.open(box, using: SymmetricKey(data: key), authenticating: associatedData(registration.person, eventID))
            return try CanonicalJSONDecoder().decode(ContactDetails.self, from: [UInt8](plaintext))
        } catch {
            throw .derivedDataMismatch(Wording(
                de: "Person \(registration.person): die verschlüsselten Angaben lassen sich mit dem Schlüssel der Person nicht öffnen (\(error))",
                en: "person \(registration.person): the sealed details do not open with the person's key (\(error))"))
        }
    }

    private func checkContext(_ context: EventContext) throws(EngineError) {
        do throws(DomainError) {
            try Plan.checkContext(context)
        } catch {
            throw .rule(error)
        }
    }

    private func appendPersonEvent(_ event: PersonEvent, id: UUID, context: EventContext) async throws(EngineError) {
        var attributes: [String: String] = [:]
        if let role = context.role { attributes["role"] = role }
        let data = EventData(
            id: id, type: event.typeName, encoding: EventCodec.Encoding.canonicalJSON.rawValue,
            metadata: EventMetadata(actor: context.actor, reason: context.reason, attributes: attributes),
            payload: event.encoded(context: context))
        do { _ = try await store.append(to: Self.personStream, events: [data]) } catch { throw .store(error) }
    }
}

/// Everything a store holds about one person (DSGVO Art. 15).
public struct PersonReport: Hashable, Sendable, Codable {
    /// One record that names the person.
    public struct Entry: Hashable, Sendable, Codable {
        /// The plan, or nil for the register of persons.
        public let plan: Identifier?
        /// The global log position.
        public let position: UInt64
        /// When it was recorded.
        public let recordedAt: Date
        /// The event type.
        public let type: String
        /// Who, why, under which resolution, effective when.
        public let context: EventContext
    }

    /// The person id.
    public let person: Identifier
    /// The contact details; nil once erased.
    public let details: ContactDetails?
    /// The erasure, if the person was erased.
    public let erasure: PersonForgotten?
    /// The register's records about the person: the registration, and the erasure.
    public let register: [Entry]
    /// Every change of a plan the person made (as actor).
    public let changes: [Entry]
}
