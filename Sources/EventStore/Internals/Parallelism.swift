internal import Foundation

/// How many cores the store's parallel work (the structural check of large trees, hashing and parsing records in
/// `verify`) spreads over: the active processors, at most eight.
enum Parallelism {
    static let cores = min(ProcessInfo.processInfo.activeProcessorCount, 8)
}
