import Foundation
import Projections

/// The last resort against a damaged store: a SIGSEGV/SIGBUS handler that says the store is damaged, where, and
/// what to do, and exits 3 (integrity failure) instead of dying by the signal.
///
/// It should never be needed. Every key and value LMDB hands out is checked to lie inside data.mdb, opening a store
/// checks the pages that opening reads, and `verify` checks the structure of every page with pread before LMDB
/// reads any. But the everyday reads (`show`, `log`, …) hand the other pages to LMDB unchecked — checking every
/// page on every read would cost as much as reading the whole store — and LMDB trusts what it finds: a node
/// flagged as holding duplicates in a database without them, for instance, makes it follow a null pointer.
///
/// The handler only does what is async-signal-safe: write(2) of text prepared before, digits formatted on the
/// stack, and _exit(2). Where the damage is comes from ``ReadProgress``, which the store's read path updates
/// with every record it asks for. `docs/reliability.md` explains why this exists; the flip test
/// (`PageFlipTests`) counts its exits apart and requires that `verify` never needs it.
enum SafetyNet {
    /// The beginning of the handler's message: what tells its exit apart from a damage report of the command.
    static let marker: StaticString = "strategyctl stopped reading a damaged store"
    /// The same in German.
    static let germanMarker: StaticString = "strategyctl hat das Lesen eines beschädigten Speichers abgebrochen"

    /// Whether the handler speaks German: decided at ``install()``, since the handler itself may not allocate.
    nonisolated(unsafe) private static var german = false

    /// Installs the handlers for SIGSEGV and SIGBUS. Call once, before any store is opened.
    static func install() {
        // Initialise what the handler reads, so that it does nothing lazily itself.
        _ = ReadProgress.position
        _ = ReadProgress.database
        german = Terminal.language == .de
        for signal in [SIGSEGV, SIGBUS] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in SafetyNet.report(signal) }
            sigemptyset(&action.sa_mask)
            // A fault inside the handler itself then ends the process by the signal, as without the handler.
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigaction(signal, &action, nil)
        }
    }

    /// Runs inside the signal handler: writes the message to standard error and exits 3.
    private static func report(_ signal: Int32) {
        let german = Self.german
        write(german ? "Fehler: " : "error: ")
        write(german ? germanMarker : marker)
        write(" (")
        write(signal == SIGBUS ? "SIGBUS" : "SIGSEGV")
        write(german ? "): eine Seite von data.mdb hält nicht zusammen" : "): a page of data.mdb does not hold together")
        let database = ReadProgress.database
        if database.utf8CodeUnitCount > 0 {
            write(german ? ", gefunden beim Lesen der Datenbank '" : ", found while reading the database '")
            write(database)
            write("'")
        }
        let position = ReadProgress.position
        if position > 0 {
            write(german ? " (das Protokoll wurde zuletzt an Position " : " (the log was last read at position ")
            writeNumber(position)
            write(german ? " gelesen)" : ")")
        }
        if german {
            write("""

                Hinweis: 'strategyctl verify' ausführen, um die beschädigte Seite zu benennen, und den Speicher aus einer \
                Sicherung wiederherstellen; findet verify den Speicher unversehrt, ist das ein Fehler in strategyctl: bitte melden

                """)
        } else {
            write("""

                hint: run 'strategyctl verify' to name the damaged page, and restore the store from a backup; \
                if verify finds the store intact, this is a bug in strategyctl: please report it

                """)
        }
        _exit(ExitStatus.integrityFailure.rawValue)
    }

    /// write(2) of a string literal: its bytes are static, nothing is allocated.
    private static func write(_ text: StaticString) {
        var offset = 0
        while offset < text.utf8CodeUnitCount {
            let written = Foundation.write(2, text.utf8Start + offset, text.utf8CodeUnitCount - offset)
            if written <= 0 { return }
            offset += written
        }
    }

    /// write(2) of a number's decimal digits, formatted in a buffer on the stack.
    private static func writeNumber(_ value: UInt64) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &digits) { buffer in
            var index = buffer.count
            var rest = value
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            _ = Foundation.write(2, buffer.baseAddress! + index, buffer.count - index)
        }
    }
}
