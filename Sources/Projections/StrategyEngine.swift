public import EventStore
import Foundation
public import StrategyCore

/// The engine: one entry point that embedding applications and `strategyctl` use to record, read, compare and
/// audit the plans in a store.
///
/// ```swift
/// let engine = try StrategyEngine(path: "/var/lib/strategy")
/// let document = try PlanFile.parse(bytes, file: "vechta.yaml")
/// try await engine.importPlan(document, context: EventContext(actor: "p-0042", role: "Bildungsbüro"))
/// try await engine.execute(.adopt(label: "Bildungskonzept 2025", resolution: "KT-2025/014",
///                                 effectiveDate: CalendarDate("2025-04-01")), on: document.plan, context: context)
/// let draft = try engine.state(of: document.plan)
/// let changes = try engine.diff(document.plan, from: .version("Bildungskonzept 2025"), to: .draft)
/// ```
///
/// Each plan is one stream of the store (`plan:ID`). Writes load the plan's state, ask StrategyCore to decide,
/// and append with the expected version; when another writer got there first the command is decided again on the
/// new state (up to ``maximumAttempts`` times), unless the caller passed the version it expects, in which case the
/// conflict is reported as ``EngineError/conflict(plan:expected:actual:)``. Nothing is ever overwritten.
///
/// Reads catch the plan's read model up with the log first, so a change is visible as soon as its write returns —
/// also one made by another process. The engine is `Sendable`: share one instance between threads and tasks.
public final class StrategyEngine: Sendable {
    /// The event store. Not public: appending to a plan's stream past the decider would record what no rule
    /// checked. What an embedder needs of the store, the engine offers (``head()``, ``statistics()``, ``verify(expectedHead:plans:progress:)``).
    package let store: EventStore
    /// A state snapshot is stored after this many events of a plan (and at every adoption); for a large state,
    /// after at least one event per KiB of the last snapshot, so that writing snapshots stays near 1 KiB per event.
    public let snapshotInterval: UInt64
    /// How often a write is decided again after another writer's conflicting append.
    public let maximumAttempts = 10

    /// Each plan's read model behind its own lock: catching one plan up with the log never makes a read of another
    /// plan wait. The dictionary's own lock is held only to find or add a plan's slot.
    let models = Protected<[Identifier: ModelSlot]>([:])
    /// Writes to one plan from this engine wait for each other: deciding them in parallel would only make them
    /// conflict with each other. Writes to different plans still share commits.
    let writeLocks = PlanLocks()
    /// States at evenly spaced points of each plan's log, for reads at past points.
    let checkpoints = StateCheckpoints()

    /// An engine on an open store.
    public init(store: EventStore, snapshotInterval: UInt64 = 500) {
        self.store = store
        self.snapshotInterval = max(1, snapshotInterval)
    }

    /// Opens the store at `path` (created if missing, unless read-only) and an engine on it.
    ///
    /// One process holds one LMDB environment per store, which every engine and handle on that directory shares.
    /// A store first opened read-only stays read-only in this process until every engine on it is closed
    /// (``close()``) or released; opening it for writing meanwhile fails with
    /// `EventStoreError/alreadyOpen(path:reason:)`. Open for writing first when a process needs both.
    public convenience init(
        path: String, readOnly: Bool = false, durability: Durability = .durable, snapshotInterval: UInt64 = 500
    ) throws(EngineError) {
        try self.init(path: path, configuration: .init(readOnly: readOnly, durability: durability), snapshotInterval: snapshotInterval)
    }

    /// Opens the store at `path` with every setting of the store: the map size to start with, the page size of
    /// reads, how often a live subscription looks for new events, durability and read-only.
    public convenience init(path: String, configuration: StoreConfiguration, snapshotInterval: UInt64 = 500) throws(EngineError) {
        do {
            self.init(store: try EventStore(path: path, configuration: configuration), snapshotInterval: snapshotInterval)
        } catch {
            throw .store(error)
        }
    }

    /// Closes the engine's handle on the store: every later call throws ``EngineError/store(_:)`` with
    /// `EventStoreError/closed(path:)`, and feeds of changes end with it. Writes already under way finish first.
    /// The files close when the last engine or handle on the store in this process is closed or released, after
    /// which the store can be opened again in any mode.
    public func close() {
        store.close()
    }

