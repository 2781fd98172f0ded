internal import Foundation
internal import Primitives

/// What every ``EventStore`` handle on one directory shares inside a process: the environment, its writer
/// thread and the head watcher.
///
/// Handles keep it alive; when the last one goes, `deinit` stops the writer (after it has finished its queue)
/// and releases the environment, which closes it.
final class SharedStore: Sendable {
    let environment: Environment
    let writer: Writer
    let watcher: HeadWatcher

    init(environment: Environment) throws(EventStoreError) {
        self.environment = environment
        let head = try environment.read { (txn) throws(EventStoreError) in try ChainTip.read(txn).position }
        self.watcher = HeadWatcher(head: head)
        self.writer = Writer(environment: environment, watcher: watcher)
    }

    deinit {
        writer.shutdown()
    }
}

/// One ``SharedStore`` per directory per process, as LMDB requires.
enum StoreRegistry {
    private struct WeakStore: @unchecked Sendable {
        weak var store: SharedStore?
    }

    private static let stores = Protected<[String: WeakStore]>([:])

    /// The open store for `path`, or a newly opened one.
    static func open(path: String, readOnly: Bool, initialMapSize: Int) throws(EventStoreError) -> SharedStore {
        let absolute = absolutePath(path)
        let result: Result<SharedStore, EventStoreError> = stores.withLock { stores in
            let key = canonicalPath(absolute)
            if let open = stores[key]?.store {
                if open.environment.isReadOnly && !readOnly {
                    return .failure(.alreadyOpen(path: key, reason: Wording(de: "er wurde nur lesend geöffnet; schließen Sie jede Verbindung zu ihm, um ihn zum Schreiben zu öffnen", en: "it was opened read-only; close every handle to open it for writing")))
                }
                return .success(open)
            }
            do throws(EventStoreError) {
                let environment = try Environment(directory: absolute, readOnly: readOnly, initialMapSize: initialMapSize)
                let shared = try SharedStore(environment: environment)
                stores[canonicalPath(absolute)] = WeakStore(store: shared)
                stores = stores.filter { $0.value.store != nil }
                return .success(shared)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    static func absolutePath(_ path: String) -> String {
        var absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        while absolute.count > 1 && absolute.hasSuffix("/") { absolute.removeLast() }
        return absolute
    }

    /// The path with symbolic links resolved, when it exists.
    static func canonicalPath(_ absolute: String) -> String {
        guard let resolved = realpath(absolute, nil) else { return absolute }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
