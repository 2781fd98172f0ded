// Reads a composed YAML tree into a PlanDocument: the top level, the vision and the cross-cutting themes.
internal import Yams

extension PlanFile {
    /// The document: the top-level values, and each section through its own reader.
    static func readDocument(_ root: Node, _ r: inout YAMLReader) -> PlanDocument? {
        guard let top = r.mapping(root, "", allowed: [
            "plan", "title", "county", "levels", "deadline", "draft", "vision", "themes", "fields", "measures", "indicators",
            "observations", "bodies", "resolutions", "actors", "participation", "adoption", "based_on_version", "contacts",
        ], required: ["plan", "title", "county"]) else { return nil }
        let plan = r.identifier(top, "plan")
        let title = r.text(top, "title", required: true)
        let county = r.text(top, "county", required: true)
        var document = PlanDocument(plan: plan ?? Identifier(unchecked: "invalid"), title: title ?? "", county: county ?? "")
        if let plan { r.remember(plan.rawValue, top.values["plan"], "plan") }
        readContacts(top.values["contacts"], "contacts", owner: PlanState.planContactKey, &document, &r)
        // The county's own names of its goal levels, where the plan gives them; none is assumed.
        if let levels = r.mapping(top.values["levels"], "levels", allowed: ["strategic", "operational"]) {
            document.levels = LevelNames(strategic: r.text(levels, "strategic"), operational: r.text(levels, "operational"))
        }
        document.deadline = r.date(top, "deadline")
        document.draft = r.text(top, "draft")
        if document.draft != nil { r.remember("draft", top.values["draft"], "draft") }
        readVision(top.values["vision"], &document, &r)
        readThemes(top.values["themes"], &document, &r)
        readFields(top.values["fields"], &document, &r)
        readMeasures(top.values["measures"], &document, &r)
        readIndicators(top.values["indicators"], &document, &r)
        readObservations(top.values["observations"], &document, &r)
        readBodies(top.values["bodies"], &document, &r)
        readResolutions(top.values["resolutions"], &document, &r)
        readActors(top.values["actors"], &document, &r)
        readParticipation(top.values["participation"], &document, &r)
        if top.values["based_on_version"] != nil, let version = r.integer(top, "based_on_version", range: 0...Int.max) {
            document.basedOnVersion = UInt64(version)
        }
        if let e = r.mapping(top.values["adoption"], "adoption", allowed: ["label", "resolution", "effective"], required: ["resolution", "effective"]) {
            if let resolution = r.scalar(e, "resolution", required: true), let effective = r.date(e, "effective") {
                document.adoption = PlanDocument.Adoption(label: r.text(e, "label"), resolution: resolution, effective: effective)
                r.remember("adoption", e.node, "adoption")
            }
        }
        return document
    }

    /// The vision: motto, principles and sections.
    private static func readVision(_ block: Node?, _ document: inout PlanDocument, _ r: inout YAMLReader) {
        if let vision = r.mapping(block, "vision", allowed: ["motto", "principles", "sections"]) {
            document.vision.motto = r.text(vision, "motto")
            document.vision.principles = r.texts(vision, "principles")
            for (index, node) in r.sequence(vision.values["sections"], "vision.sections").enumerated() {
                let path = "vision.sections[\(index)]"
                guard let section = r.mapping(node, path, allowed: ["id", "title", "text"], required: ["id", "title", "text"]) else { continue }
                let id = r.identifier(section, "id"), title = r.text(section, "title", required: true)
                let text = r.text(section, "text", required: true)
                if let id { r.entity(id, section.values["id"], path) }
                guard let id, let title, let text else { continue }
                document.vision.sections.append(VisionSection(id: id, title: title, text: text))
            }
        }
    }

    /// Cross-cutting themes (Querschnittsthemen) that belong to no single field.
    private static func readThemes(_ list: Node?, _ document: inout PlanDocument, _ r: inout YAMLReader) {
        for (index, node) in r.sequence(list, "themes").enumerated() {
            let path = "themes[\(index)]"
            guard let e = r.mapping(node, path, allowed: ["id", "title", "description"], required: ["id", "title"]),
                  let id = r.identifier(e, "id") else { continue }
            r.entity(id, e.values["id"], path)
            guard let title = r.text(e, "title", required: true) else { continue }
            document.themes.append(Theme(id: id, title: title, description: r.text(e, "description")))
        }
    }
}
