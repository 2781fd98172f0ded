/// The languages renderings speak: German, the language of the county offices, and English.
///
/// Only renderings are localised. JSON output, plan files, event payloads and option keys stay language-neutral:
/// their stable keys (`in_progress`, `referred_back`) never change with the language.
public enum Language: String, Hashable, Sendable, CaseIterable {
    /// German.
    case de
    /// English.
    case en

    /// The language of a locale setting: `de_DE.UTF-8`, `de`, `de_AT` → German; anything else → English.
    public init(locale: String) {
        self = locale.lowercased().hasPrefix("de") ? .de : .en
    }

    /// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not
    /// `C`/`POSIX`; English when none is.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty, value != "C", value != "POSIX", !value.hasPrefix("C.") else { continue }
            return Language(locale: value)
        }
        return .en
    }
}

/// One entry of the vocabulary: the same thing said in German and in English.
public struct Wording: Hashable, Sendable {
    /// The German text.
    public let de: String
    /// The English text.
    public let en: String

    /// Creates an entry; both languages are required.
    public init(de: String, en: String) {
        self.de = de
        self.en = en
    }

    /// The text in `language`.
    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .de: de
        case .en: en
        }
    }
}

/// A value with a label in both languages (statuses, results, kinds…), besides its stable key.
public protocol Labelled {
    /// The label in German and English.
    var label: Wording { get }
}
