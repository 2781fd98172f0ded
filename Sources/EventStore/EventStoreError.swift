public import Primitives

public import Foundation

/// An error thrown by the event store.
///
/// Every case carries what a user needs to act on it: the path of the store, the stream and the versions of a
/// conflict, the position of a damaged record, or the LMDB result code with `mdb_strerror`'s text.
/// ``wording`` renders one line meant for a person in German and English, for example
/// `wrong expected version: expected 4, stream 'vechta' is at 7`; ``description`` is its English text. Every
/// `reason` is a `Wording` too, so that the whole message reads in one language.
public enum EventStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The directory exists but does not hold a strategy store (for example, it holds other files, another
    /// program's LMDB environment, or nothing at all when opened read-only).
    case notAStore(path: String, reason: Wording)

    /// The store was written by a newer or unknown version of this library.
    case unsupportedFormat(path: String, found: UInt32, supported: UInt32)

    /// The store file is shorter than the database inside it says it must be: it was truncated.
    case truncatedStore(path: String, expectedBytes: UInt64, actualBytes: UInt64)
    /// The store's files are damaged in a way that keeps it from opening (for example an invalid LMDB header, or an
    /// emptied data file in a directory that held a store). Restore from a backup.
    case damagedStore(path: String, reason: Wording)

    /// A page of `data.mdb` that opening the store reads is structurally damaged (LMDB would read outside it or
    /// outside the file). ``EventStore/verify(expectedHead:checkIndexes:progress:)`` checks every page and reports
    /// damage in its report instead.
    case damagedPage(path: String, page: DamagedPage)

    /// An append's expected version did not hold. `actual` is the stream's current version, or `nil` when the
    /// stream does not exist.
    case wrongExpectedVersion(stream: String, expected: ExpectedVersion, actual: UInt64?)

    /// A retried append overlaps the stored events only in part, or its event ids are stored elsewhere.
    case idempotencyConflict(stream: String, eventID: UUID, reason: Wording)

    /// An argument is unusable: `field` names it (for example `events[2].type`), `reason` says why.
    case invalidArgument(field: String, reason: Wording)

    /// The record stored at `position` cannot be decoded, or LMDB hands out bytes for it outside `data.mdb`.
    /// Position 0 stands for damage outside the log, such as an index entry; `reason` names it.
    case corruptRecord(position: UInt64, reason: Wording)

    /// A record that an index points to is not in the log.
    case missingRecord(position: UInt64)

    /// A write was attempted on a store opened read-only.
    case readOnly(path: String)

    /// The store is already open in this process in a way that conflicts with the request.
    case alreadyOpen(path: String, reason: Wording)

    /// This handle was closed (``EventStore/close()``); open the store again to use it.
    case closed(path: String)

    /// LMDB returned an error.
    case lmdb(LMDBError)

    /// A file-system operation failed: `operation` names it as a noun phrase (`reading data.mdb` /
    /// `Lesen von data.mdb`), `errno` is the system's error code.
    case io(path: String, operation: Wording, errno: Int32)

    /// The store could not be written: the disk is full, the file system is read-only, or the device failed.
    /// Nothing of the failed write was recorded; everything committed before it is intact.
    case writeFailed(path: String, errno: Int32)

    /// The whole message in German and English, for example
    /// `falsche erwartete Version: erwartet war 4, der Strom 'vechta' steht bei Version 7` /
    /// `wrong expected version: expected 4, stream 'vechta' is at 7`.
    ///
    /// Paths, stream names, ids and numbers appear as they are; texts of the C library (`strerror`,
    /// `mdb_strerror`) stay as the library gives them.
    public var wording: Wording {
        switch self {
        case let .notAStore(path, reason):
            return Wording(
                de: "kein Strategiespeicher: \(path) (\(reason.de))",
                en: "not a strategy store: \(path) (\(reason.en))")
        case let .unsupportedFormat(path, found, supported):
            return Wording(
                de: "nicht unterstütztes Speicherformat \(found) in \(path): diese Version der Bibliothek liest die Formate 1 bis \(supported); "
                    + "öffnen Sie den Speicher mit einem neueren strategyctl",
                en: "unsupported store format \(found) in \(path): this version of the library reads formats 1 to \(supported); "
                    + "open it with a newer strategyctl")
        case let .damagedPage(path, page):
            return Wording(
                de: "die Speicherdatei ist beschädigt: \(path)/data.mdb, \(page.wording.de); stellen Sie sie aus einer Sicherung wieder her",
                en: "store file is damaged: \(path)/data.mdb, \(page.wording.en); restore it from a backup")
        case let .truncatedStore(path, expected, actual):
            return Wording(
                de: "die Speicherdatei ist abgeschnitten: \(path)/data.mdb hat \(actual) Byte, ihre Datenbank braucht mindestens "
                    + "\(expected); stellen Sie sie aus einer Sicherung wieder her",
                en: "store file is truncated: \(path)/data.mdb has \(actual) bytes, its database needs at least \(expected); "
                    + "restore it from a backup")
        case let .damagedStore(path, reason):
            return Wording(
                de: "der Speicher in \(path) ist beschädigt: \(reason.de); stellen Sie ihn aus einer Sicherung wieder her",
                en: "the store at \(path) is damaged: \(reason.en); restore it from a backup")
        case let .wrongExpectedVersion(stream, expected, actual):
            return Wording(
                de: "falsche erwartete Version: erwartet war \(expected.wording.de), der Strom '\(stream)' "
                    + (actual.map { "steht bei Version \($0)" } ?? "existiert nicht"),
                en: "wrong expected version: expected \(expected.wording.en), stream '\(stream)' "
                    + (actual.map { "is at \($0)" } ?? "does not exist"))
        case let .idempotencyConflict(stream, eventID, reason):
            let id = eventID.uuidString.lowercased()
            return Wording(
                de: "das Ereignis \(id) kann nicht an den Strom '\(stream)' angehängt werden: \(reason.de)",
                en: "event \(id) cannot be appended to stream '\(stream)': \(reason.en)")
        case let .invalidArgument(field, reason):
            return Wording(de: "ungültiger Wert für \(Self.germanField(field)): \(reason.de)", en: "invalid \(field): \(reason.en)")
        case let .corruptRecord(position, reason):
            // Position 0: damage outside the log (an index entry, a page of another database).
            if position == 0 {
                return Wording(de: "der Speicher ist beschädigt: \(reason.de)", en: "the store is corrupt: \(reason.en)")
            }
            return Wording(
                de: "der Datensatz an Position \(position) ist beschädigt: \(reason.de)",
                en: "record at position \(position) is corrupt: \(reason.en)")
        case let .missingRecord(position):
            return Wording(
                de: "der Datensatz an Position \(position) fehlt im Protokoll",
                en: "record at position \(position) is missing from the log")
        case let .readOnly(path):
            return Wording(
                de: "der Speicher in \(path) ist nur lesend geöffnet; Schreibzugriffe werden abgewiesen",
                en: "the store at \(path) is open read-only; writes are refused")
        case let .alreadyOpen(path, reason):
            return Wording(
                de: "der Speicher in \(path) ist in diesem Prozess bereits geöffnet: \(reason.de)",
                en: "the store at \(path) is already open in this process: \(reason.en)")
        case let .closed(path):
            return Wording(
                de: "die Verbindung zum Speicher in \(path) wurde geschlossen; öffnen Sie ihn erneut",
                en: "the handle on the store at \(path) was closed; open the store again")
        case let .lmdb(error):
            return error.wording
        case let .io(path, operation, code):
            let system = String(cString: strerror(code))
            return Wording(
                de: "\(operation.de) für \(path) fehlgeschlagen: \(system) (errno \(code))",
                en: "\(operation.en) failed for \(path): \(system) (errno \(code))")
        case let .writeFailed(path, code):
            let system = String(cString: strerror(code))
            return Wording(
                de: "der Speicher in \(path) kann nicht beschrieben werden: \(system) (errno \(code)); möglicherweise ist der "
                    + "Datenträger voll oder das Dateisystem schreibgeschützt — von diesem Schreibvorgang wurde nichts gespeichert, "
                    + "frühere sind unversehrt",
                en: "cannot write to the store at \(path): \(system) (errno \(code)); "
                    + "the disk may be full or the file system read-only — nothing of this write was recorded, earlier ones are intact")
        }
    }

    /// The message in `language`: ``wording`` rendered in German or English.
    public func text(in language: Language) -> String {
        wording(language)
    }

    /// The message in English (``wording``'s `en`).
    public var description: String {
        wording.en
    }

    /// An ``invalidArgument(field:reason:)`` field in German: the few named in words are translated, paths into
    /// the arguments (`events[2].type`, `configuration.readPageSize`) stay as they are.
    private static func germanField(_ field: String) -> String {
        switch field {
        case "stream id": return "Strom-ID"
        case "snapshot": return "Zwischenstand"
        case "snapshot name": return "Name des Zwischenstands"
        case "snapshot name prefix": return "Präfix der Zwischenstandsnamen"
        case "request": return "Anfrage"
        case "append": return "Anhängevorgang"
        default: return field
        }
    }
}

extension EventStoreError: LocalizedError {
    /// The message in English (`localizedDescription`); ``text(in:)`` gives it in German too.
    public var errorDescription: String? { description }
}
