public import Primitives

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
    /// What exactly was found, in German and English.
    public let detailWording: Wording
    /// For ``Kind-swift.enum/damagedPage``: the page, its database and what is wrong with it.
    public internal(set) var damagedPage: DamagedPage? = nil

    /// What exactly was found, in English (``detailWording``'s `en`).
    public var detail: String { detailWording.en }

    /// The whole finding in German and English, for example `der Datensatz an Position 7 ist beschädigt: …` /
    /// `record at position 7 is corrupt: …`.
    public var wording: Wording {
        switch kind {
        case .foreignStore:
            return Wording(
                de: "der Speicher ist nicht der, den sein Verzeichnis enthielt: \(detailWording.de)",
                en: "the store is not the one its directory held: \(detailWording.en)")
        case .damagedPage:
            return Wording(de: "data.mdb ist beschädigt: \(detailWording.de)", en: "data.mdb is damaged: \(detailWording.en)")
        default:
            return Wording(
                de: "der Datensatz an Position \(position) ist beschädigt: \(detailWording.de)",
                en: "record at position \(position) is corrupt: \(detailWording.en)")
        }
    }

    /// The whole finding in `language`: ``wording`` rendered in German or English.
    public func text(in language: Language) -> String {
        wording(language)
    }

    /// The whole finding in English (``wording``'s `en`).
    public var description: String {
        wording.en
    }

    init(position: UInt64, kind: Kind, detail: Wording, damagedPage: DamagedPage? = nil) {
        self.position = position
        self.kind = kind
        self.detailWording = detail
        self.damagedPage = damagedPage
    }

    // The JSON form is language-neutral and as before: `position`, `kind`, `detail` (English) and `damagedPage`.
    private enum CodingKeys: String, CodingKey {
        case position, kind, detail, damagedPage
    }

    /// Decodes a failure. The JSON form holds the detail in English only, so a decoded failure's German detail is
    /// the English one (and it equals the encoded failure only in its English), unless the failure is a damaged
    /// page, whose German frame is rebuilt from the page.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        position = try container.decode(UInt64.self, forKey: .position)
        kind = try container.decode(Kind.self, forKey: .kind)
        damagedPage = try container.decodeIfPresent(DamagedPage.self, forKey: .damagedPage)
        let detail = try container.decode(String.self, forKey: .detail)
        if let damagedPage, damagedPage.wording.en == detail {
            detailWording = damagedPage.wording
        } else {
            detailWording = Wording(de: detail, en: detail)
        }
    }

    /// Encodes the failure with its detail in English.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(position, forKey: .position)
        try container.encode(kind, forKey: .kind)
        try container.encode(detail, forKey: .detail)
        try container.encodeIfPresent(damagedPage, forKey: .damagedPage)
    }
}

extension ChainFailure {
    /// The failure for a structurally damaged page.
    init(_ page: DamagedPage) {
        self.init(position: page.firstPosition ?? 0, kind: .damagedPage, detail: page.wording, damagedPage: page)
    }
}
