internal import CGEOS
import GeoJSON

// Planar overlay on longitude/latitude taken as x/y (GEOS OverlayNG). Results are new values; an
// empty result is an empty geometry of the natural type (e.g. `.polygon([])`, or `.multiPoint([])`
// for an empty point). Thread-safe: each thread uses its own GEOS context.

extension Geometry {
    /// The points shared by this geometry and `other`. O((n + m) log(n + m)) typically.
    /// - Throws: `TopologyError.malformed` for geometries GEOS cannot build, `.library` if GEOS fails
    ///   (e.g. a `TopologyException` on invalid input: repair it with `makeValid()` first).
    public func intersection(_ other: Geometry) throws -> Geometry {
        try binaryOperation(other, "GEOSIntersection_r", GEOSIntersection_r)
    }

    /// The points in this geometry or in `other`, dissolved. - Throws: as `intersection`.
    public func union(_ other: Geometry) throws -> Geometry {
        try binaryOperation(other, "GEOSUnion_r", GEOSUnion_r)
    }

    /// The points in this geometry and not in `other`. - Throws: as `intersection`.
    public func difference(_ other: Geometry) throws -> Geometry {
        try binaryOperation(other, "GEOSDifference_r", GEOSDifference_r)
    }

    /// The union of all `geometries`, dissolved in one pass (cascaded union: much faster than folding
    /// `union(_:)` over many polygons). An empty array gives an empty geometry collection.
    /// - Throws: as `intersection`.
    public static func unaryUnion(_ geometries: [Geometry]) throws -> Geometry {
        try Geometry.geometryCollection(geometries).unaryOperation("GEOSUnaryUnion_r", GEOSUnaryUnion_r)
    }
}
