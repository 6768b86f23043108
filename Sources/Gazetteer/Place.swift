import GeoJSON

/// What a gazetteer entry is: a country, a first-level administrative region (oblast, state,
/// province…), a second-level unit (a US county, parish or borough), or a populated place (city,
/// town, village).
public enum PlaceKind: String, Sendable, Hashable, CaseIterable {
    case country, region, district, place
}

/// One gazetteer entry. A plain value: thread-safe.
public struct Place: Sendable, Hashable {
    /// Stable identifier with its scheme: `geonames:486816` for a populated place (GeoNames id),
    /// `iso3166-1:UA` for a country, `iso3166-2:RU-KRS` for a region, `us-census:21125` for a
    /// district (the US Census county code).
    public let id: String
    /// The name as the source spells it (GeoNames' name, the country's or region's English name).
    public let name: String
    public let kind: PlaceKind
    /// ISO 3166-1 alpha-2 code of the country the place lies in (its own code for a country), when known.
    public let country: String?
    /// Id of the first-level region the place lies in (a region's own id for a region), when known.
    /// A district's region is the region it lies in.
    public let region: String?
    /// Inhabitants according to the source; nil for countries and regions (GeoNames gives 0 for
    /// some places, which is kept as 0). For a district, the sum over the populated places inside
    /// it (a ranking prior, not a census count).
    public let population: Int?
    /// The place's point (GeoNames' coordinates) or a representative point inside a country or
    /// region, in WGS84 degrees.
    public let location: Position

    public init(id: String, name: String, kind: PlaceKind, country: String?, region: String?,
                population: Int?, location: Position) {
        self.id = id; self.name = name; self.kind = kind; self.country = country
        self.region = region; self.population = population; self.location = location
    }
}

/// A place that may be what a name means, with how well it fits and why. A plain value.
public struct Candidate: Sendable, Hashable {
    public let place: Place
    /// Higher is better. Not a probability: only the order and the differences between
    /// candidates of one query mean something. The parts are listed in `reasons`.
    public let score: Double
    /// The name of the place that matched the query, as the gazetteer spells it
    /// (e.g. `Sudža` or `Суджа` for a query `Sudza`).
    public let matched: String
    /// One short English phrase per part of the score, e.g. `exact match of the name "Sudzha"`,
    /// `populated place (+0.10)`, `population 6,940 (+0.16)`, `in the requested country RU`.
    public let reasons: [String]

    public init(place: Place, score: Double, matched: String, reasons: [String]) {
        self.place = place; self.score = score; self.matched = matched; self.reasons = reasons
    }
}

/// What to resolve, and the context that helps choose. A plain value.
public struct ResolveQuery: Sendable {
    /// The name as written: any script, case, diacritics; may carry a qualifier
    /// ("Kursk Oblast", "Kurskaya oblast'", "city of Kursk", "the Ukraine").
    public var name: String
    /// Only places in this country (ISO 3166-1 alpha-2 or alpha-3, any case).
    public var country: String?
    /// Only places of this kind. A qualifier in the name ("… region") also sets it.
    public var kind: PlaceKind?
    /// Prefer places near this point (a bonus that falls with distance; nothing is excluded).
    public var near: Position?
    /// Places already resolved in the same text: candidates in their countries or regions, or
    /// near them, get a bonus.
    public var context: [Place]
    /// At most this many candidates, best first.
    public var limit: Int
    /// Look for misspellings (edit distance 1–2, names of 5+ letters) when no name matches exactly.
    public var fuzzy: Bool

    public init(name: String, country: String? = nil, kind: PlaceKind? = nil, near: Position? = nil,
                context: [Place] = [], limit: Int = 10, fuzzy: Bool = true) {
        self.name = name; self.country = country; self.kind = kind; self.near = near
        self.context = context; self.limit = limit; self.fuzzy = fuzzy
    }
}
