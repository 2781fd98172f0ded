// The snapshot layout of indicators and their observations.

extension Indicator: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(id)
        writer.string(code)
        writer.string(name)
        writer.string(unit)
        writer.name(polarity)
        writer.string(source)
        writer.optional(retiredReason) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let id = try reader.identifier("indicator.id")
        let code = try reader.string("indicator.code")
        let name = try reader.string("indicator.name")
        let unit = try reader.string("indicator.unit")
        let polarity: Polarity = try reader.name("indicator.polarity")
        let source = try reader.string("indicator.source")
        let retiredReason = try reader.optional("indicator.retiredReason") { (reader) throws(BinaryDecodingError) in try reader.string("indicator.retiredReason") }
        self.init(id: id, code: code, name: name, unit: unit, polarity: polarity, source: source)
        self.retiredReason = retiredReason
    }
}

extension Observation: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(id)
        writer.identifier(indicator)
        writer.string(period)
        writer.string(region)
        writer.quantity(value)
        writer.optional(corrects) { $0.identifier($1) }
        writer.optional(correctedBy) { $0.identifier($1) }
        writer.optional(reason) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let id = try reader.identifier("observation.id")
        let indicator = try reader.identifier("observation.indicator")
        let period = try reader.string("observation.period")
        let region = try reader.string("observation.region")
        let value = try reader.quantity("observation.value")
        let corrects = try reader.optional("observation.corrects") { (reader) throws(BinaryDecodingError) in try reader.identifier("observation.corrects") }
        let correctedBy = try reader.optional("observation.correctedBy") { (reader) throws(BinaryDecodingError) in try reader.identifier("observation.correctedBy") }
        let reason = try reader.optional("observation.reason") { (reader) throws(BinaryDecodingError) in try reader.string("observation.reason") }
        self.init(id: id, indicator: indicator, period: period, region: region, value: value, corrects: corrects)
        self.correctedBy = correctedBy
        self.reason = reason
    }
}
