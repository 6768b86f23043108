import GeoJSON

/// A place the geoparser can resolve a mention to: a gazetteer entry (country, first-level region,
/// second-level district, populated place) or one of the continents the geoparser knows itself.
///
/// A plain value: thread-safe. `location` is a representative point inside the place (for countries
/// and regions not the capital).
public struct PlaceRecord: Sendable, Hashable {
    /// What sort of place.
    public enum Kind: String, Sendable, Hashable, Comparable {
        case continent, country, region, district, place

        /// Larger units first: continent < country < region < district < place.
        public static func < (a: Kind, b: Kind) -> Bool { a.rank < b.rank }
        var rank: Int {
            switch self {
            case .continent: 0
            case .country: 1
            case .region: 2
            case .district: 3
            case .place: 4
            }
        }
    }

    /// Stable identifier from the gazetteer (e.g. a GeoNames id), or `continent:<code>`.
    public var id: String { storage.id }
    public var name: String { storage.name }
    public var kind: Kind { storage.kind }
    /// ISO 3166-1 alpha-2 code of the country the place is in (its own code for a country).
    public var country: String? { storage.country }
    /// First-level region the place is in, as the gazetteer identifies it (for a region, itself).
    public var region: String? { storage.region }
    public var population: Int? { storage.population }
    /// Representative point, WGS84 degrees.
    public var location: Position { storage.location }

    /// The fields, shared by every copy: a mention's candidate list is copied between the finder's
    /// tables, the resolver and the output, and a common name has hundreds of candidates. With the
    /// fields inline each copy retained four strings; shared, it retains one reference.
    private final class Storage: Sendable {
        let id: String
        let name: String
        let kind: Kind
        let country: String?
        let region: String?
        let population: Int?
        let location: Position

        init(id: String, name: String, kind: Kind, country: String?, region: String?, population: Int?,
             location: Position) {
            self.id = id
            self.name = name
            self.kind = kind
            self.country = country
            self.region = region
            self.population = population
            self.location = location
        }
    }

    private let storage: Storage

    public init(id: String, name: String, kind: Kind, country: String?, region: String?, population: Int?,
                location: Position) {
        storage = Storage(id: id, name: name, kind: kind, country: country, region: region,
                          population: population, location: location)
    }

    /// Equal when every field is equal, as for a plain struct of those fields.
    public static func == (a: PlaceRecord, b: PlaceRecord) -> Bool {
        if a.storage === b.storage { return true }
        return a.id == b.id && a.name == b.name && a.kind == b.kind && a.country == b.country
            && a.region == b.region && a.population == b.population && a.location == b.location
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(name)
        hasher.combine(kind)
        hasher.combine(country)
        hasher.combine(region)
        hasher.combine(population)
        hasher.combine(location)
    }
}

/// Where the geoparser looks names up. `Gazetteer` conforms (see `Gazetteer+PlaceLookup.swift`);
/// tests use small in-memory tables.
///
/// Implementations must be thread-safe and cheap to call: the mention finder calls `places(matchingKey:)`
/// for each capitalised n-gram.
package protocol PlaceLookup: Sendable {
    /// The normalised form of a surface string that `places(matchingKey:)` is keyed by.
    func key(_ surface: String) -> String
    /// Every place whose name or alternate name normalises to `key`; empty when none.
    func places(matchingKey key: String) -> [PlaceRecord]
    /// True when `key(_:)` is `NameNormalizer.key`: the mention finder may then assemble the key
    /// of a phrase from the keys of its words and ask `mayHaveName(keyHash:)` before building
    /// any string. False by default.
    var keysAreNameNormalizerKeys: Bool { get }
    /// False only when no name has a key whose `NameNormalizer.hash` is `keyHash` (so
    /// `places(matchingKey:)` would return nothing); asked only when `keysAreNameNormalizerKeys`.
    /// True by default.
    func mayHaveName(keyHash: UInt64) -> Bool
    /// True when `places(matchingKey:)` never lists two records with the same `id`, so that the
    /// resolver need not dedupe a mention's candidates. False by default.
    var placesHaveDistinctIDs: Bool { get }
    /// The places among `places` (as `places(matchingKey:)` gave them) with a name spelled like
    /// `word` up to case and diacritics: the key folds spellings together ("Yell" and "El" share
    /// one), which for a short word finds more false friends than variant spellings. All of
    /// `places` by default.
    func places(_ places: [PlaceRecord], spelledLike word: String) -> [PlaceRecord]
    /// `places` without the towns (kind `.place`) whose names match `word` only once apostrophes
    /// and diacritics are folded away, when another town has a name spelled exactly like it (case
    /// aside): GeoNames lists "Slov'iansk" for Nikopol, and "Sloviansk" for Sloviansk. Every other
    /// kind stays. All of `places` by default.
    func places(_ places: [PlaceRecord], spelledExactly word: String) -> [PlaceRecord]
}

extension PlaceLookup {
    package var keysAreNameNormalizerKeys: Bool { false }
    package func mayHaveName(keyHash: UInt64) -> Bool { true }
    package var placesHaveDistinctIDs: Bool { false }
    package func places(_ places: [PlaceRecord], spelledLike word: String) -> [PlaceRecord] { places }
    package func places(_ places: [PlaceRecord], spelledExactly word: String) -> [PlaceRecord] { places }
}
