import GeoJSON
import Testing
@testable import Topology

@Suite("Topology overlay and measures")
struct OverlayTests {
    let a = square(0, 0, 10)   // [0,10]²
    let b = square(5, 5, 10)   // [5,15]², overlapping a in [5,10]²

    // Hand reasoning: the overlap of [0,10]² and [5,15]² is [5,10]² (area 25); the union has area
    // 100 + 100 − 25 = 175; a minus b is an L-shape of area 100 − 25 = 75.
    @Test("intersection, union and difference of two overlapping squares")
    func overlapOfSquares() throws {
        let i = try a.intersection(b)
        #expect(try i.topologicallyEquals(square(5, 5, 5)))
        #expect(try i.planarArea() == 25)
        #expect(try a.union(b).planarArea() == 175)
        let d = try a.difference(b)
        #expect(try d.planarArea() == 75)
        #expect(try d.disjoint(.point(p(7.5, 7.5))))       // inside the removed corner
        #expect(try d.contains(.point(p(2.5, 2.5))))        // inside what is left
    }

    // Hand reasoning: [0,1]², [1,2]×[0,1] and [2,3]×[0,1] share edges, so their union is the
    // rectangle [0,3]×[0,1] as one polygon.
    @Test("unary union dissolves shared edges")
    func unaryUnion() throws {
        let u = try Geometry.unaryUnion([square(0, 0, 1), square(1, 0, 1), square(2, 0, 1)])
        let rectangle = Geometry.polygon([[p(0, 0), p(3, 0), p(3, 1), p(0, 1), p(0, 0)]])
        guard case .polygon = u else { Issue.record("expected one polygon, got \(u.typeName)"); return }
        #expect(try u.topologicallyEquals(rectangle))
        #expect(try Geometry.unaryUnion([]).isEmpty)
    }

    // Hand reasoning: the line x + y = 20 bounding the triangle (0,0), (20,0), (0,20) runs through the
    // corners (11,9) and (9,11) of the box [9,11]², so the overlap is the triangle (9,9), (11,9),
    // (9,11) of area 2, whichever operand is the small one (the large one is cut to the small one's
    // box before the overlay). A box inside the triangle comes back whole; one outside, empty.
    @Test("intersection of a small box with a large polygon, either way round")
    func smallWithLarge() throws {
        let triangle = Geometry.polygon([[p(0, 0), p(20, 0), p(0, 20), p(0, 0)]])
        let box = square(9, 9, 2)
        let expected = Geometry.polygon([[p(9, 9), p(11, 9), p(9, 11), p(9, 9)]])
        for i in [try box.intersection(triangle), try triangle.intersection(box)] {
            #expect(try i.topologicallyEquals(expected))
            #expect(abs(try i.planarArea() - 2) < 1e-12)
        }
        #expect(try square(2, 2, 1).intersection(triangle).topologicallyEquals(square(2, 2, 1)))
        #expect(try square(15, 15, 1).intersection(triangle).isEmpty)
    }

    // Hand reasoning: the squares [0,1]² and [5,6]² have no common point.
    @Test("intersection of disjoint squares is empty")
    func disjointIntersection() throws {
        #expect(try square(0, 0, 1).intersection(square(5, 5, 1)).isEmpty)
        #expect(try Geometry.point(p(0, 0)).intersection(.point(p(1, 1))).isEmpty)
    }

    // Hand reasoning: the horizontal line y = 5 from x = −5 to 15 crosses [0,10]² from (0,5) to (10,5).
    @Test("a line clipped by a square")
    func lineClip() throws {
        let line = Geometry.lineString([p(-5, 5), p(15, 5)])
        #expect(try a.intersection(line).topologicallyEquals(.lineString([p(0, 5), p(10, 5)])))
        #expect(try line.intersection(a).planarLength() == 10)
    }

    // Hand reasoning: a point in the hole of a polygon is outside the polygon.
    @Test("a hole is outside")
    func hole() throws {
        let donut = Geometry.polygon([
            [p(0, 0), p(10, 0), p(10, 10), p(0, 10), p(0, 0)],
            [p(4, 4), p(4, 6), p(6, 6), p(6, 4), p(4, 4)],
        ])
        #expect(try !donut.contains(.point(p(5, 5))))
        #expect(try donut.contains(.point(p(2, 2))))
        #expect(try donut.planarArea() == 96)  // 100 − 2×2
    }

