import Foundation
import GeoJSON

/// A point on a projected plane, in metres: `x` grows east and `y` north at the projection centre.
public struct PlanarPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A map projection from WGS84 positions to a plane in metres, and back.
///
/// The renderer draws through this protocol so that tests can inject a projection with known
/// properties, and so that the PROJ-backed projection of the Geodesy module plugs in unchanged.
/// Implementations must be pure functions of their input (deterministic output) and thread-safe.
public protocol MapProjection: Sendable {
    /// Planar metres for `position`, or nil when the projection cannot map it (e.g. an antipode).
    func project(_ position: Position) -> PlanarPoint?
    /// The position at `point`, or nil outside the projection's domain.
    func unproject(_ point: PlanarPoint) -> Position?
    /// One line naming the projection and its parameters, for the map's notes.
    var summary: String { get }
    /// `project` applied to each position, in order (implementations may batch). O(n).
    func project(_ positions: [Position]) -> [PlanarPoint?]
}

extension MapProjection {
    public func project(_ positions: [Position]) -> [PlanarPoint?] { positions.map { project($0) } }
}

/// Lambert azimuthal equal-area on a sphere of the WGS84 authalic radius: an internal FALLBACK used
/// only until the Geodesy module's PROJ-backed local projection is available.
///
/// Written from the textbook formulas (Snyder, "Map Projections — A Working Manual", USGS PP 1395,
/// 1987, §24, spherical forward equations 24-2 to 24-4 and inverse 20-14, 20-15, 24-16). Areas are
/// exact on the authalic sphere; against the ellipsoidal form PROJ uses, positions differ by up to
/// about 0.3 % of their distance from the centre. Not presented as PROJ's.
struct SphericalLambertFallback: MapProjection {
    /// Radius of the sphere with the WGS84 ellipsoid's surface area (metres).
    static let authalicRadius = 6_371_007.181
    let centre: Position
    private let sinPhi1: Double, cosPhi1: Double

    init(centre: Position) {
        self.centre = centre
        let phi1 = centre.latitude * .pi / 180
        sinPhi1 = sin(phi1); cosPhi1 = cos(phi1)
    }

    func project(_ p: Position) -> PlanarPoint? {
        let phi = p.latitude * .pi / 180, dLambda = (p.longitude - centre.longitude) * .pi / 180
        let cosC = sinPhi1 * sin(phi) + cosPhi1 * cos(phi) * cos(dLambda)
        guard cosC > -1 + 1e-12 else { return nil } // the antipode maps to a circle, not a point
        let k = (2 / (1 + cosC)).squareRoot()
        let r = Self.authalicRadius
        return PlanarPoint(x: r * k * cos(phi) * sin(dLambda),
                           y: r * k * (cosPhi1 * sin(phi) - sinPhi1 * cos(phi) * cos(dLambda)))
    }

    func unproject(_ q: PlanarPoint) -> Position? {
        let r = Self.authalicRadius
        let rho = (q.x * q.x + q.y * q.y).squareRoot()
        guard rho <= 2 * r else { return nil }
        if rho == 0 { return centre }
        let c = 2 * asin(rho / (2 * r))
        let phi = asin(cos(c) * sinPhi1 + q.y * sin(c) * cosPhi1 / rho)
        let lambda = atan2(q.x * sin(c), rho * cosPhi1 * cos(c) - q.y * sinPhi1 * sin(c))
        var lon = centre.longitude + lambda * 180 / .pi
        if lon > 180 { lon -= 360 } else if lon < -180 { lon += 360 }
        return Position(latitude: phi * 180 / .pi, longitude: lon)
    }

    var summary: String {
        "Lambert azimuthal equal-area (spherical fallback) centred on \(formatLatLon(centre))"
    }
}

/// "51.20° N, 35.10° E": a position as a reader writes it.
func formatLatLon(_ p: Position, decimals: Int = 2) -> String {
    let lat = "\(fixed(abs(p.latitude), decimals))° \(p.latitude < 0 ? "S" : "N")"
    let lon = "\(fixed(abs(p.longitude), decimals))° \(p.longitude < 0 ? "W" : "E")"
    return "\(lat), \(lon)"
}
