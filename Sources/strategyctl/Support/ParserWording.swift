import ArgumentParser
import Foundation
import StrategyCore

extension ArgumentHelp {
    /// Help for an option, flag or argument in the output's language (see ``Terminal/language``).
    static func say(_ german: String, _ english: String, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(Terminal.say(german, english), valueName: valueName)
    }
}

/// The words argument-parser writes itself — help headings, its own options, usage errors — in German.
///
/// argument-parser has no localisation; it renders English. Our own texts (abstracts, discussions, option help,
/// validation errors) are already in the output's language, so only the library's fixed phrases remain; each is
/// replaced as a whole phrase, never word by word, so that a plan's own text is never touched.
enum ParserWording {
    /// `text` (a help page, a usage error) in `language`: unchanged in English.
    static func text(_ text: String, in language: Language) -> String {
        guard language == .de else { return text }
        var result = germanUsage(text)
        result = germanPlaceholders(in: result)
        for (pattern, template) in germanPhrases {
            result = result.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return result
    }

    /// The help page's `USAGE:` block as `AUFRUF:`, its continuation lines indented one more to stay aligned.
    private static func germanUsage(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("USAGE: ") }) else { return text }
        lines[start] = "AUFRUF: " + lines[start].dropFirst("USAGE: ".count)
        var index = start + 1
        while index < lines.count, lines[index].hasPrefix("       ") {
            lines[index] = " " + lines[index]
            index += 1
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with every placeholder in German. A longer word takes its room from the spaces after it, so that the
    /// help column stays aligned; where there are not enough, the line is left a little longer.
    private static func germanPlaceholders(in text: String) -> String {
        text.components(separatedBy: "\n").map { line in
            var line = line
            for (english, german) in germanPlaceholders {
                let from = "<\(english)>", to = "<\(german)>"
                while let range = line.range(of: from) {
                    let grow = to.count - from.count
                    let after = line[range.upperBound...].prefix { $0 == " " }.count
                    if grow > 0 && after > grow + 1 {
                        line.replaceSubrange(range.lowerBound..<line.index(range.upperBound, offsetBy: grow), with: to)
                    } else if grow < 0 && after >= 2 {  // a help column (one space only separates words in usage)
                        line.replaceSubrange(range, with: to + String(repeating: " ", count: -grow))
                    } else {
                        line.replaceSubrange(range, with: to)
                    }
                }
            }
            return line
        }.joined(separator: "\n")
    }

    /// The names of values in help and usage (`<id>`, `<yyyy-mm-dd>`), which argument-parser takes from the option's
    /// name or our `valueName`, in German. Only whole placeholders are replaced.
    static let germanPlaceholders: [(String, String)] = [
        ("id", "kennung"), ("path", "pfad"), ("yyyy-mm-dd", "jjjj-mm-tt"), ("number", "nummer"), ("role", "rolle"),
        ("label", "bezeichnung"), ("time", "zeitpunkt"), ("date", "datum"), ("value", "wert"), ("to", "nach"),
        ("subject", "gegenstand"), ("dir", "verzeichnis"), ("body", "gremium"), ("note", "anmerkung"), ("file", "datei"),
        ("votes", "stimmen"), ("title", "titel"), ("summary", "beitrag"), ("result", "ergebnis"), ("request", "antrag"),
        ("region", "gebiet"), ("period", "zeitraum"), ("percent", "prozent"), ("milestone", "meilenstein"), ("kind", "art"),
        ("indicator", "kennzahl"), ("health", "lage"), ("from", "von"), ("disposition", "entscheidung"),
        ("county", "landkreis"), ("until", "bis"), ("type", "typ"), ("since", "seit"), ("room", "raum"), ("phone", "telefon"),
        ("new-id", "neue-kennung"), ("max-count", "anzahl"), ("login", "anmeldename"), ("link", "verknüpfung"),
        ("function", "funktion"), ("entity", "element"), ("email", "e-mail"), ("effective-from", "in-kraft-ab"),
        ("actor", "person"),
    ]

    /// The library's phrases (as regular expressions) and their German, in the order they are applied.
    static let germanPhrases: [(String, String)] = [
        // Placeholders first: the phrases below quote them.
        ("<subcommand>", "<Unterbefehl>"),
        ("<options>", "<Optionen>"),
        ("<subcommands>", "<Unterbefehle>"),
        // Help pages.
        ("(?m)^OVERVIEW: ", "ÜBERSICHT: "),
        ("(?m)^ARGUMENTS:$", "ARGUMENTE:"),
        ("(?m)^OPTIONS:$", "OPTIONEN:"),
        ("(?m)^SUBCOMMANDS:$", "UNTERBEFEHLE:"),
        ("Show help information\\.", "Hilfe anzeigen."),
        ("Show the version\\.", "Version anzeigen."),
        ("See '([^']*) <Unterbefehl>' for detailed help\\.", "Ausführliche Hilfe: '$1 <Unterbefehl>'."),
        ("\\(default:(\\s)", "(Standard:$1"),
        ("\\(values:(\\s+)([^)]*)\\)", "(Werte:$1$2)"),
        ("\\(default\\)", "(Standard)"),
        ("; default: ", "; Standard: "),
        // Usage errors.
        ("(?m)^Error: ", "Fehler: "),
        ("(?m)^Usage: ", "Aufruf: "),
        ("(?m)^Help: ", "Hilfe: "),
        ("See '([^']*)' for more information\\.", "Mehr dazu: '$1'."),
        ("Missing expected argument '([^']*)'", "Das Argument '$1' fehlt"),
        ("Missing one of: ", "Es fehlt eines von: "),
        ("Missing required subcommand\\.", "Der Unterbefehl fehlt."),
        ("Unknown option '([^']*)'\\. Did you mean '([^']*)'\\?", "Unbekannte Option '$1'. Gemeint ist vielleicht '$2'?"),
        ("Unknown option '([^']*)'", "Unbekannte Option '$1'"),
        ("Invalid option: ", "Ungültige Option: "),
        ("Missing value for '([^']*)'", "Der Wert für '$1' fehlt"),
        ("Unexpected argument '([^']*)'", "Unerwartetes Argument '$1'"),
        ("([0-9]+) unexpected arguments: ", "$1 unerwartete Argumente: "),
        ("The value '([^']*)' is invalid for '([^']*)'", "Der Wert '$1' ist für '$2' ungültig"),
        ("The value '([^']*)' is invalid\\.", "Der Wert '$1' ist ungültig."),
        ("\\. Please provide one of the following:", ". Erlaubt ist einer dieser Werte:"),
        ("\\. Please provide one of ", ". Erlaubt ist einer von "),
        ("The value '([^']*)' was given for both ", "Der Wert '$1' wurde zweimal angegeben: "),
        ("Value to be set with flag ", "Der Wert der Option "),
        ("had already been set with flag ", "war schon gesetzt mit "),
    ]
}
