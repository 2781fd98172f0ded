import Foundation
import Projections
import StrategyCore

// The record's pages: versions, Änderungsprotokolle, participation, audit trails and the integrity page.

extension SiteData {
    func versionsPage() -> Page {
        var context: [String: Any] = [:]
        context["versions"] = versions.map { version -> [String: Any] in
            ["label": version.label, "resolution": version.resolution, "body": version.bodyName,
             "resolved": date(version.resolutionDate), "effective": date(version.effectiveDate),
             "position": String(version.position), "hash": version.contentHash,
             "counts": "\(version.counts.fields) / \(version.counts.goals) / \(version.counts.measures)"]
        }
        context["hasVersions"] = !versions.isEmpty
        context["changeLogs"] = changeLogs.enumerated().map { index, log -> [String: Any] in
            ["href": "aenderungen-\(index + 1).html", "text": "\(pointName(log.from)) → \(pointName(log.to))"]
        }
        context["hasChangeLogs"] = !changeLogs.isEmpty
        // The timeline: every version by its effective date, every resolution on record by its date.
        var events: [(date: CalendarDate, label: String, kind: Int)] = versions.map { ($0.effectiveDate, $0.label, 0) }
        events += state.resolutions.values.sorted { ($0.date, $0.number) < ($1.date, $1.number) }.map { ($0.date, $0.number, 1) }
        events.sort { ($0.date, $0.kind, $0.label) < ($1.date, $1.kind, $1.label) }
        if !events.isEmpty {
            let summary = events.map { "\($0.date.text(in: language)): \($0.kind == 0 ? Term.versionAdopted(language) : Term.resolutionRecorded(language)) \($0.label)" }
                .joined(separator: "; ")
            context["timelineHTML"] = Chart.timeline(id: "timeline", title: Term.timeline(language), description: summary, events: events)
            context["timeline"] = events.map { event -> [String: Any] in
                ["date": event.date.text(in: language), "what": event.kind == 0 ? Term.versionAdopted(language) : Term.resolutionRecorded(language),
                 "label": event.label]
            }
        }
        context["resolutions"] = state.resolutions.values.sorted { ($0.date, $0.number) < ($1.date, $1.number) }.map { resolution -> [String: Any] in
            ["number": resolution.number, "subject": resolution.subject, "date": date(resolution.date),
             "body": state.bodies[resolution.body]?.name ?? resolution.body.rawValue, "result": label(resolution.result)]
        }
        context["hasResolutions"] = !state.resolutions.isEmpty
        return page("fassungen.html", template: "versions", title: Term.versions(language), context)
    }

    func pointName(_ point: String) -> String { point == PlanDiff.draftPoint ? Term.draftLabel(language) : point }

    func changeLogPage(number: Int, _ log: (from: String, to: String, diff: PlanDiff)) -> Page {
        let groups = log.diff.groups(language).map { heading, changes -> [String: Any] in
            ["heading": heading, "changes": changes.map(changeEntry)]
        }
        let title = "\(Term.changeLog(language)): \(pointName(log.from)) → \(pointName(log.to))"
        return page("aenderungen-\(number).html", template: "changes", title: title, [
            "from": pointName(log.from), "to": pointName(log.to), "groups": groups, "hasGroups": !groups.isEmpty,
        ])
    }

    func changeEntry(_ change: EntityChange) -> [String: Any] {
        let verb = change.kind == .added ? Term.added(language) : change.kind == .removed ? Term.removed(language) : Term.modified(language)
        let labels = change.labels.filter { $0 != "status" }.map { PlanDiff.labelText($0, language) }
        let attributes = PlanDiff.visibleAttributes(change).map { attribute -> [String: Any] in
            let name = PlanDiff.attributeName(attribute.name, language)
            if let runs = attribute.words {
                return ["name": name, "valueHTML": Self.wordsHTML(runs)]
            }
            let old = PlanDiff.oldText(attribute, kind: change.entityKind, language)
            let new = PlanDiff.valueText(attribute.new, attribute: attribute.name, kind: change.entityKind, language)
            return ["name": name, "valueHTML": Self.deleted(old) + " → " + Self.inserted(new)]
        }
        return ["verb": verb, "kind": change.kind.rawValue, "what": PlanDiff.capitalized(change.entityKind.label(language)),
                "title": change.title, "labels": labels.joined(separator: ", "), "hasLabels": !labels.isEmpty,
                "attributes": attributes, "hasAttributes": !attributes.isEmpty]
    }

