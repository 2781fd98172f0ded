public import Foundation
public import StrategyCore

// StrategyCore does not import Foundation (it does no I/O), so its errors become `LocalizedError` here, where every
// program that runs the engine has them: `error.localizedDescription` then says what went wrong (in English; each
// error's `text(in:)` gives German too) instead of "StrategyCore.DomainError error 4".

extension DomainError: LocalizedError {
    /// The message in English; `DomainError/text(in:)` gives it in German too.
    public var errorDescription: String? { description }
}

extension PlanFileError: LocalizedError {
    /// The message in English, every problem with its place; `PlanFileError/text(in:)` gives it in German too.
    public var errorDescription: String? { description }
}

extension IdentifierError: LocalizedError {
    /// The message in English; `IdentifierError/wording` has German too.
    public var errorDescription: String? { description }
}

extension EventDecodingError: LocalizedError {
    /// The message in English; `EventDecodingError/wording` has German too.
    public var errorDescription: String? { description }
}
