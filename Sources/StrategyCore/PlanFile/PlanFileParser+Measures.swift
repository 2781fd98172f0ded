// Reads the measures, with their milestones, budget lines, goal links and contacts.
internal import Yams

extension PlanFile {
    /// The measures, each with its contacts and whether the file states its status.
    static func readMeasures(_ list: Node?, _ document: inout PlanDocument, _ r: inout YAMLReader) {
        for (index, node) in r.sequence(list, "measures").enumerated() {
            if let measure = readMeasure(node, "measures[\(index)]", &r) {
                if case .mapping(let mapping) = node {
                    readContacts(mapping["contacts"], "measures[\(index)].contacts", owner: measure.id.rawValue, &document, &r)
                }
                document.measures.append(measure)
                if case .mapping(let mapping) = node, mapping["status"] != nil { document.declaredStatus.insert(measure.id) }
            }
        }
    }

    private static func readMeasure(_ node: Node, _ path: String, _ r: inout YAMLReader) -> Measure? {
        guard let e = r.mapping(node, path, allowed: [
            "id", "title", "description", "lead", "partners", "planned_start", "planned_end", "horizon", "field", "goals", "milestones",
            "budget", "derived_from", "themes", "status", "contacts",
        ], required: ["id", "title"]), let id = r.identifier(e, "id") else { return nil }
        r.entity(id, e.values["id"], path)
        var milestones: [Milestone] = []
        for (index, mNode) in r.sequence(e.values["milestones"], e.child("milestones")).enumerated() {
            let mPath = "\(path).milestones[\(index)]"
            guard let m = r.mapping(mNode, mPath, allowed: ["id", "title", "due"], required: ["id", "title", "due"]),
                  let mid = r.identifier(m, "id") else { continue }
            r.entity(mid, m.values["id"], mPath)
            let title = r.text(m, "title", required: true), due = r.date(m, "due")
            guard let title, let due else { continue }
            milestones.append(Milestone(id: mid, title: title, due: due))
        }
        var budget: [BudgetLine] = []
        for (index, bNode) in r.sequence(e.values["budget"], e.child("budget")).enumerated() {
            let bPath = "\(path).budget[\(index)]"
            guard let b = r.mapping(bNode, bPath, allowed: ["amount", "source", "year"], required: ["amount", "source", "year"]) else { continue }
            let amountText = r.scalar(b, "amount")
            let amount = amountText.flatMap { EuroAmount(euros: $0) }
            if amountText != nil && amount == nil {
                r.fail(b.values["amount"], "\(bPath).amount", Wording(
                    de: "erwartet wird ein Euro-Betrag mit höchstens zwei Nachkommastellen wie 12500.00, gefunden wurde '\(amountText!)'",
                    en: "expected euros with at most two decimals, such as 12500.00, found '\(amountText!)'"))
            }
            let source = r.text(b, "source", required: true), year = r.integer(b, "year", range: 1900...2200)
            guard let amount, let source, let year else { continue }
            budget.append(BudgetLine(amount: amount, source: source, year: year))
        }
        let goalLinks = r.identifierNodes(e, "goals")
        for (index, link) in goalLinks.enumerated() {
            r.remember("goal-link:\(id.rawValue):\(index)", link.node, link.path)
        }
        let goals = goalLinks.map(\.id)
        // A lead the plan does not name stays unknown.
        let title = r.text(e, "title", required: true), lead = r.text(e, "lead")
        let description = r.text(e, "description"), partners = r.texts(e, "partners")
        let plannedStart = r.date(e, "planned_start"), plannedEnd = r.date(e, "planned_end")
        let horizon = r.choice(e, "horizon", Horizon.self), derivedFrom = r.identifiers(e, "derived_from")
        let status = r.choice(e, "status", MeasureStatus.self)
        // The field a measure belongs to, where the plan places it in one (a measure serving no goal of its own).
        let field = r.identifier(e, "field"), themes = r.identifiers(e, "themes")
        guard let title else { return nil }
        return Measure(
            id: id, title: title, description: description ?? "", lead: lead, partners: partners,
            plannedStart: plannedStart, plannedEnd: plannedEnd, horizon: horizon, goals: goals, milestones: milestones,
            budget: budget, derivedFrom: derivedFrom, status: status ?? .planned, field: field, themes: themes)
    }
}
