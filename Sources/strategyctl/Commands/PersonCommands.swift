import ArgumentParser
import Foundation
import Projections
import StrategyCore

/// `strategyctl person …`: the register of persons (data subjects), their contact details kept encrypted under
/// their own key, and their erasure.
struct PersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: Terminal.say(
            "Personen registrieren und anzeigen, Auskunft geben, was der Speicher zu einer Person enthält (Art. 15), eine Person löschen (Art. 17).",
            "Register persons, show them, report what the store holds about one (Art. 15), erase one (Art. 17)."),
        discussion: Terminal.say(
            """
            Die Kontaktdaten einer Person gelangen nur verschlüsselt mit dem eigenen Schlüssel der Person in das \
            Ereignisprotokoll; Pläne, Änderungen und Einträge nennen die Personenkennung. 'forget' vernichtet den \
            Schlüssel: die Daten sind endgültig gelöscht, das Ereignisprotokoll lässt sich weiter prüfen, und jede \
            Darstellung zeigt „gelöscht“.
            """,
            """
            A person's contact details go into the log only encrypted with the person's own key; plans, changes and \
            records name the person id. 'forget' destroys the key: the details are gone for good, the log still \
            verifies, and every rendering shows 'gelöscht'.
            """),
        subcommands: [Add.self, List.self, Show.self, Report.self, Forget.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: Terminal.say("Eine Person registrieren; gibt die neue Personenkennung aus.", "Register a person; prints the new person id."))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Option(name: .long, help: .say("Der Name.", "The name.")) var name: String
        @Option(name: .long, help: .say("Die Funktion, zum Beispiel 'Leitung Bildungsbüro'.", "The function, for example 'Leitung Bildungsbüro'.")) var function: String?
        @Option(name: .long, help: .say("Die E-Mail-Adresse.", "The e-mail address.")) var email: String?
        @Option(name: .long, help: .say("Die Telefonnummer.", "The phone number.")) var phone: String?
        @Option(name: .long, help: .say("Der Raum.", "The room.")) var room: String?
        @Option(name: .long, help: .say(
            "Der Anmeldename, unter dem die Person arbeitet: darunter vorgenommene Änderungen nennen die Personenkennung.",
            "The login name the person works under: changes made under it name the person id."))
        var login: String?

        func run() async throws {
            try await reportingFailures {
                let engine = try storeOptions.openForWriting()
                let details = ContactDetails(name: name, function: function, email: email, phone: phone, room: room, login: login)
                let id = try await engine.addPerson(details, context: try writeOptions.context(engine))
                emit(id.rawValue)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Terminal.say("Die registrierten Personen auflisten.", "List the registered persons."))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var formatOptions: FormatOptions

        func run() async throws {
            try await reportingFailures {
                let persons = try storeOptions.openForReading().persons()
                switch formatOptions.format {
                case .json: emit(jsonText(persons.map(PersonJSON.init)))
                case .text, .markdown:
                    Terminal.standardOutput(table([Term.colPerson, .colName, .colFunction, .colLogin].map { $0(Terminal.language) }, persons.map { person in
                        [person.id.rawValue, person.displayName(in: Terminal.language), person.details?.function ?? "-", person.details?.login ?? "-"]
                    }))
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: Terminal.say(
                "Die Kontaktdaten einer Person anzeigen oder dass sie gelöscht wurden.", "Show one person's contact details, or that they were erased."))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var formatOptions: FormatOptions
        @Argument(help: .say("Die Personenkennung.", "The person id.")) var id: String

        func run() async throws {
            try await reportingFailures {
                let person = try storeOptions.openForReading().person(try identifier(id, Terminal.say("Personenkennung", "person id")))
                switch formatOptions.format {
                case .json: emit(jsonText(PersonJSON(person)))
                case .text, .markdown: Terminal.standardOutput(PersonText.lines(person).joined(separator: "\n") + "\n")
                }
            }
        }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: Terminal.say(
                "Alles, was der Speicher zu einer Person enthält (DSGVO Art. 15): Kontaktdaten, Einträge, vorgenommene Änderungen.",
                "Everything the store holds about a person (DSGVO Art. 15): details, records, changes made."))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var formatOptions: FormatOptions
        @Argument(help: .say("Die Personenkennung.", "The person id.")) var id: String

        func run() async throws {
            try await reportingFailures {
                let report = try storeOptions.openForReading().personReport(try identifier(id, Terminal.say("Personenkennung", "person id")))
                switch formatOptions.format {
                case .json: emit(jsonText(report))
                case .text, .markdown:
                    let say = Terminal.say
                    var lines = [say("Auskunft über \(report.person) (Art. 15 DSGVO)", "Access report on \(report.person) (Art. 15 GDPR)")]
                    lines += PersonText.lines(Person(id: report.person, details: report.details, erasure: report.erasure)).map { "  " + $0 }
                    lines.append("")
                    lines.append(say("Einträge im Personenregister:", "Records of the register of persons:"))
                    for entry in report.register {
                        lines.append("  @\(entry.position)  \(Dates.format(entry.recordedAt))  \(entry.type)  \(Term.logBy(Terminal.language)) \(entry.context.actor ?? "-")"
                                     + (entry.context.reason.map { " — \($0)" } ?? ""))
                    }
                    lines.append("")
                    lines.append(report.changes.isEmpty
                        ? say("Änderungen an Plänen: keine", "Changes to plans: none")
                        : say("Änderungen an Plänen (\(report.changes.count)):", "Changes to plans (\(report.changes.count)):"))
                    for entry in report.changes {
                        lines.append("  @\(entry.position)  \(entry.plan?.rawValue ?? "-")  \(Dates.format(entry.recordedAt))  \(entry.type)"
                                     + (entry.context.reason.map { " — \($0)" } ?? ""))
                    }
                    Terminal.standardOutput(lines.joined(separator: "\n") + "\n")
                }
            }
        }
    }

    struct Forget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forget",
            abstract: Terminal.say(
                "Eine Person löschen (DSGVO Art. 17): ihren Schlüssel vernichten; das Ereignisprotokoll behält einen Eintrag über die Löschung ohne personenbezogene Daten.",
                "Erase a person (DSGVO Art. 17): destroy their key; the log keeps a record of the erasure without personal data."),
            discussion: Terminal.say(
                "Erfordert --reason; --request nennt den Löschantrag (ein Aktenzeichen, keine personenbezogenen Daten).",
                "Needs --reason; --request names the erasure request (a file number, no personal data)."))
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var writeOptions: WriteOptions
        @Argument(help: .say("Die Personenkennung.", "The person id.")) var id: String
        @Option(name: .long, help: .say(
            "Der Löschantrag, auf den die Löschung zurückgeht, zum Beispiel ein Aktenzeichen.", "The erasure request it answers, for example a file number."))
        var request: String?

        func validate() throws {
            if (writeOptions.reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError(Terminal.say(
                    "forget erfordert --reason, zum Beispiel das Datum des Löschantrags", "forget needs --reason, for example the erasure request's date"))
            }
        }

        func run() async throws {
            try await reportingFailures {
                let engine = try storeOptions.openForWriting()
                let person = try identifier(id, Terminal.say("Personenkennung", "person id"))
                let erased = try await engine.forgetPerson(person, request: request, context: try writeOptions.context(engine))
                emit(erased
                    ? Terminal.say("\(person) gelöscht: der Schlüssel ist vernichtet", "erased \(person): the key is destroyed")
                    : Terminal.say("\(person) war schon gelöscht; kein Schlüssel ist übrig", "\(person) was erased before; no key is left"))
            }
        }
    }
}

/// The JSON of a person: the details while they exist.
struct PersonJSON: Encodable {
    let person: String
    /// An erasure is on record (not merely: the details cannot be read here).
    let erased: Bool
    /// The details could be opened with the person's key.
    let readable: Bool
    let details: ContactDetails?
    let erasure: PersonForgotten?

    init(_ person: Person) {
        self.person = person.id.rawValue
        erased = person.erasure != nil
        readable = person.details != nil
        details = person.details
        erasure = person.erasure
    }
}

/// A person as lines of text.
enum PersonText {
    static func lines(_ person: Person) -> [String] {
        let say = Terminal.say
        guard let details = person.details else {
            return ["\(person.id): \(person.displayName(in: Terminal.language))"
                    + (person.erasure?.request.map { say(" (Löschantrag \($0))", " (erasure request \($0))") } ?? "")]
        }
        var lines = ["\(person.id): \(details.name)"]
        for (label, value) in [(say("Funktion", "Function"), details.function), (say("E-Mail", "E-mail"), details.email),
                               (say("Telefon", "Phone"), details.phone), (say("Raum", "Room"), details.room), (say("Anmeldename", "Login"), details.login)] {
            if let value { lines.append("  \(label): \(value)") }
        }
        return lines
    }
}
