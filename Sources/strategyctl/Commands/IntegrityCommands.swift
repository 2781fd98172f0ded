import ArgumentParser
import Foundation
import Projections
import StrategyCore

/// `strategyctl replay`: rebuilds the read models from the log.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: Terminal.say(
            "Die Lesemodelle (Zwischenstände, Verlaufsindex) aller Pläne aus dem Ereignisprotokoll neu aufbauen.",
            "Rebuild the read models (snapshots, audit index) of every plan from the log."),
        discussion: Terminal.say(
            "Mit --to wird nur bis zu einer Position abgespielt und nichts geschrieben. Bei einem Speicher, der nur gelesen werden kann, "
                + "wird ebenfalls nichts geschrieben. Abgeleitete Daten, die dem Ereignisprotokoll widersprachen, werden nach dem Neuaufbau "
                + "aufgeführt, mit dem Rückgabewert 3.",
            "With --to, replays up to a position in memory and writes nothing. On a read-only store nothing is written either. "
                + "Derived data that disagreed with the log is listed after the rebuild, with exit status 3."))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var formatOptions: FormatOptions
    @Option(name: .long, help: .say("Nur bis zu dieser Position im Ereignisprotokoll abspielen.", "Replay only up to this log position.")) var to: UInt64?

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForMaintenance()
            let plans = storeOptions.plan != nil ? [try storeOptions.resolvePlan(engine)] : try engine.plans()
            var summaries: [ReplaySummary] = []
            var replaced: [Wording] = []
            for plan in plans {
                // A rebuild replaces derived data; what disagreed with the log is reported, never silently laundered.
                if to == nil && !engine.isReadOnly { replaced += try engine.checkReadModels(of: plan) }
                let progress = Terminal.Progress(Terminal.say("Neuaufbau \(plan)", "replaying \(plan)"))
                let summary = try engine.rebuildReadModels(of: plan, upTo: to ?? .max) { done, total in progress.update(done, of: total) }
                progress.finish()
                summaries.append(summary)
            }
            switch formatOptions.format {
            case .json: emit(jsonText(summaries))
            case .text, .markdown:
                for summary in summaries {
                    if Terminal.language == .de {
                        let speed = String(format: "%.3f s (%.0f Ereignisse/s)", summary.seconds, summary.eventsPerSecond)
                            .replacingOccurrences(of: ".", with: ",")
                        emit("\(counted(summary.events, "Ereignis", "Ereignisse")) von Plan '\(summary.plan)' bis Position \(summary.position) abgespielt in \(speed)"
                             + "; \(counted(summary.counts.fields, "Handlungsfeld", "Handlungsfelder")), \(counted(summary.counts.goals, "Ziel", "Ziele")), "
                             + counted(summary.counts.measures, "Maßnahme", "Maßnahmen")
                             + (summary.snapshotsWritten > 0 ? "; \(counted(summary.snapshotsWritten, "Zwischenstand", "Zwischenstände")) geschrieben" : ""))
                    } else {
                        emit("replayed \(summary.events) events of plan '\(summary.plan)' up to position \(summary.position) in "
                             + String(format: "%.3f s (%.0f events/s)", summary.seconds, summary.eventsPerSecond)
                             + "; \(summary.counts.fields) fields, \(summary.counts.goals) goals, \(summary.counts.measures) measures"
                             + (summary.snapshotsWritten > 0 ? "; \(summary.snapshotsWritten) snapshots written" : ""))
                    }
                }
                if plans.isEmpty { emit(Terminal.say("der Speicher enthält keinen Plan", "the store holds no plan")) }
            }
            if !replaced.isEmpty {
                throw CommandFailure(
                    message: Terminal.say(
                        "abgeleitete Daten widersprachen dem Ereignisprotokoll und wurden daraus neu aufgebaut:\n  ",
                        "derived data disagreed with the log and was rebuilt from it:\n  ") + replaced.map { $0(Terminal.language) }.joined(separator: "\n  "),
                    hint: Terminal.say(
                        "das Ereignisprotokoll ist unverändert und jetzt vollständig abgebildet; diese Ausgabe als Nachweis der ersetzten Einträge "
                            + "aufbewahren (ein abweichender Zwischenstand oder Indexeintrag wurde beschädigt oder außerhalb von strategyctl bearbeitet)",
                        "the log is unchanged and now fully reflected; keep this output as a record of the replaced entries "
                            + "(a snapshot or index entry that disagrees was damaged or edited outside strategyctl)"),
                    status: .integrityFailure)
            }
        }
    }
}

/// A count with its noun in the singular or the plural ("1 Ziel", "3 Ziele").
private func counted(_ count: some BinaryInteger, _ one: String, _ many: String) -> String {
    "\(count) \(count == 1 ? one : many)"
}