    // Hand reasoning: the envelope of the triangle (0,0) (4,1) (2,3) spans x 0…4 and y 0…3; the
    // centroid of [0,10]² is its centre (5,5); an L-shape's point on surface lies on the L.
    @Test("envelope, centroid, point on surface")
    func constructions() throws {
        let triangle = Geometry.polygon([[p(0, 0), p(4, 1), p(2, 3), p(0, 0)]])
        #expect(try triangle.envelope().topologicallyEquals(.polygon([[p(0, 0), p(4, 0), p(4, 3), p(0, 3), p(0, 0)]])))
        #expect(try a.centroid() == p(5, 5))
        let l = Geometry.polygon([[p(0, 0), p(10, 0), p(10, 1), p(1, 1), p(1, 10), p(0, 10), p(0, 0)]])
        #expect(try l.covers(.point(l.pointOnSurface())))
    }

    // Hand reasoning: the middle vertex (5, 0.01) is 0.01 off the chord from (0,0) to (10,0), under
    // the 0.1 tolerance, so it goes; the vertex (5, 1) is 1 off, over the tolerance, so it stays.
    @Test("topology-preserving simplification drops vertices within the tolerance")
    func simplify() throws {
        #expect(try Geometry.lineString([p(0, 0), p(5, 0.01), p(10, 0)]).simplified(toleranceDegrees: 0.1)
            == .lineString([p(0, 0), p(10, 0)]))
        #expect(try Geometry.lineString([p(0, 0), p(5, 1), p(10, 0)]).simplified(toleranceDegrees: 0.1)
            == .lineString([p(0, 0), p(5, 1), p(10, 0)]))
    }

    // Hand reasoning: the nearest points of [0,10]² and (13, 14) are (10,10) and (13,14): √(9+16) = 5.
    @Test("planar distance")
    func distance() throws {
        #expect(try a.planarDistance(to: .point(p(13, 14))) == 5)
    }

    @Test("operations that need positions reject an empty geometry", arguments: ["centroid", "pointOnSurface", "envelope"])
    func emptyInput(operation: String) throws {
        let empty = Geometry.multiPolygon([])
        #expect(throws: TopologyError.emptyGeometry(operation: operation)) {
            switch operation {
            case "centroid": _ = try empty.centroid()
            case "pointOnSurface": _ = try empty.pointOnSurface()
            default: _ = try empty.envelope()
            }
        }
    }

    // Two overlapping squares in one collection are not a valid area; GEOS's overlay refuses such
    // input with a TopologyException. The message must reach us through the context's error handler
    // (not stderr), named with the C function, and not linger into the next call.
    @Test("a GEOS failure becomes a typed error with GEOS's message")
    func libraryError() throws {
        let overlapping = Geometry.geometryCollection([square(0, 0, 1), square(0.5, 0, 1)])
        let error = #expect(throws: TopologyError.self) { try overlapping.intersection(square(0, 0, 1)) }
        guard case .library(let function, let message)? = error else {
            Issue.record("expected a GEOS error, got \(String(describing: error))")
            return
        }
        #expect(function == "GEOSIntersection_r")
        #expect(message.hasPrefix("TopologyException"), "\(message)")
        // Dissolving the parts first gives [0,1.5]×[0,1], whose overlap with [0,1]² has area 1.
        #expect(try Geometry.unaryUnion([square(0, 0, 1), square(0.5, 0, 1)]).intersection(square(0, 0, 1)).planarArea() == 1)
    }

    @Test("NaN coordinates are rejected with their path")
    func nanInput() throws {
        let bad = Geometry.polygon([[p(0, 0), p(1, .nan), p(1, 1), p(0, 0)]])
        #expect(throws: TopologyError.malformed(path: "coordinates[0][1]", message: "coordinate is not a finite number")) {
            try a.intersects(bad)
        }
        let nested = Geometry.geometryCollection([.point(p(0, 0)), .point(p(.infinity, 0))])
        #expect(throws: TopologyError.malformed(path: "geometries[1].coordinates", message: "coordinate is not a finite number")) {
            try nested.union(a)
        }
    }
}
