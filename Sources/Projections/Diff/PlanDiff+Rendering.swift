import StrategyCore

extension PlanDiff {
    /// German names of entity kinds, for change logs.
    static func kindName(_ kind: EntityKind) -> String {
        switch kind {
        case .plan: return "Plan"
        case .visionSection: return "Leitbildabschnitt"
        case .field: return "Handlungsfeld"
        case .goal: return "Ziel"
        case .measure: return "Maßnahme"
        case .milestone: return "Meilenstein"
        case .indicator: return "Kennzahl"
        case .observation: return "Messwert"
        case .body: return "Gremium"
        case .resolution: return "Beschluss"
        case .participation: return "Beteiligungsformat"
        case .contribution: return "Beitrag"
        case .actor: return "Bildungsakteur"
        case .version: return "Fassung"
        case .theme: return "Querschnittsthema"
        }
    }

    /// German names of attributes.
    static let attributeNames: [String: String] = [
        "title": "Titel", "county": "Landkreis", "levels": "Zielebenen", "deadline": "Frist", "draftLabel": "Entwurfsbezeichnung",
        "principles": "Leitsätze", "motto": "Leitspruch", "sections": "Reihenfolge der Leitbildabschnitte", "text": "Text",
        "code": "Kennung", "commitment": "Selbstverpflichtung", "tags": "Schlagworte", "themes": "Querschnittsthemen", "derivedFrom": "Abgeleitet aus",
        "status": "Status", "field": "Handlungsfeld", "parent": "Übergeordnetes Ziel", "level": "Ebene", "statement": "Ziel",
        "targetGroup": "Zielgruppe", "effectLevel": "Wirkungsebene", "targets": "Zielwerte", "description": "Beschreibung",
        "lead": "Federführung", "partners": "Partner", "plannedStart": "Geplanter Beginn", "plannedEnd": "Geplantes Ende",
        "actualStart": "Tatsächlicher Beginn", "actualEnd": "Tatsächliches Ende", "horizon": "Horizont", "goals": "Ziele",
        "milestones": "Meilensteine", "budget": "Budget", "health": "Lage", "progress": "Fortschritt", "name": "Name",
        "unit": "Einheit", "polarity": "Polarität", "source": "Quelle", "retiredReason": "Außer Gebrauch", "kind": "Art",
        "mandate": "Mandat", "dissolved": "Aufgelöst", "dissolvedOn": "Aufgelöst am", "body": "Gremium", "date": "Datum", "subject": "Gegenstand",
        "result": "Ergebnis", "votes": "Abstimmung", "participants": "Teilnehmende", "format": "Format", "summary": "Beitrag",
        "disposition": "Entscheidung", "linkedTo": "Verknüpft mit", "note": "Anmerkung", "sector": "Bereich",
        "indicator": "Kennzahl", "period": "Zeitraum", "region": "Region", "value": "Wert", "corrects": "Korrigiert",
        "fieldSequence": "Reihenfolge der Handlungsfelder", "goalSequence": "Reihenfolge der Ziele",
        "measureSequence": "Reihenfolge der Maßnahmen", "deliberations": "Beratungen",
    ]

    static func attributeName(_ name: String) -> String { attributeNames[name] ?? name }

    /// An attribute's earlier value as text; for the plan's own order, where none was stated, the order it followed.
    static func oldText(_ attribute: AttributeChange) -> String {
        if attribute.old == nil, ["fieldSequence", "goalSequence", "measureSequence"].contains(attribute.name) {
            return attribute.name == "fieldSequence" ? "nach Nummer" : "nach Kennung"
        }
        return attribute.old?.displayText ?? "–"
    }

    /// The changes in display groups: plan and vision first, each field of action, then everything else.
    func groups() -> [(heading: String, changes: [EntityChange])] {
        var groups: [(String, [EntityChange])] = []
        for change in changes {
            let heading: String
            if let field = change.field {
                heading = "Handlungsfeld " + (fieldTitles[field] ?? field)
            } else if change.entityKind == .plan || change.entityKind == .visionSection {
                heading = "Leitbild und Rahmen"
            } else if change.entityKind == .theme {
                heading = "Querschnittsthemen"
            } else {
                heading = "Gremien, Kennzahlen, Beteiligung und Akteure"
            }
            if groups.last?.0 == heading { groups[groups.count - 1].1.append(change) } else { groups.append((heading, [change])) }
        }
        return groups
    }

