// The binary event layout of the monitoring payloads: indicators defined, revised and retired, observations.

extension IndicatorDefined: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(indicator)
        writer.string(code)
        writer.string(name)
        writer.string(unit)
        writer.name(polarity)
        writer.string(source)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let indicator = try reader.identifier("indicator.defined.indicator")
        let code = try reader.string("indicator.defined.code")
        let name = try reader.string("indicator.defined.name")
        let unit = try reader.string("indicator.defined.unit")
        let polarity: Polarity = try reader.name("indicator.defined.polarity")
        let source = try reader.string("indicator.defined.source")
        self.init(indicator: indicator, code: code, name: name, unit: unit, polarity: polarity, source: source)
    }
}

extension IndicatorRevised: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(indicator)
        writer.optional(code) { $0.string($1) }
        writer.optional(name) { $0.string($1) }
        writer.optional(unit) { $0.string($1) }
        writer.optional(polarity) { $0.name($1) }
        writer.optional(source) { $0.string($1) }
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let indicator = try reader.identifier("indicator.revised.indicator")
        let code = try reader.optional("indicator.revised.code") { (reader) throws(BinaryDecodingError) in try reader.string("indicator.revised.code") }
        let name = try reader.optional("indicator.revised.name") { (reader) throws(BinaryDecodingError) in try reader.string("indicator.revised.name") }
        let unit = try reader.optional("indicator.revised.unit") { (reader) throws(BinaryDecodingError) in try reader.string("indicator.revised.unit") }
        let polarity = try reader.optional("indicator.revised.polarity") { (reader) throws(BinaryDecodingError) -> Polarity in try reader.name("indicator.revised.polarity") }
        let source = try reader.optional("indicator.revised.source") { (reader) throws(BinaryDecodingError) in try reader.string("indicator.revised.source") }
        self.init(indicator: indicator, code: code, name: name, unit: unit, polarity: polarity, source: source)
    }
}

extension IndicatorRetired: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(indicator)
        writer.string(reason)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let indicator = try reader.identifier("indicator.retired.indicator")
        let reason = try reader.string("indicator.retired.reason")
        self.init(indicator: indicator, reason: reason)
    }
}

extension ObservationRecorded: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(observation)
        writer.identifier(indicator)
        writer.string(period)
        writer.string(region)
        writer.quantity(value)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let observation = try reader.identifier("observation.recorded.observation")
        let indicator = try reader.identifier("observation.recorded.indicator")
        let period = try reader.string("observation.recorded.period")
        let region = try reader.string("observation.recorded.region")
        let value = try reader.quantity("observation.recorded.value")
        self.init(observation: observation, indicator: indicator, period: period, region: region, value: value)
    }
}

extension ObservationCorrected: BinaryStorable {
    package func write(to writer: inout BinaryWriter) {
        writer.identifier(observation)
        writer.identifier(corrects)
        writer.quantity(value)
        writer.string(reason)
    }

    package init(reading reader: inout BinaryReader) throws(BinaryDecodingError) {
        let observation = try reader.identifier("observation.corrected.observation")
        let corrects = try reader.identifier("observation.corrected.corrects")
        let value = try reader.quantity("observation.corrected.value")
        let reason = try reader.string("observation.corrected.reason")
        self.init(observation: observation, corrects: corrects, value: value, reason: reason)
    }
}
