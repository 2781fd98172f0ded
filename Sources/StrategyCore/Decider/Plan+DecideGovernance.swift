// Decides the commands on governance: bodies, resolutions (record, correct) and the adoption of versions.

extension Plan {
    static func establishBody(_ e: BodyEstablished, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        try rules.requireNew(e.body)
        try rules.label(e.name, "body '\(e.body)'.name")
        var event = e
        event.mandate = Array(Set(e.mandate)).sorted()
        return [.bodyEstablished(event)]
    }

    static func reviseBody(_ e: BodyRevised, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let body = try rules.body(e.body, "body")
        var change = BodyRevised(body: e.body)
        if let name = e.name, name != body.name { try rules.label(name, "body '\(e.body)'.name"); change.name = name }
        if let kind = e.kind, kind != body.kind { change.kind = kind }
        if let mandate = e.mandate, Set(mandate) != body.mandate { change.mandate = Array(Set(mandate)).sorted() }
        guard change != BodyRevised(body: e.body) else { return [] }
        if body.dissolved { throw .illegalTransition(kind: .body, id: e.body, from: "dissolved", to: "revised") }
        try rules.reasonIfSealed(e.body, .body, Wording(de: "das Überarbeiten", en: "revising it"))
        return [.bodyRevised(change)]
    }

    static func dissolveBody(_ id: Identifier, reason: String?, on: CalendarDate?, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let body = try rules.body(id, "body")
        // Dissolved already: only a date that was not known, or differs, is news. A dissolution stated without a
        // date leaves a known date as it is.
        if body.dissolved && (on == nil || on == body.dissolvedOn) { return [] }
        try rules.optionalText(reason, "body '\(id)'.reason", maxLength: 2_000)
        try rules.reasonIfSealed(id, .body, body.dissolved ? Wording(de: "das Ändern des Auflösungsdatums", en: "changing the date it was dissolved on") : Wording(de: "das Auflösen", en: "dissolving it"))
        return [.bodyDissolved(BodyDissolved(body: id, reason: reason ?? rules.context.reason, on: on))]
    }

    static func recordResolution(_ e: ResolutionRecorded, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let name = "resolution \(e.number)"
        // A paper number is an identifier of the council's, never personal data: checked for form only.
        if e.number.trimmingSpaces.isEmpty { throw .invalidValue(field: "resolution.number", reason: Wording(de: "darf nicht leer sein", en: "must not be empty")) }
        if e.number.count > 64 { throw .invalidValue(field: "resolution.number", reason: Wording(de: "hat mehr als 64 Zeichen", en: "has more than 64 characters")) }
        if e.number.contains("\n") || Rules.forbiddenCharacter(in: e.number) != nil {
            throw .invalidValue(field: "resolution.number", reason: Wording(de: "muss eine einzelne Zeile ohne Steuerzeichen sein", en: "must be a single line without control characters"))
        }
        _ = try rules.body(e.body, "\(name).body")
        try rules.label(e.subject, "\(name).subject")
        if let votes = e.votes { try checkVotes(votes, "\(name).votes", rules) }
        guard let existing = rules.state.resolutions[e.number] else { return [.resolutionRecorded(e)] }
        // The same paper again: a deliberation already on record is no news; a deliberation by a body on a date not
        // yet on record is the paper's next deliberation (a committee recommended, the council decides; a paper
        // referred back is decided later). What differs from a record is corrected, never recorded over.
        if existing.subject != e.subject { throw .resolutionAlreadyRecorded(number: e.number) }
        let deliberation = e.deliberation
        if existing.deliberations.contains(deliberation) { return [] }
        if existing.deliberations.contains(where: { $0.body == deliberation.body && $0.date == deliberation.date }) {
            throw .resolutionAlreadyRecorded(number: e.number)
        }
        return [.resolutionDeliberated(ResolutionDeliberated(number: e.number, deliberation: deliberation))]
    }

    /// Votes as reported: no negative count, no votes against a unanimous decision, not empty.
    private static func checkVotes(_ votes: Votes, _ field: String, _ rules: Rules) throws(DomainError) {
        if [votes.yes, votes.no, votes.abstain].contains(where: { ($0 ?? 0) < 0 }) {
            throw .invalidValue(field: field, reason: Wording(de: "Stimmenzahlen dürfen nicht negativ sein", en: "vote counts must not be negative"))
        }
        if votes.unanimous == true && (votes.no ?? 0) > 0 {
            throw .invalidValue(field: field, reason: Wording(de: "eine einstimmige Abstimmung hat keine Gegenstimmen", en: "a unanimous vote has no votes against"))
        }
        if votes.isEmpty { throw .invalidValue(field: field, reason: Wording(de: "meldet nichts; die Stimmen weglassen", en: "reports nothing; leave the votes out")) }
        if let note = votes.note { try rules.label(note, "\(field).note") }
    }

