import GeoJSON
import Testing
@testable import Geodesy

/// Builds a ring from (latitude, longitude) pairs.
func ring(_ pairs: [(Double, Double)], closed: Bool = true) -> [Position] {
    var r = pairs.map { Position(latitude: $0.0, longitude: $0.1) }
    if closed, let first = r.first { r.append(first) }
    return r
}

// All expected areas and perimeters below: GeographicLib 2.0 Python, `Geodesic.WGS84.Polygon()`
// with `AddPoint(lat, lon)` for each vertex and `Compute(reverse=False, sign=True)`.
// Tolerances: 0.01 m² and 1 µm, well above double-double rounding and far below anything a user sees.

@Test("a 1°×1° cell at the equator, either orientation") func equatorCell() throws {
    let ccw = ring([(0, 0), (0, 1), (1, 1), (1, 0)])
    for r in [ccw, Array(ccw.reversed())] {
        let m = try Ellipsoid.wgs84.measure(polygon: [r])
        #expect(abs(m.area - 12_308_778_361.469452) < 0.01)  // GeographicLib
        #expect(abs(m.perimeter - 443_770.91724830196) < 1e-6)  // GeographicLib
    }
    // The signed form keeps the orientation: counter-clockwise positive.
    #expect(try Ellipsoid.wgs84.signedArea(ofRing: ccw).area > 0)
    #expect(try Ellipsoid.wgs84.signedArea(ofRing: ccw.reversed()).area < 0)
}

@Test("a 1°×1° cell at 60°N") func cellAt60North() throws {
    let m = try Ellipsoid.wgs84.measure(.polygon([ring([(60, 0), (60, 1), (61, 1), (61, 0)])]))
    #expect(abs(m.area - 6_122_943_163.071411) < 0.01)  // GeographicLib
    #expect(abs(m.perimeter - 332_747.8789852833) < 1e-6)  // GeographicLib
}

@Test("a polygon with a hole: exterior minus hole, whatever the hole's orientation") func polygonWithHole() throws {
    let outer = ring([(45, 20), (45, 30), (55, 30), (55, 20)])
    let hole = ring([(49, 24), (51, 24), (51, 26), (49, 26)])
    // GeographicLib: exterior 794897573097.1885 m², 3651935.0385999563 m; hole −31894470305.270874 m²
    // (clockwise as listed), 731646.5854746002 m.
    for h in [hole, Array(hole.reversed())] {
        let m = try Ellipsoid.wgs84.measure(polygon: [outer, h])
        #expect(abs(m.area - (794_897_573_097.1885 - 31_894_470_305.270874)) < 0.01)
        #expect(abs(m.perimeter - (3_651_935.0385999563 + 731_646.5854746002)) < 1e-6)
    }
}

@Test("a polygon crossing the antimeridian, wrapped, unwrapped and cut per RFC 7946") func antimeridian() throws {
    // GeographicLib: 46620884907.29706 m², 863870.5065952841 m.
    let wrapped = ring([(-20, 179), (-20, -179), (-18, -179), (-18, 179)])
    let unwrapped = ring([(-20, 179), (-20, 181), (-18, 181), (-18, 179)])
    for r in [wrapped, unwrapped] {
        let m = try Ellipsoid.wgs84.measure(polygon: [r])
        #expect(abs(m.area - 46_620_884_907.29706) < 0.01)
        #expect(abs(m.perimeter - 863_870.5065952841) < 1e-6)
    }
    // Cut at ±180 into two parts: GeographicLib gives 23309222502.96753 m² and 653320.4238986976 m
    // for each (mirror images). Their sum differs from the whole because the southern and northern
    // edges become two shorter geodesics each.
    let cut = Geometry.multiPolygon([
        [ring([(-20, 179), (-20, 180), (-18, 180), (-18, 179)])],
        [ring([(-20, -180), (-20, -179), (-18, -179), (-18, -180)])],
    ])
    let m = try Ellipsoid.wgs84.measure(cut)
    #expect(abs(m.area - 2 * 23_309_222_502.96753) < 0.01)
    #expect(abs(m.perimeter - 2 * 653_320.4238986976) < 1e-6)
}

@Test("rings around the north and south poles") func poles() throws {
    // 36 vertices on 80°N every 10° of longitude, eastward: GeographicLib 3889205864296.125 m²,
    // 6973062.988534159 m.
    let north = stride(from: -180.0, to: 180, by: 10).map { (80.0, $0) }
    let n = try Ellipsoid.wgs84.measure(polygon: [ring(north)])
    #expect(abs(n.area - 3_889_205_864_296.125) < 0.01)
    #expect(abs(n.perimeter - 6_973_062.988534159) < 1e-6)
    // 24 vertices on 75°S every 15°, westward: GeographicLib 8669415242725.656 m², 10377008.312483408 m.
    let south = stride(from: 180.0, to: -180, by: -15).map { (-75.0, $0) }
    let s = try Ellipsoid.wgs84.measure(polygon: [ring(south, closed: false)])
    #expect(abs(s.area - 8_669_415_242_725.656) < 0.01)
    #expect(abs(s.perimeter - 10_377_008.312483408) < 1e-6)
}

@Test("the WGS84 surface area") func surfaceArea() {
    // GeographicLib: 4π c² = 510065621724088.44 m² (the published 510 065 621.7 km²).
    #expect(abs(Ellipsoid.wgs84.surfaceArea - 510_065_621_724_088.44) < 1)
}

@Test("length of lines and perimeters") func lengths() throws {
    let line = Geometry.lineString(ring([(53.90019, 27.56653), (50.45466, 30.52380)], closed: false))
    // GeographicLib Inverse Minsk → Kyiv: 433392.45865004696 m.
    #expect(abs(try Ellipsoid.wgs84.length(of: line) - 433_392.45865004696) < 1e-6)
    let triangle = Geometry.polygon([ring([(53.90019, 27.56653), (50.45466, 30.52380), (49.9935, 36.2304)])])
    // GeographicLib Polygon: 75803602872.95752 m², 1580355.6183453966 m.
    #expect(abs(try Ellipsoid.wgs84.length(of: triangle) - 1_580_355.6183453966) < 1e-6)
    #expect(abs(try Ellipsoid.wgs84.measure(triangle).area - 75_803_602_872.95752) < 0.01)
}

@Test("degenerate polygons and other geometry types are typed errors") func degenerateAreas() {
    #expect(throws: GeodesyError.self) { try Ellipsoid.wgs84.measure(polygon: []) }
    #expect(throws: GeodesyError.self) { try Ellipsoid.wgs84.measure(polygon: [ring([(0, 0), (0, 1)])]) }
    #expect(throws: GeodesyError.self) { try Ellipsoid.wgs84.measure(polygon: [ring([(0, 0), (0, 1), (0, 1), (0, 0)])]) }
    #expect(throws: GeodesyError.self) { try Ellipsoid.wgs84.measure(.lineString(ring([(0, 0), (0, 1)]))) }
    #expect(throws: GeodesyError.invalidPosition(latitude: 95, longitude: 1, context: "polygon exterior ring, vertex 1")) {
        try Ellipsoid.wgs84.measure(polygon: [ring([(0, 0), (95, 1), (1, 1)])])
    }
}
