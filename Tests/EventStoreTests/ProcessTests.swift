import EventStore
import Foundation
import Testing

@Suite("Crashes and other processes", .serialized, .timeLimit(.minutes(10)))
struct ProcessTests {
    @Test("SIGKILL at random moments, 20 times: the store opens, verifies, and holds every acknowledged event")
    func crashes() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var acknowledged: [Acknowledgement] = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            let batch = [1, 1, 3, 50][round % 4]
            let child = try HelperProcess([
                "append", "--store", directory.path, "--stream", "crash-\(round % 3)", "--count", "100000",
                "--batch", String(batch), "--tag", "round\(round)",
            ])
            // Let the child get going (open, maybe create the store), then kill it at a random moment.
            let deadline = Date().addingTimeInterval(10)
            while child.collectedLines.isEmpty && Date() < deadline { try await Task.sleep(for: .milliseconds(5)) }
            try await Task.sleep(for: .milliseconds(Int.random(in: 0...150, using: &generator)))
            child.kill()
            let acks = child.collectedLines.compactMap(Acknowledgement.init)
            #expect(!acks.isEmpty, "round \(round): the child acknowledged nothing; stderr: \(child.standardError)")
            acknowledged += acks

            let store = try EventStore(path: directory.path)
            let report = try store.verify(checkIndexes: true)
            #expect(report.isIntact, "round \(round): \(report.failure.map(String.init(describing:)) ?? "")")
            for ack in acks {
                for (offset, id) in ack.ids.enumerated() {
                    let event = try store.event(id: id)
                    #expect(event?.position == ack.firstPosition + UInt64(offset), "round \(round): acknowledged \(id) lost")
                }
            }
        }
        // Everything acknowledged in any round is still there at the end.
        let store = try EventStore(path: directory.path)
        for ack in acknowledged {
            #expect(try store.event(at: ack.lastPosition)?.id == ack.ids.last)
        }
        #expect(try store.verify(checkIndexes: true).isIntact)
    }

    @Test("two processes append to the same store at once: nothing lost, nothing doubled, positions gap-free")
    func twoProcesses() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        do { _ = try EventStore(path: directory.path) }  // create it first, so both children open an existing store
        let children = try (0..<2).map { index in
            try HelperProcess([
                "append", "--store", directory.path, "--stream", index == 0 ? "shared" : "shared",
                "--count", "300", "--batch", index == 0 ? "1" : "2", "--tag", "p\(index)",
            ])
        }
        for child in children { #expect(child.wait() == 0, "\(child.standardError)") }
        let acks = children.map { $0.collectedLines.compactMap(Acknowledgement.init) }
        let ids = acks.flatMap { $0.flatMap(\.ids) }
        #expect(ids.count == 600)
        #expect(Set(ids).count == 600)

        let store = try EventStore(path: directory.path)
        var cursor = store.events()
        let events = try cursor.collect()
        #expect(events.map(\.position) == Array(1...600))
        #expect(events.map(\.streamVersion) == Array(1...600))
        #expect(Set(events.map(\.id)) == Set(ids))
        // Both processes really interleaved their appends.
        let actors = events.map { $0.metadata.actor ?? "" }
        let switches = zip(actors, actors.dropFirst()).filter { $0 != $1 }.count
        #expect(switches > 1)
        #expect(try store.verify(checkIndexes: true).isIntact)
    }

    @Test("a reader slot left by a killed process is freed when the store is opened (mdb_reader_check)")
    func staleReader() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        func holdReader() async throws -> HelperProcess {
            let child = try HelperProcess(["hold-reader", "--store", directory.path])
            let deadline = Date().addingTimeInterval(10)
            while child.collectedLines.isEmpty && Date() < deadline { try await Task.sleep(for: .milliseconds(5)) }
            try #require(child.collectedLines == ["holding"], "\(child.standardError)")
            return child
        }
        // While `survivor` keeps the environment open, LMDB does not reset its reader table on open, so the
        // killed process's slot stays taken until someone runs mdb_reader_check.
        let killed = try await holdReader()
        let survivor = try await holdReader()
        defer { survivor.kill() }
        killed.kill()
        let store = try EventStore(path: directory.path)
        #expect(try store.statistics().activeReaders == 1)
    }
}
