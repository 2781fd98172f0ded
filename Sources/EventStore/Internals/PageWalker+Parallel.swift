internal import Foundation
internal import Synchronization

// The walk of a large tree on several cores: the subtrees below its root are divided among the cores, each walked
// by its own copy of the walker, and the copies' findings merged. Only an intact tree is decided this way; whatever
// a copy finds wrong — damage, a page reached twice, leaves at different depths — makes the tree be walked again
// in order on one core, so the damage reported is always the one the ordered walk meets first.

extension PageWalker {
    /// How many trees were decided on several cores, and how many were sent back to the ordered walk, in this
    /// process (for tests: see ``EventStore/splitPageWalks()``).
    static let splitWalks = Atomic<Int>(0)
    static let orderedAgain = Atomic<Int>(0)

    /// Trees with fewer leaf pages are walked on one core: dividing them costs more than it saves.
    static let pagesWorthSplitting: UInt64 = 1_024

    /// Walks the pages below root page `page` (held in `bytes`, its entries at `nodes`) on several cores; true when
    /// every subtree was intact and the walker's state now holds what the ordered walk would have found, false
    /// (with the state unchanged) when the ordered walk must decide.
    ///
    /// Each core walks a run of the root's entries with its own copy of the walker, which starts from the pages
    /// already owned by the trees walked before. Afterwards the pages each copy claimed are merged; a page claimed
    /// by two copies, differing leaf depths, or any damage a copy met sends the tree back to the ordered walk.
    ///
    /// - Complexity: O(*p* / *c*) page reads and checks for *p* pages below the root on *c* cores, plus O(*p*·*c*)
    ///   byte comparisons to merge the pages the copies claimed.
    mutating func walkChildrenInParallel(
        of page: UInt64, _ bytes: [UInt8], nodes: [(offset: Int, keySize: Int)], lower: [UInt8]?, upper: [UInt8]?
    ) -> Bool {
        let decided = splitWalk(of: page, bytes, nodes: nodes, lower: lower, upper: upper)
        if decided {
            Self.splitWalks.wrappingAdd(1, ordering: .relaxed)
        } else {
            Self.orderedAgain.wrappingAdd(1, ordering: .relaxed)
        }
        return decided
    }

    private mutating func splitWalk(
        of page: UInt64, _ bytes: [UInt8], nodes: [(offset: Int, keySize: Int)], lower: [UInt8]?, upper: [UInt8]?
    ) -> Bool {
        let workers = min(Parallelism.cores, nodes.count)
        let share = (nodes.count + workers - 1) / workers
        var base = self
        base.splitsRoot = false
        base.counts = TreeCounts()
        let start = base
        var copies = [PageWalker?](repeating: nil, count: workers)
        copies.withUnsafeMutableBufferPointer { output in
            nonisolated(unsafe) let output = output
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var copy = start
                do throws(DamagedPage) {
                    for index in (worker * share)..<min(nodes.count, (worker + 1) * share) {
                        try copy.walkChild(index, of: page, bytes, nodes: nodes, level: 0, lower: lower, upper: upper)
                    }
                    output[worker] = copy
                } catch {
                    output[worker] = nil
                }
            }
        }
        var owners = start.owners
        var found = TreeCounts()
        for copy in copies {
            guard let copy else { return false }
            if found.depth != 0 && copy.counts.depth != found.depth { return false }
            found.depth = copy.counts.depth
            found.branchPages += copy.counts.branchPages
            found.leafPages += copy.counts.leafPages
            found.overflowPages += copy.counts.overflowPages
            found.entries += copy.counts.entries
            let claimed = copy.owners.withUnsafeBufferPointer { mine in
                start.owners.withUnsafeBufferPointer { before in
                    owners.withUnsafeMutableBufferPointer { merged in
                        for index in 0..<merged.count where mine[index] != before[index] {
                            guard merged[index] == before[index] else { return false }
                            merged[index] = mine[index]
                        }
                        return true
                    }
                }
            }
            guard claimed else { return false }
        }
        self.owners = owners
        counts.depth = found.depth
        counts.branchPages += found.branchPages
        counts.leafPages += found.leafPages
        counts.overflowPages += found.overflowPages
        counts.entries += found.entries
        return true
    }
}

extension EventStore {
    /// How many trees the structural check of this process walked on several cores, and how many it walked again
    /// in order because a core found something wrong (for tests).
    package static func splitPageWalks() -> (split: Int, orderedAgain: Int) {
        (PageWalker.splitWalks.load(ordering: .relaxed), PageWalker.orderedAgain.load(ordering: .relaxed))
    }
}
