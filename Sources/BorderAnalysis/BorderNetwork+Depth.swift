import GeoJSON
import Geodesy

/// A named position given to `depth` (a point feature or a place from the gazetteer).
public struct LabeledPosition: Sendable, Hashable {
    public var label: String
    public var position: Position
    /// Set when the position came from the gazetteer.
    public var geocoded: GeocodedPlace?

    public init(label: String, position: Position, geocoded: GeocodedPlace? = nil) {
        self.label = label; self.position = position; self.geocoded = geocoded
    }
}

/// One place's distance from the border, as part of a depth measurement.
public struct PlaceDepth: Sendable, Hashable {
    public var place: LabeledPosition
    /// True when the place lies in the country advanced into (by its outline).
    public var insideInto: Bool
    /// Geodesic distance in metres to the border line.
    public var metres: Double
    /// Nearest point of the border.
    public var borderFoot: Position
    /// With a claim: whether the place lies within the claimed depth (`metres` ≤ claim).
    public var withinClaim: Bool?
}

/// The depth of an advance from one country into another, measured from their common border.
/// A plain value: thread-safe.
public struct IncursionDepth: Sendable, Hashable {
    /// Country advanced into and country advanced from (ISO alpha-2), and their border.
    public var into: String
    public var from: String
    public var pair: BorderPair
    /// The maximum geodesic distance (metres) from the border over the part of the advance inside
    /// `into` and the places inside it; nil when nothing lies inside `into`.
    public var depthMetres: Double?
    /// No point of the advance is deeper than this (metres): the certified bound of the search.
    public var depthUpperBoundMetres: Double?
    /// Where the depth is attained, and its nearest point on the border.
    public var deepestPoint: Position?
    public var borderFoot: Position?
    /// The geodesic from the deepest point to its foot, densified every kilometre for drawing.
    public var depthLine: [Position]?
    /// The part of the advance polygon inside `into` (nil without a polygon).
    public var advance: Geometry?
    /// Geodesic area of `advance` in m².
    public var areaSquareMetres: Double?
    /// The pieces of the border inside the advance polygon and their geodesic length in metres.
    public var frontage: [[Position]]
    public var frontageMetres: Double?
    /// How the frontage was found: "border inside the advance polygon", or, when the polygon stops
    /// at the country outline, "border within N m of the advance polygon".
    public var frontageMethod: String?
    /// Each place's own distance.
    public var places: [PlaceDepth]
    /// The claimed depth in metres and whether the advance reaches it.
    public var claimMetres: Double?
    public var claimReached: Bool?
    public var method: MeasurementMethod
}

extension BorderNetwork {
    /// Measures how deep an advance from `from` into `into` goes, from their common border.
    ///
    /// The advance is a polygon (the controlled area; only its part inside `into` counts) and/or a set
    /// of places. Depth is the maximum over both of the geodesic distance to the border, found by a
    /// certified branch and bound (`DistanceMaximizer`): within 1 m of the true maximum on the border
    /// geometry used. Cost: O(k log n) for k evaluated cells, typically a few thousand.
    /// - Throws: `.unknownCountry`, `.noSharedBorder`; `.invalidGeometry` for no polygon and no
    ///   places, or a non-polygonal advance; `.notInCountry` when the polygon lies entirely outside
    ///   `into`; `.invalidDistance` for a claim that is not finite and positive; `.computation`.
    public func depth(into: String, from: String, advance: Geometry? = nil, places: [LabeledPosition] = [],
                      claimMetres: Double? = nil) throws(BorderAnalysisError) -> IncursionDepth {
        let intoCountry = try country(into), fromCountry = try country(from)
        let pair = try BorderPair(intoCountry.iso2, fromCountry.iso2)
        let border = try self.border(pair)
        if let c = claimMetres, !(c.isFinite && c > 0) { throw .invalidDistance("claimed depth \(c) m must be finite and positive") }
        guard advance != nil || !places.isEmpty else { throw .invalidGeometry("depth needs an advance polygon or places") }
        let index = try self.index(for: .pair(pair))
        let into = intoCountry.iso2
        var result = IncursionDepth(into: into, from: fromCountry.iso2, pair: pair, frontage: [], places: [],
                                    claimMetres: claimMetres, method: method(for: [border]))
        var best: (Position, NearestOnLines, Double)?   // point, hit, upper bound

        if let advance {
            guard !advance.polygons.isEmpty else {
                throw .invalidGeometry("the advance is a \(advance.typeName); depth needs a Polygon or MultiPolygon")
            }
            let part = try computing("clipping the advance to \(into)") { try engine.intersection(advance.polygonal, intoCountry.geometry) }.polygonal
            guard !part.polygons.isEmpty else { throw .notInCountry(what: "the advance polygon", country: into) }
            let maximizer = DistanceMaximizer(
                distance: { p throws(BorderAnalysisError) in try index.nearest(to: p).hit },
                area: try computing("preparing the advance") { try engine.areaIndex(part) },
                boundary: try computing("indexing the advance boundary") { try engine.lineIndex(part.polygons.flatMap { $0 }) })
            let m = try maximizer.maximize(polygons: part.polygons)
            best = (m.point, m.hit, m.upperBound)
            result.advance = part
            result.areaSquareMetres = try computing("area of the advance") { try engine.area(part) }
            try measureFrontage(of: advance.polygonal, along: border, into: &result)
        }

        for place in places {
            let hit = try index.nearest(to: place.position).hit
            let inside = try locator.covers(into, place.position)
            result.places.append(PlaceDepth(place: place, insideInto: inside, metres: hit.metres, borderFoot: hit.position,
                                            withinClaim: claimMetres.map { hit.metres <= $0 }))
            if inside, best == nil || hit.metres > best!.1.metres { best = (place.position, hit, max(hit.metres, best?.2 ?? 0)) }
        }

        if let (point, hit, bound) = best {
            result.depthMetres = hit.metres
            result.depthUpperBoundMetres = max(bound, hit.metres)
            result.deepestPoint = point
            result.borderFoot = hit.position
            result.depthLine = try computing("depth line") { try Ellipsoid.wgs84.densify(from: point, to: hit.position, spacing: 1_000) }
            if let c = claimMetres { result.claimReached = hit.metres >= c }
        }
        return result
    }

    /// Frontage: the border inside the advance polygon; if the polygon was drawn up to the country
    /// outline rather than across the border (outlines and border lines come from different data),
    /// the border within the data's accuracy of the polygon instead.
    private func measureFrontage(of advance: Geometry, along border: Border, into result: inout IncursionDepth) throws(BorderAnalysisError) {
        var lines = try computing("border inside the advance") { try engine.intersection(border.geometry, advance) }.lines ?? []
        result.frontageMethod = "border inside the advance polygon"
        if lines.allSatisfy({ $0.count < 2 }) {
            let tolerance = border.accuracyMetres ?? 500
            let widened = try computing("widening the advance") { try engine.buffer(advance, tolerance) }
            lines = try computing("border near the advance") { try engine.intersection(border.geometry, widened) }.lines ?? []
            result.frontageMethod = "border within \(Int(tolerance.rounded())) m of the advance polygon"
        }
        lines = lines.filter { $0.count >= 2 }
        result.frontage = lines
        var total = 0.0
        for l in lines { total += try geodesicLength(l) }
        result.frontageMetres = total
    }
}
