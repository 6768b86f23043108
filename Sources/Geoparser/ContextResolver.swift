import Foundation

/// Chooses one place for each mention using the whole document.
///
/// Evidence, in the order it is weighed:
/// 1. a prior per candidate: its kind (continents and countries before regions before towns) and
///    its population (log scale), and a region when the text says "oblast", "county", …;
/// 2. the countries and regions the document talks about (unambiguous mentions and demonyms vote);
/// 3. the countries of the other names and nationality words of the name's own sentence;
/// 4. "Springfield, Illinois": a name followed by a comma and its region or country;
/// 5. proximity to the places chosen for the other names in a first pass, or to another name's
///    reading a few km away ("Paris" and "Henry County" in Tennessee);
/// 6. one sense per discourse: every mention of the same name gets the same place.
/// A one-word name that none of this supports while the other names point elsewhere is marked
/// `unsupported` (see `isUnsupported`).
///
/// Cost: O(m·c + m²·s²) for m distinct names with c candidates each, s ≤ `maxScored` of them
/// shortlisted. Thread-safe: a value.
struct ContextResolver: Sendable {
    struct Choice: Sendable {
        var place: PlaceRecord?
        var score: Double
        var reasons: [String]
        var candidateCount: Int
        /// Nothing else in the document supports this reading (see `isUnsupported`): the finder
        /// drops such a mention.
        var unsupported = false
    }

    /// Proximity bonus scale: a candidate 0 km from another name's place gains `proximityWeight`,
    /// at `proximityKilometres` it gains about a third of it.
    var proximityWeight = 3.0
    var proximityKilometres = 150.0
    var countryWeight = 4.5
    var regionWeight = 2.5
    var commaWeight = 6.0
    /// A first-level region of a country the text gives no evidence for, when the name has readings
    /// of other kinds.
    var foreignRegionPenalty = 2.0
    /// A region, county or town in the country of another name (or nationality word) of its sentence.
    var sentenceWeight = 1.5
    /// For a region, when a name is listed with other regions or countries ("crews from New
    /// Hampshire and New Brunswick"): a list names things of one kind.
    var listWeight = 2.5
    /// Two names with readings this close (km) are read together; see `neighbourBonuses`.
    var neighbourKilometres = 30.0
    var neighbourWeight = 3.0
    /// A city this close (km) to the point of a region of its name gives the region its name.
    var eponymousKilometres = 150.0
    /// Taken from a region's, district's or country's score when the text calls the name a town.
    var townPenalty = 6.0
    /// A town's region named in the text counts half when a city of this size or more, and this
    /// many times its population, has the same name in the same country.
    var dominantCityPopulation = 250_000
    var dominantCityRatio = 50
    /// At most this many candidates per name get the full contextual score.
    var maxScored = 24
    /// True when no mention lists two candidates with the same id (the lookup's records are
    /// distinct, and the continents the finder adds have ids no gazetteer entry has): `dedupe`,
    /// which hashes every candidate's id, is then skipped.
    var candidatesAreDistinct = false
    /// False when no `Choice.reasons` are wanted: they are then left empty, and the chosen place
    /// is not scored a second time to write them down (places and scores are the same).
    var explains = true

