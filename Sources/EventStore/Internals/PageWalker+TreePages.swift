internal import Primitives

// The check of one branch or leaf page of a B-tree: its header, its place in the tree, its entries' offsets and
// the order of its keys; then, below it, its children or its leaf entries.

extension PageWalker {
    /// Checks page `page` at `level` (0 for the root), whose keys must lie in `[lower, upper)`, and every page
    /// below it.
    mutating func walkPage(_ page: UInt64, level: Int, lower: [UInt8]?, upper: [UInt8]?) throws(DamagedPage) {
        let pageSize = file.pageSize
        owners[Int(page)] = Self.code(database)
        var bytes: [UInt8] = []
        guard try readPage(page, into: &bytes) else {
            throw damage(database, page, Wording(
                de: "data.mdb endet vor ihr",
                en: "data.mdb ends before it"), lower: lower, upper: upper)
        }
        if bytes.le64(0) != page {
            throw damage(database, page, Wording(
                de: "sie gibt an, Seite \(bytes.le64(0)) zu sein", en: "it says it is page \(bytes.le64(0))"), lower: lower, upper: upper)
        }
        let flags = bytes.le16(LMDBLayout.flagsOffset)
        let type = flags & LMDBLayout.typeBits
        guard type == LMDBLayout.branchPage || type == LMDBLayout.leafPage else {
            throw damage(database, page, Wording(
                de: "ihre Flags 0x\(String(flags, radix: 16)) kennzeichnen weder eine Verzweigungs- noch eine Blattseite",
                en: "its flags 0x\(String(flags, radix: 16)) mark neither a branch nor a leaf page"), lower: lower, upper: upper)
        }
        let isLeaf = type == LMDBLayout.leafPage
        if isLeaf {
            if counts.depth == 0 { counts.depth = level + 1 }
            if counts.depth != level + 1 {
                throw damage(database, page, Wording(
                    de: "sie ist ein Blatt in Tiefe \(level + 1), die anderen Blätter des Baums liegen in Tiefe \(counts.depth)",
                    en: "it is a leaf at depth \(level + 1), the tree's other leaves are at depth \(counts.depth)"), lower: lower, upper: upper)
            }
            counts.leafPages += 1
        } else {
            if counts.depth != 0 && level + 1 >= counts.depth {
                throw damage(database, page, Wording(
                    de: "sie ist eine Verzweigungsseite in Tiefe \(level + 1), wo die Blätter des Baums liegen",
                    en: "it is a branch page at depth \(level + 1), where the tree's leaves are"), lower: lower, upper: upper)
            }
            if level + 1 >= LMDBLayout.maximumDepth {
                throw damage(database, page, Wording(
                    de: "der Baum ist tiefer als die Grenze von LMDB mit \(LMDBLayout.maximumDepth) Ebenen",
                    en: "the tree is deeper than LMDB's limit of \(LMDBLayout.maximumDepth) levels"), lower: lower, upper: upper)
            }
            counts.branchPages += 1
        }
        let lowerBound = bytes.le16(LMDBLayout.lowerOffset), upperBound = bytes.le16(LMDBLayout.upperOffset)
        guard lowerBound >= LMDBLayout.pageHeaderSize, lowerBound <= upperBound, upperBound <= pageSize,
              (lowerBound - LMDBLayout.pageHeaderSize) % 2 == 0
        else {
            throw damage(database, page, Wording(
                de: "ihr freier Bereich reicht von Byte \(lowerBound) bis \(upperBound) und liegt nicht innerhalb der Seite",
                en: "its free space runs from byte \(lowerBound) to \(upperBound), which is not inside the page"), lower: lower, upper: upper)
        }
        let count = (lowerBound - LMDBLayout.pageHeaderSize) / 2
        guard count > 0 else {
            throw damage(database, page, Wording(de: "sie enthält keine Einträge", en: "it holds no entries"), lower: lower, upper: upper)
        }
        if isLeaf { counts.entries += UInt64(count) }

        // Every node lies inside the page, after the free space; the keys ascend inside [lower, upper).
        var nodes: [(offset: Int, keySize: Int)] = []
        nodes.reserveCapacity(count)
        for index in 0..<count {
            let offset = bytes.le16(LMDBLayout.pageHeaderSize + 2 * index)
            guard offset >= upperBound, offset % 2 == 0, offset + LMDBLayout.nodeHeaderSize <= pageSize else {
                throw damage(database, page, Wording(
                    de: "Eintrag \(index) beginnt bei Byte \(offset), außerhalb des Eintragsbereichs der Seite (\(upperBound) bis \(pageSize))",
                    en: "entry \(index) starts at byte \(offset), outside the page's entries (\(upperBound) to \(pageSize))"), lower: lower, upper: upper)
            }
            let keySize = bytes.le16(offset + 6)
            guard keySize <= LMDBLayout.maximumKeySize, offset + LMDBLayout.nodeHeaderSize + keySize <= pageSize else {
                throw damage(database, page, Wording(
                    de: "der Schlüssel von Eintrag \(index) hat \(keySize) Byte und reicht über die Seite hinaus",
                    en: "the key of entry \(index) has \(keySize) bytes and reaches past the page"), lower: lower, upper: upper)
            }
            let key = offset + LMDBLayout.nodeHeaderSize
            // A branch page's first key is ignored by LMDB (it stands for everything below the second).
            if isLeaf || index > 0 {
                if let previous = nodes.last, isLeaf || index > 1,
                   compare(bytes, previous.offset + LMDBLayout.nodeHeaderSize, previous.keySize, bytes, key, keySize) >= 0 {
                    throw damage(database, page, Wording(
                        de: "der Schlüssel von Eintrag \(index) folgt nicht auf den Schlüssel davor",
                        en: "the key of entry \(index) does not follow the key before it"), lower: lower, upper: upper)
                }
                if let lower, compare(bytes, key, keySize, lower, 0, lower.count) < 0 {
                    throw damage(database, page, Wording(
                        de: "der Schlüssel von Eintrag \(index) liegt vor dem Bereich der Seite im Baum",
                        en: "the key of entry \(index) lies before the page's range in the tree"), lower: lower, upper: upper)
                }
                if let upper, compare(bytes, key, keySize, upper, 0, upper.count) >= 0 {
                    throw damage(database, page, Wording(
                        de: "der Schlüssel von Eintrag \(index) liegt hinter dem Bereich der Seite im Baum",
                        en: "the key of entry \(index) lies after the page's range in the tree"), lower: lower, upper: upper)
                }
            }
            nodes.append((offset, keySize))
        }
        if isLeaf {
            for (index, node) in nodes.enumerated() {
                try checkLeafNode(bytes, index: index, offset: node.offset, keySize: node.keySize, page: page, lower: lower, upper: upper)
            }
            return
        }
        let first = rightmostOnly ? count - 1 : 0
        if level == 0, splitsRoot, count - first >= 2,
           walkChildrenInParallel(of: page, bytes, nodes: nodes, lower: lower, upper: upper) {
            return
        }
        for index in first..<count {
            try walkChild(index, of: page, bytes, nodes: nodes, level: level, lower: lower, upper: upper)
        }
    }

