import Foundation
public import Projections
public import StrategyCore

/// A static web edition of one plan: HTML pages and a stylesheet that a county puts on its web server or hands to
/// its auditors, and that a browser prints as the council paper.
///
/// ```swift
/// let edition = try WebEdition.build(from: engine, options: .init(plan: "stade"))
/// try edition.write(to: "/srv/www/bildungsstrategie")
/// ```
///
/// The pages need no JavaScript and make no requests outside the edition: links are relative, charts are inline SVG,
/// each with a text alternative and its data as a table. The output is deterministic — the same store gives the
/// same bytes — so editions can be compared and archived: the only time on a page is when the store's last event
/// was recorded, never when the edition was made.
///
/// Pages (file names are stable, in German, whatever the language):
/// - `index.html` — the plan: Leitbild, Handlungsfelder with their goal trees, measures, indicators;
/// - `feld-ID.html`, `massnahme-ID.html`, `kennzahl-ID.html` — one per field of action, measure and indicator;
/// - `fassungen.html` — the adopted versions and a timeline of versions and resolutions;
/// - `aenderungen-N.html` — an Änderungsprotokoll per pair of consecutive versions (and the draft against the last);
/// - `beteiligung.html` — participation formats and contributions, with what became of them;
/// - `verlauf-ID.html` — an entity's audit trail (history and blame);
/// - `integritaet.html` — the chain head to cite and how to check it.
public struct WebEdition: Sendable {
    /// What to publish.
    public struct Options: Sendable {
        /// The plan.
        public var plan: Identifier
        /// The state the plan pages show; nil shows the latest adopted version, or the draft when none is adopted.
        public var point: PointInTime?
        /// The language of every page.
        public var language: Language
        /// A directory of templates that replace the bundled ones of the same name (`page.mustache`,
        /// `plan.mustache`, …, `style.css`); nil uses the bundled ones.
        public var templates: String?

        /// Creates the options.
        public init(plan: Identifier, point: PointInTime? = nil, language: Language = .de, templates: String? = nil) {
            self.plan = plan
            self.point = point
            self.language = language
            self.templates = templates
        }
    }

    /// One file of the edition.
    public struct File: Hashable, Sendable {
        /// The path inside the edition's directory, for example `feld-hf-ganztag.html`.
        public let path: String
        /// The file's bytes.
        public let bytes: [UInt8]

        /// Creates a file.
        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }
    }

    /// The files, in path order.
    public let files: [File]

    /// Builds the edition from the engine's store.
    ///
    /// - Throws: ``PublishError/engine(_:)`` when the plan or the point cannot be read, ``PublishError/template(name:reason:)``
    ///   for a template that does not parse or a missing one.
    public static func build(from engine: StrategyEngine, options: Options) throws(PublishError) -> WebEdition {
        let templates = try TemplateSet.load(overrides: options.templates)
        let site = try SiteData.read(from: engine, options: options)
        var files: [File] = []
        for page in try site.pages() {
            files.append(File(path: page.path, bytes: Array(try templates.render(page).utf8)))
        }
        files.append(File(path: "style.css", bytes: Array(templates.stylesheet.utf8)))
        return WebEdition(files: files.sorted { $0.path < $1.path })
    }

    /// Writes the files into `directory`, creating it if missing. Files of an earlier edition that this one does
    /// not have are left alone; a file this edition has is replaced.
    ///
    /// - Throws: ``PublishError/io(path:reason:)`` naming the file that could not be written.
    public func write(to directory: String) throws(PublishError) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .io(path: directory, reason: error.localizedDescription)
        }
        for file in files {
            let path = directory + "/" + file.path
            do {
                try Data(file.bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw .io(path: path, reason: error.localizedDescription)
            }
        }
    }
}
