/// Recognises personal data in free text that must not go into the log as plaintext: e-mail addresses (also written
/// `name(at)kreis.de`, `name [at] kreis [dot] de` or with a full-width `＠`), phone numbers (with spaces, dots,
/// dashes or slashes, with or without the leading zero), a salutation with a name ("Frau Dr. Anna Müller"), birth
/// dates ("geb. 12.03.1975"), street addresses ("Hauptstraße 12") and tax or account numbers (Steuer-ID, IBAN).
///
/// People belong in the register of persons (``ContactDetails``), where their data is encrypted and can be erased.
/// Council paper numbers (`093/2012`, `BV/0123/2019`), dates, amounts, years, ids and room numbers ("Raum 2.14") are
/// never taken for personal data.
///
/// - Complexity: O(*n*) in the length of the text.
public enum PersonalData {
    /// What the text holds — "an e-mail address", "a phone number", "a name with a salutation", "a birth date",
    /// "a street address", "a tax or account number" — or nil.
    public static func detect(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        if let kind = email(in: normalizedAt(scalars)) { return kind }
        if let kind = phone(in: scalars) { return kind }
        let words = Self.words(of: text)
        if salutation(in: words) { return "a name with a salutation" }
        if birthDate(in: words) { return "a birth date" }
        if streetAddress(in: words) { return "a street address" }
        if accountNumber(in: words) { return "a tax or account number" }
        return nil
    }

    /// What ``detect(in:)`` found, in German and English.
    public static func kindLabel(_ kind: String) -> Wording {
        switch kind {
        case "an e-mail address": Wording(de: "eine E-Mail-Adresse", en: kind)
        case "a phone number": Wording(de: "eine Telefonnummer", en: kind)
        case "a name with a salutation": Wording(de: "ein Name mit Anrede", en: kind)
        case "a birth date": Wording(de: "ein Geburtsdatum", en: kind)
        case "a street address": Wording(de: "eine Anschrift", en: kind)
        case "a tax or account number": Wording(de: "eine Steuer- oder Kontonummer", en: kind)
        default: Wording(de: kind, en: kind)
        }
    }

    // MARK: E-mail addresses

    /// The text with the ways people disguise `@` and `.` in addresses undone: `(at)`, `[at]`, `{at}`, `＠`, `﹫`,
    /// `(dot)`, `[dot]`, `(punkt)`.
    static func normalizedAt(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.contains(where: { $0 == "(" || $0 == "[" || $0 == "{" || $0 == "＠" || $0 == "﹫" }) else { return scalars }
        var text = String(String.UnicodeScalarView(scalars))
        text = text.replacingAll(["＠", "﹫"], with: "@")
        for (open, close) in [("(", ")"), ("[", "]"), ("{", "}")] {
            for word in ["at", "AT", "At", "ät"] {
                text = text.replacingAll([" \(open)\(word)\(close) ", "\(open)\(word)\(close)"], with: "@")
            }
            for word in ["dot", "DOT", "punkt", "Punkt"] {
                text = text.replacingAll([" \(open)\(word)\(close) ", "\(open)\(word)\(close)"], with: ".")
            }
        }
        return Array(text.unicodeScalars)
    }

    static func email(in scalars: [Unicode.Scalar]) -> String? {
        guard scalars.contains("@") else { return nil }
        // Whether the run of non-blanks after each position holds a '.': one pass from the end, so that a text of
        // many '@' costs no more than its length.
        var dotAfter = [Bool](repeating: false, count: scalars.count)
        var dotSeen = false
        for index in scalars.indices.reversed() {
            dotAfter[index] = dotSeen
            if scalars[index].properties.isWhitespace { dotSeen = false } else if scalars[index] == "." { dotSeen = true }
        }
        for (index, scalar) in scalars.enumerated() where scalar == "@" {
            let before = index > 0 ? scalars[index - 1] : " "
            let first = index + 1 < scalars.count ? scalars[index + 1] : " "
            if before.properties.isAlphabetic || before.properties.numericType != nil || before == "." || before == "_" || before == "-",
               dotAfter[index], first.properties.isAlphabetic || first.properties.numericType != nil {
                return "an e-mail address"
            }
        }
        return nil
    }

    // MARK: Phone numbers

