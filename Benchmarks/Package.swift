// swift-tools-version: 6.1
//
// The benchmark harness: the engine side by side with raw LMDB and with SQLite, in one run.
// Run it in release mode:  swift run -c release --package-path Benchmarks strategy-bench [--quick]
// It is its own package so that users of the library never need SQLite.
import PackageDescription

let package = Package(
    name: "strategy-bench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "strategy-engine", path: ".."),
    ],
    targets: [
        // Raw LMDB for the baseline (the engine's own CLMDB target is not a product).
        .systemLibrary(name: "CLMDBRaw", path: "Sources/CLMDBRaw", pkgConfig: "lmdb", providers: [.apt(["liblmdb-dev"])]),
        // The system's SQLite, for the baseline a Swift user would pick instead.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .executableTarget(
            name: "strategy-bench",
            dependencies: [
                .product(name: "EventStore", package: "strategy-engine"),
                .product(name: "Projections", package: "strategy-engine"),
                .product(name: "StrategyCore", package: "strategy-engine"),
                "CLMDBRaw", "CSQLite",
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
