import Foundation
import Mustache
import StrategyCore

/// The templates of an edition: the bundled ones (`Resources/templates`), each replaced by a file of the same name
/// in a county's own directory when one is given. Templates are Mustache (hummingbird-project/swift-mustache); a
/// page template extends `page.mustache` and fills its `main` block.
struct TemplateSet {
    let library: MustacheLibrary
    let stylesheet: String

    /// The templates every edition needs.
    static let required = ["page", "plan", "field", "measure", "indicator", "versions", "changes", "participation", "audit", "integrity"]

    static func load(overrides directory: String?) throws(PublishError) -> TemplateSet {
        guard let bundled = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            throw .template(name: "templates", reason: Wording(de: "die mitgelieferten Vorlagen fehlen im Programm", en: "the bundled templates are missing from the program"))
        }
        var sources = try files(in: bundled.path)
        if let directory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .template(name: directory, reason: Wording(de: "das Verzeichnis der Vorlagen existiert nicht", en: "the templates directory does not exist"))
            }
            for (name, text) in try files(in: directory) { sources[name] = text }
        }
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in sources where name.hasSuffix(".mustache") {
            let key = String(name.dropLast(".mustache".count))
            do {
                templates[key] = try MustacheTemplate(string: text)
            } catch {
                throw .template(name: name, reason: Wording(de: "sie lässt sich nicht lesen: \(error)", en: "it does not parse: \(error)"))
            }
        }
        for name in required where templates[name] == nil {
            throw .template(name: name + ".mustache", reason: Wording(de: "sie fehlt", en: "it is missing"))
        }
        guard let stylesheet = sources["style.css"] else {
            throw .template(name: "style.css", reason: Wording(de: "sie fehlt", en: "it is missing"))
        }
        return TemplateSet(library: MustacheLibrary(templates: templates), stylesheet: stylesheet)
    }

    /// The text files of a directory by name.
    private static func files(in directory: String) throws(PublishError) -> [String: String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw .template(name: directory, reason: Wording(de: "das Verzeichnis lässt sich nicht lesen", en: "the directory cannot be read"))
        }
        var files: [String: String] = [:]
        for name in names where name.hasSuffix(".mustache") || name.hasSuffix(".css") {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name), let text = String(data: data, encoding: .utf8) else {
                throw .template(name: name, reason: Wording(de: "die Datei lässt sich nicht als UTF-8 lesen", en: "the file cannot be read as UTF-8"))
            }
            files[name] = text
        }
        return files
    }

    func render(_ page: Page) throws(PublishError) -> String {
        guard let text = library.render(page.context, withTemplate: page.template) else {
            throw .template(name: page.template + ".mustache", reason: Wording(de: "sie fehlt", en: "it is missing"))
        }
        return text
    }
}
