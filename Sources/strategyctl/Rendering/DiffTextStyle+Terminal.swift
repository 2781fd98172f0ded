import Projections

extension DiffTextStyle {
    /// The diff's marks on this terminal: removed words red, inserted green, headings bold when the output is a
    /// colour terminal (``Terminal/colorOutput``); git's plain `[-…-]{+…+}` notation otherwise.
    static var terminal: DiffTextStyle {
        guard Terminal.colorOutput else { return .plain }
        let red = "\u{1B}[31m", green = "\u{1B}[32m", bold = "\u{1B}[1m", reset = "\u{1B}[0m"
        return DiffTextStyle(
            removedWords: { red + $0 + reset }, insertedWords: { green + $0 + reset },
            sign: { sign, kind in kind == .added ? green + sign + reset : kind == .removed ? red + sign + reset : sign },
            heading: { bold + $0 + reset })
    }
}
