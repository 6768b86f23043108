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
    private let spelled = SpellingCache()

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

    /// A word's plain spelling → how many places were asked about, and those with a name spelled
    /// so (`places(_:spelledLike:)`); cleared when it grows past `limit` entries.
    private final class SpellingCache: @unchecked Sendable {
        private let lock = NSLock()
        private var ids: [String: (from: Int, kept: [PlaceRecord])] = [:]
        let limit = 100_000

        func get(_ word: String) -> (from: Int, kept: [PlaceRecord])? {
            lock.lock()
            defer { lock.unlock() }
            return ids[word]
        }

        func set(_ word: String, _ value: (from: Int, kept: [PlaceRecord])) {
            lock.lock()
            defer { lock.unlock() }
            if ids.count >= limit { ids.removeAll(keepingCapacity: true) }
            ids[word] = value
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

    /// Memoised by the word's plain form: the mention finder asks only for short words, and the
    /// same few hundred ("El", "Lee", "Mary") again and again across documents.
    func places(_ places: [PlaceRecord], spelledLike word: String) -> [PlaceRecord] {
        let plain = Self.plain(word)
        // The same plain word has the same key, hence the same `places`: the answer is reused whole.
        if let known = spelled.get(plain), known.from == places.count { return known.kept }
        let kept = places.filter { p in
            // The place's own name first: it is the one that matches most often, and it needs no
            // look-up of the alternates.
            p.kind == .continent || Self.plain(p.name) == plain
                || gazetteer.names(ofPlaceID: p.id).dropFirst().contains { Self.plain($0) == plain }
        }
        spelled.set(plain, (places.count, kept))
        return kept
    }

    /// Lower case without diacritics or apostrophes: "Sudža" and "sudza", "L’gov" and "lgov" are the
    /// same. ASCII text is folded byte by byte; only other text goes through Foundation's folding.
    private static func plain(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(s.utf8.count)
            for b in s.utf8 where b != 0x27 {
                bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
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
