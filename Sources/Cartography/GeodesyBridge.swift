import Foundation
import GeoJSON

// The one place where Cartography reaches for projections and geodesic measurements, so that the
// Geodesy module's PROJ-backed versions replace the fallbacks in one edit.

/// Lambert azimuthal equal-area centred on `centre`.
func lambertAzimuthalEqualArea(centre: Position) -> any MapProjection {
    SphericalLambertFallback(centre: centre)
}

/// Ground distance in metres between two positions, for the scale bar.
///
/// FALLBACK until Geodesy's `Ellipsoid.wgs84` lands: great-circle distance on the authalic sphere
/// (haversine), within about 0.5 % of the WGS84 geodesic.
func groundDistance(_ a: Position, _ b: Position) -> Double {
    let r = SphericalLambertFallback.authalicRadius
    let p1 = a.latitude * .pi / 180, p2 = b.latitude * .pi / 180
    let dp = p2 - p1, dl = (b.longitude - a.longitude) * .pi / 180
    let h = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2)
    return 2 * r * asin(min(1, h.squareRoot()))
}

/// How the scale bar's ground distance was measured, for the map's caption.
let groundDistanceMethod = "great circle on the authalic sphere (fallback)"
