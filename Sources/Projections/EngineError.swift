public import Foundation
public import EventStore
public import StrategyCore

/// Why the engine could not do what was asked. Nothing was recorded.
public enum EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The store failed (I/O, LMDB, damaged record, read-only).
    case store(EventStoreError)
    /// A command broke a rule of the plan.
    case rule(DomainError)
    /// A plan file is unusable or its import broke a rule (with the place in the file).
    case planFile(PlanFileError)
    /// Another writer changed the plan since it was read; the change was not recorded.
    case conflict(plan: Identifier, expected: UInt64, actual: UInt64)
    /// The store has no plan with this id.
    case unknownPlan(Identifier)
    /// A stored event of the plan cannot be decoded.
    case undecodable(position: UInt64, EventDecodingError)
    /// A point in time names nothing in the plan (an unknown version label, no version in force on a date…).
    case noSuchPoint(Wording)
    /// Derived data (a snapshot or an audit-index entry) says something the log does not: it was damaged or forged.
    /// Nothing was shown from it; `verify` lists every such entry and a rebuild from the log (`replay`) replaces it.
    case derivedDataMismatch(Wording)

    /// The message in English.
    public var description: String { wording.en }

    /// The message in `language`.
    public func text(in language: Language) -> String { wording(language) }

    /// The message in German and English.
    public var wording: Wording {
        switch self {
        case let .store(error): return error.wording
        case let .rule(error): return error.wording
        case let .planFile(error): return Wording(de: error.text(in: .de), en: error.text(in: .en))
        case let .conflict(plan, expected, actual):
            return Wording(
                de: "der Plan '\(plan)' wurde von einem anderen Schreiber geändert: erwartet war Version \(expected), er steht bei \(actual); nichts wurde erfasst",
                en: "plan '\(plan)' was changed by another writer: expected version \(expected), it is at \(actual); nothing was recorded")
        case let .unknownPlan(id):
            return Wording(de: "der Speicher enthält keinen Plan '\(id)'", en: "the store holds no plan '\(id)'")
        case let .undecodable(position, error):
            return Wording(de: "das Ereignis an Position \(position) kann nicht gelesen werden: \(error.wording.de)",
                           en: "event at position \(position) cannot be read: \(error.wording.en)")
        case let .noSuchPoint(reason): return reason
        case let .derivedDataMismatch(detail):
            return Wording(de: "abgeleitete Daten widersprechen dem Protokoll: \(detail.de)", en: "derived data disagrees with the log: \(detail.en)")
        }
    }
}

extension EngineError {
    /// What kind of failure an error is, for a caller that maps failures to its own outcomes (exit codes, HTTP
    /// statuses) in one place.
    public enum Category: String, Sendable, Hashable, CaseIterable {
        /// The input cannot be used: an unknown plan or point, a missing store, an argument out of range.
        case input
        /// A rule of the plan refused the change (`DomainError`), or a plan file did (`PlanFileError`).
        case rule
        /// Another writer changed the plan since the caller read it; reading again and repeating may succeed.
        case conflict
        /// The record cannot be trusted as it is: a damaged or altered record or page, derived data that disagrees
        /// with the log, an event this version cannot read.
        case integrity
        /// The store could not do it: read-only, disk full, I/O, or an LMDB error that is no damage.
        case store
    }

    /// The category of this error.
    public var category: Category {
        switch self {
        case .rule, .planFile: return .rule
        case .conflict: return .conflict
        case .unknownPlan, .noSuchPoint: return .input
        case .undecodable, .derivedDataMismatch: return .integrity
        case let .store(error):
            switch error {
            case .notAStore, .invalidArgument, .unsupportedFormat: return .input
            case .corruptRecord, .missingRecord, .truncatedStore, .damagedStore, .damagedPage: return .integrity
            case .wrongExpectedVersion, .idempotencyConflict: return .conflict
            case let .lmdb(lmdb) where Self.damageCodes.contains(lmdb.code): return .integrity
            default: return .store
            }
        }
    }

    /// LMDB's result codes for damaged pages: MDB_CORRUPTED, MDB_PAGE_NOTFOUND, and MDB_BAD_TXN, which every
    /// later call of a transaction returns after one of the others.
    static let damageCodes: Set<LMDBError.Code> = [.corrupted, .pageNotFound, .badTransaction]
}

extension EngineError: LocalizedError {
    /// The message in English (`localizedDescription`); ``text(in:)`` gives it in German too.
    public var errorDescription: String? { description }
}
