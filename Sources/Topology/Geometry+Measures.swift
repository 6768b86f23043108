internal import CGEOS
import GeoJSON

// Constructions that do not need the ellipsoid: envelope, centroid, point on surface, simplification.
// All work on longitude/latitude as planar x/y; the `planar…` helpers return degrees (or square
// degrees) and are `package` so that nobody mistakes them for metres: geodesic lengths, areas and
// buffers are the Geodesy module's job.

extension Geometry {
    /// The planar bounding rectangle as a polygon (a point for a single point, a line when flat).
    /// - Throws: `TopologyError.emptyGeometry` for an empty geometry, `.malformed`/`.library` as elsewhere.
    public func envelope() throws -> Geometry {
        try requireNonEmpty("envelope")
        return try unaryOperation("GEOSEnvelope_r", GEOSEnvelope_r)
    }

    /// The planar centroid (of the highest-dimension parts), which may lie outside a concave polygon.
    /// Good for labels of compact shapes; for a point guaranteed inside use `pointOnSurface()`.
    /// - Throws: `TopologyError.emptyGeometry` for an empty geometry, `.malformed`/`.library` as elsewhere.
    public func centroid() throws -> Position {
        try requireNonEmpty("centroid")
        return try singlePosition(unaryOperation("GEOSGetCentroid_r", GEOSGetCentroid_r), "GEOSGetCentroid_r")
    }

    /// A point guaranteed to lie on the geometry (inside a polygon, on a line).
    /// - Throws: `TopologyError.emptyGeometry` for an empty geometry, `.malformed`/`.library` as elsewhere.
    public func pointOnSurface() throws -> Position {
        try requireNonEmpty("pointOnSurface")
        return try singlePosition(unaryOperation("GEOSPointOnSurface_r", GEOSPointOnSurface_r), "GEOSPointOnSurface_r")
    }

    /// A simplified copy that keeps the topology (no new self-intersections, holes stay inside,
    /// polygons stay polygons): Douglas–Peucker with `tolerance` in degrees of longitude/latitude.
    /// Useful for drawing; do not measure on the result. - Throws: `.malformed`/`.library` as elsewhere.
    public func simplified(toleranceDegrees tolerance: Double) throws -> Geometry {
        try withGEOS { context, a in
            try GEOSGeometryHandle(result: GEOSTopologyPreserveSimplify_r(context.handle, a.pointer, tolerance),
                                   of: "GEOSTopologyPreserveSimplify_r", in: context).geometry(in: context)
        }
    }

    /// Planar area in the coordinates' own units squared (square degrees for WGS84 values). Not an area
    /// on the Earth: use Geodesy for m².
    package func planarArea() throws -> Double {
        try planarMeasure("GEOSArea_r", GEOSArea_r)
    }

    /// Planar length in the coordinates' own units (degrees for WGS84 values). Not metres.
    package func planarLength() throws -> Double {
        try planarMeasure("GEOSLength_r", GEOSLength_r)
    }

    /// Shortest planar distance to `other` in coordinate units (degrees for WGS84 values). Not metres.
    package func planarDistance(to other: Geometry) throws -> Double {
        try withGEOS { context, a in
            let b = try GEOSGeometryHandle(other, in: context)
            var d = 0.0
            guard GEOSDistance_r(context.handle, a.pointer, b.pointer, &d) == 1 else { throw context.failure("GEOSDistance_r") }
            return d
        }
    }

    /// A planar buffer in coordinate units (for projected coordinates, e.g. metres of a local
    /// projection built by Geodesy). `quadrantSegments` segments approximate a quarter circle.
    package func planarBuffer(distance: Double, quadrantSegments: Int = 16) throws -> Geometry {
        try withGEOS { context, a in
            try GEOSGeometryHandle(result: GEOSBuffer_r(context.handle, a.pointer, distance, Int32(quadrantSegments)),
                                   of: "GEOSBuffer_r", in: context).geometry(in: context)
        }
    }

    private func planarMeasure(_ function: String,
                               _ call: (GEOSContextHandle_t, OpaquePointer, UnsafeMutablePointer<Double>) -> Int32) throws -> Double {
        try withGEOS { context, a in
            var value = 0.0
            // GEOSArea_r and GEOSLength_r return 1 on success, 0 on exception.
            guard call(context.handle, a.pointer, &value) == 1 else { throw context.failure(function) }
            return value
        }
    }
}

private func singlePosition(_ g: Geometry, _ function: String) throws -> Position {
    guard case .point(let p) = g else {
        throw TopologyError.library(function: function, message: "returned \(g.typeName), expected a point")
    }
    return p
}
