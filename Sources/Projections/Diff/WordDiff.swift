/// A word-level diff of two texts, for German and any other Unicode text.
///
/// Texts are split into tokens — runs of letters and digits (whole grapheme clusters, so umlauts, ß and composed
/// characters stay in one piece), runs of whitespace, and single other characters. After the common beginning and
/// end are set aside, a shortest edit script for the rest is found (``script(_:tableLimit:)``). Adjacent runs of
/// the same kind are merged.
///
/// - Complexity: O(*n* + *m* + *n'* · *m'*) for texts of *n* and *m* tokens whose differing middles have *n'* and
///   *m'* tokens, up to ``tableLimit`` pairs; O((*n* + *m*) · *d*) for longer middles that differ in *d* tokens.
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
        // Trim the common prefix and suffix, then find a shortest edit script for the middle.
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middleA = a[prefix..<(a.count - suffix)], middleB = b[prefix..<(b.count - suffix)]
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
        for step in script(numbered(middleA, middleB)) {
            switch step {
            case let .same(i, _): add(.same, middleA[prefix + i])
            case let .removed(i): add(.removed, middleA[prefix + i])
            case let .inserted(j): add(.inserted, middleB[prefix + j])
            }
        }
        add(.same, a[(a.count - suffix)...].joined())
        return runs
    }

    /// One step of an edit script, by token offsets in the old and the new middle.
    enum Step: Equatable {
        case same(Int, Int)
        case removed(Int)
        case inserted(Int)
    }

    /// The tokens of both texts as small integers (equal tokens, equal numbers), so that comparing is cheap.
    static func numbered(_ a: ArraySlice<String>, _ b: ArraySlice<String>) -> (a: [Int32], b: [Int32]) {
        var numbers: [String: Int32] = [:]
        numbers.reserveCapacity(a.count + b.count)
        func number(_ token: String) -> Int32 {
            if let known = numbers[token] { return known }
            let next = Int32(numbers.count)
            numbers[token] = next
            return next
        }
        return (a.map(number), b.map(number))
    }

    /// Middles of at most this many token pairs are aligned with a table; longer ones with Myers' algorithm.
    static let tableLimit = 1 << 16

    /// A shortest edit script from `a` to `b`: every common token kept that a longest common subsequence keeps;
    /// at the same place, removals come before insertions.
    ///
    /// - Complexity: O(*n* · *m*) time and memory for middles of up to ``tableLimit`` pairs (a sentence or a
    ///   paragraph rewritten: a few microseconds), else O((*n* + *m*) · *d*) with the standard library's
    ///   `CollectionDifference`.
    static func script(_ tokens: (a: [Int32], b: [Int32]), tableLimit: Int = Self.tableLimit) -> [Step] {
        let (a, b) = tokens
        let n = a.count, m = b.count
        var steps: [Step] = []
        steps.reserveCapacity(n + m)
        if n == 0 || m == 0 || n * m > tableLimit {
            var removed = Set<Int>(), inserted = Set<Int>()
            for change in b.difference(from: a) {
                switch change {
                case let .remove(offset, _, _): removed.insert(offset)
                case let .insert(offset, _, _): inserted.insert(offset)
                }
            }
            var i = 0, j = 0
            while i < n || j < m {
                if i < n && removed.contains(i) {
                    steps.append(.removed(i)); i += 1
                } else if j < m && inserted.contains(j) {
                    steps.append(.inserted(j)); j += 1
                } else {
                    steps.append(.same(i, j)); i += 1; j += 1
                }
            }
            return steps
        }
        // lengths[i * (m + 1) + j]: the longest common subsequence of a[i...] and b[j...].
        let width = m + 1
        var lengths = [Int32](repeating: 0, count: (n + 1) * width)
        lengths.withUnsafeMutableBufferPointer { table in
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i * width + j] = a[i] == b[j]
                        ? table[(i + 1) * width + j + 1] + 1
                        : max(table[(i + 1) * width + j], table[i * width + j + 1])
                }
            }
        }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] {
                steps.append(.same(i, j)); i += 1; j += 1
            } else if j == m || (i < n && lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
                steps.append(.removed(i)); i += 1
            } else {
                steps.append(.inserted(j)); j += 1
            }
        }
        return steps
    }
}
