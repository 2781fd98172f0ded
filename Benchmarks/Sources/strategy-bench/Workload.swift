import EventStore
import Foundation
import StrategyCore

/// Realistic domain events of typical size: goal statements, measure status changes, progress reports,
/// observations — encoded by the engine's own codec.
enum Workload {
    static let context = EventContext(actor: "p-0042", role: "Bildungsbüro", reason: "Umsetzungsstand laut Steuerungsgruppe",
                                      effectiveDate: CalendarDate("2025-03-01"))

    static func id(_ text: String) -> Identifier { try! Identifier(text) }

    static let statements = [
        "Für jede Altersgruppe gibt es erreichbare, aufeinander abgestimmte Bildungsangebote in allen Städten und Gemeinden.",
        "Der Übergang von der Kita in die Grundschule gelingt allen Kindern, auch Kindern mit besonderem Förderbedarf.",
        "Ein Bildungsmonitoring macht Bildungswege, Bildungsentscheidungen und Abbrüche im Landkreis nachvollziehbar.",
    ]

    /// The events of a plan with `fields` fields, `goals` goals and `measures` measures (all in progress), then
    /// `updates` everyday changes: progress reports, health assessments and observations.
    static func planEvents(plan: String = "bench", fields: Int, goals: Int, measures: Int, updates: Int) -> [PlanEvent] {
        var events: [PlanEvent] = [
            .planCreated(PlanCreated(plan: id(plan), title: "Masterplan Bildung", county: "Landkreis Benchmark")),
            .bodyEstablished(BodyEstablished(body: id("kreistag"), name: "Kreistag", kind: .council, mandate: [.adoptPlan, .adoptGoals])),
            .indicatorDefined(IndicatorDefined(indicator: id("kz-1"), code: "B-01", name: "Anteil der Schulabgänge ohne Abschluss", unit: "Prozent", polarity: .lowerIsBetter, source: "Landesamt für Statistik")),
        ]
        for field in 0..<fields {
            events.append(.fieldProposed(FieldProposed(field: id("hf-\(field)"), code: String(field + 1), title: "Handlungsfeld \(field + 1)",
                                                       commitment: "Wir stärken die Bildungslandschaft, indem wir Angebote vernetzen und Übergänge begleiten (\(field)).",
                                                       tags: ["Inklusion", "BNE"])))
        }
        for goal in 0..<goals {
            events.append(.goalFormulated(GoalFormulated(goal: id("ziel-\(goal)"), field: id("hf-\(goal % max(1, fields))"), level: .strategic,
                                                         statement: statements[goal % statements.count], targetGroup: "Kinder und Jugendliche",
                                                         effectLevel: 1 + goal % 7)))
        }
        for measure in 0..<measures {
            events.append(.measurePlanned(MeasurePlanned(measure: id("m-\(measure)"), title: "Maßnahme \(measure): Bildungsportal und Beratung",
                                                         description: "Das Bildungsbüro baut mit den Partnern ein Angebot auf, das alle Bildungsangebote sichtbar macht.",
                                                         lead: "Bildungsbüro", partners: ["Volkshochschule"], horizon: .medium, goals: [id("ziel-\(measure % max(1, goals))")])))
            events.append(.measureStatusChanged(MeasureStatusChanged(measure: id("m-\(measure)"), from: .planned, to: .inProgress, on: CalendarDate("2025-02-01"))))
        }
        for update in 0..<updates {
            let measure = id("m-\(update % max(1, measures))")
            switch update % 10 {
            case 0..<6: events.append(.measureProgressReported(MeasureProgressReported(measure: measure, percent: update % 101, note: "Zwischenstand aus der Steuerungsgruppe")))
            case 6..<9: events.append(.measureHealthAssessed(MeasureHealthAssessed(measure: measure, health: [.onTrack, .atRisk, .critical][update % 3], note: "Einschätzung der Federführung")))
            default: events.append(.observationRecorded(ObservationRecorded(observation: id("obs-\(update)"), indicator: id("kz-1"), period: "20\(10 + update % 15)", region: "Gemeinde \(update % 20)", value: Quantity("\(update % 13).\(update % 10)")!)))
            }
        }
        return events
    }

    /// Store records for events of one stream.
    static func eventData(_ events: [PlanEvent]) -> [EventData] {
        events.map { event in
            let encoded = EventCodec.encode(PlanEventEnvelope(event, context: context))
            return EventData(type: encoded.typeName, schemaVersion: encoded.schemaVersion, encoding: encoded.encoding,
                             metadata: EventMetadata(actor: context.actor, reason: context.reason), payload: encoded.payload)
        }
    }

    /// A mix of single events of typical size (a goal statement, a status change, an observation), for appends.
    static func typicalEvents(_ count: Int) -> [EventData] {
        let sample = eventData(planEvents(fields: 3, goals: 12, measures: 12, updates: 40))
        return (0..<count).map { index in
            var event = sample[index % sample.count]
            event.id = .timeOrdered()
            return event
        }
    }

    /// The store's layout of `events` appended in order to the stream `plan:bench`, for ``RawLMDB/appendLayout(_:indexed:)``.
    static func layoutRecords(_ events: [EventData]) -> [RawLMDB.LayoutRecord] {
        events.enumerated().map { RawLMDB.LayoutRecord($1, stream: "plan:bench", version: UInt64($0 + 1)) }
    }

    /// Writes a plan's events into a store in batches (relaxed durability, flushed at the end).
    static func load(_ events: [PlanEvent], into store: EventStore, stream: String = "plan:bench", batch: Int = 5_000) throws {
        var index = 0
        while index < events.count {
            let slice = Array(events[index..<min(events.count, index + batch)])
            _ = try store.append(to: stream, events: eventData(slice))
            index += batch
        }
        try store.flush()
    }
}
