import Foundation
import GeoJSON

/// A projection centred on a position, in metres, for drawing maps and measuring locally.
///
/// Built on PROJ with the WGS84 ellipsoid. x is easting and y northing in metres from the centre.
/// A `Sendable` value; thread-safe (see `Transformer`).
public struct LocalProjection: Sendable, Hashable {
    /// The kinds of local projection.
    public enum Kind: String, Sendable, Hashable {
        /// Azimuthal equidistant (PROJ `aeqd`): distances and azimuths from the centre are true
        /// (ellipsoidal geodesics). Defined over the whole Earth except the centre's antipode.
        case azimuthalEquidistant = "aeqd"
        /// Lambert azimuthal equal-area (PROJ `laea`): areas are true everywhere; shapes are good
        /// near the centre. Defined over the whole Earth except the centre's antipode.
        case lambertAzimuthalEqualArea = "laea"
    }

    /// Which projection.
    public let kind: Kind
    /// The projection's centre, where x = y = 0.
    public let center: Position
    /// WGS84 geographic (longitude, latitude) → the projection.
    public let transformer: Transformer

    /// A projection of `kind` centred on `center`.
    /// - Throws: `GeodesyError.invalidPosition` for a bad centre; `.proj` if PROJ fails to build it.
    public init(_ kind: Kind, center: Position) throws(GeodesyError) {
        let c = try center.validated("projection centre")
        self.kind = kind
        self.center = c
        let definition = String(format: "+proj=%@ +lat_0=%.12f +lon_0=%.12f +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs",
                                kind.rawValue, c.latitude, c.longitude)
        transformer = try Transformer(from: "EPSG:4326", to: definition)
    }

    /// Lambert azimuthal equal-area centred on `center` (for maps whose areas must be comparable).
    /// - Throws: `GeodesyError.invalidPosition` for a bad centre.
    public static func lambertAzimuthalEqualArea(center: Position) throws(GeodesyError) -> LocalProjection {
        try LocalProjection(.lambertAzimuthalEqualArea, center: center)
    }

    /// Azimuthal equidistant centred on `center` (distances from the centre are true).
    /// - Throws: `GeodesyError.invalidPosition` for a bad centre.
    public static func azimuthalEquidistant(center: Position) throws(GeodesyError) -> LocalProjection {
        try LocalProjection(.azimuthalEquidistant, center: center)
    }

    /// Projects a position to (x: easting, y: northing) in metres from the centre. O(1).
    /// - Throws: `GeodesyError.invalidPosition` for a bad position, `.notTransformable` for the antipode.
    public func project(_ position: Position) throws(GeodesyError) -> (x: Double, y: Double) {
        try transformer.transform(position)
    }

    /// Projects many positions in one PROJ call, in order. O(n).
    /// - Throws: `GeodesyError.invalidPosition` / `.notTransformable` naming the first bad position.
    public func project(_ positions: [Position]) throws(GeodesyError) -> [(x: Double, y: Double)] {
        for (i, p) in positions.enumerated() { _ = try p.validated("position \(i)") }
        return try transformer.transform(positions.map { (x: $0.longitude, y: $0.latitude) })
    }

    /// The position at (x, y) metres from the centre. O(1).
    /// - Throws: `GeodesyError.notTransformable` outside the projection's disc.
    public func unproject(x: Double, y: Double) throws(GeodesyError) -> Position {
        let g = try transformer.inverse(x: x, y: y)
        return Position(latitude: g.y, longitude: g.x)
    }
}
