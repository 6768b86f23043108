import Foundation
import GeoJSON

extension Gazetteer {
    /// Ranking weights. The score of a candidate is the sum of the parts listed in its reasons:
    /// how the name matched, a prior for its kind, its population, and the context bonuses.
    enum Weight {
        static let name = 1.0, alternate = 0.95, code = 0.9, baseName = 0.85
        /// A region's own name that is also the name of a town in it ("Kursk", "Moscow").
        static let namesake = 0.9
        /// Per edit of a misspelling (subtracted from the name score).
        static let perEdit = 0.25
        /// The name matched only after a respelling rule (`Transliteration.variants`).
        static let variant = 0.1
        /// A leading article had to be dropped.
        static let article = 0.02
        static let country = 0.5, region = 0.32, district = 0.2, place = 0.1
        /// Population: `populationScale · log10(p + 1) / 7`, at most `populationScale` (10 million).
        static let populationScale = 0.3
        /// Near the query's point: `near · exp(−d / nearScale)`.
        static let near = 0.4, nearScale = 100_000.0
        static let sameRegion = 0.15, sameCountry = 0.1
        static let nearContext = 0.2
    }

    /// The places `query.name` may mean, best first, each with its score and reasons; empty when
    /// nothing matches (never an error). See `ResolveQuery` for filters and context.
    ///
    /// Exact matches (of the name's key, see `NameNormalizer`) come first; only when there is no
    /// exact match are misspellings looked for (1–2 edits for names of 5+ letters). Qualifiers in
    /// the name select a kind ("Kursk Oblast" → the region; "city of Kursk" → the city), as does
    /// `query.kind`. Complexity: O(log n) per interpretation of the name for exact matches; a
    /// misspelling search scans the keys of similar length (a few ms). Thread-safe.
    public func resolve(_ query: ResolveQuery) -> [Candidate] {
        let key = NameNormalizer.key(query.name)
        guard !key.isEmpty, query.limit > 0 else { return [] }
        var countryFilter = query.country?.uppercased()
        if let c = countryFilter, let i = countryByCode[c] { countryFilter = countries[i].iso2 }
        let context = Context(query: query, countryFilter: countryFilter)
        let readings = Self.readings(of: key, kind: query.kind)

        var best: [UInt32: Scored] = [:]
        for reading in readings {
            let found = index.postings(forKey: reading.key)
            let seats = regionsWithTownOfSameName(found)
            for p in found {
                consider(p, distance: 0, reading: reading, context: context, namesakeTown: seats.contains(p.entity), into: &best)
            }
        }
        if best.isEmpty {
            // Romanisations the key does not fold (French "dj"/"j" for дж/ж, German "sch"…).
            for variant in Transliteration.variants(of: query.name) {
                for var reading in Self.readings(of: variant.key, kind: query.kind) {
                    reading.variant = variant.rule
                    for p in index.postings(forKey: reading.key) {
                        consider(p, distance: 0, reading: reading, context: context, into: &best)
                    }
                }
            }
        }
        if best.isEmpty && query.fuzzy {
            for reading in readings where reading.key.filter({ $0 != " " }).count >= 5 {
                for (near, d) in index.keys(near: reading.key, maxDistance: 2) {
                    for p in index.postings(sharingKeyWith: near) {
                        consider(p, distance: d, reading: reading, context: context, into: &best)
                    }
                }
            }
        }
        let ranked = best.values.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.population != b.population { return a.population > b.population }
            return a.entity < b.entity
        }
        return ranked.prefix(query.limit).map { candidate($0, query: query.name) }
    }

    /// One way of reading the query: the key to look up, the kind it asks for, and why.
    struct Reading {
        var key: String
        var kind: PlaceKind?
        /// The qualifier that chose the kind, when there was one.
        var qualifier: String?
        var droppedArticle = false
        /// The respelling rule that produced this reading, when one did.
        var variant: String?
    }

    /// The query's key as given, without a leading article, and without a kind qualifier (with
    /// the stems of a Slavic adjective: "Kharkivska oblast" → "kharkivska", "kharkiv").
    static func readings(of key: String, kind: PlaceKind?) -> [Reading] {
        var result = [Reading(key: key, kind: kind)]
        var plain = key
        if let k = Qualifiers.dropArticle(key) {
            result.append(Reading(key: k, kind: kind, droppedArticle: true))
            plain = k
        }
        if let (base, qualifiedKind, qualifier) = Qualifiers.strip(plain), kind == nil || kind == qualifiedKind {
            for b in [base] + (qualifiedKind == .region ? Qualifiers.stems(of: base) : []) {
                result.append(Reading(key: b, kind: qualifiedKind, qualifier: qualifier, droppedArticle: plain != key))
            }
        }
        return result
    }

    /// The filters and context of a query, prepared once.
    struct Context {
        var kind: PlaceKind?
        var country: String?
        var near: Position?
        var places: [Place]
        var name: String
        init(query: ResolveQuery, countryFilter: String?) {
            name = query.name; kind = query.kind; country = countryFilter; near = query.near; places = query.context
        }
    }

    /// A candidate being scored: the best reading found so far for one entry. Reasons are kept
    /// as values and put into words only for the candidates returned.
    struct Scored {
        var entity: UInt32
        var posting: Posting
        var score: Double
        var population: Int
        var reasons: [Reason]
    }

    /// One part of a score.
    enum Reason {
        case match(form: NameForm, distance: Int, score: Double)
        case variant(rule: String)
        case article
        case qualifier(String, PlaceKind)
        case kindRequested(PlaceKind)
        case prior(PlaceKind, Double)
        case population(Int, Double)
        case inCountry(String)
        case nearPoint(metres: Double, Double)
        case sameRegion(as: String)
        case sameCountry(as: String)
        case nearPlace(String, metres: Double, Double)
        case namesakeTown
    }

    /// What ranking needs to know about an entry, without building its `Place`.
    struct Facts {
        var kind: PlaceKind
        var country: String?
        var population: Int
        var location: Position
    }

    func facts(_ e: UInt32) -> Facts {
        switch entity(e) {
        case .place(let i):
            return Facts(kind: .place, country: places.country(i), population: Int(places.population[i]),
                         location: Position(latitude: places.latitude[i], longitude: places.longitude[i]))
        case .region(let r):
            let x = regions[r]
            return Facts(kind: .region, country: x.country.isEmpty ? nil : x.country, population: 0,
                         location: Position(latitude: x.latitude, longitude: x.longitude))
        case .district(let d):
            let x = districts[d]
            return Facts(kind: .district, country: x.country.isEmpty ? nil : x.country, population: x.population,
                         location: Position(latitude: x.latitude, longitude: x.longitude))
        case .country(let c):
            let x = countries[c]
            return Facts(kind: .country, country: x.iso2, population: 0, location: Position(latitude: x.latitude, longitude: x.longitude))
        }
    }

    /// The regions among `postings` that contain a populated place among them: a region named
    /// like its own town ("Kursk" for the Kursk oblast and its capital). The bare name means the
    /// town, so such a region match counts as a name without its qualifier.
    private func regionsWithTownOfSameName(_ postings: [Posting]) -> Set<UInt32> {
        var result = Set<UInt32>()
        for p in postings {
            guard case .place(let i) = entity(p.entity), let c = places.country(i),
                  let r = regionByAdmin1[c + "." + places.admin1(i)] else { continue }
            let e = UInt32(places.count + r)
            if postings.contains(where: { $0.entity == e }) { result.insert(e) }
        }
        return result
    }

    private func consider(_ p: Posting, distance: Int, reading: Reading, context: Context, namesakeTown: Bool = false,
                          into best: inout [UInt32: Scored]) {
        // A base name (region without qualifier) is a weak match unless a qualifier asked for a region.
        if p.form == .baseName && reading.qualifier == nil && distance > 0 { return }
        if p.form == .code && distance > 0 { return }
        let facts = facts(p.entity)
        if let k = reading.kind, facts.kind != k { return }
        if let c = context.country, facts.country != c { return }
        var reasons: [Reason] = []
        // The index files a key once per entry, under its best form (own name before alternates).
        let namesake = namesakeTown && reading.qualifier == nil && p.form != .baseName
        let form = namesake ? NameForm.baseName : p.form
        var score: Double = switch form {
        case .name: Weight.name
        case .alternate: Weight.alternate
        case .code: Weight.code
        case .baseName: reading.qualifier != nil ? Weight.alternate : namesake ? Weight.namesake : Weight.baseName
        }
        score -= Double(distance) * Weight.perEdit
        reasons.append(.match(form: form, distance: distance, score: score))
        if form != p.form { reasons.append(.namesakeTown) }
        if let rule = reading.variant {
            score -= Weight.variant
            reasons.append(.variant(rule: rule))
        }
        if reading.droppedArticle {
            score -= Weight.article
            reasons.append(.article)
        }
        if let q = reading.qualifier, let k = reading.kind {
            reasons.append(.qualifier(q, k))
        } else if let k = context.kind {
            reasons.append(.kindRequested(k))
        }
        let prior: Double = switch facts.kind {
        case .country: Weight.country
        case .region: Weight.region
        case .district: Weight.district
        case .place: Weight.place
        }
        score += prior
        reasons.append(.prior(facts.kind, prior))
        if facts.kind == .place || facts.kind == .district {
            let bonus = Weight.populationScale * min(1, log10(Double(facts.population) + 1) / 7)
            score += bonus
            reasons.append(.population(facts.population, bonus))
        }
        if let c = context.country { reasons.append(.inCountry(c)) }
        if let near = context.near {
            let d = Self.approximateDistance(near, facts.location)
            let bonus = Weight.near * exp(-d / Weight.nearScale)
            score += bonus
            reasons.append(.nearPoint(metres: d, bonus))
        }
        if !context.places.isEmpty {
            score += contextBonus(for: p.entity, facts: facts, context: context.places, reasons: &reasons)
        }
        if let old = best[p.entity], old.score >= score { return }
        best[p.entity] = Scored(entity: p.entity, posting: p, score: score, population: facts.population, reasons: reasons)
    }

    private func contextBonus(for e: UInt32, facts: Facts, context: [Place], reasons: inout [Reason]) -> Double {
        let place = place(entity: e)
        let others = context.filter { $0.id != place.id }
        guard !others.isEmpty else { return 0 }
        var bonus = 0.0
        if let r = place.region, let other = others.first(where: { $0.region == r }) {
            bonus += Weight.sameRegion
            reasons.append(.sameRegion(as: other.name))
        }
        if let c = place.country, let other = others.first(where: { $0.country == c }) {
            bonus += Weight.sameCountry
            reasons.append(.sameCountry(as: other.name))
        }
        if place.kind == .place, let nearest = others.filter({ $0.kind == .place })
            .map({ ($0, Self.approximateDistance($0.location, place.location)) }).min(by: { $0.1 < $1.1 }) {
            let b = Weight.nearContext * exp(-nearest.1 / Weight.nearScale)
            if b >= 0.005 {
                bonus += b
                reasons.append(.nearPlace(nearest.0.name, metres: nearest.1, b))
            }
        }
        return bonus
    }

    /// The candidate as returned: its place, the name that matched, and its reasons in words.
    func candidate(_ s: Scored, query: String) -> Candidate {
        let (shown, described) = matchedName(of: s.posting, query: query)
        let words: [String] = s.reasons.map { r in
            switch r {
            case .match(let form, let distance, let score):
                let what = switch form {
                case .name: "the name"
                case .alternate: "the alternate name"
                case .code: "the ISO code"
                case .baseName: "the name without its qualifier"
                }
                return distance == 0
                    ? "exact match of \(what) \"\(described)\" (+\(Self.format(score)))"
                    : "\(distance) edit\(distance == 1 ? "" : "s") from \(what) \"\(described)\" (+\(Self.format(score)))"
            case .variant(let rule): return "read as another romanisation (\(rule)) (−\(Self.format(Weight.variant)))"
            case .article: return "leading article ignored (−\(Self.format(Weight.article)))"
            case .qualifier(let q, let k): return "qualifier \"\(q)\" asks for a \(k.rawValue)"
            case .kindRequested(let k): return "kind \(k.rawValue) requested"
            case .prior(let k, let v): return "\(k == .place ? "populated place" : k.rawValue) (+\(Self.format(v)))"
            case .population(let n, let v): return "population \(Self.grouped(n)) (+\(Self.format(v)))"
            case .inCountry(let c): return "in the requested country \(c)"
            case .nearPoint(let d, let v): return "\(Self.kilometres(d)) from the given point (+\(Self.format(v)))"
            case .sameRegion(let name): return "in the same region as \(name) (+\(Self.format(Weight.sameRegion)))"
            case .sameCountry(let name): return "in the same country as \(name) (+\(Self.format(Weight.sameCountry)))"
            case .nearPlace(let name, let d, let v): return "\(Self.kilometres(d)) from \(name) (+\(Self.format(v)))"
            case .namesakeTown: return "a town in the region has this name: without a qualifier the name means the town"
            }
        }
        return Candidate(place: place(entity: s.entity), score: s.score, matched: shown, reasons: words)
    }

    /// Which of the entry's names has the posting's key: the one to show as `matched` (spelled
    /// as in the query, ignoring case, when there is one) and the one of the posting's form (its
    /// own name, or an alternate) for the reason text.
    private func matchedName(of p: Posting, query: String) -> (shown: String, described: String) {
        let key = index.key(of: p)
        let names = names(ofEntity: p.entity)
        if p.form != .baseName {
            let same = names.filter { NameNormalizer.key($0.0) == key }
            let literal = query.lowercased()
            if let best = same.first(where: { $0.1 == p.form }) ?? same.first {
                return ((same.first(where: { $0.0.lowercased() == literal }) ?? best).0, best.0)
            }
        }
        // A base name: the name whose qualifier-less form or stem gave the key.
        let base = names.first(where: { n in
            let k = NameNormalizer.key(n.0)
            let base = Qualifiers.strip(k)?.base ?? k
            return base == key || Qualifiers.stems(of: base).contains(key)
        })?.0 ?? names[0].0
        return (base, base)
    }

    /// Great-circle distance on a sphere of the WGS84 mean radius (haversine), in metres: within
    /// 0.5 % of the ellipsoidal distance, which is enough to rank candidates. Not for measuring.
    static func approximateDistance(_ a: Position, _ b: Position) -> Double {
        let r = 6_371_008.8
        let φ1 = a.latitude * .pi / 180, φ2 = b.latitude * .pi / 180
        let dφ = φ2 - φ1, dλ = (b.longitude - a.longitude) * .pi / 180
        let h = sin(dφ / 2) * sin(dφ / 2) + cos(φ1) * cos(φ2) * sin(dλ / 2) * sin(dλ / 2)
        return 2 * r * asin(min(1, sqrt(h)))
    }

    static func format(_ x: Double) -> String { String(format: "%.2f", x) }

    static func kilometres(_ metres: Double) -> String {
        metres < 10_000 ? String(format: "about %.1f km", metres / 1000) : String(format: "about %.0f km", metres / 1000)
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
