@testable import StrategyCore
import Testing

/// The personal-data check on free text: the disguises a tester tried, and the council's own numbers it must leave
/// alone.
@Suite("Personal data in free text", .timeLimit(.minutes(3)))
struct PersonalDataTests {
    @Test("e-mail addresses, phone numbers, names with salutations, birth dates, addresses and tax ids are found, also disguised",
          arguments: [
              ("Kontakt: anna.mueller@kreis.de", "an e-mail address"),
              ("anna.mueller(at)kreis.de", "an e-mail address"),
              ("anna.mueller [at] kreis [dot] de", "an e-mail address"),
              ("anna.mueller＠kreis.de", "an e-mail address"),
              ("Rückfragen unter 04141 12-345", "a phone number"),
              ("Telefon 4141 12345", "a phone number"),
              ("Telefon 04141.12345", "a phone number"),
              ("+49 4141 124046", "a phone number"),
              ("(04141) 12 34 56", "a phone number"),
              ("Ansprechpartnerin ist Frau Dr. Anna Müller", "a name with a salutation"),
              ("Herrn Meyer informieren", "a name with a salutation"),
              ("geb. 12.03.1975", "a birth date"),
              ("geboren am 12.03.1975 in Stade", "a birth date"),
              ("*12.03.1975", "a birth date"),
              ("wohnhaft Hauptstraße 12, Stade", "a street address"),
              ("Bahnhofstr. 3a", "a street address"),
              ("Steuer-ID 12345678901", "a tax or account number"),
              ("IBAN DE89 3704 0044 0532 0130 00", "a tax or account number"),
          ])
    func found(_ text: String, _ kind: String) {
        #expect(PersonalData.detect(in: text) == kind, "\(text)")
    }

    @Test("paper numbers, dates, amounts, years, school years, ids, rooms and counts are not personal data",
          arguments: [
              "Vorlage 093/2012", "KT/012/2021", "BV/0123/2019", "V-SCHUL/19/159", "022/2013", "Beschluss vom 12.03.2013",
              "2024-03-01", "48000.00 EUR", "1.250.000 Euro", "250000.00", "2019 2020 2021", "2019-2023", "2022/2023", "Schuljahr 2026/27",
              "Raum 2.14", "kz-netzwerk-2022", "125 000 Einwohnerinnen und Einwohner", "21680 Stade", "6.8 Prozent",
              "für Frauen und Männer", "Frau und Familie", "der zweite Bildungsweg 2025", "Herr der Lage",
              "Ring 3 der Bildungslandschaft", "Landkreis Stade, Fachdienst Schule",
          ])
    func notFound(_ text: String) {
        #expect(PersonalData.detect(in: text) == nil, "\(text): \(PersonalData.detect(in: text) ?? "")")
    }
}
