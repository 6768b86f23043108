internal import CPROJ
import GeoJSON

/// An ellipsoid of revolution and the exact geodesic solutions on it (GeographicLib's algorithms, as
/// bundled with PROJ in `geodesic.h`; accurate to about 15 nm).
///
/// A plain value: thread-safe, no PROJ context needed. All distances are in metres, all azimuths in
/// degrees clockwise from true north in (−180°, 180°].
public struct Ellipsoid: Sendable {
    /// The WGS84 ellipsoid (a = 6 378 137 m, f = 1/298.257223563), the datum of GeoJSON.
    public static let wgs84 = Ellipsoid(validatedRadius: 6_378_137, flattening: 1 / 298.257223563)

    /// Equatorial radius in metres.
    public var equatorialRadius: Double { geodesic.a }
    /// Flattening (a − b) / a; 0 for a sphere.
    public var flattening: Double { geodesic.f }

    /// The initialised C solver state; `geod_*` functions only read it, so sharing it is safe.
    let geodesic: geod_geodesic

    /// An ellipsoid with the given equatorial radius (metres) and flattening.
    /// - Throws: `GeodesyError.invalidDistance` for a radius that is not finite and positive, or a
    ///   flattening outside [−1, 1) (GeographicLib's supported range is |f| ≤ 1/50 for full accuracy).
    public init(equatorialRadius: Double, flattening: Double) throws(GeodesyError) {
        try requirePositive(equatorialRadius, "equatorial radius")
        guard flattening.isFinite, flattening < 1, flattening > -1 else {
            throw .invalidDistance(flattening, context: "flattening")
        }
        self.init(validatedRadius: equatorialRadius, flattening: flattening)
    }

    private init(validatedRadius a: Double, flattening f: Double) {
        var g = geod_geodesic()
        geod_init(&g, a, f)
        geodesic = g
    }
}

/// The solution of the inverse geodesic problem between two positions.
public struct GeodesicInverse: Sendable, Hashable {
    /// Length of the shortest path on the ellipsoid, in metres.
    public var metres: Double
    /// Azimuth of the path at the start, degrees clockwise from true north, (−180°, 180°].
    public var azimuth: Double
    /// Azimuth of the path where it arrives at the end (GeographicLib's `azi2`), degrees.
    public var finalAzimuth: Double
    /// Bearing from the end back to the start along the same geodesic: `finalAzimuth` ± 180°,
    /// in (−180°, 180°].
    public var backAzimuth: Double { normalizedAzimuth(finalAzimuth + 180) }
}

/// The solution of the direct geodesic problem.
public struct GeodesicDirect: Sendable, Hashable {
    /// Where the geodesic ends (longitude in [−180°, 180°]).
    public var position: Position
    /// Azimuth of the geodesic at the end, degrees clockwise from true north.
    public var finalAzimuth: Double
}

/// Maps any finite angle to (−180°, 180°].
@inline(__always)
func normalizedAzimuth(_ degrees: Double) -> Double {
    var x = degrees.truncatingRemainder(dividingBy: 360)
    if x <= -180 { x += 360 } else if x > 180 { x -= 360 }
    return x
}

/// Maps any finite longitude to [−180°, 180°] (keeping ±180 as given).
@inline(__always)
func normalizedLongitude(_ degrees: Double) -> Double {
    if degrees >= -180 && degrees <= 180 { return degrees }
    var x = degrees.truncatingRemainder(dividingBy: 360)
    if x < -180 { x += 360 } else if x > 180 { x -= 360 }
    return x
}

extension Ellipsoid {
    /// Solves the inverse problem: the shortest geodesic from `a` to `b`. O(1), ~1 µs.
    ///
    /// Handles every case exactly, including nearly antipodal points, meridians, the equator, the
    /// poles and the antimeridian. Coincident points give 0 m.
    /// - Throws: `GeodesyError.invalidPosition` for a non-finite or out-of-range coordinate.
    public func inverse(from a: Position, to b: Position) throws(GeodesyError) -> GeodesicInverse {
        let a = try a.validated("inverse start"), b = try b.validated("inverse end")
        return unsafeInverse(a.latitude, a.longitude, b.latitude, b.longitude)
    }

    /// Shortest distance in metres from `a` to `b`. Same rules as `inverse(from:to:)`.
    public func distance(from a: Position, to b: Position) throws(GeodesyError) -> Double {
        try inverse(from: a, to: b).metres
    }

