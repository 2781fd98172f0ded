import Projections
import StrategyCore

extension PlanRenderer {
    /// The plan as text for the terminal.
    func text(_ view: PlanView) -> String {
        let state = view.state
        var lines = header(view)
        func contacts(_ owner: String, _ prefix: String) -> [String] {
            (state.contacts[owner] ?? []).map { prefix + "\(t(.contact)): " + contactLine($0) }
        }
        func indent(_ text: String, _ prefix: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 } }
        lines += contacts(PlanState.planContactKey, "")
        if !state.vision.isEmpty {
            lines += ["", t(.vision)]
            if let motto = state.vision.motto { lines.append("  \(t(.motto)): \(motto)") }
            for principle in state.vision.principles { lines.append("  • \(principle)") }
            for section in state.vision.sections {
                lines.append("  \(section.title) [\(section.id)]")
                lines += indent(section.text, "    ")
            }
        }
        if !state.themes.isEmpty {
            lines += ["", t(.themes)]
            for theme in PlanState.ordered(state.themes) {
                lines.append("  \(theme.title) [\(theme.id)]")
                if let description = theme.description { lines += indent(description, "    ") }
            }
        }
        let tree = state.goalTree
        if !state.fields.isEmpty {
            lines += ["", t(.fields)]
            for field in state.fieldsInOrder {
                let tags = field.tags.isEmpty ? "" : " — " + field.tags.joined(separator: ", ")
                lines.append("  \(Self.fieldHeading(field)) [\(field.id), \(fieldStatus(field.status))]\(tags)")
                lines += indent(field.commitment ?? t(.commitmentNotStated), "     ")
                lines += contacts(field.id.rawValue, "     ")
                if !field.themes.isEmpty { lines.append("     \(t(.themesOf)): \(Self.themeTitles(state, field.themes))") }
                func goals(_ parent: Identifier?, depth: Int) {
                    for goal in tree[GoalTreeKey(field: field.id, parent: parent)] ?? [] {
                        let prefix = String(repeating: "  ", count: depth)
                        lines.append("     \(prefix)• \(levelName(state, goal.level)) \(goal.id) [\(label(goal.status))]: \(goal.statement)")
                        for target in goal.targets { lines.append("     \(prefix)  " + targetLine(target)) }
                        if !goal.themes.isEmpty { lines.append("     \(prefix)  \(t(.themesOf)): \(Self.themeTitles(state, goal.themes))") }
                        goals(goal.id, depth: depth + 1)
                    }
                }
                goals(nil, depth: 0)
            }
        }
        if !state.measures.isEmpty {
            lines += ["", t(.measures)]
            for measure in state.measuresInOrder {
                var facts = [label(measure.status), "\(t(.lead)): \(measure.lead ?? t(.leadNotStated))"]
                if let health = measure.health { facts.append("\(t(.health)): \(label(health))") }
                if let progress = measure.progress { facts.append("\(progress) %") }
                if let start = measure.plannedStart { facts.append(startText(start)) }
                if let end = measure.plannedEnd { facts.append("\(t(.until)) \(date(end))") }
                lines.append("  \(measure.id): \(measure.title) [\(facts.joined(separator: ", "))]")
                lines += contacts(measure.id.rawValue, "     ")
                if let field = measure.field.flatMap({ state.fields[$0] }) { lines.append("     \(t(.field)): \(Self.fieldHeading(field))") }
                if !measure.themes.isEmpty { lines.append("     \(t(.themesOf)): \(Self.themeTitles(state, measure.themes))") }
                if !measure.goals.isEmpty { lines.append("     \(t(.goals)): \(measure.goals.map(\.rawValue).joined(separator: ", "))") }
                for milestone in measure.milestones {
                    lines.append("     \(t(.milestone)) \(milestone.id): \(milestone.title), \(t(.due)) \(date(milestone.due))"
                                 + (milestone.reached.map { ", \(t(.reached)) \(date($0))" } ?? ""))
                }
                let total = measure.budget.reduce(Int64(0)) { $0 + $1.amount.cents }
                if total > 0 { lines.append("     \(t(.budget)): \(EuroAmount(cents: total)) EUR") }
            }
        }
        if !state.indicators.isEmpty {
            lines += ["", t(.indicators)]
            for indicator in PlanState.ordered(state.indicators) {
                let latest = state.observations.values.filter { $0.indicator == indicator.id && $0.correctedBy == nil }.max { $0.period < $1.period }
                lines.append("  \(indicator.code) \(indicator.name) [\(indicator.id), \(indicator.unit), \(label(indicator.polarity))]"
                             + (latest.map { " — \(t(.latest)) \($0.value) (\($0.period), \($0.region))" } ?? ""))
            }
        }
        if !state.bodies.isEmpty {
            lines += ["", t(.bodies)]
            for body in PlanState.ordered(state.bodies) {
                lines.append("  \(body.name) [\(body.id), \(label(body.kind))] \(t(.mandate)): \(mandate(body))\(dissolution(body))")
            }
        }
        if !state.resolutions.isEmpty {
            lines += ["", t(.resolutions)]
            for paper in Self.resolutionsInOrder(state) {
                lines.append("  \(paper.number): \(paper.subject)")
                for deliberation in paper.inOrder { lines.append("     " + deliberationLine(state, deliberation)) }
            }
        }
        if !state.versions.isEmpty {
            lines += ["", t(.versions)]
            for version in state.versions {
                lines.append("  \(version.label): \(t(.resolution)) \(version.resolution), \(t(.inForceFrom)) \(date(version.effectiveDate))"
                             + (version.supersededBy.map { ", \(t(.supersededBy)) \($0)" } ?? ""))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
