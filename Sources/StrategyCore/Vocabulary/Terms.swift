/// The words and phrases renderings use, each in German and English: headings, labels, table headers and the
/// little phrases around values. One `switch` holds both languages of every term, so none can lack one.
public enum Term: String, Hashable, Sendable, CaseIterable {
    // Headings of a plan.
    case vision, motto, themes, fields, measures, indicators, observations, bodies, actors, participation, resolutions, versions
    case contact, contacts, notStated, commitmentNotStated, leadNotStated, lead, health, field, goals, milestone, due, reached
    case budget, latest, mandate, mandateNone, noLongerUsed, dissolvedOn, dissolvedNoDate, draftLabel, latestVersion, inForceFrom
    case supersededBy, deadline, state, position, resolution, targetValue, qualitative, from, to, until, targetDateNotStated
    case startsBefore, startsFrom, participants, participantsNotStated, by, correctionOf, correctedBy, unreadable, erased, deliberations
    case strategicGoal, operationalGoal, paper, subject, label, effective, kind, unit, direction, source, period, region, value
    case correction, observation, indicator, measure, status, themesOf, tags, milestones
    // Diffs.
    case changes, noChangesBetween, planAndVision, otherRecords, legend, added, removed, modified, renamed, moved, relinked, retired
    case reordered, noChanges, changeLog, fromTo, orderByNumber, orderById
    // Tables of versions, log and blame.
    case attribute, event, valueOrWhy, recorded, body, counts

