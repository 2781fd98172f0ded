import Projections
import StrategyCore

/// Renders a plan for people, in one language: as text for the terminal (``text(_:)``) or as a Markdown document
/// (``markdown(_:)``). Every word comes from the vocabulary (``Term``, ``Labelled``); no stable key is shown as a
/// label.
struct PlanRenderer {
    /// The language of the rendering.
    let language: Language
    /// The persons the plan names as contacts, by id.
    var persons: [Identifier: Person] = [:]

    func t(_ term: Term) -> String { term(language) }
    func label(_ value: some Labelled) -> String { value.label(language) }
    func date(_ date: CalendarDate) -> String { date.text(in: language) }
    /// A name in the language's quotation marks: „Bildungskonzept 2025“, “Bildungskonzept 2025”.
    func quoted(_ text: String) -> String { language == .de ? "„\(text)“" : "“\(text)”" }

    /// The title line and the facts line: county, draft, latest version, deadline, and the point shown.
    func header(_ view: PlanView) -> [String] {
        let state = view.state
        var facts = [state.county]
        if let draft = state.draftLabel { facts.append("\(t(.draftLabel)) \(quoted(draft))") }
        if let version = state.currentVersion {
            facts.append("\(t(.latestVersion)) \(quoted(version.label)), \(t(.inForceFrom)) \(date(version.effectiveDate))")
        }
        if let deadline = state.deadline { facts.append("\(t(.deadline)) \(date(deadline))") }
        facts.append("\(t(.state)): \(point(view.point)), \(t(.position)) \(view.position)")
        return ["\(state.title) (\(view.plan))", facts.joined(separator: " · ")]
    }

    /// A point in time as the reader says it.
    func point(_ point: PointInTime) -> String {
        guard language == .de else { return point.description }
        switch point {
        case .draft: return "Entwurf"
        case let .version(label): return "Fassung „\(label)“"
        case let .inForce(day): return "in Kraft am \(day)"
        case let .effectiveOn(day): return "wirksam am \(day)"
        case let .resolution(number): return "Beschluss \(number)"
        default: return point.description
        }
    }

    /// A field's status: "aktiv", "zusammengeführt in hf-x", "beendet: Grund".
    func fieldStatus(_ status: FieldStatus) -> String {
        switch status {
        case .proposed, .active: return label(status)
        case let .merged(into): return "\(label(status)) → \(into)"
        case let .split(into): return "\(label(status)) → \(into.map(\.rawValue).joined(separator: ", "))"
        case let .retired(reason): return "\(label(status)): \(reason)"
        }
    }

    /// A goal's target: "Zielwert kz-abbrueche: von 9.1 auf 7 bis 2023-07-31", or for a qualitative target
    /// "Zielwert (qualitativ): deutlich reduzieren, bis 2028-07-31" — its date "nicht angegeben" when the plan names
    /// none.
    func targetLine(_ target: Target) -> String {
        let indicator = target.indicator.map { " \($0)" } ?? ""
        let baseline = target.baseline.map { "\(t(.from)) \($0) " } ?? ""
        let by = target.targetDate.map { "\(t(.until)) \(date($0))" } ?? t(.targetDateNotStated)
        if let value = target.target { return "\(t(.targetValue))\(indicator): \(baseline)\(t(.to)) \(value) \(by)" }
        return "\(t(.targetValue))\(indicator) (\(t(.qualitative))): \(baseline)\(target.text ?? ""), \(by)"
    }

    /// How a body's dissolution reads: " (aufgelöst am 2010-11-30)", " (aufgelöst im November 2010)",
    /// " (aufgelöst, Datum nicht angegeben)", or nothing.
    func dissolution(_ body: Body) -> String {
        guard body.dissolved else { return "" }
        return body.dissolvedOn.map { " (\(t(.dissolvedOn)) \(when($0)))" } ?? " (\(t(.dissolvedNoDate)))"
    }

