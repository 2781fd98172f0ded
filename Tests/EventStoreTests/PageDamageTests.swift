@testable import EventStore
import Foundation
import StoreTestSupport
import Testing

@Suite("Damaged pages", .timeLimit(.minutes(5)))
struct PageDamageTests {
    /// A store of `count` small events in one stream, written in one transaction.
    func makeStore(_ directory: TemporaryDirectory, count: Int) throws {
        let store = try EventStore(path: directory.path)
        _ = try store.append(to: "plan", events: (1...count).map { sampleEvent("event \($0) " + String(repeating: "x", count: 60)) })
    }

    /// Verifies the store read-only and returns the damaged page it reports.
    func damagedPage(_ directory: TemporaryDirectory) throws -> DamagedPage {
        let report = try EventStore(path: directory.path, configuration: .init(readOnly: true)).verify(checkIndexes: true)
        let failure = try #require(report.failure, "verify found nothing")
        #expect(failure.kind == .damagedPage, "\(failure)")
        #expect(report.eventsChecked == 0)
        return try #require(failure.damagedPage)
    }

    /// A store whose log has several levels, overflow values, several streams, and free pages from deleted
    /// snapshots.
    func makeMixedStore(_ directory: TemporaryDirectory) throws {
        let store = try EventStore(path: directory.path)
        for round in 0..<20 {
            _ = try store.append(to: "plan:\(round % 3)", events: (0..<40).map { index in
                sampleEvent("round \(round) event \(index) " + String(repeating: "y", count: index == 0 ? 9_000 : 150))
            })
            try store.saveSnapshot([UInt8](repeating: UInt8(round), count: 5_000), name: "snap", position: UInt64(round))
            if round % 4 == 3 { try store.deleteSnapshots(named: "snap") }
        }
    }

