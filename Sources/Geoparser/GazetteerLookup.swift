import Foundation
import Gazetteer

/// The gazetteer as the geoparser's name lookup.
///
/// ISO-code matches are dropped: the geoparser matches abbreviations itself, case-sensitively, so that
/// "In", "It" or "Us" at the start of a sentence never become India, Italy or the United States.
/// A region's qualifier-less name ("Kursk" for Kursk Oblast) is kept; the resolver prefers the
/// eponymous city unless the text says "region"/"oblast". Thread-safe: the gazetteer is immutable
/// and the look-up cache is guarded by a lock.
///
/// Look-ups are memoised across documents (a name such as "Washington" has hundreds of entries, each
/// of which would otherwise be rebuilt as a `PlaceRecord` for every document that mentions it; most
/// capitalised n-grams of a text are misses, which are cached too).
struct GazetteerLookup: PlaceLookup {
    let gazetteer: Gazetteer
    private let cache = Cache()

    init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// Key → records, shared by all threads; cleared when it grows past `limit` entries so that an
    /// endless stream of documents cannot exhaust memory.
    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var records: [String: [PlaceRecord]] = [:]
        let limit = 500_000

        func get(_ key: String) -> [PlaceRecord]? {
            lock.lock()
            defer { lock.unlock() }
            return records[key]
        }

        func set(_ key: String, _ value: [PlaceRecord]) {
            lock.lock()
            defer { lock.unlock() }
            if records.count >= limit { records.removeAll(keepingCapacity: true) }
            records[key] = value
        }
    }

    func key(_ surface: String) -> String { NameNormalizer.key(surface) }

    var keysAreNameNormalizerKeys: Bool { true }

    func mayHaveName(keyHash: UInt64) -> Bool { gazetteer.mayHaveName(keyHash: keyHash) }

    /// `uncachedPlaces(matchingKey:)` keeps one record per id.
    var placesHaveDistinctIDs: Bool { true }

    func places(matchingKey key: String) -> [PlaceRecord] {
        guard !key.isEmpty else { return [] }
        if let hit = cache.get(key) { return hit }
        let out = uncachedPlaces(matchingKey: key)
        cache.set(key, out)
        return out
    }

    private func uncachedPlaces(matchingKey key: String) -> [PlaceRecord] {
        var seen = Set<String>()
        var out: [PlaceRecord] = []
        for match in gazetteer.matches(forKey: key) where match.form != .code {
            // Slavic adjective stems ("kur" of "Kurskaya") are for the resolver's queries, not for
            // finding names in running text: keep a base name only when it is a whole word of the name.
            if match.form == .baseName, !NameNormalizer.key(match.place.name).split(separator: " ").contains(Substring(key)) {
                continue
            }
            // A district is found in text by its full name ("Laurel County"): its bare name
            // ("Laurel") is far more often a town or a person.
            if match.form == .baseName, match.place.kind == .district { continue }
            let p = match.place
            guard seen.insert(p.id).inserted else { continue }
            out.append(PlaceRecord(id: p.id, name: p.name, kind: Self.kind(p.kind), country: p.country,
                                   region: p.region, population: p.population, location: p.location))
        }
        return out
    }

    func places(_ places: [PlaceRecord], spelledLike word: String) -> [PlaceRecord] {
        let plain = Self.plain(word)
        return places.filter { p in
            p.kind == .continent || gazetteer.names(ofPlaceID: p.id).contains { Self.plain($0) == plain }
        }
    }

    /// Lower case without diacritics or apostrophes: "Sudža" and "sudza", "L’gov" and "lgov" are the same.
    private static func plain(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .filter { $0 != "'" && $0 != "\u{2019}" }
    }

    static func kind(_ k: PlaceKind) -> PlaceRecord.Kind {
        switch k {
        case .country: .country
        case .region: .region
        case .district: .district
        case .place: .place
        }
    }
}

extension Geoparser {
    /// A geoparser over the gazetteer (see `Gazetteer.load(from:)` and `Gazetteer.locate()`).
    public init(gazetteer: Gazetteer) {
        self.init(lookup: GazetteerLookup(gazetteer: gazetteer))
    }
}
