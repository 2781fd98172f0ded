import EventStore
import StrategyCore

/// Checks a plan's derived data — its state snapshots, its audit index and the content hashes sealed at its
/// adoptions — against one replay of its log, up to a stream head taken from a verified view of the store.
///
/// Derived data is never evidence, but it is what reads show: a snapshot or an index entry that disagrees with the
/// log (damaged, forged, or left over from another history) makes `show`, `versions`, `history` or `blame` tell
/// something the log does not say. This check finds every such entry:
///
/// - each stored snapshot at or before the head must decode, pass its SHA-256, sit at one of the plan's events, and
///   hold exactly the state the replay reaches there (a snapshot of an older format or state layout is skipped: it
///   is never read);
/// - each stored audit-index entry at or before the head must be exactly the entry the replay derives for that
///   event; each entry the replay derives up to the stored index head (and the head) must be stored;
/// - each `version.adopted` event's sealed content hash must be the hash of the replayed content at that event.
///
/// Appends committed after the head, and the derived data written for them, are not looked at, so a writer working
/// meanwhile never causes a finding.
struct DerivedDataCheck {
    let plan: Identifier
    let store: EventStore

    /// One disagreement between derived data and the log.
    struct Finding: Sendable, Hashable, CustomStringConvertible {
        let plan: Identifier
        let detail: Wording
        /// The finding in English.
        var description: String { wording.en }
        /// The finding in German and English, naming the plan.
        var wording: Wording { Wording(de: "Plan '\(plan)': \(detail.de)", en: "plan '\(plan)': \(detail.en)") }
    }

    /// Replays the plan up to `head` and returns every finding, in log order (snapshots and seals first, then index).
    func run(upTo head: StreamHead) throws(EngineError) -> [Finding] {
        var findings: [Finding] = []
        func found(_ de: String, _ en: String) { findings.append(Finding(plan: plan, detail: Wording(de: de, en: en))) }

        // What is stored: the audit index read before the replay, the snapshots listed by position before it and
        // each read when the replay reaches it (a large plan's snapshots together can be gigabytes, each holding the
        // whole state). Entries written meanwhile (by a writer catching up, or a `replay` rebuilding) are either
        // beyond the head, or correct entries the comparison accepts.
        let snapshotName = StateSnapshot.name(plan)
        let snapshotPositions: Set<UInt64>
        let storedIndex: [Snapshot]
        do throws(EventStoreError) {
            snapshotPositions = Set(try store.snapshotPositions(named: snapshotName).filter { $0 <= head.position })
            storedIndex = try store.snapshots(prefix: AuditIndex.prefix(plan))
        } catch {
            throw .store(error)
        }
        let indexHead = storedIndex.first { $0.name == AuditIndex.headName(plan) }
            .flatMap { UInt64(String(decoding: $0.bytes, as: UTF8.self)) } ?? 0

        // The replay, with what it derives.
        var state = PlanState.empty
        var expected = AuditIndex.Pending()
        var eventPositions: Set<UInt64> = []
        var versionOfPosition: [UInt64: UInt64] = [:]
        try PlanStreams.forEachPage(store, plan: plan, fromVersion: 1, upTo: head.position) { (page) throws(EngineError) in
            for record in page where record.streamVersion <= head.version {
                Plan.apply(CollectionOfOne(record.event), to: &state)
                eventPositions.insert(record.position)
                versionOfPosition[record.position] = record.streamVersion
                AuditIndex.add(record, to: &expected)
                if case let .versionAdopted(adopted) = record.event,
                   let version = state.versions.first(where: { $0.label == adopted.label }),
                   version.contentHash != state.contentHash {
                    found("die Fassung '\(version.label)' (Position \(record.position)) stimmt nicht mehr mit dem bei ihrem Beschluss versiegelten Inhalts-Hash überein",
                          "version '\(version.label)' (position \(record.position)) no longer matches the content hash sealed at its adoption")
                }
                if snapshotPositions.contains(record.position) {
                    let fetched: Snapshot?
                    do throws(EventStoreError) { fetched = try store.snapshot(named: snapshotName, atOrBefore: record.position) } catch { throw .store(error) }
                    // Gone meanwhile (a `replay` in another process rebuilds them): nothing left to mislead a read.
                    if let stored = fetched, stored.position == record.position,
                       let problem = Self.compare(stored, plan: plan, with: state, at: record) {
                        found("der Zwischenstand an Position \(record.position) \(problem.de)", "the snapshot at position \(record.position) \(problem.en)")
                    }
                }
            }
        }
        for position in snapshotPositions.sorted() where !eventPositions.contains(position) {
            found("der Zwischenstand an Position \(position) steht an keinem Ereignis des Plans", "the snapshot at position \(position) does not sit at an event of the plan")
        }

        // The index: what is stored must be what the log says; what the log says must be stored up to the index head.
        let indexedUpTo = min(indexHead, head.version)
        var wanted: [String: [UInt64: [UInt8]]] = [:]
        for entry in AuditIndex.entries(from: expected, plan: plan) { wanted[entry.name, default: [:]][entry.position] = entry.bytes }
        var seen: Set<String> = []
        for entry in storedIndex where entry.name != AuditIndex.headName(plan) {
            if entry.position > head.position {
                // Beyond the view: fine if it is a later event of this plan (indexed by a writer meanwhile), forged
                // if the log has no such event of the plan.
                let later: RecordedEvent?
                do throws(EventStoreError) { later = try store.event(at: entry.position) } catch { throw .store(error) }
                if let later, later.streamID == PlanStreams.streamID(plan), later.streamVersion > head.version { continue }
                found("der Eintrag '\(entry.name)' des Prüfindex an Position \(entry.position) nennt ein Ereignis, das nicht zum Plan gehört",
                      "the audit index entry '\(entry.name)' at position \(entry.position) names an event that is not the plan's")
                continue
            }
            let key = "\(entry.name)@\(entry.position)"
            seen.insert(key)
            guard let want = wanted[entry.name]?[entry.position] else {
                found("der Eintrag '\(entry.name)' des Prüfindex an Position \(entry.position) nennt ein Ereignis, das ihn nicht gesetzt hat",
                      "the audit index entry '\(entry.name)' at position \(entry.position) names an event that did not set it")
                continue
            }
            if want != entry.bytes {
                let stored = String(decoding: entry.bytes, as: UTF8.self), logged = String(decoding: want, as: UTF8.self)
                found("der Eintrag '\(entry.name)' des Prüfindex an Position \(entry.position) sagt '\(stored)', das Protokoll sagt '\(logged)'",
                      "the audit index entry '\(entry.name)' at position \(entry.position) says '\(stored)', the log says '\(logged)'")
            }
        }
        for (name, positions) in wanted.sorted(by: { $0.key < $1.key }) {
            for position in positions.keys.sorted() where (versionOfPosition[position] ?? .max) <= indexedUpTo {
                if !seen.contains("\(name)@\(position)") {
                    found("dem Prüfindex fehlt der Eintrag '\(name)' an Position \(position), unterhalb seines Kopfes (Version \(indexHead))",
                          "the audit index lacks the entry '\(name)' at position \(position), below its head (version \(indexHead))")
                }
            }
        }
        return findings
    }