    /// Resolves `toponyms` (grouped by key) with the help of `demonyms`; returns one choice per toponym.
    func resolve(_ toponyms: [RawMention], demonyms: [RawMention], doc: Document) -> [Choice] {
        // Group by name: one sense per discourse. A name is its group's index (in text order)
        // from here on: the per-name tables are arrays, not dictionaries hashing the key each time.
        var groupOfKey: [String: Int] = [:]
        var groups: [[Int]] = []
        var groupOf: [Int] = []
        groupOf.reserveCapacity(toponyms.count)
        // A mention the text calls a town ("the city of Belgorod", "DJIBOUTI —") is read apart from
        // the same name called a region elsewhere in the text ("the Belgorod region"), and from a
        // country's name ("Djibouti's government"); otherwise every mention of a name is one reading.
        // So is a name qualified by another region than its first qualified mention: "SPRINGFIELD,
        // Ill." and "Springfield, Missouri" are two towns (an unqualified "Springfield" is the first).
        let keysWantingRegion = Set(toponyms.lazy.filter(\.wantsRegion).map(\.key))
        var qualifier = [String?](repeating: nil, count: toponyms.count)
        var startingAt: [Int: Int] = [:]
        for i in toponyms.indices where startingAt[toponyms[i].first] == nil { startingAt[toponyms[i].first] = i }
        for (i, m) in toponyms.enumerated() where m.last + 1 < doc.tokens.count && doc.isSymbol(m.last, ",") {
            if let n = startingAt[m.last + 1], toponyms[n].candidates.contains(where: { $0.kind <= .region }) {
                qualifier[i] = toponyms[n].key
            }
        }
        var qualifierOfGroup: [String: String] = [:]
        for (i, m) in toponyms.enumerated() {
            let apart = m.wantsTown && (keysWantingRegion.contains(m.key) || m.candidates.contains { $0.kind == .country })
            var groupKey = apart ? m.key + "\u{1}town" : m.key
            if let q = qualifier[i] {
                if let first = qualifierOfGroup[groupKey] {
                    if first != q { groupKey += "\u{2}" + q }
                } else {
                    qualifierOfGroup[groupKey] = q
                }
            }
            if let g = groupOfKey[groupKey] {
                groups[g].append(i)
                groupOf.append(g)
            } else {
                groupOfKey[groupKey] = groups.count
                groupOf.append(groups.count)
                groups.append([i])
            }
        }
        let order = groups.indices
        let allCandidates: [[PlaceRecord]] = groups.map {
            candidatesAreDistinct ? toponyms[$0[0]].candidates : dedupe(toponyms[$0[0]].candidates)
        }
        let wantsRegion: [Bool] = groups.map { $0.contains { toponyms[$0].wantsRegion } }
        let wantsTown: [Bool] = groups.map { g in !g.contains { toponyms[$0].wantsRegion } && g.contains { toponyms[$0].wantsTown } }
        // A name the text calls a town keeps the towns named after their country ("DJIBOUTI —").
        let candidates = allCandidates.indices.map { wantsTown[$0] ? allCandidates[$0] : Self.countryOverItsTowns(allCandidates[$0]) }
        // "Kursk" without "oblast": the city that gives the region its name, not the region. The city
        // may lie in the region or be a region of its own beside it (Minsk, Kyiv): a city of 50,000
        // or more of that name in the region or within `eponymousKilometres` of its point, or a city
        // of 500,000 or more anywhere in its country ("Washington"). Not a township of 130,000 in
        // Illinois for the state of Maine.
        // The towns `countryOverItsTowns` set aside count here: "Mexico" is not the State of Mexico.
        // Read in place: filtering copies of the records retained each one's strings.
        // By name: the ids of the regions that are named after such a city.
        let capitals: [Set<String>] = allCandidates.map { cands in
            var regions = Set<String>()
            for r in cands.indices where cands[r].kind == .region {
                for i in cands.indices where cands[i].kind == .place && cands[i].country == cands[r].country {
                    let population = cands[i].population ?? 0
                    guard population >= 50_000 else { continue }
                    if population >= 500_000 || cands[i].region == cands[r].id
                        || Self.approximateKilometres(cands[i].location.latitude, cands[i].location.longitude,
                                                      cands[r].location.latitude, cands[r].location.longitude) < eponymousKilometres {
                        regions.insert(cands[r].id)
                        break
                    }
                }
            }
            return regions
        }

        // Pass 1: priors and document-level country and region votes.
        var provisional = [PlaceRecord?](repeating: nil, count: groups.count)
        var countryVotes: [String: Double] = [:]
        var regionVotes: [String: Double] = [:]
        var ownVote = [Double?](repeating: nil, count: groups.count)
        var countryIsCertain = [Bool](repeating: false, count: groups.count)
        for key in order {
            let cands = candidates[key]
            guard !cands.isEmpty else { continue }
            // By index: sorting copies of the records would retain each one's strings.
            // "Washington", "Kyiv" without a region word: the eponymous city, here as in pass 2.
            let eponymous = capitals[key]
            let ranked = cands.indices.map { k in
                let c = cands[k]
                let penalty = !wantsRegion[key] && c.kind == .region && eponymous.contains(c.id) ? 4.0 : 0
                return (k, prior(c, wantsRegion: wantsRegion[key], wantsTown: wantsTown[key]) - penalty)
            }.sorted { $0.1 > $1.1 }
            let best = cands[ranked[0].0]
            provisional[key] = best
            let margin = ranked.count > 1 ? ranked[0].1 - ranked[1].1 : 10
            let weight = Double(groups[key].count).squareRoot() * (margin > 2 ? 1 : 0.4)
            // A name whose close readings lie in different countries votes for its first reading's
            // country at a quarter of its weight: "Springfield" is somewhere in the United States,
            // but "London" (England or Ontario) and "Washington" (the capital or a town in England)
            // say little of the country. At full weight each pulled the other's reading into its
            // own country and swapped both ("Washington and London" read as a village in Sussex
            // and London, Ohio); several such names that agree still add up ("Lancaster",
            // "Preston" and "Blackpool" together are in England).
            let close = ranked.prefix { ranked[0].1 - $0.1 <= 2 }
            countryIsCertain[key] = close.allSatisfy { cands[$0.0].country == best.country }
            let vote = countryIsCertain[key] ? weight : weight / 4
            if let c = best.country { countryVotes[c, default: 0] += vote; ownVote[key] = vote }
            if best.kind == .region, let r = best.region ?? Optional(best.id) { regionVotes[r, default: 0] += weight }
            else if best.kind >= .district, let r = best.region, margin > 2 { regionVotes[r, default: 0] += weight * 0.5 }
        }
        for d in demonyms { if let c = d.countryCode { countryVotes[c, default: 0] += 0.7 } }
        // The countries each sentence points to, and through which names (-1 for a demonym).
        var sentenceCountries: [Int: [(key: Int, country: String)]] = [:]
        for (i, m) in toponyms.enumerated() where m.first < doc.tokens.count {
            if countryIsCertain[groupOf[i]], let c = provisional[groupOf[i]]?.country {
                sentenceCountries[doc.sentenceOf[m.first], default: []].append((groupOf[i], c))
            }
        }
        for d in demonyms where d.first < doc.tokens.count {
            if let c = d.countryCode { sentenceCountries[doc.sentenceOf[d.first], default: []].append((-1, c)) }
        }
        // Summed in code order: a floating-point sum in hash order could differ in its last bit
        // from run to run.
        let totalVotes = max(countryVotes.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }, 1)
        let votesOf = CountryVotes(countryVotes)
        let placedNames = ownVote.count { ($0 ?? 0) > 0 }

