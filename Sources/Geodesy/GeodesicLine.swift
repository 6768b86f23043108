internal import CPROJ
import GeoJSON

/// One geodesic on an ellipsoid, fixed by a start and an azimuth, for computing many positions
/// along it cheaply (cheaper than repeated `Ellipsoid.direct`).
///
/// A plain value: thread-safe.
public struct GeodesicLine: Sendable {
    let line: geod_geodesicline

    /// The start of the line.
    public var start: Position { Position(latitude: line.lat1, longitude: line.lon1) }
    /// Azimuth at the start, degrees clockwise from true north.
    public var azimuth: Double { line.azi1 }
    /// For a line built between two positions, their distance in metres; otherwise NaN.
    public let length: Double

    init(ellipsoid: Ellipsoid, latitude: Double, longitude: Double, azimuth: Double) {
        var l = geod_geodesicline()
        withUnsafePointer(to: ellipsoid.geodesic) { g in
            // caps 0 = latitude, longitude, azimuth and distance-as-input: all `position` needs.
            geod_lineinit(&l, g, latitude, longitude, azimuth, 0)
        }
        line = l
        length = .nan
    }

    init(ellipsoid: Ellipsoid, from a: Position, to b: Position) {
        var l = geod_geodesicline()
        withUnsafePointer(to: ellipsoid.geodesic) { g in
            geod_inverseline(&l, g, a.latitude, a.longitude, b.latitude, b.longitude, 0)
        }
        line = l
        length = l.s13
    }

    /// The position `metres` along the line from its start (negative goes backwards). O(1).
    /// Longitude is normalised to [−180°, 180°].
    public func position(atDistance metres: Double) -> Position {
        var lat = 0.0, lon = 0.0
        withUnsafePointer(to: line) { l in
            geod_position(l, metres, &lat, &lon, nil)
        }
        return Position(latitude: lat, longitude: lon)
    }

    /// The position and the line's azimuth (degrees) `metres` along the line. O(1).
    public func point(atDistance metres: Double) -> (position: Position, azimuth: Double) {
        var lat = 0.0, lon = 0.0, azi = 0.0
        withUnsafePointer(to: line) { l in
            geod_position(l, metres, &lat, &lon, &azi)
        }
        return (Position(latitude: lat, longitude: lon), azi)
    }

    /// Positions every `spacing` metres from the start up to `metres` (the end included even when
    /// the last step is shorter). O(metres / spacing).
    /// - Throws: `GeodesyError.invalidDistance` unless `spacing` > 0 and `metres` ≥ 0 are finite.
    public func positions(every spacing: Double, upTo metres: Double) throws(GeodesyError) -> [Position] {
        try requirePositive(spacing, "sampling spacing")
        guard metres.isFinite, metres >= 0 else { throw .invalidDistance(metres, context: "sampling length") }
        var out: [Position] = []
        out.reserveCapacity(Int(metres / spacing) + 2)
        var s = 0.0
        while s < metres {
            out.append(position(atDistance: s))
            s += spacing
        }
        out.append(position(atDistance: metres))
        return out
    }
}
