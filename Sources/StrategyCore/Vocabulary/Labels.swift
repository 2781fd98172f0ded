// The German and English labels of every enumerated value a rendering shows. Each `switch` lists every case, so a
// new case cannot be added without its labels; ``Vocabulary/values`` lists them all for the glossary and its test.

extension MeasureStatus: Labelled {
    public var label: Wording {
        switch self {
        case .planned: Wording(de: "geplant", en: "planned")
        case .inProgress: Wording(de: "in Umsetzung", en: "in progress")
        case .suspended: Wording(de: "ausgesetzt", en: "suspended")
        case .completed: Wording(de: "abgeschlossen", en: "completed")
        case .institutionalized: Wording(de: "verstetigt", en: "institutionalised")
        case .discarded: Wording(de: "verworfen", en: "discarded")
        }
    }
}

extension Health: Labelled {
    public var label: Wording {
        switch self {
        case .onTrack: Wording(de: "im Plan", en: "on track")
        case .atRisk: Wording(de: "gefährdet", en: "at risk")
        case .critical: Wording(de: "kritisch", en: "critical")
        }
    }
}

extension Horizon: Labelled {
    public var label: Wording {
        switch self {
        case .short: Wording(de: "kurzfristig", en: "short-term")
        case .medium: Wording(de: "mittelfristig", en: "medium-term")
        case .long: Wording(de: "langfristig", en: "long-term")
        }
    }
}

extension GoalStatus: Labelled {
    public var label: Wording {
        switch self {
        case .draft: Wording(de: "Entwurf", en: "draft")
        case .adopted: Wording(de: "beschlossen", en: "adopted")
        case .achieved: Wording(de: "erreicht", en: "achieved")
        case .partlyAchieved: Wording(de: "teilweise erreicht", en: "partly achieved")
        case .notAchieved: Wording(de: "nicht erreicht", en: "not achieved")
        case .abandoned: Wording(de: "aufgegeben", en: "abandoned")
        }
    }
}

extension GoalLevel: Labelled {
    public var label: Wording {
        switch self {
        case .strategic: Wording(de: "strategisch", en: "strategic")
        case .operational: Wording(de: "operativ", en: "operational")
        }
    }
}

extension FieldStatus: Labelled {
    public var label: Wording {
        switch self {
        case .proposed: Wording(de: "vorgeschlagen", en: "proposed")
        case .active: Wording(de: "aktiv", en: "active")
        case .merged: Wording(de: "zusammengeführt", en: "merged")
        case .split: Wording(de: "aufgeteilt", en: "split")
        case .retired: Wording(de: "beendet", en: "retired")
        }
    }
}

extension Polarity: Labelled {
    public var label: Wording {
        switch self {
        case .higherIsBetter: Wording(de: "höher ist besser", en: "higher is better")
        case .lowerIsBetter: Wording(de: "niedriger ist besser", en: "lower is better")
        case .neutral: Wording(de: "neutral", en: "neutral")
        }
    }
}

extension BodyKind: Labelled {
    public var label: Wording {
        switch self {
        case .council: Wording(de: "Kreistag", en: "county council")
        case .committee: Wording(de: "Ausschuss", en: "committee")
        case .advisoryBoard: Wording(de: "Beirat", en: "advisory board")
        case .steeringGroup: Wording(de: "Steuerungsgruppe", en: "steering group")
        case .strategyGroup: Wording(de: "Strategiegruppe", en: "strategy group")
        case .administration: Wording(de: "Verwaltung", en: "administration")
        case .other: Wording(de: "sonstiges Gremium", en: "other body")
        }
    }
}

extension DecisionKind: Labelled {
    public var label: Wording {
        switch self {
        case .adoptPlan: Wording(de: "Plan beschließen", en: "adopt the plan")
        case .adoptGoals: Wording(de: "Ziele beschließen", en: "adopt goals")
        case .approveMeasures: Wording(de: "Maßnahmen genehmigen", en: "approve measures")
        case .approveBudget: Wording(de: "Budget genehmigen", en: "approve budgets")
        case .advise: Wording(de: "beraten", en: "advise")
        }
    }
}

extension DeliberationKind: Labelled {
    public var label: Wording {
        switch self {
        case .preliminary: Wording(de: "Vorberatung", en: "preliminary deliberation")
        case .recommendation: Wording(de: "Empfehlung", en: "recommendation")
        case .decision: Wording(de: "Beschluss", en: "decision")
        }
    }
}

extension ResolutionResult: Labelled {
    public var label: Wording {
        switch self {
        case .adopted: Wording(de: "beschlossen", en: "adopted")
        case .adoptedWithChanges: Wording(de: "mit Änderungen beschlossen", en: "adopted with changes")
        case .rejected: Wording(de: "abgelehnt", en: "rejected")
        case .noted: Wording(de: "zur Kenntnis genommen", en: "taken note of")
        case .postponed: Wording(de: "vertagt", en: "postponed")
        case .referredBack: Wording(de: "zurückverwiesen", en: "referred back")
        case .withdrawn: Wording(de: "zurückgezogen", en: "withdrawn")
        case .presented: Wording(de: "vorgestellt", en: "presented")
        case .commissioned: Wording(de: "Auftrag erteilt", en: "commissioned")
        case .pending: Wording(de: "noch nicht entschieden", en: "not decided yet")
        case .unknown: Wording(de: "Ergebnis nicht bekannt", en: "result not known")
        }
    }
}