/// `strategyctl verify`: the hash chain, the indexes, and the read models against a fresh replay.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: Terminal.say(
            "Die Hash-Kette, die Indizes und die Lesemodelle jedes Plans prüfen; den Kettenkopf zum Zitieren ausgeben.",
            "Check the hash chain, the indexes and every plan's read models; print the head to cite."),
        discussion: Terminal.say(
            """
            Endet mit dem Rückgabewert 0, wenn alles stimmt, und mit 3, wenn ein Eintrag fehlt, beschädigt oder verändert ist \
            (die Meldung nennt die erste fehlerhafte Position) oder ein Lesemodell oder eine beschlossene Fassung nicht mit einem \
            erneuten Abspielen übereinstimmt. Eine Kette, die nach einer Bearbeitung neu berechnet wurde, ist in sich \
            stimmig: um auch das zu erkennen, den früher zitierten Kettenkopf (zum Beispiel aus einer Niederschrift des \
            Kreistags) mit --expect-head angeben.
            """,
            """
            Exits 0 when everything holds and 3 when a record is missing, damaged or altered (the message names the \
            first bad position) or a read model or a sealed version does not match a fresh replay. A chain \
            recomputed after an edit is consistent in itself: pass the head cited earlier (for example in a council \
            record) with --expect-head to detect that as well.
            """))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var formatOptions: FormatOptions

    @Option(name: .customLong("expect-head"), help: .say(
        "Ein früher zitierter Kettenkopf, POSITION:HASH; die Kette muss ihn noch enthalten.", "A head cited earlier, POSITION:HASH; the chain must still contain it.",
        valueName: "position:hash"))
    var expectHead: String?

    func validate() throws {
        if let expectHead, ChainHead(expectHead) == nil {
            throw ValidationError(Terminal.say(
                "--expect-head muss POSITION:HASH mit 64 Hexadezimalziffern sein, angegeben war '\(expectHead)'",
                "--expect-head must be POSITION:HASH with 64 hexadecimal digits, got '\(expectHead)'"))
        }
    }

    struct Report: Encodable {
        let intact: Bool
        let events: UInt64
        let head: ChainHead?
        let chainFailure: ChainFailure?
        let expectedHead: ChainHead?
        let planProblems: [String]
    }

    func run() async throws {
        try await reportingFailures {
            let engine = try storeOptions.openForReading()
            let progress = Terminal.Progress(Terminal.say("Prüfung", "verifying"))
            let total = try engine.head()?.position ?? 0
            let plans = storeOptions.plan != nil ? [try storeOptions.resolvePlan(engine)] : nil
            let result = try engine.verify(expectedHead: expectHead.flatMap(ChainHead.init), plans: plans) { checked in
                progress.update(Int(checked), of: Int(max(total, checked)))
            }
            progress.finish()
            let chain = result.chain
            let problems = result.findings.map { $0(Terminal.language) }
            let report = Report(intact: result.isIntact, events: chain.eventsChecked, head: chain.head,
                                chainFailure: chain.failure, expectedHead: expectHead.flatMap(ChainHead.init), planProblems: result.problems)
            switch formatOptions.format {
            case .json: emit(jsonText(report))
            case .text, .markdown:
                if chain.isIntact {
                    emit(Terminal.say(
                        "Kette intakt: \(chain.eventsChecked) Ereignisse, Indizes stimmig", "chain intact: \(chain.eventsChecked) events, indexes consistent"))
                    emit(Terminal.say("Kettenkopf", "head") + " "
                         + (chain.head.map(String.init(describing:)) ?? Terminal.say("(leeres Ereignisprotokoll)", "(empty log)")))
                    if problems.isEmpty {
                        emit(Terminal.say(
                            "Lesemodelle, Verlaufsindex und beschlossene Fassungen stimmen mit einem erneuten Abspielen des Ereignisprotokolls überein",
                            "read models, audit index and sealed versions match a replay of the log"))
                    }
                    if let expected = report.expectedHead {
                        let cited = "\(expected.position):\(expected.hash.description.prefix(12))…"
                        emit(Terminal.say("der zitierte Kettenkopf \(cited) ist Teil der Kette", "the cited head \(cited) is part of the chain"))
                    } else if let head = chain.head {
                        emit(Terminal.say(
                            "Hinweis: ein am Ende abgeschnittenes Ereignisprotokoll oder ein auf eine ältere Kopie zurückgesetzter Speicher ist in sich "
                                + "stimmig; nur ein anderswo zitierter Kettenkopf zeigt das. Diesen Kettenkopf zitieren (Niederschrift des Kreistags, "
                                + "Prüfbericht) und später prüfen mit: strategyctl verify --expect-head \(head)",
                            "note: a log cut off at its end, or a store rolled back to an older copy, is consistent in itself; "
                                + "only a head cited elsewhere shows it. Cite this head (council record, audit report) and check "
                                + "later with: strategyctl verify --expect-head \(head)"))
                    }
                }
            }
            if let failure = chain.failure {
                let hint = failure.kind == .damagedPage
                    ? Terminal.say(
                        "die Seitenstruktur von LMDB ist beschädigt, daher wurde nichts darüber gelesen; den Speicher aus einer Sicherung "
                            + "wiederherstellen und die Sicherung prüfen",
                        "LMDB's page structure is damaged, so nothing was read through it; restore the store from a backup and verify the backup")
                    : Terminal.say(
                        "das Ereignisprotokoll ist bis Position \(chain.eventsChecked) intakt; den Speicher aus einer Sicherung wiederherstellen und vergleichen",
                        "the log is intact up to position \(chain.eventsChecked); restore the store from a backup and compare")
                throw CommandFailure(message: failure.text(in: Terminal.language), hint: hint, status: .integrityFailure)
            }
            if !problems.isEmpty {
                throw CommandFailure(
                    message: problems.joined(separator: "\n" + CommandFailure.errorPrefix),
                    hint: Terminal.say(
                        "abgeleitete Daten (Zwischenstände, Verlaufsindex) widersprechen dem Ereignisprotokoll: maßgeblich ist das Ereignisprotokoll; "
                            + "'strategyctl replay' baut die abgeleiteten Daten daraus neu auf. Passt der versiegelte Hash einer Fassung nicht mehr, "
                            + "wurde das Ereignisprotokoll verändert: aus einer Sicherung wiederherstellen und vergleichen",
                        "derived data (snapshots, audit index) disagrees with the log: the log is the record; 'strategyctl replay' "
                            + "rebuilds the derived data from it. A version whose sealed hash no longer matches means the log was changed: "
                            + "restore from a backup and compare"),
                    status: .integrityFailure)
            }
        }
    }
}
