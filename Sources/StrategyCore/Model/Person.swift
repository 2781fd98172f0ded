/// How a person can be reached, as a plan's contact block states it (*Ansprechpartnerin*): the personal data the
/// engine keeps only encrypted, under the person's own key.
///
/// Plans name people — the contact of the education office, whoever leads a measure, the author of a
/// contribution. Their data goes into the log only as ciphertext (``PersonRegistered/sealed``); erasing the person
/// destroys the key, and every rendering shows "gelöscht" where the data was.
public struct ContactDetails: Hashable, Sendable, Codable {
    /// The name, for example "Dr. Anna Muster".
    public var name: String
    /// The function, for example "Leitung Bildungsbüro".
    public var function: String?
    /// The e-mail address.
    public var email: String?
    /// The phone number.
    public var phone: String?
    /// The room, for example "Raum 2.14".
    public var room: String?
    /// The login name the person works under, so that a change made under it names the person's id.
    public var login: String?

    /// Creates contact details; only the name is required.
    public init(name: String, function: String? = nil, email: String? = nil, phone: String? = nil, room: String? = nil, login: String? = nil) {
        self.name = name
        self.function = function
        self.email = email
        self.phone = phone
        self.room = room
        self.login = login
    }

    /// Checks the details: a name, single lines without control characters, an e-mail address with an `@`.
    public func validate() throws(DomainError) {
        if name.trimmingSpaces.isEmpty { throw .invalidValue(field: "person.name", reason: Wording(de: "darf nicht leer sein", en: "must not be empty")) }
        for (field, value) in [("name", name), ("function", function), ("email", email), ("phone", phone), ("room", room), ("login", login)] {
            guard let value else { continue }
            if value.count > 200 { throw .invalidValue(field: "person.\(field)", reason: Wording(de: "hat mehr als 200 Zeichen", en: "has more than 200 characters")) }
            if value.contains("\n") || Rules.forbiddenCharacter(in: value) != nil {
                throw .invalidValue(field: "person.\(field)", reason: Wording(de: "muss eine einzelne Zeile ohne Steuerzeichen sein", en: "must be a single line without control characters"))
            }
        }
        if let email, !(email.contains("@") && !email.hasPrefix("@") && !email.hasSuffix("@")) {
            throw .invalidValue(field: "person.email", reason: Wording(de: "'\(email)' ist keine E-Mail-Adresse", en: "'\(email)' is not an e-mail address"))
        }
        if let login, login.contains(" ") || login.isEmpty { throw .invalidValue(field: "person.login", reason: Wording(de: "muss ein einzelnes Wort sein", en: "must be one word")) }
    }
}

/// What the store knows of a person (a data subject): their id, and their contact details while they are not
/// erased.
public struct Person: Hashable, Sendable {
    /// The opaque person id (`p-…`): what events, records and plans name.
    public let id: Identifier
    /// The contact details; nil once the person was erased (or the key is gone).
    public let details: ContactDetails?
    /// Set when the person was erased: when, by whom, why, under which request.
    public let erasure: PersonForgotten?

    /// Creates a person.
    public init(id: Identifier, details: ContactDetails?, erasure: PersonForgotten?) {
        self.id = id
        self.details = details
        self.erasure = erasure
    }

    /// The name to show in `language`: the person's name; "gelöscht" / "erased" once erased; "nicht lesbar" /
    /// "not readable" when the details cannot be opened here (no access to the key file, or the key is missing
    /// without an erasure on record).
    public func displayName(in language: Language) -> String {
        details?.name ?? (erasure != nil ? Term.erased(language) : Term.unreadable(language))
    }
}
