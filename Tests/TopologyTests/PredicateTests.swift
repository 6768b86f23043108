import GeoJSON
import Testing
@testable import Topology

/// Axis-aligned square polygon [x0, x0+size] × [y0, y0+size] (x = longitude, y = latitude), counter-clockwise.
func square(_ x0: Double, _ y0: Double, _ size: Double) -> Geometry {
    .polygon([[p(x0, y0), p(x0 + size, y0), p(x0 + size, y0 + size), p(x0, y0 + size), p(x0, y0)]])
}

/// A position from planar x (longitude) and y (latitude).
func p(_ x: Double, _ y: Double) -> Position { Position(latitude: y, longitude: x) }

@Suite("Topology predicates")
struct PredicateTests {
    let unit = square(0, 0, 10)

    // Hand reasoning: (5,5) is strictly inside [0,10]²; (10,5) is on the right edge, so it is covered
    // but not contained (a polygon does not contain its boundary); (11,5) is outside.
    @Test("point in, on, and outside a square", arguments: [
        (5.0, 5.0, true, true, true),
        (10.0, 5.0, false, true, true),
        (11.0, 5.0, false, false, false),
    ])
    func pointPredicates(x: Double, y: Double, contains: Bool, covers: Bool, intersects: Bool) throws {
        let point = Geometry.point(p(x, y))
        #expect(try unit.contains(point) == contains)
        #expect(try unit.covers(point) == covers)
        #expect(try unit.intersects(point) == intersects)
        #expect(try unit.disjoint(point) == !intersects)
        #expect(try point.within(unit) == contains)
    }
}