        // "X, Y" pairs: the key of X → candidates of Y, and the key of Y → candidates of X (the
        // state in "Vancouver, Washington" is the one that holds a Vancouver).
        var commaContext = [[PlaceRecord]?](repeating: nil, count: groups.count)
        var commaBefore = [[PlaceRecord]?](repeating: nil, count: groups.count)
        for (i, m) in toponyms.enumerated() {
            let t = doc.tokens
            guard m.last + 1 < t.count, doc.isSymbol(m.last, ",") else { continue }
            if let n = toponyms.firstIndex(where: { $0.first == m.last + 1 }) {
                commaContext[groupOf[i]] = (commaContext[groupOf[i]] ?? []) + toponyms[n].candidates.filter { $0.kind <= .region }
                commaBefore[groupOf[n]] = (commaBefore[groupOf[n]] ?? []) + m.candidates.filter { $0.kind >= .district }
            }
        }

        // Common names have hundreds of candidates: score in full only the strongest by prior and
        // those in a country the document talks about (keeps the context step near-linear).
        var shortlists = [[PlaceRecord]?](repeating: nil, count: groups.count)
        for key in order {
            let all = candidates[key]
            guard !all.isEmpty else { continue }
            if all.count <= maxScored {
                shortlists[key] = all
            } else {
                let wants = wantsRegion[key], town = wantsTown[key], eponymous = capitals[key]
                // With pass 1's penalty for a region named after its city: "Riga" is an alternate
                // name of dozens of Latvian municipalities, which would otherwise crowd out the city.
                let keys = all.map { c in
                    let penalty = !wants && c.kind == .region && eponymous.contains(c.id) ? 4.0 : 0
                    return prior(c, wantsRegion: wants, wantsTown: town) - penalty + (votesOf[c.country ?? ""] ?? 0)
                }
                let order = all.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] > keys[b] : a < b }
                shortlists[key] = order.prefix(maxScored).map { all[$0] }
            }
        }
        // A name qualified by its region ("Bangor, Maine") is read beside other names only in that
        // region: its namesakes elsewhere must not pair up with another name's namesakes (Bangor and
        // Portland, Pennsylvania lie 11 km apart).
        let neighbours = neighbourBonuses(shortlists: shortlists.indices.map { k in
            guard let list = shortlists[k], let context = commaContext[k], !context.isEmpty else { return shortlists[k] }
            let inside = list.filter { c in context.contains { contains($0, c) } }
            return inside.isEmpty ? list : inside
        })
        // How many provisional places are regions named `r`, and how many towns and counties lie in
        // region `r`: counted once here, not by a pass over all names for every candidate scored.
        var regionsNamed: [String: Int] = [:]
        var placesInside: [String: Int] = [:]
        for case let p? in provisional {
            if p.kind == .region { regionsNamed[p.region ?? p.id, default: 0] += 1 }
            if p.kind >= .district, let r = p.region { placesInside[r, default: 0] += 1 }
        }
        // In the text's order, not the dictionary's: a tie in distance then names the same place
        // on every run.
        let anchors = order.compactMap { k in provisional[k].map { Anchor((key: k, value: $0)) } }

        // Pass 2: full score with context.
        var choices = [Choice?](repeating: nil, count: groups.count)
        for key in order {
            let all = candidates[key]
            guard let cands = shortlists[key] else {
                choices[key] = Choice(place: nil, score: 0, reasons: ["no candidate"], candidateCount: 0)
                continue
            }
            // What the name's candidates are weighed against, looked up once for all of them.
            let wants = wantsRegion[key], town = wantsTown[key]
            let modified = groups[key].contains { toponyms[$0].modifier != nil }
            let eponymousRegions = capitals[key]
            let ownCountry = provisional[key]?.country
            let ownWeight = ownVote[key] ?? 0
            // The region this name itself provisionally names, left out of "its region is named".
            let ownRegion = provisional[key].flatMap { $0.kind == .region ? ($0.region ?? $0.id) : nil }
            // The votes for a country, leaving out this name's own so a lone name does not vote for itself.
            func otherVotes(_ country: String?) -> Double {
                guard let country, let v = votesOf[country] else { return 0 }
                return max(v - (ownCountry == country ? ownWeight : 0), 0)
            }
            let context = commaContext[key]
            let before = commaBefore[key]
            let listedWithArea = cands.contains { $0.kind == .region } && groups[key].contains { i in
                isListedWithArea(i, toponyms: toponyms, groupOf: groupOf, provisional: provisional, doc: doc)
            }
            let listedWithRegion = listedWithArea && groups[key].contains { i in
                isListedWithArea(i, toponyms: toponyms, groupOf: groupOf, provisional: provisional, doc: doc, kind: .region)
            }
            // The largest town of this name in each country, for the dominant-city rule below.
            var largestCity: [String: Int] = [:]
            // Only towns of that very name: GeoNames lists "Hudson" as a former name of Jersey City.
            let spelled = toponyms[groups[key][0]].surface.lowercased()
            for k in cands.indices where cands[k].kind == .place && cands[k].name.lowercased() == spelled {
                if let cc = cands[k].country, let p = cands[k].population, p > largestCity[cc] ?? 0 { largestCity[cc] = p }
            }
            let nearby = neighbours[key]
            // The countries other names point to in the sentences of this name's mentions.
            var sentenceNeighbours: [String] = []
            for i in groups[key] where toponyms[i].first < doc.tokens.count {
                for entry in sentenceCountries[doc.sentenceOf[toponyms[i].first]] ?? [] where entry.key != key {
                    sentenceNeighbours.append(entry.country)
                }
            }
            // A candidate's score, and whether a place of the text backs it up (its region, places
            // inside it, or one nearby).
            func score(_ c: PlaceRecord, _ reasons: inout Reasons) -> (Double, Bool) {
                var backed = false
                var s = prior(c, wantsRegion: wants, wantsTown: town, reasons: &reasons)
                let holdsTheTownBefore = c.kind <= .region && before?.contains(where: { contains(c, $0) }) == true
                if holdsTheTownBefore {
                    s += commaWeight
                    reasons.add("preceded by a place inside it")
                }
                // "Kharkiv", "Aleppo" alone: the city that names the region. The places the text
                // names inside the region then lie around the city just as well, and count for the
                // region only with a direction word ("western Kursk").
                let eponymous = !holdsTheTownBefore && c.kind == .region && !wants && eponymousRegions.contains(c.id)
                if eponymous {
                    s -= 4
                    reasons.add("the name alone means its eponymous city")
                }
                // A territory one country holds and another claims (Crimea) is backed by the
                // evidence for either: Russian reporting on Crimea names Russian places around it.
                var cc = c.country
                var share = otherVotes(cc) / totalVotes
                if let other = KnownNames.alsoAdministeredBy(c), case let s2 = otherVotes(other) / totalVotes, s2 > share {
                    (cc, share) = (other, s2)
                }
                if share > 0, let cc {
                    s += countryWeight * share
                    reasons.add("country \(cc) is \(Int((share * 100).rounded())) % of the document's evidence")
                } else if c.kind == .region, totalVotes > 1, cands.contains(where: { $0.kind != .region }) {
                    // "Gaza" beside Israel: not Mozambique's Gaza province, in a country the text
                    // never mentions, when the name has other readings.
                    s -= foreignRegionPenalty
                    reasons.add("nothing else in the text is in \(c.country ?? "its country")")
                }
                if c.kind >= .district, let r = c.region, let v = regionVotes[r], v > 0,
                   (regionsNamed[r] ?? 0) - (ownRegion == r ? 1 : 0) > 0 {
                    backed = true
                    if let cc = c.country, let big = largestCity[cc], big >= dominantCityPopulation,
                       (c.population ?? 0) * dominantCityRatio <= big {
                        // "Washington" in a text that also names North Carolina: the capital, not the
                        // town of 10,000 there; that the region is named counts for less when a city
                        // fifty times larger of the same country has the name.
                        s += regionWeight / 2
                        reasons.add("its region is named in the text, but a far larger city has its name")
                    } else {
                        s += regionWeight
                        reasons.add("its region is named in the text")
                    }
                }
                if c.kind == .region {
                    // Not this name's own town ("Kursk" read as the city is no evidence for Kursk Oblast).
                    let own = provisional[key].map { $0.kind >= .district && $0.region == c.id } == true ? 1 : 0
                    let inside = (placesInside[c.id] ?? 0) - own
                    if inside > 0, !eponymous || modified {
                        s += regionWeight * Double(min(inside, 2))
                        backed = true
                        reasons.add("\(inside) other named place\(inside == 1 ? "" : "s") inside it")
                    }
                }
                if c.kind == .region, listedWithRegion {
                    s += listWeight
                    reasons.add("listed with other regions")
                }
                if c.kind >= .region, let cc = sentenceNeighbours.contains(c.country ?? "") ? c.country
                    : KnownNames.alsoAdministeredBy(c).flatMap({ sentenceNeighbours.contains($0) ? $0 : nil }) {
                    // "Lukashenko said Belarus would defend Gomel and Brest": Brest, Belarus.
                    s += sentenceWeight
                    reasons.add("another name in its sentence is in \(cc)")
                }
                if let context, context.contains(where: { contains($0, c) }) {
                    s += commaWeight
                    reasons.add("followed by its \(context.first { contains($0, c) }!.kind.rawValue)")
                }
                if c.kind >= .region {
                    var (bonus, near) = proximity(c, excluding: key, anchors: anchors, explain: reasons.recording)
                    if let (b, reason) = nearby[c.id], b > bonus { (bonus, near) = (b, reason) }
                    if bonus > 0.05 {
                        s += bonus
                        backed = true
                        if let near { reasons.add(near) }
                    }
                }
                return (s, backed)
            }
            // Only the winner's reasons are reported: the candidates are scored without writing
            // theirs (each is several strings), and the winner is scored again with them.
            // By index into `cands`, as in pass 1.
            var scored: [(Int, Double, Bool)] = []
            scored.reserveCapacity(cands.count)
            for k in cands.indices {
                var silent = Reasons(recording: false)
                let (s, backed) = score(cands[k], &silent)
                scored.append((k, s, backed))
            }
            scored.sort { $0.1 > $1.1 }
            let margin = scored.count > 1 ? scored[0].1 - scored[1].1 : 5
            let confidence = 1 / (1 + exp(-margin))
            let chosen = cands[scored[0].0]
            // Only a text whose other names point somewhere can leave a name unsupported: in "Sudzha
            // was shelled, Ukrainian officials said" nothing else is named.
            let othersPlaced = placedNames - (ownWeight > 0 ? 1 : 0)
            // "Storms hit Normandy and Brittany, while Lombardy and Catalonia stayed dry": a region
            // listed with other regions or countries ("and", "or", a comma between) is one of them.
            // Asked last: only of a name the other tests would leave unsupported.
            let unsupported = othersPlaced > 0
                && isUnsupported(chosen, mentions: groups[key].map { toponyms[$0] }, doc: doc,
                                 countrySupport: otherVotes(chosen.country), commaFollowed: context != nil,
                                 backed: scored[0].2, othersPlaced: othersPlaced)
                && !(chosen.kind == .region && listedWithArea)
            var reasons = Reasons(recording: true)
            if explains { _ = score(chosen, &reasons) }
            choices[key] = Choice(place: chosen, score: (confidence * 1000).rounded() / 1000,
                                  reasons: reasons.list, candidateCount: all.count, unsupported: unsupported)
        }
        return groupOf.map { choices[$0] ?? Choice(place: nil, score: 0, reasons: [], candidateCount: 0) }
    }

    /// The document's votes by country, for the scoring's many look-ups: a two-letter code (the
    /// gazetteer's countries) indexes an array instead of being hashed. Gives what the dictionary
    /// gives: when one of its keys is not ASCII (so that a code could equal it up to canonical
    /// equivalence) every look-up goes to the dictionary.
    private struct CountryVotes {
        private let votes: [String: Double]
        /// By `index(_:)`; nil when the dictionary is asked instead.
        private let byCode: [Double?]?

        init(_ votes: [String: Double]) {
            self.votes = votes
            if votes.keys.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
                var byCode = [Double?](repeating: nil, count: 26 * 26)
                for (code, v) in votes { if let i = Self.index(code) { byCode[i] = v } }
                self.byCode = byCode
            } else {
                byCode = nil
            }
        }

        /// 0..<676 for a code of two ASCII capital letters, else nil.
        private static func index(_ code: String) -> Int? {
            let utf8 = code.utf8
            guard utf8.count == 2 else { return nil }
            var bytes = utf8.makeIterator()
            guard let a = bytes.next(), let b = bytes.next(), a &- 0x41 < 26, b &- 0x41 < 26 else { return nil }
            return Int(a &- 0x41) * 26 + Int(b &- 0x41)
        }

        subscript(_ code: String) -> Double? {
            if let byCode, let i = Self.index(code) { return byCode[i] }
            return votes[code]
        }
    }

    /// True when toponym `i` is joined by "and", "or" or a comma to a neighbouring toponym of
    /// another name whose provisional reading is a region or country.
    /// `kind`: only names provisionally of that kind count (nil: regions, countries and continents).
    private func isListedWithArea(_ i: Int, toponyms: [RawMention], groupOf: [Int], provisional: [PlaceRecord?], doc: Document,
                                  kind: PlaceRecord.Kind? = nil) -> Bool {
        let t = doc.tokens
        func isArea(_ k: Int) -> Bool {
            guard groupOf[k] != groupOf[i], let p = provisional[groupOf[k]] else { return false }
            return kind.map { p.kind == $0 } ?? (p.kind <= .region)
        }
        func joiner(_ k: Int) -> Bool { k >= 0 && k < t.count && ["and", "or", ","].contains(t[k].lowered) }
        if i > 0, toponyms[i - 1].last + 1 == toponyms[i].first, joiner(toponyms[i].first - 1), isArea(i - 1) { return true }
        if i + 1 < toponyms.count, toponyms[i].last + 1 == toponyms[i + 1].first, joiner(toponyms[i].last), isArea(i + 1) { return true }
        return false
    }

    /// A one-word name whose chosen place nothing else in the text backs up: a town or region
    /// (not a country, continent or county) in a country no other name or nationality word of
    /// the document points to, never after a locative preposition ("in", "near"), never with a
    /// generic word ("… region"), a following ", State" or a preceding "Town, ", and with no place
    /// of the text nearby. The one exception to the cues: a town 600 km or more from every other
    /// place of a text that names three or more (`outlierContext`).
    /// Such a word is far more often a surname, an organisation or a capitalised common word
    /// ("Lane closures", "Hamas said") than the only foreign place of a report.
    func isUnsupported(_ chosen: PlaceRecord, mentions: [RawMention], doc: Document, countrySupport: Double,
                       commaFollowed: Bool, backed: Bool, othersPlaced: Int = 0) -> Bool {
        guard chosen.kind == .place || chosen.kind == .region, countrySupport <= 0, !commaFollowed else { return false }
        if let p = chosen.population, p >= Self.unsupportedPopulationLimit { return false }
        // A town whose only reading lies in a country nothing else in the text is in, far from every
        // other place the text names (no proximity bonus: 600 km or more), in a text that names
        // several: the name is most likely a place the gazetteer lacks ("Tawila" in a report on
        // Darfur is not the town in Yemen), whatever cue stands before it.
        if chosen.kind == .place, !backed, othersPlaced >= Self.outlierContext,
           !mentions.contains(where: { $0.generic != nil || $0.wantsTown || doc.followsNameAndComma($0.first) }) {
            return true
        }
        for m in mentions {
            // Russian and Ukrainian capitalise no common noun inside a sentence: a region named
            // there is named ("Росія окупувала Крим").
            if chosen.kind == .region, RussianCases.isCyrillic(m.surface), !doc.isSentenceInitial(m.first) { return false }
            // An abbreviation ("S.C.", "UK") is written only for the place it stands for.
            if m.last - m.first > 1 || m.generic != nil || m.modifier != nil || m.locativeCue || m.countryCode != nil { return false }
            // "McLean, Virginia": the second name of a "Town, Region" pair.
            if doc.followsNameAndComma(m.first) { return false }
        }
        return !backed
    }

    /// Towns at least this large are kept without support: a city of this size is the usual
    /// meaning of its name even when the report names nothing else near it.
    static let unsupportedPopulationLimit = 100_000
    /// How many other names must be placed for a far-off town without support to be dropped.
    static let outlierContext = 3

    /// The reasons for a score, written down only when `recording`: a reason is built (string
    /// interpolation, an allocation) only to be kept.
    private struct Reasons {
        let recording: Bool
        private(set) var list: [String] = []

        init(recording: Bool) { self.recording = recording }

        mutating func add(_ reason: @autoclosure () -> String) {
            if recording { list.append(reason()) }
        }
    }

    /// Kind and population prior.
    func prior(_ c: PlaceRecord, wantsRegion: Bool, wantsTown: Bool = false) -> Double {
        var ignored = Reasons(recording: false)
        return prior(c, wantsRegion: wantsRegion, wantsTown: wantsTown, reasons: &ignored)
    }

    private func prior(_ c: PlaceRecord, wantsRegion: Bool, wantsTown: Bool, reasons: inout Reasons) -> Double {
        var s: Double
        switch c.kind {
        case .continent: s = 10; reasons.add("a continent")
        case .country: s = 9.5; reasons.add("a country")
        case .region: s = 7.5; reasons.add("a first-level region")
        case .district: s = 2; reasons.add("a county or other second-level unit")
        case .place: s = 0
        }
        if let p = c.population, p > 0, c.kind >= .region {
            s += log10(Double(p) + 1)
            reasons.add("population \(p)")
        }
        if wantsRegion, c.kind == .region {
            s += 4
            reasons.add("the text calls it a region")
        }
        if wantsTown {
            if c.kind == .place {
                reasons.add("the text calls it a town or city")
            } else {
                s -= townPenalty
            }
        }
        return s
    }

    /// True when `container` (a region or country) contains `c`.
    private func contains(_ container: PlaceRecord, _ c: PlaceRecord) -> Bool {
        guard container.id != c.id else { return false }
        switch container.kind {
        case .country: return c.country == container.country
        case .region: return c.country == container.country && c.region != nil && c.region == (container.region ?? container.id)
        default: return false
        }
    }

    /// "Paris" and "Henry County", "Columbus" and "Harris County": two ambiguous names with readings
    /// a few km apart (Paris, Tennessee is the seat of Henry County, Tennessee) mean those readings,
    /// whichever each name's most likely reading alone would be. For every pair of names, the
    /// closest pair of their shortlisted towns and counties within `neighbourKilometres` gains
    /// `neighbourWeight · exp(−d / neighbourKilometres)` on both sides (the proximity bonus is the
    /// larger of this and the one from the provisional places, never both).
    /// Cost: O(m² · s²) cheap latitude comparisons for m names with s shortlisted candidates.
    /// `shortlists` and the result are by name (group index, in text order).
    private func neighbourBonuses(shortlists: [[PlaceRecord]?]) -> [[String: (Double, String)]] {
        let local: [(Int, [PlaceRecord])] = shortlists.indices.compactMap { k in
            guard let list = shortlists[k] else { return nil }
            let near = list.filter { $0.kind >= .district }
            return near.isEmpty ? nil : (k, near)
        }
        var out = [[String: (Double, String)]](repeating: [:], count: shortlists.count)
        let degrees = neighbourKilometres / 111.0
        for x in local.indices {
            for y in local.indices where y > x {
                let (ka, a) = local[x], (kb, b) = local[y]
                // Only when at least one of the two names is ambiguous is there anything to decide.
                guard a.count > 1 || b.count > 1 else { continue }
                var best = Double.infinity
                var pair: (Int, Int)?
                // By index, reading the fields in place: copying each record would retain its strings.
                for i in a.indices {
                    let latitude = a[i].location.latitude
                    for j in b.indices where abs(latitude - b[j].location.latitude) < degrees && a[i].id != b[j].id {
                        let d = Self.approximateKilometres(latitude, a[i].location.longitude,
                                                           b[j].location.latitude, b[j].location.longitude)
                        if d < best { best = d; pair = (i, j) }
                    }
                }
                guard let (i, j) = pair, best < neighbourKilometres else { continue }
                let p = a[i], q = b[j]
                let bonus = neighbourWeight * exp(-best / neighbourKilometres)
                let km = Int(best.rounded())
                // The reasons are read only when `explains`: otherwise they are left empty.
                if bonus > out[ka][p.id]?.0 ?? 0 { out[ka][p.id] = (bonus, explains ? "\(km) km from \(q.name), a reading of another name" : "") }
                if bonus > out[kb][q.id]?.0 ?? 0 { out[kb][q.id] = (bonus, explains ? "\(km) km from \(p.name), a reading of another name" : "") }
            }
        }
        return out
    }

    /// A provisional place as `proximity` reads it: the fields it tests, held flat so that the
    /// loop over all of them copies no `PlaceRecord` (each copy retains its five strings), and the
    /// cosine of the latitude worked out once (every shortlisted candidate of every name is
    /// measured against every provisional place).
    private struct Anchor {
        /// The name (group index) the place is provisional for.
        var key: Int
        var id: String
        var region: String?
        var kind: PlaceRecord.Kind
        var latitude: Double
        var longitude: Double
        var cosLatitude: Double
        var name: String

        init(_ entry: (key: Int, value: PlaceRecord)) {
            let p = entry.value
            key = entry.key
            id = p.id
            region = p.region
            kind = p.kind
            latitude = p.location.latitude
            longitude = p.location.longitude
            cosLatitude = cos(p.location.latitude * ContextResolver.radiansPerDegree)
            name = p.name
        }
    }

    /// Bonus for being near the provisional places of the other names (`anchors`, in the
    /// provisional dictionary's order, which decides between places at the same distance), and a
    /// reason naming the nearest.
    /// The reason is nil unless `explain`.
    private func proximity(_ c: PlaceRecord, excluding key: Int, anchors: [Anchor], explain: Bool) -> (Double, String?) {
        var best = Double.infinity
        var nearest: Int?
        let cosLatitude = cos(c.location.latitude * Self.radiansPerDegree)
        for i in anchors.indices {
            guard anchors[i].kind >= .region else { continue }
            // The arc along the meridian is a lower bound of the distance: a place whose latitude
            // alone puts it clearly farther than the nearest so far cannot be nearer (the margin
            // covers rounding), so neither its distance nor the string tests below are needed.
            let latitudeKilometres = Self.earthRadius * abs(anchors[i].latitude - c.location.latitude) * Self.radiansPerDegree
            if latitudeKilometres > best * 1.001 + 1e-6 { continue }
            // A region the candidate lies in, or for a region a place inside it, already counts
            // through `regionWeight`: not twice.
            guard anchors[i].key != key, anchors[i].id != c.id,
                  !(anchors[i].kind == .region && c.region != nil && c.region == (anchors[i].region ?? anchors[i].id)),
                  !(c.kind == .region && anchors[i].kind >= .district && anchors[i].region == c.id) else { continue }
            let d = Self.approximateKilometres(c.location.latitude, c.location.longitude, cosLatitude,
                                               anchors[i].latitude, anchors[i].longitude, anchors[i].cosLatitude)
            if d < best { best = d; nearest = i }
        }
        guard let nearest, best.isFinite else { return (0, nil) }
        let bonus = proximityWeight * exp(-best / proximityKilometres)
        return (bonus, explain ? "\(Int(best.rounded())) km from \(anchors[nearest].name)" : nil)
    }

    /// A country's name means the country, not a town of that country that has it as another name:
    /// GeoNames lists "Paraguay" for Asunción and "Mexico" for Mexico City, and the capital, named
    /// in the same text under its own name, would otherwise draw the country's name to itself.
    /// Towns of other countries stay ("Armenia" in Colombia beside the country Armenia).
    static func countryOverItsTowns(_ candidates: [PlaceRecord]) -> [PlaceRecord] {
        guard candidates.count > 1, candidates.contains(where: { $0.kind == .country }) else { return candidates }
        let countries = Set(candidates.lazy.filter { $0.kind == .country }.compactMap(\.country))
        return candidates.filter { !($0.kind == .place && countries.contains($0.country ?? "")) }
    }

    /// Great-circle distance on a sphere of radius 6,371 km, for ranking candidates only (never reported
    /// as a measurement; reported distances use the WGS84 ellipsoid).
    static func approximateKilometres(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        approximateKilometres(lat1, lon1, cos(lat1 * radiansPerDegree), lat2, lon2, cos(lat2 * radiansPerDegree))
    }

    /// The same distance given the cosines of the two latitudes (`cos(latitude · radiansPerDegree)`),
    /// for callers that measure one place against many: the same arithmetic, so the same result.
    static func approximateKilometres(_ lat1: Double, _ lon1: Double, _ cosLat1: Double,
                                      _ lat2: Double, _ lon2: Double, _ cosLat2: Double) -> Double {
        let r = radiansPerDegree
        let dlat = (lat2 - lat1) * r, dlon = (lon2 - lon1) * r
        let a = sin(dlat / 2) * sin(dlat / 2) + cosLat1 * cosLat2 * sin(dlon / 2) * sin(dlon / 2)
        return 2 * earthRadius * asin(min(1, a.squareRoot()))
    }

    // Computed, not stored: a stored `static let` is read through a lazy initialiser check.
    static var radiansPerDegree: Double { Double.pi / 180 }
    /// Kilometres, of the sphere `approximateKilometres` measures on.
    static var earthRadius: Double { 6_371 }

    private func dedupe(_ places: [PlaceRecord]) -> [PlaceRecord] {
        var seen = Set<String>()
        return places.filter { seen.insert($0.id).inserted }
    }
}
