public import Primitives

/// A page of `data.mdb` whose structure is damaged, as the structural check of LMDB's B-trees found it.
///
/// LMDB keeps no checksums: a flipped bit in a page header, a node header or a page number can send it outside
/// the page or the file. The check walks every tree from the newest meta page, reading the file with `pread`,
/// and reports the first page that does not hold together.
public struct DamagedPage: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The part of the file a page belongs to.
    public enum Database: String, Sendable, Hashable, Codable {
        /// The log, the only evidence.
        case log
        /// The stream index.
        case streams
        /// The stream heads.
        case heads
        /// The event-id index.
        case ids
        /// Snapshots and the audit index (derived data).
        case snapshots
        /// The store's metadata (format, store id).
        case meta
        /// LMDB's main database, which lists the named databases.
        case main
        /// LMDB's free-page database.
        case free
        /// LMDB's two meta pages (0 and 1), where every tree starts.
        case metaPages = "meta pages"
        /// A database a store does not have (in an LMDB environment that is not a store).
        case other

        /// The part of the file in German and English as it follows "page 3 of": `the database 'log'` /
        /// `der Datenbank 'log'` (the German in the genitive).
        var label: Wording {
            switch self {
            case .main: return Wording(de: "der Hauptdatenbank von LMDB", en: "LMDB's main database")
            case .free: return Wording(de: "der Freiseiten-Datenbank von LMDB", en: "LMDB's free-page database")
            case .metaPages: return Wording(de: "der Metaseiten von LMDB", en: "LMDB's meta pages")
            case .other: return Wording(de: "einer anderen Datenbank", en: "another database")
            default: return Wording(de: "der Datenbank '\(rawValue)'", en: "the database '\(rawValue)'")
            }
        }

        /// ``label`` as it follows "belongs to" (the German in the dative: `zu den Metaseiten von LMDB`).
        var dativeLabel: Wording {
            switch self {
            case .metaPages: return Wording(de: "den Metaseiten von LMDB", en: label.en)
            default: return label
            }
        }
    }

    /// The database the page belongs to.
    public let database: Database
    /// The page number.
    public let page: UInt64
    /// The page's byte offset in `data.mdb`.
    public let offset: UInt64
    /// What is wrong with it, in German and English.
    public let problemWording: Wording
    /// For a page of the log: the first position the page can hold, as its neighbours in the tree bound it.
    public let firstPosition: UInt64?
    /// For a page of the log: the last position the page can hold, or nil when it reaches to the end of the log.
    public let lastPosition: UInt64?

    init(
        database: Database, page: UInt64, offset: UInt64, problem: Wording, firstPosition: UInt64?, lastPosition: UInt64?
    ) {
        self.database = database
        self.page = page
        self.offset = offset
        self.problemWording = problem
        self.firstPosition = firstPosition
        self.lastPosition = lastPosition
    }

    /// What is wrong with it, in English (``problemWording``'s `en`).
    public var problem: String { problemWording.en }

    /// The page, its database, the positions it holds and what is wrong with it, in German and English, for example
    /// `Seite 12 (Byte 49152) der Datenbank 'log', mit Position 5: …` /
    /// `page 12 (byte 49152) of the database 'log', holding position 5: …`.
    public var wording: Wording {
        var de = "Seite \(page) (Byte \(offset)) \(database.label.de)"
        var en = "page \(page) (byte \(offset)) of \(database.label.en)"
        if let firstPosition {
            if lastPosition == firstPosition {
                de += ", mit Position \(firstPosition)"
                en += ", holding position \(firstPosition)"
            } else if let lastPosition {
                de += ", mit den Positionen \(firstPosition) bis \(lastPosition)"
                en += ", holding positions \(firstPosition) to \(lastPosition)"
            } else {
                de += ", mit den Positionen ab \(firstPosition) bis zum Ende des Protokolls"
                en += ", holding positions from \(firstPosition) to the end of the log"
            }
        }
        return Wording(de: de + ": " + problemWording.de, en: en + ": " + problemWording.en)
    }

    /// The damage in `language`: ``wording`` rendered in German or English.
    public func text(in language: Language) -> String {
        wording(language)
    }

    /// The damage in English (``wording``'s `en`).
    public var description: String {
        wording.en
    }

    // The JSON form is language-neutral and as before, with `problem` in English.
    private enum CodingKeys: String, CodingKey {
        case database, page, offset, problem, firstPosition, lastPosition
    }

    /// Decodes a damaged page. The JSON form holds the problem in English only, so a decoded page's German problem
    /// is the English one (and it equals the encoded page only in its English).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        database = try container.decode(Database.self, forKey: .database)
        page = try container.decode(UInt64.self, forKey: .page)
        offset = try container.decode(UInt64.self, forKey: .offset)
        let problem = try container.decode(String.self, forKey: .problem)
        problemWording = Wording(de: problem, en: problem)
        firstPosition = try container.decodeIfPresent(UInt64.self, forKey: .firstPosition)
        lastPosition = try container.decodeIfPresent(UInt64.self, forKey: .lastPosition)
    }

    /// Encodes the damaged page with its problem in English.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(database, forKey: .database)
        try container.encode(page, forKey: .page)
        try container.encode(offset, forKey: .offset)
        try container.encode(problem, forKey: .problem)
        try container.encodeIfPresent(firstPosition, forKey: .firstPosition)
        try container.encodeIfPresent(lastPosition, forKey: .lastPosition)
    }
}

/// A tree of `data.mdb` named in German as "the \(name) database" names it in English: `main` and `free-page` are
/// LMDB's own, any other name is one of the store's (`die Datenbank 'log'`); in the genitive with `genitive`.
func germanTreeName(_ name: String, genitive: Bool = false) -> String {
    let article = genitive ? "der" : "die"
    switch name {
    case "main": return "\(article) Hauptdatenbank"
    case "free-page": return "\(article) Freiseiten-Datenbank"
    default: return "\(article) Datenbank '\(name)'"
    }
}
