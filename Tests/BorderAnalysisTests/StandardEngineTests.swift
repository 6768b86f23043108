import Foundation
import Testing
import GeoJSON
import Geodesy
@testable import BorderAnalysis

// The production engine (Geodesy's line index, GEOS overlay and prepared containment, GeographicLib
// areas) on synthetic data, against brute force and closed forms.

/// Area in m² of the WGS84 zone between latitudes φ1 < φ2 (degrees) over `dLon` degrees of longitude:
/// (Δλ/2π)·2πb²·[q(φ)]₁², with q(φ) = sinφ/(2(1−e²sin²φ)) + ln((1+e sinφ)/(1−e sinφ))/(4e), the
/// closed form of the ellipsoidal zone area (e.g. Snyder, "Map Projections: A Working Manual", eq. 3-12).
/// For boxes a few hundredths of a degree wide, the difference between parallels and the geodesic
/// edges Geodesy measures is below 1e-5 of the area.
func zoneArea(_ phi1: Double, _ phi2: Double, dLon: Double) -> Double {
    let a = 6_378_137.0, f = 1 / 298.257223563
    let e2 = f * (2 - f), e = e2.squareRoot(), b2 = a * a * (1 - e2)
    func q(_ phi: Double) -> Double {
        let s = sin(phi * .pi / 180)
        return s / (2 * (1 - e2 * s * s)) + log((1 + e * s) / (1 - e * s)) / (4 * e)
    }
    return dLon * .pi / 180 * b2 * (q(phi2) - q(phi1))
}

@Test("the zone-area closed form gives WGS84's surface area for the whole globe") func zoneAreaCheck() {
    // 510 065 621.724 km²: WGS84 ellipsoid surface area (GeographicLib, Geodesic.WGS84.EllipsoidArea()).
    #expect(abs(zoneArea(-90, 90, dLon: 360) / 1e6 - 510_065_621.724) < 0.01)
}

@Test("proximity with the production index agrees with brute force to 1 mm") func productionAgainstBruteForce() throws {
    // A zig-zag border of 41 vertices between 48°N and 52°N near 35°E, and 150 points around it
    // from a fixed linear congruential sequence (reproducible).
    var border: [Position] = []
    for i in 0...40 { border.append(P(48 + 0.1 * Double(i), 35 + (i % 2 == 0 ? 0 : 0.07) + 0.01 * Double(i % 3))) }
    let countries = [Country(iso2: "XW", name: "W", geometry: Synthetic.box(47, 33, 53, 35), source: "synthetic"),
                     Country(iso2: "XE", name: "E", geometry: Synthetic.box(47, 35, 53, 37), source: "synthetic")]
    let net = try BorderNetwork(countries: countries,
                                borders: [try Border(pair: BorderPair("XE", "XW"), lines: [border], source: "synthetic")],
                                engine: .standard)
    let reference = BruteForceLines(lines: [border])
    var seed: UInt64 = 12345
    func next() -> Double { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Double(seed >> 11) / Double(1 << 53) }
    var worst = 0.0
    for _ in 0..<150 {
        let p = P(47.5 + 5 * next(), 33.5 + 3 * next())
        let ours = try net.proximity(of: p)
        let ref = try reference.nearest(to: p)
        worst = max(worst, abs(ours.metres - ref.metres))
        #expect(ours.country == (p.longitude < 35 ? "XW" : "XE"))
    }
    #expect(worst < 0.001)
}

/// The equator world with the production engine.
func productionNetwork() throws -> BorderNetwork { try Synthetic.network(engine: .standard) }

