// Reads the governance sections: bodies and the resolutions of their deliberations.
internal import Yams

extension PlanFile {
    /// The bodies, with when (or whether) each was dissolved.
    static func readBodies(_ list: Node?, _ document: inout PlanDocument, _ r: inout YAMLReader) {
        for (index, node) in r.sequence(list, "bodies").enumerated() {
            let path = "bodies[\(index)]"
            guard let e = r.mapping(node, path, allowed: ["id", "name", "kind", "mandate", "dissolved"], required: ["id", "name", "kind"]),
                  let id = r.identifier(e, "id") else { continue }
            r.entity(id, e.values["id"], path)
            let name = r.text(e, "name", required: true), kind = r.choice(e, "kind", BodyKind.self)
            let mandate = r.choices(e, "mandate", DecisionKind.self)
            // `dissolved:` is true (dissolved, the date not stated), false, or when the body was dissolved.
            var dissolved = false, dissolvedOn: CalendarDate?
            if let raw = r.scalar(e, "dissolved") {
                switch raw {
                case "true", "yes": dissolved = true
                case "false", "no": break
                default:
                    if let date = CalendarDate(partial: raw) {
                        dissolved = true
                        dissolvedOn = date
                    } else {
                        r.fail(e.values["dissolved"], e.child("dissolved"), Wording(
                            de: "erwartet wird true, false oder das Datum der Auflösung (2010-11-30, oder so genau, wie die Quellen es angeben: 2010-11, 2010, 'vor 2011'), gefunden wurde '\(raw)'",
                            en: "expected true, false or when it was dissolved (2010-11-30, or as precisely as the sources state it: 2010-11, 2010, 'vor 2011'), found '\(raw)'"))
                    }
                }
            }
            guard let name, let kind else { continue }
            document.bodies.append(Body(id: id, name: name, kind: kind, mandate: Set(mandate), dissolved: dissolved, dissolvedOn: dissolvedOn))
        }
    }

    /// The resolutions: council papers, each with one or more deliberations.
    static func readResolutions(_ list: Node?, _ document: inout PlanDocument, _ r: inout YAMLReader) {
        for (index, node) in r.sequence(list, "resolutions").enumerated() {
            let path = "resolutions[\(index)]"
            let single = ["body", "date", "result", "votes", "kind"]
            guard let e = r.mapping(node, path, allowed: ["number", "subject", "deliberations"] + single, required: ["number", "subject"]),
                  let number = r.scalar(e, "number", required: true) else { continue }
            r.remember("resolution:" + number, e.values["number"], path)
            if let subject = e.values["subject"] { r.remember("resolution-subject:" + number, subject, e.child("subject")) }
            let subject = r.text(e, "subject", required: true)
            var deliberations: [Deliberation] = []
            if e.values["deliberations"] != nil {
                // One paper, several deliberations: each states its own body, date, kind, result and votes.
                for key in single where e.values[key] != nil {
                    r.fail(e.keys[key], e.child(key), Wording(
                        de: "'\(key)' gehört zu jeder einzelnen Beratung der Vorlage; in 'deliberations' verschieben",
                        en: "'\(key)' belongs to each of the paper's deliberations; move it into 'deliberations'"))
                }
                let items = r.sequence(e.values["deliberations"], e.child("deliberations"))
                if items.isEmpty {
                    r.fail(e.values["deliberations"], e.child("deliberations"), Wording(de: "nennt keine Beratung", en: "lists no deliberation"))
                }
                for (position, item) in items.enumerated() {
                    let itemPath = e.child("deliberations") + "[\(position)]"
                    guard let d = r.mapping(item, itemPath, allowed: single, required: ["body", "date"]) else { continue }
                    for key in single where d.values[key] != nil {
                        r.remember("resolution-\(key):\(number)#\(position)", d.values[key], d.child(key))
                    }
                    r.remember("resolution-deliberation:\(number)#\(position)", item, itemPath)
                    if let deliberation = Self.deliberation(d, &r) { deliberations.append(deliberation) }
                }
            } else {
                for key in ["body", "date"] where e.values[key] == nil {
                    r.fail(node, e.child(key), Wording(de: "'\(key)' fehlt (oder die Beratungen der Vorlage unter 'deliberations' aufführen)",
                                                       en: "missing '\(key)' (or list the paper's 'deliberations')"))
                }
                for key in single where e.values[key] != nil {
                    r.remember("resolution-\(key):\(number)#0", e.values[key], e.child(key))
                }
                if e.values["body"] != nil, e.values["date"] != nil, let deliberation = Self.deliberation(e, &r) { deliberations.append(deliberation) }
            }
            guard let subject, !deliberations.isEmpty else { continue }
            document.resolutions.append(Resolution(number: number, subject: subject, deliberations: deliberations))
        }
    }

    /// One deliberation of a council paper: body, date, kind, result and votes as the minutes report them.
    private static func deliberation(_ e: YAMLReader.Entries, _ r: inout YAMLReader) -> Deliberation? {
        // Votes as the minutes report them: any of the counts, "unanimous", or words; nothing is assumed.
        var votes: Votes?
        if let v = r.mapping(e.values["votes"], e.child("votes"), allowed: ["yes", "no", "abstain", "unanimous", "note"]) {
            func count(_ key: String) -> Int? { v.values[key] == nil ? nil : r.integer(v, key, range: 0...100_000) }
            let reported = Votes(
                yes: count("yes"), no: count("no"), abstain: count("abstain"),
                unanimous: v.values["unanimous"] == nil ? nil : r.bool(v, "unanimous"), note: r.text(v, "note"))
            if reported.isEmpty {
                r.fail(v.node, e.child("votes"), Wording(
                    de: "nennt keine Stimmenzahl, kein 'unanimous' und keine 'note'; 'votes' weglassen, wenn die Niederschrift kein Abstimmungsergebnis nennt",
                    en: "states no count, no 'unanimous' and no 'note'; leave 'votes' out when the minutes report none"))
            } else {
                votes = reported
            }
        }
        let body = r.identifier(e, "body"), date = r.date(e, "date")
        // A result the sources do not state is unknown, never assumed; so is a kind.
        let result = e.values["result"] == nil ? .unknown : r.choice(e, "result", ResolutionResult.self)
        let kind = e.values["kind"] == nil ? nil : r.choice(e, "kind", DeliberationKind.self)
        if e.values["kind"] != nil && kind == nil { return nil }
        guard let body, let date, let result else { return nil }
        return Deliberation(body: body, date: date, kind: kind, result: result, votes: votes)
    }
}
