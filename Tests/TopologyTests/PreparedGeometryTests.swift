import Foundation
import GeoJSON
import Testing
@testable import Topology

/// A regular polygon of `vertices` corners on the circle of `radius` around (cx, cy), the first corner
/// at angle 0 (due "east"), counter-clockwise.
func regularPolygon(vertices: Int, radius: Double, cx: Double = 0, cy: Double = 0) -> Geometry {
    var ring = (0..<vertices).map { i in
        let a = 2 * Double.pi * Double(i) / Double(vertices)
        return p(cx + radius * cos(a), cy + radius * sin(a))
    }
    ring.append(ring[0])
    return .polygon([ring])
}

@Suite("Topology prepared geometry")
struct PreparedGeometryTests {
    // Hand reasoning for the 1000-gon of radius 10: its edges stay within 10·(1 − cos(π/1000)) ≈ 5e-5
    // of the circle, so points nearer than 9.9 to the centre are inside and points farther than 10.1
    // are outside.
    let circle = regularPolygon(vertices: 1000, radius: 10)

    @Test("prepared predicates agree with the plain ones and with the circle")
    func agree() throws {
        let prepared = try PreparedGeometry(circle)
        for (x, y, inside) in [(0.0, 0.0, true), (9.8, 0.0, true), (-7.0, 7.0, true), (10.2, 0.0, false), (8.0, 8.0, false)] {
            let point = Geometry.point(p(x, y))
            #expect(try prepared.contains(point) == inside)
            #expect(try prepared.covers(point) == inside)
            #expect(try prepared.intersects(point) == inside)
            #expect(try prepared.contains(p(x, y)) == inside)
            #expect(try circle.contains(point) == inside)
        }
        // A small square around the centre is contained; one straddling x = 10 only intersects.
        #expect(try prepared.contains(square(-1, -1, 2)))
        #expect(try !prepared.contains(square(9, -1, 2)))
        #expect(try prepared.intersects(square(9, -1, 2)))
    }

    // Hand reasoning: boundary points are covered but not contained. The corner at angle 0 is exactly (10, 0).
    @Test("boundary: covered, not contained")
    func boundary() throws {
        let prepared = try PreparedGeometry(square(0, 0, 10))
        #expect(try !prepared.contains(p(10, 5)))
        #expect(try prepared.covers(.point(p(10, 5))))
        #expect(try prepared.contains([p(5, 5), p(10, 5), p(0, 0), p(-1, 5)]) == [true, false, false, false])
    }

    // Hand reasoning: the nearest point of the 1000-gon to (20, 0) is its corner (10, 0): distance 10.
    // To (13, 14) from [0,10]²: the corner (10,10), √(3² + 4²) = 5.
    @Test("prepared planar distance")
    func distance() throws {
        #expect(try PreparedGeometry(circle).planarDistance(to: .point(p(20, 0))) == 10)
        #expect(try PreparedGeometry(square(0, 0, 10)).planarDistance(to: .point(p(13, 14))) == 5)
    }

    @Test("bad input is a typed error")
    func badInput() throws {
        #expect(throws: TopologyError.malformed(path: "coordinates[0]", message: "ring is not closed: first and last positions differ")) {
            try PreparedGeometry(.polygon([[p(0, 0), p(1, 0), p(1, 1), p(0, 1)]]))
        }
        let prepared = try PreparedGeometry(circle)
        #expect(throws: TopologyError.malformed(path: "positions[1]", message: "coordinate is not a finite number")) {
            try prepared.contains([p(0, 0), p(.nan, 0)])
        }
    }
}
