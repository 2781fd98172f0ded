internal import Yams

extension PlanFile {
    /// A `contacts:` list of the plan, a field or a measure: each entry names a registered person (`person: p-…`) or
    /// states contact details (`name`, `function`, `email`, `phone`, `room`), which the engine records as a person —
    /// encrypted under the person's own key — and replaces by the person id. Contact details are personal data by
    /// design: they are checked for form, not searched for personal data.
    static func readContacts(_ node: Node?, _ path: String, owner: String, _ document: inout PlanDocument, _ r: inout YAMLReader) {
        guard let node else { return }
        var entries: [ContactEntry] = []
        for (index, item) in r.sequence(node, path).enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let e = r.mapping(item, itemPath, allowed: ["person", "name", "function", "email", "phone", "room"]) else { continue }
            r.remember("contact:\(owner)#\(index)", item, itemPath)
            if e.values["person"] != nil {
                for key in ["name", "function", "email", "phone", "room"] where e.values[key] != nil {
                    r.fail(e.keys[key], e.child(key), Wording(
                        de: "eine Ansprechperson nennt entweder eine erfasste Person oder Kontaktangaben, nicht beides; die Angaben der Person stehen im Personenregister",
                        en: "a contact names a registered person or states details, not both; the person's details are in the register"))
                }
                if let person = r.identifier(e, "person") {
                    if person.rawValue.hasPrefix("p-") {
                        entries.append(.person(person))
                    } else {
                        r.fail(e.values["person"], e.child("person"), Wording(
                            de: "'\(person)' ist keine Kennung einer Person (p-…); die Person mit 'strategyctl person add' erfassen",
                            en: "'\(person)' is not a person id (p-…); register the person with 'strategyctl person add'"))
                    }
                }
                continue
            }
            guard let name = r.scalar(e, "name", required: true) else {
                if e.values["name"] == nil {
                    r.fail(item, e.child("name"), Wording(de: "eine Ansprechperson braucht einen 'name' oder 'person' mit der Kennung einer erfassten Person",
                                                          en: "a contact needs a 'name', or 'person' naming a registered person"))
                }
                continue
            }
            let details = ContactDetails(
                name: name, function: r.scalar(e, "function"), email: r.scalar(e, "email"), phone: r.scalar(e, "phone"), room: r.scalar(e, "room"))
            do throws(DomainError) {
                try details.validate()
                entries.append(.details(details))
            } catch {
                r.fail(item, itemPath, error.wording)
            }
        }
        if !entries.isEmpty { document.contacts[owner] = entries }
    }
}

/// One contact of a plan file: a registered person, or contact details the engine registers as a person.
public enum ContactEntry: Hashable, Sendable {
    /// A registered person.
    case person(Identifier)
    /// Contact details, to be registered (or found among the registered persons).
    case details(ContactDetails)
}
