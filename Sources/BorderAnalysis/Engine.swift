import GeoJSON
import Geodesy

// What BorderAnalysis needs from the geometry layers, in one place. The standard engine forwards to
// Geodesy (indexed geodesic point→line distance, geodesic areas and buffers) and Topology (prepared
// containment, overlay); nothing here measures in degrees.

/// The nearest location on a set of lines to a query point.
package struct NearestOnLines: Sendable, Hashable {
    /// Geodesic distance in metres on WGS84.
    package var metres: Double
    /// The nearest location on the lines (edges taken as geodesics).
    package var position: Position
    /// Index of the line (part) it lies on, in the order the lines were given.
    package var part: Int

    package init(metres: Double, position: Position, part: Int) {
        self.metres = metres; self.position = position; self.part = part
    }
}

/// An index over fixed lines answering nearest-location queries. Implementations are immutable and
/// usable from many threads at once.
package protocol LineDistanceIndex: Sendable {
    /// The nearest location on the indexed lines to `point`.
    func nearest(to point: Position) throws -> NearestOnLines
}

/// A prepared area answering point-in-area queries; usable from many threads at once.
package protocol AreaIndex: Sendable {
    /// True when `point` lies in the area's interior or on its boundary.
    func covers(_ point: Position) throws -> Bool
}

/// The operations of the layers underneath, as values so that tests can run the analysis on
/// synthetic geometry with brute-force references. All distances in metres, areas in m² on WGS84.
package struct GeometryEngine: Sendable {
    package var lineIndex: @Sendable (_ lines: [[Position]]) throws -> any LineDistanceIndex
    package var areaIndex: @Sendable (_ area: Geometry) throws -> any AreaIndex
    /// Geodesic area in m² of a (multi)polygon, holes subtracted.
    package var area: @Sendable (_ polygon: Geometry) throws -> Double
    /// The geodesic buffer (all points within `metres`) of a geometry, as a (multi)polygon.
    package var buffer: @Sendable (_ geometry: Geometry, _ metres: Double) throws -> Geometry
    package var intersection: @Sendable (_ a: Geometry, _ b: Geometry) throws -> Geometry
    package var difference: @Sendable (_ a: Geometry, _ b: Geometry) throws -> Geometry
    package var intersects: @Sendable (_ a: Geometry, _ b: Geometry) throws -> Bool
    /// The union of many geometries, dissolved.
    package var union: @Sendable (_ parts: [Geometry]) throws -> Geometry

    package init(lineIndex: @escaping @Sendable ([[Position]]) throws -> any LineDistanceIndex,
                 areaIndex: @escaping @Sendable (Geometry) throws -> any AreaIndex,
                 area: @escaping @Sendable (Geometry) throws -> Double,
                 buffer: @escaping @Sendable (Geometry, Double) throws -> Geometry,
                 intersection: @escaping @Sendable (Geometry, Geometry) throws -> Geometry,
                 difference: @escaping @Sendable (Geometry, Geometry) throws -> Geometry,
                 intersects: @escaping @Sendable (Geometry, Geometry) throws -> Bool,
                 union: @escaping @Sendable ([Geometry]) throws -> Geometry) {
        self.lineIndex = lineIndex; self.areaIndex = areaIndex; self.area = area; self.buffer = buffer
        self.intersection = intersection; self.difference = difference; self.intersects = intersects
        self.union = union
    }
}

/// Geodesic length in metres of a polyline whose edges are geodesics. O(n).
func geodesicLength(_ line: [Position]) throws(BorderAnalysisError) -> Double {
    try computing("geodesic length") { try Ellipsoid.wgs84.length(of: .lineString(line)) }
}

extension Geometry {
    /// The lines of a (Multi)LineString, or of every line in a collection; nil for other types.
    var lines: [[Position]]? {
        switch self {
        case .lineString(let l): return [l]
        case .multiLineString(let ls): return ls
        case .geometryCollection(let gs):
            var out: [[Position]] = []
            for g in gs { if let ls = g.lines { out += ls } else if case .point = g {} else { return nil } }
            return out
        default: return nil
        }
    }

    /// The polygons of a (Multi)Polygon or of every polygon in a collection (other parts dropped).
    var polygons: [[[Position]]] {
        switch self {
        case .polygon(let p): return p.isEmpty ? [] : [p]
        case .multiPolygon(let ps): return ps.filter { !$0.isEmpty }
        case .geometryCollection(let gs): return gs.flatMap(\.polygons)
        default: return []
        }
    }

    /// The polygonal part as a single geometry: a Polygon for one part, else a MultiPolygon.
    var polygonal: Geometry {
        let ps = polygons
        return ps.count == 1 ? .polygon(ps[0]) : .multiPolygon(ps)
    }
}
