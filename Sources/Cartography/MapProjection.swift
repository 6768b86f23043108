import Foundation
import GeoJSON

/// A point on a projected plane, in metres: `x` grows east and `y` north at the projection centre.
public struct PlanarPoint: Sendable, Hashable {
    /// Metres east of the projection's origin.
    public var x: Double
    /// Metres north of the projection's origin.
    public var y: Double
    /// A point `x` metres east and `y` metres north of the origin.
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A map projection from WGS84 positions to a plane in metres, and back.
///
/// The renderer draws through this protocol so that tests (and callers) can inject a projection with
/// known properties; by default it uses PROJ's Lambert azimuthal equal-area from the Geodesy module.
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
    /// One `project(_:)` call per position.
    public func project(_ positions: [Position]) -> [PlanarPoint?] { positions.map { project($0) } }
}

/// "51.20° N, 35.10° E": a position as a reader writes it.
func formatLatLon(_ p: Position, decimals: Int = 2) -> String {
    let lat = "\(fixed(abs(p.latitude), decimals))° \(p.latitude < 0 ? "S" : "N")"
    let lon = "\(fixed(abs(p.longitude), decimals))° \(p.longitude < 0 ? "W" : "E")"
    return "\(lat), \(lon)"
}
