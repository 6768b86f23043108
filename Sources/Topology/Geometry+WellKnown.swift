internal import CGEOS
import GeoJSON

// Well-Known Text and Binary. Writing goes through GEOS's writers (full precision, ISO WKB,
// little-endian); the buffers GEOS allocates are released with GEOSFree_r, never Swift's allocator.

extension Geometry {
    /// The geometry as Well-Known Text, e.g. `POLYGON ((30 10, 40 40, 20 40, 30 10))`: x is longitude,
    /// y latitude, Z (altitude) written when present. Full double precision, so reading the text back
    /// gives the same value. An empty `.multiPoint` is written `MULTIPOINT EMPTY`.
    /// - Throws: `TopologyError.malformed` for geometries GEOS cannot build, `.library` if GEOS fails.
    public func wkt() throws -> String {
        try withGEOS { context, g in
            let writer = try context.wktWriterHandle()
            // GEOSWKTWriter_write_r returns a GEOS-allocated C string, NULL on exception.
            guard let text = GEOSWKTWriter_write_r(context.handle, writer, g.pointer) else {
                throw context.failure("GEOSWKTWriter_write_r")
            }
            defer { GEOSFree_r(context.handle, text) }
            return String(cString: text)
        }
    }

    /// The geometry as ISO Well-Known Binary, little-endian (NDR), Z written when present.
    /// - Throws: `TopologyError.malformed` for geometries GEOS cannot build, `.library` if GEOS fails.
    public func wkb() throws -> [UInt8] {
        try withGEOS { context, g in
            let writer = try context.wkbWriterHandle()
            var size = 0
            // GEOSWKBWriter_write_r returns a GEOS-allocated buffer, NULL on exception.
            guard let bytes = GEOSWKBWriter_write_r(context.handle, writer, g.pointer, &size) else {
                throw context.failure("GEOSWKBWriter_write_r")
            }
            defer { GEOSFree_r(context.handle, bytes) }
            return Array(UnsafeBufferPointer(start: bytes, count: size))
        }
    }
}
