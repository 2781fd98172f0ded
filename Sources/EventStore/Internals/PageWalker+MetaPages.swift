internal import Primitives

// The checks of LMDB's two meta pages (0 and 1), where every tree starts.

extension PageWalker {
    /// The meta page of the snapshot: its header, the file it describes, and the records of the two LMDB trees.
    mutating func checkMeta(_ meta: [UInt8], page: UInt64) throws(DamagedPage) {
        try checkMetaHeader(meta, page: page)
        let pageCount = file.pageCount
        if lastPage < 1 || lastPage >= pageCount {
            throw damage(.metaPages, page, Wording(
                de: "ihre letzte Seite ist \(lastPage), data.mdb enthält aber \(pageCount) Seiten",
                en: "its last page is \(lastPage), but data.mdb holds \(pageCount) pages"))
        }
        if freeRecord.flags & LMDBLayout.integerKey == 0 {
            throw damage(.metaPages, page, Wording(
                de: "der Freiseiten-Datenbank fehlt das Flag für Ganzzahlschlüssel (Flags 0x\(String(freeRecord.flags, radix: 16)))",
                en: "the free-page database lacks its integer-key flag (flags 0x\(String(freeRecord.flags, radix: 16)))"))
        }
        for (name, record) in [("free-page", freeRecord), ("main", mainRecord)] where record.root != LMDBLayout.noPage {
            if record.root < 2 || record.root > lastPage {
                throw damage(.metaPages, page, Wording(
                    de: "\(germanTreeName(name)) beginnt auf Seite \(record.root), außerhalb der Seiten 2 bis \(lastPage)",
                    en: "the \(name) database starts at page \(record.root), outside pages 2 to \(lastPage)"))
            }
        }
        owners[Int(page)] = Self.code(.metaPages)
    }

    /// The other meta page, written by the commit before the snapshot's (or, with a writer at work, after it).
    func checkOtherMeta(_ meta: [UInt8], page: UInt64, newest: UInt64) throws(DamagedPage) {
        try checkMetaHeader(meta, page: page)
        let transaction = meta.le64(LMDBLayout.transactionOffset)
        let consecutive = transaction == newest &- 1 || transaction == newest &+ 1 || (transaction == 0 && newest == 0)
        if !consecutive {
            throw damage(.metaPages, page, Wording(
                de: "sie enthält Transaktion \(transaction), die andere Metaseite \(newest); beide enthalten immer aufeinanderfolgende",
                en: "it holds transaction \(transaction), the other meta page \(newest); they always hold consecutive ones"))
        }
    }

    private func checkMetaHeader(_ meta: [UInt8], page: UInt64) throws(DamagedPage) {
        guard meta.count >= file.pageSize else {
            throw damage(.metaPages, page, Wording(de: "data.mdb endet innerhalb der Seite", en: "data.mdb ends inside it"))
        }
        if meta.le64(0) != page {
            throw damage(.metaPages, page, Wording(
                de: "sie gibt an, Seite \(meta.le64(0)) zu sein", en: "it says it is page \(meta.le64(0))"))
        }
        if meta.le16(LMDBLayout.flagsOffset) & LMDBLayout.typeBits != LMDBLayout.metaPage {
            throw damage(.metaPages, page, Wording(
                de: "ihre Flags 0x\(String(meta.le16(LMDBLayout.flagsOffset), radix: 16)) kennzeichnen keine Metaseite",
                en: "its flags 0x\(String(meta.le16(LMDBLayout.flagsOffset), radix: 16)) do not mark a meta page"))
        }
        if meta.le32(LMDBLayout.magicOffset) != LMDBLayout.magic {
            throw damage(.metaPages, page, Wording(
                de: "ihre magische Zahl ist 0x\(String(meta.le32(LMDBLayout.magicOffset), radix: 16)), nicht 0xbeefc0de",
                en: "its magic number is 0x\(String(meta.le32(LMDBLayout.magicOffset), radix: 16)), not 0xbeefc0de"))
        }
        if meta.le32(LMDBLayout.versionOffset) != LMDBLayout.dataVersion {
            throw damage(.metaPages, page, Wording(
                de: "ihre Formatversion ist \(meta.le32(LMDBLayout.versionOffset)), nicht 1",
                en: "its format version is \(meta.le32(LMDBLayout.versionOffset)), not 1"))
        }
        let pageSize = Int(meta.le32(LMDBLayout.freeRecordOffset))
        if pageSize != file.pageSize {
            throw damage(.metaPages, page, Wording(
                de: "sie gibt eine Seitengröße von \(pageSize) Byte an, LMDB verwendet \(file.pageSize)",
                en: "it gives a page size of \(pageSize) bytes, LMDB uses \(file.pageSize)"))
        }
        let transaction = meta.le64(LMDBLayout.transactionOffset)
        // Transaction N writes meta page N % 2; both start at transaction 0.
        if transaction != 0 && transaction % 2 != page {
            throw damage(.metaPages, page, Wording(
                de: "sie enthält Transaktion \(transaction), die Metaseite \(page) nie enthält",
                en: "it holds transaction \(transaction), which meta page \(page) never holds"))
        }
    }
}
