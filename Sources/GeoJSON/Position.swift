/// A geographic position on WGS84: latitude and longitude in degrees, optional altitude in metres.
///
/// GeoJSON writes positions as `[longitude, latitude, altitude?]`; that order stays inside the codec.
/// Everywhere else the labels say which is which. A plain value: thread-safe.
public struct Position: Sendable, Hashable, CustomStringConvertible {
    /// Degrees north of the equator, −90…90 for a valid position.
    public var latitude: Double
    /// Degrees east of Greenwich, −180…180 for a valid position.
    public var longitude: Double
    /// Metres above the WGS84 ellipsoid, when given.
    public var altitude: Double?

    public init(latitude: Double, longitude: Double, altitude: Double? = nil) {
        self.latitude = latitude
        self.longitude = longitude
        self.altitude = altitude
    }

    /// True when both coordinates are finite and within ±90° latitude and ±180° longitude.
    public var isValidGeographic: Bool {
        latitude.isFinite && longitude.isFinite && abs(latitude) <= 90 && abs(longitude) <= 180
            && (altitude?.isFinite ?? true)
    }

    public var description: String { "(\(latitude), \(longitude))" }
}
