/// A word-level diff of two texts, for German and any other Unicode text.
///
/// Texts are split into tokens — runs of letters and digits (whole grapheme clusters, so umlauts, ß and composed
/// characters stay in one piece), runs of whitespace, and single other characters — and compared with the standard
/// library's `CollectionDifference`, which finds a shortest edit script. Adjacent runs of the same kind are merged.
///
/// - Complexity: O((*n* + *m*) · *d*) for texts of *n* and *m* tokens that differ in *d* tokens.
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
        // The standard library's difference (Myers' algorithm, O((n + m) · d) for d differences) keeps every common
        // word also of long texts; removals come before insertions at the same place.
        let difference = middleB.difference(from: middleA)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case let .remove(offset, _, _): removed.insert(offset)
            case let .insert(offset, _, _): inserted.insert(offset)
            }
        }
        var i = 0, j = 0
        while i < middleA.count || j < middleB.count {
            if i < middleA.count && removed.contains(i) {
                add(.removed, middleA[i]); i += 1
            } else if j < middleB.count && inserted.contains(j) {
                add(.inserted, middleB[j]); j += 1
            } else {
                add(.same, middleA[i]); i += 1; j += 1
            }
        }
        add(.same, a[(a.count - suffix)...].joined())
        return runs
    }
}
