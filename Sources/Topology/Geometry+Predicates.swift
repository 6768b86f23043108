internal import CGEOS
import GeoJSON

// Planar spatial predicates (DE-9IM) on longitude/latitude taken as x/y. Each call builds GEOS forms
// of both geometries, O(n + m) plus the predicate's own cost; for many tests against one geometry use
// `PreparedGeometry`. Thread-safe: each thread uses its own GEOS context.

extension Geometry {
    /// True when no point of `other` lies in this geometry's exterior and at least one point of
    /// `other`'s interior lies in this geometry's interior (a polygon does not contain its boundary).
    /// - Throws: `TopologyError.malformed` for geometries GEOS cannot build, `.library` if GEOS fails.
    public func contains(_ other: Geometry) throws -> Bool {
        try binaryPredicate(other, "GEOSContains_r", GEOSContains_r)
    }

    /// True when no point of `other` lies in this geometry's exterior: like `contains`, but a polygon
    /// covers its own boundary. - Throws: as `contains`.
    public func covers(_ other: Geometry) throws -> Bool {
        try binaryPredicate(other, "GEOSCovers_r", GEOSCovers_r)
    }

    /// True when the geometries share at least one point (boundaries included). - Throws: as `contains`.
    public func intersects(_ other: Geometry) throws -> Bool {
        try binaryPredicate(other, "GEOSIntersects_r", GEOSIntersects_r)
    }

    /// True when this geometry lies within `other`: `other.contains(self)`. - Throws: as `contains`.
    public func within(_ other: Geometry) throws -> Bool {
        try binaryPredicate(other, "GEOSWithin_r", GEOSWithin_r)
    }

    /// True when the geometries share no point: the negation of `intersects`. - Throws: as `contains`.
    public func disjoint(_ other: Geometry) throws -> Bool {
        try binaryPredicate(other, "GEOSDisjoint_r", GEOSDisjoint_r)
    }

    /// True when the geometries are the same point set (topological equality: vertex order, ring start
    /// and repeated points do not matter). - Throws: as `contains`.
    public func topologicallyEquals(_ other: Geometry) throws -> Bool {
        try binaryPredicate(other, "GEOSEquals_r", GEOSEquals_r)
    }
}