    static func correctResolution(
        _ number: String, deliberation index: Int?, facts: ResolutionFacts, reason: String, _ rules: Rules
    ) throws(DomainError) -> [PlanEvent] {
        guard let paper = rules.state.resolutions[number] else {
            throw .unknownEntity(kind: .resolution, id: number, role: "correction")
        }
        let name = "resolution \(number)"
        guard paper.deliberations.indices.contains(index ?? 0) else {
            throw .invalidValue(
                field: "\(name).deliberation",
                reason: Wording(de: "die Vorlage hat \(paper.deliberations.count) Beratung(en); Nummer \((index ?? 0) + 1) ist nicht darunter", en: "the paper has \(paper.deliberations.count) deliberation(s); number \((index ?? 0) + 1) is not among them"))
        }
        let record = paper.deliberations[index ?? 0]
        try rules.text(reason, "\(name).correction.reason", maxLength: 2_000)
        var previous = ResolutionFacts(), corrected = ResolutionFacts()
        if let body = facts.body, body != record.body { _ = try rules.body(body, "\(name).body"); previous.body = record.body; corrected.body = body }
        if let date = facts.date, date != record.date { previous.date = record.date; corrected.date = date }
        if let subject = facts.subject, subject != paper.subject { try rules.label(subject, "\(name).subject"); previous.subject = paper.subject; corrected.subject = subject }
        if let result = facts.result, result != record.result { previous.result = record.result; corrected.result = result }
        if let votes = facts.votes, votes.value != record.votes {
            if let value = votes.value { try checkVotes(value, "\(name).votes", rules) }
            previous.votes = record.votes.map(Clearable.set) ?? .cleared
            corrected.votes = votes
        }
        if let kind = facts.kind, kind.value != record.kind {
            previous.kind = record.kind.map(Clearable.set) ?? .cleared
            corrected.kind = kind
        }
        if corrected.isEmpty { return [] }
        var after = paper
        let position = index ?? 0
        if let body = corrected.body { after.deliberations[position].body = body }
        if let date = corrected.date { after.deliberations[position].date = date }
        if let result = corrected.result { after.deliberations[position].result = result }
        if let kind = corrected.kind { after.deliberations[position].kind = kind.value }
        if after.deliberations.enumerated().contains(where: { other in
            other.offset != position && other.element.body == after.deliberations[position].body
                && other.element.date == after.deliberations[position].date
        }) {
            throw .invalidValue(field: "\(name)", reason: Wording(de: "die Berichtigung ergäbe zwei Beratungen desselben Gremiums am selben Tag", en: "the correction would make two deliberations of the same body on the same date"))
        }
        // A version rests on the resolution that adopted it: what made that resolution carry stays.
        if let version = rules.state.versions.first(where: { $0.resolution == number }) {
            if !after.result.carries || after.body != paper.body {
                throw .invalidValue(
                    field: "\(name)",
                    reason: Wording(de: "er hat die Fassung '\(version.label)' beschlossen; Ergebnis und Gremium können nicht von diesem Beschluss weg berichtigt werden", en: "it adopted version '\(version.label)'; its result and body cannot be corrected away from that adoption"))
            }
        }
        return [.resolutionCorrected(ResolutionCorrected(
            number: number, previous: previous, corrected: corrected, reason: reason, deliberation: index == 0 ? nil : index))]
    }

    /// Adopts by a resolution as the minutes state it: recorded first when the plan has none by its number, else
    /// checked against the record (same body, a date that can be the same).
    static func adoptRecording(
        label: String?, resolution minutes: ResolutionRecorded, effectiveDate: CalendarDate?, _ rules: Rules
    ) throws(DomainError) -> [PlanEvent] {
        let number = minutes.number, effective = effectiveDate ?? minutes.date
        guard let recorded = rules.state.resolutions[number] else {
            // Recording the paper needs what the minutes say it was about: never a subject made up for it.
            if minutes.subject.trimmingSpaces.isEmpty {
                throw .invalidValue(field: "adopt.resolution.subject", reason: Wording(
                    de: "der Beschluss \(number) ist noch nicht erfasst; um ihn mit der Annahme zu erfassen, seinen Gegenstand laut Niederschrift angeben",
                    en: "resolution \(number) is not on record; to record it with the adoption, give its subject as the minutes state it"))
            }
            return try Plan.decide(
                [.recordResolution(minutes), .adopt(label: label, resolution: number, effectiveDate: effective)],
                context: rules.context, state: rules.state).events
        }
        if recorded.body != minutes.body {
            throw .invalidValue(field: "adopt.resolution", reason: Wording(
                de: "der Beschluss \(number) ist als Beschluss von '\(recorded.body)' erfasst, nicht von '\(minutes.body)'",
                en: "resolution \(number) is recorded as taken by '\(recorded.body)', not '\(minutes.body)'"))
        }
        if !recorded.date.mayCoincide(with: minutes.date) {
            throw .invalidValue(field: "adopt.resolution", reason: Wording(
                de: "der Beschluss \(number) ist mit dem Datum \(recorded.date.text(in: .de)) erfasst, angegeben ist \(minutes.date.text(in: .de)); "
                    + "das Datum laut Niederschrift angeben — ein erfasster Beschluss wird berichtigt, nicht überschrieben",
                en: "resolution \(number) is recorded with the date \(recorded.date), but \(minutes.date) was given; "
                    + "give the date the minutes state — a recorded resolution is corrected, not overwritten"))
        }
        return try adopt(label: label, resolution: number, effectiveDate: effective, rules)
    }

