/// The domain metadata every event carries besides the store's: who, in which role, why, under which
/// resolution, and from when it takes effect.
///
/// People appear only as opaque person ids (`p-0042`) and roles; names, phone numbers and e-mail addresses never
/// go into an event.
public struct EventContext: Hashable, Sendable, Codable {
    /// The opaque id of the person or system that caused the change.
    public var actor: String?
    /// The role in which they acted, for example "Bildungsbüro" or "Steuerungsgruppe".
    public var role: String?
    /// Why the change was made.
    public var reason: String?
    /// The number of the resolution the change rests on.
    public var resolution: String?
    /// The business date from which the change takes effect (not the time it was recorded).
    public var effectiveDate: CalendarDate?

    /// Creates a context; every part is optional.
    public init(actor: String? = nil, role: String? = nil, reason: String? = nil, resolution: String? = nil, effectiveDate: CalendarDate? = nil) {
        self.actor = actor
        self.role = role
        self.reason = reason
        self.resolution = resolution
        self.effectiveDate = effectiveDate
    }
}

/// An event with its context: what a plan's stream holds.
public struct PlanEventEnvelope: Hashable, Sendable {
    /// The fact.
    public let event: PlanEvent
    /// Who, why, when.
    public let context: EventContext

    /// Creates an envelope.
    public init(_ event: PlanEvent, context: EventContext) {
        self.event = event
        self.context = context
    }
}
