import Foundation
import Geodesy
import GeoJSON

// The one place where Cartography reaches for projections and geodesic measurements, so that the
// Geodesy module's PROJ-backed versions replace the fallbacks in one edit.

/// Lambert azimuthal equal-area on the WGS84 ellipsoid centred on `centre`, computed by PROJ
/// (`+proj=laea`) through the Geodesy module.
/// - Throws: `CartographyError.projectionFailed` when PROJ cannot build it.
func lambertAzimuthalEqualArea(centre: Position) throws(CartographyError) -> any MapProjection {
    do {
        return PROJMapProjection(local: try LocalProjection.lambertAzimuthalEqualArea(center: centre))
    } catch {
        throw .projectionFailed("Lambert azimuthal equal-area centred on \(formatLatLon(centre, decimals: 5)): \(error)")
    }
}

/// A Geodesy `LocalProjection` (PROJ) seen as a `MapProjection`: positions PROJ cannot map (the
/// antipode, outside the projection's disc) become nil.
struct PROJMapProjection: MapProjection {
    let local: LocalProjection

    func project(_ position: Position) -> PlanarPoint? {
        guard let xy = try? local.project(position) else { return nil }
        return PlanarPoint(x: xy.x, y: xy.y)
    }

    /// One PROJ call for the whole list; if PROJ rejects one position, each is projected alone so
    /// that only the bad ones become nil.
    func project(_ positions: [Position]) -> [PlanarPoint?] {
        if let all = try? local.project(positions) { return all.map { PlanarPoint(x: $0.x, y: $0.y) } }
        return positions.map { project($0) }
    }

    func unproject(_ point: PlanarPoint) -> Position? { try? local.unproject(x: point.x, y: point.y) }

    var summary: String {
        let name = local.kind == .lambertAzimuthalEqualArea ? "Lambert azimuthal equal-area" : "azimuthal equidistant"
        return "\(name) on WGS84 (PROJ \(local.kind.rawValue)) centred on \(formatLatLon(local.center))"
    }
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