    static func adopt(label: String?, resolution number: String, effectiveDate: CalendarDate, _ rules: Rules) throws(DomainError) -> [PlanEvent] {
        let state = rules.state
        guard let label = label ?? state.draftLabel else {
            throw .invalidValue(field: "adopt.label", reason: Wording(de: "die Fassung benennen (oder erst den Entwurf benennen)", en: "name the version (or name the draft first)"))
        }
        try rules.label(label, "adopt.label")
        // One resolution per adoption: the log's record of the change (the context) may not name another paper
        // than the version does.
        if let stated = rules.context.resolution, stated != number {
            throw .invalidValue(field: "resolution", reason: Wording(
                de: "die Änderung nennt den Beschluss \(stated), die Fassung wird aber durch \(number) beschlossen; beide müssen derselbe sein",
                en: "the change names resolution \(stated), but the version is adopted by \(number); they must be the same"))
        }
        if state.version(label) != nil { throw .labelAlreadyUsed(label: label) }
        if let used = state.versions.first(where: { $0.resolution == number }) {
            throw .resolutionAlreadyUsed(number: number, version: used.label)
        }
        let resolution = try rules.mandate(.adoptPlan, resolution: number, for: "adopting version '\(label)'")
        if state.versions.isEmpty ? !state.hasContent : state.changesSinceAdoption == 0 { throw .emptyDraft }
        // Versions follow each other: a version that took effect, or was decided, before the one it succeeds would
        // make "in force on" answer with the later content.
        if let current = state.currentVersion {
            if effectiveDate.isCertainlyBefore(current.effectiveDate) {
                throw .invalidValue(
                    field: "adopt.effectiveDate",
                    reason: Wording(
                        de: "die Fassung '\(label)' träte am \(effectiveDate.text(in: .de)) in Kraft, vor der Fassung '\(current.label)' "
                            + "(in Kraft ab \(current.effectiveDate.text(in: .de))), auf die sie folgt; Fassungen werden der Reihe nach beschlossen",
                        en: "version '\(label)' would take effect on \(effectiveDate), before version '\(current.label)' "
                            + "(in force from \(current.effectiveDate)), which it follows; versions are adopted in order"))
            }
            if let previous = state.resolutions[current.resolution], resolution.date.isCertainlyBefore(previous.date) {
                throw .invalidValue(
                    field: "adopt.resolution",
                    reason: Wording(
                        de: "der Beschluss \(number) ist vom \(resolution.date.text(in: .de)), vor dem Beschluss \(previous.number) "
                            + "(\(previous.date.text(in: .de))), der die Fassung '\(current.label)' beschlossen hat; Fassungen werden der Reihe nach beschlossen",
                        en: "resolution \(number) is dated \(resolution.date), before resolution \(previous.number) "
                            + "(\(previous.date)) that adopted version '\(current.label)'; versions are adopted in order"))
            }
        }
        let activated = state.fields.values.filter { $0.status == .proposed }.map(\.id).sorted(by: Identifier.naturalOrder)
        let adopted = state.goals.values.filter { $0.status == .draft }.map(\.id).sorted(by: Identifier.naturalOrder)
        var sealed = state
        for field in activated { sealed.fields[field]?.status = .active }
        for goal in adopted { sealed.goals[goal]?.status = .adopted }
        return [.versionAdopted(VersionAdopted(
            label: label, resolution: number, body: resolution.body, effectiveDate: effectiveDate,
            contentHash: sealed.contentHash, basedOn: state.currentVersion?.label, counts: sealed.counts,
            activatedFields: activated, adoptedGoals: adopted))]
    }
}
