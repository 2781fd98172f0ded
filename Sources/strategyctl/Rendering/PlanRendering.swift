import Projections
import StrategyCore

/// A plan as text for the terminal, or as a Markdown document.
enum PlanRendering {
    static func header(_ view: PlanView) -> [String] {
        let state = view.state
        var facts = [state.county]
        if let draft = state.draftLabel { facts.append("Entwurf „\(draft)“") }
        if let version = state.currentVersion { facts.append("letzte Fassung „\(version.label)“, in Kraft ab \(version.effectiveDate)") }
        if let deadline = state.deadline { facts.append("Frist \(deadline)") }
        facts.append("Stand: \(view.point), Position \(view.position)")
        return ["\(state.title) (\(view.plan))", facts.joined(separator: " · ")]
    }

    static func fieldStatus(_ status: FieldStatus) -> String {
        switch status {
        case .proposed, .active: return status.name
        case let .merged(into): return "merged into \(into)"
        case let .split(into): return "split into \(into.map(\.rawValue).joined(separator: ", "))"
        case let .retired(reason): return "retired: \(reason)"
        }
    }

    static func text(_ view: PlanView, persons: [Identifier: Person] = [:]) -> String {
        let state = view.state
        var lines = header(view)
        func contacts(_ owner: String, _ prefix: String) -> [String] {
            (state.contacts[owner] ?? []).map { prefix + "Ansprechperson: " + (persons[$0]?.contactLine ?? "\($0) (nicht lesbar)") }
        }
        lines += contacts(PlanState.planContactKey, "")
        func indent(_ text: String, _ prefix: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 } }
        if !state.vision.isEmpty {
            lines += ["", "Leitbild"]
            if let motto = state.vision.motto { lines.append("  Leitspruch: \(motto)") }
            for principle in state.vision.principles { lines.append("  • \(principle)") }
            for section in state.vision.sections {
                lines.append("  \(section.title) [\(section.id)]")
                lines += indent(section.text, "    ")
            }
        }
        if !state.themes.isEmpty {
            lines += ["", "Querschnittsthemen"]
            for theme in PlanState.ordered(state.themes) {
                lines.append("  \(theme.title) [\(theme.id)]")
                if let description = theme.description { lines += indent(description, "    ") }
            }
        }
        let tree = state.goalTree
        if !state.fields.isEmpty {
            lines += ["", "Handlungsfelder"]
            for field in state.fieldsInOrder {
                let tags = field.tags.isEmpty ? "" : " — " + field.tags.joined(separator: ", ")
                lines.append("  \(fieldHeading(field)) [\(field.id), \(fieldStatus(field.status))]\(tags)")
                lines += indent(field.commitment ?? "Selbstverpflichtung: nicht angegeben", "     ")
                lines += contacts(field.id.rawValue, "     ")
                if !field.themes.isEmpty { lines.append("     Querschnittsthemen: \(themeTitles(state, field.themes))") }
                func goals(_ parent: Identifier?, depth: Int) {
                    for goal in tree[GoalTreeKey(field: field.id, parent: parent)] ?? [] {
                        let prefix = String(repeating: "  ", count: depth)
                        lines.append("     \(prefix)• \(levelName(state, goal.level)) \(goal.id) [\(goal.status.rawValue)]: \(goal.statement)")
                        for target in goal.targets {
                            lines.append("     \(prefix)  " + targetLine(target))
                        }
                        if !goal.themes.isEmpty { lines.append("     \(prefix)  Querschnittsthemen: \(themeTitles(state, goal.themes))") }
                        goals(goal.id, depth: depth + 1)
                    }
                }
                goals(nil, depth: 0)
            }
        }
        if !state.measures.isEmpty {
            lines += ["", "Maßnahmen"]
            for measure in state.measuresInOrder {
                var facts = [measure.status.rawValue, "Federführung: \(measure.lead ?? "nicht angegeben")"]
                if let health = measure.health { facts.append("Lage: \(health.rawValue)") }
                if let progress = measure.progress { facts.append("\(progress) %") }
                if let start = measure.plannedStart { facts.append(startText(start)) }
                if let end = measure.plannedEnd { facts.append("bis \(end.germanText)") }
                lines.append("  \(measure.id): \(measure.title) [\(facts.joined(separator: ", "))]")
                lines += contacts(measure.id.rawValue, "     ")
                if let field = measure.field.flatMap({ state.fields[$0] }) { lines.append("     Handlungsfeld: \(fieldHeading(field))") }
                if !measure.themes.isEmpty { lines.append("     Querschnittsthemen: \(themeTitles(state, measure.themes))") }
                if !measure.goals.isEmpty { lines.append("     Ziele: \(measure.goals.map(\.rawValue).joined(separator: ", "))") }
                for milestone in measure.milestones {
                    lines.append("     Meilenstein \(milestone.id): \(milestone.title), fällig \(milestone.due.germanText)\(milestone.reached.map { ", erreicht \($0.germanText)" } ?? "")")
                }
                let total = measure.budget.reduce(Int64(0)) { $0 + $1.amount.cents }
                if total > 0 { lines.append("     Budget: \(EuroAmount(cents: total)) EUR") }
            }
        }
        if !state.indicators.isEmpty {
            lines += ["", "Kennzahlen"]
            for indicator in PlanState.ordered(state.indicators) {
                let latest = state.observations.values.filter { $0.indicator == indicator.id && $0.correctedBy == nil }.max { $0.period < $1.period }
                lines.append("  \(indicator.code) \(indicator.name) [\(indicator.id), \(indicator.unit), \(indicator.polarity.rawValue)]"
                             + (latest.map { " — zuletzt \($0.value) (\($0.period), \($0.region))" } ?? ""))
            }
        }
        if !state.bodies.isEmpty {
            lines += ["", "Gremien"]
            for body in PlanState.ordered(state.bodies) {
                lines.append("  \(body.name) [\(body.id), \(body.kind.rawValue)] Mandat: \(body.mandate.isEmpty ? "keines" : body.mandate.sorted().map(\.rawValue).joined(separator: ", "))\(dissolution(body))")
            }
        }
        if !state.resolutions.isEmpty {
            lines += ["", "Beschlüsse"]
            for paper in resolutionsInOrder(state) {
                lines.append("  \(paper.number): \(paper.subject)")
                for deliberation in paper.inOrder { lines.append("     " + deliberationLine(state, deliberation)) }
            }
        }
        if !state.versions.isEmpty {
            lines += ["", "Fassungen"]
            for version in state.versions {
                lines.append("  \(version.label): Beschluss \(version.resolution), in Kraft ab \(version.effectiveDate.germanText)\(version.supersededBy.map { ", abgelöst durch \($0)" } ?? "")")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdown(_ view: PlanView, persons: [Identifier: Person] = [:]) -> String {
        let state = view.state
        let head = header(view)
        var out = "# \(state.title)\n\n\(head[1])\n"
        func contacts(_ owner: String) -> String {
            (state.contacts[owner] ?? []).map { cell(persons[$0]?.contactLine ?? "\($0) (nicht lesbar)") }.joined(separator: "<br>")
        }
        if state.contacts[PlanState.planContactKey] != nil { out += "\nAnsprechpersonen: \(contacts(PlanState.planContactKey))\n" }
        if !state.vision.isEmpty {
            out += "\n## Leitbild\n\n"
            if let motto = state.vision.motto { out += "> \(motto)\n\n" }
            for principle in state.vision.principles { out += "- \(principle)\n" }
            for section in state.vision.sections { out += "\n### \(section.title)\n\n\(section.text)\n" }
        }
        if !state.themes.isEmpty {
            out += "\n## Querschnittsthemen\n\n"
            for theme in PlanState.ordered(state.themes) {
                out += "- **\(theme.title)** (`\(theme.id)`)" + (theme.description.map { ": \($0)" } ?? "") + "\n"
            }
        }
        let tree = state.goalTree
        if !state.fields.isEmpty {
            out += "\n## Handlungsfelder\n"
            for field in state.fieldsInOrder {
                out += "\n### \(fieldHeading(field))\n\n\(field.commitment ?? "Selbstverpflichtung: nicht angegeben")\n\n"
                if state.contacts[field.id.rawValue] != nil { out += "Ansprechpersonen: \(contacts(field.id.rawValue))\n\n" }
                out += "Status: \(fieldStatus(field.status))" + (field.tags.isEmpty ? "" : " · Schlagworte: \(field.tags.joined(separator: ", "))")
                    + (field.themes.isEmpty ? "" : " · Querschnittsthemen: \(themeTitles(state, field.themes))") + "\n\n"
                func goals(_ parent: Identifier?, depth: Int) {
                    for goal in tree[GoalTreeKey(field: field.id, parent: parent)] ?? [] {
                        out += String(repeating: "  ", count: depth) + "- **\(levelName(state, goal.level))** \(goal.statement) (`\(goal.id)`, \(goal.status.rawValue))"
                            + (goal.themes.isEmpty ? "" : " · Querschnittsthemen: \(themeTitles(state, goal.themes))") + "\n"
                        for target in goal.targets { out += String(repeating: "  ", count: depth + 1) + "- \(targetLine(target))\n" }
                        goals(goal.id, depth: depth + 1)
                    }
                }
                goals(nil, depth: 0)
            }
        }
        if !state.measures.isEmpty {
            out += "\n## Maßnahmen\n\n| Maßnahme | Federführung | Status | Zeitraum | Handlungsfeld | Ziele | Querschnittsthemen | Meilensteine | Budget | Ansprechpersonen |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n"
            for measure in state.measuresInOrder {
                let field = measure.field.flatMap { state.fields[$0] }.map(fieldHeading) ?? ""
                let period = [measure.plannedStart.map(startText), measure.plannedEnd.map { "bis \($0.germanText)" }]
                    .compactMap { $0 }.joined(separator: " ")
                let milestones = measure.milestones.map { milestone in
                    "\(cell(milestone.title)) (`\(milestone.id)`), fällig \(milestone.due.germanText)" + (milestone.reached.map { ", erreicht \($0.germanText)" } ?? "")
                }.joined(separator: "<br>")
                let budget = measure.budget.map { "\($0.amount) EUR \($0.year), \(cell($0.source))" }.joined(separator: "<br>")
                out += "| \(cell(measure.title)) (`\(measure.id)`) | \(cell(measure.lead ?? "nicht angegeben")) | \(measure.status.rawValue) | \(period) | \(field) | "
                    + "\(measure.goals.map(\.rawValue).joined(separator: ", ")) | \(themeTitles(state, measure.themes)) | \(milestones) | \(budget) | "
                    + "\(contacts(measure.id.rawValue)) |\n"
            }
        }
        if !state.indicators.isEmpty {
            out += "\n## Kennzahlen\n\n| Kennzahl | Einheit | Richtung | Quelle |\n|---|---|---|---|\n"
            for indicator in PlanState.ordered(state.indicators) {
                let retired = indicator.retiredReason.map { " — nicht mehr verwendet: \(cell($0))" } ?? ""
                out += "| \(cell(indicator.code)) \(cell(indicator.name)) (`\(indicator.id)`)\(retired) | \(cell(indicator.unit)) | \(indicator.polarity.rawValue) | \(cell(indicator.source)) |\n"
            }
        }
        if !state.observations.isEmpty {
            // Every value, corrected ones struck through and followed by their corrections: the record as it is.
            out += "\n### Messwerte\n\n| Messwert | Kennzahl | Zeitraum | Gebiet | Wert | Korrektur |\n|---|---|---|---|---|---|\n"
            for observation in state.observationsInOrder {
                let code = state.indicators[observation.indicator].map { cell($0.code) } ?? "`\(observation.indicator)`"
                let value = observation.correctedBy == nil ? observation.value.text : "~~\(observation.value.text)~~"
                var notes: [String] = []
                if let corrected = observation.corrects { notes.append("Korrektur von `\(corrected)`" + (observation.reason.map { ": \(cell($0))" } ?? "")) }
                if let correction = observation.correctedBy { notes.append("korrigiert durch `\(correction)`") }
                out += "| `\(observation.id)` | \(code) | \(cell(observation.period)) | \(cell(observation.region)) | \(value) | \(notes.joined(separator: "; ")) |\n"
            }
        }
        if !state.bodies.isEmpty {
            out += "\n## Gremien\n\n| Gremium | Art | Mandat |\n|---|---|---|\n"
            for body in PlanState.ordered(state.bodies) {
                let mandate = body.mandate.isEmpty ? "keines" : body.mandate.sorted().map(\.rawValue).joined(separator: ", ")
                out += "| \(cell(body.name)) (`\(body.id)`)\(dissolution(body)) | \(body.kind.rawValue) | \(mandate) |\n"
            }
        }
        if !state.actors.isEmpty {
            out += "\n## Bildungsakteure\n\n"
            for actor in PlanState.ordered(state.actors) { out += "- \(cell(actor.name)) (`\(actor.id)`, \(actor.sector.rawValue))\n" }
        }
        if !state.participation.isEmpty {
            out += "\n## Beteiligung\n"
            for format in state.participation.values.sorted(by: { ($0.date, $0.id.rawValue) < ($1.date, $1.id.rawValue) }) {
                let count = format.participants.map { "\($0) Teilnehmende" } ?? "Teilnehmende nicht angegeben"
                out += "\n### \(cell(format.title))\n\n\(format.kind.rawValue) (`\(format.id)`), \(format.date.germanText), \(count)\n\n"
                for contribution in PlanState.ordered(state.contributions).filter({ $0.format == format.id }) {
                    let links = contribution.linkedTo.isEmpty ? "" : " → " + contribution.linkedTo.map { "`\($0)`" }.joined(separator: ", ")
                    let author = state.contacts[contribution.id.rawValue] == nil ? "" : " — von \(contacts(contribution.id.rawValue))"
                    out += "- \(cell(contribution.summary)) (`\(contribution.id)`)\(author): \(contribution.disposition.rawValue)\(links)"
                        + (contribution.note.map { " — \(cell($0))" } ?? "") + "\n"
                }
            }
        }
        if !state.resolutions.isEmpty {
            out += "\n## Beschlüsse\n\n| Vorlage | Gegenstand | Beratungen |\n|---|---|---|\n"
            for paper in resolutionsInOrder(state) {
                out += "| \(cell(paper.number)) | \(cell(paper.subject)) | "
                    + paper.inOrder.map { cell(deliberationLine(state, $0)) }.joined(separator: "<br>") + " |\n"
            }
        }
        if !state.versions.isEmpty {
            out += "\n## Fassungen\n\n| Fassung | Beschluss | In Kraft ab |\n|---|---|---|\n"
            for version in state.versions { out += "| \(version.label) | \(version.resolution) | \(version.effectiveDate) |\n" }
        }
        return out
    }

    /// A text as one Markdown table cell: its bars escaped, its lines joined.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// One line for an event: its type and the entities it touched.
    static func summary(_ effects: [AttributeEffect]) -> String {
        effects.map { effect in "\(effect.entity) (\(effect.attributes.joined(separator: ", ")))" }.joined(separator: "; ")
    }
}

/// The titles of cross-cutting themes, in the order given ("Inklusion, BNE").
func themeTitles(_ state: PlanState, _ ids: [Identifier]) -> String {
    ids.map { state.themes[$0]?.title ?? $0.rawValue }.joined(separator: ", ")
}

/// A goal's target as a line: "Zielwert kz-abbrueche: von 9.1 auf 7 bis 2023-07-31", or for a qualitative target
/// "Zielwert kz-abbrueche (qualitativ): deutlich reduzieren, bis 2028-07-31" — its date "nicht angegeben" when the
/// plan names none.
func targetLine(_ target: Target) -> String {
    let indicator = target.indicator.map { " \($0)" } ?? ""
    let baseline = target.baseline.map { "von \($0) " } ?? ""
    let date = target.targetDate.map { "bis \($0.germanText)" } ?? "Zieldatum nicht angegeben"
    if let value = target.target { return "Zielwert\(indicator): \(baseline)auf \(value) \(date)" }
    return "Zielwert\(indicator) (qualitativ): \(baseline)\(target.text ?? ""), \(date)"
}

/// How a body's dissolution reads: " (aufgelöst am 2010-11-30)", " (aufgelöst im November 2010)",
/// " (aufgelöst, Datum nicht angegeben)", or nothing.
func dissolution(_ body: Body) -> String {
    guard body.dissolved else { return "" }
    return body.dissolvedOn.map { " (aufgelöst \(when($0)))" } ?? " (aufgelöst, Datum nicht angegeben)"
}

/// When something happened, as precisely as it is known: "am 2010-11-30", "im November 2010", "im Frühjahr 2017",
/// "im Jahr 2010", "vor 2018" — a partial date is never shown as a day.
func when(_ date: CalendarDate) -> String {
    if date.isBefore { return date.germanText }
    switch date.precision {
    case .day: return "am \(date.germanText)"
    case .month, .season: return "im \(date.germanText)"
    case .year: return "im Jahr \(date.germanText)"
    }
}

/// When a measure starts: "ab Frühjahr 2020", or for a start known only to lie before a date "Beginn vor 2019".
func startText(_ date: CalendarDate) -> String {
    date.isBefore ? "Beginn \(date.germanText)" : "ab \(date.germanText)"
}

/// Council papers by the date of their first deliberation, then by number.
func resolutionsInOrder(_ state: PlanState) -> [Resolution] {
    state.resolutions.values.sorted { a, b in
        let (da, db) = (a.inOrder[0].date, b.inOrder[0].date)
        return da != db ? da < db : a.number < b.number
    }
}

/// One deliberation as a line: "2021-02-23 Schulausschuss, Empfehlung: beschlossen (6 Nein, 1 Enthaltung)".
func deliberationLine(_ state: PlanState, _ deliberation: Deliberation) -> String {
    let body = state.bodies[deliberation.body]?.name ?? deliberation.body.rawValue
    let kind = deliberation.kind.map { ", " + germanKind($0) } ?? ""
    let votes = deliberation.votes.map { " (\($0.summary))" } ?? ""
    return "\(deliberation.date.germanText) \(body)\(kind): \(germanResult(deliberation.result))\(votes)"
}

/// A deliberation's kind in German.
func germanKind(_ kind: DeliberationKind) -> String {
    switch kind {
    case .preliminary: "Vorberatung"
    case .recommendation: "Empfehlung"
    case .decision: "Beschluss"
    }
}

/// A result as the minutes would state it.
func germanResult(_ result: ResolutionResult) -> String {
    switch result {
    case .adopted: "beschlossen"
    case .adoptedWithChanges: "mit Änderungen beschlossen"
    case .rejected: "abgelehnt"
    case .noted: "zur Kenntnis genommen"
    case .postponed: "vertagt"
    case .referredBack: "zurückverwiesen"
    case .withdrawn: "zurückgezogen"
    case .presented: "vorgestellt"
    case .commissioned: "Auftrag erteilt"
    case .pending: "noch nicht entschieden"
    case .unknown: "Ergebnis nicht bekannt"
    }
}

/// A field's code and title ("a) Lebenslanges Lernen"), or its title alone when the plan does not number it.
func fieldHeading(_ field: FieldOfAction) -> String {
    field.code.map { "\($0)) \(field.title)" } ?? field.title
}

/// The plan's name of a goal level, or a neutral description when the plan names none.
func levelName(_ state: PlanState, _ level: GoalLevel) -> String {
    state.levels.name(of: level) ?? (level == .strategic ? "Ziel (strategisch)" : "Ziel (operativ)")
}
