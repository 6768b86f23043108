import Foundation
import Geodesy
import GeoJSON

// The one place where Cartography reaches for projections and geodesic measurements, so that the
// Geodesy module's PROJ-backed versions replace the fallbacks in one edit.

/// Lambert azimuthal equal-area centred on `centre`.
func lambertAzimuthalEqualArea(centre: Position) -> any MapProjection {
    SphericalLambertFallback(centre: centre)
}

/// Ground distance in metres between two positions on the WGS84 ellipsoid (GeographicLib's
/// geodesic via the Geodesy module), for the scale bar.
/// - Throws: `CartographyError.projectionFailed` when a position is not valid (an unprojection
///   outside the projection's domain).
func groundDistance(_ a: Position, _ b: Position) throws(CartographyError) -> Double {
    do {
        return try Ellipsoid.wgs84.distance(from: a, to: b)
    } catch {
        throw .projectionFailed("geodesic distance for the scale bar: \(error)")
    }
}

/// How the scale bar's ground distance was measured, for the map's notes.
let groundDistanceMethod = "geodesic on WGS84"
