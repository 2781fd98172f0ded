import Foundation
import Projections
import StrategyCore

/// One page of the edition before rendering: its file, its template and the values the template shows.
///
/// Values are plain dictionaries, arrays, strings and booleans, so that a county's own templates see exactly what
/// the bundled ones see (`docs/web-edition.md` lists the keys). Texts are escaped by the template; only values
/// whose key ends in `HTML` (built here from escaped parts: charts, word diffs) are inserted as they are.
struct Page {
    let path: String
    let template: String
    let title: String
    var context: [String: Any]
}

extension SiteData {
    /// The page with what every page shows: language, titles, navigation, the words of the templates, the footer.
    func page(_ path: String, template: String, title: String, _ context: [String: Any]) -> Page {
        var all = context
        all["lang"] = language.rawValue
        all["pageTitle"] = title
        all["documentTitle"] = title == state.title ? title : "\(title) – \(state.title)"
        all["planTitle"] = state.title
        all["county"] = state.county
        all["shownState"] = pointText
        all["t"] = Dictionary(uniqueKeysWithValues: Term.allCases.map { ($0.rawValue, $0(language)) })
        all["a"] = PlanDiff.attributeNames.mapValues { $0(language) }
        all["nav"] = [
            ("index.html", Term.overview(language)), ("fassungen.html", Term.versions(language)),
            ("beteiligung.html", Term.participation(language)), ("integritaet.html", Term.integrity(language)),
        ].map { link in ["href": link.0, "text": link.1, "current": link.0 == path] as [String: Any] }
        all["footerPosition"] = String(lastPosition)
        all["footerRecorded"] = lastRecordedAt.map(Self.timeText) ?? Term.notStated(language)
        return Page(path: path, template: template, title: title, context: Self.withPresenceFlags(all))
    }

    /// The values with a flag `hasX` beside every list `x` that says whether it has items, at every depth: Mustache
    /// cannot ask whether a list is empty, and a heading over an empty list would announce nothing.
    static func withPresenceFlags(_ values: [String: Any]) -> [String: Any] {
        var out: [String: Any] = [:]
        for (key, wrapped) in values {
            // An optional that holds nothing is no value at all (else Mustache would print "nil").
            let mirror = Mirror(reflecting: wrapped)
            if mirror.displayStyle == .optional && mirror.children.isEmpty { continue }
            let value = mirror.displayStyle == .optional ? mirror.children.first!.value : wrapped
            if let list = value as? [[String: Any]] {
                out[key] = list.map(withPresenceFlags)
                out["has" + key.prefix(1).uppercased() + key.dropFirst()] = !list.isEmpty
            } else if let list = value as? [Any] {
                out[key] = list
                out["has" + key.prefix(1).uppercased() + key.dropFirst()] = !list.isEmpty
            } else if let dictionary = value as? [String: Any], key != "t" && key != "a" {
                out[key] = withPresenceFlags(dictionary)
            } else {
                out[key] = value
            }
        }
        return out
    }

    /// A recorded time, the same wherever the edition is built: UTC, to the minute.
    static func timeText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { (n ?? 0) < 10 ? "0\(n ?? 0)" : "\(n ?? 0)" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)) UTC"
    }

    func date(_ date: CalendarDate?) -> String { date?.text(in: language) ?? Term.notStated(language) }

    func label(_ value: some Labelled) -> String { value.label(language) }

    static func fieldPath(_ id: Identifier) -> String { "feld-\(id.rawValue).html" }
    static func measurePath(_ id: Identifier) -> String { "massnahme-\(id.rawValue).html" }
    static func indicatorPath(_ id: Identifier) -> String { "kennzahl-\(id.rawValue).html" }
    static func auditPath(_ key: EntityKey) -> String { "verlauf-\(key == .plan ? "plan" : key.rawValue.replacingOccurrences(of: ":", with: "-")).html" }

    /// The contacts of an entity: name and function of each registered person; an erased one as "gelöscht".
    func contacts(_ owner: String) -> [[String: Any]] {
        (state.contacts[owner] ?? []).map { id in
            guard let details = persons[id]?.details else { return ["name": Term.erased(language), "erased": true] }
            var contact: [String: Any] = ["name": details.name]
            if let function = details.function { contact["function"] = function }
            if let email = details.email { contact["email"] = email }
            if let phone = details.phone { contact["phone"] = phone }
            return contact
        }
    }
}