    // MARK: Plans

    /// The ids of the plans in the store; a withdrawn plan (created by mistake, see `PlanCommand/withdrawPlan(reason:)`)
    /// only with `includeWithdrawn`.
    public func plans(includeWithdrawn: Bool = false) throws(EngineError) -> [Identifier] {
        let all = try allPlans()
        if includeWithdrawn { return all }
        var active: [Identifier] = []
        for plan in all where try model(plan).state.withdrawal == nil { active.append(plan) }
        return active
    }

    /// Every plan stream's plan id, withdrawn or not.
    func allPlans() throws(EngineError) -> [Identifier] {
        var plans: [Identifier] = []
        var after: String? = PlanStreams.prefix
        while true {
            let page: [StreamHead]
            do { page = try store.streamHeads(after: after, limit: 500) } catch { throw .store(error) }
            for head in page {
                guard head.streamID.hasPrefix(PlanStreams.prefix) else { return plans }
                if let plan = PlanStreams.plan(ofStream: head.streamID) { plans.append(plan) }
            }
            guard page.count == 500, let last = page.last else { return plans }
            after = last.streamID
        }
    }

    /// The plan's current draft state.
    public func state(of plan: Identifier) throws(EngineError) -> PlanView {
        let model = try model(plan)
        return PlanView(plan: plan, state: model.state, position: model.position, streamVersion: model.streamVersion, point: .draft)
    }

    /// The model of a plan, caught up with the log.
    ///
    /// - Parameters:
    ///   - proven: The state must be the log's own: folded from the plan's first event in this process, never
    ///     taken from a stored snapshot (derived data that the log does not prove). Writes decide only on such a
    ///     state; a model loaded from a snapshot is rebuilt from the log the first time a write needs it, and stays
    ///     proven afterwards.
    ///   - persist: Store the audit-index entries and the snapshots that are due. Only the write path asks for it:
    ///     reads catch up in memory and never change the store.
    func model(_ plan: Identifier, allowMissing: Bool = false, proven: Bool = false, persist: Bool = false) throws(EngineError) -> PlanReadModel {
        let result: Result<PlanReadModel, EngineError> = slot(plan).model.withLock { stored in
            var model = stored ?? PlanReadModel.load(plan, store: store)
            if proven && !model.isProven {
                model = PlanReadModel.unfolded(keeping: model)
            }
            do throws(EngineError) {
                try model.catchUp(plan, store: store, snapshotInterval: snapshotInterval, persist: persist)
            } catch {
                return .failure(error)
            }
            stored = model
            return .success(model)
        }
        let model = try result.get()
        if model.streamVersion == 0 && !allowMissing { throw .unknownPlan(plan) }
        return model
    }

    /// The slot of `plan`'s read model, added when the plan is first read.
    func slot(_ plan: Identifier) -> ModelSlot {
        models.withLock { slots in
            if let slot = slots[plan] { return slot }
            let slot = ModelSlot()
            slots[plan] = slot
            return slot
        }
    }

    // MARK: Writing

    /// What a write recorded.
    public struct ExecutionResult: Hashable, Sendable {
        /// The plan.
        public let plan: Identifier
        /// The events recorded; empty when the commands changed nothing.
        public let events: [PlanEvent]
        /// The global positions of the first and last recorded event, nil when nothing was recorded.
        public let positions: ClosedRange<UInt64>?
        /// The plan's stream version after the write.
        public let streamVersion: UInt64
        /// How many times the commands were decided (more than 1 after conflicts with other writers).
        public let attempts: Int

        /// A result, as an embedder's test might build one.
        public init(plan: Identifier, events: [PlanEvent], positions: ClosedRange<UInt64>?, streamVersion: UInt64, attempts: Int) {
            self.plan = plan
            self.events = events
            self.positions = positions
            self.streamVersion = streamVersion
            self.attempts = attempts
        }
    }

