// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "IncidentMapper",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "incmap", targets: ["incmap"]),
        .library(name: "IncidentMapper", targets: ["GeoJSON", "Topology", "Geodesy", "Gazetteer", "Geoparser", "BorderAnalysis", "Cartography", "Reporting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C shims over the system libraries (Debian: libgeos-dev, libproj-dev).
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),

        .target(name: "GeoJSON"),
        .target(name: "Topology", dependencies: ["CGEOS", "GeoJSON"]),
        .target(name: "Geodesy", dependencies: ["CPROJ", "GeoJSON", "Topology"]),
        .target(name: "Gazetteer", dependencies: ["GeoJSON", "Topology", "Geodesy"]),
        .target(name: "Geoparser", dependencies: ["Gazetteer", "GeoJSON", "Geodesy"]),
        .target(name: "BorderAnalysis", dependencies: ["Gazetteer", "Topology", "Geodesy", "GeoJSON"]),
        .target(name: "Cartography", dependencies: ["GeoJSON", "Geodesy", "Topology"]),
        .target(name: "Reporting", dependencies: ["Geoparser", "BorderAnalysis", "Cartography", "Geodesy", "GeoJSON"]),
        .executableTarget(name: "incmap", dependencies: [
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            "GeoJSON", "Topology", "Geodesy", "Gazetteer", "Geoparser", "BorderAnalysis", "Cartography", "Reporting",
        ]),

        .testTarget(name: "GeoJSONTests", dependencies: ["GeoJSON"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TopologyTests", dependencies: ["Topology", "GeoJSON"]),
        .testTarget(name: "GeodesyTests", dependencies: ["Geodesy", "GeoJSON"]),
        .testTarget(name: "GazetteerTests", dependencies: ["Gazetteer", "GeoJSON"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GeoparserTests", dependencies: ["Geoparser", "Gazetteer", "GeoJSON"]),
        .testTarget(name: "BorderAnalysisTests", dependencies: ["BorderAnalysis", "Gazetteer", "Geodesy", "GeoJSON"]),
        .testTarget(name: "CartographyTests", dependencies: ["Cartography", "GeoJSON"]),
        .testTarget(name: "incmapTests", dependencies: ["incmap", "GeoJSON", "Reporting"], resources: [.copy("Fixtures")]),
    ]
)
