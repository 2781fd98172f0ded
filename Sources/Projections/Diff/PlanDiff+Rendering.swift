import Foundation
public import StrategyCore

extension PlanDiff {
    /// The names of attributes in both languages.
    package static let attributeNames: [String: Wording] = [
        "title": Wording(de: "Titel", en: "Title"), "county": Wording(de: "Landkreis", en: "County"),
        "levels": Wording(de: "Zielebenen", en: "Goal levels"), "deadline": Wording(de: "Frist", en: "Deadline"),
        "draftLabel": Wording(de: "Entwurfsbezeichnung", en: "Draft label"), "principles": Wording(de: "Leitsätze", en: "Principles"),
        "motto": Wording(de: "Leitspruch", en: "Motto"), "sections": Wording(de: "Reihenfolge der Leitbildabschnitte", en: "Order of the vision's sections"),
        "text": Wording(de: "Text", en: "Text"), "code": Wording(de: "Kürzel", en: "Code"),
        "commitment": Wording(de: "Selbstverpflichtung", en: "Commitment"), "tags": Wording(de: "Schlagworte", en: "Tags"),
        "themes": Wording(de: "Querschnittsthemen", en: "Cross-cutting themes"), "derivedFrom": Wording(de: "Abgeleitet aus", en: "Derived from"),
        "status": Wording(de: "Status", en: "Status"), "field": Wording(de: "Handlungsfeld", en: "Field of action"),
        "parent": Wording(de: "Übergeordnetes Ziel", en: "Parent goal"), "level": Wording(de: "Ebene", en: "Level"),
        "statement": Wording(de: "Ziel", en: "Goal"), "targetGroup": Wording(de: "Zielgruppe", en: "Target group"),
        "effectLevel": Wording(de: "Wirkungsebene", en: "Level of effect"), "targets": Wording(de: "Zielwerte", en: "Targets"),
        "description": Wording(de: "Beschreibung", en: "Description"), "lead": Wording(de: "Federführung", en: "Lead"),
        "partners": Wording(de: "Partner", en: "Partners"), "plannedStart": Wording(de: "Geplanter Beginn", en: "Planned start"),
        "plannedEnd": Wording(de: "Geplantes Ende", en: "Planned end"), "actualStart": Wording(de: "Tatsächlicher Beginn", en: "Actual start"),
        "actualEnd": Wording(de: "Tatsächliches Ende", en: "Actual end"), "horizon": Wording(de: "Horizont", en: "Horizon"),
        "goals": Wording(de: "Ziele", en: "Goals"), "milestones": Wording(de: "Meilensteine", en: "Milestones"),
        "budget": Wording(de: "Budget", en: "Budget"), "health": Wording(de: "Lage", en: "Health"),
        "progress": Wording(de: "Fortschritt", en: "Progress"), "name": Wording(de: "Name", en: "Name"),
        "unit": Wording(de: "Einheit", en: "Unit"), "polarity": Wording(de: "Richtung", en: "Direction"),
        "source": Wording(de: "Quelle", en: "Source"), "retiredReason": Wording(de: "Außer Gebrauch", en: "No longer used"),
        "kind": Wording(de: "Art", en: "Kind"), "mandate": Wording(de: "Mandat", en: "Mandate"),
        "dissolved": Wording(de: "Aufgelöst", en: "Dissolved"), "dissolvedOn": Wording(de: "Aufgelöst am", en: "Dissolved on"),
        "body": Wording(de: "Gremium", en: "Body"), "date": Wording(de: "Datum", en: "Date"),
        "subject": Wording(de: "Gegenstand", en: "Subject"), "result": Wording(de: "Ergebnis", en: "Result"),
        "votes": Wording(de: "Abstimmung", en: "Vote"), "participants": Wording(de: "Teilnehmende", en: "Participants"),
        "format": Wording(de: "Format", en: "Format"), "summary": Wording(de: "Beitrag", en: "Contribution"),
        "disposition": Wording(de: "Entscheidung", en: "Disposition"), "linkedTo": Wording(de: "Verknüpft mit", en: "Linked to"),
        "note": Wording(de: "Anmerkung", en: "Note"), "sector": Wording(de: "Bereich", en: "Sector"),
        "indicator": Wording(de: "Kennzahl", en: "Indicator"), "period": Wording(de: "Zeitraum", en: "Period"),
        "region": Wording(de: "Region", en: "Region"), "value": Wording(de: "Wert", en: "Value"),
        "corrects": Wording(de: "Korrigiert", en: "Corrects"), "correctedBy": Wording(de: "Korrigiert durch", en: "Corrected by"),
        "fieldSequence": Wording(de: "Reihenfolge der Handlungsfelder", en: "Order of the fields of action"),
        "goalSequence": Wording(de: "Reihenfolge der Ziele", en: "Order of the goals"),
        "measureSequence": Wording(de: "Reihenfolge der Maßnahmen", en: "Order of the measures"),
        "deliberations": Wording(de: "Beratungen", en: "Deliberations"), "contacts": Wording(de: "Ansprechpersonen", en: "Contacts"),
        "amount": Wording(de: "Betrag", en: "Amount"), "year": Wording(de: "Jahr", en: "Year"), "id": Wording(de: "Kennung", en: "Id"),
        "due": Wording(de: "fällig", en: "due"), "reached": Wording(de: "erreicht", en: "reached"),
        "baseline": Wording(de: "Ausgangswert", en: "Baseline"), "baselineDate": Wording(de: "Stand des Ausgangswerts", en: "Baseline date"),
        "target": Wording(de: "Zielwert", en: "Target"), "targetDate": Wording(de: "Zieldatum", en: "Target date"),
        "yes": Wording(de: "Ja", en: "yes"), "no": Wording(de: "Nein", en: "no"), "abstain": Wording(de: "Enthaltungen", en: "abstentions"),
        "unanimous": Wording(de: "einstimmig", en: "unanimous"), "withdrawal": Wording(de: "Zurückgezogen", en: "Withdrawn"),
        "into": Wording(de: "in", en: "into"), "reason": Wording(de: "Grund", en: "reason"),
        "versions": Wording(de: "Fassungen", en: "Versions"), "adopted": Wording(de: "Beschlossene Fassung", en: "Adopted version"),
    ]

