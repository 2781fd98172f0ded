import Foundation
import Projections
import StrategyCore

// The plan's own pages: the overview, one page per field of action, measure and indicator.

extension SiteData {
    func planPage() -> Page {
        let vision = state.vision
        var context: [String: Any] = [
            "motto": vision.motto as Any, "hasVision": !vision.isEmpty,
            "principles": vision.principles, "hasPrinciples": !vision.principles.isEmpty,
            "sections": vision.sections.map { ["title": $0.title, "paragraphs": Self.paragraphs($0.text)] as [String: Any] },
            "contacts": contacts(PlanState.planContactKey), "auditHref": Self.auditPath(.plan),
        ]
        context["fields"] = state.fieldsInOrder.map { field -> [String: Any] in
            var entry = fieldSummary(field)
            entry["goals"] = goalTree(field.id, parent: nil)
            entry["hasGoals"] = !(entry["goals"] as? [Any] ?? []).isEmpty
            return entry
        }
        context["measures"] = state.measuresInOrder.map(measureSummary)
        context["hasMeasures"] = !state.measures.isEmpty
        context["indicators"] = PlanState.ordered(state.indicators).map(indicatorSummary)
        context["hasIndicators"] = !state.indicators.isEmpty
        if let deadline = state.deadline { context["deadline"] = date(deadline) }
        return page("index.html", template: "plan", title: state.title, context)
    }

    func fieldPage(_ field: FieldOfAction) -> Page {
        var context = fieldSummary(field)
        context["goals"] = goalTree(field.id, parent: nil)
        context["hasGoals"] = !(context["goals"] as? [Any] ?? []).isEmpty
        let measures = state.measuresInOrder.filter { $0.field == field.id }
        context["measures"] = measures.map(measureSummary)
        context["hasMeasures"] = !measures.isEmpty
        context["contacts"] = contacts(field.id.rawValue)
        context["tags"] = field.tags.joined(separator: ", ")
        // Counts by status, in the lifecycle's order, only the statuses that occur.
        let counts = MeasureStatus.allCases.compactMap { status -> (String, Int)? in
            let count = measures.filter { $0.status == status }.count
            return count == 0 ? nil : (label(status), count)
        }
        if !counts.isEmpty {
            let title = "\(Term.statusOverview(language)): \(field.title)"
            let summary = counts.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
            context["statusChartHTML"] = Chart.bars(id: "status-\(field.id.rawValue)", title: title, description: summary, bars: counts)
            context["statusCounts"] = counts.map { ["status": $0.0, "count": String($0.1)] }
        }
        return page(Self.fieldPath(field.id), template: "field", title: Self.fieldHeading(field), context)
    }

    func measurePage(_ measure: Measure) -> Page {
        var context = measureSummary(measure)
        context["description"] = Self.paragraphs(measure.description)
        // Partners are named as the file names them; a registered education actor by its name.
        context["partners"] = measure.partners.map { partner in
            (try? Identifier(partner)).flatMap { state.actors[$0]?.name } ?? partner
        }.joined(separator: ", ")
        context["hasPartners"] = !measure.partners.isEmpty
        context["plannedStart"] = date(measure.plannedStart)
        context["plannedEnd"] = date(measure.plannedEnd)
        context["actualStart"] = measure.actualStart.map(date(_:)) as Any
        context["actualEnd"] = measure.actualEnd.map(date(_:)) as Any
        context["horizon"] = measure.horizon.map(label) as Any
        context["health"] = measure.health.map(label) ?? Term.notStated(language)
        context["progress"] = measure.progress.map { "\($0) %" } ?? Term.notStated(language)
        context["milestones"] = measure.milestones.map { milestone in
            ["title": milestone.title, "due": date(milestone.due), "reached": milestone.reached.map(date(_:)) ?? "–"]
        }
        context["hasMilestones"] = !measure.milestones.isEmpty
        context["budget"] = measure.budget.map { line in ["amount": "\(line.amount) €", "source": line.source, "year": String(line.year)] }
        context["hasBudget"] = !measure.budget.isEmpty
        context["goals"] = measure.goals.compactMap { state.goals[$0] }.map { ["statement": $0.statement, "level": levelName($0.level)] }
        context["hasGoals"] = !measure.goals.isEmpty
        context["contacts"] = contacts(measure.id.rawValue)
        if let field = measure.field.flatMap({ state.fields[$0] }) {
            context["fieldTitle"] = Self.fieldHeading(field)
            context["fieldHref"] = Self.fieldPath(field.id)
        }
        return page(Self.measurePath(measure.id), template: "measure", title: measure.title, context)
    }

