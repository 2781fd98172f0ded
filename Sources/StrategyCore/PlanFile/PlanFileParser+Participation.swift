// Reads the education actors and the participation formats with their contributions.
internal import Yams

extension PlanFile {
    /// The education actors.
    static func readActors(_ list: Node?, _ document: inout PlanDocument, _ r: inout YAMLReader) {
        for (index, node) in r.sequence(list, "actors").enumerated() {
            let path = "actors[\(index)]"
            guard let e = r.mapping(node, path, allowed: ["id", "name", "sector"], required: ["id", "name", "sector"]),
                  let id = r.identifier(e, "id") else { continue }
            r.entity(id, e.values["id"], path)
            let name = r.text(e, "name", required: true), sector = r.choice(e, "sector", Sector.self)
            guard let name, let sector else { continue }
            document.actors.append(Actor(id: id, name: name, sector: sector))
        }
    }

    /// The participation formats, each with its contributions and their authors.
    static func readParticipation(_ list: Node?, _ document: inout PlanDocument, _ r: inout YAMLReader) {
        for (index, node) in r.sequence(list, "participation").enumerated() {
            let path = "participation[\(index)]"
            guard let e = r.mapping(node, path, allowed: ["id", "kind", "title", "date", "participants", "contributions"],
                                    required: ["id", "kind", "title", "date"]),
                  let id = r.identifier(e, "id") else { continue }
            r.entity(id, e.values["id"], path)
            for (cIndex, cNode) in r.sequence(e.values["contributions"], "\(path).contributions").enumerated() {
                let cPath = "\(path).contributions[\(cIndex)]"
                guard let c = r.mapping(cNode, cPath, allowed: ["id", "summary", "disposition", "linked_to", "note", "author"], required: ["id", "summary"]),
                      let cid = r.identifier(c, "id") else { continue }
                r.entity(cid, c.values["id"], cPath)
                // The author, where the sources name one, is a person of the register (encrypted, erasable).
                if let author = c.values["author"] {
                    readContacts(.sequence(Node.Sequence([author])), c.child("author"), owner: cid.rawValue, &document, &r)
                }
                guard let summary = r.text(c, "summary", required: true) else { continue }
                document.contributions.append(Contribution(
                    id: cid, format: id, summary: summary, disposition: r.choice(c, "disposition", Disposition.self) ?? .pending,
                    linkedTo: r.identifiers(c, "linked_to"), note: r.text(c, "note")))
            }
            let kind = r.choice(e, "kind", ParticipationKind.self), title = r.text(e, "title", required: true)
            // A count the sources do not give stays unknown; 0 would read as a fact.
            let date = r.date(e, "date")
            let participants = e.values["participants"] == nil ? nil : r.integer(e, "participants", range: 0...1_000_000)
            if e.values["participants"] != nil && participants == nil { continue }
            guard let kind, let title, let date else { continue }
            document.participation.append(ParticipationFormat(id: id, kind: kind, title: title, date: date, participants: participants))
        }
    }
}