    /// Attributes worth showing (bookkeeping hidden).
    static func visibleAttributes(_ change: EntityChange) -> [AttributeChange] {
        change.attributes.filter { !bookkeeping.contains($0.name) }
    }

    /// The diff for a terminal: one line per entity, indented attribute lines, and word diffs in git's
    /// `[-removed-]{+inserted+}` notation (in red and green when `color` is on).
    public func renderText(color: Bool = false) -> String {
        if isEmpty { return "keine Änderungen zwischen \(from) und \(to)\n" }
        let red = color ? "\u{1B}[31m" : "", green = color ? "\u{1B}[32m" : "", bold = color ? "\u{1B}[1m" : "", reset = color ? "\u{1B}[0m" : ""
        func words(_ runs: [WordChange]) -> String {
            runs.map { run in
                switch run.kind {
                case .same: return run.text
                case .removed: return color ? red + run.text + reset : "[-" + run.text + "-]"
                case .inserted: return color ? green + run.text + reset : "{+" + run.text + "+}"
                }
            }.joined().replacingOccurrences(of: "\n", with: "\n        ")
        }
        var out = "Änderungen: \(from) → \(to)\n"
        for (heading, changes) in groups() {
            out += "\n\(bold)\(heading)\(reset)\n"
            for change in changes {
                let attributes = Self.visibleAttributes(change)
                if change.kind == .modified && attributes.isEmpty { continue }
                let sign = change.kind == .added ? green + "+" + reset : change.kind == .removed ? red + "-" + reset : "~"
                let labels = change.labels.isEmpty ? "" : " [" + change.labels.joined(separator: ", ") + "]"
                out += "  \(sign) \(Self.kindName(change.entityKind)) \(change.entity): \(change.title.replacingOccurrences(of: "\n", with: " "))\(labels)\n"
                for attribute in attributes {
                    let name = Self.attributeName(attribute.name)
                    if let runs = attribute.words {
                        out += "      \(name): \(words(runs))\n"
                    } else {
                        out += "      \(name): \(Self.oldText(attribute)) → \(attribute.new?.displayText ?? "–")\n"
                    }
                }
            }
        }
        return out
    }

    /// The diff as a Markdown *Änderungsprotokoll*, grouped by field of action, the form a county attaches to a
    /// council paper. Deletions are ~~struck through~~, insertions **bold**, each named in a legend.
    public func renderMarkdown() -> String {
        func escape(_ text: String) -> String {
            var escaped = ""
            for character in text {
                if "\\`*_~[]<>#|".contains(character) { escaped.append("\\") }
                escaped.append(character == "\n" ? " " : character)
            }
            return escaped
        }
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
        var out = "# Änderungsprotokoll: \(escape(planTitle))\n\nVon **\(escape(from))** zu **\(escape(to))**.\n"
        if isEmpty { return out + "\nKeine Änderungen.\n" }
        out += "\nLegende: ~~gestrichen~~, **eingefügt**.\n"
        for (heading, changes) in groups() {
            out += "\n## \(escape(heading))\n\n"
            for change in changes {
                let attributes = Self.visibleAttributes(change)
                if change.kind == .modified && attributes.isEmpty { continue }
                let verb = change.kind == .added ? "Neu" : change.kind == .removed ? "Entfernt" : "Geändert"
                let labels = change.labels.filter { $0 != "status" }.map { ["renamed": "umbenannt", "moved": "verschoben", "relinked": "neu verknüpft", "retired": "beendet", "reordered": "neu geordnet"][$0] ?? $0 }
                out += "- **\(verb)** – \(Self.kindName(change.entityKind)) „\(escape(change.title))“ (`\(change.entity)`)"
                out += labels.isEmpty ? "\n" : " – \(labels.joined(separator: ", "))\n"
                for attribute in attributes {
                    let name = Self.attributeName(attribute.name)
                    if let runs = attribute.words {
                        out += "  - \(name): \(words(runs))\n"
                    } else {
                        out += "  - \(name): ~~\(escape(Self.oldText(attribute)))~~ → **\(escape(attribute.new?.displayText ?? "–"))**\n"
                    }
                }
            }
        }
        return out
    }
}

import Foundation
