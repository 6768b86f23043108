internal import CPROJ
import GeoJSON

/// Geodesic area and perimeter of a polygonal geometry.
public struct PolygonMeasure: Sendable, Hashable {
    /// Enclosed area in square metres (exteriors minus holes), ≥ 0.
    public var area: Double
    /// Total length of all rings (exteriors and holes) in metres, each edge a geodesic.
    public var perimeter: Double

    /// A measure from an area in m² and a perimeter in metres.
    public init(area: Double, perimeter: Double) {
        self.area = area
        self.perimeter = perimeter
    }

    /// Area in km², for reporting.
    public var areaSquareKilometres: Double { area / 1e6 }

    static func + (a: PolygonMeasure, b: PolygonMeasure) -> PolygonMeasure {
        PolygonMeasure(area: a.area + b.area, perimeter: a.perimeter + b.perimeter)
    }
}

extension Ellipsoid {
    /// The ellipsoid's total surface area in m² (510 065 621.7 km² for WGS84).
    public var surfaceArea: Double {
        // `c2` is the authalic radius squared, which geod_init computes: A = 4π c².
        4 * Double.pi * geodesic.c2
    }

    /// Signed geodesic area (m²) and perimeter (m) of one ring, each edge the geodesic between its
    /// vertices. Positive when the ring runs counter-clockwise around the region it encloses.
    ///
    /// Whatever the orientation, the ring is taken to enclose the smaller of the two regions it
    /// separates (|area| ≤ half the Earth), so a clockwise ring gives the same magnitude with a
    /// minus sign. Rings crossing the antimeridian (e.g. 179.5° → −179.8°) and rings winding
    /// around a pole are measured correctly. The closing vertex may be repeated or omitted. O(n).
    /// - Throws: `GeodesyError.invalidPosition` for a bad vertex (longitudes up to ±540° are
    ///   accepted, for unwrapped rings), `.degenerateGeometry` for fewer than three distinct vertices.
    public func signedArea(ofRing ring: [Position], context: String = "ring") throws(GeodesyError) -> PolygonMeasure {
        var polygon = geod_polygon()
        geod_polygon_init(&polygon, 0)
        var count = ring.count
        if count > 1 && ring[0].latitude == ring[count - 1].latitude && ring[0].longitude == ring[count - 1].longitude {
            count -= 1
        }
        var distinct: [Position] = []
        for i in 0..<count {
            let p = try ring[i].validated("\(context), vertex \(i)", longitudeLimit: 540)
            if distinct.count < 3 && !distinct.contains(p) { distinct.append(p) }
            withUnsafePointer(to: geodesic) { g in geod_polygon_addpoint(g, &polygon, p.latitude, p.longitude) }
        }
        guard distinct.count >= 3 else {
            throw .degenerateGeometry("\(context) has \(distinct.count) distinct vertices; a ring needs at least 3")
        }
        var area = 0.0, perimeter = 0.0
        withUnsafePointer(to: geodesic) { g in
            // reverse = 0: counter-clockwise is positive; sign = 1: a clockwise ring gives a negative
            // area instead of "the rest of the Earth". Returns the number of points (no failure mode).
            _ = geod_polygon_compute(g, &polygon, 0, 1, &area, &perimeter)
        }
        return PolygonMeasure(area: area, perimeter: perimeter)
    }

    /// Area (m²) and perimeter (m) of a polygon given as rings, the first the exterior, the others
    /// holes. Any ring orientation is accepted: each ring is taken to enclose less than half the
    /// Earth, and the area is |exterior| − Σ|holes|. The perimeter counts every ring. O(n).
    /// - Throws: `GeodesyError` for an empty polygon, a degenerate ring or a bad vertex, naming it.
    public func measure(polygon rings: [[Position]], context: String = "polygon") throws(GeodesyError) -> PolygonMeasure {
        guard !rings.isEmpty else { throw .degenerateGeometry("\(context) has no rings") }
        var area = 0.0, perimeter = 0.0
        for (r, ring) in rings.enumerated() {
            let m = try signedArea(ofRing: ring, context: r == 0 ? "\(context) exterior ring" : "\(context) hole \(r)")
            area += r == 0 ? abs(m.area) : -abs(m.area)
            perimeter += m.perimeter
        }
        return PolygonMeasure(area: max(0, area), perimeter: perimeter)
    }

    /// Area (m²) and perimeter (m) of a Polygon, MultiPolygon, or a GeometryCollection of them (summed
    /// over parts; overlapping parts are counted twice, as in GeographicLib). O(n).
    /// - Throws: `GeodesyError.degenerateGeometry` for other geometry types or degenerate rings;
    ///   `.invalidPosition` for a bad vertex.
    public func measure(_ geometry: Geometry) throws(GeodesyError) -> PolygonMeasure {
        switch geometry {
        case .polygon(let rings):
            return try measure(polygon: rings)
        case .multiPolygon(let polygons):
            guard !polygons.isEmpty else { throw .degenerateGeometry("MultiPolygon has no polygons") }
            var total = PolygonMeasure(area: 0, perimeter: 0)
            for (i, rings) in polygons.enumerated() { total = total + (try measure(polygon: rings, context: "polygon \(i)")) }
            return total
        case .geometryCollection(let parts):
            var total = PolygonMeasure(area: 0, perimeter: 0)
            for part in parts { total = total + (try measure(part)) }
            return total
        default:
            throw .degenerateGeometry("\(geometry.typeName) has no area; expected Polygon or MultiPolygon")
        }
    }

    /// Geodesic length in metres of a LineString or MultiLineString (sum of the geodesic edges), or
    /// the perimeter of a Polygon or MultiPolygon. O(n).
    /// - Throws: `GeodesyError.invalidPosition` for a bad vertex, `.degenerateGeometry` for a point.
    public func length(of geometry: Geometry) throws(GeodesyError) -> Double {
        switch geometry {
        case .lineString(let line):
            return try length(ofPath: line, context: "line")
        case .multiLineString(let lines):
            var total = 0.0
            for (i, line) in lines.enumerated() { total += try length(ofPath: line, context: "line \(i)") }
            return total
        case .polygon, .multiPolygon:
            return try measure(geometry).perimeter
        case .geometryCollection(let parts):
            var total = 0.0
            for part in parts { total += try length(of: part) }
            return total
        case .point, .multiPoint:
            throw .degenerateGeometry("\(geometry.typeName) has no length")
        }
    }

    func length(ofPath path: [Position], context: String) throws(GeodesyError) -> Double {
        var total = 0.0
        for i in path.indices {
            let p = try path[i].validated("\(context), vertex \(i)")
            if i > 0 { total += unsafeDistance(path[i - 1].latitude, path[i - 1].longitude, p.latitude, p.longitude) }
        }
        return total
    }
}
