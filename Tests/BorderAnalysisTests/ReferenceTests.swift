import Testing
import Geodesy
@testable import BorderAnalysis

// The references the other tests rely on, checked against published values first.

@Test("the meridian-arc quadrature reproduces WGS84's quarter meridian") func quarterMeridian() {
    // 10 001 965.729 m: WGS84 quarter meridian (GeographicLib, Geodesic.WGS84: Inverse(0,0,90,0).s12).
    #expect(abs(meridianArc(90) - 10_001_965.729) < 0.001)
}

@Test("the meridian arc agrees with GeographicLib's inverse along a meridian", arguments: [0.5, 1.5, 45.0, 60.0])
func meridianAgainstInverse(latitude: Double) throws {
    // Along a meridian the geodesic is the meridian itself, so the inverse from the equator is M(φ).
    let s = try Ellipsoid.wgs84.distance(from: P(0, 30), to: P(latitude, 30))
    #expect(abs(s - meridianArc(latitude)) < 0.001)
}

@Test("brute force finds the foot on the equator at the meridian arc", arguments: [(0.5, 30.0), (1.7, 21.0), (-1.2, 39.5)])
func bruteForceEquator(latitude: Double, longitude: Double) throws {
    // The shortest path from (φ, λ) to the equator is the meridian through λ, which meets the
    // equator at a right angle: distance M(|φ|), foot (0, λ).
    let hit = try BruteForceLines(lines: [[P(0, 20), P(0, 40)]]).nearest(to: P(latitude, longitude))
    #expect(abs(hit.metres - meridianArc(abs(latitude))) < 0.001)
    #expect(abs(hit.position.longitude - longitude) < 1e-7)
    #expect(abs(hit.position.latitude) < 1e-9)
}
