import Projections
import StrategyCore

extension PlanRenderer {
    /// The plan as a Markdown document: the whole plan with its records (bodies, actors, participation, papers,
    /// observations, versions), the form a county publishes or attaches to a council paper.
    func markdown(_ view: PlanView) -> String {
        let state = view.state
        let cell = Self.cell
        var out = "# \(state.title)\n\n\(header(view)[1])\n"
        func contacts(_ owner: String) -> String {
            (state.contacts[owner] ?? []).map { cell(contactLine($0)) }.joined(separator: "<br>")
        }
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
        func table(_ headers: [Term]) -> String { row(headers.map(t)) + "|" + String(repeating: "---|", count: headers.count) + "\n" }
        if state.contacts[PlanState.planContactKey] != nil { out += "\n\(t(.contacts)): \(contacts(PlanState.planContactKey))\n" }
        if !state.vision.isEmpty {
            out += "\n## \(t(.vision))\n\n"
            if let motto = state.vision.motto { out += "> \(motto)\n\n" }
            for principle in state.vision.principles { out += "- \(principle)\n" }
            for section in state.vision.sections { out += "\n### \(section.title)\n\n\(section.text)\n" }
        }
        if !state.themes.isEmpty {
            out += "\n## \(t(.themes))\n\n"
            for theme in PlanState.ordered(state.themes) {
                out += "- **\(theme.title)** (`\(theme.id)`)" + (theme.description.map { ": \($0)" } ?? "") + "\n"
            }
        }
        let tree = state.goalTree
        if !state.fields.isEmpty {
            out += "\n## \(t(.fields))\n"
            for field in state.fieldsInOrder {
                out += "\n### \(Self.fieldHeading(field))\n\n\(field.commitment ?? t(.commitmentNotStated))\n\n"
                if state.contacts[field.id.rawValue] != nil { out += "\(t(.contacts)): \(contacts(field.id.rawValue))\n\n" }
                out += "\(t(.status)): \(fieldStatus(field.status))" + (field.tags.isEmpty ? "" : " · \(t(.tags)): \(field.tags.joined(separator: ", "))")
                    + (field.themes.isEmpty ? "" : " · \(t(.themesOf)): \(Self.themeTitles(state, field.themes))") + "\n\n"
                func goals(_ parent: Identifier?, depth: Int) {
                    for goal in tree[GoalTreeKey(field: field.id, parent: parent)] ?? [] {
                        out += String(repeating: "  ", count: depth) + "- **\(levelName(state, goal.level))** \(goal.statement) (`\(goal.id)`, \(label(goal.status)))"
                            + (goal.themes.isEmpty ? "" : " · \(t(.themesOf)): \(Self.themeTitles(state, goal.themes))") + "\n"
                        for target in goal.targets { out += String(repeating: "  ", count: depth + 1) + "- \(targetLine(target))\n" }
                        goals(goal.id, depth: depth + 1)
                    }
                }
                goals(nil, depth: 0)
            }
        }
        if !state.measures.isEmpty {
            out += "\n## \(t(.measures))\n\n" + table([.measure, .lead, .status, .period, .field, .goals, .themesOf, .milestones, .budget, .contacts])
            for measure in state.measuresInOrder {
                let field = measure.field.flatMap { state.fields[$0] }.map(Self.fieldHeading) ?? ""
                let period = [measure.plannedStart.map(startText), measure.plannedEnd.map { "\(t(.until)) \(date($0))" }].compactMap { $0 }.joined(separator: " ")
                let milestones = measure.milestones.map { milestone in
                    "\(cell(milestone.title)) (`\(milestone.id)`), \(t(.due)) \(date(milestone.due))" + (milestone.reached.map { ", \(t(.reached)) \(date($0))" } ?? "")
                }.joined(separator: "<br>")
                let budget = measure.budget.map { "\($0.amount) EUR \($0.year), \(cell($0.source))" }.joined(separator: "<br>")
                out += row([
                    "\(cell(measure.title)) (`\(measure.id)`)", cell(measure.lead ?? t(.leadNotStated)), label(measure.status), period, field,
                    measure.goals.map(\.rawValue).joined(separator: ", "), Self.themeTitles(state, measure.themes), milestones, budget,
                    contacts(measure.id.rawValue),
                ])
            }
        }
        if !state.indicators.isEmpty {
            out += "\n## \(t(.indicators))\n\n" + table([.indicator, .unit, .direction, .source])
            for indicator in PlanState.ordered(state.indicators) {
                let retired = indicator.retiredReason.map { " — \(t(.noLongerUsed)): \(cell($0))" } ?? ""
                out += row(["\(cell(indicator.code)) \(cell(indicator.name)) (`\(indicator.id)`)\(retired)", cell(indicator.unit), label(indicator.polarity), cell(indicator.source)])
            }
        }
        if !state.observations.isEmpty {
            // Every value, corrected ones struck through and followed by their corrections: the record as it is.
            out += "\n### \(t(.observations))\n\n" + table([.observation, .indicator, .period, .region, .value, .correction])
            for observation in state.observationsInOrder {
                let code = state.indicators[observation.indicator].map { cell($0.code) } ?? "`\(observation.indicator)`"
                let value = observation.correctedBy == nil ? observation.value.text : "~~\(observation.value.text)~~"
                var notes: [String] = []
                if let corrected = observation.corrects { notes.append("\(t(.correctionOf)) `\(corrected)`" + (observation.reason.map { ": \(cell($0))" } ?? "")) }
                if let correction = observation.correctedBy { notes.append("\(t(.correctedBy)) `\(correction)`") }
                out += row(["`\(observation.id)`", code, cell(observation.period), cell(observation.region), value, notes.joined(separator: "; ")])
            }
        }
        if !state.bodies.isEmpty {
            out += "\n## \(t(.bodies))\n\n" + table([.body, .kind, .mandate])
            for body in PlanState.ordered(state.bodies) {
                out += row(["\(cell(body.name)) (`\(body.id)`)\(dissolution(body))", label(body.kind), mandate(body)])
            }
        }
        if !state.actors.isEmpty {
            out += "\n## \(t(.actors))\n\n"
            for actor in PlanState.ordered(state.actors) { out += "- \(cell(actor.name)) (`\(actor.id)`, \(label(actor.sector)))\n" }
        }
        if !state.participation.isEmpty {
            out += "\n## \(t(.participation))\n"
            for format in state.participation.values.sorted(by: { ($0.date, $0.id.rawValue) < ($1.date, $1.id.rawValue) }) {
                let count = format.participants.map { "\($0) \(t(.participants))" } ?? t(.participantsNotStated)
                out += "\n### \(cell(format.title))\n\n\(label(format.kind)) (`\(format.id)`), \(date(format.date)), \(count)\n\n"
                for contribution in PlanState.ordered(state.contributions).filter({ $0.format == format.id }) {
                    let links = contribution.linkedTo.isEmpty ? "" : " → " + contribution.linkedTo.map { "`\($0)`" }.joined(separator: ", ")
                    let author = state.contacts[contribution.id.rawValue] == nil ? "" : " — \(t(.by)) \(contacts(contribution.id.rawValue))"
                    out += "- \(cell(contribution.summary)) (`\(contribution.id)`)\(author): \(label(contribution.disposition))\(links)"
                        + (contribution.note.map { " — \(cell($0))" } ?? "") + "\n"
                }
            }
        }
        if !state.resolutions.isEmpty {
            out += "\n## \(t(.resolutions))\n\n" + table([.paper, .subject, .deliberations])
            for paper in Self.resolutionsInOrder(state) {
                out += row([cell(paper.number), cell(paper.subject), paper.inOrder.map { cell(deliberationLine(state, $0)) }.joined(separator: "<br>")])
            }
        }
        if !state.versions.isEmpty {
            out += "\n## \(t(.versions))\n\n" + table([.label, .resolution, .effective])
            for version in state.versions { out += row([version.label, version.resolution, date(version.effectiveDate)]) }
        }
        return out
    }
}
