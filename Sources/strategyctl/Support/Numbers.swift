import StrategyCore

/// Numbers as the command line takes them: `29.5`, or with a German decimal comma, `29,5` and `1.234,5`.
enum Numbers {
    /// A decimal value; nil for anything else.
    static func quantity(_ text: String) -> Quantity? {
        if let value = Quantity(text) { return value }
        guard text.filter({ $0 == "," }).count == 1 else { return nil }
        // German notation: dots group thousands, the comma separates the decimals.
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let whole = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard whole.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return Quantity(whole.joined() + "." + parts[1])
    }
}
