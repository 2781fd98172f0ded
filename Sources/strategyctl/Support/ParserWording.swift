import ArgumentParser
import Foundation

extension ArgumentHelp {
    /// Help for an option, flag or argument in the output's language (see ``Terminal/language``).
    static func say(_ german: String, _ english: String, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(Terminal.say(german, english), valueName: valueName)
    }
}
