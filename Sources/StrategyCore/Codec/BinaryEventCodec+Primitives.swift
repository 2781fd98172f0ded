// Writes and reads the parts of the binary event layout that event payloads share: a revision's set-or-clear
// changes (Clearable) and the event context.

extension BinaryWriter {
    /// A change in a revision: `0` for unchanged (nil), `1` followed by the value for `.set`, `2` for `.cleared`.
    package mutating func clearable<T>(_ value: Clearable<T>?, _ write: (inout BinaryWriter, T) -> Void) {
        switch value {
        case nil: byte(0)
        case let .set(inner)?:
            byte(1)
            write(&self, inner)
        case .cleared?: byte(2)
        }
    }
}

extension BinaryReader {
    /// A change written by ``BinaryWriter/clearable(_:_:)``.
    package mutating func clearable<T>(
        _ field: String, _ read: (inout BinaryReader) throws(BinaryDecodingError) -> T
    ) throws(BinaryDecodingError) -> Clearable<T>? {
        switch try byte(field) {
        case 0: return nil
        case 1: return .set(try read(&self))
        case 2: return .cleared
        case let other:
            throw BinaryDecodingError(offset: offset - 1, field: field, problem: "has change byte \(other), expected 0 (unchanged), 1 (set) or 2 (cleared)")
        }
    }
}

extension EventContext: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.optional(actor) { $0.string($1) }
        writer.optional(role) { $0.string($1) }
        writer.optional(reason) { $0.string($1) }
        writer.optional(resolution) { $0.string($1) }
        writer.optional(effectiveDate) { $0.date($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let actor = try reader.optional("context.actor") { (reader) throws(BinaryDecodingError) in try reader.string("context.actor") }
        let role = try reader.optional("context.role") { (reader) throws(BinaryDecodingError) in try reader.string("context.role") }
        let reason = try reader.optional("context.reason") { (reader) throws(BinaryDecodingError) in try reader.string("context.reason") }
        let resolution = try reader.optional("context.resolution") { (reader) throws(BinaryDecodingError) in try reader.string("context.resolution") }
        let effectiveDate = try reader.optional("context.effectiveDate") { (reader) throws(BinaryDecodingError) in try reader.date("context.effectiveDate") }
        self.init(actor: actor, role: role, reason: reason, resolution: resolution, effectiveDate: effectiveDate)
    }
}
