// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Usher",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Usher", targets: ["Usher"]),
        .executable(name: "usher", targets: ["usher"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The engine: no terminal, process or argument-parsing code (see ArchitectureTests).
        .target(name: "Usher"),
        // Durable stores behind the engine's ConversationStore seam: SQLite through GRDB, and
        // PostgreSQL through PostgresNIO for several processes on several machines.
        .target(
            name: "UsherStorage",
            dependencies: [
                "Usher",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // GNU readline through Debian's libreadline-dev. GPL: linked only by the executable.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .executableTarget(
            name: "usher",
            dependencies: [
                "Usher",
                "UsherStorage",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share (a PostgreSQL database per test, a cuttable TCP relay): a
        // regular target, since one test target cannot import another.
        .target(
            name: "UsherTestSupport",
            dependencies: [
                "UsherStorage", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/UsherTestSupport"
        ),
        .testTarget(name: "UsherTests", dependencies: ["Usher"]),
        .testTarget(
            name: "UsherStorageTests",
            dependencies: [
                "Usher", "UsherStorage", "UsherTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "usherTests",
            dependencies: [
                "usher", "Usher", "UsherStorage", "UsherTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),
    ]
)
