import Gazetteer

/// The gazetteer as the geoparser's name lookup.
///
/// ISO-code matches are dropped: the geoparser matches abbreviations itself, case-sensitively, so that
/// "In", "It" or "Us" at the start of a sentence never become India, Italy or the United States.
/// A region's qualifier-less name ("Kursk" for Kursk Oblast) is kept; the resolver prefers the
/// eponymous city unless the text says "region"/"oblast". Thread-safe: the gazetteer is immutable.
struct GazetteerLookup: PlaceLookup {
    let gazetteer: Gazetteer

    func key(_ surface: String) -> String { NameNormalizer.key(surface) }

    func places(matchingKey key: String) -> [PlaceRecord] {
        guard !key.isEmpty else { return [] }
        var seen = Set<String>()
        var out: [PlaceRecord] = []
        for match in gazetteer.matches(forKey: key) where match.form != .code {
            // Slavic adjective stems ("kur" of "Kurskaya") are for the resolver's queries, not for
            // finding names in running text: keep a base name only when it is a whole word of the name.
            if match.form == .baseName, !NameNormalizer.key(match.place.name).split(separator: " ").contains(Substring(key)) {
                continue
            }
            let p = match.place
            guard seen.insert(p.id).inserted else { continue }
            out.append(PlaceRecord(id: p.id, name: p.name, kind: Self.kind(p.kind), country: p.country,
                                   region: p.region, population: p.population, location: p.location))
        }
        return out
    }

    static func kind(_ k: PlaceKind) -> PlaceRecord.Kind {
        switch k {
        case .country: .country
        case .region: .region
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
