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
    /// Key → records (`places(matchingKey:)`).
    private let cache = LockedCache<[PlaceRecord]>(limit: 500_000)
    /// A word's plain spelling → how many places were asked about, and those with a name spelled
    /// so (`places(_:spelledLike:)`).
    private let spelled = LockedCache<(from: Int, kept: [PlaceRecord])>(limit: 100_000)

    init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// A dictionary shared by all threads behind a lock, cleared when it grows past `limit` entries
    /// so that an endless stream of documents cannot exhaust memory.
    private final class LockedCache<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String: Value] = [:]
        let limit: Int

        init(limit: Int) { self.limit = limit }

        func get(_ key: String) -> Value? {
            lock.lock()
            defer { lock.unlock() }
            return values[key]
        }

        func set(_ key: String, _ value: Value) {
            lock.lock()
            defer { lock.unlock() }
            if values.count >= limit { values.removeAll(keepingCapacity: true) }
            values[key] = value
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
        let matches = gazetteer.matches(forKey: key)
        // Sized for all of them at once: a common name has hundreds, and a set grown one insertion
        // at a time rehashes every id at each doubling.
        var seen = Set<String>(minimumCapacity: matches.count)
        var out: [PlaceRecord] = []
        out.reserveCapacity(matches.count)
        // A town that has this name only as an alternate (a former or foreign name) is dropped when
        // a place of this name by its own name is a hundred times larger (and a city): "Paris" is
        // not the Ukrainian village once called so, whatever else the text names in Ukraine.
        // (Alternate names of smaller places are too often the usual name of a US or British town,
        // listed under "Town of …" or "… upon Thames", to drop them all.)
        // Likewise a region called so only by an alternate name gives way to a city of another
        // country called so by its own name, when its own country has none: "St. Louis" is not
        // Senegal's Matam region, which the source lists under "St.-Louis".
        var largestOwnNamed = 0
        var ownNamed = Set<String>()
        var countriesWithOwnNamedCity = Set<String>()
        var countriesOwnNamed = Set<String>()
        for match in matches where match.form == .name || match.form == .baseName && keepsBaseName(match, key: key) {
            ownNamed.insert(match.place.id)
            if match.place.kind == .country, let cc = match.place.country { countriesOwnNamed.insert(cc) }
            let population = match.place.population ?? 0
            largestOwnNamed = max(largestOwnNamed, population)
            if match.place.kind == .place, population >= Self.cityPopulation, let cc = match.place.country {
                countriesWithOwnNamedCity.insert(cc)
            }
        }
        for match in matches where match.form != .code {
            let p = match.place
            if !ownNamed.contains(p.id) {
                if p.kind == .place, largestOwnNamed >= Self.cityPopulation, (p.population ?? 0) * Self.alternateOnlyRatio < largestOwnNamed {
                    continue
                }
                if p.kind == .region, !countriesWithOwnNamedCity.isEmpty, !countriesWithOwnNamedCity.contains(p.country ?? "") {
                    continue
                }
                // A country's own name is not another country's town that GeoNames also calls so:
                // "Laos" is not Lào Cai, Vietnam, nor "Benin" Benin City, Nigeria. (Its own towns stay:
                // "Mexico" for Mexico City tells the resolver the State of Mexico is not meant.)
                if p.kind == .place, !countriesOwnNamed.isEmpty, !countriesOwnNamed.contains(p.country ?? "") { continue }
            }
            if match.form == .baseName, !keepsBaseName(match, key: key) { continue }
            guard seen.insert(p.id).inserted else { continue }
            out.append(PlaceRecord(id: p.id, name: p.name, kind: Self.kind(p.kind), country: p.country,
                                   region: p.region, population: p.population, location: p.location))
        }
        return out
    }

    /// See `uncachedPlaces(matchingKey:)`: how much larger the place called so by its own name must
    /// be for a town called so only by an alternate name to be dropped, and how large a city is.
    static let alternateOnlyRatio = 100
    static let cityPopulation = 100_000

    /// Whether a region's name without its qualifier (`Gazetteer.NameMatch.Form.baseName`) is kept for
    /// finding names in running text. Slavic adjective stems ("kur" of "Kurskaya") are for the
    /// resolver's queries: a base name is kept only when it is a whole word of the name. A district
    /// is found by its full name ("Laurel County"): its bare name ("Laurel") is far more often a
    /// town or a person.
    private func keepsBaseName(_ match: Gazetteer.NameMatch, key: String) -> Bool {
        match.place.kind != .district && NameNormalizer.key(match.place.name).split(separator: " ").contains(Substring(key))
    }

    /// Memoised by the word's plain form: the mention finder asks for short words, single words with
    /// several readings and Cyrillic words, the same few thousand ("El", "Lee", "Mary") again and
    /// again across documents.
    func places(_ places: [PlaceRecord], spelledLike word: String) -> [PlaceRecord] {
        let plain = Self.plain(word)
        // The same plain word has the same key, hence the same `places`: the answer is reused whole.
        if let known = spelled.get(plain), known.from == places.count { return known.kept }
        var kept: [PlaceRecord]
        if plain.utf8.allSatisfy({ $0 < 0x80 }) {
            // The words asked about are ASCII: the names are compared as bytes where they can be.
            var bytes = plain
            kept = bytes.withUTF8 { target in
                places.filter { p in
                    // The place's own name first: it is the one that matches most often, and it
                    // needs no look-up of the alternates.
                    if p.kind == .continent { return true }
                    var name = p.name
                    if name.withUTF8({ Self.isSpelled($0, like: target) }) { return true }
                    if let found = gazetteer.anyAlternateName(ofPlaceID: p.id, where: { Self.isSpelled($0, like: target) }) {
                        return found
                    }
                    return gazetteer.names(ofPlaceID: p.id).dropFirst().contains { Self.plain($0) == plain }
                }
            }
        } else {
            kept = places.filter { p in
                p.kind == .continent || Self.plain(p.name) == plain
                    || gazetteer.names(ofPlaceID: p.id).dropFirst().contains { Self.plain($0) == plain }
            }
        }
        // A region named after a town kept here stays with it: "Odesa" and "Mykolaiv" are spellings
        // of the cities (GeoNames: Odesa, Mykolayiv), and their regions, whose names share the key
        // ("Odessa", "Mykolayiv"), are the same names in other spellings ("the Odesa region" is
        // Odessa Oblast).
        let regionsOfKept = Set(kept.compactMap { $0.kind == .place ? $0.region : nil })
        if !regionsOfKept.isEmpty {
            let keptIDs = Set(kept.map(\.id))
            kept = places.filter { keptIDs.contains($0.id) || ($0.kind == .region && regionsOfKept.contains($0.id)) }
        }
        spelled.set(plain, (places.count, kept))
        return kept
    }

    func places(_ places: [PlaceRecord], spelledExactly word: String) -> [PlaceRecord] {
        let lower = word.lowercased()
        var exact = Set<String>()
        let target = Array(lower.utf8)
        let ascii = target.allSatisfy { $0 < 0x80 }
        for p in places where p.kind == .place {
            if p.name.lowercased() == lower {
                exact.insert(p.id)
                continue
            }
            // An ASCII word is compared with the alternates as bytes (ASCII letters without case),
            // where they can be read so; other words with the names as strings.
            let bytes = ascii ? target.withUnsafeBufferPointer { t in
                gazetteer.anyAlternateName(ofPlaceID: p.id) { name in
                    name.count == t.count && zip(name, t).allSatisfy { a, b in (a &- 0x41 < 26 ? a | 0x20 : a) == b }
                }
            } : nil
            let found = bytes ?? gazetteer.names(ofPlaceID: p.id).dropFirst().contains { $0.lowercased() == lower }
            if found { exact.insert(p.id) }
        }
        guard !exact.isEmpty else { return places }
        return places.filter { $0.kind != .place || exact.contains($0.id) }
    }

    /// `plain(String(decoding: name, as: UTF8.self)) == plain(word)` for an ASCII `target` (the
    /// UTF-8 of `plain(word)`), mostly without building the name's string or folding it: an ASCII
    /// name is folded byte by byte as `plain` folds it, and most other names are turned down by
    /// two tests that Foundation's folding cannot change the answer of:
    /// - a letter of a script that folds to no ASCII (Cyrillic, Greek, Arabic, CJK …: `isForeignLetter`)
    ///   stays a letter of that script, so the folded name is not ASCII;
    /// - folding lower-cases ASCII letters and keeps ASCII letters and digits, in order (it only drops
    ///   marks and apostrophes), so the name's must appear in that order in `target`.
    /// Only names passing both are folded by Foundation.
    private static func isSpelled(_ name: UnsafeBufferPointer<UInt8>, like target: UnsafeBufferPointer<UInt8>) -> Bool {
        if name.allSatisfy({ $0 < 0x80 }) {
            var k = 0
            for b in name where b != 0x27 && b != 0x2E {
                let folded = b >= 0x41 && b <= 0x5A ? b + 0x20 : b == 0x2D ? 0x20 : b
                guard k < target.count, target[k] == folded else { return false }
                k += 1
            }
            return k == target.count
        }
        let text = String(decoding: name, as: UTF8.self)
        var t = 0
        for s in text.unicodeScalars {
            if isForeignLetter(s.value) { return false }
            let v = s.value
            guard (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) else { continue }
            let b = UInt8(v) | (v <= 0x5A && v >= 0x41 ? 0x20 : 0)
            while t < target.count, target[t] != b { t += 1 }
            guard t < target.count else { return false }
            t += 1
        }
        return plain(text) == String(decoding: target, as: UTF8.self)
    }

    /// Letters of scripts whose letters fold (case and diacritics) to letters of the same script,
    /// never to ASCII.
    private static func isForeignLetter(_ v: UInt32) -> Bool {
        switch v {
        case 0x0391...0x03C9, 0x0400...0x0481, 0x048A...0x04FF, 0x0531...0x0556, 0x0561...0x0587, 0x05D0...0x05EA,
             0x0620...0x064A, 0x0671...0x06D3, 0x0904...0x0939, 0x0E01...0x0E30, 0x10D0...0x10FA, 0x3041...0x3096,
             0x30A1...0x30FA, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: true
        default: false
        }
    }

    /// Lower case without diacritics, apostrophes or full stops, a hyphen read as a space: "Sudža"
    /// and "sudza", "L’gov" and "lgov", "St. Louis" and "St Louis" are the same. ASCII text is
    /// folded byte by byte; only other text goes through Foundation's folding.
    private static func plain(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(s.utf8.count)
            for b in s.utf8 where b != 0x27 && b != 0x2E {
                bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b == 0x2D ? 0x20 : b)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .filter { $0 != "'" && $0 != "\u{2019}" && $0 != "." }
            .map { $0 == "-" ? " " : $0 })
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