    func indicatorPage(_ indicator: Indicator) -> Page {
        var context = indicatorSummary(indicator)
        let observations = state.observations.values
            .filter { $0.indicator == indicator.id && $0.correctedBy == nil }
            .sorted { ($0.period, $0.region, $0.id) < ($1.period, $1.region, $1.id) }
        context["observations"] = observations.map { ["period": $0.period, "region": $0.region, "value": $0.value.text] }
        context["hasObservations"] = !observations.isEmpty
        let targets = state.goals.values.sorted { $0.id < $1.id }.flatMap { goal in
            goal.targets.filter { $0.indicator == indicator.id }.map { (goal, $0) }
        }
        context["targets"] = targets.map { goal, target -> [String: Any] in
            ["goal": goal.statement,
             "baseline": target.baseline.map { $0.text } ?? "–", "baselineDate": target.baselineDate.map(date(_:)) ?? "–",
             "target": target.target.map { $0.text } ?? (target.text ?? "–"), "targetDate": date(target.targetDate)]
        }
        context["hasTargets"] = !targets.isEmpty
        let points = observations.compactMap { observation in Double(observation.value.text).map { ("\(observation.period)", $0) } }
        if !points.isEmpty {
            // Every goal's baseline and target that measures this indicator (each once), as the table beside lists them.
            var references: [(String, Double)] = []
            for (_, target) in targets {
                if let baseline = target.baseline.flatMap({ Double($0.text) }) { references.append((Term.baseline(language), baseline)) }
                if let goal = target.target.flatMap({ Double($0.text) }) {
                    references.append((Term.targetValue(language) + (target.targetDate.map { " (\(date($0)))" } ?? ""), goal))
                }
            }
            references = references.reduce(into: []) { kept, line in
                if !kept.contains(where: { $0.0 == line.0 && $0.1 == line.1 }) { kept.append(line) }
            }
            let summary = points.map { "\($0.0): \(Chart.number($0.1))" }.joined(separator: "; ")
                + references.map { "; \($0.0): \(Chart.number($0.1))" }.joined()
            context["chartHTML"] = Chart.line(
                id: "chart-\(indicator.id.rawValue)", title: "\(indicator.name) (\(indicator.unit))", description: summary,
                points: points, references: references)
        }
        return page(Self.indicatorPath(indicator.id), template: "indicator", title: indicator.name, context)
    }

    // MARK: Parts shared by the pages

    func fieldSummary(_ field: FieldOfAction) -> [String: Any] {
        ["heading": Self.fieldHeading(field), "href": Self.fieldPath(field.id), "status": label(field.status),
         "commitment": field.commitment ?? Term.commitmentNotStated(language), "auditHref": Self.auditPath(.entity(field.id))]
    }

    func measureSummary(_ measure: Measure) -> [String: Any] {
        ["title": measure.title, "href": Self.measurePath(measure.id), "status": label(measure.status),
         "lead": measure.lead ?? Term.leadNotStated(language),
         "period": [measure.plannedStart.map(date(_:)), measure.plannedEnd.map(date(_:))].compactMap { $0 }.joined(separator: " – "),
         "auditHref": Self.auditPath(.entity(measure.id))]
    }

    func indicatorSummary(_ indicator: Indicator) -> [String: Any] {
        ["name": indicator.name, "code": indicator.code, "href": Self.indicatorPath(indicator.id), "unit": indicator.unit,
         "direction": label(indicator.polarity), "source": indicator.source, "retired": indicator.retiredReason as Any,
         "auditHref": Self.auditPath(.entity(indicator.id))]
    }

    /// The goals below `parent` in a field, each with its own, nested as the template's recursive partial wants.
    func goalTree(_ field: Identifier, parent: Identifier?) -> [[String: Any]] {
        (state.goalTree[GoalTreeKey(field: field, parent: parent)] ?? []).map { goal in
            let children = goalTree(field, parent: goal.id)
            return [
                "statement": goal.statement, "level": levelName(goal.level), "status": label(goal.status),
                "targets": goal.targets.map(targetText), "goals": children, "hasGoals": !children.isEmpty,
                "auditHref": Self.auditPath(.entity(goal.id)),
            ]
        }
    }

    func targetText(_ target: Target) -> String {
        let indicator = target.indicator.flatMap { state.indicators[$0] }.map { "\($0.name): " } ?? ""
        let value = target.target.map { $0.text } ?? target.text ?? "–"
        let baseline = target.baseline.map { " (\(Term.baseline(language)) \($0.text)" + (target.baselineDate.map { ", \(date($0))" } ?? "") + ")" } ?? ""
        return "\(Term.targetValue(language)) \(indicator)\(value)" + (target.targetDate.map { " – \(date($0))" } ?? "") + baseline
    }

    func levelName(_ level: GoalLevel) -> String {
        switch level {
        case .strategic: return state.levels.strategic ?? label(level)
        case .operational: return state.levels.operational ?? label(level)
        }
    }

    static func fieldHeading(_ field: FieldOfAction) -> String { field.code.map { "\($0) \(field.title)" } ?? field.title }

    /// A text's paragraphs (split at blank lines).
    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
