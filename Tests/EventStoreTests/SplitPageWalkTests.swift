@testable import EventStore
import Foundation
import StoreTestSupport
import Testing

/// The structural check walks a large tree on several cores and lets the ordered walk decide whenever a core finds
/// something wrong: an intact store is decided in parallel, and damage is reported exactly as the ordered walk
/// meets it first — also damage that no single core can see (a page two subtrees share).
@Suite("The structural check of a large tree on several cores", .timeLimit(.minutes(5)))
struct SplitPageWalkTests {
    /// Positions whose payload (9,000 bytes) lies on three overflow pages.
    static let overflowing: [UInt64] = [500, 1_000, 12_500, 13_000]

    /// A store of 14,000 events in one stream whose log has well over a thousand leaf pages, with a few values on
    /// overflow pages in both halves.
    func makeLargeStore(_ directory: TemporaryDirectory) throws {
        let store = try EventStore(path: directory.path)
        for batch in 0..<14 {
            _ = try store.append(to: "plan", events: (1...1_000).map { index in
                let position = UInt64(batch * 1_000 + index)
                let size = Self.overflowing.contains(position) ? 9_000 : 260
                return sampleEvent("event \(position) " + String(repeating: "z", count: size))
            })
        }
    }

    /// The leaf page holding `position` and the offset of its node.
    func node(of position: UInt64, in file: StoreFile) throws -> (leaf: UInt64, node: Int) {
        let key = withUnsafeBytes(of: position.bigEndian) { Array($0) }
        let leaf = try #require(try file.leaves("log").first { leaf in file.nodes(leaf).contains { file.key(ofNode: $0) == key } })
        return (leaf, try #require(file.nodes(leaf).first { file.key(ofNode: $0) == key }))
    }

    /// Verifies read-only and returns the damaged page reported (as the other page tests do).
    func damagedPage(_ directory: TemporaryDirectory) throws -> DamagedPage {
        try PageDamageTests().damagedPage(directory)
    }

    @Test("an intact large store is decided on several cores, and verify finds it intact", .timeLimit(.minutes(2)))
    func intact() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try makeLargeStore(directory)
        let leaves = try StoreFile(directory.dataFile).leaves("log")
        try #require(leaves.count >= Int(PageWalker.pagesWorthSplitting), "the log has only \(leaves.count) leaves")
        try #require(Parallelism.cores > 1, "this machine has one core")
        let before = EventStore.splitPageWalks()
        let store = try EventStore(path: directory.path, configuration: .init(readOnly: true))
        #expect(try store.shared.environment.checkPages() == nil)
        #expect(EventStore.splitPageWalks().split > before.split)
        let report = try store.verify(checkIndexes: true)
        #expect(report.isIntact && report.eventsChecked == 14_000)
    }

    @Test("a damaged leaf in the second half is reported as the ordered walk reports it", .timeLimit(.minutes(2)))
    func damagedLeafLate() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try makeLargeStore(directory)
        var file = try StoreFile(directory.dataFile)
        let leaves = try file.leaves("log")
        let late = leaves[leaves.count * 3 / 4]
        file.bytes[Int(late) * 4096 + 10] ^= 0x02  // no longer a leaf: flags 0
        try file.write()

        let before = EventStore.splitPageWalks()
        let page = try damagedPage(directory)
        #expect(EventStore.splitPageWalks().orderedAgain > before.orderedAgain)
        #expect(page.database == .log && page.page == late, "\(page)")
        #expect(page.problem.contains("mark neither a branch nor a leaf page"), "\(page)")
    }

    @Test("of two damaged leaves, one in each half, the first in key order is reported", .timeLimit(.minutes(2)))
    func twoDamagedLeaves() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try makeLargeStore(directory)
        var file = try StoreFile(directory.dataFile)
        let leaves = try file.leaves("log")
        let early = leaves[leaves.count / 4], late = leaves[leaves.count * 3 / 4]
        file.bytes[Int(late) * 4096 + 10] ^= 0x02
        file.setU64(Int(early) * 4096, early + 1)  // says it is another page
        try file.write()

        let page = try damagedPage(directory)
        #expect(page.database == .log && page.page == early, "\(page)")
        #expect(page.problem.contains("it says it is page \(early + 1)"), "\(page)")
    }

    @Test("overflow pages shared by a value in each half — intact for each core alone — are found", .timeLimit(.minutes(2)))
    func sharedOverflowPages() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try makeLargeStore(directory)
        var file = try StoreFile(directory.dataFile)
        let early = try node(of: 1_000, in: file), late = try node(of: 12_500, in: file)
        try #require(file.u16(early.node + 4) == 0x01 && file.u16(late.node + 4) == 0x01, "both values should be on overflow pages")
        let shared = file.u64(early.node + 16)
        file.setU64(late.node + 16, shared)  // the late value now points at the early value's three pages
        try file.write()

        let before = EventStore.splitPageWalks()
        let page = try damagedPage(directory)
        #expect(EventStore.splitPageWalks().orderedAgain > before.orderedAgain)
        #expect(page.database == .log && page.page == late.leaf, "\(page)")
        #expect(page.firstPosition == 12_500 && page.lastPosition == 12_500, "\(page)")
        #expect(page.problem.contains("is stored on overflow pages \(shared) to \(shared + 2), but page \(shared) belongs to"), "\(page)")
    }
}
