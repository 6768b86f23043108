import Foundation
import Testing
import GeoJSON
import Geodesy
@testable import BorderAnalysis

// Cases on the real gazetteer data (Gazetteer/countries.geojson and borders.geojson at the top of the
// repository, or the folder named by $INCMAP_GAZETTEER). Each expected distance is recomputed here
// by brute force over the same border geometry (`BruteForceLines`: every candidate edge subdivided
// and refined with GeographicLib inverse solutions), independently of the production index; the
// published facts they must also agree with are cited per case.

enum RealData {
    static let folder: URL = {
        if let env = ProcessInfo.processInfo.environment["INCMAP_GAZETTEER"], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Gazetteer", isDirectory: true)
    }()
    static var available: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(BorderNetwork.bordersFile).path)
            && FileManager.default.fileExists(atPath: folder.appendingPathComponent(BorderNetwork.countriesFile).path)
    }
    static let network: BorderNetwork? = try? BorderNetwork.load(from: folder)
}

struct RealCase: Sendable, CustomTestStringConvertible {
    var name: String
    var position: Position
    var country: String?
    var border: String
    /// Published or hand-checked range for the distance (km), as a sanity check on the data.
    var plausibleKm: ClosedRange<Double>
    var source: String
    var testDescription: String { name }
}

let realCases = [
    // Sudzha, Kursk oblast: GeoNames 486816 (51.191°N, 35.271°E); widely reported as about 10 km from
    // the Ukrainian border (e.g. Reuters, August 2024).
    RealCase(name: "Sudzha (RU)", position: Position(latitude: 51.191, longitude: 35.271), country: "RU", border: "RU-UA",
             plausibleKm: 5...15, source: "GeoNames; Reuters"),
    // Khoyniki, Gomel voblast: GeoNames 627362 (51.90773°N, 29.98258°E); some 30–50 km north of the
    // Belarus–Ukraine border (the Pripyat sector) on the map.
    RealCase(name: "Khoyniki (BY)", position: Position(latitude: 51.90773, longitude: 29.98258), country: "BY", border: "BY-UA",
             plausibleKm: 20...60, source: "GeoNames; map"),
    // Black Sea south of Crimea (43.5°N, 34°E): at sea, some 400 km from the nearest land border (the
    // Danube mouth, RO–UA, or Russia–Georgia on the Caucasus coast, on the map).
    RealCase(name: "Black Sea", position: Position(latitude: 43.5, longitude: 34.0), country: nil, border: "",
             plausibleKm: 150...700, source: "map"),
    // Reykjavík (64.13548°N, 21.89541°W; GeoNames 3413829): Iceland has no land border; the nearest
    // one (Norway's) is over 1,000 km away.
    RealCase(name: "Reykjavík (IS)", position: Position(latitude: 64.13548, longitude: -21.89541), country: "IS", border: "",
             plausibleKm: 1_000...2_500, source: "GeoNames; map"),
]

@Test("real data: containing country and border distance match brute force to 1 m",
      .enabled(if: RealData.available, "Gazetteer/ (countries.geojson, borders.geojson) is missing: real-data cases skipped"),
      arguments: realCases)
func realCase(_ c: RealCase) throws {
    let net = try #require(RealData.network)
    let p = try net.proximity(of: c.position)
    #expect(p.country == c.country)
    if !c.border.isEmpty { #expect(p.border.description == c.border) }
    // Brute force over the border found (and for sea and island cases, over every border within
    // reach, so that "nearest" itself is checked).
    let candidates = c.border.isEmpty ? Array(net.borders.values) : [try net.border(p.border)]
    var best = Double.infinity
    var bestPair = ""
    for b in candidates {
        // Every point q of a line l has d(p, q) ≥ d(p, l's first vertex) − length(l): skip borders
        // none of whose lines can beat the distance found.
        let reachable = try b.lines.contains { l in
            try Ellipsoid.wgs84.distance(from: c.position, to: l[0]) - Ellipsoid.wgs84.length(of: .lineString(l)) <= p.metres + 1
        }
        if !reachable { continue }
        let hit = try BruteForceLines(lines: b.lines).nearest(to: c.position)
        if hit.metres < best { best = hit.metres; bestPair = b.pair.description }
    }
    #expect(abs(p.metres - best) < 1)
    #expect(p.border.description == bestPair)
    #expect(c.plausibleKm.contains(p.metres / 1000), "\(c.name): \(p.metres / 1000) km (\(c.source))")
}
