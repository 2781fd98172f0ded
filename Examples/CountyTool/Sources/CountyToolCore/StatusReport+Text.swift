import Foundation
import Projections
import StrategyCore

// The Sachstandsbericht as German text. Every word the library has is taken from it — `Term` for headings and
// phrases, the `Labelled` labels for statuses and kinds, `PlanDiff.attributeName` for attributes — so the report
// speaks as `strategyctl` does. The few words the library lacks ("Sachstandsbericht", "Stichtag") are the tool's.

extension StatusReport {
    /// The report as German plain text (Markdown-friendly), ending in a newline.
    public func text() -> String {
        let de = Language.de
        var out: [String] = []

        out.append("Sachstandsbericht: \(title)")
        out.append("\(PlanDiff.attributeName("county", de)): \(county ?? Term.notStated(de))")
        out.append("\(EntityKind.plan.label(de)): \(plan)")
        out.append("Stichtag: \(keyDate.text(in: de))")
        out.append("\(Term.state(de)): \(Term.draftLabel(de)) (\(Term.position(de)) \(draftPosition))")

        out.append("")
        out.append("## \(Term.versions(de))")
        if let latest = latestVersion {
            if let inForce {
                out.append("- In Kraft am \(keyDate.text(in: de)): \(Self.describe(inForce))")
            } else {
                out.append("- In Kraft am \(keyDate.text(in: de)): keine Fassung")
            }
            out.append("- \(Self.capitalized(Term.latestVersion(de))): \(Self.describe(latest))")
        } else {
            out.append("- noch keine Fassung beschlossen")
        }

        out.append("")
        if let changes {
            out.append("## \(Term.changes(de)) seit „\(changes.version)“")
            out.append("\(Term.added(de)): \(changes.added) · \(Term.removed(de)): \(changes.removed) · \(Term.modified(de)): \(changes.modified)")
            if changes.changes.isEmpty {
                out.append(Term.noChanges(de))
            }
            for change in changes.changes {
                out.append("- " + Self.describe(change))
            }
        } else {
            out.append("## \(Term.changes(de))")
            out.append("Kein Vergleich: es ist noch keine Fassung beschlossen.")
        }

        out.append("")
        out.append("## \(Term.fields(de))")
        for field in fields {
            out.append("")
            out.append("### \(field.heading) (\(field.status.label(de)))")
            if field.measures.isEmpty {
                out.append("- keine \(Term.measures(de))")
            }
            for measure in field.measures {
                out.append(contentsOf: Self.describe(measure))
            }
        }
        if !unplacedMeasures.isEmpty {
            out.append("")
            out.append("### \(Term.measures(de)) ohne \(EntityKind.field.label(de))")
            for measure in unplacedMeasures {
                out.append(contentsOf: Self.describe(measure))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `Masterplan Bildung 2.0 – Beschluss 2025/0042 · Kreistag Heidekreis · Datum: 2025-02-27 · In Kraft ab 2025-03-01`
    static func describe(_ version: VersionRecord) -> String {
        let de = Language.de
        let date = version.resolutionDate?.text(in: de) ?? Term.notStated(de)
        return "\(version.label) – \(Term.resolution(de)) \(version.resolution) · \(version.bodyName) · "
            + "\(PlanDiff.attributeName("date", de)): \(date) · \(Term.effective(de)) \(version.effectiveDate.text(in: de))"
    }

    /// `Geändert: Maßnahme „Kooperation mit Hochschulen“ (m-hochschulkooperation): Status`
    static func describe(_ change: EntityChange) -> String {
        let de = Language.de
        let kind: String
        switch change.kind {
        case .added: kind = Term.added(de)
        case .removed: kind = Term.removed(de)
        case .modified: kind = Term.modified(de)
        }
        var line = "\(kind): \(change.entityKind.label(de)) „\(change.title)“ (\(change.entity))"
        if change.kind == .modified, !change.attributes.isEmpty {
            line += ": " + change.attributes.map { PlanDiff.attributeName($0.name, de) }.joined(separator: ", ")
        }
        return line
    }

    /// A measure's two lines: its title and id, then status, lead, health and progress.
    static func describe(_ measure: MeasureLine) -> [String] {
        let de = Language.de
        var status = "\(Term.status(de)): \(measure.status.label(de))"
        if let since = measure.statusSetBy {
            status += since.effectiveDate.map { ", wirksam seit \($0.text(in: de))" }
                ?? ", erfasst am \(CalendarDate(recordedOn: since.recordedAt).text(in: de))"
        }
        let facts = [
            status,
            "\(Term.lead(de)): \(measure.lead ?? Term.leadNotStated(de))",
            "\(Term.health(de)): \(measure.health?.label(de) ?? Term.notStated(de))",
            "\(PlanDiff.attributeName("progress", de)): \(measure.progress.map { "\($0) %" } ?? Term.notStated(de))",
        ]
        return ["- \(measure.title) (\(measure.id))", "  " + facts.joined(separator: " · ")]
    }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
