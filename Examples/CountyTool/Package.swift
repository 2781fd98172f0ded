// swift-tools-version: 6.1
//
// An external consumer of the strategy engine: a county's own tool, built the way a county's developer would build
// it — its own package, the engine as a dependency, public API only (`import Projections`, `import StrategyCore`).
//
//   swift run  --package-path Examples/CountyTool county-tool STORE_PATH PLAN_ID [STICHTAG]
//   swift test --package-path Examples/CountyTool
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "county-tool",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "CountyToolCore", targets: ["CountyToolCore"]),
        .executable(name: "county-tool", targets: ["county-tool"]),
    ],
    dependencies: [
        // The engine, by relative path. A path dependency's identity is the last component of its path — here the
        // name of whatever folder the repository was cloned into (`strategy-engine`, `main`, `ci-clone`…). The
        // explicit `name:` lets the targets below say `package: "strategy-engine"` whatever that folder is called.
        .package(name: "strategy-engine", path: "../.."),
    ],
    targets: [
        // The tool's logic: the engine reads it needs (`PlanSource`), the Sachstandsbericht, and the command's
        // run-through (arguments, errors, exit status), so that tests reach all of it without a process.
        .target(
            name: "CountyToolCore",
            dependencies: [
                .product(name: "Projections", package: "strategy-engine"),
                .product(name: "StrategyCore", package: "strategy-engine"),
            ],
            swiftSettings: strictSettings
        ),
        // `county-tool STORE_PATH PLAN_ID [STICHTAG]`: the Sachstandsbericht of a plan, read from a store read-only.
        .executableTarget(
            name: "county-tool",
            dependencies: ["CountyToolCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CountyToolTests",
            dependencies: [
                "CountyToolCore",
                .product(name: "Projections", package: "strategy-engine"),
                .product(name: "StrategyCore", package: "strategy-engine"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
