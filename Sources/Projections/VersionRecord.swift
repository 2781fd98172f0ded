import EventStore
public import Foundation
public import StrategyCore

/// An adopted version of a plan, as the version history shows it.
public struct VersionRecord: Hashable, Sendable, Codable {
    /// The label.
    public let label: String
    /// The adopting resolution's number.
    public let resolution: String
    /// The adopting body's id and name.
    public let body: Identifier
    /// The body's name.
    public let bodyName: String
    /// The date of the resolution.
    public let resolutionDate: CalendarDate?
    /// When the version takes effect.
    public let effectiveDate: CalendarDate
    /// When the adoption was recorded.
    public let recordedAt: Date
    /// The global position of the adoption.
    public let position: UInt64
    /// The content hash sealed at adoption.
    public let contentHash: String
    /// Open fields, open goals and running measures at adoption.
    public let counts: VersionCounts
    /// The version it revised.
    public let basedOn: String?
    /// The version that superseded it.
    public let supersededBy: String?
    /// Who recorded the adoption (person id) and in which role.
    public let recordedBy: String?
    /// The role.
    public let role: String?

    /// A record, as an embedder's test might build one (the engine's come from ``StrategyEngine/versions(of:)``).
    public init(
        label: String, resolution: String, body: Identifier, bodyName: String, resolutionDate: CalendarDate?,
        effectiveDate: CalendarDate, recordedAt: Date, position: UInt64, contentHash: String, counts: VersionCounts,
        basedOn: String?, supersededBy: String?, recordedBy: String?, role: String?
    ) {
        self.label = label
        self.resolution = resolution
        self.body = body
        self.bodyName = bodyName
        self.resolutionDate = resolutionDate
        self.effectiveDate = effectiveDate
        self.recordedAt = recordedAt
        self.position = position
        self.contentHash = contentHash
        self.counts = counts
        self.basedOn = basedOn
        self.supersededBy = supersededBy
        self.recordedBy = recordedBy
        self.role = role
    }
}

extension StrategyEngine {
    /// Every adopted version of the plan, oldest first.
    public func versions(of plan: Identifier) throws(EngineError) -> [VersionRecord] {
        let current = try model(plan)
        let positions = try AuditIndex.versions(plan, store: store, pending: current.pending)
        return try current.state.versions.map { (version) throws(EngineError) -> VersionRecord in
            guard let position = positions.first(where: { $0.label == version.label })?.position else {
                throw .noSuchPoint(Wording(de: "die Fassung '\(version.label)' fehlt im Index", en: "version '\(version.label)' is missing from the index"))
            }
            let record = try self.record(at: position, of: plan)
            guard case let .versionAdopted(adopted) = record.event, adopted.label == version.label else {
                throw .derivedDataMismatch(Wording(
                    de: "der Prüfindex des Plans '\(plan)' sagt, die Fassung '\(version.label)' sei an Position \(position) beschlossen worden; "
                        + "das Ereignis dort (\(record.event.typeName)) hat sie nicht beschlossen",
                    en: "the audit index of plan '\(plan)' says version '\(version.label)' was adopted at position \(position); "
                        + "the event there (\(record.event.typeName)) did not adopt it"))
            }
            return VersionRecord(
                label: version.label, resolution: version.resolution, body: version.body,
                bodyName: current.state.bodies[version.body]?.name ?? version.body.rawValue,
                resolutionDate: current.state.resolutions[version.resolution]?.date, effectiveDate: version.effectiveDate,
                recordedAt: record.recordedAt, position: position, contentHash: version.contentHash, counts: version.counts,
                basedOn: version.basedOn, supersededBy: version.supersededBy, recordedBy: record.context.actor, role: record.context.role)
        }
    }

    /// Replays the plan to each version's adoption and recomputes its content hash: the labels whose sealed hash
    /// no longer matches (empty when every version is intact).
    public func alteredVersions(of plan: Identifier) throws(EngineError) -> [String] {
        var altered: [String] = []
        for version in try versions(of: plan) where try replayedState(of: plan, upTo: version.position).contentHash != version.contentHash {
            altered.append(version.label)
        }
        return altered
    }

    /// The decoded event at a global position, which the audit index says is an event of `plan`.
    ///
    /// - Throws: ``EngineError/derivedDataMismatch(_:)`` when the log has no such position or the event there
    ///   belongs to another stream: the index entry that led here does not describe the log.
    func record(at position: UInt64, of plan: Identifier) throws(EngineError) -> PlanRecord {
        let event: RecordedEvent?
        do throws(EventStoreError) { event = try store.event(at: position) } catch { throw .store(error) }
        guard let event else {
            throw .derivedDataMismatch(Wording(
                de: "der Prüfindex des Plans '\(plan)' nennt Position \(position), die das Protokoll nicht hat",
                en: "the audit index of plan '\(plan)' names position \(position), which the log does not have"))
        }
        guard event.streamID == PlanStreams.streamID(plan) else {
            throw .derivedDataMismatch(Wording(
                de: "der Prüfindex des Plans '\(plan)' nennt Position \(position), ein Ereignis eines anderen Stroms",
                en: "the audit index of plan '\(plan)' names position \(position), an event of another stream"))
        }
        return try PlanRecord(event)
    }
}
