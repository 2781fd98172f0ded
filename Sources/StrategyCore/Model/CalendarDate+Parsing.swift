// Parses dates from text: a day, the canonical form of any date, and partial dates as people write them.

extension CalendarDate {
    /// Parses a day, `YYYY-MM-DD`; returns nil for anything else, partial dates included. Use it where a day is
    /// needed (a point in time to ask about); ``init(partial:)`` where a record may be known only in part.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses the canonical form of any date: `2010-11-30`, `2010-11`, `2017-spring`, `2010`, `before 2018`
    /// (``description`` gives it back). Nil for anything else.
    public init?(canonical text: String) {
        var body = Substring(text)
        let before = body.hasPrefix("before ")
        if before { body = body.dropFirst("before ".count) }
        guard let date = Self.canonicalPeriod(body) else { return nil }
        self = before ? date.before : date
    }

    /// Parses a date as people write it in plan files and on the command line: every canonical form
    /// (``init(canonical:)``), and in German or English words `November 2010`, `Nov. 2010`, `11/2010`,
    /// `Frühjahr 2017` (`Frühling`, `Sommer`, `Herbst`, `Winter`; `spring` …), `vor 2018`, `vor November 2010`.
    /// Nil for anything else.
    public init?(partial text: String) {
        let trimmed = text.trimmingSpaces
        if let date = CalendarDate(canonical: trimmed) { self = date; return }
        var words = trimmed.split(separator: " ").map(String.init)
        var before = false
        if let first = words.first?.lowercased(), first == "vor" || first == "before" {
            before = true
            words.removeFirst()
        }
        let rest = words.joined(separator: " ")
        if before, let date = CalendarDate(canonical: rest) { self = date.before; return }
        var date: CalendarDate?
        if words.count == 2, let year = Self.yearNumber(words[1]) {
            let word = words[0].lowercased()
            if let season = Season.named(word) {
                date = .season(season, of: year)
            } else if let month = Self.monthNumber(word) {
                date = .month(month, of: year)
            }
        } else if words.count == 2, Season.named(words[0].lowercased()) == .winter,
                  let slash = words[1].firstIndex(of: "/"), let year = Self.yearNumber(String(words[1][..<slash])) {
            // "Winter 2017/18": the winter that begins in December 2017.
            let next = String(words[1][words[1].index(after: slash)...])
            if next.count == 2 ? Int(next) == (year + 1) % 100 : Int(next) == year + 1 { date = .season(.winter, of: year) }
        } else if words.count == 1, let slash = words[0].firstIndex(of: "/"), slash != words[0].startIndex,
                  let month = Int(words[0][..<slash]), let year = Self.yearNumber(String(words[0][words[0].index(after: slash)...])) {
            date = .month(month, of: year)
        }
        guard let date else { return nil }
        self = before ? date.before : date
    }

    private static func monthNumber(_ word: String) -> Int? {
        let name = word.hasSuffix(".") ? String(word.dropLast()) : word
        guard name.count >= 3 else { return nil }
        for (index, (german, english)) in zip(germanMonths.map { $0.lowercased() }, englishMonths).enumerated() {
            if name == german || name == english { return index + 1 }
            // Abbreviations as written in minutes: "Nov. 2010", "Sept. 2019", "Mrz 2020".
            if word.hasSuffix(".") && (german.hasPrefix(name) || english.hasPrefix(name)) { return index + 1 }
        }
        return name == "mrz" ? 3 : nil
    }

    private static func yearNumber(_ text: String) -> Int? {
        guard text.count == 4, text.allSatisfy({ $0 >= "0" && $0 <= "9" }), let year = Int(text), year >= 1 else { return nil }
        return year
    }

    private static func canonicalPeriod(_ text: Substring) -> CalendarDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, let year = yearNumber(String(first)) else { return nil }
        switch parts.count {
        case 1: return .year(year)
        case 2:
            if let season = Season(rawValue: String(parts[1])) { return .season(season, of: year) }
            guard parts[1].count == 2, parts[1].allSatisfy({ $0 >= "0" && $0 <= "9" }), let month = Int(parts[1]) else { return nil }
            return .month(month, of: year)
        case 3: return CalendarDate(String(text))
        default: return nil
        }
    }
}

extension Season {
    static func named(_ word: String) -> Season? {
        switch word {
        case "frühjahr", "frühling", "spring": .spring
        case "sommer", "summer": .summer
        case "herbst", "autumn", "fall": .autumn
        case "winter": .winter
        default: nil
        }
    }
}