    /// An attribute's name in `language` ("Geplanter Beginn" for `plannedStart`); an attribute the vocabulary does
    /// not know keeps its key.
    public static func attributeName(_ name: String, _ language: Language = .de) -> String { attributeNames[name]?(language) ?? name }

    /// The enumeration an attribute of a kind of entity holds, to show its values by their labels.
    static func labels(of attribute: String, kind: EntityKind) -> [String: Wording]? {
        func table<Value: Labelled & CaseIterable & RawRepresentable>(_ type: Value.Type) -> [String: Wording] where Value.RawValue == String {
            Dictionary(uniqueKeysWithValues: Value.allCases.map { ($0.rawValue, $0.label) })
        }
        switch (attribute, kind) {
        case ("status", .measure): return table(MeasureStatus.self)
        case ("status", .goal): return table(GoalStatus.self)
        case ("status", .field): return Dictionary(uniqueKeysWithValues: Vocabulary.values.first { $0.name == "FieldStatus" }!.entries.map { ($0.key, $0.label) })
        case ("health", _): return table(Health.self)
        case ("horizon", _): return table(Horizon.self)
        case ("level", _): return table(GoalLevel.self)
        case ("polarity", _): return table(Polarity.self)
        case ("kind", .body): return table(BodyKind.self)
        case ("kind", .participation): return table(ParticipationKind.self)
        case ("kind", .resolution): return table(DeliberationKind.self)
        case ("mandate", _): return table(DecisionKind.self)
        case ("disposition", _): return table(Disposition.self)
        case ("sector", _): return table(Sector.self)
        case ("result", _): return table(ResolutionResult.self)
        default: return nil
        }
    }

