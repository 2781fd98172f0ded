public import Foundation
public import Projections
public import StrategyCore

/// Why a web edition could not be built or written. Nothing half-made is left as if it were complete: a failed
/// build writes nothing, and ``WebEdition/write(to:)`` names the file it could not write.
public enum PublishError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Reading the plan failed: an unknown plan or point, or the store.
    case engine(EngineError)
    /// A template does not parse, or one the edition needs is missing.
    case template(name: String, reason: Wording)
    /// A file could not be written.
    case io(path: String, reason: String)

    /// The message in both languages.
    public var wording: Wording {
        switch self {
        case let .engine(error): return error.wording
        case let .template(name, reason):
            return Wording(de: "die Vorlage '\(name)' ist nicht verwendbar: \(reason.de)", en: "template '\(name)' cannot be used: \(reason.en)")
        case let .io(path, reason):
            return Wording(de: "\(path) konnte nicht geschrieben werden: \(reason)", en: "could not write \(path): \(reason)")
        }
    }

    /// The message in English.
    public var description: String { wording.en }

    /// The message in `language`.
    public func text(in language: Language) -> String { wording(language) }
}

extension PublishError: LocalizedError {
    /// The message in English; ``text(in:)`` gives it in German too.
    public var errorDescription: String? { description }
}