    /// Decides commands against the plan's current state and records their events atomically.
    ///
    /// - Parameters:
    ///   - commands: The commands, decided in order as one unit.
    ///   - plan: The plan (for `createPlan`, the new plan's id).
    ///   - context: Who, in which role, why, under which resolution, effective when.
    ///   - expectedVersion: The stream version the caller's decision rests on. When given, a plan changed since is a
    ///     ``EngineError/conflict(plan:expected:actual:)``; when nil, the commands are decided again on the new state.
    @discardableResult
    public func execute(
        _ commands: [PlanCommand], on plan: Identifier, context: EventContext, expectedVersion: UInt64? = nil
    ) async throws(EngineError) -> ExecutionResult {
        try await write(plan, expectedVersion: expectedVersion, context: context) { (state) throws(EngineError) -> [PlanEvent] in
            do throws(DomainError) {
                return try Plan.decide(commands, context: context, state: state).events
            } catch {
                throw .rule(error)
            }
        }
    }

    /// Decides one command and records its events; see ``execute(_:on:context:expectedVersion:)-([PlanCommand],_,_,_)``.
    @discardableResult
    public func execute(
        _ command: PlanCommand, on plan: Identifier, context: EventContext, expectedVersion: UInt64? = nil
    ) async throws(EngineError) -> ExecutionResult {
        try await execute([command], on: plan, context: context, expectedVersion: expectedVersion)
    }

    /// Reconciles a plan file into its plan (creating the plan if the store has none): records only what differs.
    ///
    /// A file is a decision made on the state its author saw. Pass that state's stream version as `expectedVersion`
    /// (the version the file was exported at, `PlanDocument/basedOnVersion`, or the version read when the import
    /// began): if the plan changed since and the file would still change something, the import is refused with
    /// ``EngineError/conflict(plan:expected:actual:)`` instead of silently reverting the other change. Without it,
    /// the file is reconciled with whatever the plan is when the write happens.
    ///
    /// - Parameters:
    ///   - document: The plan file, read (`PlanFile.parse`).
    ///   - context: Who imports, why, under which resolution, effective when.
    ///   - expectedVersion: The plan's stream version the file rests on.
    ///   - adopt: Also adopt the result as the file's `adoption:` block says, in the same write
    ///     (`Reconciler/adoption(of:reconciled:context:contentMustMatch:)`). With ``AdoptionFromFile/recordedOnly``
    ///     the file must describe the draft exactly (nothing but records may be added).
    ///   - dryRun: Compute the events without recording them.
    /// - Throws: ``EngineError/planFile(_:)`` with the place in the file when the import breaks a rule.
    @discardableResult
    public func importPlan(
        _ document: PlanDocument, context: EventContext, expectedVersion: UInt64? = nil, adopt: AdoptionFromFile? = nil,
        dryRun: Bool = false
    ) async throws(EngineError) -> ExecutionResult {
        // Contact details are registered as persons (encrypted) first; the plan names them by id.
        let stated = document
        let reconcileDocument = { (document: PlanDocument, state: PlanState) throws(EngineError) -> [PlanEvent] in
            do throws(PlanFileError) {
                if adopt == .recordedOnly {
                    // The file must describe the recorded draft; say so before any rule about changing it.
                    var probe = context
                    probe.reason = probe.reason ?? "probe"
                    if let differing = try? Reconciler.reconcile(document, state: state, context: probe), differing.events.contains(where: \.changesContent) {
                        _ = try Reconciler.adoption(of: document, reconciled: differing, context: context, contentMustMatch: true)
                    }
                }
                let reconciled = try Reconciler.reconcile(document, state: state, context: context)
                guard let adopt else { return reconciled.events }
                return reconciled.events + (try Reconciler.adoption(
                    of: document, reconciled: reconciled, context: context, contentMustMatch: adopt == .recordedOnly))
            } catch {
                throw .planFile(error)
            }
        }
        // Contact details become persons of the register (encrypted) before the plan names them by id. The import
        // is first decided on stand-in ids, so that a file the plan refuses registers no one.
        let probe = try await registeringContacts(of: stated, context: context, dryRun: true)
        if !dryRun && probe != stated {
            _ = try reconcileDocument(probe, try model(stated.plan, allowMissing: true, proven: true).state)
        }
        let document = dryRun ? probe : try await registeringContacts(of: stated, context: context, dryRun: false)
        let reconcile = { (state: PlanState) throws(EngineError) -> [PlanEvent] in try reconcileDocument(document, state) }
        if dryRun {
            let model = try model(document.plan, allowMissing: true, proven: true)
            let events = try reconcile(model.state)
            if let expectedVersion, expectedVersion != model.streamVersion, !events.isEmpty {
                throw .conflict(plan: document.plan, expected: expectedVersion, actual: model.streamVersion)
            }
            return ExecutionResult(plan: document.plan, events: events, positions: nil, streamVersion: model.streamVersion, attempts: 1)
        }
        return try await write(document.plan, expectedVersion: expectedVersion, context: context, decide: reconcile)
    }