    /// Solves the direct problem: where a geodesic leaving `start` at `azimuth` (degrees clockwise
    /// from north) ends after `metres` (may be negative to go backwards, or longer than half the
    /// circumference). O(1).
    /// - Throws: `GeodesyError.invalidPosition` for a bad start, `.invalidDistance` for a non-finite
    ///   azimuth or distance.
    public func direct(from start: Position, azimuth: Double, metres: Double) throws(GeodesyError) -> GeodesicDirect {
        let s = try start.validated("direct start")
        guard azimuth.isFinite else { throw .invalidDistance(azimuth, context: "direct azimuth (degrees)") }
        guard metres.isFinite else { throw .invalidDistance(metres, context: "direct distance") }
        return unsafeDirect(s.latitude, s.longitude, azimuth, metres)
    }

    /// Positions along the geodesic from `a` to `b`, equally spaced and at most `spacing` metres
    /// apart, both ends included (for densifying an edge before drawing or projecting it).
    /// O(distance / spacing). Longitudes are normalised to [−180°, 180°], so the result may jump
    /// across the antimeridian.
    /// - Throws: `GeodesyError.invalidPosition` for a bad end, `.invalidDistance` unless `spacing` > 0.
    public func densify(from a: Position, to b: Position, spacing: Double) throws(GeodesyError) -> [Position] {
        let a = try a.validated("densify start"), b = try b.validated("densify end")
        try requirePositive(spacing, "densify spacing")
        return unsafeDensify(a, b, spacing: spacing)
    }

    /// The geodesic leaving `start` at `azimuth` degrees, for sampling positions along it.
    /// - Throws: `GeodesyError.invalidPosition` for a bad start, `.invalidDistance` for a non-finite azimuth.
    public func line(from start: Position, azimuth: Double) throws(GeodesyError) -> GeodesicLine {
        let s = try start.validated("line start")
        guard azimuth.isFinite else { throw .invalidDistance(azimuth, context: "line azimuth (degrees)") }
        return GeodesicLine(ellipsoid: self, latitude: s.latitude, longitude: s.longitude, azimuth: azimuth)
    }

    /// The shortest geodesic from `a` to `b` as a line whose `length` is their distance.
    /// - Throws: `GeodesyError.invalidPosition` for a bad end.
    public func line(from a: Position, to b: Position) throws(GeodesyError) -> GeodesicLine {
        let a = try a.validated("line start"), b = try b.validated("line end")
        return GeodesicLine(ellipsoid: self, from: a, to: b)
    }

    // MARK: unchecked cores (callers have validated the input)

    @inline(__always)
    func unsafeInverse(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> GeodesicInverse {
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        withUnsafePointer(to: geodesic) { g in
            // geod_inverse has no failure mode for valid latitudes; it always sets all three outputs.
            geod_inverse(g, lat1, lon1, lat2, lon2, &s12, &azi1, &azi2)
        }
        return GeodesicInverse(metres: s12, azimuth: azi1, finalAzimuth: azi2)
    }

    @inline(__always)
    func unsafeDistance(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        var s12 = 0.0
        withUnsafePointer(to: geodesic) { g in
            // Passing nil for the azimuths lets GeographicLib skip computing them.
            geod_inverse(g, lat1, lon1, lat2, lon2, &s12, nil, nil)
        }
        return s12
    }

    @inline(__always)
    func unsafeDirect(_ lat1: Double, _ lon1: Double, _ azi1: Double, _ s12: Double) -> GeodesicDirect {
        var lat2 = 0.0, lon2 = 0.0, azi2 = 0.0
        withUnsafePointer(to: geodesic) { g in
            geod_direct(g, lat1, lon1, azi1, s12, &lat2, &lon2, &azi2)
        }
        return GeodesicDirect(position: Position(latitude: lat2, longitude: lon2), finalAzimuth: azi2)
    }

    func unsafeDensify(_ a: Position, _ b: Position, spacing: Double) -> [Position] {
        let line = GeodesicLine(ellipsoid: self, from: a, to: b)
        let segments = max(1, Int((line.length / spacing).rounded(.up)))
        var out = [a]
        out.reserveCapacity(segments + 1)
        if segments > 1 {
            for i in 1..<segments { out.append(line.position(atDistance: line.length * Double(i) / Double(segments))) }
        }
        out.append(b)
        return out
    }
}
