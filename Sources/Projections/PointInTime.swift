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

    public var description: String {
        switch self {
        case .draft: return "draft"
        case let .position(position): return "@\(position)"
        case let .recordedAt(date): return date.formatted(.iso8601)
        case let .version(label): return "version '\(label)'"
        case let .resolution(number): return "resolution \(number)"
        case let .inForce(date): return "in force on \(date)"
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
}