    private func write(
        _ plan: Identifier, expectedVersion: UInt64?, context: EventContext,
        decide: (PlanState) throws(EngineError) -> [PlanEvent]
    ) async throws(EngineError) -> ExecutionResult {
        await writeLocks.acquire(plan)
        do throws(EngineError) {
            let result = try await writeHoldingLock(plan, expectedVersion: expectedVersion, context: context, decide: decide)
            await writeLocks.release(plan)
            return result
        } catch {
            await writeLocks.release(plan)
            throw error
        }
    }

    private func writeHoldingLock(
        _ plan: Identifier, expectedVersion: UInt64?, context: EventContext,
        decide: (PlanState) throws(EngineError) -> [PlanEvent]
    ) async throws(EngineError) -> ExecutionResult {
        var attempt = 0
        while true {
            attempt += 1
            if attempt > 1 {
                // Another process wrote in between: wait a little, with jitter, before deciding again.
                try? await Task.sleep(for: .milliseconds(Int.random(in: 1...(5 * attempt))))
            }
            let model = try model(plan, allowMissing: true, proven: true)
            if let expectedVersion, expectedVersion != model.streamVersion {
                // The plan changed since the caller's decision. Only a change that is already there is no conflict.
                let events = try? decide(model.state)
                guard let events, events.isEmpty else {
                    throw .conflict(plan: plan, expected: expectedVersion, actual: model.streamVersion)
                }
                return ExecutionResult(plan: plan, events: [], positions: nil, streamVersion: model.streamVersion, attempts: attempt)
            }
            let events = try decide(model.state)
            if events.isEmpty {
                return ExecutionResult(plan: plan, events: [], positions: nil, streamVersion: model.streamVersion, attempts: attempt)
            }
            let correlation = UUID.timeOrdered()
            let data = events.map { PlanStreams.eventData(PlanEventEnvelope($0, context: context), correlation: correlation) }
            let appended: AppendResult
            do throws(EventStoreError) {
                appended = try await store.append(to: PlanStreams.streamID(plan), expecting: .exact(model.streamVersion), events: data)
            } catch {
                guard case let .wrongExpectedVersion(_, _, actual) = error else { throw .store(error) }
                if attempt == maximumAttempts {
                    throw .conflict(plan: plan, expected: expectedVersion ?? model.streamVersion, actual: actual ?? 0)
                }
                // Decide again on the new state; with a caller's expected version, the next attempt reports the
                // conflict unless the change is already there.
                continue
            }
            _ = try self.model(plan, proven: true, persist: true)  // the change is visible to readers once this returns
            return ExecutionResult(
                plan: plan, events: events, positions: appended.firstPosition...appended.lastPosition,
                streamVersion: appended.lastVersion, attempts: attempt)
        }
    }
}

/// How ``StrategyEngine/importPlan(_:context:expectedVersion:adopt:dryRun:)`` adopts by a file's `adoption:` block.
public enum AdoptionFromFile: Sendable, Hashable {
    /// Record what the file changes and adopt the result, in one write (`strategyctl import --adopt`).
    case afterImport
    /// Adopt the recorded draft; the file must describe it exactly (`strategyctl adopt --from-file`).
    case recordedOnly
}

/// One plan's read model, with the lock that catching it up holds.
final class ModelSlot: Sendable {
    let model = Protected<PlanReadModel?>(nil)
}

/// One lock per plan, for writers in one engine.
actor PlanLocks {
    private var held: Set<Identifier> = []
    private var waiting: [Identifier: [CheckedContinuation<Void, Never>]] = [:]

    func acquire(_ plan: Identifier) async {
        if held.insert(plan).inserted { return }
        await withCheckedContinuation { waiting[plan, default: []].append($0) }
    }

    func release(_ plan: Identifier) {
        if var queue = waiting[plan], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[plan] = queue.isEmpty ? nil : queue
            next.resume()  // the lock passes to the next writer
        } else {
            held.remove(plan)
        }
    }
}
