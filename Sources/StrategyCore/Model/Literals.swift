// Literals for the values people write in code: ids, dates and amounts. A literal is part of the program, so one
// that is not valid stops it with a message (like an out-of-range array index); input from files, users or the
// network goes through the failable and throwing initialisers, which say what is wrong.
//
// Mind SE-0213: with these conformances `Identifier("ziel-a1")` and `CalendarDate("2025-04-01")` with a literal
// argument are the literal itself, not a call of the validating initialiser; to validate a text, pass a `String`
// value (`Identifier(text)`).

extension Identifier: ExpressibleByStringLiteral {
    /// An id written in code: `let goal: Identifier = "ziel-a1"`.
    ///
    /// - Precondition: The literal is a valid id (see ``Identifier/problem(with:)``).
    public init(stringLiteral value: String) {
        do throws(IdentifierError) { try self.init(value) } catch {
            preconditionFailure("\"\(value)\" is not an identifier: \(error.description)")
        }
    }
}

extension CalendarDate: ExpressibleByStringLiteral {
    /// A date written in code in its canonical form: `"2025-04-01"`, `"2010-11"`, `"2017-spring"`, `"2010"`,
    /// `"before 2018"`.
    ///
    /// - Precondition: The literal is a canonical date (see ``CalendarDate/init(canonical:)``).
    public init(stringLiteral value: String) {
        guard let date = CalendarDate(canonical: value) else {
            preconditionFailure("\"\(value)\" is not a date: write 2025-04-01, 2010-11, 2017-spring, 2010 or before 2018")
        }
        self = date
    }
}

extension EuroAmount: ExpressibleByIntegerLiteral {
    /// Whole euros written in code: `let budget: EuroAmount = 25_000` is 25,000.00 €. For cents use
    /// ``init(cents:)``.
    public init(integerLiteral euros: Int64) {
        self.init(cents: euros * 100)
    }
}
