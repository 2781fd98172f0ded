import EventStore
import Foundation
import StoreTestSupport
import Testing

@Suite("Resource limits", .serialized, .timeLimit(.minutes(5)))
struct ResourceTests {
    @Test("a full disk gives a clear error, loses no acknowledged event, and the store works again once there is space",
          .enabled(if: SmallFileSystem.canMount, "needs root and mount (tmpfs)"))
    func fullDisk() throws {
        let fs = SmallFileSystem()
        try #require(try fs.mount(size: "3m"))
        defer { fs.unmount() }
        // A filler file that is deleted later, to make room again.
        _ = FileManager.default.createFile(atPath: fs.path + "/filler", contents: Data(count: 512 << 10))
        var acknowledged: [AppendResult] = []
        var failure: EventStoreError?
        do {
            let store = try EventStore(path: fs.path + "/store", configuration: .init(initialMapSize: 64 << 10))
            for batch in 0..<1_000 {
                do throws(EventStoreError) {
                    acknowledged.append(try store.append(to: "plan", events: (0..<50).map { sampleEvent("batch \(batch) event \($0) " + String(repeating: "x", count: 200)) }))
                } catch {
                    failure = error
                    break
                }
            }
        }
        let error = try #require(failure, "the disk never filled")
        guard case let .writeFailed(path, code) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(path.hasSuffix("/store") && (code == ENOSPC || code == EIO))
        #expect(error.description.contains("the disk may be full or the file system read-only — nothing of this write was recorded"))
        #expect(!acknowledged.isEmpty)
        try FileManager.default.removeItem(atPath: fs.path + "/filler")
        let store = try EventStore(path: fs.path + "/store")
        #expect(try store.verify(checkIndexes: true).isIntact)
        #expect(try store.head()?.position == acknowledged.last?.lastPosition)
        #expect(try store.append(to: "plan", events: [sampleEvent("after the disk was full")]).firstPosition == acknowledged.last!.lastPosition + 1)
    }

    @Test("a file system remounted read-only between writes: writes are refused clearly, reads still work, nothing is lost",
          .enabled(if: SmallFileSystem.canMount, "needs root and mount (tmpfs)"))
    func readOnlyFileSystem() throws {
        let fs = SmallFileSystem()
        try #require(try fs.mount(size: "64m"))
        defer { _ = fs.remount(readOnly: false); fs.unmount() }
        let path = fs.path + "/store"
        var head: ChainHead?
        do {
            let store = try EventStore(path: path)
            for index in 0..<100 { _ = try store.append(to: "plan", events: [sampleEvent("event \(index)")]) }
            head = try store.head()
        }
        // The kernel refuses to remount while files are open for writing, so this happens between writers.
        #expect(fs.remount(readOnly: true))
        do {
            _ = try EventStore(path: path)
            Issue.record("a store on a read-only file system was opened for writing")
        } catch {
            #expect(error == .writeFailed(path: path, errno: EROFS), "\(error)")
        }
        let reader = try EventStore(path: path, configuration: .init(readOnly: true))
        #expect(try reader.head() == head)
        #expect(try reader.verify(checkIndexes: true).isIntact)
        #expect(throws: EventStoreError.readOnly(path: reader.path)) { try reader.append(to: "plan", events: [sampleEvent("x")]) }
    }

    @Test("the map grows across many resizes while another process holds a read transaction")
    func growthWithForeignReader() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        do { _ = try EventStore(path: directory.path, configuration: .init(initialMapSize: 64 << 10)) }
        let reader = try HelperProcess(["hold-reader", "--store", directory.path])
        defer { reader.kill() }
        let deadline = Date().addingTimeInterval(10)
        while reader.collectedLines.isEmpty && Date() < deadline { try await Task.sleep(for: .milliseconds(5)) }
        try #require(reader.collectedLines == ["holding"])
        let store = try EventStore(path: directory.path, configuration: .init(durability: .relaxed, initialMapSize: 64 << 10))
        for batch in 0..<40 {
            _ = try await store.append(to: "s", events: (0..<1_000).map { sampleEvent("\(batch)/\($0) with text to take room") })
        }
        let statistics = try store.statistics()
        #expect(statistics.eventCount == 40_000)
        #expect(statistics.mapGrowths >= 5)
        #expect(statistics.activeReaders >= 1)
        #expect(try store.verify(checkIndexes: true).isIntact)
    }
}