    /// When something happened, as precisely as it is known: "am 2010-11-30", "im November 2010", "im Jahr 2010",
    /// "vor 2018" ("on …", "in …", "before …") — a partial date is never shown as a day.
    func when(_ value: CalendarDate) -> String {
        if value.isBefore { return date(value) }
        switch (value.precision, language) {
        case (.day, .de): return "am \(date(value))"
        case (.month, .de), (.season, .de): return "im \(date(value))"
        case (.year, .de): return "im Jahr \(date(value))"
        case (.day, .en): return "on \(date(value))"
        default: return "in \(date(value))"
        }
    }

    /// When a measure starts: "ab Frühjahr 2020", or for a start known only to lie before a date "Beginn vor 2019".
    func startText(_ value: CalendarDate) -> String {
        "\(value.isBefore ? t(.startsBefore) : t(.startsFrom)) \(date(value))"
    }

    /// One deliberation: "2021-02-23 Schulausschuss, Empfehlung: beschlossen (6 Nein, 1 Enthaltung)".
    func deliberationLine(_ state: PlanState, _ deliberation: Deliberation) -> String {
        let body = state.bodies[deliberation.body]?.name ?? deliberation.body.rawValue
        let kind = deliberation.kind.map { ", " + label($0) } ?? ""
        let votes = deliberation.votes.map { " (\($0.text(in: language)))" } ?? ""
        return "\(date(deliberation.date)) \(body)\(kind): \(label(deliberation.result))\(votes)"
    }

    /// A contact: its details, "gelöscht" once erased, "nicht lesbar" without access to the key.
    func contactLine(_ id: Identifier) -> String {
        guard let person = persons[id] else { return "\(t(.unreadable)) [\(id)]" }
        guard let details = person.details else { return "\(person.erasure != nil ? t(.erased) : t(.unreadable)) [\(id)]" }
        let facts = [details.function, details.room, details.phone, details.email].compactMap { $0 }
        return details.name + (facts.isEmpty ? "" : " (" + facts.joined(separator: ", ") + ")") + " [\(id)]"
    }

    /// The plan's name of a goal level, or a neutral description when the plan names none.
    func levelName(_ state: PlanState, _ level: GoalLevel) -> String {
        state.levels.name(of: level) ?? (level == .strategic ? t(.strategicGoal) : t(.operationalGoal))
    }

    /// A body's mandate: "Plan beschließen, beraten", or "keines".
    func mandate(_ body: Body) -> String {
        body.mandate.isEmpty ? t(.mandateNone) : body.mandate.sorted().map { label($0) }.joined(separator: ", ")
    }

    /// A field's code and title ("a) Lebenslanges Lernen"), or its title alone when the plan does not number it.
    static func fieldHeading(_ field: FieldOfAction) -> String {
        field.code.map { "\($0)) \(field.title)" } ?? field.title
    }

    /// The titles of cross-cutting themes, in the order given ("Inklusion, BNE").
    static func themeTitles(_ state: PlanState, _ ids: [Identifier]) -> String {
        ids.map { state.themes[$0]?.title ?? $0.rawValue }.joined(separator: ", ")
    }

    /// Council papers by the date of their first deliberation, then by number.
    static func resolutionsInOrder(_ state: PlanState) -> [Resolution] {
        state.resolutions.values.sorted { a, b in
            let (da, db) = (a.inOrder[0].date, b.inOrder[0].date)
            return da != db ? da < db : a.number < b.number
        }
    }

    /// A text as one Markdown table cell: its bars escaped, its lines joined.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// One line for an event: the entities it touched, each with the names of the attributes it set.
    static func summary(_ effects: [AttributeEffect], in language: Language) -> String {
        effects.map { effect in "\(effect.entity) (\(attributeList(effect.attributes, in: language)))" }.joined(separator: "; ")
    }

    /// Attribute names in `language`, comma-separated: "Titel, Beschreibung, Federführung".
    static func attributeList(_ attributes: [String], in language: Language) -> String {
        attributes.map { PlanDiff.attributeName($0, language) }.joined(separator: ", ")
    }
}
