/// The outcome of ``EventStore/verify(expectedHead:checkIndexes:progress:)``.
public struct VerificationReport: Sendable, Hashable, Codable {
    /// How many records were found intact, from position 1 on.
    public let eventsChecked: UInt64
    /// The last intact record's position and hash: the head of the chain when ``isIntact``.
    public let head: ChainHead?
    /// The first problem found, or nil.
    public let failure: ChainFailure?
    /// Every stream's version and last position in the verified view (up to ``head``), ordered by position.
    ///
    /// Verification reads one consistent view of the store; checks that build on it (read models, for example)
    /// should stop at these versions, so that appends committed meanwhile are not mistaken for damage.
    public let streams: [StreamHead]

    /// A report; `streams` lists the streams' heads in the verified view.
    public init(eventsChecked: UInt64, head: ChainHead?, failure: ChainFailure?, streams: [StreamHead] = []) {
        self.eventsChecked = eventsChecked
        self.head = head
        self.failure = failure
        self.streams = streams
    }

    /// True when the whole chain (and, if asked, the indexes and the cited head) held.
    public var isIntact: Bool { failure == nil }
}

/// The first place where the log is not what its hash chain says.
public struct ChainFailure: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of damage.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A position is missing from the log (a gap, or the log ends before the cited head).
        case missing
        /// The record's bytes cannot be decoded.
        case corrupt
        /// The record says it is at a different position than where it is stored.
        case wrongPosition
        /// The record's previous-hash field is not the hash of the record before it.
        case brokenLink
        /// The record's stored hash is not the SHA-256 of its contents.
        case hashMismatch
        /// The record's time is earlier than its predecessor's.
        case timeReversed
        /// The record's stream version does not follow the stream's previous one.
        case streamVersionGap
        /// An index (stream, event id or stream head) disagrees with the log.
        case indexMismatch
        /// The chain does not reach or does not match the head cited by the caller.
        case headMismatch
        /// `data.mdb` belongs to another store than the one its directory held (position 0: the store as a whole).
        case foreignStore
        /// A page of `data.mdb` is structurally damaged, so LMDB cannot read the file safely (``damagedPage`` says
        /// which; the position is the first one the page can hold, 0 outside the log).
        case damagedPage
    }

    /// The first position at which the problem shows.
    public let position: UInt64
    /// What kind of damage.
    public let kind: Kind
    /// What exactly was found.
    public let detail: String
    /// For ``Kind-swift.enum/damagedPage``: the page, its database and what is wrong with it.
    public internal(set) var damagedPage: DamagedPage? = nil

    public var description: String {
        switch kind {
        case .foreignStore: return "the store is not the one its directory held: \(detail)"
        case .damagedPage: return "data.mdb is damaged: \(detail)"
        default: return "record at position \(position) is corrupt: \(detail)"
        }
    }
}

extension ChainFailure {
    /// The failure for a structurally damaged page.
    init(_ page: DamagedPage) {
        self.init(position: page.firstPosition ?? 0, kind: .damagedPage, detail: page.description, damagedPage: page)
    }
}