    /// The term in both languages.
    public var wording: Wording {
        switch self {
        case .vision: Wording(de: "Leitbild", en: "Vision")
        case .motto: Wording(de: "Leitspruch", en: "Motto")
        case .themes: Wording(de: "Querschnittsthemen", en: "Cross-cutting themes")
        case .fields: Wording(de: "Handlungsfelder", en: "Fields of action")
        case .measures: Wording(de: "Maßnahmen", en: "Measures")
        case .indicators: Wording(de: "Kennzahlen", en: "Indicators")
        case .observations: Wording(de: "Messwerte", en: "Observations")
        case .bodies: Wording(de: "Gremien", en: "Bodies")
        case .actors: Wording(de: "Bildungsakteure", en: "Education actors")
        case .participation: Wording(de: "Beteiligung", en: "Participation")
        case .resolutions: Wording(de: "Beschlüsse", en: "Resolutions")
        case .versions: Wording(de: "Fassungen", en: "Versions")
        case .contact: Wording(de: "Ansprechperson", en: "Contact")
        case .contacts: Wording(de: "Ansprechpersonen", en: "Contacts")
        case .notStated: Wording(de: "nicht angegeben", en: "not stated")
        case .commitmentNotStated: Wording(de: "Selbstverpflichtung: nicht angegeben", en: "Commitment: not stated")
        case .leadNotStated: Wording(de: "nicht angegeben", en: "not stated")
        case .lead: Wording(de: "Federführung", en: "Lead")
        case .health: Wording(de: "Lage", en: "Health")
        case .field: Wording(de: "Handlungsfeld", en: "Field of action")
        case .goals: Wording(de: "Ziele", en: "Goals")
        case .milestone: Wording(de: "Meilenstein", en: "Milestone")
        case .due: Wording(de: "fällig", en: "due")
        case .reached: Wording(de: "erreicht", en: "reached")
        case .budget: Wording(de: "Budget", en: "Budget")
        case .latest: Wording(de: "zuletzt", en: "latest")
        case .mandate: Wording(de: "Mandat", en: "Mandate")
        case .mandateNone: Wording(de: "keines", en: "none")
        case .noLongerUsed: Wording(de: "nicht mehr verwendet", en: "no longer used")
        case .dissolvedOn: Wording(de: "aufgelöst", en: "dissolved")
        case .dissolvedNoDate: Wording(de: "aufgelöst, Datum nicht angegeben", en: "dissolved, date not stated")
        case .draftLabel: Wording(de: "Entwurf", en: "Draft")
        case .latestVersion: Wording(de: "letzte Fassung", en: "latest version")
        case .inForceFrom: Wording(de: "in Kraft ab", en: "in force from")
        case .supersededBy: Wording(de: "abgelöst durch", en: "superseded by")
        case .deadline: Wording(de: "Frist", en: "Deadline")
        case .state: Wording(de: "Stand", en: "As of")
        case .position: Wording(de: "Position", en: "position")
        case .resolution: Wording(de: "Beschluss", en: "Resolution")
        case .targetValue: Wording(de: "Zielwert", en: "Target")
        case .qualitative: Wording(de: "qualitativ", en: "qualitative")
        case .from: Wording(de: "von", en: "from")
        case .to: Wording(de: "auf", en: "to")
        case .until: Wording(de: "bis", en: "by")
        case .targetDateNotStated: Wording(de: "Zieldatum nicht angegeben", en: "target date not stated")
        case .startsBefore: Wording(de: "Beginn", en: "started")
        case .startsFrom: Wording(de: "ab", en: "from")
        case .participants: Wording(de: "Teilnehmende", en: "participants")
        case .participantsNotStated: Wording(de: "Teilnehmende nicht angegeben", en: "participants not stated")
        case .by: Wording(de: "von", en: "by")
        case .correctionOf: Wording(de: "Korrektur von", en: "correction of")
        case .correctedBy: Wording(de: "korrigiert durch", en: "corrected by")
        case .unreadable: Wording(de: "nicht lesbar", en: "not readable")
        case .erased: Wording(de: "gelöscht", en: "erased")
        case .deliberations: Wording(de: "Beratungen", en: "Deliberations")
        case .strategicGoal: Wording(de: "Ziel (strategisch)", en: "Goal (strategic)")
        case .operationalGoal: Wording(de: "Ziel (operativ)", en: "Goal (operational)")
        case .paper: Wording(de: "Vorlage", en: "Paper")
        case .subject: Wording(de: "Gegenstand", en: "Subject")
        case .label: Wording(de: "Fassung", en: "Version")
        case .effective: Wording(de: "In Kraft ab", en: "In force from")
        case .kind: Wording(de: "Art", en: "Kind")
        case .unit: Wording(de: "Einheit", en: "Unit")
        case .direction: Wording(de: "Richtung", en: "Direction")
        case .source: Wording(de: "Quelle", en: "Source")
        case .period: Wording(de: "Zeitraum", en: "Period")
        case .region: Wording(de: "Gebiet", en: "Region")
        case .value: Wording(de: "Wert", en: "Value")
        case .correction: Wording(de: "Korrektur", en: "Correction")
        case .observation: Wording(de: "Messwert", en: "Observation")
        case .indicator: Wording(de: "Kennzahl", en: "Indicator")
        case .measure: Wording(de: "Maßnahme", en: "Measure")
        case .status: Wording(de: "Status", en: "Status")
        case .themesOf: Wording(de: "Querschnittsthemen", en: "Cross-cutting themes")
        case .tags: Wording(de: "Schlagworte", en: "Tags")
        case .milestones: Wording(de: "Meilensteine", en: "Milestones")
        case .changes: Wording(de: "Änderungen", en: "Changes")
        case .noChangesBetween: Wording(de: "keine Änderungen zwischen", en: "no changes between")
        case .planAndVision: Wording(de: "Leitbild und Rahmen", en: "Vision and framework")
        case .otherRecords: Wording(de: "Gremien, Kennzahlen, Beteiligung und Akteure", en: "Bodies, indicators, participation and actors")
        case .legend: Wording(de: "Legende: ~~gestrichen~~, **eingefügt**.", en: "Legend: ~~deleted~~, **inserted**.")
        case .added: Wording(de: "Neu", en: "Added")
        case .removed: Wording(de: "Entfernt", en: "Removed")
        case .modified: Wording(de: "Geändert", en: "Changed")
        case .renamed: Wording(de: "umbenannt", en: "renamed")
        case .moved: Wording(de: "verschoben", en: "moved")
        case .relinked: Wording(de: "neu verknüpft", en: "relinked")
        case .retired: Wording(de: "beendet", en: "ended")
        case .reordered: Wording(de: "neu geordnet", en: "reordered")
        case .noChanges: Wording(de: "Keine Änderungen.", en: "No changes.")
        case .changeLog: Wording(de: "Änderungsprotokoll", en: "Change log")
        case .fromTo: Wording(de: "Von **%1** zu **%2**.", en: "From **%1** to **%2**.")
        case .orderByNumber: Wording(de: "nach Nummer", en: "by number")
        case .orderById: Wording(de: "nach Kennung", en: "by id")
        case .attribute: Wording(de: "ATTRIBUT", en: "ATTRIBUTE")
        case .event: Wording(de: "EREIGNIS", en: "EVENT")
        case .valueOrWhy: Wording(de: "WERT / WARUM", en: "VALUE / WHY")
        case .recorded: Wording(de: "ERFASST", en: "RECORDED")
        case .body: Wording(de: "Gremium", en: "Body")
        case .counts: Wording(de: "Umfang", en: "Size")
        }
    }

    /// The term in `language`.
    public func callAsFunction(_ language: Language) -> String { wording(language) }
}