    /// A word diff as HTML: removed runs in `<del>`, inserted ones in `<ins>`, everything escaped.
    static func wordsHTML(_ runs: [WordChange]) -> String {
        runs.map { run in
            switch run.kind {
            case .same: return Chart.escape(run.text)
            case .removed: return deleted(run.text)
            case .inserted: return inserted(run.text)
            }
        }.joined()
    }

    static func deleted(_ text: String) -> String { text.isEmpty || text == "–" ? "–" : "<del>\(Chart.escape(text))</del>" }
    static func inserted(_ text: String) -> String { text.isEmpty || text == "–" ? "–" : "<ins>\(Chart.escape(text))</ins>" }

    func participationPage() -> Page {
        let formats = PlanState.ordered(state.participation).map { format -> [String: Any] in
            let contributions = state.contributions.values.filter { $0.format == format.id }.sorted { $0.id < $1.id }
            return [
                "title": format.title, "kind": label(format.kind), "date": date(format.date),
                "participants": format.participants.map(String.init) ?? Term.notStated(language),
                "contributions": contributions.map { contribution -> [String: Any] in
                    ["summary": contribution.summary, "disposition": label(contribution.disposition), "note": contribution.note ?? "–",
                     "contacts": contacts(contribution.id.rawValue)]
                },
                "hasContributions": !contributions.isEmpty,
            ]
        }
        return page("beteiligung.html", template: "participation", title: Term.participation(language), [
            "formats": formats, "hasFormats": !formats.isEmpty,
        ])
    }

    func auditPage(_ key: EntityKey) -> Page {
        let name: String
        switch key {
        case .plan: name = state.title
        case let .entity(id):
            name = state.fields[id].map(Self.fieldHeading) ?? state.goals[id]?.statement ?? state.measures[id]?.title
                ?? state.indicators[id]?.name ?? id.rawValue
        case let .resolution(number): name = number
        }
        let entries = (histories[key] ?? []).reversed().map { entry -> [String: Any] in
            ["position": String(entry.position), "recorded": Self.timeText(entry.recordedAt),
             "effective": entry.effectiveDate.map(date(_:)) ?? "–", "role": entry.role ?? "–",
             "reason": entry.reason ?? "–", "resolution": entry.resolution ?? "–",
             "attributes": entry.attributes.map { PlanDiff.attributeName($0, language) }.joined(separator: ", ")]
        }
        let blames = (blames[key] ?? []).map { blame -> [String: Any] in
            ["attribute": blame.attributeName(in: language), "value": blame.text(in: language),
             "position": String(blame.setBy.position), "recorded": Self.timeText(blame.setBy.recordedAt),
             "reason": blame.setBy.reason ?? "–"]
        }
        return page(Self.auditPath(key), template: "audit", title: "\(Term.auditTrail(language)): \(name)", [
            "entity": name, "entries": entries, "hasEntries": !entries.isEmpty, "blames": blames, "hasBlames": !blames.isEmpty,
        ])
    }

    func integrityPage() -> Page {
        var context: [String: Any] = [:]
        if let head {
            context["head"] = head.description
            context["headPosition"] = String(head.position)
            context["command"] = "strategyctl verify --expect-head \(head.description)"
        }
        return page("integritaet.html", template: "integrity", title: Term.integrity(language), context)
    }
}
