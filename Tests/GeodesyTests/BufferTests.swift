import GeoJSON
import Testing
import Topology
@testable import Geodesy

/// Every vertex of `buffer` (except those closing a polar cap on latitude ±90°) must lie at
/// `metres` ± max(0.5 %, 1 m) from the input, measured by `distance`. Returns the vertex count.
@discardableResult
func expectBand(_ buffer: Geometry, metres: Double, distance: (Position) throws -> Double,
                sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
    let tolerance = max(0.005 * metres, 1)
    var count = 0, worst = 0.0
    try buffer.forEachPosition { p in
        guard abs(p.latitude) < 90 - 1e-9 else { return }
        count += 1
        worst = max(worst, abs(try distance(p) - metres))
    }
    #expect(count > 0, sourceLocation: sourceLocation)
    #expect(worst <= tolerance, "worst vertex off by \(worst) m", sourceLocation: sourceLocation)
    // RFC 7946: longitudes within ±180°, latitudes within ±90°, and a valid planar polygon.
    buffer.forEachPosition { p in #expect(p.isValidGeographic, sourceLocation: sourceLocation) }
    #expect(try buffer.validity().isValid, sourceLocation: sourceLocation)
    return count
}

@Test("buffer of a point: a geodesic circle", arguments: [10.0, 2_500.0, 50_000.0])
func pointBuffer(metres: Double) throws {
    let b = try Ellipsoid.wgs84.buffer(.point(kyiv), metres: metres)
    guard case .polygon(let rings) = b else { Issue.record("expected one polygon, got \(b.typeName)"); return }
    #expect(rings.count == 1)
    try expectBand(b, metres: metres) { try Ellipsoid.wgs84.distance(from: kyiv, to: $0) }
    // The circle's area is close to π r² (hand computation: a small geodesic circle is nearly flat;
    // the inscribed 63-gon holds 99.8 % of the disc, and curvature shrinks it by ~r²/(3 R²) relatively).
    let area = try Ellipsoid.wgs84.measure(b).area
    #expect(abs(area / (Double.pi * metres * metres) - 1) < 0.005)
}

@Test("buffer of a line follows the line on both sides with round caps") func lineBuffer() throws {
    let line = [Position(latitude: 50.0, longitude: 36.0), Position(latitude: 50.3, longitude: 36.6), Position(latitude: 49.9, longitude: 37.2)]
    let index = try GeodesicLineIndex(.lineString(line))
    let b = try Ellipsoid.wgs84.buffer(.lineString(line), metres: 5_000, spacing: 250)
    try expectBand(b, metres: 5_000) { try index.distance(from: $0) }
    // Points at 4.9 km from the line are inside, at 5.1 km outside (perpendicular from the first edge's middle).
    let mid = try Ellipsoid.wgs84.line(from: line[0], to: line[1])
    let (foot, azimuth) = mid.point(atDistance: mid.length / 2)
    for (d, inside) in [(4_900.0, true), (5_100.0, false)] {
        let p = try Ellipsoid.wgs84.direct(from: foot, azimuth: azimuth + 90, metres: d).position
        #expect(try b.contains(.point(p)) == inside)
    }
}

@Test("outward and inward buffers of a polygon with a hole") func polygonBuffers() throws {
    let outer = ring([(49, 30), (49, 32), (51, 32), (51, 30)])
    let hole = ring([(49.8, 30.8), (49.8, 31.2), (50.2, 31.2), (50.2, 30.8)])
    let polygon = Geometry.polygon([outer, hole])
    let boundary = try GeodesicLineIndex(polygon)
    let grown = try Ellipsoid.wgs84.buffer(polygon, metres: 10_000)
    try expectBand(grown, metres: 10_000) { try boundary.distance(from: $0) }
    // The hole (about 44 km × 29 km) shrinks but survives a 10 km buffer.
    guard case .polygon(let grownRings) = grown else { Issue.record("expected a polygon"); return }
    #expect(grownRings.count == 2)

    let shrunk = try Ellipsoid.wgs84.inwardBuffer(polygon, metres: 10_000)
    try expectBand(shrunk, metres: 10_000) { try boundary.distance(from: $0) }
    // By definition the shrunk polygon lies inside the polygon, which lies inside the grown one.
    let a = try Ellipsoid.wgs84.measure(polygon).area
    #expect(try Ellipsoid.wgs84.measure(shrunk).area < a)
    #expect(try Ellipsoid.wgs84.measure(grown).area > a)
    // Hand computation: the square is 2° of latitude (≈ 222 km) by 2° of longitude at 50°N (≈ 143 km),
    // so no point is more than ≈ 72 km from its boundary and an 80 km inward buffer is empty.
    #expect(try Ellipsoid.wgs84.inwardBuffer(polygon, metres: 80_000).isEmpty)
}

@Test("a buffer crossing the antimeridian comes out cut into valid parts") func antimeridianBuffer() throws {
    let fiji = Position(latitude: -17.0, longitude: 179.9)
    let b = try Ellipsoid.wgs84.buffer(.point(fiji), metres: 50_000)
    guard case .multiPolygon(let parts) = b else { Issue.record("expected a MultiPolygon, got \(b.typeName)"); return }
    #expect(parts.count == 2)
    let box = try #require(b.boundingBox)
    #expect(box.west == -180 && box.east == 180)
    try expectBand(b, metres: 50_000) { try Ellipsoid.wgs84.distance(from: fiji, to: $0) }
    // Cutting does not change the area: the parts add up to the area of the whole circle built
    // away from the antimeridian (same latitude, hand reasoning: rotational symmetry of the ellipsoid).
    let whole = try Ellipsoid.wgs84.buffer(.point(Position(latitude: -17.0, longitude: 0)), metres: 50_000)
    let cutArea = try Ellipsoid.wgs84.measure(b).area, wholeArea = try Ellipsoid.wgs84.measure(whole).area
    #expect(abs(cutArea / wholeArea - 1) < 1e-4)
}

@Test("a buffer containing a pole is a polar cap", arguments: [89.5, -89.2])
func polarBuffer(latitude: Double) throws {
    let centre = Position(latitude: latitude, longitude: 40)
    let b = try Ellipsoid.wgs84.buffer(.point(centre), metres: 150_000)
    try expectBand(b, metres: 150_000) { try Ellipsoid.wgs84.distance(from: centre, to: $0) }
    let pole = Position(latitude: latitude > 0 ? 89.999 : -89.999, longitude: 0)
    #expect(try b.contains(.point(pole)))
    // Area: a geodesic circle of 150 km is nearly flat, ≈ π r² within 0.5 % (hand computation as above).
    #expect(abs(try Ellipsoid.wgs84.measure(b).area / (Double.pi * 150_000 * 150_000) - 1) < 0.005)
}

@Test("bad buffer distances are typed errors", arguments: [0.0, -5, .nan, .infinity, 2e7])
func badBufferDistance(metres: Double) {
    #expect(throws: GeodesyError.self) { try Ellipsoid.wgs84.buffer(.point(kyiv), metres: metres) }
}

@Test("degenerate inputs to a buffer are typed errors") func badBufferGeometry() {
    #expect(throws: GeodesyError.self) { try Ellipsoid.wgs84.buffer(.lineString([kyiv]), metres: 100) }
    #expect(throws: GeodesyError.self) { try Ellipsoid.wgs84.buffer(.lineString([kyiv, kyiv]), metres: 100) }
    #expect(throws: GeodesyError.self) { try Ellipsoid.wgs84.buffer(.polygon([ring([(0, 0), (0, 1)])]), metres: 100) }
    #expect(throws: GeodesyError.self) { try Ellipsoid.wgs84.inwardBuffer(.point(kyiv), metres: 100) }
    #expect(throws: GeodesyError.self) { try Ellipsoid.wgs84.buffer(.point(kyiv), metres: 100, spacing: 0) }
}

@Test("simplifying drops a vertex closer than the tolerance and keeps one farther") func simplifyTolerance() {
    // The middle vertex is 0.0001° of latitude off the equator: 11.06 m (meridian arc at the equator,
    // a(1 − e²) · 0.0001 · π/180 = 6 335 439 m · 1.745e-6 rad, hand computation).
    let path = [Position(latitude: 0, longitude: 0), Position(latitude: 0.0001, longitude: 0.01), Position(latitude: 0, longitude: 0.02)]
    #expect(Ellipsoid.wgs84.simplified(path, tolerance: 12).count == 2)
    #expect(Ellipsoid.wgs84.simplified(path, tolerance: 10).count == 3)
    // A closed ring keeps a vertex besides its closing one, however small it is.
    let tiny = [Position(latitude: 0, longitude: 0), Position(latitude: 0.00001, longitude: 0), Position(latitude: 0, longitude: 0)]
    #expect(Ellipsoid.wgs84.simplified(tiny, tolerance: 100).count == 3)
}

@Test("a detailed, wiggly line is buffered within the band of the line itself", arguments: [3.0, 200.0])
func wigglyLineBuffer(amplitude: Double) throws {
    // 50 km along 50°N with 2 001 vertices 25 m apart, zig-zagging `amplitude` metres north and south
    // (1° of latitude ≈ 111.2 km there): like a border digitised along a meandering river.
    let line = (0...2_000).map { k in
        Position(latitude: 50 + (k % 2 == 0 ? 1.0 : -1.0) * amplitude / 111_200, longitude: 30 + 0.7 * Double(k) / 2_000)
    }
    let index = try GeodesicLineIndex(.lineString(line))
    let b = try Ellipsoid.wgs84.buffer(.lineString(line), metres: 10_000)
    // The vertices are measured against the original line, not the simplified one built from.
    let vertices = try expectBand(b, metres: 10_000) { try index.distance(from: $0) }
    if amplitude < 10 {
        // Wiggles of 6 m from crest to trough, under the 20 m simplification tolerance (a 500th of
        // 10 km) even with the ≤ 12 m a 25 km geodesic bows from its chord, vanish: the buffer
        // is that of the straight line, ≈ 2 × 50 vertices along the sides (1 km spacing) plus two
        // half circles of ≈ 32 vertices (63 around), far fewer than the input's 2 001.
        #expect(vertices < 200)
    }
}
