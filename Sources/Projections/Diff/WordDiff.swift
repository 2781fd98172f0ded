/// A word-level diff of two texts, for German and any other Unicode text.
///
/// Texts are split into tokens — runs of letters and digits (whole grapheme clusters, so umlauts, ß and composed
/// characters stay in one piece), runs of whitespace, and single other characters — and compared with a longest
/// common subsequence. Adjacent runs of the same kind are merged.
enum WordDiff {
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var currentClass = 0
        for character in text {
            let characterClass = character.isLetter || character.isNumber ? 1 : character.isWhitespace ? 2 : 3
            if characterClass == currentClass && characterClass != 3 {
                current.append(character)
            } else {
                if !current.isEmpty { tokens.append(current) }
                current = String(character)
                currentClass = characterClass
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// The runs that turn `old` into `new`.
    static func diff(_ old: String, _ new: String) -> [WordChange] {
        let a = tokens(old), b = tokens(new)
        // Trim the common prefix and suffix, then LCS on the middle.
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middleA = Array(a[prefix..<(a.count - suffix)]), middleB = Array(b[prefix..<(b.count - suffix)])
        var runs: [WordChange] = []
        func add(_ kind: WordChange.Kind, _ text: String) {
            if text.isEmpty { return }
            if let last = runs.last, last.kind == kind {
                runs[runs.count - 1] = WordChange(kind: kind, text: last.text + text)
            } else {
                runs.append(WordChange(kind: kind, text: text))
            }
        }
        add(.same, a[0..<prefix].joined())
        if middleA.count * middleB.count > 4_000_000 {
            add(.removed, middleA.joined())
            add(.inserted, middleB.joined())
        } else {
            // lengths[i][j]: LCS length of middleA[i...] and middleB[j...].
            let n = middleA.count, m = middleB.count
            var lengths = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
            if n > 0 && m > 0 {
                for i in stride(from: n - 1, through: 0, by: -1) {
                    for j in stride(from: m - 1, through: 0, by: -1) {
                        lengths[i][j] = middleA[i] == middleB[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
                    }
                }
            }
            var i = 0, j = 0
            while i < n || j < m {
                if i < n && j < m && middleA[i] == middleB[j] {
                    add(.same, middleA[i]); i += 1; j += 1
                } else if i < n && (j == m || lengths[i + 1][j] >= lengths[i][j + 1]) {
                    add(.removed, middleA[i]); i += 1
                } else {
                    add(.inserted, middleB[j]); j += 1
                }
            }
        }
        add(.same, a[(a.count - suffix)...].joined())
        return runs
    }
}
