import GeoJSON

/// The share of a country's territory that a polygon covers. A plain value: thread-safe.
public struct TerritoryShare: Sendable, Hashable {
    /// The country (ISO alpha-2).
    public var country: String
    /// Geodesic area in m² of the part inside the country, and of the whole country.
    public var partSquareMetres: Double
    public var wholeSquareMetres: Double
    /// part / whole.
    public var fraction: Double { wholeSquareMetres > 0 ? partSquareMetres / wholeSquareMetres : 0 }
    public var method: MeasurementMethod

    /// `{"part_km2": …, "whole_km2": …, "fraction": …, "country": …, "method": …}`.
    public var json: JSONObject {
        ["part_km2": .number((partSquareMetres / 1e6 * 1000).rounded() / 1000),
         "whole_km2": .number((wholeSquareMetres / 1e6 * 1000).rounded() / 1000),
         "fraction": .number((fraction * 1e6).rounded() / 1e6),
         "country": .string(country), "method": method.json]
    }
}

/// Which distance bands to compute: the side (ISO alpha-2) of a border. A plain value: thread-safe.
public struct ZoneRequest: Sendable, Hashable {
    public var border: BorderPair
    public var side: String

    public init(border: BorderPair, side: String) {
        self.border = border
        self.side = side
    }
}

/// One distance band of a country along a border. A plain value: thread-safe.
public struct DistanceBand: Sendable, Hashable {
    /// Inner and outer distance from the border in metres (0 for the first band).
    public var innerMetres: Double
    public var outerMetres: Double
    /// The part of the country at that distance (a Polygon or MultiPolygon, possibly empty).
    public var geometry: Geometry
    /// Its geodesic area in m².
    public var areaSquareMetres: Double

    /// The band as a feature with `band` ("10–25 km"), `from_km`, `to_km` and `area_km2`.
    public func feature(border: BorderPair, side: String, method: MeasurementMethod) -> Feature {
        Feature(geometry: geometry, properties: [
            "kind": "zone", "band": .string("\(format(innerMetres / 1000, 3).trimmedZero)–\(format(outerMetres / 1000, 3).trimmedZero) km"),
            "from_km": .number(innerMetres / 1000), "to_km": .number(outerMetres / 1000),
            "area_km2": .number((areaSquareMetres / 1e6 * 1000).rounded() / 1000),
            "border": .string(border.description), "side": .string(side), "method": method.json,
        ])
    }
}

extension String {
    var trimmedZero: String { hasSuffix(".0") ? String(dropLast(2)) : self }
}

extension BorderNetwork {
    /// The geodesic area of `part` ∩ `country` and of `country`. O(n log n) overlay.
    /// - Throws: `.unknownCountry`; `.invalidGeometry` when `part` is not polygonal; `.computation`.
    public func share(of part: Geometry, in code: String) throws(BorderAnalysisError) -> TerritoryShare {
        let c = try country(code)
        guard !part.polygons.isEmpty else { throw .invalidGeometry("the part is a \(part.typeName); share needs a Polygon or MultiPolygon") }
        let inside = try computing("clipping to \(c.iso2)") { try engine.intersection(part.polygonal, c.geometry) }.polygonal
        let partArea = inside.polygons.isEmpty ? 0 : try computing("area of the part") { try engine.area(inside) }
        let whole = try computing("area of \(c.iso2)") { try engine.area(c.geometry) }
        return TerritoryShare(country: c.iso2, partSquareMetres: partArea, wholeSquareMetres: whole,
                              method: MeasurementMethod(borderSource: nil, countrySource: c.source, accuracyMetres: nil))
    }

    /// A country's whole territory as a share of itself (part = whole, fraction 1): its geodesic
    /// area, without the overlay `share(of:in:)` would run. - Throws: `.unknownCountry`; `.computation`.
    public func wholeTerritory(of code: String) throws(BorderAnalysisError) -> TerritoryShare {
        let c = try country(code)
        let whole = try computing("area of \(c.iso2)") { try engine.area(c.geometry) }
        return TerritoryShare(country: c.iso2, partSquareMetres: whole, wholeSquareMetres: whole,
                              method: MeasurementMethod(borderSource: nil, countrySource: c.source, accuracyMetres: nil))
    }

    /// The parts of `side` within successive distance bands of the border `pair`: 0–b₀, b₀–b₁, …
    /// (metres, geodesic). Each band is the geodesic buffer of the border line to its outer distance,
    /// clipped to the country, minus the previous buffer. The buffers are computed on all cores.
    /// - Throws: `.invalidDistance` unless `bands` is non-empty, finite, positive and increasing;
    ///   `.unknownCountry`, `.noSharedBorder`, `.invalidGeometry` when `side` is not in `pair`; `.computation`.
    public func zones(border pair: BorderPair, side: String, bands: [Double]) throws(BorderAnalysisError) -> [DistanceBand] {
        try zones([ZoneRequest(border: pair, side: side)], bands: bands)[0].get()
    }