    static func phone(in scalars: [Unicode.Scalar]) -> String? {
        var index = 0
        while index < scalars.count {
            let start = scalars[index]
            let isDigit = start.isASCII && start.properties.numericType == .decimal
            guard start == "+" || start == "(" || isDigit else { index += 1; continue }
            if index > 0, scalars[index - 1].properties.numericType != nil || scalars[index - 1].properties.isAlphabetic
                || scalars[index - 1] == "." || scalars[index - 1] == "/" || scalars[index - 1] == "-" {
                index += 1
                continue
            }
            // The run: digits and phone punctuation, a separator never doubled.
            var end = index
            var groups: [Int] = []
            var current = 0
            var separators: Set<Unicode.Scalar> = []
            while end < scalars.count {
                let c = scalars[end]
                if c.isASCII, c.properties.numericType == .decimal {
                    current += 1
                } else if [" ", "-", "/", "(", ")", "+", "."].contains(c) {
                    // A separator must be followed by a digit (or an opening bracket) to continue the number.
                    let next = end + 1 < scalars.count ? scalars[end + 1] : " "
                    guard next.isASCII && next.properties.numericType == .decimal || next == "(" || (c == ")" && next == " ") else { break }
                    if current > 0 { groups.append(current); current = 0 }
                    separators.insert(c)
                } else {
                    break
                }
                end += 1
            }
            if current > 0 { groups.append(current) }
            let digits = groups.reduce(0, +)
            let run = scalars[index..<end]
            if digits >= 7 && !isPaperReference(run) && !isDateOrAmount(run, groups: groups) && looksLikePhone(start: start, groups: groups, separators: separators) {
                return "a phone number"
            }
            index = max(end, index + 1)
        }
        return nil
    }

    /// A run of digit groups shaped like a phone number: with a `+`, a leading zero or brackets, and at least 7
    /// digits; or, without them (an area code given without its zero, `4141 12345`), a first group of 3 to 5 digits
    /// and at least 8 digits in 2 to 4 groups that are not a list of years.
    static func looksLikePhone(start: Unicode.Scalar, groups: [Int], separators: Set<Unicode.Scalar>) -> Bool {
        let digits = groups.reduce(0, +)
        if start == "+" || start == "(" { return true }
        if start == "0" { return !separators.isEmpty || digits >= 9 }
        guard let first = groups.first, (3...5).contains(first), (2...4).contains(groups.count), digits >= 8,
              separators.isSubset(of: [" ", "-", "/"]) else { return false }
        return !groups.allSatisfy { $0 == 4 }
    }

    /// Dates (`12.03.1975`, `2024-03-01`), amounts (`250000.00`, `1.250.000`) and decimal values: digit groups joined
    /// by dots or dashes the way dates and numbers are written.
    static func isDateOrAmount(_ run: ArraySlice<Unicode.Scalar>, groups: [Int]) -> Bool {
        let text = String(String.UnicodeScalarView(run))
        if groups == [2, 2, 4] && text.contains(".") && !text.contains(" ") { return true }   // 12.03.1975
        if groups == [4, 2, 2] && text.contains("-") && !text.contains(" ") { return true }   // 2024-03-01
        if text.contains(".") && !text.contains(" ") && !text.hasPrefix("0") {
            // 1.250.000 or 250000.00: thousands in threes, or two decimals.
            if groups.count >= 2 && groups.dropFirst().allSatisfy({ $0 == 3 }) && groups[0] <= 3 { return true }
            if groups.count == 2 && groups[1] <= 2 { return true }
        }
        return false
    }