    /// A value as a reader says it: labels for enumerated values, attribute names for keys, "ja"/"nein", amounts in
    /// euro, dates as precisely as known; "–" for nothing.
    package static func valueText(_ value: JSONValue?, attribute: String, kind: EntityKind, _ language: Language) -> String {
        guard let value else { return "–" }
        let labels = labels(of: attribute, kind: kind)
        func text(_ value: JSONValue, _ key: String) -> String {
            switch value {
            case .null: return "–"
            case let .bool(flag): return language == .de ? (flag ? "ja" : "nein") : (flag ? "yes" : "no")
            case let .integer(number): return key == "amount" ? "\(EuroAmount(cents: Int64(number))) EUR" : String(number)
            case let .string(raw):
                if raw.isEmpty { return "–" }
                if let label = labels?[raw] { return label(language) }
                if ["date", "due", "reached", "plannedStart", "plannedEnd", "actualStart", "actualEnd", "deadline", "dissolvedOn",
                    "baselineDate", "targetDate", "effectiveDate"].contains(key), let date = CalendarDate(canonical: raw) {
                    return date.text(in: language)
                }
                return raw
            case let .array(items):
                let parts = items.map { text($0, key) }
                return parts.isEmpty ? "–" : parts.joined(separator: ", ")
            case let .object(members):
                // A case with associated values ({"retired": {"reason": …}}): its label and its values.
                if members.count == 1, let (case_, inner) = members.first, case let .object(values) = inner {
                    let name = labels?[case_]?(language) ?? case_
                    return values.isEmpty ? name : "\(name) (\(text(inner, case_)))"
                }
                return members.keys.sorted().map { member in "\(attributeName(member, language)): \(text(members[member]!, member))" }
                    .joined(separator: "; ")
            }
        }
        return text(value, attribute)
    }

    /// An attribute's earlier value as text; for the plan's own order, where none was stated, the order it followed.
    package static func oldText(_ attribute: AttributeChange, kind: EntityKind, _ language: Language) -> String {
        if attribute.old == nil, ["fieldSequence", "goalSequence", "measureSequence"].contains(attribute.name) {
            return (attribute.name == "fieldSequence" ? Term.orderByNumber : Term.orderById)(language)
        }
        return valueText(attribute.old, attribute: attribute.name, kind: kind, language)
    }

    /// The changes worth showing, in display groups: plan and vision first, each field of action, then everything
    /// else. A change of bookkeeping alone (a version recorded, the sealed set) shows nothing and opens no group.
    package func groups(_ language: Language = .de) -> [(heading: String, changes: [EntityChange])] {
        var groups: [(String, [EntityChange])] = []
        for change in contentChanges {
            let heading: String
            if let field = change.field {
                heading = Self.capitalized(EntityKind.field.label(language)) + " " + (fieldTitles[field] ?? field)
            } else if change.entityKind == .plan || change.entityKind == .visionSection {
                heading = Term.planAndVision(language)
            } else if change.entityKind == .theme {
                heading = Term.themes(language)
            } else {
                heading = Term.otherRecords(language)
            }
            if groups.last?.0 == heading { groups[groups.count - 1].1.append(change) } else { groups.append((heading, [change])) }
        }
        return groups
    }

    /// The text with its first letter in upper case ("field of action" → "Field of action").
    package static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// Attributes worth showing: the ``bookkeeping`` ones hidden (as in ``contentChanges``).
    package static func visibleAttributes(_ change: EntityChange) -> [AttributeChange] {
        change.attributes.filter { !bookkeeping.contains($0.name) }
    }

    /// What a change amounts to, in `language`: "umbenannt", "verschoben", …
    package static func labelText(_ label: String, _ language: Language) -> String {
        let terms: [String: Term] = ["renamed": .renamed, "moved": .moved, "relinked": .relinked, "retired": .retired, "reordered": .reordered]
        if label == "status" { return attributeName("status", language).lowercased() }
        return terms[label].map { $0(language) } ?? label
    }

