// Cross-checks a read document: unique ids, references between entities, goal trees, corrections.

extension PlanFile {
    /// Checks what single values cannot: unique ids, references, goal trees.
    static func validate(_ d: PlanDocument, _ r: inout YAMLReader) {
        var seen: [Identifier: EntityKind] = [d.plan: .plan]
        func claim(_ id: Identifier, _ kind: EntityKind, _ path: String, _ reader: inout YAMLReader) {
            if let existing = seen[id] {
                reader.issue(reader.locations[id.rawValue].map { SourceLocation(file: $0.file, line: $0.line, column: $0.column, path: path) }
                             ?? SourceLocation(file: reader.file, line: 1, column: 1, path: path),
                             Wording(de: "die Kennung '\(id)' ist schon vergeben (\(existing.label.de)); Kennungen müssen in einem Plan eindeutig sein",
                                     en: "the id '\(id)' is already used by a \(existing.displayName); ids must be unique within a plan"))
            } else {
                seen[id] = kind
            }
        }
        for s in d.vision.sections { claim(s.id, .visionSection, "vision.sections", &r) }
        for t in d.themes { claim(t.id, .theme, "themes", &r) }
        for f in d.fields { claim(f.id, .field, "fields", &r) }
        for g in d.goals { claim(g.id, .goal, "goals", &r) }
        for m in d.measures {
            claim(m.id, .measure, "measures", &r)
            for ms in m.milestones { claim(ms.id, .milestone, "milestones", &r) }
        }
        for i in d.indicators { claim(i.id, .indicator, "indicators", &r) }
        for b in d.bodies { claim(b.id, .body, "bodies", &r) }
        for a in d.actors { claim(a.id, .actor, "actors", &r) }
        for p in d.participation { claim(p.id, .participation, "participation", &r) }
        for c in d.contributions { claim(c.id, .contribution, "contributions", &r) }
        for o in d.observations { claim(o.id, .observation, "observations", &r) }

        func at(_ key: String, _ suffix: String = "") -> SourceLocation {
            let base = r.locations[key] ?? SourceLocation(file: r.file, line: 1, column: 1, path: "")
            return SourceLocation(file: base.file, line: base.line, column: base.column, path: base.path + suffix)
        }
        func check(_ ids: [Identifier], _ owner: Identifier, _ key: String, allowed: Set<EntityKind>? = nil) {
            for id in ids {
                if let kind = seen[id] {
                    if let allowed, !allowed.contains(kind) {
                        let expected = allowed.sorted { $0.displayName < $1.displayName }
                        r.issue(at(owner.rawValue, ".\(key)"), Wording(
                            de: "'\(id)' ist \(indefinite(kind)), erwartet wird \(expected.map(indefinite).joined(separator: " oder "))",
                            en: "'\(id)' is \(article(kind.displayName)), expected \(allowed.map(\.displayName).sorted().joined(separator: " or "))"))
                    }
                } else if !r.isConsequence(id.rawValue) {
                    r.issue(at(owner.rawValue, ".\(key)"), Wording(de: "'\(id)' bezeichnet nichts in diesem Plan", en: "'\(id)' names nothing in this plan"))
                }
            }
        }
        let goalsByID = Dictionary(d.goals.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for f in d.fields {
            check(f.derivedFrom, f.id, "derived_from")
            check(f.themes, f.id, "themes", allowed: [.theme])
            switch f.status {
            case let .merged(into): check([into], f.id, "merged_into", allowed: [.field])
            case let .split(into): check(into, f.id, "split_into", allowed: [.field])
            default: break
            }
        }
        for g in d.goals {
            check(g.derivedFrom, g.id, "derived_from")
            check(g.themes, g.id, "themes", allowed: [.theme])
            for (index, target) in g.targets.enumerated() {
                if let indicator = target.indicator, seen[indicator] != .indicator,
                   !(seen[indicator] == nil && r.isConsequence(indicator.rawValue)) {
                    r.issue(at("target:\(g.id.rawValue):\(index)"), Wording(de: "unbekannte Kennzahl '\(indicator)'", en: "unknown indicator '\(indicator)'"))
                }
            }
            if let parent = g.parent {
                if let parentGoal = goalsByID[parent] {
                    if let problem = Rules.parentOutsideField(parent: parent, parentField: parentGoal.field, field: g.field) {
                        r.issue(at("parent:" + g.id.rawValue), problem)
                    }
                } else if !r.isConsequence(parent.rawValue) {
                    r.issue(at("parent:" + g.id.rawValue), Wording(de: "unbekanntes Ziel '\(parent)'", en: "unknown goal '\(parent)'"))
                }
            }
        }
        for cycle in Rules.goalCycles(from: d.goals.map(\.id), parent: { goalsByID[$0]?.parent }) {
            let goals = cycle.goals.map { "'\($0)'" }.joined(separator: " → ")
            r.issue(at("parent:" + cycle.start.rawValue), Wording(de: "die Ziele \(goals) bilden einen Kreis; Zielbäume haben keine Kreise",
                                                                 en: "the goals \(goals) form a cycle; goal trees cannot have cycles"))
        }
        for m in d.measures {
            for (index, goal) in m.goals.enumerated() where seen[goal] != .goal && !(seen[goal] == nil && r.isConsequence(goal.rawValue)) {
                r.issue(at("goal-link:\(m.id.rawValue):\(index)"), seen[goal].map {
                    Wording(de: "'\(goal)' ist \(indefinite($0)), kein Ziel", en: "'\(goal)' is \(article($0.displayName)), not a goal")
                } ?? Wording(de: "unbekanntes Ziel '\(goal)'", en: "unknown goal '\(goal)'"))
            }
            check(m.derivedFrom, m.id, "derived_from")
            check(m.themes, m.id, "themes", allowed: [.theme])
            if let field = m.field { check([field], m.id, "field", allowed: [.field]) }
        }
        for res in d.resolutions {
            for (position, deliberation) in res.deliberations.enumerated()
            where seen[deliberation.body] != .body && !(seen[deliberation.body] == nil && r.isConsequence(deliberation.body.rawValue)) {
                r.issue(at("resolution-body:\(res.number)#\(position)", ""), Wording(
                    de: "Beschluss \(res.number): unbekanntes Gremium '\(deliberation.body)'", en: "resolution \(res.number): unknown body '\(deliberation.body)'"))
            }
        }
        var numbers = Set<String>()
        for res in d.resolutions where !numbers.insert(res.number).inserted {
            r.issue(at("resolution:" + res.number), Wording(de: "der Beschluss \(res.number) ist zweimal aufgeführt", en: "resolution \(res.number) is listed twice"))
        }
        for c in d.contributions { check(c.linkedTo, c.id, "linked_to", allowed: [.goal, .measure, .field]) }
        checkObservations(d, seen, &r)
        if let adoption = d.adoption, !numbers.contains(adoption.resolution), r.locations["resolution:" + adoption.resolution] == nil,
           !r.isConsequence(adoption.resolution) {
            r.issue(at("adoption", ".resolution"), Wording(de: "der Beschluss \(adoption.resolution) ist nicht unter den Beschlüssen der Datei",
                                                           en: "resolution \(adoption.resolution) is not among the file's resolutions"))
        }
    }

    /// Observations name indicators of the file; a correction names an observation — of the file, or one the plan
    /// already holds (the import checks that) — and no observation is corrected twice or in a circle.
    private static func checkObservations(_ d: PlanDocument, _ seen: [Identifier: EntityKind], _ r: inout YAMLReader) {
        func at(_ key: String, _ id: Identifier) -> SourceLocation {
            r.locations["observation-\(key):" + id.rawValue] ?? r.locations[id.rawValue] ?? SourceLocation(file: r.file, line: 1, column: 1, path: "observations")
        }
        var correctedBy: [Identifier: Identifier] = [:]
        for observation in d.observations {
            switch observation.kind {
            case let .recorded(indicator, _, _):
                if seen[indicator] == nil && r.isConsequence(indicator.rawValue) { continue }
                if seen[indicator] != .indicator {
                    r.issue(at("indicator", observation.id), seen[indicator].map {
                        Wording(de: "'\(indicator)' ist \(indefinite($0)), keine Kennzahl", en: "'\(indicator)' is \(article($0.displayName)), not an indicator")
                    } ?? Wording(de: "unbekannte Kennzahl '\(indicator)'", en: "unknown indicator '\(indicator)'"))
                }
            case let .correction(corrected, _):
                if let kind = seen[corrected], kind != .observation {
                    r.issue(at("corrects", observation.id), Wording(de: "'\(corrected)' ist \(indefinite(kind)), kein Messwert",
                                                                    en: "'\(corrected)' is \(article(kind.displayName)), not an observation"))
                } else if let earlier = correctedBy[corrected] {
                    r.issue(at("corrects", observation.id), Wording(
                        de: "der Messwert '\(corrected)' wird schon durch '\(earlier)' berichtigt; um eine Berichtigung zu berichtigen, die Berichtigung nennen",
                        en: "observation '\(corrected)' is already corrected by '\(earlier)'; to correct a correction, name the correction"))
                } else {
                    correctedBy[corrected] = observation.id
                }
            }
        }
        // A correction that (through others) corrects itself.
        let corrects = Dictionary(d.observations.compactMap { o -> (Identifier, Identifier)? in
            if case let .correction(of, _) = o.kind { return (o.id, of) } else { return nil }
        }, uniquingKeysWith: { a, _ in a })
        var reported = Set<Identifier>()
        for start in d.observations.map(\.id) where corrects[start] != nil && !reported.contains(start) {
            var chain = [start], current = corrects[start]
            while let next = current, !chain.contains(next), chain.count <= corrects.count { chain.append(next); current = corrects[next] }
            if let next = current, next == start {
                reported.formUnion(chain)
                let observations = (chain + [start]).map { "'\($0)'" }.joined(separator: " → ")
                r.issue(at("corrects", start), Wording(de: "die Messwerte \(observations) berichtigen einander im Kreis",
                                                       en: "the observations \(observations) correct each other in a circle"))
            }
        }
    }

    /// "a goal", "an indicator".
    private static func article(_ name: String) -> String {
        (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + name
    }

    /// "ein Ziel", "eine Kennzahl": the kind's German label with its indefinite article.
    private static func indefinite(_ kind: EntityKind) -> String {
        switch kind {
        case .measure, .indicator, .version: "eine " + kind.label.de
        default: "ein " + kind.label.de
        }
    }
}
