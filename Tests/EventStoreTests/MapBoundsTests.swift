import Foundation
import EventStore
import Testing

/// The bounds check finds LMDB's map in /proc/self/maps. A process can hold more than one mapping of data.mdb
/// (an environment of the same file closing on another thread, or any other mapping of it): the check must never
/// take the wrong one and report sound values as damage.
@Suite("Map bounds", .timeLimit(.minutes(3)))
struct MapBoundsTests {
    @Test("a second mapping of data.mdb of the same size does not make sound values look damaged")
    func secondMapping() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        do {
            let store = try EventStore(path: directory.path)
            for index in 0..<200 {
                _ = try store.append(to: "s-\(index % 7)", events: [EventData(type: "t", encoding: "bytes", payload: Array(repeating: UInt8(index % 251), count: 3_000))])
            }
        }
        // Another mapping of the file, of exactly the size LMDB will map, made before the store is opened again.
        let descriptor = open(directory.path + "/data.mdb", O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let size = 64 << 20
        // Many small mappings, so that /proc/self/maps is far longer than the 4 KiB a naive read returns ...
        var filler: [UnsafeMutableRawPointer] = []
        defer { for pointer in filler { munmap(pointer, 8192) } }
        for index in 0..<2_000 {
            // Low addresses (as hints), so that they are listed before LMDB's map.
            let hint = UnsafeMutableRawPointer(bitPattern: 0x2_0000_0000 + index * 0x10000)
            guard let pointer = mmap(hint, 8192, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), pointer != MAP_FAILED else { continue }
            mprotect(pointer, 4096, index % 2 == 0 ? PROT_NONE : PROT_READ)  // split, so the kernel cannot merge them
            filler.append(pointer)
        }
        // ... and one placed low in the address space, so that it comes first there.
        let other = mmap(UnsafeMutableRawPointer(bitPattern: 0x1_0000_0000), size, PROT_READ, MAP_SHARED, descriptor, 0)
        try #require(other != MAP_FAILED)
        defer { munmap(other, size) }
        for readOnly in [false, true] {
            let store = try EventStore(path: directory.path, configuration: .init(readOnly: readOnly))
            var cursor = store.events(from: 1)
            var count = 0
            while try cursor.next() != nil { count += 1 }
            #expect(count == 200)
            #expect(try store.verify(checkIndexes: true).isIntact)
        }
    }

    @Test("writing looks up the map once at opening, not again for the values of its own copied pages")
    func noLookupPerValue() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try EventStore(path: directory.path)
        for writer in 0..<16 {
            _ = try await store.append(to: "w-\(writer)", events: [EventData(type: "t", encoding: "bytes", payload: [UInt8(writer)])])
        }
        let before = try store.mapLookups()
        let statisticsBefore = try store.statistics()
        // Concurrent appends share transactions: each reads its stream's head, which an earlier append of the same
        // transaction may have left in a copied page outside the map.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<16 {
                group.addTask {
                    for index in 0..<40 {
                        _ = try await store.append(to: "w-\(writer)", events: [EventData(type: "t", encoding: "bytes", payload: [UInt8(writer), UInt8(index)])])
                    }
                }
            }
            try await group.waitForAll()
        }
        let after = try store.mapLookups()
        let statisticsAfter = try store.statistics()
        let requests = statisticsAfter.appendRequests - statisticsBefore.appendRequests
        let transactions = statisticsAfter.transactionsCommitted - statisticsBefore.transactionsCommitted
        #expect(requests == 640)
        #expect(transactions < requests, "the appends shared transactions")
        // Other tests open and close stores meanwhile: each such change, and one before the first count, may make
        // this store look once more. Looking for every value read from a copied page would be hundreds of times.
        #expect(after.lookups - before.lookups <= after.mappingChanges - before.mappingChanges + 1)
        #expect(try store.verify(checkIndexes: true).isIntact)
    }
}