    /// True for a council paper's running number and year, such as `093/2012` or the `0123/2019` of `BV/0123/2019`:
    /// one to five digits, a slash, and a year from 1900 to 2099, and nothing more. Real phone numbers do not end in a
    /// slash and a four-digit year this way often enough to outweigh refusing every paper number of a county.
    static func isPaperReference(_ run: ArraySlice<Unicode.Scalar>) -> Bool {
        var text = String(String.UnicodeScalarView(run))
        let edges: Set<Character> = [" ", "-", "/", "(", ")"]
        while let last = text.last, edges.contains(last) { text.removeLast() }
        while let first = text.first, edges.contains(first) { text.removeFirst() }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...5).contains(parts[0].count), parts[0].allSatisfy(\.isASCIIDigit),
              parts[1].count == 4, parts[1].allSatisfy(\.isASCIIDigit), let year = Int(parts[1]) else { return false }
        return (1900...2099).contains(year)
    }

    // MARK: Words

    /// The text's words, without the punctuation that may follow them (a dot of an abbreviation is kept).
    static func words(of text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" || $0 == ":" })
    }

    /// "Frau Müller", "Herrn Dr. Meyer", "Frau Prof. Dr. Anna Schmidt": a salutation, academic titles, then a
    /// capitalised word.
    static func salutation(in words: [Substring]) -> Bool {
        let salutations: Set<Substring> = ["Frau", "Herr", "Herrn", "Fr.", "Hr.", "Mrs.", "Mr.", "Ms."]
        let titles: Set<Substring> = ["Dr.", "Prof.", "Dipl.-Ing.", "Dipl.-Päd.", "Mag.", "med.", "rer.", "nat.", "phil."]
        for (index, word) in words.enumerated() where salutations.contains(word) {
            var next = index + 1
            while next < words.count && titles.contains(words[next]) { next += 1 }
            guard next < words.count, let first = words[next].first, first.isUppercase, first.isLetter else { continue }
            return true
        }
        return false
    }

    /// "geb. 12.03.1975", "geboren am 12.03.1975", "Geburtsdatum 1975-03-12", "*12.03.1975".
    static func birthDate(in words: [Substring]) -> Bool {
        func isDate(_ word: Substring) -> Bool {
            let digits = word.filter(\.isASCIIDigit).count
            return digits >= 6 && (word.filter { $0 == "." }.count >= 2 || word.filter { $0 == "-" }.count == 2)
        }
        let markers: Set<String> = ["geb.", "geboren", "geburtsdatum", "geburtstag", "born", "birthday"]
        for (index, word) in words.enumerated() {
            if word.hasPrefix("*"), isDate(word.dropFirst()) { return true }
            guard markers.contains(word.lowercased()) else { continue }
            for following in words[(index + 1)..<min(words.count, index + 4)] where isDate(following) { return true }
        }
        return false
    }

    /// "Hauptstraße 12", "Bahnhofstr. 3a", "Am Lindenweg 7": a street name by its ending, then a house number.
    static func streetAddress(in words: [Substring]) -> Bool {
        let endings = ["straße", "strasse", "str.", "weg", "allee", "gasse", "platz", "ring", "damm", "chaussee", "ufer"]
        for (index, word) in words.enumerated().dropLast() {
            let lower = word.lowercased()
            guard let first = word.first, first.isUppercase, endings.contains(where: { lower.hasSuffix($0) && lower.count > $0.count + 1 }) else { continue }
            let number = words[index + 1]
            let digits = number.prefix(while: \.isASCIIDigit)
            if (1...3).contains(digits.count), number.dropFirst(digits.count).count <= 1, number.dropFirst(digits.count).allSatisfy(\.isLetter) {
                return true
            }
        }
        return false
    }

    /// An IBAN (`DE89 3704 0044 0532 0130 00`) or a Steuer-ID (eleven digits), also after "Steuer-ID" or "IBAN".
    static func accountNumber(in words: [Substring]) -> Bool {
        for (index, word) in words.enumerated() {
            let upper = word.uppercased()
            if upper.count >= 4, upper.hasPrefix("DE"), upper.dropFirst(2).prefix(2).allSatisfy(\.isASCIIDigit) {
                // The IBAN's digits may be grouped in fours over the next words.
                var digits = upper.dropFirst(2).filter(\.isASCIIDigit).count
                var next = index + 1
                while next < words.count, words[next].allSatisfy(\.isASCIIDigit), words[next].count <= 4 { digits += words[next].count; next += 1 }
                if digits == 20 { return true }
            }
            if word.count == 11, word.allSatisfy(\.isASCIIDigit), word.first != "0" { return true }
            if ["steuer-id", "steuernummer", "steuer-nr.", "iban"].contains(word.lowercased()), index + 1 < words.count,
               words[index + 1].contains(where: \.isASCIIDigit) {
                return true
            }
        }
        return false
    }
}

private extension String {
    func replacingAll(_ targets: [String], with replacement: String) -> String {
        var text = self
        for target in targets {
            var result = ""
            var rest = Substring(text)
            while let range = rest.firstRange(of: target) {
                result += rest[..<range.lowerBound] + replacement
                rest = rest[range.upperBound...]
            }
            text = result + rest
        }
        return text
    }
}
