internal import Yams

/// Reads plan files (YAML) into ``PlanDocument``s. Pure: the caller reads the file and passes its bytes.
public enum PlanFile {
    /// The largest plan file accepted: 64 MiB.
    public static let maximumSize = 64 << 20
    /// The deepest nesting accepted.
    public static let maximumDepth = 64
    /// The most values (mappings, lists, keys and scalars) the reader reaches in one file, an alias's values
    /// counted again each time the alias repeats them. The county examples reach 117 to 372; a plan with 300 goals
    /// and 300 measures, every key of each filled in, about 35,000.
    public static let maximumNodes = 100_000

    /// Refuses a file larger than ``maximumSize``. Call it with the size the file system reports before reading
    /// the file, so that a huge file is never read.
    ///
    /// - Parameters:
    ///   - size: The file's size in bytes.
    ///   - file: The name used in the message.
    ///   - atLeast: Whether `size` is only what was read so far (a pipe or a device, whose size is unknown).
    public static func checkSize(_ size: Int, file: String, atLeast: Bool = false) throws(PlanFileError) {
        guard size > maximumSize else { return }
        throw PlanFileError(issues: [PlanFileIssue(
            location: SourceLocation(file: file, line: 1, column: 1, path: ""),
            message: Wording(
                de: "die Datei hat \(atLeast ? "mehr als \(grouped(maximumSize, .de))" : grouped(size, .de)) Byte; Plandateien dürfen höchstens \(grouped(maximumSize, .de)) Byte (\(maximumSize >> 20) MiB) haben",
                en: "the file has \(atLeast ? "more than \(grouped(maximumSize))" : grouped(size)) bytes; plan files may have at most \(grouped(maximumSize)) bytes (\(maximumSize >> 20) MiB)"))])
    }

    /// Parses and checks a plan file.
    ///
    /// Reports every problem it can find at once — syntax, types, unknown keys, duplicate ids, dangling references,
    /// cycles in goal trees — each with file, line, column and path
    /// (`vechta.yaml:12:7: fields[2].goals[0].parent: unknown goal 'ziel-x'`).
    ///
    /// - Parameters:
    ///   - bytes: The file's contents (UTF-8).
    ///   - file: The name used in messages.
    public static func parse(_ bytes: [UInt8], file: String) throws(PlanFileError) -> PlanDocument {
        try parse(bytes, file: file, budget: maximumNodes)
    }

