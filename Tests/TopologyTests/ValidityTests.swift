import GeoJSON
import Testing
@testable import Topology

@Suite("Topology validity")
struct ValidityTests {
    // The bow-tie (0,0) → (10,10) → (10,0) → (0,10) → (0,0): its two diagonals cross at (5,5).
    let bowTie = Geometry.polygon([[p(0, 0), p(10, 10), p(10, 0), p(0, 10), p(0, 0)]])

    // GEOS's IsValidOp names a crossing of a polygon's own edges "Self-intersection" and gives the
    // crossing point; the diagonals y = x and y = 10 − x meet at (5,5).
    @Test("a bow-tie is invalid: Self-intersection at (5,5)")
    func bowTieInvalid() throws {
        let report = try bowTie.validity()
        #expect(report == ValidityReport(isValid: false, reason: "Self-intersection", location: p(5, 5)))
    }

    // Hand reasoning: the bow-tie covers two triangles, (0,0) (5,5) (0,10) and (10,0) (10,10) (5,5),
    // each with base 10 and height 5, area 25: 50 in all. Make-valid must give a valid multipolygon of
    // those two triangles, so area 50.
    @Test("make-valid turns the bow-tie into a valid multipolygon of the same area")
    func bowTieRepaired() throws {
        let repaired = try bowTie.makeValid()
        guard case .multiPolygon(let parts) = repaired else {
            Issue.record("expected a MultiPolygon, got \(repaired.typeName)")
            return
        }
        #expect(parts.count == 2)
        #expect(try repaired.validity().isValid)
        #expect(try repaired.planarArea() == 50)
        #expect(try repaired.covers(.point(p(1, 5))))   // in the left triangle
        #expect(try repaired.covers(.point(p(9, 5))))   // in the right triangle
        #expect(try !repaired.covers(.point(p(5, 1))))  // in the notch below the crossing
    }

    // Reasons are GEOS's TopologyValidationError wording; locations by hand from the inputs.
    @Test("invalid cases with reason and location", arguments: [
        ("hole outside its shell",
         Geometry.polygon([[p(0, 0), p(10, 0), p(10, 10), p(0, 10), p(0, 0)], [p(20, 20), p(21, 20), p(21, 21), p(20, 20)]]),
         "Hole lies outside shell", p(20, 20)),
        ("unclosed ring",
         Geometry.polygon([[p(0, 0), p(10, 0), p(10, 10), p(0, 10)]]), "Ring is not closed", p(0, 0)),
        ("ring of three positions",
         Geometry.polygon([[p(0, 0), p(1, 0), p(0, 0)]]), "Too few distinct points in geometry component", p(0, 0)),
        ("line of one position",
         Geometry.multiLineString([[p(0, 0), p(1, 1)], [p(3, 3)]]), "Too few distinct points in geometry component", p(3, 3)),
        // A ring touching itself at (5,0) where the spike returns: GEOS calls this a ring self-intersection.
        ("ring touching itself",
         Geometry.polygon([[p(0, 0), p(5, 0), p(10, 0), p(10, 10), p(5, 0), p(0, 10), p(0, 0)]]), "Ring Self-intersection", p(5, 0)),
    ])
    func invalid(name: String, geometry: Geometry, reason: String, location: Position) throws {
        let report = try geometry.validity()
        #expect(!report.isValid)
        #expect(report.reason == reason)
        #expect(report.location == location)
    }

    @Test("a NaN coordinate is reported as an invalid coordinate at that position")
    func nanCoordinate() throws {
        let report = try Geometry.lineString([p(0, 0), p(.nan, 1)]).validity()
        #expect(!report.isValid)
        #expect(report.reason == "Invalid Coordinate")
        #expect(report.location?.latitude == 1)
        #expect(report.location?.longitude.isNaN == true)
    }

    // OGC Simple Features: empty geometries and simple shapes are valid.
    @Test("valid cases", arguments: [square(0, 0, 1), .multiPolygon([]), .point(p(1, 2)),
                                     .lineString([p(0, 0), p(1, 1), p(0, 1), p(1, 0)])])  // a self-crossing line is valid (not simple)
    func valid(geometry: Geometry) throws {
        #expect(try geometry.validity() == ValidityReport(isValid: true))
    }

    @Test("make-valid of a malformed ring is a typed error")
    func makeValidMalformed() throws {
        #expect(throws: TopologyError.malformed(path: "coordinates[0]", message: "ring is not closed: first and last positions differ")) {
            try Geometry.polygon([[p(0, 0), p(10, 0), p(10, 10), p(0, 10)]]).makeValid()
        }
    }
}
