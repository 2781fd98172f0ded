// Reconciler: the differences between the records a file lists and those the plan holds.

extension Reconciler {
    /// The records (resolutions, observations) a file lists that the plan holds with other content: one issue for
    /// each attribute that differs, at its place in the file, in file order.
    ///
    /// Records are added, never changed: a file that says something else about a recorded resolution or
    /// observation is refused and told what the record says — never silently left as it was.
    static func recordDifferences(_ document: PlanDocument, _ state: PlanState) -> [PlanFileIssue] {
        var issues: [PlanFileIssue] = []
        func at(_ key: String, orElse fallback: String, _ suffix: String) -> SourceLocation {
            if let location = document.locations[key] { return location }
            let base = document.locations[fallback] ?? SourceLocation(file: "plan file", line: 1, column: 1, path: "")
            return SourceLocation(file: base.file, line: base.line, column: base.column, path: base.path + suffix)
        }
        func quoted(_ text: String) -> String { "'\(text)'" }
        func same(_ text: String) -> Wording { Wording(de: text, en: text) }
        /// A stable key in English, its German label with the key in German: "adopted" / "beschlossen (adopted)".
        func keyed(_ key: String, _ label: Wording) -> Wording { Wording(de: "\(label.de) (\(key))", en: key) }
        let notStated = Wording(de: "nicht angegeben", en: "not stated"), none = Wording(de: "keine", en: "none")
        for resolution in document.resolutions {
            guard let recorded = state.resolutions[resolution.number], recorded != resolution else { continue }
            let number = resolution.number
            func report(_ key: String, _ position: Int?, _ recordedValue: Wording, _ fileValue: Wording, _ options: String?) {
                // The options of `strategyctl resolution correct` that would make the record say what the file says —
                // none where the file states nothing (a result left unknown, votes left out): a file that does not
                // know is no source for a correction.
                let how = options.map {
                    Wording(de: "mit 'strategyctl resolution correct \(number) \($0) --reason …' berichtigen oder so schreiben, wie er erfasst ist",
                            en: "correct it with 'strategyctl resolution correct \(number) \($0) --reason …', or write it as recorded")
                } ?? Wording(de: "so schreiben, wie er erfasst ist, oder weglassen", en: "write it as recorded, or leave it out")
                let which = position.map { recorded.deliberations.count > 1 ? Wording(de: " (Beratung \($0 + 1))", en: " (deliberation \($0 + 1))") : same("") }
                    ?? same("")
                let name = switch key {
                case "subject": "Gegenstand"
                case "body": "Gremium"
                case "date": "Datum"
                case "kind": "Art der Beratung"
                case "result": "Ergebnis"
                default: "Abstimmungsergebnis"
                }
                let fileKey = position.map { "resolution-\(key):\(number)#\($0)" } ?? "resolution-\(key):" + number
                issues.append(PlanFileIssue(
                    location: at(fileKey, orElse: "resolution:" + number, ".\(key)"),
                    message: Wording(
                        de: """
                            die Aufzeichnung weicht ab: Beschluss \(number)\(which.de) ist erfasst mit \(name): \(recordedValue.de), \
                            die Datei nennt: \(fileValue.de); ein erfasster Beschluss wird nie geändert: \(how.de)
                            """,
                        en: """
                            the record differs: resolution \(number)\(which.en) is recorded with \(key) \(recordedValue.en), \
                            the file says \(fileValue.en); a recorded resolution is never changed: \(how.en)
                            """)))
            }
            if recorded.subject != resolution.subject {
                report("subject", nil, same(quoted(recorded.subject)), same(quoted(resolution.subject)), "--subject \"\(resolution.subject)\"")
            }
            // Deliberations are matched by body and date; one the file states otherwise is paired with a recorded one
            // the file does not match, in order, and its differences reported. The rest of the file's are new.
            var unmatched = Array(recorded.deliberations.indices)
            var pairs: [(file: Int, record: Int)] = []
            var open: [Int] = []
            for (position, deliberation) in resolution.deliberations.enumerated() {
                if let match = unmatched.first(where: { recorded.deliberations[$0].body == deliberation.body && recorded.deliberations[$0].date == deliberation.date }) {
                    pairs.append((position, match))
                    unmatched.removeAll { $0 == match }
                } else {
                    open.append(position)
                }
            }
            for (position, record) in zip(open, unmatched) { pairs.append((position, record)) }
            for (position, index) in pairs.sorted(by: { $0.file < $1.file }) {
                let file = resolution.deliberations[position], kept = recorded.deliberations[index]
                let option = index == 0 ? "" : "--deliberation \(index + 1) "
                if kept.body != file.body {
                    report("body", position, same(quoted(kept.body.rawValue)), same(quoted(file.body.rawValue)), option + "--body \(file.body)")
                }
                if kept.date != file.date {
                    report("date", position, Wording(de: kept.date.text(in: .de), en: kept.date.description),
                           Wording(de: file.date.text(in: .de), en: file.date.description), option + "--date '\(file.date)'")
                }
                if kept.kind != file.kind {
                    report("kind", position, kept.kind.map { keyed($0.rawValue, $0.label) } ?? notStated,
                           file.kind.map { keyed($0.rawValue, $0.label) } ?? notStated, file.kind.map { option + "--kind \($0.rawValue)" })
                }
                if kept.result != file.result {
                    report("result", position, keyed(kept.result.rawValue, kept.result.label), keyed(file.result.rawValue, file.result.label),
                           file.result == .unknown ? nil : option + "--result \(file.result.rawValue)")
                }
                if kept.votes != file.votes {
                    report("votes", position, kept.votes.map { same(quoted($0.summary)) } ?? none, file.votes.map { same(quoted($0.summary)) } ?? none,
                           file.votes.flatMap(correctionOptions).map { option + $0 })
                }
            }
        }
        for observation in document.observations {
            guard let recorded = state.observations[observation.id] else { continue }
            var differing: [(key: String, recorded: Wording, file: Wording)] = []
            let nothing = Wording(de: "nichts", en: "nothing")
            if recorded.value != observation.value { differing.append(("value", same(recorded.value.text), same(observation.value.text))) }
            switch observation.kind {
            case let .recorded(indicator, period, region):
                if let corrected = recorded.corrects { differing.append(("corrects", same(quoted(corrected.rawValue)), nothing)) }
                if recorded.indicator != indicator {
                    differing.append(("indicator", same(quoted(recorded.indicator.rawValue)), same(quoted(indicator.rawValue))))
                }
                if recorded.period != period { differing.append(("period", same(quoted(recorded.period)), same(quoted(period)))) }
                if recorded.region != region { differing.append(("region", same(quoted(recorded.region)), same(quoted(region)))) }
            case let .correction(of, reason):
                if recorded.corrects != of {
                    differing.append(("corrects", recorded.corrects.map { same(quoted($0.rawValue)) } ?? nothing, same(quoted(of.rawValue))))
                }
                if recorded.corrects != nil && recorded.reason != reason {
                    differing.append(("reason", recorded.reason.map { same(quoted($0)) } ?? none, same(quoted(reason))))
                }
            }
            // A value is corrected by correcting the latest correction of it.
            var target = observation.id, steps = 0
            while let next = state.observations[target]?.correctedBy, steps < state.observations.count { target = next; steps += 1 }
            for difference in differing {
                let how = difference.key == "value"
                    ? Wording(
                        de: "mit 'strategyctl observation correct \(target) \(observation.value.text) --reason …' berichtigen oder in der Datei durch einen neuen Messwert mit 'corrects: \(target)'",
                        en: "correct it with 'strategyctl observation correct \(target) \(observation.value.text) --reason …', or in the file by a new observation with 'corrects: \(target)'")
                    : Wording(de: "so schreiben, wie er erfasst ist, oder weglassen", en: "write it as recorded, or leave it out")
                let name = switch difference.key {
                case "value": "Wert"
                case "corrects": "Berichtigung von"
                case "indicator": "Kennzahl"
                case "period": "Zeitraum"
                case "region": "Region"
                default: "Begründung"
                }
                issues.append(PlanFileIssue(
                    location: at("observation-\(difference.key):" + observation.id.rawValue, orElse: observation.id.rawValue, ".\(difference.key)"),
                    message: Wording(
                        de: """
                            die Aufzeichnung weicht ab: Messwert '\(observation.id)' ist erfasst mit \(name): \(difference.recorded.de), \
                            die Datei nennt: \(difference.file.de); ein erfasster Messwert wird nie geändert: \(how.de)
                            """,
                        en: """
                            the record differs: observation '\(observation.id)' is recorded with \(difference.key) \(difference.recorded.en), \
                            the file says \(difference.file.en); a recorded observation is never changed: \(how.en)
                            """)))
            }
        }
        return issues.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    /// The options of `strategyctl resolution correct` that give a record `votes`, or nil where they cannot say it.
    private static func correctionOptions(_ votes: Votes) -> String? {
        let note = votes.note.map { " --vote-note \"\($0)\"" } ?? ""
        if votes.unanimous == true && votes.yes == nil && votes.no == nil && votes.abstain == nil { return "--votes einstimmig" + note }
        if votes.unanimous != nil { return nil }
        if votes.yes == nil && votes.no == nil && votes.abstain == nil { return note.isEmpty ? nil : String(note.dropFirst()) }
        let counts = [votes.yes, votes.no, votes.abstain].map { $0.map(String.init) ?? "?" }.joined(separator: "/")
        return "--votes \(counts)" + note
    }
}
