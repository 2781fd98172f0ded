import ArgumentParser
import EventStore
import Foundation

/// `strategyctl stats`: figures about the store.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Show the store's statistics: events, streams, chain head, sizes.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var formatOptions: FormatOptions

    func run() throws {
        try reportingFailures { () throws(CommandFailure) in
            let store = try storeOptions.openForReading()
            let statistics: StoreStatistics
            do { statistics = try store.statistics() } catch { throw CommandFailure(error) }
            switch formatOptions.format {
            case .json:
                emit(jsonText(statistics))
            case .text:
                let rows: [(String, String)] = [
                    ("store", statistics.path),
                    ("store id", statistics.storeID.uuidString.lowercased()),
                    ("format", "\(statistics.formatVersion) (\(statistics.lmdbVersion))"),
                    ("events", String(statistics.eventCount)),
                    ("streams", String(statistics.streamCount)),
                    ("snapshots", String(statistics.snapshotCount)),
                    ("head", statistics.head.map(String.init(describing:)) ?? "(empty log)"),
                    ("last recorded", statistics.lastRecordedAt.map { $0.formatted(.iso8601) } ?? "-"),
                    ("file size", byteCount(statistics.fileSize)),
                    ("map size", byteCount(UInt64(statistics.mapSize))),
                    ("readers", "\(statistics.activeReaders) active of \(statistics.readersMaximum)"),
                ]
                let width = rows.map(\.0.count).max() ?? 0
                for (label, value) in rows {
                    emit(label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
                }
            }
        }
    }

    private func byteCount(_ bytes: UInt64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }
}