extension ParticipationKind: Labelled {
    public var label: Wording {
        switch self {
        case .zukunftswerkstatt: Wording(de: "Zukunftswerkstatt", en: "future workshop")
        case .bildungskonferenz: Wording(de: "Bildungskonferenz", en: "education conference")
        case .fachtag: Wording(de: "Fachtag", en: "expert day")
        case .zukunftsforum: Wording(de: "Zukunftsforum", en: "future forum")
        case .workshop: Wording(de: "Workshop", en: "workshop")
        case .survey: Wording(de: "Befragung", en: "survey")
        case .other: Wording(de: "sonstiges Format", en: "other format")
        }
    }
}

extension Disposition: Labelled {
    public var label: Wording {
        switch self {
        case .pending: Wording(de: "offen", en: "pending")
        case .accepted: Wording(de: "übernommen", en: "accepted")
        case .partly: Wording(de: "teilweise übernommen", en: "partly accepted")
        case .rejected: Wording(de: "abgelehnt", en: "rejected")
        case .deferred: Wording(de: "zurückgestellt", en: "deferred")
        }
    }
}

extension Sector: Labelled {
    public var label: Wording {
        switch self {
        case .earlyChildhood: Wording(de: "frühkindliche Bildung", en: "early childhood")
        case .school: Wording(de: "Schule", en: "school")
        case .vocational: Wording(de: "berufliche Bildung", en: "vocational education")
        case .university: Wording(de: "Hochschule", en: "university")
        case .adultEducation: Wording(de: "Erwachsenenbildung", en: "adult education")
        case .employer: Wording(de: "Arbeitgeber", en: "employer")
        case .employmentAgency: Wording(de: "Agentur für Arbeit", en: "employment agency")
        case .municipality: Wording(de: "Kommune", en: "municipality")
        case .administration: Wording(de: "Verwaltung", en: "administration")
        case .civilSociety: Wording(de: "Zivilgesellschaft", en: "civil society")
        case .other: Wording(de: "sonstige", en: "other")
        }
    }
}

extension Season: Labelled {
    public var label: Wording {
        switch self {
        case .spring: Wording(de: "Frühjahr", en: "spring")
        case .summer: Wording(de: "Sommer", en: "summer")
        case .autumn: Wording(de: "Herbst", en: "autumn")
        case .winter: Wording(de: "Winter", en: "winter")
        }
    }
}

extension EntityKind: Labelled {
    public var label: Wording {
        switch self {
        case .plan: Wording(de: "Plan", en: "plan")
        case .visionSection: Wording(de: "Leitbildabschnitt", en: "vision section")
        case .field: Wording(de: "Handlungsfeld", en: "field of action")
        case .goal: Wording(de: "Ziel", en: "goal")
        case .measure: Wording(de: "Maßnahme", en: "measure")
        case .milestone: Wording(de: "Meilenstein", en: "milestone")
        case .indicator: Wording(de: "Kennzahl", en: "indicator")
        case .observation: Wording(de: "Messwert", en: "observation")
        case .body: Wording(de: "Gremium", en: "body")
        case .resolution: Wording(de: "Beschluss", en: "resolution")
        case .participation: Wording(de: "Beteiligungsformat", en: "participation format")
        case .contribution: Wording(de: "Beitrag", en: "contribution")
        case .actor: Wording(de: "Bildungsakteur", en: "education actor")
        case .version: Wording(de: "Fassung", en: "version")
        case .theme: Wording(de: "Querschnittsthema", en: "cross-cutting theme")
        }
    }
}

/// The vocabulary's enumerated values, for the glossary and for reading option values given as labels.
public enum Vocabulary {
    /// Every labelled enumeration: its name, and each value's stable key and label.
    public static let values: [(name: String, entries: [(key: String, label: Wording)])] = [
        ("MeasureStatus", entries(MeasureStatus.self)), ("Health", entries(Health.self)), ("Horizon", entries(Horizon.self)),
        ("GoalStatus", entries(GoalStatus.self)), ("GoalLevel", entries(GoalLevel.self)),
        ("FieldStatus", [FieldStatus.proposed, .active, .merged(into: Identifier(unchecked: "x")), .split(into: []), .retired(reason: "")]
            .map { ($0.name, $0.label) }),
        ("Polarity", entries(Polarity.self)), ("BodyKind", entries(BodyKind.self)), ("DecisionKind", entries(DecisionKind.self)),
        ("DeliberationKind", entries(DeliberationKind.self)), ("ResolutionResult", entries(ResolutionResult.self)),
        ("ParticipationKind", entries(ParticipationKind.self)), ("Disposition", entries(Disposition.self)),
        ("Sector", entries(Sector.self)), ("Season", entries(Season.self)), ("EntityKind", entries(EntityKind.self)),
    ]

    private static func entries<Value: Labelled & CaseIterable & RawRepresentable>(_ type: Value.Type) -> [(key: String, label: Wording)]
    where Value.RawValue == String {
        Value.allCases.map { ($0.rawValue, $0.label) }
    }

    /// The value of `type` that `text` names: its stable key (hyphens taken for underscores) or its label in
    /// either language, ignoring case — `in_progress`, `in-progress`, `in Umsetzung`.
    public static func value<Value: Labelled & CaseIterable & RawRepresentable>(_ type: Value.Type, named text: String) -> Value?
    where Value.RawValue == String {
        let wanted = text.lowercased().replacingOccurrences(of: "-", with: "_")
        return Value.allCases.first { value in
            value.rawValue == wanted || value.label.de.lowercased() == text.lowercased() || value.label.en.lowercased() == text.lowercased()
        }
    }
}