    /// Why a stored snapshot does not hold `state` at `streamVersion`, or nil when it does (or is of an older
    /// format, or another state layout, that is never read).
    static func compare(_ stored: Snapshot, plan: Identifier, with state: PlanState, at record: PlanEventAt) -> Wording? {
        let snapshot: StateSnapshot
        do throws(BinaryDecodingError) {
            snapshot = try StateSnapshot.decode(stored.bytes, plan: plan, position: stored.position)
        } catch {
            if StateSnapshot.isOlderFormat(stored.bytes) || StateSnapshot.isOtherLayout(error) { return nil }
            // The decoder's own words are English; German names the place only (byte and field).
            return Wording(de: "ist beschädigt: Byte \(error.offset), Feld \(error.field)", en: "is damaged: \(error)")
        }
        if snapshot.streamVersion != record.streamVersion {
            return Wording(de: "gibt die Stromversion \(snapshot.streamVersion) an, das Protokoll hat dort Version \(record.streamVersion)",
                           en: "claims stream version \(snapshot.streamVersion), the log has version \(record.streamVersion) there")
        }
        if snapshot.chainHash != record.hash {
            return Wording(de: "ist an den Ketten-Hash \(snapshot.chainHash) gebunden, der Datensatz des Protokolls dort hat \(record.hash)",
                           en: "is bound to chain hash \(snapshot.chainHash), the log's record there has \(record.hash)")
        }
        if snapshot.state != state {
            return Wording(de: "enthält einen anderen Stand als das Protokoll an dieser Stelle", en: "holds a state that differs from the log's at that point")
        }
        return nil
    }
}
