// A child process for EventStore's tests: the crash test kills it while it appends, the multi-process tests run
// several at once, and the permission test runs it as an unprivileged user. Not part of any product.
//
//   eventstore-helper append --store PATH --stream ID --count N [--batch K] [--tag TEXT] [--relaxed]
//       Appends N events (K per append), printing "ack FIRST LAST ID…" after each acknowledged append.
//   eventstore-helper hold-reader --store PATH
//       Creates the store, then opens a raw LMDB read transaction on it, prints "holding" and sleeps.
//   eventstore-helper read-only --store PATH [--user UID]
//       Drops to UID if given, opens the store read-only, prints "events N", "verify intact|broken …"
//       and "append refused: …", and exits 0.
import CLMDB
import EventStore
import Foundation

func argument(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

/// Writes a line to standard output at once (unbuffered), so a kill right after loses nothing already said.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("eventstore-helper: \(message)\n".utf8))
    exit(1)
}

guard CommandLine.arguments.count > 1 else { fail("missing command") }
guard let path = argument("--store") else { fail("missing --store") }

switch CommandLine.arguments[1] {
case "append":
    let stream = argument("--stream") ?? "stream"
    let count = Int(argument("--count") ?? "100") ?? 100
    let batch = max(1, Int(argument("--batch") ?? "1") ?? 1)
    let tag = argument("--tag") ?? "helper"
    let relaxed = CommandLine.arguments.contains("--relaxed")
    do {
        let store = try EventStore(path: path, configuration: .init(durability: relaxed ? .relaxed : .durable, initialMapSize: 64 << 10))
        var written = 0
        while written < count {
            let size = min(batch, count - written)
            let events = (0..<size).map { index in
                EventData(
                    type: "helper.appended", encoding: "text",
                    metadata: EventMetadata(actor: tag, attributes: ["n": String(written + index)]),
                    payload: Array("\(tag) event \(written + index) ".utf8) + [UInt8](repeating: 0x2E, count: 200))
            }
            let result = try store.append(to: stream, events: events)
            let ids = events.map { $0.id.uuidString.lowercased() }.joined(separator: " ")
            say("ack \(result.firstPosition) \(result.lastPosition) \(ids)")
            written += size
        }
        if relaxed { try store.flush() }
        say("done")
    } catch {
        fail("\(error)")
    }

case "read-only":
    if let user = argument("--user"), let uid = UInt32(user) {
        guard setgid(uid) == 0, setuid(uid) == 0 else { fail("cannot drop privileges to \(uid)") }
    }
    do {
        let store = try EventStore(path: path, configuration: .init(readOnly: true))
        say("events \(try store.statistics().eventCount)")
        let report = try store.verify(checkIndexes: true)
        say(report.isIntact ? "verify intact \(report.head.map(String.init(describing:)) ?? "empty")" : "verify broken \(report.failure!)")
        do {
            _ = try store.append(to: "x", events: [EventData(type: "t", encoding: "text", payload: [])])
            say("append accepted")
        } catch {
            say("append refused: \(error)")
        }
    } catch {
        fail("\(error)")
    }

case "hold-reader":
    do { _ = try EventStore(path: path) } catch { fail("\(error)") }
    var env: OpaquePointer?
    mdb_env_create(&env)
    mdb_env_set_maxdbs(env, 16)
    guard mdb_env_open(env, path, UInt32(MDB_NOTLS), 0o644) == 0 else { fail("mdb_env_open failed") }
    var txn: OpaquePointer?
    guard mdb_txn_begin(env, nil, UInt32(MDB_RDONLY), &txn) == 0 else { fail("mdb_txn_begin failed") }
    say("holding")
    while true { sleep(60) }

default:
    fail("unknown command \(CommandLine.arguments[1])")
}