    /// ``parse(_:file:)`` with another node budget, for tests that measure what files need.
    static func parse(_ bytes: [UInt8], file: String, budget: Int) throws(PlanFileError) -> PlanDocument {
        func single(_ line: Int, _ column: Int, _ message: Wording) -> PlanFileError {
            PlanFileError(issues: [PlanFileIssue(location: SourceLocation(file: file, line: line, column: column, path: ""), message: message)])
        }
        try checkSize(bytes.count, file: file)
        let bytes = withoutBOMAndCarriageReturns(bytes)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(bytes)
            throw single(line, column, Wording(de: "die Datei ist kein gültiges UTF-8; bitte als UTF-8 speichern",
                                               en: "the file is not valid UTF-8; save it as UTF-8"))
        }
        if let (line, column) = excessiveNesting(bytes) {
            throw single(line, column, Wording(de: "die Datei ist tiefer als \(maximumDepth) Ebenen verschachtelt",
                                               en: "the file is nested more than \(maximumDepth) levels deep"))
        }
        if let singleQuoted = aliasesMarked(bytes, quote: "'") {
            // Composing hashes every key; an alias in a key would be hashed with everything it repeats, at any
            // depth. The same text with each alias replaced by a marked scalar shows the keys without that cost.
            try refuseAliasKeys(singleQuoted, orElse: aliasesMarked(bytes, quote: "\""), file: file)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw single(1, 1, Wording(de: "das YAML kann nicht gelesen werden: \(error)", en: "cannot read the YAML: \(error)"))
        }
        guard let root else { throw single(1, 1, Wording(de: "die Datei ist leer", en: "the file is empty")) }
        var reader = YAMLReader(file: file, source: text, budget: budget)
        let document = readDocument(root, &reader)
        if let exceeded = reader.budgetExceeded { throw PlanFileError(issues: [exceeded]) }
        if let document { validate(document, &reader) }
        if !reader.issues.isEmpty || document == nil {
            let sorted = reader.issues.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
            throw PlanFileError(issues: sorted.isEmpty ? [PlanFileIssue(location: reader.location(root, ""), message: Wording(de: "keine Plandatei", en: "not a plan file"))] : sorted)
        }
        var result = document!
        result.locations = reader.locations
        return result
    }

    // MARK: Reading

    private static func readDocument(_ root: Node, _ r: inout YAMLReader) -> PlanDocument? {
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
        if let vision = r.mapping(top.values["vision"], "vision", allowed: ["motto", "principles", "sections"]) {
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
        // Cross-cutting themes (Querschnittsthemen) that belong to no single field.
        for (index, node) in r.sequence(top.values["themes"], "themes").enumerated() {
            let path = "themes[\(index)]"
            guard let e = r.mapping(node, path, allowed: ["id", "title", "description"], required: ["id", "title"]),
                  let id = r.identifier(e, "id") else { continue }
            r.entity(id, e.values["id"], path)
            guard let title = r.text(e, "title", required: true) else { continue }
            document.themes.append(Theme(id: id, title: title, description: r.text(e, "description")))
        }
        for (index, node) in r.sequence(top.values["fields"], "fields").enumerated() {
            readField(node, "fields[\(index)]", &document, &r)
        }
        for (index, node) in r.sequence(top.values["measures"], "measures").enumerated() {
            if let measure = readMeasure(node, "measures[\(index)]", &r) {
                if case .mapping(let mapping) = node {
                    readContacts(mapping["contacts"], "measures[\(index)].contacts", owner: measure.id.rawValue, &document, &r)
                }
                document.measures.append(measure)
                if case .mapping(let mapping) = node, mapping["status"] != nil { document.declaredStatus.insert(measure.id) }
            }
        }
        for (index, node) in r.sequence(top.values["indicators"], "indicators").enumerated() {
            let path = "indicators[\(index)]"
            guard let e = r.mapping(node, path, allowed: ["id", "code", "name", "unit", "polarity", "source", "retired"],
                                    required: ["id", "code", "name", "unit", "polarity", "source"]),
                  let id = r.identifier(e, "id") else { continue }
            r.entity(id, e.values["id"], path)
            let code = r.scalar(e, "code", required: true), name = r.text(e, "name", required: true)
            let unit = r.text(e, "unit", required: true), source = r.text(e, "source", required: true)
            guard let polarity = r.choice(e, "polarity", Polarity.self), let code, let name, let unit, let source else { continue }
            var indicator = Indicator(id: id, code: code, name: name, unit: unit, polarity: polarity, source: source)
            indicator.retiredReason = r.text(e, "retired")
            document.indicators.append(indicator)
        }
        for (index, node) in r.sequence(top.values["observations"], "observations").enumerated() {
            if let observation = readObservation(node, "observations[\(index)]", &r) { document.observations.append(observation) }
        }
        for (index, node) in r.sequence(top.values["bodies"], "bodies").enumerated() {
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
        for (index, node) in r.sequence(top.values["resolutions"], "resolutions").enumerated() {
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
        for (index, node) in r.sequence(top.values["actors"], "actors").enumerated() {
            let path = "actors[\(index)]"
            guard let e = r.mapping(node, path, allowed: ["id", "name", "sector"], required: ["id", "name", "sector"]),
                  let id = r.identifier(e, "id") else { continue }
            r.entity(id, e.values["id"], path)
            let name = r.text(e, "name", required: true), sector = r.choice(e, "sector", Sector.self)
            guard let name, let sector else { continue }
            document.actors.append(Actor(id: id, name: name, sector: sector))
        }
        for (index, node) in r.sequence(top.values["participation"], "participation").enumerated() {
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

    /// An observation: a value recorded (`indicator`, `period`, `region`, `value`), or a correction of one
    /// (`corrects`, `value`, `reason`), which takes indicator, period and region from the observation it corrects.
    private static func readObservation(_ node: Node, _ path: String, _ r: inout YAMLReader) -> PlanDocument.ObservationEntry? {
        var isCorrection = false
        if case let .mapping(mapping) = node, mapping["corrects"] != nil { isCorrection = true }
        guard let e = r.mapping(node, path, allowed: ["id", "indicator", "period", "region", "value", "corrects", "reason"],
                                required: isCorrection ? ["id", "corrects", "value", "reason"] : ["id", "indicator", "period", "region", "value"]),
              let id = r.identifier(e, "id") else { return nil }
        r.entity(id, e.values["id"], path)
        for key in ["indicator", "period", "region", "value", "corrects", "reason"] where e.values[key] != nil {
            r.remember("observation-\(key):" + id.rawValue, e.values[key], e.child(key))
        }
        let value = r.quantity(e, "value")
        if isCorrection {
            for key in ["indicator", "period", "region"] where e.values[key] != nil {
                let german = key == "indicator" ? "die Kennzahl" : key == "period" ? "den Zeitraum" : "die Region"
                r.fail(e.values[key], e.child(key), Wording(de: "eine Berichtigung übernimmt \(german) aus dem Messwert, den sie berichtigt; hier weglassen",
                                                            en: "a correction takes its \(key) from the observation it corrects; leave it out"))
            }
            let corrects = r.identifier(e, "corrects"), reason = r.text(e, "reason", required: true)
            guard let corrects, let reason, let value else { return nil }
            return PlanDocument.ObservationEntry(id: id, value: value, kind: .correction(of: corrects, reason: reason))
        }
        if e.values["reason"] != nil {
            r.fail(e.values["reason"], e.child("reason"), Wording(de: "nur eine Berichtigung (mit 'corrects') nennt eine Begründung",
                                                                  en: "only a correction (with 'corrects') gives a reason"))
        }
        let indicator = r.identifier(e, "indicator")
        let period = r.text(e, "period", required: true), region = r.text(e, "region", required: true)
        guard let indicator, let period, let region, let value else { return nil }
        return PlanDocument.ObservationEntry(id: id, value: value, kind: .recorded(indicator: indicator, period: period, region: region))
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

    // MARK: Checking

    /// Checks what single values cannot: unique ids, references, goal trees.
    private static func validate(_ d: PlanDocument, _ r: inout YAMLReader) {
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
                    if parentGoal.field != g.field {
                        r.issue(at("parent:" + g.id.rawValue), Wording(
                            de: "das Ziel '\(parent)' gehört zum Handlungsfeld '\(parentGoal.field)', nicht zu '\(g.field)'; ein übergeordnetes Ziel liegt im selben Handlungsfeld",
                            en: "goal '\(parent)' belongs to field '\(parentGoal.field)', not '\(g.field)'; a goal's parent is in the same field"))
                    }
                } else if !r.isConsequence(parent.rawValue) {
                    r.issue(at("parent:" + g.id.rawValue), Wording(de: "unbekanntes Ziel '\(parent)'", en: "unknown goal '\(parent)'"))
                }
            }
        }
        // Cycles: follow parents from every goal, in file order, each goal once: a walk ends at a goal an earlier
        // walk passed (linear in the number of goals, however deep the trees).
        var reported = Set<Identifier>()
        var finished = Set<Identifier>()
        for g in d.goals where !finished.contains(g.id) {
            var path: [Identifier] = [g.id]
            var onPath: [Identifier: Int] = [g.id: 0]
            var current = g.parent
            while let next = current, let goal = goalsByID[next], !finished.contains(next) {
                if let start = onPath[next] {
                    let cycle = path[start...]
                    if reported.isDisjoint(with: cycle) {
                        reported.formUnion(cycle)
                        let goals = (Array(cycle) + [next]).map { "'\($0)'" }.joined(separator: " → ")
                        r.issue(at("parent:" + g.id.rawValue), Wording(de: "die Ziele \(goals) bilden einen Kreis; Zielbäume haben keine Kreise",
                                                                       en: "the goals \(goals) form a cycle; goal trees cannot have cycles"))
                    }
                    break
                }
                onPath[next] = path.count
                path.append(next)
                current = goal.parent
            }
            finished.formUnion(path)
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

    // MARK: Low-level checks

    private static func yamlError(_ error: YamlError, file: String) -> PlanFileError {
        func issue(_ mark: Mark, _ problem: Wording) -> PlanFileError {
            PlanFileError(issues: [PlanFileIssue(
                location: SourceLocation(file: file, line: mark.line, column: mark.column, path: ""),
                message: Wording(de: "ungültiges YAML: \(problem.de)", en: "invalid YAML: \(problem.en)"))])
        }
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return issue(mark, Wording(de: problem, en: problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return issue(context.mark, Wording(de: "doppelte Schlüssel \(keys) in einer Zuordnung", en: "duplicate keys \(keys) in one mapping"))
        default:
            return PlanFileError(issues: [PlanFileIssue(
                location: SourceLocation(file: file, line: 1, column: 1, path: ""),
                message: Wording(de: "ungültiges YAML: \(error)", en: "invalid YAML: \(error)"))])
        }
    }

    /// Marks an alias's scalar in the text that ``aliasesMarked(_:quote:)`` writes (a private-use character).
    static let aliasMarker: Character = "\u{E000}"

    /// The text with every alias (`*name`) replaced by a scalar that starts with ``aliasMarker``, or nil when the
    /// file has no alias.
    ///
    /// Composing that text costs no more than its length: it has no aliases. Its keys are the original's, and
    /// an alias used as a key (or inside one) is a key starting with the marker. An alias is replaced where YAML
    /// can start one — at the start of a line, after a space, a tab or one of `[{,:?`; a `*` elsewhere is text
    /// (`Schüler*innen`) and stays. An alias followed by `:` becomes a scalar in `quote`s, so that the key ends
    /// where the alias ended (a plain scalar would run on over `:x` inside brackets).
    static func aliasesMarked(_ bytes: [UInt8], quote: Unicode.Scalar) -> String? {
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        let starts: Set<UInt8> = Set(" \t\r\n[{,:?".utf8)
        let marker = Array(String(aliasMarker).utf8), quote = UInt8(ascii: quote)
        var output: [UInt8] = []
        var index = 0, copied = 0
        while let star = bytes[index...].firstIndex(of: UInt8(ascii: "*")) {
            var end = star + 1
            while end < bytes.count && isNameByte(bytes[end]) { end += 1 }
            index = end
            guard end > star + 1, star == 0 || starts.contains(bytes[star - 1]) else { continue }
            if output.isEmpty { output.reserveCapacity(bytes.count + 64) }
            output += bytes[copied..<star]
            var after = end
            while after < bytes.count && (bytes[after] == 0x20 || bytes[after] == 0x09) { after += 1 }
            if after < bytes.count && bytes[after] == UInt8(ascii: ":") {
                output += [quote] + marker + bytes[(star + 1)..<end] + [quote]
            } else {
                output += marker + bytes[(star + 1)..<end]
            }
            copied = end
        }
        guard copied > 0 else { return nil }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// Refuses an alias used as a key or inside one, naming the first.
    ///
    /// A quoted text that holds ` *word:` breaks when the marked scalar is quoted alike; the text marked with the
    /// other quotes (`alternative`) is read then. The file is refused only when neither can be read.
    private static func refuseAliasKeys(_ marked: String, orElse alternative: String?, file: String) throws(PlanFileError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: marked)
        } catch {
            if let alternative { return try refuseAliasKeys(alternative, orElse: nil, file: file) }
            if let error = error as? YamlError { throw yamlError(error, file: file) }
            throw PlanFileError(issues: [PlanFileIssue(
                location: SourceLocation(file: file, line: 1, column: 1, path: ""),
                message: Wording(de: "das YAML kann nicht gelesen werden: \(error)", en: "cannot read the YAML: \(error)"))])
        }
        guard let root, let (key, name, path) = firstAliasKey(root, "") else { return }
        throw PlanFileError(issues: [PlanFileIssue(
            location: SourceLocation(file: file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1, path: path),
            message: Wording(de: "der Alias *\(name) wird als Schlüssel verwendet; Schlüssel in Plandateien sind einfache Wörter",
                             en: "the alias *\(name) is used as a key; keys in plan files are plain words"))])
    }

    /// The first key that is, or holds, a marked alias: the key, the alias's name and the key's path.
    private static func firstAliasKey(_ node: Node, _ path: String) -> (Node, String, String)? {
        func alias(in node: Node) -> String? {
            switch node {
            case .scalar(let scalar):
                return scalar.string.first == aliasMarker ? String(scalar.string.dropFirst()) : nil
            case .sequence(let sequence):
                return sequence.lazy.compactMap { alias(in: $0) }.first
            case .mapping(let mapping):
                return mapping.lazy.compactMap { alias(in: $0.key) ?? alias(in: $0.value) }.first
            case .alias:
                return nil
            }
        }
        switch node {
        case .scalar, .alias:
            return nil
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                if let found = firstAliasKey(item, "\(path)[\(index)]") { return found }
            }
            return nil
        case .mapping(let mapping):
            for (key, value) in mapping {
                let child = path.isEmpty ? key.scalar?.string ?? "" : "\(path).\(key.scalar?.string ?? "")"
                if let name = alias(in: key) { return (key, name, path) }
                if let found = firstAliasKey(value, child) { return found }
            }
            return nil
        }
    }

    /// The bytes without a leading UTF-8 byte order mark (`EF BB BF`) and with every CRLF or lone CR line end
    /// turned into LF: the file as an editor on Windows saves it reads like any other.
    ///
    /// Lines keep their numbers (YAML counts CRLF and CR as one line break each) and the first line its columns
    /// as an editor shows them, so that every place named in a message is where the editor puts it; no text
    /// keeps a stray CR.
    static func withoutBOMAndCarriageReturns(_ bytes: [UInt8]) -> [UInt8] {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let start = bytes.starts(with: bom) ? bom.count : 0
        guard start > 0 || bytes.contains(0x0D) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count - start)
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                output.append(0x0A)
                if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            if length == 0 || index + length > bytes.count || String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil {
                return (line, column)
            }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return (line, column)
    }

    /// The first place where flow brackets or block indentation nest deeper than ``maximumDepth``.
    private static func excessiveNesting(_ bytes: [UInt8]) -> (Int, Int)? {
        var depth = 0, line = 1, column = 1, indent = 0, atLineStart = true
        var inQuote: UInt8? = nil
        for byte in bytes {
            if byte == 0x0A { line += 1; column = 1; indent = 0; atLineStart = true; inQuote = nil; continue }
            if atLineStart {
                if byte == 0x20 || byte == UInt8(ascii: "-") { indent += 1 } else { atLineStart = false }
                if indent > maximumDepth * 4 { return (line, column) }
            }
            if let quote = inQuote {
                if byte == quote { inQuote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                inQuote = byte
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                depth += 1
                if depth > maximumDepth { return (line, column) }
            } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                depth = max(0, depth - 1)
            } else if byte == UInt8(ascii: "#") {
                inQuote = 0x0A
            }
            column += 1
        }
        return nil
    }
}

