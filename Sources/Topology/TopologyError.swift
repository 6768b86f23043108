/// A failure in the Topology module: either GEOS reported an error, or the input could not be read or built.
///
/// Sendable and Equatable so that it can cross tasks and be compared in tests. GEOS never prints these:
/// its messages are captured by the per-thread context and carried here.
public enum TopologyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A GEOS C function failed. `function` is its name (e.g. `GEOSIntersection_r`), `message` the text
    /// GEOS passed to its error handler (e.g. `TopologyException: side location conflict at …`).
    case library(function: String, message: String)
    /// WKT or WKB input that cannot be read. `offset` is the 0-based byte offset of the problem: into
    /// the UTF-8 of WKT text (the same as the character offset, WKT being ASCII) or into WKB data.
    case parse(format: GeometryFormat, offset: Int, message: String)
    /// A geometry value that cannot be given to GEOS: a non-finite coordinate, an unclosed ring, a ring
    /// or line with too few positions. `path` locates the component as in GeoJSON,
    /// e.g. `coordinates[0][3]` or `geometries[2].coordinates[1]`.
    case malformed(path: String, message: String)
    /// An operation that needs at least one position (e.g. a centroid) was given an empty geometry.
    case emptyGeometry(operation: String)

    public var description: String {
        switch self {
        case .library(let function, let message): "\(function) failed: \(message)"
        case .parse(let format, let offset, let message):
            "invalid \(format.rawValue) at offset \(offset): \(message)"
        case .malformed(let path, let message): path.isEmpty ? message : "\(path): \(message)"
        case .emptyGeometry(let operation): "\(operation) needs a non-empty geometry"
        }
    }
}

/// The text and binary encodings of geometries that this module reads and writes.
public enum GeometryFormat: String, Sendable, Equatable {
    /// Well-Known Text (OGC Simple Features / ISO SQL/MM), e.g. `POLYGON ((0 0, 1 0, 1 1, 0 0))`.
    case wkt = "WKT"
    /// Well-Known Binary, either byte order, ISO or extended (EWKB-style) Z flag.
    case wkb = "WKB"
}
