public import Foundation
public import StrategyCore

/// A point at which to read a plan.
public enum PointInTime: Hashable, Sendable, CustomStringConvertible {
    /// The working draft: everything recorded so far.
    case draft
    /// The plan as it was after the event at this global log position.
    case position(UInt64)
    /// What the system showed at this recorded time ("what did the system show on 2024-03-01 at 10:00").
    case recordedAt(Date)
    /// The adopted version with this label.
    case version(String)
    /// The version adopted by this resolution, or the plan as it was when the resolution was recorded.
    case resolution(String)
    /// The version in force on this business date according to the adopted versions' effective dates (business
    /// time, not recorded time).
    case inForce(CalendarDate)
    /// The plan as its records stand for this business date: every change that takes effect on or before it,
    /// however late it was recorded (a 2010 plan typed in in 2026 shows its 2010 content for 2010-12-31). A change
    /// without an effective date counts by the day it was recorded.
    case effectiveOn(CalendarDate)

    public var description: String {
        switch self {
        case .draft: return "draft"
        case let .position(position): return "@\(position)"
        case let .recordedAt(date): return date.formatted(.iso8601)
        case let .version(label): return "version '\(label)'"
        case let .resolution(number): return "resolution \(number)"
        case let .inForce(date): return "in force on \(date)"
        case let .effectiveOn(date): return "effective on \(date)"
        }
    }
}

/// A plan read at a point: its state, and where in the log that state ends.
public struct PlanView: Hashable, Sendable {
    /// The plan's id.
    public let plan: Identifier
    /// The state.
    public let state: PlanState
    /// The global position of the last event the state includes (0: none).
    public let position: UInt64
    /// The plan's stream version at that point (0: none).
    public let streamVersion: UInt64
    /// The point asked for.
    public let point: PointInTime

    /// A view, as an embedder's test might build one (the engine's answers come from ``StrategyEngine/state(of:at:)``).
    public init(plan: Identifier, state: PlanState, position: UInt64, streamVersion: UInt64, point: PointInTime) {
        self.plan = plan
        self.state = state
        self.position = position
        self.streamVersion = streamVersion
        self.point = point
    }
}

extension CalendarDate {
    /// The UTC calendar day of a recorded time: the business date the engine counts a change by when it has none of
    /// its own (``LogFilter``, ``PointInTime/effectiveOn(_:)``).
    public init(recordedOn date: Date) {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        self = CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)!
    }
}

extension PlanRecord {
    /// The business date the event takes effect; an event without one counts by the UTC day it was recorded.
    var effectiveDay: CalendarDate { context.effectiveDate ?? CalendarDate(recordedOn: recordedAt) }
}
