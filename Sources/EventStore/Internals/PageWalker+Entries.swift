internal import Primitives

// The checks of a leaf page's entries: a value inside the page, on overflow pages, or a named database's record;
// and the free-page lists the free-page database's entries hold.

extension PageWalker {
    /// One entry of a leaf page: its data inside the page, or its overflow pages, or a named database's record.
    mutating func checkLeafNode(
        _ bytes: [UInt8], index: Int, offset: Int, keySize: Int, page: UInt64, lower: [UInt8]?, upper: [UInt8]?
    ) throws(DamagedPage) {
        let pageSize = file.pageSize
        let flags = bytes.le16(offset + 4)
        let size = UInt64(bytes.le16(offset)) | UInt64(bytes.le16(offset + 2)) << 16
        let data = offset + LMDBLayout.nodeHeaderSize + keySize
        // Damage to one entry concerns that entry's key; for the log, that position. (Made only when needed:
        // verify passes here for every entry of the store.)
        func entryDamage(_ damaged: UInt64, _ problem: Wording) -> DamagedPage {
            let key = Array(bytes[(offset + 8)..<data])
            return damage(database, damaged, problem, lower: key, upper: key + [0])
        }
        guard flags & ~(LMDBLayout.bigData | LMDBLayout.subData | LMDBLayout.dupData) == 0 else {
            throw entryDamage(page, Wording(
                de: "Eintrag \(index) hat die unbekannten Flags 0x\(String(flags, radix: 16))",
                en: "entry \(index) has the unknown flags 0x\(String(flags, radix: 16))"))
        }
        if flags & LMDBLayout.bigData != 0 {
            guard flags == LMDBLayout.bigData, data + 8 <= pageSize else {
                throw entryDamage(page, Wording(
                    de: "Eintrag \(index) liegt auf Überlaufseiten, aber seine Seitennummer passt nicht in die Seite",
                    en: "entry \(index) is stored on overflow pages but its page number does not fit the page"))
            }
            let overflow = bytes.le64(data)
            let run = LMDBLayout.overflowPages(size, pageSize: pageSize)
            guard overflow >= 2, overflow <= lastPage, run <= lastPage - overflow + 1 else {
                throw entryDamage(page, Wording(
                    de: "Eintrag \(index) hat \(size) Byte auf den Überlaufseiten \(overflow) bis \(overflow &+ run &- 1), außerhalb der Seiten 2 bis \(lastPage)",
                    en: "entry \(index) has \(size) bytes on overflow pages \(overflow) to \(overflow &+ run &- 1), outside pages 2 to \(lastPage)"))
            }
            for reached in overflow..<(overflow + run) where owners[Int(reached)] != 0 {
                throw entryDamage(page, Wording(
                    de: "Eintrag \(index) liegt auf den Überlaufseiten \(overflow) bis \(overflow + run - 1), aber Seite \(reached) gehört zu \(Self.database(code: owners[Int(reached)]).dativeLabel.de)",
                    en: "entry \(index) is stored on overflow pages \(overflow) to \(overflow + run - 1), but page \(reached) belongs to \(Self.database(code: owners[Int(reached)]).label.en)"))
            }
            for reached in overflow..<(overflow + run) { owners[Int(reached)] = Self.code(database) }
            counts.overflowPages += run
            guard try readOverflow(overflow, at: overflow * UInt64(pageSize), count: LMDBLayout.pageHeaderSize) else {
                throw entryDamage(overflow, Wording(
                    de: "data.mdb endet vor ihr",
                    en: "data.mdb ends before it"))
            }
            let header = overflowBuffer
            if header.le64(0) != overflow {
                throw entryDamage(overflow, Wording(
                    de: "sie gibt an, Seite \(header.le64(0)) zu sein",
                    en: "it says it is page \(header.le64(0))"))
            }
            if header.le16(LMDBLayout.flagsOffset) & LMDBLayout.typeBits != LMDBLayout.overflowPage {
                throw entryDamage(overflow, Wording(
                    de: "ihre Flags 0x\(String(header.le16(LMDBLayout.flagsOffset), radix: 16)) kennzeichnen keine Überlaufseite",
                    en: "its flags 0x\(String(header.le16(LMDBLayout.flagsOffset), radix: 16)) do not mark an overflow page"))
            }
            if UInt64(header.le32(LMDBLayout.overflowCountOffset)) != run {
                throw entryDamage(overflow, Wording(
                    de: "sie gibt an, ihr Wert erstrecke sich über \(header.le32(LMDBLayout.overflowCountOffset)) Seiten, für die \(size) Byte sind aber \(run) nötig",
                    en: "it says its value spans \(header.le32(LMDBLayout.overflowCountOffset)) pages, the \(size) bytes need \(run)"))
            }
            if database == .free {
                guard try readOverflow(overflow, at: overflow * UInt64(pageSize) + UInt64(LMDBLayout.pageHeaderSize), count: Int(size)) else {
                    throw entryDamage(overflow, Wording(
                        de: "data.mdb endet innerhalb ihres Werts",
                        en: "data.mdb ends inside its value"))
                }
                try collectFreeList(overflowBuffer, at: 0, size: size, page: page, index: index)
            }
            return
        }
        if flags & LMDBLayout.subData != 0 {
            guard size == UInt64(LMDBLayout.databaseRecordSize), data + LMDBLayout.databaseRecordSize <= pageSize else {
                throw entryDamage(page, Wording(
                    de: "Eintrag \(index) enthält eine Datenbankbeschreibung von \(size) Byte statt \(LMDBLayout.databaseRecordSize) innerhalb der Seite",
                    en: "entry \(index) holds a database record of \(size) bytes, not \(LMDBLayout.databaseRecordSize) inside the page"))
            }
            if database == .main && flags == LMDBLayout.subData {
                records.append((Array(bytes[(offset + 8)..<data]), DatabaseRecord(bytes, at: data), page))
                return
            }
            if strict {
                throw entryDamage(page, Wording(
                    de: "Eintrag \(index) enthält sortierte Duplikate, die ein Speicher nie schreibt",
                    en: "entry \(index) holds sorted duplicates, which a store never writes"))
            }
            return
        }
        guard UInt64(data) + size <= UInt64(pageSize) else {
            throw entryDamage(page, Wording(
                de: "der Wert von Eintrag \(index) hat \(size) Byte und reicht über die Seite hinaus",
                en: "the value of entry \(index) has \(size) bytes and reaches past the page"))
        }
        if flags & LMDBLayout.dupData != 0 && strict {
            throw entryDamage(page, Wording(
                de: "Eintrag \(index) enthält Duplikate, die ein Speicher nie schreibt",
                en: "entry \(index) holds duplicates, which a store never writes"))
        }
        if database == .main && strict {
            throw entryDamage(page, Wording(
                de: "Eintrag \(index) ('\(printable(Array(bytes[(offset + 8)..<data])))') ist keine Datenbankbeschreibung",
                en: "entry \(index) ('\(printable(Array(bytes[(offset + 8)..<data])))') is not a database record"))
        }
        if database == .free { try collectFreeList(bytes, at: data, size: size, page: page, index: index) }
    }

