public import EventStore
public import StrategyCore

/// What ``StrategyEngine/verify(expectedHead:plans:progress:)`` found.
public struct IntegrityReport: Sendable, Hashable {
    /// The hash chain and the store's indexes, checked in one consistent view of the store.
    public let chain: VerificationReport
    /// Every disagreement between a plan's derived data (snapshots, audit index, sealed content hashes) and a replay
    /// of its log up to the verified head, one each, in German and English; empty when all agree. Not checked when
    /// the chain is broken.
    public let findings: [Wording]

    /// The ``findings`` in English, one line each.
    public var problems: [String] { findings.map(\.en) }

    /// True when the chain, the indexes, the cited head and every plan's derived data hold.
    public var isIntact: Bool { chain.isIntact && findings.isEmpty }

    /// A report.
    public init(chain: VerificationReport, findings: [Wording]) {
        self.chain = chain
        self.findings = findings
    }
}

extension StrategyEngine {
    /// Verifies the store: the hash chain, its indexes and the cited head in one consistent view (one read
    /// transaction, see `EventStore/verify(expectedHead:checkIndexes:progress:)`), then every plan's derived data
    /// against a replay of its log **up to that view's head**.
    ///
    /// Changes that other threads or processes commit while verify runs lie beyond the verified head and are not
    /// looked at, so a live writer never makes verify report damage. Nothing is written.
    ///
    /// - Parameters:
    ///   - expectedHead: A head cited earlier (for example in a council record); the chain must still contain it.
    ///   - plans: Only these plans' derived data (default: every plan in the verified view).
    ///   - progress: Called while the chain is checked, with the number of records checked so far.
    public func verify(
        expectedHead: ChainHead? = nil, plans: [Identifier]? = nil, progress: ((UInt64) -> Void)? = nil
    ) throws(EngineError) -> IntegrityReport {
        let chain: VerificationReport
        do throws(EventStoreError) {
            chain = try store.verify(expectedHead: expectedHead, checkIndexes: true, progress: progress)
        } catch {
            throw .store(error)
        }
        guard chain.isIntact else { return IntegrityReport(chain: chain, findings: []) }
        var heads: [Identifier: StreamHead] = [:]
        for head in chain.streams {
            if let plan = PlanStreams.plan(ofStream: head.streamID) { heads[plan] = head }
        }
        var findings: [Wording] = []
        for plan in plans ?? heads.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            guard let head = heads[plan] else {
                if plans != nil { throw .unknownPlan(plan) }
                continue
            }
            findings += try DerivedDataCheck(plan: plan, store: store).run(upTo: head).map(\.wording)
        }
        return IntegrityReport(chain: chain, findings: findings)
    }
}
