public import Primitives

/// What an appender expects of a stream's current version: the write side of optimistic concurrency.
///
/// Stream versions count a stream's events gap-free from 1; a stream with no events is at version 0.
public enum ExpectedVersion: Sendable, Hashable, CustomStringConvertible {
    /// Append whatever the stream's version.
    case any
    /// The stream must not exist yet (equivalent to `.exact(0)`).
    case noStream
    /// The stream must already hold at least one event.
    case streamExists
    /// The stream must be exactly at this version; `.exact(0)` means the stream must not exist yet.
    case exact(UInt64)

    /// Whether a stream at `current` (nil: absent) satisfies the expectation.
    func isSatisfied(by current: UInt64?) -> Bool {
        switch self {
        case .any: return true
        case .noStream: return current == nil
        case .streamExists: return current != nil
        case let .exact(version): return version == (current ?? 0)
        }
    }

    /// The expectation in German and English, as an error message names it: `any version` / `beliebige Version`,
    /// `no stream` / `kein Strom`, `an existing stream` / `ein bestehender Strom`, or the version number.
    public var wording: Wording {
        switch self {
        case .any: return Wording(de: "beliebige Version", en: "any version")
        case .noStream: return Wording(de: "kein Strom", en: "no stream")
        case .streamExists: return Wording(de: "ein bestehender Strom", en: "an existing stream")
        case let .exact(version):
            return version == 0 ? Wording(de: "kein Strom", en: "no stream") : Wording(de: String(version), en: String(version))
        }
    }

    /// The expectation in English (``wording``'s `en`).
    public var description: String {
        wording.en
    }
}
