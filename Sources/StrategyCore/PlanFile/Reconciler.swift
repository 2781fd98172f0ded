/// Computes the commands that turn a plan's state into what a plan file describes — only what differs.
///
/// Importing the same file twice records nothing the second time, and exporting a plan and importing the
/// export records nothing (``PlanFileWriter``). Entities missing from the file are ended the way their lifecycle
/// allows: vision sections removed, goals abandoned, measures discarded, fields and indicators retired, bodies
/// dissolved, actors and cross-cutting themes removed — each with the import's reason. Records kept beside the plan (resolutions,
/// participation, observations) are only ever added. A status the file does not state is left as it is.
public enum Reconciler {
    /// The commands, in the order they must be decided.
    ///
    /// - Parameters:
    ///   - reason: The import's reason, for what the file no longer lists.
    ///   - resolution: The resolution the import rests on, when goals must be adopted on their way to the status the
    ///     file states.
    public static func commands(from document: PlanDocument, state: PlanState, reason: String? = nil, resolution: String? = nil) -> [PlanCommand] {
        var commands: [PlanCommand] = []
        let d = document

        // The plan itself.
        if !state.exists {
            commands.append(.createPlan(PlanCreated(plan: d.plan, title: d.title, county: d.county, levels: d.levels, deadline: d.deadline)))
        } else {
            commands.append(.revisePlan(PlanRevised(
                title: d.title, county: d.county, levels: d.levels, deadline: Clearable.change(from: state.deadline, to: d.deadline))))
        }
        if let draft = d.draft, draft != state.draftLabel, state.version(draft) == nil { commands.append(.nameDraft(label: draft)) }

        // Governance, actors and indicators first: content refers to them.
        for body in d.bodies {
            if state.bodies[body.id] == nil {
                commands.append(.establishBody(BodyEstablished(body: body.id, name: body.name, kind: body.kind, mandate: body.mandate.sorted())))
            } else {
                commands.append(.reviseBody(BodyRevised(body: body.id, name: body.name, kind: body.kind, mandate: body.mandate.sorted())))
            }
        }
        for actor in d.actors {
            commands.append(state.actors[actor.id] == nil
                ? .registerActor(ActorRegistered(actor: actor.id, name: actor.name, sector: actor.sector))
                : .reviseActor(ActorRevised(actor: actor.id, name: actor.name, sector: actor.sector)))
        }
        for indicator in d.indicators {
            commands.append(state.indicators[indicator.id] == nil
                ? .defineIndicator(IndicatorDefined(indicator: indicator.id, code: indicator.code, name: indicator.name, unit: indicator.unit, polarity: indicator.polarity, source: indicator.source))
                : .reviseIndicator(IndicatorRevised(indicator: indicator.id, code: indicator.code, name: indicator.name, unit: indicator.unit, polarity: indicator.polarity, source: indicator.source)))
        }

        // Observations, while their indicators are defined and not yet retired; a correction after what it corrects.
        commands += observationCommands(d, state)

        // Cross-cutting themes: fields, goals and measures refer to them.
        for theme in d.themes {
            if let existing = state.themes[theme.id] {
                commands.append(.reviseTheme(ThemeRevised(
                    theme: theme.id, title: theme.title, description: Clearable.change(from: existing.description, to: theme.description))))
            } else {
                commands.append(.defineTheme(ThemeDefined(theme: theme.id, title: theme.title, description: theme.description)))
            }
        }

        // Participation records come early: goals and measures may derive from contributions.
        for format in d.participation {
            commands.append(state.participation[format.id] == nil
                ? .holdParticipation(ParticipationHeld(format: format.id, kind: format.kind, title: format.title, date: format.date, participants: format.participants))
                : .reviseParticipation(ParticipationRevised(
                    format: format.id, kind: format.kind, title: format.title, date: format.date,
                    participants: Clearable.change(from: state.participation[format.id]?.participants, to: format.participants))))
        }
        for contribution in d.contributions where state.contributions[contribution.id] == nil {
            commands.append(.receiveContribution(ContributionReceived(contribution: contribution.id, format: contribution.format, summary: contribution.summary)))
        }

        // Vision.
        let wantedSections = Set(d.vision.sections.map(\.id))
        for section in state.vision.sections where !wantedSections.contains(section.id) {
            commands.append(.removeVisionSection(section.id))
        }
        for section in d.vision.sections {
            if state.vision.section(section.id) == nil {
                commands.append(.writeVisionSection(VisionSectionWritten(section: section.id, title: section.title, text: section.text)))
            } else {
                commands.append(.reviseVisionSection(VisionSectionRevised(section: section.id, title: section.title, text: section.text)))
            }
        }
        commands.append(.reorderVisionSections(d.vision.sections.map(\.id)))
        commands.append(.setPrinciples(d.vision.principles))
        commands.append(.setMotto(d.vision.motto))

        // What the file no longer lists: end goals and measures first, and retire fields whose goals all end,
        // so that their codes are free for new fields.
        let wantedGoals = Set(d.goals.map(\.id))
        for goal in parentsFirst(Array(state.goals.values)).reversed() where !wantedGoals.contains(goal.id) && goal.status.isOpen {
            commands.append(.changeGoalStatus(goal.id, to: .abandoned, reason: reason))
        }
        let wantedMeasures = Set(d.measures.map(\.id))
        for measure in PlanState.ordered(state.measures) where !wantedMeasures.contains(measure.id) && !measure.status.isFinal {
            for step in path(from: measure.status, to: .discarded, successors: \.successors) {
                commands.append(.declareMeasureStatus(measure.id, to: step, reason: step == .discarded ? reason : nil))
            }
        }

        let documentFieldIDs = Set(d.fields.map(\.id))
        var retiredEarly = Set<Identifier>()
        for field in state.fieldsInOrder where !documentFieldIDs.contains(field.id) && field.status.isOpen {
            let staying = state.goals.values.contains { $0.field == field.id && $0.status.isOpen && wantedGoals.contains($0.id) }
            if !staying {
                commands.append(.retireField(field.id, reason: reason ?? ""))
                retiredEarly.insert(field.id)
            }
        }

        // A new field the file states as retired whose code another field of the file uses (a Fortschreibung that
        // gave a retired field's code to a new one, exported and imported into an empty store): it is created with
        // its goals in their stated statuses and retired before the other fields are proposed, so that its code is
        // free again.
        var retiredFirst = Set<Identifier>()
        for field in d.fields where state.fields[field.id] == nil && d.declaredStatus.contains(field.id) {
            guard case let .retired(fieldReason) = field.status,
                  let code = field.code, d.fields.contains(where: { $0.id != field.id && $0.code == code }) else { continue }
            commands.append(.proposeField(FieldProposed(
                field: field.id, code: field.code, title: field.title, commitment: field.commitment, tags: field.tags,
                derivedFrom: field.derivedFrom, themes: field.themes)))
            let goals = parentsFirst(d.goals.filter { $0.field == field.id && state.goals[$0.id] == nil })
            for goal in goals {
                commands.append(.formulateGoal(GoalFormulated(
                    goal: goal.id, field: goal.field, parent: goal.parent, level: goal.level, statement: goal.statement,
                    targetGroup: goal.targetGroup, effectLevel: goal.effectLevel, targets: goal.targets, derivedFrom: goal.derivedFrom,
                    themes: goal.themes)))
            }
            for goal in goals where d.declaredStatus.contains(goal.id) {
                let steps = path(from: GoalStatus.draft, to: goal.status, successors: \.successors)
                // Adopting on the way needs the import's resolution recorded; the file may be what records it.
                if steps.contains(.adopted), let number = resolution, state.resolutions[number] == nil,
                   let resolution = d.resolutions.first(where: { $0.number == number }) {
                    commands += resolution.recordCommands
                }
                for step in steps { commands.append(.changeGoalStatus(goal.id, to: step, reason: nil)) }
            }
            commands.append(.retireField(field.id, reason: fieldReason))
            retiredFirst.insert(field.id)
            retiredFirst.formUnion(goals.map(\.id))
        }

        // Fields and goals.
        for field in d.fields where !retiredFirst.contains(field.id) {
            if let existing = state.fields[field.id] {
                commands.append(.reviseField(FieldRevised(
                    field: field.id, code: Clearable.change(from: existing.code, to: field.code), title: field.title,
                    commitment: Clearable.change(from: existing.commitment, to: field.commitment), tags: field.tags,
                    derivedFrom: field.derivedFrom, themes: field.themes)))
            } else {
                commands.append(.proposeField(FieldProposed(
                    field: field.id, code: field.code, title: field.title, commitment: field.commitment, tags: field.tags,
                    derivedFrom: field.derivedFrom, themes: field.themes)))
            }
        }
        for goal in parentsFirst(d.goals) where !retiredFirst.contains(goal.id) {
            if let existing = state.goals[goal.id] {
                if existing.field != goal.field || existing.parent != goal.parent {
                    commands.append(.moveGoal(goal.id, field: goal.field, parent: goal.parent))
                }
                commands.append(.reviseGoal(GoalRevised(
                    goal: goal.id, level: goal.level, statement: goal.statement,
                    targetGroup: Clearable.change(from: existing.targetGroup, to: goal.targetGroup),
                    effectLevel: Clearable.change(from: existing.effectLevel, to: goal.effectLevel),
                    targets: goal.targets, derivedFrom: goal.derivedFrom, themes: goal.themes)))
            } else {
                commands.append(.formulateGoal(GoalFormulated(
                    goal: goal.id, field: goal.field, parent: goal.parent, level: goal.level, statement: goal.statement,
                    targetGroup: goal.targetGroup, effectLevel: goal.effectLevel, targets: goal.targets, derivedFrom: goal.derivedFrom,
                    themes: goal.themes)))
            }
        }

        // Measures.
        for measure in d.measures {
            if let existing = state.measures[measure.id] {
                commands.append(.reviseMeasure(MeasureRevised(
                    measure: measure.id, title: measure.title, description: measure.description,
                    lead: Clearable.change(from: existing.lead, to: measure.lead),
                    partners: measure.partners, plannedStart: Clearable.change(from: existing.plannedStart, to: measure.plannedStart),
                    plannedEnd: Clearable.change(from: existing.plannedEnd, to: measure.plannedEnd),
                    horizon: Clearable.change(from: existing.horizon, to: measure.horizon),
                    milestones: measure.milestones, budget: measure.budget, derivedFrom: measure.derivedFrom,
                    field: Clearable.change(from: existing.field, to: measure.field), themes: measure.themes)))
                commands.append(.relinkMeasure(measure.id, goals: measure.goals))
            } else {
                commands.append(.planMeasure(MeasurePlanned(
                    measure: measure.id, title: measure.title, description: measure.description, lead: measure.lead,
                    partners: measure.partners, plannedStart: measure.plannedStart, plannedEnd: measure.plannedEnd,
                    horizon: measure.horizon, goals: measure.goals, milestones: measure.milestones, budget: measure.budget,
                    derivedFrom: measure.derivedFrom, field: measure.field, themes: measure.themes)))
            }
        }

        // The plan's own order, as the file lists its fields, goals and measures; recorded only where it differs
        // from the order shown now.
        let order = PlanReordered(
            fields: d.fields.isEmpty ? nil : d.fields.map(\.id), goals: d.goals.isEmpty ? nil : d.goals.map(\.id),
            measures: d.measures.isEmpty ? nil : d.measures.map(\.id))
        if !order.isEmpty { commands.append(.reorder(order)) }

        // Contacts: registered persons only (the engine registers a file's contact details first).
        for owner in [PlanState.planContactKey] + d.fields.map(\.id.rawValue) + d.measures.map(\.id.rawValue) + d.contributions.map(\.id.rawValue) {
            let persons = (d.contacts[owner] ?? []).compactMap { entry -> Identifier? in
                if case let .person(id) = entry { return id }
                return nil
            }
            if persons != (state.contacts[owner] ?? []) { commands.append(.assignContacts(entity: owner, persons: persons)) }
        }

        // Records: resolutions and participation (added, never removed).
        for resolution in d.resolutions { commands += resolution.recordCommands }
        for contribution in d.contributions {
            let current = state.contributions[contribution.id]
            if current?.disposition != contribution.disposition || current?.linkedTo != contribution.linkedTo || current?.note != contribution.note,
               !(current == nil && contribution.disposition == .pending && contribution.linkedTo.isEmpty && contribution.note == nil) {
                commands.append(.disposeContribution(ContributionDisposed(
                    contribution: contribution.id, disposition: contribution.disposition, linkedTo: contribution.linkedTo, note: contribution.note)))
            }
        }

        // Statuses the file states, for goals and measures (fields close after their goals).
        for goal in d.goals where d.declaredStatus.contains(goal.id) && !retiredFirst.contains(goal.id) {
            let from = state.goals[goal.id]?.status ?? .draft
            for step in path(from: from, to: goal.status, successors: \.successors) {
                commands.append(.changeGoalStatus(goal.id, to: step, reason: nil))
            }
        }
        for measure in d.measures where d.declaredStatus.contains(measure.id) {
            let from = state.measures[measure.id]?.status ?? .planned
            for step in path(from: from, to: measure.status, successors: \.successors) {
                commands.append(.declareMeasureStatus(measure.id, to: step, reason: nil))
            }
        }

        // Field statuses, after goals have moved or ended.
        let documentFields = Dictionary(d.fields.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for field in d.fields where d.declaredStatus.contains(field.id) && !retiredFirst.contains(field.id) {
            let current = state.fields[field.id]?.status ?? .proposed
            if current == field.status { continue }
            switch field.status {
            case .proposed: break  // reported by `reconcile`: a field cannot go back to proposed
            case .active: commands.append(.activateField(field.id))
            case let .merged(into): commands.append(.mergeField(field.id, into: into))
            case let .split(into): commands.append(.splitField(field.id, into: into))
            case let .retired(fieldReason): commands.append(.retireField(field.id, reason: fieldReason))
            }
        }
        for field in state.fieldsInOrder where documentFields[field.id] == nil && field.status.isOpen && !retiredEarly.contains(field.id) {
            commands.append(.retireField(field.id, reason: reason ?? ""))
        }
        for indicator in d.indicators {
            if let retired = indicator.retiredReason, state.indicators[indicator.id]?.retiredReason == nil {
                commands.append(.retireIndicator(indicator.id, reason: retired))
            }
        }
        let wantedIndicators = Set(d.indicators.map(\.id))
        for indicator in PlanState.ordered(state.indicators) where !wantedIndicators.contains(indicator.id) && indicator.retiredReason == nil {
            commands.append(.retireIndicator(indicator.id, reason: reason ?? ""))
        }
        let documentBodies = Set(d.bodies.map(\.id))
        for body in d.bodies where body.dissolved { commands.append(.dissolveBody(body.id, reason: nil, on: body.dissolvedOn)) }
        for body in PlanState.ordered(state.bodies) where !documentBodies.contains(body.id) && !body.dissolved {
            commands.append(.dissolveBody(body.id, reason: reason))
        }
        let wantedActors = Set(d.actors.map(\.id))
        for actor in PlanState.ordered(state.actors) where !wantedActors.contains(actor.id) {
            commands.append(.removeActor(actor.id))
        }
        // Themes the file no longer lists go last, once nothing refers to them.
        let wantedThemes = Set(d.themes.map(\.id))
        for theme in PlanState.ordered(state.themes) where !wantedThemes.contains(theme.id) {
            commands.append(.removeTheme(theme.id))
        }
        return commands
    }

    /// Decides the commands for a document against `state`, as one unit: every event, or the first rule broken,
    /// reported at the place in the file it concerns.
    ///
    /// - Throws: ``PlanFileError`` with one issue naming the file location of the entity and the rule.
    public static func reconcile(
        _ document: PlanDocument, state: PlanState, context: EventContext = EventContext()
    ) throws(PlanFileError) -> (events: [PlanEvent], state: PlanState) {
        if let id = state.id, id != document.plan {
            let location = document.locations[document.plan.rawValue] ?? SourceLocation(file: "plan file", line: 1, column: 1, path: "plan")
            throw PlanFileError(issues: [PlanFileIssue(location: location, message: Wording(
                de: "diese Datei beschreibt den Plan '\(document.plan)', der Speicher enthält aber den Plan '\(id)'",
                en: "this file describes plan '\(document.plan)', but the store holds plan '\(id)'"))])
        }
        for field in document.fields where document.declaredStatus.contains(field.id) && field.status == .proposed {
            if let current = state.fields[field.id], current.status != .proposed {
                let location = document.locations[field.id.rawValue] ?? SourceLocation(file: "plan file", line: 1, column: 1, path: "fields")
                throw PlanFileError(issues: [PlanFileIssue(location: location, message: Wording(
                    de: "das Handlungsfeld '\(field.id)' ist \(current.status.label.de) (\(current.status.name)); ein Handlungsfeld kann nicht wieder auf \(FieldStatus.proposed.label.de) (proposed) zurückgesetzt werden",
                    en: "field '\(field.id)' is \(current.status.name); a field cannot return to proposed"))])
            }
        }
        // Contact details are personal data: they go into the register of persons (encrypted) before the plan names
        // the persons. Reconciling them here would drop them.
        var unregistered: [PlanFileIssue] = []
        for (owner, entries) in document.contacts.sorted(by: { $0.key < $1.key }) {
            for (index, entry) in entries.enumerated() {
                guard case .details = entry else { continue }
                let location = document.locations["contact:\(owner)#\(index)"] ?? SourceLocation(file: "plan file", line: 1, column: 1, path: "contacts")
                unregistered.append(PlanFileIssue(
                    location: location, message: Wording(
                        de: "Kontaktangaben werden zuerst im Personenregister erfasst; die Datei mit strategyctl oder StrategyEngine.importPlan einlesen",
                        en: "contact details are recorded in the register of persons first; import the file with strategyctl or StrategyEngine.importPlan")))
            }
        }
        if !unregistered.isEmpty { throw PlanFileError(issues: unregistered) }
        let differences = recordDifferences(document, state)
        if !differences.isEmpty { throw PlanFileError(issues: differences) }
        var current = state
        var events: [PlanEvent] = []
        for command in commands(from: document, state: state, reason: context.reason, resolution: context.resolution) {
            do throws(DomainError) {
                let produced = try Plan.decide(command, context: context, state: current)
                Plan.apply(produced, to: &current)
                events += produced
            } catch {
                let location = command.subject.flatMap { document.locations[$0] }
                    ?? document.locations[document.plan.rawValue]
                    ?? SourceLocation(file: "plan file", line: 1, column: 1, path: "")
                throw PlanFileError(issues: [PlanFileIssue(location: location, message: error.wording)])
            }
        }
        // A file whose draft label names an adopted version describes that version: it may only match it.
        if let draft = document.draft, state.version(draft) != nil, events.contains(where: \.changesContent) {
            let location = document.locations["draft"] ?? document.locations[document.plan.rawValue]
                ?? SourceLocation(file: "plan file", line: 1, column: 1, path: "draft")
            throw PlanFileError(issues: [PlanFileIssue(location: location, message: DomainError.versionSealed(label: draft).wording)])
        }
        return (events, current)
    }

    /// The observations of the file the plan does not hold yet: values first, in file order, then each correction
    /// once what it corrects is there (a correction of an unknown observation last, for `decide` to name).
    static func observationCommands(_ d: PlanDocument, _ state: PlanState) -> [PlanCommand] {
        var commands: [PlanCommand] = []
        var present = Set(state.observations.keys)
        var corrections: [(id: Identifier, of: Identifier, value: Quantity, reason: String)] = []
        for observation in d.observations where state.observations[observation.id] == nil {
            switch observation.kind {
            case let .recorded(indicator, period, region):
                commands.append(.recordObservation(ObservationRecorded(
                    observation: observation.id, indicator: indicator, period: period, region: region, value: observation.value)))
                present.insert(observation.id)
            case let .correction(of, reason):
                corrections.append((observation.id, of, observation.value, reason))
            }
        }
        while !corrections.isEmpty {
            let ready = corrections.filter { present.contains($0.of) }
            let next = ready.isEmpty ? corrections : ready
            for correction in next {
                commands.append(.correctObservation(ObservationCorrected(
                    observation: correction.id, corrects: correction.of, value: correction.value, reason: correction.reason)))
                present.insert(correction.id)
            }
            let done = Set(next.map(\.id))
            corrections.removeAll { done.contains($0.id) }
        }
        return commands
    }

    /// The records (resolutions, observations) a file lists that the plan holds with other content: one issue for
    /// each attribute that differs, at its place in the file, in file order.
    ///
    /// Records are added, never changed: a file that says something else about a recorded resolution or
    /// observation is refused and told what the record says — never silently left as it was.
    static func recordDifferences(_ document: PlanDocument, _ state: PlanState) -> [PlanFileIssue] {
        var issues: [PlanFileIssue] = []
        func at(_ key: String, orElse fallback: String, _ suffix: String) -> SourceLocation {
            if let location = document.locations[key] { return location }
            let base = document.locations[fallback] ?? SourceLocation(file: "plan file", line: 1, column: 1, path: "")
            return SourceLocation(file: base.file, line: base.line, column: base.column, path: base.path + suffix)
        }
        func quoted(_ text: String) -> String { "'\(text)'" }
        func same(_ text: String) -> Wording { Wording(de: text, en: text) }
        /// A stable key in English, its German label with the key in German: "adopted" / "beschlossen (adopted)".
        func keyed(_ key: String, _ label: Wording) -> Wording { Wording(de: "\(label.de) (\(key))", en: key) }
        let notStated = Wording(de: "nicht angegeben", en: "not stated"), none = Wording(de: "keine", en: "none")
        for resolution in document.resolutions {
            guard let recorded = state.resolutions[resolution.number], recorded != resolution else { continue }
            let number = resolution.number
            func report(_ key: String, _ position: Int?, _ recordedValue: Wording, _ fileValue: Wording, _ options: String?) {
                // The options of `strategyctl resolution correct` that would make the record say what the file says —
                // none where the file states nothing (a result left unknown, votes left out): a file that does not
                // know is no source for a correction.
                let how = options.map {
                    Wording(de: "mit 'strategyctl resolution correct \(number) \($0) --reason …' berichtigen oder so schreiben, wie er erfasst ist",
                            en: "correct it with 'strategyctl resolution correct \(number) \($0) --reason …', or write it as recorded")
                } ?? Wording(de: "so schreiben, wie er erfasst ist, oder weglassen", en: "write it as recorded, or leave it out")
                let which = position.map { recorded.deliberations.count > 1 ? Wording(de: " (Beratung \($0 + 1))", en: " (deliberation \($0 + 1))") : same("") }
                    ?? same("")
                let name = switch key {
                case "subject": "Gegenstand"
                case "body": "Gremium"
                case "date": "Datum"
                case "kind": "Art der Beratung"
                case "result": "Ergebnis"
                default: "Abstimmungsergebnis"
                }
                let fileKey = position.map { "resolution-\(key):\(number)#\($0)" } ?? "resolution-\(key):" + number
                issues.append(PlanFileIssue(
                    location: at(fileKey, orElse: "resolution:" + number, ".\(key)"),
                    message: Wording(
                        de: """
                            die Aufzeichnung weicht ab: Beschluss \(number)\(which.de) ist erfasst mit \(name): \(recordedValue.de), \
                            die Datei nennt: \(fileValue.de); ein erfasster Beschluss wird nie geändert: \(how.de)
                            """,
                        en: """
                            the record differs: resolution \(number)\(which.en) is recorded with \(key) \(recordedValue.en), \
                            the file says \(fileValue.en); a recorded resolution is never changed: \(how.en)
                            """)))
            }
            if recorded.subject != resolution.subject {
                report("subject", nil, same(quoted(recorded.subject)), same(quoted(resolution.subject)), "--subject \"\(resolution.subject)\"")
            }
            // Deliberations are matched by body and date; one the file states otherwise is paired with a recorded one
            // the file does not match, in order, and its differences reported. The rest of the file's are new.
            var unmatched = Array(recorded.deliberations.indices)
            var pairs: [(file: Int, record: Int)] = []
            var open: [Int] = []
            for (position, deliberation) in resolution.deliberations.enumerated() {
                if let match = unmatched.first(where: { recorded.deliberations[$0].body == deliberation.body && recorded.deliberations[$0].date == deliberation.date }) {
                    pairs.append((position, match))
                    unmatched.removeAll { $0 == match }
                } else {
                    open.append(position)
                }
            }
            for (position, record) in zip(open, unmatched) { pairs.append((position, record)) }
            for (position, index) in pairs.sorted(by: { $0.file < $1.file }) {
                let file = resolution.deliberations[position], kept = recorded.deliberations[index]
                let option = index == 0 ? "" : "--deliberation \(index + 1) "
                if kept.body != file.body {
                    report("body", position, same(quoted(kept.body.rawValue)), same(quoted(file.body.rawValue)), option + "--body \(file.body)")
                }
                if kept.date != file.date {
                    report("date", position, Wording(de: kept.date.text(in: .de), en: kept.date.description),
                           Wording(de: file.date.text(in: .de), en: file.date.description), option + "--date '\(file.date)'")
                }
                if kept.kind != file.kind {
                    report("kind", position, kept.kind.map { keyed($0.rawValue, $0.label) } ?? notStated,
                           file.kind.map { keyed($0.rawValue, $0.label) } ?? notStated, file.kind.map { option + "--kind \($0.rawValue)" })
                }
                if kept.result != file.result {
                    report("result", position, keyed(kept.result.rawValue, kept.result.label), keyed(file.result.rawValue, file.result.label),
                           file.result == .unknown ? nil : option + "--result \(file.result.rawValue)")
                }
                if kept.votes != file.votes {
                    report("votes", position, kept.votes.map { same(quoted($0.summary)) } ?? none, file.votes.map { same(quoted($0.summary)) } ?? none,
                           file.votes.flatMap(correctionOptions).map { option + $0 })
                }
            }
        }
        for observation in document.observations {
            guard let recorded = state.observations[observation.id] else { continue }
            var differing: [(key: String, recorded: Wording, file: Wording)] = []
            let nothing = Wording(de: "nichts", en: "nothing")
            if recorded.value != observation.value { differing.append(("value", same(recorded.value.text), same(observation.value.text))) }
            switch observation.kind {
            case let .recorded(indicator, period, region):
                if let corrected = recorded.corrects { differing.append(("corrects", same(quoted(corrected.rawValue)), nothing)) }
                if recorded.indicator != indicator {
                    differing.append(("indicator", same(quoted(recorded.indicator.rawValue)), same(quoted(indicator.rawValue))))
                }
                if recorded.period != period { differing.append(("period", same(quoted(recorded.period)), same(quoted(period)))) }
                if recorded.region != region { differing.append(("region", same(quoted(recorded.region)), same(quoted(region)))) }
            case let .correction(of, reason):
                if recorded.corrects != of {
                    differing.append(("corrects", recorded.corrects.map { same(quoted($0.rawValue)) } ?? nothing, same(quoted(of.rawValue))))
                }
                if recorded.corrects != nil && recorded.reason != reason {
                    differing.append(("reason", recorded.reason.map { same(quoted($0)) } ?? none, same(quoted(reason))))
                }
            }
            // A value is corrected by correcting the latest correction of it.
            var target = observation.id, steps = 0
            while let next = state.observations[target]?.correctedBy, steps < state.observations.count { target = next; steps += 1 }
            for difference in differing {
                let how = difference.key == "value"
                    ? Wording(
                        de: "mit 'strategyctl observation correct \(target) \(observation.value.text) --reason …' berichtigen oder in der Datei durch einen neuen Messwert mit 'corrects: \(target)'",
                        en: "correct it with 'strategyctl observation correct \(target) \(observation.value.text) --reason …', or in the file by a new observation with 'corrects: \(target)'")
                    : Wording(de: "so schreiben, wie er erfasst ist, oder weglassen", en: "write it as recorded, or leave it out")
                let name = switch difference.key {
                case "value": "Wert"
                case "corrects": "Berichtigung von"
                case "indicator": "Kennzahl"
                case "period": "Zeitraum"
                case "region": "Region"
                default: "Begründung"
                }
                issues.append(PlanFileIssue(
                    location: at("observation-\(difference.key):" + observation.id.rawValue, orElse: observation.id.rawValue, ".\(difference.key)"),
                    message: Wording(
                        de: """
                            die Aufzeichnung weicht ab: Messwert '\(observation.id)' ist erfasst mit \(name): \(difference.recorded.de), \
                            die Datei nennt: \(difference.file.de); ein erfasster Messwert wird nie geändert: \(how.de)
                            """,
                        en: """
                            the record differs: observation '\(observation.id)' is recorded with \(difference.key) \(difference.recorded.en), \
                            the file says \(difference.file.en); a recorded observation is never changed: \(how.en)
                            """)))
            }
        }
        return issues.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    /// The options of `strategyctl resolution correct` that give a record `votes`, or nil where they cannot say it.
    private static func correctionOptions(_ votes: Votes) -> String? {
        let note = votes.note.map { " --vote-note \"\($0)\"" } ?? ""
        if votes.unanimous == true && votes.yes == nil && votes.no == nil && votes.abstain == nil { return "--votes einstimmig" + note }
        if votes.unanimous != nil { return nil }
        if votes.yes == nil && votes.no == nil && votes.abstain == nil { return note.isEmpty ? nil : String(note.dropFirst()) }
        let counts = [votes.yes, votes.no, votes.abstain].map { $0.map(String.init) ?? "?" }.joined(separator: "/")
        return "--votes \(counts)" + note
    }

    /// The events that adopt the reconciled state as the file's `adoption:` block says: its label (or the file's
    /// draft label), its resolution and its effective date — the facts the file states, asked for nowhere else.
    ///
    /// - Parameters:
    ///   - state: The state after reconciling the file (``reconcile(_:state:context:)``).
    ///   - contentMustMatch: Refuse when reconciling changed the plan's content: the caller adopts what is recorded
    ///     (`strategyctl adopt --from-file`), so the file must describe exactly that.
    public static func adoption(
        of document: PlanDocument, reconciled: (events: [PlanEvent], state: PlanState), context: EventContext,
        contentMustMatch: Bool = false
    ) throws(PlanFileError) -> [PlanEvent] {
        let location = document.locations["adoption"] ?? document.locations[document.plan.rawValue]
            ?? SourceLocation(file: "plan file", line: 1, column: 1, path: "adoption")
        guard let adoption = document.adoption else {
            throw PlanFileError(issues: [PlanFileIssue(location: location, message: Wording(
                de: "die Datei hat keinen Block 'adoption:' (label, resolution, effective), nach dem beschlossen werden kann",
                en: "the file has no 'adoption:' block (label, resolution, effective) to adopt by"))])
        }
        if contentMustMatch && reconciled.events.contains(where: \.changesContent) {
            throw PlanFileError(issues: [PlanFileIssue(
                location: location,
                message: Wording(
                    de: "der Entwurf des Plans weicht von dieser Datei ab; die Datei erst einlesen (oder mit --adopt einlesen), damit die Fassung festschreibt, was die Datei sagt",
                    en: "the plan's draft differs from this file; import the file first (or import it with --adopt) so that the version seals what the file says"))])
        }
        do throws(DomainError) {
            return try Plan.decide(
                .adopt(label: adoption.label ?? document.draft, resolution: adoption.resolution, effectiveDate: adoption.effective),
                context: context, state: reconciled.state)
        } catch {
            throw PlanFileError(issues: [PlanFileIssue(location: location, message: error.wording)])
        }
    }

    /// Goals ordered so that every parent comes before its children (file order otherwise).
    ///
    /// The order is that of passes over the goals in file order, each pass taking every goal whose parent is
    /// already placed; goals in a cycle come last, in file order (decide reports the cycle). A pass visits only
    /// the goals that can be placed in it, so that a deep tree listed children first costs n log n, not n².
    static func parentsFirst(_ goals: [Goal]) -> [Goal] {
        let ids = Set(goals.map(\.id))
        var children: [Identifier: [Int]] = [:]
        var next = MinHeap()
        for (index, goal) in goals.enumerated() {
            if let parent = goal.parent, ids.contains(parent) { children[parent, default: []].append(index) } else { next.push(index) }
        }
        var placed = Set<Identifier>()
        var done = [Bool](repeating: false, count: goals.count)
        var ordered: [Goal] = []
        ordered.reserveCapacity(goals.count)
        while !next.isEmpty {
            var pass = next
            next = MinHeap()
            while let index = pass.pop() {
                ordered.append(goals[index])
                done[index] = true
                guard placed.insert(goals[index].id).inserted else { continue }
                // Children after this goal are reached later in this pass; those before it, in the next.
                for child in children[goals[index].id] ?? [] where !done[child] {
                    if child > index { pass.push(child) } else { next.push(child) }
                }
            }
        }
        if ordered.count < goals.count {  // a cycle
            ordered += goals.indices.filter { !done[$0] }.map { goals[$0] }
        }
        return ordered
    }

    /// A binary min-heap of indices.
    private struct MinHeap {
        private var items: [Int] = []
        var isEmpty: Bool { items.isEmpty }

        mutating func push(_ item: Int) {
            items.append(item)
            var child = items.count - 1
            while child > 0, items[(child - 1) / 2] > items[child] {
                items.swapAt(child, (child - 1) / 2)
                child = (child - 1) / 2
            }
        }

        mutating func pop() -> Int? {
            guard let first = items.first else { return nil }
            let last = items.removeLast()
            guard !items.isEmpty else { return first }
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count && items[left] < items[smallest] { smallest = left }
                if right < items.count && items[right] < items[smallest] { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
            return first
        }
    }

    /// The shortest chain of legal transitions from one status to another (empty when equal or unreachable,
    /// in which case the direct change is returned so that `decide` names the illegal transition).
    static func path<Status: Hashable>(from: Status, to: Status, successors: KeyPath<Status, Set<Status>>) -> [Status] {
        if from == to { return [] }
        var previous: [Status: Status] = [:]
        var queue = [from]
        var seen: Set<Status> = [from]
        while !queue.isEmpty {
            let status = queue.removeFirst()
            for next in status[keyPath: successors] where !seen.contains(next) {
                seen.insert(next)
                previous[next] = status
                if next == to {
                    var steps = [to]
                    var cursor = to
                    while let before = previous[cursor], before != from { steps.insert(before, at: 0); cursor = before }
                    return steps
                }
                queue.append(next)
            }
        }
        return [to]
    }
}

extension PlanCommand {
    /// The id (or `resolution:NUMBER`) of the entity the command concerns, to find it in a plan file.
    public var subject: String? {
        switch self {
        case let .createPlan(e): return e.plan.rawValue
        case let .correctResolution(number, _, _, _): return "resolution:" + number
        case .revisePlan, .nameDraft, .withdrawPlan, .setPrinciples, .setMotto, .reorderVisionSections, .adopt, .reorder: return nil
        case let .assignContacts(entity, _): return entity == PlanState.planContactKey ? nil : entity
        case let .writeVisionSection(e): return e.section.rawValue
        case let .reviseVisionSection(e): return e.section.rawValue
        case let .removeVisionSection(id): return id.rawValue
        case let .proposeField(e): return e.field.rawValue
        case let .reviseField(e): return e.field.rawValue
        case let .activateField(id), let .mergeField(id, _), let .splitField(id, _), let .retireField(id, _): return id.rawValue
        case let .formulateGoal(e): return e.goal.rawValue
        case let .reviseGoal(e): return e.goal.rawValue
        case let .moveGoal(id, _, _), let .changeGoalStatus(id, _, _): return id.rawValue
        case let .planMeasure(e): return e.measure.rawValue
        case let .reviseMeasure(e): return e.measure.rawValue
        case let .relinkMeasure(id, _), let .changeMeasureStatus(id, _, _), let .declareMeasureStatus(id, _, _), let .assessMeasureHealth(id, _, _),
             let .reportMeasureProgress(id, _, _): return id.rawValue
        case let .reachMilestone(measure, _, _): return measure.rawValue
        case let .defineIndicator(e): return e.indicator.rawValue
        case let .reviseIndicator(e): return e.indicator.rawValue
        case let .retireIndicator(id, _): return id.rawValue
        case let .recordObservation(e): return e.observation.rawValue
        case let .correctObservation(e): return e.observation.rawValue
        case let .establishBody(e): return e.body.rawValue
        case let .reviseBody(e): return e.body.rawValue
        case let .dissolveBody(id, _, _): return id.rawValue
        case let .recordResolution(e): return "resolution:" + e.number
        case let .holdParticipation(e): return e.format.rawValue
        case let .reviseParticipation(e): return e.format.rawValue
        case let .receiveContribution(e): return e.contribution.rawValue
        case let .disposeContribution(e): return e.contribution.rawValue
        case let .registerActor(e): return e.actor.rawValue
        case let .reviseActor(e): return e.actor.rawValue
        case let .removeActor(id): return id.rawValue
        case let .defineTheme(e): return e.theme.rawValue
        case let .reviseTheme(e): return e.theme.rawValue
        case let .removeTheme(id): return id.rawValue
        }
    }
}

extension Resolution {
    /// The commands that record this paper as a file states it: each deliberation in the file's order. The decider
    /// records the paper with the first and adds each further one; deliberations already on record are no news.
    var recordCommands: [PlanCommand] {
        deliberations.map { deliberation in
            .recordResolution(ResolutionRecorded(
                number: number, body: deliberation.body, date: deliberation.date, subject: subject, result: deliberation.result,
                votes: deliberation.votes, kind: deliberation.kind))
        }
    }
}
