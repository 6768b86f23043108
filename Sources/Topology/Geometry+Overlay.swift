internal import CGEOS
import GeoJSON

// Planar overlay on longitude/latitude taken as x/y (GEOS OverlayNG). Results are new values; an
// empty result is an empty geometry of the natural type (e.g. `.polygon([])`, or `.multiPoint([])`
// for an empty point). Thread-safe: each thread uses its own GEOS context.

extension Geometry {
    /// The points shared by this geometry and `other`. O((n + m) log(n + m)) typically.
    /// - Throws: `TopologyError.malformed` for geometries GEOS cannot build, `.library` if GEOS fails
    ///   (e.g. a `TopologyException` on invalid input: repair it with `makeValid()` first).
    ///
    /// When one operand's bounding box is much smaller than the other's (a buffer against a whole
    /// country), the larger operand is first cut to that box, slightly enlarged, with GEOS's
    /// rectangle clipping (linear time): the intersection lies inside both boxes, so the result is
    /// the same, and the overlay only sees the part of the large outline that can matter.
    public func intersection(_ other: Geometry) throws -> Geometry {
        guard let mine = boundingBox, let theirs = other.boundingBox else {
            return try binaryOperation(other, "GEOSIntersection_r", GEOSIntersection_r)
        }
        return try withGEOS { context, a in
            var a = a, b = try GEOSGeometryHandle(other, in: context)
            if mine.planarArea < theirs.planarArea / 4 {
                b = try b.clipped(to: mine, in: context)
            } else if theirs.planarArea < mine.planarArea / 4 {
                a = try a.clipped(to: theirs, in: context)
            }
            return try GEOSGeometryHandle(result: GEOSIntersection_r(context.handle, a.pointer, b.pointer),
                                          of: "GEOSIntersection_r", in: context).geometry(in: context)
        }
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

extension BoundingBox {
    /// Width × height in square degrees: only for comparing boxes.
    var planarArea: Double { max(0, east - west) * max(0, north - south) }
}

extension GEOSGeometryHandle {
    /// The part of this geometry inside `box` enlarged by a millionth of its size (and at least
    /// 1e-9°) on every side, so that an outline lying on the box's edge is not cut along it.
    func clipped(to box: BoundingBox, in context: GEOSContext) throws -> GEOSGeometryHandle {
        let margin = max(1e-9, 1e-6 * max(box.east - box.west, box.north - box.south))
        return try GEOSGeometryHandle(result: GEOSClipByRect_r(context.handle, pointer, box.west - margin, box.south - margin,
                                                               box.east + margin, box.north + margin),
                                      of: "GEOSClipByRect_r", in: context)
    }
}
