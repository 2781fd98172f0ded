/// A stream's current end.
public struct StreamHead: Sendable, Hashable, Codable {
    /// The stream's id.
    public let streamID: String
    /// The stream's current version: the number of events in it.
    public let version: UInt64
    /// The global position of the stream's last event.
    public let position: UInt64

    /// A stream head.
    public init(streamID: String, version: UInt64, position: UInt64) {
        self.streamID = streamID
        self.version = version
        self.position = position
    }
}

/// The outcome of an append.
public struct AppendResult: Sendable, Hashable {
    /// The stream appended to.
    public let streamID: String
    /// The global position of the first appended event.
    public let firstPosition: UInt64
    /// The global position of the last appended event.
    public let lastPosition: UInt64
    /// The stream version of the first appended event.
    public let firstVersion: UInt64
    /// The stream version after the append; pass it as `.exact(…)` to the next append.
    public let lastVersion: UInt64
    /// True when every event was already stored at these places by an earlier attempt, and nothing was written.
    public let wasAlreadyStored: Bool
}
