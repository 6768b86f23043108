import GeoJSON

/// A failure in the Geodesy module: bad input (with what and where) or a PROJ library failure.
///
/// `Sendable` and `Equatable`; `description` is one line suitable for a CLI error message.
public enum GeodesyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A coordinate that is not finite or lies outside ±90° latitude / ±180° longitude (longitudes
    /// up to ±540° are accepted where the API says so). `context` says where, e.g. `"vertex 12 of line 0"`.
    case invalidPosition(latitude: Double, longitude: Double, context: String)
    /// A distance, spacing or tolerance that is not finite, or not positive where it must be.
    case invalidDistance(Double, context: String)
    /// A geometry that cannot be measured: no vertices, a single vertex, only repeated vertices,
    /// a ring with fewer than three distinct vertices, or the wrong geometry type.
    case degenerateGeometry(String)
    /// A CRS name or definition PROJ does not know. `message` is PROJ's own reason.
    case unknownCRS(String, message: String)
    /// A PROJ call that failed: the C function, PROJ's errno and its message.
    case proj(function: String, code: Int, message: String)
    /// A position that has no image in a projection or transformation (e.g. the antipode in an
    /// azimuthal projection). `context` names the operation.
    case notTransformable(latitude: Double, longitude: Double, context: String)
    /// The planar overlay that assembles a buffer from its geodesic pieces failed (GEOS's message).
    case overlay(String)

    /// One line saying what failed and where, for logs and the CLI.
    public var description: String {
        switch self {
        case let .invalidPosition(lat, lon, context):
            return "\(context): invalid position latitude \(lat), longitude \(lon) (latitude must be within ±90°, longitude within ±180°, both finite)"
        case let .invalidDistance(d, context):
            return "\(context): invalid distance \(d) m"
        case let .degenerateGeometry(what):
            return "degenerate geometry: \(what)"
        case let .unknownCRS(name, message):
            return "unknown CRS \"\(name)\": \(message)"
        case let .proj(function, code, message):
            return "PROJ \(function) failed (error \(code)): \(message)"
        case let .notTransformable(lat, lon, context):
            return "\(context): position latitude \(lat), longitude \(lon) cannot be transformed"
        case let .overlay(message):
            return "buffer overlay failed: \(message)"
        }
    }
}

extension Position {
    /// Throws `GeodesyError.invalidPosition` unless the latitude is within ±90°, the longitude
    /// within ±`longitudeLimit`, and both are finite.
    @inline(__always)
    func validated(_ context: @autoclosure () -> String, longitudeLimit: Double = 180) throws(GeodesyError) -> Position {
        guard latitude.isFinite, longitude.isFinite, abs(latitude) <= 90, abs(longitude) <= longitudeLimit else {
            throw .invalidPosition(latitude: latitude, longitude: longitude, context: context())
        }
        return self
    }
}

/// Throws `GeodesyError.invalidDistance` unless `value` is finite and strictly positive.
@inline(__always)
func requirePositive(_ value: Double, _ context: @autoclosure () -> String) throws(GeodesyError) {
    guard value.isFinite, value > 0 else { throw .invalidDistance(value, context: context()) }
}
