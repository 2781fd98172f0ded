// swift-tools-version: 6.1
//
// The event-sourced strategy-planning engine for county education offices.
// Architecture (arrows point down):
//   strategyctl → Publishing → Projections → StrategyCore → Primitives
//                             → EventStore → CLMDB (liblmdb)
//                                          → Primitives
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "strategy-engine",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "StrategyCore", targets: ["StrategyCore"]),
        .library(name: "EventStore", targets: ["EventStore"]),
        .library(name: "Projections", targets: ["Projections"]),
        .library(name: "Publishing", targets: ["Publishing"]),
        .executable(name: "strategyctl", targets: ["strategyctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        // Persistent, structurally shared dictionaries: states at many points of a log share their records.
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        // `swift package generate-documentation` for the three libraries (CI builds them with zero warnings).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // What every library target shares and no product offers alone: the two languages of every message.
        .target(
            name: "Primitives",
            swiftSettings: strictSettings
        ),
        // System library over Debian's liblmdb-dev. Only EventStore imports it.
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]
        ),
        // A domain-free, durable, hash-chained event log on LMDB.
        .target(
            name: "EventStore",
            dependencies: [
                "CLMDB",
                "Primitives",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // The pure domain: no I/O, no LMDB, no EventStore.
        .target(
            name: "StrategyCore",
            dependencies: [
                "Primitives",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "HashTreeCollections", package: "swift-collections"),
            ],
            swiftSettings: strictSettings
        ),
        // Read models and the engine façade, where domain and store meet.
        .target(
            name: "Projections",
            dependencies: ["StrategyCore", "EventStore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        // The web edition: static, accessible HTML of a plan, its versions and its audit trail, from templates.
        .target(
            name: "Publishing",
            dependencies: ["Projections", "StrategyCore", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Resources/templates")],
            swiftSettings: strictSettings
        ),
        // The command line: parsing and rendering only.
        .executableTarget(
            name: "strategyctl",
            // The engine is the only door: no EventStore here (the store's types come through Projections).
            dependencies: [
                "Projections",
                "Publishing",
                "StrategyCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The county examples for `strategyctl demo`; Examples/plans is a link to this folder.
            resources: [.copy("Resources/plans")],
            swiftSettings: strictSettings
        ),

        // How a county's own tool embeds the engine (see README).
        .executableTarget(
            name: "embedding-example",
            dependencies: ["Projections", "StrategyCore"],
            path: "Examples/EmbeddingExample",
            swiftSettings: strictSettings
        ),

        // A child process for the store's crash, multi-process and permission tests.
        .executableTarget(
            name: "eventstore-helper",
            dependencies: ["EventStore", "CLMDB"],
            path: "Tests/EventStoreHelper",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EventStoreTests",
            dependencies: ["EventStore", "CLMDB", "eventstore-helper", "StoreTestSupport"],
            swiftSettings: strictSettings
        ),
        // Shared test support for the store: a small mountable file system and a reader of data.mdb's pages (no
        // domain, so the store's tests do not link it).
        .target(
            name: "StoreTestSupport",
            path: "Tests/StoreTestSupport",
            swiftSettings: strictSettings
        ),
        // Shared test support for the domain: random plan histories (for the property tests).
        .target(
            name: "StrategyTestSupport",
            dependencies: ["StrategyCore", "StoreTestSupport"],
            path: "Tests/StrategyTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StrategyCoreTests",
            dependencies: [
                "StrategyCore", "StrategyTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "HashTreeCollections", package: "swift-collections"),
            ],
            exclude: ["Golden", "Fixtures", "HostileCorpus"],
            swiftSettings: strictSettings
        ),
        // End-to-end tests of the built strategyctl binary.
        .testTarget(
            name: "StrategyctlTests",
            dependencies: ["strategyctl", "EventStore", "StrategyCore", "Projections", "StoreTestSupport"],
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PublishingTests",
            dependencies: ["Publishing", "Projections", "StrategyCore"],
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ProjectionsTests",
            dependencies: [
                "Projections", "StrategyCore", "EventStore", "StrategyTestSupport", "StoreTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
    ]
)
