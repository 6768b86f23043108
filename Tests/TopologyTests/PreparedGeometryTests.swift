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

    /// Shapes with integer vertices, so that grid points hit vertices, edges and rays through vertices
    /// exactly, plus slanted edges whose nearby points need exact orientation.
    static let locatorShapes: [(String, Geometry)] = [
        ("1000-gon", regularPolygon(vertices: 1000, radius: 10)),
        ("donut", .polygon([[p(0, 0), p(10, 0), p(10, 10), p(0, 10), p(0, 0)], [p(3, 3), p(3, 7), p(7, 7), p(7, 3), p(3, 3)]])),
        ("comb", .polygon([[p(0, 0), p(9, 0), p(9, 5), p(8, 5), p(8, 1), p(6, 1), p(6, 5), p(5, 5), p(5, 1), p(3, 1),
                             p(3, 5), p(2, 5), p(2, 1), p(0, 1), p(0, 0)]])),
        ("multipolygon with hole", .multiPolygon([
            [[p(0, 0), p(4, 0), p(4, 4), p(0, 4), p(0, 0)], [p(1, 1), p(1, 3), p(3, 3), p(1, 1)]],
            [[p(5, 5), p(9, 6), p(6, 9), p(5, 5)]],
        ])),
        ("slanted triangle", .polygon([[p(0, 0), p(1, 3), p(-2, 7), p(0, 0)]])),
        // Long edges that span most of the height, so that each lies in many slabs.
        ("star", .polygon([(0...400).map { i in
            let a = 2 * Double.pi * Double(i % 400) / 400, r = i % 2 == 0 ? 11.0 : 0.5
            return p(r * cos(a), r * sin(a))
        }])),
        // Zero height: every vertex on y = 0 (invalid, but GEOS can build and query it).
        ("flat", .polygon([[p(0, 0), p(5, 0), p(9, 0), p(0, 0)]])),
    ]

    // The reference is GEOS's own prepared contains on the same points (`geosContains`): the Swift
    // locator must give exactly GEOS's answer on every point, including vertices, edges, rays through
    // vertices, and points within rounding distance of slanted edges.
    @Test("the shared point locator answers exactly as GEOS", arguments: locatorShapes)
    func locatorMatchesGEOS(name: String, shape: Geometry) throws {
        let prepared = try PreparedGeometry(shape)
        var probes: [Position] = []
        for i in stride(from: -12.0, through: 12.0, by: 0.5) { for j in stride(from: -12.0, through: 12.0, by: 0.5) { probes.append(p(i, j)) } }
        shape.forEachPosition { probes.append($0) }
        var rng = LCG(state: 3)
        for _ in 0..<2000 {
            // Points on or next to the segment (0,0)–(1,3) and (1,3)–(-2,7), within a few ulps.
            let t = rng.next()
            probes.append(p(t, 3 * t))
            probes.append(p(1 - 3 * t, 3 + 4 * t).nudged(by: Int(rng.next() * 5) - 2))
            probes.append(p(rng.next() * 24 - 12, rng.next() * 24 - 12))
        }
        let fast = try prepared.contains(probes)
        let reference = try probes.map { try prepared.geosContains($0) }
        let differing = probes.indices.filter { fast[$0] != reference[$0] }.map { probes[$0] }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
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

extension Position {
    /// This position with its longitude moved by `ulps` units in the last place.
    func nudged(by ulps: Int) -> Position {
        var x = longitude
        for _ in 0..<abs(ulps) { x = ulps > 0 ? x.nextUp : x.nextDown }
        return Position(latitude: latitude, longitude: x)
    }
}