    @Test("an intact store of many pages passes the structural check, and its counts agree with LMDB's", .timeLimit(.minutes(2)))
    func intact() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try makeMixedStore(directory)
        let store = try EventStore(path: directory.path, configuration: .init(readOnly: true))
        #expect(try store.shared.environment.checkPages() == nil)
        let report = try store.verify(checkIndexes: true)
        #expect(report.isIntact && report.eventsChecked == 800)
    }

    @Test("a branch entry pointing past the last page names the log page and the positions below it", .timeLimit(.minutes(2)))
    func childBeyondTheFile() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try makeMixedStore(directory)
        var file = try StoreFile(directory.dataFile)
        let root = try file.root("log")
        let entries = file.nodes(root)
        try #require(entries.count >= 3, "the log should have a branch root")
        // Entry 1's child holds the positions from entry 1's key up to the one before entry 2's key.
        let first = UInt64(bigEndian: file.key(ofNode: entries[1]).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
        let next = UInt64(bigEndian: file.key(ofNode: entries[2]).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
        file.setU16(entries[1] + 2, 0x0100)  // the child's page number becomes 2^24 and more
        try file.write()

        let page = try damagedPage(directory)
        #expect(page.database == .log && page.page == root && page.offset == root * 4096)
        #expect(page.firstPosition == first && page.lastPosition == next - 1)
        #expect(page.problem.contains("entry 1 points to page"), "\(page)")
    }

    @Test("an overflow value whose pages do not say so is found at its position", .timeLimit(.minutes(2)))
    func overflowCount() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try makeMixedStore(directory)
        var file = try StoreFile(directory.dataFile)
        // Position 41 (round 1, event 0) holds 9,000 bytes of payload: three overflow pages.
        let key = withUnsafeBytes(of: UInt64(41).bigEndian) { Array($0) }
        let leaf = try #require((2..<UInt64(file.bytes.count / 4096)).first { page in
            file.u16(Int(page) * 4096 + 10) & 0x02 != 0 && file.nodes(page).contains { file.key(ofNode: $0) == key }
        })
        let node = try #require(file.nodes(leaf).first { file.key(ofNode: $0) == key })
        try #require(file.u16(node + 4) == 0x01, "position 41 should be on overflow pages")
        let overflow = file.u64(node + 16)
        file.bytes[Int(overflow) * 4096 + 12] ^= 0x40  // mp_pages
        try file.write()

        let page = try damagedPage(directory)
        #expect(page.database == .log && page.page == overflow)
        #expect(page.firstPosition == 41 && page.lastPosition == 41)
        #expect(page.problem.contains("spans"), "\(page)")
    }

    @Test("a named database's record that points outside the file is damage of LMDB's main database, also when opening",
          .timeLimit(.minutes(2)))
    func recordOutsideTheFile() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try makeMixedStore(directory)
        var file = try StoreFile(directory.dataFile)
        let record = try file.record("log")
        file.setU64(record + 40, 1 << 40)
        try file.write()
        // Opening reads the log's last record, so the open itself refuses.
        do {
            _ = try EventStore(path: directory.path, configuration: .init(readOnly: true))
            Issue.record("a store whose log starts outside the file was opened")
        } catch {
            guard case let .damagedPage(_, page) = error else { throw error }
            #expect(page.database == .main)
            #expect(page.problem.contains("the log database starts at page 1099511627776"), "\(page)")
            #expect(error.description.hasPrefix("store file is damaged: "))
        }
    }

    @Test("meta pages holding transactions they never hold are found: on opening when LMDB would use one, by verify otherwise",
          .timeLimit(.minutes(2)))
    func metaTransactions() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try makeMixedStore(directory)
        let intact = try StoreFile(directory.dataFile)
        let older = 1 - intact.newestMeta
        let transaction = intact.u64(older * 4096 + 144)

        // Far ahead and of the wrong parity: LMDB would take the older snapshot for the newest.
        var ahead = intact
        ahead.setU64(older * 4096 + 144, transaction + 1_000_001)
        try ahead.write()
        do {
            _ = try EventStore(path: directory.path, configuration: .init(readOnly: true))
            Issue.record("a meta page with an impossible transaction was used")
        } catch {
            guard case let .damagedPage(_, page) = error else { throw error }
            #expect(page.database == .metaPages && page.page == UInt64(older))
            #expect(page.problem.contains("never holds"), "\(page)")
        }

        // Behind by two: LMDB ignores that page, the store opens, and verify names it.
        var behind = intact
        behind.setU64(older * 4096 + 144, transaction - 2)
        try behind.write()
        let report = try EventStore(path: directory.path, configuration: .init(readOnly: true)).verify()
        let page = try #require(report.failure?.damagedPage)
        #expect(page.database == .metaPages && page.page == UInt64(older))
        #expect(page.problem.contains("consecutive"), "\(page)")
    }

    @Test("a meta page whose last page or map size no file can have is refused before LMDB maps the file",
          .timeLimit(.minutes(2)))
    func metaLastPage() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try makeMixedStore(directory)
        var file = try StoreFile(directory.dataFile)
        let newest = file.newestMeta
        // mm_last_pg: LMDB would try to map petabytes and fail with ENOMEM.
        file.bytes[newest * 4096 + 142] ^= 0x77
        try file.write()
        for readOnly in [true, false] {
            do {
                _ = try EventStore(path: directory.path, configuration: .init(readOnly: readOnly))
                Issue.record("a meta page with an impossible last page was used")
            } catch {
                guard case let .damagedPage(_, page) = error else { throw error }
                #expect(page.database == .metaPages && page.page == UInt64(newest))
                #expect(page.problem.contains("beyond both data.mdb"), "\(page)")
            }
        }
        // mm_mapsize: the same, through the map size LMDB adopts from the meta page.
        file.bytes[newest * 4096 + 142] ^= 0x77
        file.bytes[newest * 4096 + 38] ^= 0x40
        try file.write()
        for readOnly in [true, false] {
            do {
                _ = try EventStore(path: directory.path, configuration: .init(readOnly: readOnly))
                Issue.record("a meta page with an impossible map size was used")
            } catch {
                guard case let .damagedPage(_, page) = error else { throw error }
                #expect(page.database == .metaPages && page.page == UInt64(newest))
                #expect(page.problem.contains("more than any process can map"), "\(page)")
            }
        }
    }

    @Test("meta pages giving a page size LMDB cannot use, or two different ones, are refused before LMDB maps the file",
          .timeLimit(.minutes(2)))
    func metaPageSize() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try makeMixedStore(directory)
        let intact = try StoreFile(directory.dataFile)
        let newest = intact.newestMeta
        // mm_psize, the free database's md_pad: 0 (LMDB would divide by it), and 704 MB on the newest page (LMDB
        // would look for meta page 1 that far into the map, past the end of the file).
        for (page, value) in [(0, UInt16(0)), (newest, UInt16(0x2A00))] {
            var file = intact
            file.setU16(page * 4096 + 40, 0)
            file.setU16(page * 4096 + 42, value)
            try file.write()
            do {
                _ = try EventStore(path: directory.path, configuration: .init(readOnly: true))
                Issue.record("a meta page with a page size of \(UInt32(value) << 16) bytes was used")
            } catch {
                guard case let .damagedPage(_, damage) = error else { throw error }
                #expect(damage.database == .metaPages && damage.page == UInt64(page), "\(damage)")
                #expect(damage.problem.contains("page size"), "\(damage)")
            }
        }
    }

    @Test("a free list naming a page in use is found: LMDB would hand that page out again", .timeLimit(.minutes(2)))
    func freePageInUse() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try makeMixedStore(directory)
        var file = try StoreFile(directory.dataFile)
        let freeRoot = file.u64(file.newestMeta * 4096 + 40 + 40)
        try #require(freeRoot != UInt64.max, "the store should have free pages")
        let list = try #require(file.nodes(freeRoot).first { file.u16($0 + 4) == 0 && file.u16($0) >= 16 })
        let data = list + 8 + Int(file.u16(list + 6))
        let inUse = try file.root("ids")
        file.setU64(data + 8, inUse)  // the list's first page
        try file.write()

        let page = try damagedPage(directory)
        #expect(page.database == .free && page.page == freeRoot)
        #expect(page.problem.contains("page \(inUse) as free, but the page belongs to the database 'ids'"), "\(page)")
    }

    @Test("verify while another process commits: the structural check never takes a racing commit for damage",
          .timeLimit(.minutes(5)))
    func concurrentWriter() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try makeMixedStore(directory)
        let writer = try HelperProcess(["append", "--store", directory.path, "--stream", "busy", "--count", "4000", "--batch", "1", "--relaxed"])
        let store = try EventStore(path: directory.path, configuration: .init(readOnly: true))
        var checks = 0
        while writer.process.isRunning || checks < 3 {
            #expect(try store.shared.environment.checkPages() == nil)
            // (The chain check itself reads in several transactions and can see the indexes ahead of the log while
            // a writer commits; only the structural check is at issue here.)
            let report = try store.verify(checkIndexes: true)
            #expect(report.failure?.kind != .damagedPage, "\(report.failure.map(String.init(describing:)) ?? "")")
            checks += 1
        }
        #expect(writer.wait() == 0, "\(writer.standardError)")
        if ProcessInfo.processInfo.environment["STRATEGY_TEST_STATS"] != nil { print("structural checks during the writer's run: \(checks)") }
        #expect(try store.verify(checkIndexes: true).eventsChecked == 4_800)
    }

    @Test("a value that LMDB places past the end of data.mdb is a corrupt record at its position, not a fault",
          .timeLimit(.minutes(2)))
    func valueBeyondTheFile() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try makeStore(directory, count: 300)
        var file = try StoreFile(directory.dataFile)
        // The node's data size is lo | hi << 16: make it about two gigabytes, far past the end of the file.
        let node = try file.logNode(12)
        file.setU16(node + 2, 0x7fff)
        try file.write()

        let store = try EventStore(path: directory.path, configuration: .init(readOnly: true))
        #expect(try store.event(at: 11)?.position == 11)
        do {
            _ = try store.event(at: 12)
            Issue.record("the damaged record was read")
        } catch {
            guard case let .corruptRecord(position, reason) = error else { throw error }
            #expect(position == 12)
            #expect(reason.en.contains("outside the") && reason.en.contains("database 'log'"), "\(reason.en)")
        }
        var cursor = store.events()
        #expect(throws: EventStoreError.self) { try cursor.collect() }
        // The records before it are still readable through a cursor whose pages end before it.
        var before = try EventStore(path: directory.path, configuration: .init(readOnly: true, readPageSize: 11)).events()
        #expect(try before.collect(limit: 11).map(\.position) == Array(1...11))
    }
}
