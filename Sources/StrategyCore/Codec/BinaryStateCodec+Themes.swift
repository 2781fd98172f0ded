// The snapshot layout of cross-cutting themes.

extension Theme: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(id)
        writer.string(title)
        writer.optional(description) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let id = try reader.identifier("theme.id")
        let title = try reader.string("theme.title")
        let description = try reader.optional("theme.description") { (reader) throws(BinaryDecodingError) in try reader.string("theme.description") }
        self.init(id: id, title: title, description: description)
    }
}