@Test("depth of a strip advancing across the equator border") func depthOfStrip() throws {
    // The advance: lat −0.2…0.6°, lon 25…25.01°, from XS into XN. Inside XN it is the box 0…0.6°N;
    // its deepest points are on its northern edge, M(0.6°) from the equator (meridian arc).
    // Area: the zone 0…0.6°N over 0.01° (closed form above). Frontage: the equator from 25° to
    // 25.01°E, an equatorial arc a·Δλ = 6 378 137 m × 0.01° × π/180 = 1 113.195 m.
    let net = try productionNetwork()
    let advance = Synthetic.box(-0.2, 25, 0.6, 25.01)
    let places = [LabeledPosition(label: "inside", position: P(0.3, 25.005)),
                  LabeledPosition(label: "behind", position: P(-0.1, 25.005))]
    let d = try net.depth(into: "XN", from: "XS", advance: advance, places: places, claimMetres: 50_000)
    let depth = try #require(d.depthMetres)
    #expect(abs(depth - meridianArc(0.6)) < 1)
    #expect(try #require(d.depthUpperBoundMetres) - depth <= 1.0001)
    #expect(abs(try #require(d.deepestPoint).latitude - 0.6) < 1e-4)
    #expect(abs(try #require(d.areaSquareMetres) / zoneArea(0, 0.6, dLon: 0.01) - 1) < 1e-4)
    #expect(abs(try #require(d.frontageMetres) - 1_113.195) < 0.01)
    #expect(d.claimReached == true)
    #expect(d.places.count == 2)
    #expect(d.places[0].insideInto && !d.places[1].insideInto)
    #expect(abs(d.places[0].metres - meridianArc(0.3)) < 0.001)
    #expect(d.places[0].withinClaim == true)
    let summary = try #require(d.features.last)
    #expect(summary[property: "kind"] == "summary")
    #expect(summary[property: "claim_reached"] == .bool(true))
    #expect(summary[property: "method"]?.objectValue?["ellipsoid"] == "WGS84")
}

@Test("depth from places alone is the deepest place inside the country") func depthOfPlaces() throws {
    // Distances to the equator: M(0.2°), M(0.45°); the place at 2.5°N is outside XN (not counted).
    let net = try productionNetwork()
    let d = try net.depth(into: "XN", from: "XS", places: [
        LabeledPosition(label: "a", position: P(0.2, 30)), LabeledPosition(label: "b", position: P(0.45, 31)),
        LabeledPosition(label: "c", position: P(2.5, 30))], claimMetres: 60_000)
    #expect(abs(try #require(d.depthMetres) - meridianArc(0.45)) < 0.001)
    #expect(d.claimReached == false)   // M(0.45°) ≈ 49.8 km < 60 km
    #expect(d.places.map(\.insideInto) == [true, true, false])
}

@Test("depth rejects a polygon outside the country and unrelated countries") func depthErrors() throws {
    let net = try productionNetwork()
    #expect(throws: BorderAnalysisError.notInCountry(what: "the advance polygon", country: "XN")) {
        try net.depth(into: "XN", from: "XS", advance: Synthetic.box(-1, 25, -0.5, 26))
    }
    #expect(throws: BorderAnalysisError.noSharedBorder(try BorderPair("XF", "XN"))) {
        try net.depth(into: "XN", from: "XF", places: [LabeledPosition(label: "x", position: P(1, 30))])
    }
    #expect(throws: BorderAnalysisError.invalidDistance("claimed depth -5.0 m must be finite and positive")) {
        try net.depth(into: "XN", from: "XS", places: [LabeledPosition(label: "x", position: P(1, 30))], claimMetres: -5)
    }
}

@Test("share of a box: part clipped to the country, geodesic areas") func shareOfBox() throws {
    // Country XQ: lat 0…2°N, lon 20…20.05°E. Part: lat −1…1°N, lon 20…20.05°E, of which 0…1°N is
    // inside. Expected areas from the zone closed form; fraction ≈ 0.5 (slightly more, since the
    // zone 0–1° is a little larger than 1–2°).
    let net = try BorderNetwork(countries: [Country(iso2: "XQ", name: "Q", geometry: Synthetic.box(0, 20, 2, 20.05), source: "synthetic")],
                                borders: [], engine: .standard)
    let s = try net.share(of: Synthetic.box(-1, 20, 1, 20.05), in: "XQ")
    let part = zoneArea(0, 1, dLon: 0.05), whole = zoneArea(0, 2, dLon: 0.05)
    #expect(abs(s.partSquareMetres / part - 1) < 1e-4)
    #expect(abs(s.wholeSquareMetres / whole - 1) < 1e-4)
    #expect(abs(s.fraction - part / whole) < 1e-5)
    #expect(s.fraction > 0.5)
}
