import GeoJSON
import Geodesy

/// What a proximity query measures against.
public struct ProximityOptions: Sendable, Hashable {
    /// Only this border (nil: the nearest of all borders, or of `country`'s).
    public var border: BorderPair?
    /// Only the borders of this country (ISO alpha-2).
    public var country: String?
    /// When set, each result says whether the event lies within this many metres of the border.
    public var withinMetres: Double?
    /// When true, each measured event also gets a line feature to its border point.
    public var links: Bool

    public init(border: BorderPair? = nil, country: String? = nil, withinMetres: Double? = nil, links: Bool = false) {
        self.border = border; self.country = country; self.withinMetres = withinMetres; self.links = links
    }
}

/// The distance from one position to a border. A plain value: thread-safe.
public struct Proximity: Sendable, Hashable {
    /// ISO code of the country containing the position, nil at sea or outside every outline.
    public var country: String?
    /// The border measured to: the nearest one, or the one asked for.
    public var border: BorderPair
    /// Geodesic distance in metres on WGS84 to the nearest point of that border's lines.
    public var metres: Double
    /// The nearest point on the border.
    public var borderPoint: Position
    /// Whether `metres` ≤ the `withinMetres` asked for; nil when not asked.
    public var within: Bool?
}

/// One event after measuring: the input feature with the proximity properties added, plus the
/// values themselves. A plain value: thread-safe.
public struct MeasuredEvent: Sendable, Hashable {
    /// The input feature, every input property kept, plus `country`, `border`, `border_distance_m`,
    /// `border_point`, `within` (when asked), `geocoded` (when the position came from a place name)
    /// and `border_source`. Geocoded events get a Point geometry.
    public var feature: Feature
    public var proximity: Proximity
    public var geocoded: GeocodedPlace?
    /// A LineString from the event to its border point along the geodesic (when `links` was asked).
    public var link: Feature?
}

extension BorderNetwork {
    /// The proximity of one position to the borders chosen by `options`. O(log n) for n border
    /// vertices after the first call for that scope (which builds the index).
    /// - Throws: `.unknownCountry`, `.noSharedBorder` for a bad scope; `.invalidGeometry` for a
    ///   position out of range; `.computation` if the layers underneath fail.
    public func proximity(of position: Position, options: ProximityOptions = ProximityOptions()) throws(BorderAnalysisError) -> Proximity {
        let index = try index(for: try scope(of: options))
        guard position.isValidGeographic else {
            throw .invalidGeometry("position latitude \(position.latitude), longitude \(position.longitude) is out of range")
        }
        let (border, hit) = try index.nearest(to: position)
        return Proximity(country: try country(containing: position), border: border.pair, metres: hit.metres,
                         borderPoint: hit.position, within: options.withinMetres.map { hit.metres <= $0 })
    }

    /// Measures many events over all cores; results in input order, one per event. A bad event
    /// (no coordinates and no place the geocoder can find, a non-point geometry) becomes a
    /// `.failure` and never affects the others.
    /// - Parameter geocoder: finds positions for events with only a place name; nil to reject them.
    /// - Throws: only for a bad scope in `options` (unknown country, pair with no border), before
    ///   any event is measured.
    public func proximity(of events: [Feature], options: ProximityOptions = ProximityOptions(),
                          geocoder: (any PlaceGeocoder)? = nil, firstIndex: Int = 0) throws(BorderAnalysisError) -> [Result<MeasuredEvent, BorderAnalysisError>] {
        _ = try index(for: try scope(of: options))  // fail early on a bad scope, build the index once
        let indexed = Array(zip(events.indices, events))
        return indexed.parallelMap { (i, event) in
            Result { () throws(BorderAnalysisError) -> MeasuredEvent in
                try self.measure(event, index: firstIndex + i, options: options, geocoder: geocoder)
            }
        }
    }

    func scope(of options: ProximityOptions) throws(BorderAnalysisError) -> BorderScope {
        if let pair = options.border {
            if let c = options.country, !pair.involves(try country(c).iso2) {
                throw .invalidGeometry("border \(pair) is not a border of \(c)")
            }
            return .pair(pair)
        }
        if let c = options.country { return .country(try country(c).iso2) }
        return .all
    }

    private func measure(_ event: Feature, index: Int, options: ProximityOptions,
                         geocoder: (any PlaceGeocoder)?) throws(BorderAnalysisError) -> MeasuredEvent {
        let (position, geocoded) = try event.eventPosition(index: index, geocoder: geocoder)
        let p = try proximity(of: position, options: options)
        var f = event
        if geocoded != nil { f.geometry = .point(position) }
        f[property: "country"] = p.country.map { .string($0) } ?? .null
        f[property: "border"] = .string(p.border.description)
        f[property: "border_distance_m"] = .number(roundedMetres(p.metres))
        f[property: "border_point"] = .array([.number(p.borderPoint.longitude), .number(p.borderPoint.latitude)])
        if let w = p.within { f[property: "within"] = .bool(w) }
        if let geocoded { f[property: "geocoded"] = geocoded.json }
        if let border = borders[p.border] {
            f[property: "border_source"] = .string(border.source)
            if let a = border.accuracyMetres { f[property: "border_accuracy_m"] = .number(a) }
        }
        var link: Feature?
        if options.links {
            let line = try computing("link line") {
                try Ellipsoid.wgs84.densify(from: position, to: p.borderPoint, spacing: 1_000)
            }
            var props: JSONObject = ["kind": "border_link", "border": .string(p.border.description),
                                     "border_distance_m": .number(roundedMetres(p.metres))]
            if let id = event.id { props["event_id"] = id.json }
            link = Feature(geometry: .lineString(line.count >= 2 ? line : [position, position]), properties: props)
        }
        return MeasuredEvent(feature: f, proximity: p, geocoded: geocoded, link: link)
    }
}

/// Metres rounded to the millimetre for output (the computation is far more precise; the data are not).
func roundedMetres(_ m: Double) -> Double { (m * 1000).rounded() / 1000 }

extension FeatureID {
    var json: JSONValue {
        switch self {
        case .string(let s): .string(s)
        case .integer(let i): .integer(i)
        case .number(let d): .number(d)
        }
    }
}

extension BorderNetwork {
    /// The proximity of many positions over all cores, in input order: the fast path for large
    /// point sets (no feature handling). O(m log n / cores) for m positions and n border vertices.
    /// - Throws: for a bad scope in `options`, or the first position out of range (naming its index).
    public func proximity(of positions: [Position], options: ProximityOptions = ProximityOptions()) throws(BorderAnalysisError) -> [Proximity] {
        _ = try index(for: try scope(of: options))
        if let i = positions.firstIndex(where: { !$0.isValidGeographic }) {
            throw .invalidGeometry("position \(i) (latitude \(positions[i].latitude), longitude \(positions[i].longitude)) is out of range")
        }
        let results = positions.parallelMap { p in
            Result { () throws(BorderAnalysisError) -> Proximity in try self.proximity(of: p, options: options) }
        }
        return try results.map { r throws(BorderAnalysisError) in try r.get() }
    }
}
