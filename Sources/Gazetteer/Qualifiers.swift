/// Words that say what kind of place a name means ("Kursk *Oblast*", "*city of* Kursk",
/// "*the* Ukraine"), as keys, in the languages the gazetteer serves.
enum Qualifiers {
    private static func keys(_ words: [String]) -> Set<String> { Set(words.map(NameNormalizer.key)) }

    /// After or before a name: a first-level region.
    static let region = keys([
        "region", "regions", "oblast", "oblast'", "oblasti", "obl", "province", "provincia", "provinz", "state",
        "krai", "kray", "krai'", "okrug", "autonomous okrug", "republic", "respublika", "oblys", "voblast",
        "voblasts'", "voblasts", "governorate", "prefecture", "voivodeship", "department",
        "territory", "canton", "emirate",
        "область", "обл", "край", "регион", "республика", "округ", "автономный округ", "губерния",
        "регіон", "республіка", "вобласць", "рэгіён",
    ])

    /// After a name: a second-level unit ("Laurel County", "Orleans Parish").
    static let district = keys(["county", "co", "parish", "borough", "census area", "municipio", "city and borough"])

    /// After or before a name: a populated place.
    static let place = keys([
        "city", "town", "village", "settlement", "hamlet", "urban-type settlement",
        "город", "г", "гор", "село", "посёлок", "пос", "деревня", "пгт", "хутор", "станица",
        "місто", "селище", "смт", "горад", "вёска", "пасёлак",
    ])

    /// Joining words between a leading qualifier and the name ("province *of* Kherson").
    static let joiners = keys(["of", "de", "di", "del", "du"])

    /// Leading articles dropped as a fallback ("the Ukraine", "the Crimea").
    static let articles = keys(["the"])

    /// Russian/Ukrainian/Belarusian adjective endings of region names, as key suffixes, with the
    /// stems they may stand for: `kurskaia` → `kursk`, `kur`; `kharkivska` → `kharkivsk`, `kharkiv`.
    static func stems(of base: String) -> [String] {
        for suffix in ["skaia", "skoe", "skii", "skoi", "ska", "ski", "sk"] where base.hasSuffix(suffix) && base.count > suffix.count + 2 {
            let root = String(base.dropLast(suffix.count))
            return [root + "sk", root, root + "a"].filter { $0 != base }
        }
        return []
    }

    /// A name key split into words, with a region or place qualifier removed from its end or
    /// start. Returns nil when there is no qualifier, or nothing would remain.
    static func strip(_ key: String) -> (base: String, kind: PlaceKind, qualifier: String)? {
        let words = key.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        for (set, kind) in [(region, PlaceKind.region), (district, PlaceKind.district), (place, PlaceKind.place)] {
            // Up to two qualifier words at the end ("autonomous okrug"), or at the start followed
            // by an optional "of".
            for n in [2, 1] where words.count > n {
                if set.contains(words.suffix(n).joined(separator: " ")) {
                    return (words.dropLast(n).joined(separator: " "), kind, words.suffix(n).joined(separator: " "))
                }
                if set.contains(words.prefix(n).joined(separator: " ")) {
                    var rest = Array(words.dropFirst(n))
                    var qualifier = words.prefix(n).joined(separator: " ")
                    if rest.count > 1, joiners.contains(rest[0]) { qualifier += " " + rest.removeFirst() }
                    return (rest.joined(separator: " "), kind, qualifier)
                }
            }
        }
        return nil
    }

    /// A key without a leading article, or nil.
    static func dropArticle(_ key: String) -> String? {
        let words = key.split(separator: " ", maxSplits: 1)
        guard words.count == 2, articles.contains(String(words[0])) else { return nil }
        return String(words[1])
    }
}
