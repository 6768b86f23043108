import Foundation
import Geodesy
import GeoJSON

// Where Cartography reaches into the Geodesy module: PROJ projections and WGS84 geodesics.

/// Lambert azimuthal equal-area on the WGS84 ellipsoid centred on `centre`, computed by PROJ
/// (`+proj=laea`) through the Geodesy module.
/// - Throws: `CartographyError.projectionFailed` when PROJ cannot build it.
func lambertAzimuthalEqualArea(centre: Position) throws(CartographyError) -> any MapProjection {
    do {
        return PROJMapProjection(try LocalProjection.lambertAzimuthalEqualArea(center: centre))
    } catch {
        throw .projectionFailed("Lambert azimuthal equal-area centred on \(formatLatLon(centre, decimals: 5)): \(error)")
    }
}

/// A Geodesy `LocalProjection` (PROJ, WGS84) seen as a `MapProjection`, for drawing a map in a
/// projection the caller chose (e.g. azimuthal equidistant centred on a place). Positions PROJ
/// cannot map (the antipode, outside the projection's disc) become nil. Thread-safe value.
public struct PROJMapProjection: MapProjection {
    public let local: LocalProjection

    public init(_ local: LocalProjection) { self.local = local }

    public func project(_ position: Position) -> PlanarPoint? {
        guard let xy = try? local.project(position) else { return nil }
        return PlanarPoint(x: xy.x, y: xy.y)
    }

    /// One PROJ call for the whole list; if PROJ rejects one position, each is projected alone so
    /// that only the bad ones become nil.
    public func project(_ positions: [Position]) -> [PlanarPoint?] {
        if let all = try? local.project(positions) { return all.map { PlanarPoint(x: $0.x, y: $0.y) } }
        return positions.map { project($0) }
    }

    public func unproject(_ point: PlanarPoint) -> Position? { try? local.unproject(x: point.x, y: point.y) }

    public var summary: String {
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