    /// The diff for a terminal, in German unless `language` says otherwise: one line per entity, indented attribute
    /// lines, and word diffs marked by `style` (by default git's `[-removed-]{+inserted+}` notation).
    public func renderText(style: DiffTextStyle = .plain, language: Language = .de) -> String {
        let from = pointText(self.from, position: fromPosition, in: language), to = pointText(self.to, position: toPosition, in: language)
        if groups(language).isEmpty { return "\(Term.noChangesBetween(language)) \(from) \(language == .de ? "und" : "and") \(to)\n" }
        func words(_ runs: [WordChange]) -> String {
            runs.map { run in
                switch run.kind {
                case .same: return run.text
                case .removed: return style.removedWords(run.text)
                case .inserted: return style.insertedWords(run.text)
                }
            }.joined().replacingOccurrences(of: "\n", with: "\n        ")
        }
        var out = "\(Term.changes(language)): \(from) → \(to)\n"
        for (heading, changes) in groups(language) {
            out += "\n\(style.heading(heading))\n"
            for change in changes {
                let sign = style.sign(change.kind == .added ? "+" : change.kind == .removed ? "-" : "~", change.kind)
                let labels = change.labels.isEmpty ? "" : " [" + change.labels.map { Self.labelText($0, language) }.joined(separator: ", ") + "]"
                out += "  \(sign) \(Self.capitalized(change.entityKind.label(language))) \(change.entity): \(change.title.replacingOccurrences(of: "\n", with: " "))\(labels)\n"
                out += Self.attributeLines(change, language, prefix: "      ", words: words, old: { $0 }, new: { $0 })
            }
        }
        return out
    }

    /// The lines of a change's visible attributes, one per attribute after `prefix`: a text's word diff, any other
    /// value as `old → new`, each side shaped by `old` and `new`. The text and the Markdown rendering share it.
    private static func attributeLines(_ change: EntityChange, _ language: Language, prefix: String, words: ([WordChange]) -> String,
                                       old: (String) -> String, new: (String) -> String) -> String {
        var out = ""
        for attribute in visibleAttributes(change) {
            let name = attributeName(attribute.name, language)
            if let runs = attribute.words {
                out += "\(prefix)\(name): \(words(runs))\n"
            } else {
                out += "\(prefix)\(name): \(old(oldText(attribute, kind: change.entityKind, language))) → "
                    + "\(new(valueText(attribute.new, attribute: attribute.name, kind: change.entityKind, language)))\n"
            }
        }
        return out
    }

    /// The diff as a Markdown *Änderungsprotokoll* (change log), grouped by field of action, the form a county
    /// attaches to a council paper. Deletions are ~~struck through~~, insertions **bold**, each named in a legend; a
    /// value that is empty on one side is shown as "–", never as empty markup.
    public func renderMarkdown(language: Language = .de) -> String {
        func escape(_ text: String) -> String {
            var escaped = ""
            for character in text {
                if "\\`*_~[]<>#|".contains(character) { escaped.append("\\") }
                escaped.append(character == "\n" ? " " : character)
            }
            return escaped
        }
        func struck(_ text: String) -> String { text == "–" || text.isEmpty ? "–" : "~~\(escape(text))~~" }
        func bold(_ text: String) -> String { text == "–" || text.isEmpty ? "–" : "**\(escape(text))**" }
        func words(_ runs: [WordChange]) -> String {
            runs.map { run -> String in
                let text = escape(run.text)
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { return text }
                switch run.kind {
                case .same: return text
                case .removed: return text.replacingOccurrences(of: trimmed, with: "~~\(trimmed)~~")
                case .inserted: return text.replacingOccurrences(of: trimmed, with: "**\(trimmed)**")
                }
            }.joined()
        }
        let from = pointText(self.from, position: fromPosition, in: language), to = pointText(self.to, position: toPosition, in: language)
        let fromTo = Term.fromTo(language).replacingOccurrences(of: "%1", with: escape(from)).replacingOccurrences(of: "%2", with: escape(to))
        var out = "# \(Term.changeLog(language)): \(escape(planTitle))\n\n\(fromTo)\n"
        let groups = groups(language)
        if groups.isEmpty { return out + "\n\(Term.noChanges(language))\n" }
        out += "\n\(Term.legend(language))\n"
        for (heading, changes) in groups {
            out += "\n## \(escape(heading))\n\n"
            for change in changes {
                let verb = change.kind == .added ? Term.added(language) : change.kind == .removed ? Term.removed(language) : Term.modified(language)
                let labels = change.labels.filter { $0 != "status" }.map { Self.labelText($0, language) }
                out += "- **\(verb)** – \(Self.capitalized(change.entityKind.label(language))) „\(escape(change.title))“ (`\(change.entity)`)"
                out += labels.isEmpty ? "\n" : " – \(labels.joined(separator: ", "))\n"
                out += Self.attributeLines(change, language, prefix: "  - ", words: words, old: struck, new: bold)
            }
        }
        return out
    }
}
