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
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // The engine: no terminal, process or argument-parsing code (see ArchitectureTests).
        .target(name: "Usher"),
        // GNU readline through Debian's libreadline-dev. GPL: linked only by the executable.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .executableTarget(
            name: "usher",
            dependencies: [
                "Usher",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "UsherTests", dependencies: ["Usher"]),
        .testTarget(name: "usherTests", dependencies: ["usher", "Usher"]),
    ]
)
