import Foundation
import Testing
import GeoJSON
import Geodesy
@testable import BorderAnalysis

// Distance bands of XN along the equator border (lon 20–40°E). Within XN the points at most D from
// the equator segment are exactly the strip 0 ≤ φ ≤ φ(D) with M(φ(D)) = D (the shortest path to the
// equator runs along the meridian; the round caps of the buffer fall outside XN's longitudes). So each
// band is a zone between two latitudes, whose area has the closed form `zoneArea`.

/// The latitude (degrees) at meridian distance `metres` from the equator, by bisection on `meridianArc`.
func latitudeAtMeridianDistance(_ metres: Double) -> Double {
    var lo = 0.0, hi = 10.0
    for _ in 0..<60 {
        let mid = (lo + hi) / 2
        if meridianArc(mid) < metres { lo = mid } else { hi = mid }
    }
    return (lo + hi) / 2
}

@Test("bands along the equator: areas of latitude zones, vertices within the stated band") func equatorBands() throws {
    let net = try Synthetic.network(engine: .standard)
    let bands = [10_000.0, 25_000, 50_000]
    let zones = try net.zones(border: BorderPair("XN", "XS"), side: "XN", bands: bands)
    #expect(zones.map(\.outerMetres) == bands)
    #expect(zones.map(\.innerMetres) == [0, 10_000, 25_000])
    let equator = BruteForceLines(lines: [[P(0, 20), P(0, 40)]])
    for z in zones {
        let expected = zoneArea(latitudeAtMeridianDistance(z.innerMetres), latitudeAtMeridianDistance(z.outerMetres), dLon: 20)
        // Geodesy's buffers put every boundary vertex within max(0.5 %, 1 m) of the distance.
        #expect(abs(z.areaSquareMetres / expected - 1) < 0.005, "band \(z.innerMetres)–\(z.outerMetres) m")
        var worstLow = 0.0, worstHigh = 0.0
        try z.geometry.forEachPosition { p in
            let d = try equator.nearest(to: p).metres
            worstLow = max(worstLow, (z.innerMetres - d) - max(0.005 * z.innerMetres, 1))
            worstHigh = max(worstHigh, (d - z.outerMetres) - max(0.005 * z.outerMetres, 1))
        }
        #expect(worstLow <= 0 && worstHigh <= 0, "band \(z.innerMetres)–\(z.outerMetres) m")
    }
}

@Test("bands reject bad distances and a side not on the border") func badBands() throws {
    let net = try Synthetic.network(engine: .standard)
    let pair = try BorderPair("XN", "XS")
    #expect(throws: BorderAnalysisError.invalidDistance("bands must be positive, finite and increasing (got [25.0, 10.0] km)")) {
        try net.zones(border: pair, side: "XN", bands: [25_000, 10_000])
    }
    #expect(throws: BorderAnalysisError.invalidGeometry("XE is not a side of border XN-XS")) {
        try net.zones(border: pair, side: "XE", bands: [10_000])
    }
}