    /// Distance bands for several borders and sides at once, as `zones(border:side:bands:)` gives
    /// them for one, on all cores: each border's buffers are computed once however many of its sides
    /// are asked for, and the buffers of different borders and distances run in parallel (they are
    /// nearly all of the cost). Results come in the order of `requests`; one that fails (an unknown
    /// border, a side not on it, a failed overlay) does not stop the others.
    /// - Throws: `.invalidDistance` unless `bands` is non-empty, finite, positive and increasing
    ///   (then nothing is computed).
    public func zones(_ requests: [ZoneRequest], bands: [Double]) throws(BorderAnalysisError) -> [Result<[DistanceBand], BorderAnalysisError>] {
        guard !bands.isEmpty, bands.allSatisfy({ $0.isFinite && $0 > 0 }), zip(bands, bands.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw .invalidDistance("bands must be positive, finite and increasing (got \(bands.map { $0 / 1000 }) km)")
        }
        var pairs: [BorderPair] = []
        for r in requests where !pairs.contains(r.border) { pairs.append(r.border) }
        let jobs = pairs.flatMap { pair in bands.map { (pair: pair, metres: $0) } }
        let buffers = jobs.parallelMapEach { job -> Result<Geometry, BorderAnalysisError> in
            do throws(BorderAnalysisError) {
                let border = try self.border(job.pair)
                return .success(try computing("buffer of \(job.pair) at \(job.metres) m") { try engine.buffer(border.geometry, job.metres) })
            } catch {
                return .failure(error)
            }
        }
        var byBorder: [BorderPair: [Result<Geometry, BorderAnalysisError>]] = [:]
        for (job, buffer) in zip(jobs, buffers) { byBorder[job.pair, default: []].append(buffer) }
        let reach = byBorder
        return requests.parallelMapEach { request in
            do throws(BorderAnalysisError) {
                return .success(try bandsOf(request, reach: reach[request.border] ?? [], bands: bands))
            } catch {
                return .failure(error)
            }
        }
    }

    /// One request's bands from its border's buffers (one per distance in `bands`).
    private func bandsOf(_ request: ZoneRequest, reach: [Result<Geometry, BorderAnalysisError>], bands: [Double]) throws(BorderAnalysisError) -> [DistanceBand] {
        let pair = request.border
        _ = try border(pair)
        let country = try self.country(request.side)
        guard pair.involves(country.iso2) else { throw .invalidGeometry("\(country.iso2) is not a side of border \(pair)") }
        var out: [DistanceBand] = []
        var previous: Geometry?
        var inner = 0.0
        for (outer, buffer) in zip(bands, reach) {
            let buffer = try buffer.get()
            let clipped = try computing("clipping to \(country.iso2)") { try engine.intersection(buffer, country.geometry) }.polygonal
            var band = clipped
            if let previous, !clipped.polygons.isEmpty, !previous.polygons.isEmpty {
                band = try computing("band \(inner)–\(outer) m") { try engine.difference(clipped, previous) }.polygonal
            }
            let area = band.polygons.isEmpty ? 0 : try computing("area of band") { try engine.area(band) }
            out.append(DistanceBand(innerMetres: inner, outerMetres: outer, geometry: band, areaSquareMetres: area))
            previous = clipped
            inner = outer
        }
        return out
    }

    /// The borders as GeoJSON features with `pair`, `countries`, `length_km`, `source`, `accuracy_m`.
    public func borderFeatures(pair: BorderPair? = nil, country code: String? = nil) throws(BorderAnalysisError) -> [Feature] {
        var chosen = try borders(of: code)
        if let pair { chosen = [try border(pair)].filter { b in code == nil || chosen.contains(b) } }
        return chosen.map { b in
            var p: JSONObject = ["pair": .string(b.pair.description), "countries": .array(b.pair.countries.map { .string($0) }),
                                 "length_km": .number(km(b.lengthMetres)), "source": .string(b.source)]
            p["accuracy_m"] = b.accuracyMetres.map { .number($0) } ?? .null
            p["ellipsoid"] = "WGS84"
            return Feature(geometry: b.geometry, properties: p)
        }
    }
}

extension BorderNetwork {
    /// The polygons of `geometries` dissolved into one (Multi)Polygon, so that overlapping parts are
    /// counted once in areas. Non-polygonal parts are ignored.
    /// - Throws: `.invalidGeometry` when there is no polygon; `.computation` if the union fails.
    public func dissolve(_ geometries: [Geometry]) throws(BorderAnalysisError) -> Geometry {
        let polygonal = geometries.filter { !$0.polygons.isEmpty }.map(\.polygonal)
        guard !polygonal.isEmpty else { throw .invalidGeometry("no Polygon or MultiPolygon given") }
        if polygonal.count == 1 { return polygonal[0] }
        return try computing("dissolving polygons") { try engine.union(polygonal) }.polygonal
    }
}