    /// Checks entry `index` of branch page `page` (held in `bytes`, its entries at `nodes`) and walks the page it
    /// points to, whose keys must lie between this entry's key and the next one's.
    mutating func walkChild(
        _ index: Int, of page: UInt64, _ bytes: [UInt8], nodes: [(offset: Int, keySize: Int)], level: Int,
        lower: [UInt8]?, upper: [UInt8]?
    ) throws(DamagedPage) {
        let node = nodes[index]
        let child = UInt64(bytes.le16(node.offset)) | UInt64(bytes.le16(node.offset + 2)) << 16 | UInt64(bytes.le16(node.offset + 4)) << 32
        let childLower = index == 0 ? lower : Array(bytes[(node.offset + 8)..<(node.offset + 8 + node.keySize)])
        let childUpper: [UInt8]?
        if index == nodes.count - 1 {
            childUpper = upper
        } else {
            let next = nodes[index + 1]
            childUpper = Array(bytes[(next.offset + 8)..<(next.offset + 8 + next.keySize)])
        }
        guard child >= 2, child <= lastPage else {
            throw damage(database, page, Wording(
                de: "Eintrag \(index) verweist auf Seite \(child), außerhalb der Seiten 2 bis \(lastPage)",
                en: "entry \(index) points to page \(child), outside pages 2 to \(lastPage)"), lower: childLower, upper: childUpper)
        }
        guard owners[Int(child)] == 0 else {
            throw damage(database, page, Wording(
                de: "Eintrag \(index) verweist auf Seite \(child), die bereits zu \(Self.database(code: owners[Int(child)]).dativeLabel.de) gehört",
                en: "entry \(index) points to page \(child), which is already part of \(Self.database(code: owners[Int(child)]).label.en)"), lower: childLower, upper: childUpper)
        }
        try walkPage(child, level: level + 1, lower: childLower, upper: childUpper)
    }
}