    /// A free-page list (`MDB_IDL`): a count, then that many page numbers. LMDB reserves these records before it
    /// fills them, so a record may be longer than its count needs, never shorter.
    private mutating func collectFreeList(_ bytes: [UInt8], at offset: Int, size: UInt64, page: UInt64, index: Int) throws(DamagedPage) {
        guard size >= 8 else {
            throw damage(.free, page, Wording(
                de: "Eintrag \(index) enthält eine Freiliste von \(size) Byte", en: "entry \(index) holds a free list of \(size) bytes"))
        }
        let count = bytes.le64(offset)
        guard count < size / 8 else {
            throw damage(.free, page, Wording(
                de: "Eintrag \(index) gibt an, \(count) freie Seiten in \(size) Byte aufzuführen",
                en: "entry \(index) says it lists \(count) free pages in \(size) bytes"))
        }
        for item in 0..<Int(count) {
            let free = bytes.le64(offset + 8 + 8 * item)
            guard free >= 2, free <= lastPage else {
                throw damage(.free, page, Wording(
                    de: "Eintrag \(index) führt Seite \(free) als frei auf, außerhalb der Seiten 2 bis \(lastPage)",
                    en: "entry \(index) lists page \(free) as free, outside pages 2 to \(lastPage)"))
            }
            freePages.append((free, page))
        }
    }

    /// No page is both free and in use, and none is free twice: LMDB would hand it out again and overwrite it.
    func checkFreeLists() throws(DamagedPage) {
        var listed = [Bool](repeating: false, count: owners.count)
        for entry in freePages {
            let owner = owners[Int(entry.page)]
            if owner != 0 {
                throw damage(.free, entry.listedOn, Wording(
                    de: "sie führt Seite \(entry.page) als frei auf, aber die Seite gehört zu \(Self.database(code: owner).dativeLabel.de)",
                    en: "it lists page \(entry.page) as free, but the page belongs to \(Self.database(code: owner).label.en)"))
            }
            if listed[Int(entry.page)] {
                throw damage(.free, entry.listedOn, Wording(
                    de: "sie führt Seite \(entry.page) ein zweites Mal als frei auf",
                    en: "it lists page \(entry.page) as free a second time"))
            }
            listed[Int(entry.page)] = true
        }
    }
}
