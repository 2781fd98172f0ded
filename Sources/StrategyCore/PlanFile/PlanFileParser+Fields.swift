// Reads the fields of action and the goal trees nested in them, with their targets.
internal import Yams

extension PlanFile {
    /// The fields of action, each with its goals.
    static func readFields(_ list: Node?, _ document: inout PlanDocument, _ r: inout YAMLReader) {
        for (index, node) in r.sequence(list, "fields").enumerated() {
            readField(node, "fields[\(index)]", &document, &r)
        }
    }

    private static func readField(_ node: Node, _ path: String, _ document: inout PlanDocument, _ r: inout YAMLReader) {
        guard let e = r.mapping(node, path, allowed: [
            "id", "code", "title", "commitment", "tags", "themes", "derived_from", "status", "merged_into", "split_into", "retired_reason", "goals",
            "contacts",
        ], required: ["id", "title"]), let id = r.identifier(e, "id") else { return }
        r.entity(id, e.values["id"], path)
        readContacts(e.values["contacts"], e.child("contacts"), owner: id.rawValue, &document, &r)
        // Plans that do not number their fields, or give titles only, leave out code and commitment: none is made up.
        let code = r.scalar(e, "code"), title = r.text(e, "title", required: true)
        let commitment = r.text(e, "commitment")
        let tags = r.texts(e, "tags"), themes = r.identifiers(e, "themes"), derivedFrom = r.identifiers(e, "derived_from")
        var status = FieldStatus.proposed
        if e.values["status"] != nil { document.declaredStatus.insert(id) }
        switch r.scalar(e, "status") ?? "proposed" {
        case "proposed": status = .proposed
        case "active": status = .active
        case "merged":
            if let into = r.identifier(e, "merged_into") {
                status = .merged(into: into)
            } else {
                r.fail(e.node, e.child("merged_into"), Wording(de: "ein zusammengeführtes Handlungsfeld nennt das Handlungsfeld, in das es überführt wurde",
                                                               en: "a merged field names the field it was merged into"))
            }
        case "split":
            let into = r.identifiers(e, "split_into")
            if into.isEmpty {
                r.fail(e.node, e.child("split_into"), Wording(de: "ein aufgeteiltes Handlungsfeld nennt die Handlungsfelder, in die es aufgeteilt wurde",
                                                              en: "a split field names the fields it was split into"))
            }
            status = .split(into: into)
        case "retired":
            if let reason = r.text(e, "retired_reason", required: true) {
                status = .retired(reason: reason)
            } else {
                r.fail(e.node, e.child("retired_reason"), Wording(de: "ein beendetes Handlungsfeld nennt den Grund", en: "a retired field gives the reason"))
            }
        case let other:
            let statuses: [FieldStatus] = [.proposed, .active, .merged(into: Identifier(unchecked: "x")), .split(into: []), .retired(reason: "")]
            r.fail(e.values["status"], e.child("status"), YAMLReader.notOneOf("'\(other)'", statuses.map { ($0.name, $0.label) }))
        }
        for (index, goalNode) in r.sequence(e.values["goals"], e.child("goals")).enumerated() {
            if let goal = readGoal(goalNode, "\(path).goals[\(index)]", field: id, &r) {
                document.goals.append(goal)
                if case .mapping(let mapping) = goalNode, mapping["status"] != nil { document.declaredStatus.insert(goal.id) }
            }
        }
        guard let title else { return }
        document.fields.append(FieldOfAction(
            id: id, code: code, title: title, commitment: commitment, tags: tags, themes: themes, derivedFrom: derivedFrom, status: status))
    }

    private static func readGoal(_ node: Node, _ path: String, field: Identifier, _ r: inout YAMLReader) -> Goal? {
        guard let e = r.mapping(node, path, allowed: [
            "id", "parent", "level", "statement", "target_group", "effect_level", "targets", "derived_from", "themes", "status",
        ], required: ["id", "statement"]), let id = r.identifier(e, "id") else { return nil }
        r.entity(id, e.values["id"], path)
        let parent = r.identifier(e, "parent")
        if parent != nil { r.remember("parent:" + id.rawValue, e.values["parent"], e.child("parent")) }
        let level = r.choice(e, "level", GoalLevel.self) ?? (parent == nil ? .strategic : .operational)
        let statement = r.text(e, "statement", required: true)
        let effectLevel = r.integer(e, "effect_level", range: 1...7)
        var targets: [Target] = []
        for (index, targetNode) in r.sequence(e.values["targets"], e.child("targets")).enumerated() {
            let tPath = "\(path).targets[\(index)]"
            // Numeric: indicator, target and target_date. Qualitative: a text instead of the value ("deutlich
            // reduzieren"), with the indicator and date only where the plan names them.
            let qualitative = targetNode.mapping?["text"] != nil
            guard let t = r.mapping(targetNode, tPath, allowed: ["indicator", "baseline", "baseline_date", "target", "text", "target_date"],
                                    required: qualitative ? ["text"] : ["indicator", "target", "target_date"]) else { continue }
            let indicator = r.identifier(t, "indicator"), target = r.quantity(t, "target"), date = r.date(t, "target_date")
            let baseline = r.quantity(t, "baseline"), baselineDate = r.date(t, "baseline_date")
            let text = r.text(t, "text", required: qualitative)
            if qualitative && t.values["target"] != nil {
                r.fail(t.values["target"], t.child("target"), Wording(
                    de: "ein qualitativer Zielwert besteht aus einem Text statt einer Zahl; nur eines von beiden angeben",
                    en: "a qualitative target has a text instead of a target value; give one of them"))
                continue
            }
            if indicator != nil { r.remember("target:\(id.rawValue):\(index)", t.values["indicator"], "\(tPath).indicator") }
            if qualitative {
                guard let text else { continue }
                if indicator == nil && (baseline != nil || baselineDate != nil) {
                    r.fail(t.values["baseline"] ?? t.values["baseline_date"], t.child(t.values["baseline"] != nil ? "baseline" : "baseline_date"),
                           Wording(de: "ein Ausgangswert braucht die Kennzahl, mit der er gemessen wurde", en: "a baseline needs the indicator it was measured with"))
                    continue
                }
                targets.append(Target(text: text, indicator: indicator, baseline: baseline, baselineDate: baselineDate, targetDate: date))
            } else {
                guard let indicator, let target, let date else { continue }
                targets.append(Target(indicator: indicator, baseline: baseline, baselineDate: baselineDate, target: target, targetDate: date))
            }
        }
        let status = r.choice(e, "status", GoalStatus.self) ?? .draft
        let targetGroup = r.text(e, "target_group"), derivedFrom = r.identifiers(e, "derived_from")
        let themes = r.identifiers(e, "themes")
        guard let statement else { return nil }
        return Goal(
            id: id, field: field, parent: parent, level: level, statement: statement, targetGroup: targetGroup,
            effectLevel: effectLevel, targets: targets, derivedFrom: derivedFrom, status: status, themes: themes)
    }
}
