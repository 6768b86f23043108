import GeoJSON

/// One country's outline as the gazetteer gives it. A plain value: thread-safe.
public struct Country: Sendable, Hashable {
    /// ISO 3166-1 alpha-2 code, upper case ("UA").
    public var iso2: String
    /// ISO 3166-1 alpha-3 code ("UKR"), when given.
    public var iso3: String?
    /// English short name ("Ukraine").
    public var name: String
    /// The outline, a Polygon or MultiPolygon in WGS84 longitude/latitude.
    public var geometry: Geometry
    /// Where the outline comes from (e.g. "DCW (GMT dcw-gmt 2.1.1), 1:1M").
    public var source: String

    public init(iso2: String, iso3: String? = nil, name: String, geometry: Geometry, source: String) {
        self.iso2 = iso2; self.iso3 = iso3; self.name = name; self.geometry = geometry; self.source = source
    }
}

/// The land border between two neighbouring countries. A plain value: thread-safe.
public struct Border: Sendable, Hashable {
    /// The two countries.
    public var pair: BorderPair
    /// The border as lines in WGS84 longitude/latitude; each edge is taken as a geodesic.
    public var lines: [[Position]]
    /// Where the line comes from (e.g. "OpenStreetMap via timezone-boundary-builder").
    public var source: String
    /// The data's stated positional accuracy in metres, when known.
    public var accuracyMetres: Double?
    /// Geodesic length in metres on WGS84 (sum over the lines of their geodesic edges).
    public let lengthMetres: Double

    /// A border from its lines; computes the geodesic length. O(n).
    /// - Throws: `BorderAnalysisError.invalidGeometry` for no lines or a line with fewer than two
    ///   positions, `.computation` for an invalid coordinate.
    public init(pair: BorderPair, lines: [[Position]], source: String, accuracyMetres: Double? = nil) throws(BorderAnalysisError) {
        guard !lines.isEmpty, lines.allSatisfy({ $0.count >= 2 }) else {
            throw .invalidGeometry("border \(pair) needs at least one line of two or more positions")
        }
        self.pair = pair; self.lines = lines; self.source = source; self.accuracyMetres = accuracyMetres
        var length = 0.0
        for line in lines { length += try geodesicLength(line) }
        lengthMetres = length
    }

    /// The lines as a GeoJSON geometry (LineString for one line, else MultiLineString).
    public var geometry: Geometry { lines.count == 1 ? .lineString(lines[0]) : .multiLineString(lines) }
}
