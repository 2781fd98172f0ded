import EventStore
import Foundation
import Projections
import StrategyCore
import Testing

/// Persons and crypto-shredding on real stores: personal data only as ciphertext in the log, keys beside it, and an
/// erasure that leaves no byte of the person in any file while the chain keeps verifying.
@Suite("Persons and erasure", .timeLimit(.minutes(3)))
struct PersonTests {
    static let anna = ContactDetails(
        name: "Dr. Anna Mustermann", function: "Leitung Bildungsbüro", email: "anna.mustermann@landkreis-beispiel.de",
        phone: "04141 12-3456", room: "Raum 2.14", login: "anna.mustermann")
    static let ben = ContactDetails(name: "Ben Beispielmann", function: "Bildungsmonitoring", email: "ben.beispielmann@landkreis-beispiel.de")

    /// Every file of the store directory, as bytes.
    func files(_ store: TemporaryStore) throws -> [(name: String, bytes: [UInt8])] {
        try FileManager.default.contentsOfDirectory(atPath: store.path).sorted().map { name in
            (name, [UInt8](try Data(contentsOf: URL(fileURLWithPath: store.path + "/" + name))))
        }
    }

    func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in haystack[start..<(start + needle.count)].elementsEqual(needle) }
    }

    @Test("a person's details are never plaintext in the store; after forget no file holds them or the key, verify passes, others stay readable")
    func forgetLeavesNothing() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let anna = try await engine.addPerson(Self.anna, context: office("Kontakt des Bildungsbüros"))
        let ben = try await engine.addPerson(Self.ben, context: office("Kontakt Monitoring"))
        #expect(anna.rawValue.hasPrefix("p-") && anna != ben)
        // Anna works: her changes name her person id, nothing else of her.
        let plan = try await loadCounty("stade", into: engine)
        var herContext = office("Fortschreibung durch die Leitung")
        herContext.actor = anna.rawValue
        try await engine.execute(.reportMeasureProgress(id("m-leitbildprozess"), percent: 40, note: nil), on: plan, context: herContext)
        #expect(try engine.person(forLogin: "anna.mustermann") == anna)
        let key = try #require(try engine.store.subjectKeys.key(for: anna.rawValue))
        let secrets = [Self.anna.name, Self.anna.email!, Self.anna.phone!, "Mustermann", "anna.mustermann"].map { Array($0.utf8) }
        // Before: the details open with the key, and no file holds them as plaintext.
        #expect(try engine.person(anna).details == Self.anna)
        for file in try files(store) {
            for secret in secrets { #expect(!contains(file.bytes, secret), "\(file.name) holds '\(String(decoding: secret, as: UTF8.self))' in plaintext") }
        }
        let before = try engine.personReport(anna)
        #expect(before.details == Self.anna && before.register.map(\.type) == ["person.registered"])
        #expect(before.changes.map(\.type) == ["measure.progress.reported"] && before.changes.first?.plan == plan)

        // The erasure: a record that names no personal data, the key destroyed.
        var dpo = office("Löschantrag vom 28.11.2026")
        dpo.actor = "p-0099"
        #expect(try await engine.forgetPerson(anna, request: "DS-2026-014", context: dpo))
        #expect(try await engine.forgetPerson(anna, request: "DS-2026-014", context: dpo) == false, "forgetting is idempotent")
        #expect(try engine.store.subjectKeys.key(for: anna.rawValue) == nil)
        let erased = try engine.person(anna)
        #expect(erased.details == nil && erased.displayName(in: .de) == "gelöscht" && erased.erasure?.request == "DS-2026-014")
        #expect(try engine.person(forLogin: "anna.mustermann") == nil)
        #expect(try engine.person(ben).details == Self.ben, "forgetting one person leaves the others readable")
        let after = try engine.personReport(anna)
        #expect(after.details == nil && after.register.map(\.type) == ["person.registered", "person.forgotten"])
        #expect(after.changes.count == 1, "the changes she made stay attributed to her id")

        // The log is unchanged and verifies; no file holds her data or her key, in any form.
        #expect(try engine.store.verify(checkIndexes: true).isIntact)
        #expect(try engine.verify().isIntact)
        let encodedKey = Array(Data(key).base64EncodedString().utf8)
        for file in try files(store) {
            for secret in secrets + [key, encodedKey] {
                #expect(!contains(file.bytes, secret), "\(file.name) still holds personal data or the key")
            }
        }
        // An auditor reading only sees the erasure.
        let auditor = try store.engine(readOnly: true)
        #expect(try auditor.persons().map { $0.displayName(in: .de) } == ["gelöscht", Self.ben.name])
    }

    @Test("an erasure cut short after its record still shows the person erased, and forget again destroys the key")
    func erasureCutShort() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let anna = try await engine.addPerson(Self.anna, context: office("Kontakt"))
        // The key file is replaced atomically: a copy taken before the erasure stands for a crash before the rename.
        let keys = engine.store.subjectKeys
        let saved = try Data(contentsOf: URL(fileURLWithPath: keys.filePath))
        #expect(try await engine.forgetPerson(anna, request: nil, context: office("Löschantrag")))
        try saved.write(to: URL(fileURLWithPath: keys.filePath))
        #expect(try keys.key(for: anna.rawValue) != nil, "the old key file is back, as after a crash before the rename")
        #expect(try engine.person(anna).details == nil, "the erasure is on record: the person shows erased with the key still there")
        #expect(try await engine.forgetPerson(anna, request: nil, context: office("Löschantrag, Wiederholung")) == false)
        #expect(try keys.key(for: anna.rawValue) == nil)
        #expect(!FileManager.default.fileExists(atPath: keys.filePath + ".tmp"))
    }

    @Test("sealed details are bound to their event and person: a swapped or altered ciphertext does not open")
    func sealedBinding() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let anna = try await engine.addPerson(Self.anna, context: office("Kontakt"))
        // Ben gets Anna's key: his ciphertext does not open with it (AEAD), it is reported, never shown as someone else.
        let ben = try await engine.addPerson(Self.ben, context: office("Kontakt"))
        let annaKey = try #require(try engine.store.subjectKeys.key(for: anna.rawValue))
        let text = try String(contentsOfFile: engine.store.subjectKeys.filePath, encoding: .utf8)
        let benKey = try #require(try engine.store.subjectKeys.key(for: ben.rawValue))
        try text.replacingOccurrences(of: Data(benKey).base64EncodedString(), with: Data(annaKey).base64EncodedString())
            .write(toFile: engine.store.subjectKeys.filePath, atomically: true, encoding: .utf8)
        #expect(throws: EngineError.self) { try engine.person(ben) }
        #expect(try engine.person(anna).details == Self.anna)
    }

    @Test("a plan file with contacts that the plan refuses registers no one; a good one registers each contact once")
    func contactsOnlyWithTheirPlan() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        let file = """
            plan: kreis
            title: Bildungskonzept
            county: Landkreis Beispiel
            contacts:
              - name: Dr. Anna Mustermann
                email: anna.mustermann@landkreis-beispiel.de
            fields:
              - id: hf-a
                title: Übergänge
                goals:
                  - id: ziel-a
                    statement: Übergänge gelingen.
                    status: adopted
            measures:
              - id: m-a
                title: Lotsen
                field: hf-a
                contacts:
                  - name: Dr. Anna Mustermann
                    email: anna.mustermann@landkreis-beispiel.de
            """
        // Adopting a goal needs a resolution: the import is refused, and no person was registered for it.
        await #expect(throws: EngineError.self) {
            try await engine.importPlan(try PlanFile.parse(Array(file.utf8), file: "kreis.yaml"), context: office())
        }
        #expect(try engine.persons().isEmpty)
        let good = file.replacingOccurrences(of: "        status: adopted\n", with: "")
        let preview = try await engine.importPlan(try PlanFile.parse(Array(good.utf8), file: "kreis.yaml"), context: office(), dryRun: true)
        let afterPreview = try engine.persons()
        #expect(preview.events.contains { $0.typeName == "contacts.assigned" } && afterPreview.isEmpty, "a dry run registers no one")
        try await engine.importPlan(try PlanFile.parse(Array(good.utf8), file: "kreis.yaml"), context: office())
        let persons = try engine.persons()
        #expect(persons.count == 1 && persons[0].details?.name == "Dr. Anna Mustermann")
        let state = try engine.state(of: id("kreis")).state
        #expect(state.contacts["plan"] == [persons[0].id] && state.contacts["m-a"] == [persons[0].id])
    }

    @Test("actors are person ids: names, logins and e-mail addresses are refused as actors; reasons and resolutions are checked")
    func actorsArePersonIDs() async throws {
        let store = TemporaryStore()
        defer { store.remove() }
        let engine = try store.engine()
        for actor in ["anna.mueller", "Anna Müller", "root", "anna@kreis.de"] {
            var context = office()
            context.actor = actor
            await #expect(throws: EngineError.self) {
                try await engine.execute(.createPlan(PlanCreated(plan: id("kreis"), title: "T", county: "K")), on: id("kreis"), context: context)
            }
        }
        var context = office()
        context.resolution = "anna@kreis-beispiel.de"
        await #expect(throws: EngineError.self) {
            try await engine.execute(.createPlan(PlanCreated(plan: id("kreis"), title: "T", county: "K")), on: id("kreis"), context: context)
        }
        context.resolution = "093/2012"
        try await engine.execute(.createPlan(PlanCreated(plan: id("kreis"), title: "T", county: "K")), on: id("kreis"), context: context)
        // A person's details are checked before anything is written; a login is registered once.
        await #expect(throws: EngineError.self) { try await engine.addPerson(ContactDetails(name: " "), context: office()) }
        _ = try await engine.addPerson(Self.anna, context: office())
        await #expect(throws: EngineError.self) { try await engine.addPerson(Self.anna, context: office()) }
    }
}
