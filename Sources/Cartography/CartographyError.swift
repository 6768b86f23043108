/// Why a map could not be drawn. Sendable and Equatable; `description` is one line for the CLI.
public enum CartographyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No visible layer has a feature with a geometry.
    case nothingToDraw
    /// A coordinate is not finite or outside ±90° / ±180°: layer name, feature index, the position.
    case invalidPosition(layer: String, feature: Int, latitude: Double, longitude: Double)
    /// The projection could not map a point the map needs (what was being projected).
    case projectionFailed(String)
    /// The requested image size is unusable (width, height in pixels).
    case invalidSize(width: Double, height: Double)

    /// One line saying what went wrong, for stderr.
    public var description: String {
        switch self {
        case .nothingToDraw:
            "nothing to draw: no visible layer has a feature with a geometry"
        case let .invalidPosition(layer, feature, latitude, longitude):
            "layer \(layer), feature \(feature): position (latitude \(latitude), longitude \(longitude)) is not a valid WGS84 position"
        case .projectionFailed(let what):
            "projection failed: \(what)"
        case let .invalidSize(width, height):
            "invalid map size \(width)×\(height) px (need at least 320×240)"
        }
    }
}
