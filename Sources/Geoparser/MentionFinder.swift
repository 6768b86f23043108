/// A toponym or demonym candidate before resolution: where it is, which places share its name,
/// and the textual cues around it.
struct RawMention: Sendable {
    var kind: Mention.Kind
    /// Token range `first..<last`.
    var first: Int
    var last: Int
    var start: Int
    var end: Int
    var surface: String
    /// Normalised key (same for all mentions of a name: one sense per discourse).
    var key: String
    var candidates: [PlaceRecord]
    var modifier: String?
    var generic: String?
    /// A generic administrative word next to the name ("oblast", "county") asks for a region.
    var wantsRegion = false
    /// "the city of Belgorod", "Kharkiv city", "Sake, a town …", a dateline: a town, not the region
    /// or country of that name.
    var wantsTown = false
    /// Preceded by a locative preposition ("in", "near", "into", "of").
    var locativeCue = false
    /// Preceded by a preposition that only a place follows ("in", "near", "from"; not "of").
    var strongCue = false
    /// Preceded by a preposition that is followed by places, hardly ever by people ("in", "near").
    var placeOnlyCue = false
    /// For demonyms and abbreviations: the country code they stand for.
    var countryCode: String?
}

/// Finds toponym and demonym mentions: longest match of capitalised n-grams against the gazetteer's
/// normalised names, then rules for the usual traps of news text (sentence-initial capitals, common
/// words that are also places, people's names, organisations, months, abbreviations, possessives).
///
/// Cost: for each capitalised token, up to `maxWords` key normalisations and hash look-ups; linear in
/// the text. Thread-safe: a value over an immutable lookup.
struct MentionFinder {
    let lookup: any PlaceLookup
    var maxWords = 6
    /// Look-ups already made for this text, by surface string: the rules look at the same n-grams
    /// several times (and names repeat), and a common name can have hundreds of candidates.
    private let memo = Memo()

    init(lookup: any PlaceLookup) { self.lookup = lookup }

    /// The per-text tables. The slot tables, `matches` and `phrases` skip the run-time exclusivity
    /// checks, which cost more than the reads they guard: each access is a single read or write,
    /// never held across a call.
    private final class Memo {
        var keys: [String: String] = [:]
        var places: [String: [PlaceRecord]] = [:]
        /// For `longestMatch`, by phrase text: its key and its places (with the continent of that
        /// name, if any). One table instead of `keys` then `places`: most phrases are looked up
        /// once, so each table costs an insertion more than it saves.
        var names: [String: (key: String, places: [PlaceRecord])] = [:]
        /// The words' keys of the document being searched, when the lookup's keys are
        /// `NameNormalizer` keys: the negative test before any phrase's text is built.
        @exclusivity(unchecked) var phrases: PhraseKeys?
        /// `longestMatch` by start token: the rules ask about the neighbours of a name, which the
        /// main loop then reaches again. For each token `unknown`, `noMatch`, or the index of its
        /// match in `matches` (a slot per token is cheaper than hashing the token's index, and an
        /// `Int32` slot cheaper to fill than an optional mention).
        @exclusivity(unchecked) var matchSlots: [Int32] = []
        /// `WordLists.of` each token's lower-cased text, by token (`unknownLists` until asked): the
        /// rules ask about the same neighbours of every candidate name, and each ask is a hash of
        /// the word.
        @exclusivity(unchecked) var lists: [UInt32] = []
        static let unknownLists = UInt32.max
        @exclusivity(unchecked) var matches: [RawMention] = []
        static let unknown: Int32 = -1
        static let noMatch: Int32 = -2
    }

    private func cachedKey(_ surface: String) -> String {
        if let k = memo.keys[surface] { return k }
        let k = lookup.key(surface)
        memo.keys[surface] = k
        return k
    }

    /// The key of a phrase and its places: the gazetteer's, and the continent of that name.
    /// `mayBeContinent` is false when the phrase's first word starts no continent's name: then its
    /// lower-cased text (a string, and a hash) is not looked up. `tokens`, when given, are the
    /// phrase's tokens in the document being searched: its key is then assembled from its words'
    /// keys where `PhraseKeys` can, instead of normalising the text again.
    private func cachedName(_ surface: String, mayBeContinent: Bool, tokens: Range<Int>? = nil) -> (key: String, places: [PlaceRecord]) {
        if let known = memo.names[surface] { return known }
        let key = tokens.flatMap { memo.phrases?.key(tokens: $0.lowerBound, $0.upperBound) } ?? lookup.key(surface)
        var places = lookup.places(matchingKey: key)
        // A short word must be spelled as one of the place's names: through the key's folding,
        // "El" would be Yell and Jijel, "Sunny" Suni; through its romanisation, a sentence's first
        // Cyrillic word "По" or "Мэр" would be Po (China) or Mer (France).
        if !places.isEmpty, surface.utf8.count <= Self.literalWordLength, surface.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x20 }) {
            places = lookup.places(places, spelledLike: surface)
        } else if !places.isEmpty, surface.unicodeScalars.count <= Self.literalWordLength, RussianCases.isCyrillic(surface),
                  !surface.unicodeScalars.contains(" ") {
            places = lookup.places(places, spelledLike: surface)
        } else if !places.isEmpty, RussianCases.isCyrillic(surface) {
            places = cyrillicReadings(places, of: surface)
        } else if places.count > 1, !surface.utf8.contains(where: { $0 == 0x20 || $0 == 0x2E || $0 == 0x2D || $0 == 0x27 || $0 == 0xE2 }) {
            // A longer single word (no space, full stop, hyphen or apostrophe, tested on the bytes)
            // keeps the places spelled like it when there are any: GeoNames lists
            // "Novorosyisk" for Krasnodar, which shares the key of Novorossiysk. Not a phrase: the
            // key's foldings of "St."/"Saint" and the like join true variants there ("St. Louis"
            // and Saint-Louis, whose region the city named so must keep its name).
            let spelled = lookup.places(places, spelledLike: surface)
            if !spelled.isEmpty { places = lookup.places(spelled, spelledExactly: surface) }
        }
        if mayBeContinent, let continent = KnownNames.continentsByName[surface.lowercased()] { places.append(continent) }
        memo.names[surface] = (key, places)
        return (key, places)
    }

    /// The places a Cyrillic word can name: those with a name spelled so, and those of the
    /// countries Russian and Ukrainian text names in forms of their own
    /// (`RussianCases.cyrillicNamingCountries`; Ukraine's Pokrovsk has no Cyrillic name in the
    /// gazetteer, Russia's has).
    private func cyrillicReadings(_ places: [PlaceRecord], of word: String) -> [PlaceRecord] {
        let own = places.filter { $0.kind == .continent || RussianCases.cyrillicNamingCountries.contains($0.country ?? "") }
        if own.count == places.count { return places }
        let ownIDs = Set(own.map(\.id))
        let spelled = lookup.places(places, spelledLike: word).filter { !ownIDs.contains($0.id) }
        return own + spelled
    }

    private func cachedPlaces(_ key: String) -> [PlaceRecord] {
        if let p = memo.places[key] { return p }
        let p = lookup.places(matchingKey: key)
        memo.places[key] = p
        return p
    }

    /// The word lists token `k` of `doc` (the document being searched) is in.
    private func wordLists(_ doc: Document, _ k: Int) -> WordLists {
        let known = memo.lists[k]
        if known != Memo.unknownLists { return WordLists(rawValue: known) }
        let lists = WordLists.of(doc.tokens[k].lowered)
        memo.lists[k] = lists.rawValue
        return lists
    }

    /// `places.map { $0.population ?? 0 }.max() ?? 0`, reading the records in place: the map
    /// copied every record (retaining its five strings) for one integer each.
    static func largestPopulation(_ places: [PlaceRecord]) -> Int {
        var largest: Int?
        for i in places.indices {
            let p = places[i].population ?? 0
            if largest.map({ p > $0 }) ?? true { largest = p }
        }
        return largest ?? 0
    }

    /// Up to this many letters, a one-word name must match a place's spelling, not only its key
    /// (`PlaceLookup.places(_:spelledLike:)`).
    static let literalWordLength = 5

    static let connectors: Set<String> = [
        "de", "la", "le", "les", "del", "della", "di", "do", "da", "dos", "das", "du", "des", "of", "upon",
        "on", "the", "y", "al", "el", "en", "sur", "am", "an", "der", "im", "bin", "ibn", "and", "es", "wa",
    ]
    /// "al-Jawf", "el-Fasher", "ash-Shihr": the Arabic article in lower case, glued by a hyphen to a
    /// capitalised word, and not inside a longer name ("Bab el-Oued", a district of Algiers, is not
    /// El Oued).
    static func startsWithArticle(_ doc: Document, _ i: Int) -> Bool {
        let t = doc.tokens
        // The cheap tests first: this is asked of every lower-case word.
        guard i + 2 < t.count, t[i].end - t[i].start <= 3, !t[i + 1].spaceBefore, !t[i + 2].spaceBefore,
              t[i + 2].kind == .word, t[i + 2].isCapitalized, doc.isSymbol(i + 1, "-"), !t[i].isCapitalized else { return false }
        if i > 0, t[i - 1].kind == .word, t[i - 1].isCapitalized { return false }
        return t[i].lowered == "al" || t[i].lowered == "el" || arabicArticles.contains(t[i].lowered)
    }

    /// The Arabic article as romanised before a sun letter ("Deir ez-Zor", "Ras ash-Shamra"): inside
    /// a name only when a hyphen is glued to it.
    static let arabicArticles: Set<String> = ["ez", "es", "et", "ed", "er", "ash", "as", "az", "ad", "ar", "at", "adh", "ath", "an", "ud", "ul", "us"]

    private func isArabicArticle(_ doc: Document, _ j: Int) -> Bool {
        let t = doc.tokens
        return j + 2 < t.count && !t[j + 1].spaceBefore && !t[j + 2].spaceBefore && t[j + 2].kind == .word
            && doc.isSymbol(j + 1, "-") && Self.arabicArticles.contains(t[j].lowered)
    }

    /// Words for a town: "the city of X", "X city", "X, a town …".
    static let townWords: Set<String> = ["city", "town", "village", "port", "settlement", "hamlet", "город", "село", "місто"]

    static let adminWords: Set<String> = [
        "region", "oblast", "oblast'", "district", "raion", "rayon", "province", "county", "parish", "state",
        "governorate", "prefecture", "krai", "kray", "voblast", "область", "район", "край", "territory",
    ]

    /// First words of the continents' names: a phrase starting with one is always looked up in
    /// full, since continents are matched by their lower-cased text, not through the gazetteer.
    static let continentFirstWords = Set(KnownNames.continents.flatMap { $0.names.map { String($0.prefix { $0 != " " }) } })

    /// First words of the demonyms of more than one word ("south" of "South African").
    static let demonymFirstWords = Set(KnownNames.demonyms.keys.filter { $0.contains(Character(" ")) }.map { String($0.prefix { $0 != " " }) })

    func find(in doc: Document) -> (toponyms: [RawMention], demonyms: [RawMention]) {
        memo.phrases = lookup.keysAreNameNormalizerKeys ? PhraseKeys(doc) : nil
        memo.matchSlots = Array(repeating: Memo.unknown, count: doc.tokens.count)
        memo.matches = []
        memo.lists = Array(repeating: Memo.unknownLists, count: doc.tokens.count)
        // About one phrase in twenty tokens is looked up: room for them from the start, instead of
        // rehashing the table at each doubling.
        memo.names.reserveCapacity(doc.tokens.count / 16)
        var toponyms: [RawMention] = []
        var demonyms: [RawMention] = []
        var surnames = Set<String>()
        var needCue: [Int] = []  // indices into toponyms of matches that are also ordinary words
        let t = doc.tokens
        let members = listsBeforePluralGeneric(doc)
        var i = 0
        while i < t.count {
            // "al-Jawf", "el-Fasher": a name may start with the article in lower case.
            guard t[i].kind == .word, t[i].isCapitalized || isCyrillicLower(doc, i) && KnownNames.demonyms[t[i].lowered] != nil
                    || Self.startsWithArticle(doc, i) else {
                i += 1
                continue
            }
            if let member = members[i], Self.streetGenerics.contains(member.generic) {
                i = member.last
                continue
            }
            if let member = members[i], let m = listMember(doc, first: i, last: member.last, generic: member.generic) {
                toponyms.append(m)
                i = m.last
                continue
            }
            if let previous = toponyms.last, let state = postalCode(doc, i, after: previous) {
                // The town before it is thereby a town ("Fulton, IL").
                toponyms[toponyms.count - 1].strongCue = true
                toponyms[toponyms.count - 1].placeOnlyCue = true
                needCue.removeAll { $0 == toponyms.count - 1 }
                toponyms.append(state)
                i = state.last
                continue
            }
            if let county = countyFirst(doc, i) {
                toponyms.append(county)
                i = county.last
                continue
            }
            if let abbreviation = abbreviation(doc, i) {
                toponyms.append(abbreviation)
                i = abbreviation.last
                continue
            }
            if let state = stateAbbreviation(doc, i) {
                toponyms.append(state)
                i = state.last
                continue
            }
            // "D-W. Va.", "R-Ocilla": a party letter before a legislator's hometown or state.
            if isPartyLetter(doc, i) {
                i += 2
                continue
            }
            if t[i].isAllCaps, !isHeadline(doc, i), !isDateline(doc, i) {
                i += 1
                continue
            }
            let match = longestMatch(doc, i)
            if match == nil || match!.last - match!.first == 1, let demonym = demonym(doc, i) {
                demonyms.append(demonym)
                i = demonym.last
                continue
            }
            guard var m = match.map({ townBeforeCityInstitution(doc, $0) ?? $0 }) else {
                i += 1
                continue
            }
            if isFirmName(doc, m) || isInsideFeatureName(doc, m) || continuesAsLongerName(doc, m) || isTeamName(doc, m) {
                i = m.last
                continue
            }
            if isImplausibleSingleWord(doc, m) || isEponym(doc, m) || isGenericNounOrOrganisation(doc, m) {
                i = m.last
                continue
            }
            if isSecondPartOfName(doc, m) {
                // "Nelson Mandela": a surname for the whole text. "Metropolitan Atlanta": a city of
                // 100,000 or more after a word that is no given name is only this time part of a
                // longer name.
                if isGivenName(doc, m.first - 1) || wordLists(doc, m.first - 1).has(.givenName)
                    || Self.largestPopulation(m.candidates) < 100_000 { surnames.insert(m.key) }
                i = m.last
                continue
            }
            // Not a surname for the whole text: a town's name can be the subject of "said" too
            // ("Gainesville said it would…").
            if isSpeaker(doc, m, previous: toponyms.last) {
                i = m.last
                continue
            }
            if isFirstPartOfName(doc, m) {
                // "Lee Rashid": the surname is a person's elsewhere in the text too.
                if let surname = longestMatchIndex(doc, m.last), memo.matches[surname].last == m.last + 1 {
                    surnames.insert(memo.matches[surname].key)
                }
                i = m.last + 1
                continue
            }
            if isPersonName(doc, m) {
                surnames.insert(m.key)
                i = m.last
                continue
            }
            if isOrganisation(doc, m) || isDate(doc, m) {
                i = m.last
                while i < t.count, t[i].isCapitalized { i += 1 }  // skip the rest of the name
                continue
            }
            annotate(doc, &m)
            // "from Alberta and Oregon", "in Kharkiv, Sumy and Poltava": a list's later members share
            // the preposition of its first.
            // After a comma only inside the list ("Sumy" followed by "and"), not where the comma
            // ends a clause ("in New Zealand, Underwood was …").
            let joiner = m.first >= 1 ? t[m.first - 1].lowered : ""
            let listGoesOn = m.last < t.count && ["and", "or", ","].contains(t[m.last].lowered)
            if let previous = toponyms.last, previous.last + 1 == m.first,
               joiner == "and" || joiner == "or" || joiner == "," && listGoesOn {
                m.locativeCue = m.locativeCue || previous.locativeCue
                m.strongCue = m.strongCue || previous.strongCue
                m.placeOnlyCue = m.placeOnlyCue || previous.placeOnlyCue
            }
            // "R-Charleston", a dateline, "Rock Hill-based": the text itself says this is a place.
            if isPartyAndHometown(doc, m) || t[m.first].isAllCaps && isDateline(doc, m.first) || hasPlaceSuffix(doc, m) {
                m.strongCue = true
                m.placeOnlyCue = true
            }
            // "KHARKIV, Ukraine —": a dateline names the town the report was filed from.
            if t[m.first].isAllCaps, m.first == 0 || doc.sentenceOf[m.first] == 0, isDateline(doc, m.first) { m.wantsTown = true }
            if isCalendarWord(doc, m), m.generic == nil, !followedByPlace(doc, m) {
                // "on Monday", "in March": a weekday or month is a place only with its region after it.
                i = m.last
                continue
            }
            // "Tour companies say …", "Hail up to five centimetres across …": an English word that
            // starts a sentence is that word, whatever city bears its name, unless the text says a
            // place is meant.
            let ordinaryOpening = m.last - m.first == 1 && doc.isSentenceInitial(m.first) && !t[m.first].isAllCaps
                && wordLists(doc, m.first).has(.englishWord) && !m.candidates.contains { $0.kind <= .region }
                && !(m.last < t.count && ["'s", "\u{2019}s"].contains(t[m.last].lowered))  // "Oxford's leaders"
            if ordinaryOpening || isOrdinaryWord(doc, m) {
                if doc.isSentenceInitial(m.first), !m.locativeCue, !m.strongCue, m.generic == nil, !followedByPlace(doc, m) {
                    i = m.last
                    continue
                }
                // "McLean, Virginia": the second name of a "Town, Region" pair is cued by the first.
                let afterTown = doc.followsNameAndComma(m.first) && m.candidates.contains { $0.kind == .region }
                if !m.strongCue, m.generic == nil, !followedByPlace(doc, m), !afterTown, !endsListOfRegions(doc, m) {
                    needCue.append(toponyms.count)
                }
            }
            toponyms.append(m)
            i = m.last
        }
        // Document-level consistency: a surname seen with a first name or title ("Hillary Clinton")
        // is a person's name elsewhere too; a word that is also a common noun counts as a place only
        // when it has a cue in at least one of its occurrences.
        let cued = Set(toponyms.indices.filter { !needCue.contains($0) }.map { toponyms[$0].key })
        let drop = Set(needCue.filter { !cued.contains(toponyms[$0].key) })
        toponyms = toponyms.indices.filter { !drop.contains($0) }.map { toponyms[$0] }
            .filter { !surnames.contains($0.key) || $0.placeOnlyCue || $0.last - $0.first > 1 }
            .map { withoutArticle(doc, $0) }
        return (toponyms, demonyms)
    }

    /// Plural administrative words and their singular: "the Kursk and Belgorod regions".
    static let pluralGenerics: [String: String] = [
        "regions": "region", "oblasts": "oblast", "provinces": "province", "states": "state",
        "counties": "county", "parishes": "parish", "districts": "district", "governorates": "governorate",
        "prefectures": "prefecture", "territories": "territory", "krais": "krai",
        // "the corner of Vine and Second streets": streets named like places (`streetGenerics`).
        "streets": "street", "avenues": "avenue", "roads": "road", "boulevards": "boulevard",
    ]

    /// Generic words of `pluralGenerics` that make a list of streets, not of places.
    static let streetGenerics: Set<String> = ["street", "avenue", "road", "boulevard"]

    /// "the Kursk and Belgorod regions", "Barrow, Jackson and Madison counties": the names of a
    /// list joined by commas and "and"/"or" before a plural administrative word, by the index of
    /// each name's first token: its last token (exclusive) and the singular generic word.
    private func listsBeforePluralGeneric(_ doc: Document) -> [Int: (last: Int, generic: String)] {
        let t = doc.tokens
        var out: [Int: (last: Int, generic: String)] = [:]
        for k in t.indices where t[k].kind == .word && !t[k].isCapitalized {
            // Every plural generic word ends in "s": most words are turned down without a hash.
            // The scalar first (only a last "s" or "S" lower-cases to "s"): the last byte of a
            // string's UTF-8 view is not a cheap read.
            guard doc.scalars[t[k].end - 1] == "s" || doc.scalars[t[k].end - 1] == "S", t[k].lowered.utf8.last == 0x73,
                  let generic = Self.pluralGenerics[t[k].lowered] else { continue }
            var found: [(Int, Int)] = []
            var end = k
            var joined = false
            while end > 0 {
                // One name: the capitalised words right before `end`.
                var start = end
                while start > 0, t[start - 1].kind == .word, t[start - 1].isCapitalized, start > end - 3 { start -= 1 }
                guard start < end, doc.sentenceOf[start] == doc.sentenceOf[k] else { break }
                found.append((start, end))
                guard start >= 2 else { break }
                let sep = t[start - 1].lowered
                if sep == "and" || sep == "or" || sep == "&" {
                    joined = true
                } else if sep != "," {
                    break
                }
                end = start - 1
            }
            // "and" or "or" must join the list: "the Baltic states" is one name, not a list.
            guard joined, found.count >= 2 else { continue }
            for (a, b) in found { out[a] = (b, generic) }
        }
        return out
    }

    /// One name of a list before a plural administrative word: for counties and parishes the
    /// county or parish of that name ("Jackson" of "Jackson and Madison counties" is Jackson
    /// County); for regions, oblasts, provinces and states the name, asking for a region. Nil
    /// when the gazetteer has no such unit, so that the usual rules decide.
    private func listMember(_ doc: Document, first: Int, last: Int, generic: String) -> RawMention? {
        let t = doc.tokens
        let surface = doc.text(tokens: first, last)
        var m: RawMention
        if generic == "county" || generic == "parish" {
            let (_, places) = cachedName(surface + " " + generic.capitalized, mayBeContinent: false)
            let units = places.filter { $0.kind == .district }
            guard !units.isEmpty else { return nil }
            m = RawMention(kind: .toponym, first: first, last: last, start: t[first].start, end: t[last - 1].end,
                           surface: surface, key: cachedKey(surface + " " + generic), candidates: units)
        } else {
            let (key, places) = cachedName(surface, mayBeContinent: false)
            guard places.contains(where: { $0.kind <= .district }) else { return nil }
            m = RawMention(kind: .toponym, first: first, last: last, start: t[first].start, end: t[last - 1].end,
                           surface: surface, key: key, candidates: places)
            m.wantsRegion = true
        }
        m.generic = generic
        m.strongCue = true
        m.placeOnlyCue = true
        return m
    }

    /// "Rock Hill-based", "Kursk-born": a place-compound suffix glued after the name.
    private func hasPlaceSuffix(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        return m.last + 1 < t.count && doc.isSymbol(m.last, "-") && !t[m.last].spaceBefore && !t[m.last + 1].spaceBefore
            && wordLists(doc, m.last + 1).has(.placeCompoundSuffix)
    }

    /// A capitalised known name of a town, region or country starting at token `k` (one word, or
    /// more) / ending at token `k` (one or two words), for the two halves of "Logan-Rogersville".
    private func isTownName(_ doc: Document, startingAt k: Int) -> Bool {
        guard k < doc.tokens.count, doc.tokens[k].isCapitalized else { return false }
        return longestMatchIndex(doc, k) != nil
    }

    private func isTownName(_ doc: Document, endingAt k: Int) -> Bool {
        guard k >= 0, doc.tokens[k].isCapitalized else { return false }
        return longestMatchEndingIndex(doc, at: k) != nil
    }

    /// "Sen. Ray Miller, D-Columbus", "Rep. Jay Roberts (R-Ocilla)": the party letter and hometown
    /// after a US legislator's name.
    private func isPartyAndHometown(_ doc: Document, _ m: RawMention) -> Bool {
        m.first >= 2 && isPartyLetter(doc, m.first - 2)
    }

    /// Token `k` is the party letter of "…, D-Columbus" or "(R-Ocilla)": after a comma or an opening
    /// bracket, glued by a hyphen to the word after it.
    private func isPartyLetter(_ doc: Document, _ k: Int) -> Bool {
        let t = doc.tokens
        // The hyphen first: it turns down almost every word without a string comparison.
        guard k >= 1, k + 2 < t.count, doc.isSymbol(k + 1, "-"), ["D", "R", "I"].contains(t[k].text),
              !t[k + 1].spaceBefore, !t[k + 2].spaceBefore else { return false }
        return doc.isSymbol(k - 1, ",") || doc.isSymbol(k - 1, "(")
    }

    /// "d'Ivoire", "l’Aquila": an elided French or Italian article glued to a capitalised name.
    static func isElidedName(_ t: Token) -> Bool {
        let u = t.text.unicodeScalars
        // The first letter before the length: counting a string's scalars reads all of it, and
        // the rules ask this of every lower-case word after a capitalised one.
        guard let a = u.first, a == "d" || a == "l", u.count > 2 else { return false }
        let second = u[u.index(after: u.startIndex)]
        guard second == "'" || second == "\u{2019}" else { return false }
        return u[u.index(u.startIndex, offsetBy: 2)].properties.isUppercase
    }

    /// "US$460 million", "$US 15 billion": a currency. "US-24", "U.S. Highway 82": a road.
    private func isCurrencyOrRoad(_ doc: Document, _ i: Int) -> Bool {
        let t = doc.tokens
        if i + 1 < t.count, doc.isSymbol(i + 1, "$"), !t[i + 1].spaceBefore { return true }
        if i >= 1, doc.isSymbol(i - 1, "$"), !t[i].spaceBefore { return true }
        if i + 2 < t.count, doc.isSymbol(i + 1, "-"), !t[i + 1].spaceBefore, !t[i + 2].spaceBefore, t[i + 2].kind == .number { return true }
        return i + 1 < t.count && Self.roadWords.contains(t[i + 1].lowered)
    }

    static let roadWords: Set<String> = ["highway", "hwy", "route", "rt", "interstate"]

    /// "the United States", "The U.S.", "the Ukraine": the name is matched with its article (some
    /// names are listed with it), but the mention's span is the name alone, as annotators and
    /// readers delimit it.
    private func withoutArticle(_ doc: Document, _ m: RawMention) -> RawMention {
        let t = doc.tokens
        guard m.last - m.first > 1, t[m.first].lowered == "the" else { return m }
        var out = m
        out.first = m.first + 1
        out.start = t[out.first].start
        out.surface = doc.text(tokens: out.first, out.last)
        return out
    }

    // MARK: matching

    /// The longest run of tokens from `i` whose text is a known name.
    private func longestMatch(_ doc: Document, _ i: Int) -> RawMention? {
        longestMatchIndex(doc, i).map { memo.matches[$0] }
    }

    /// `longestMatch(doc, i)` as its index in `memo.matches`. The rules mostly ask one thing of a
    /// neighbouring name (its candidates, its end): read in place, that field is all that is
    /// copied, not the whole mention with its strings and candidate list.
    private func longestMatchIndex(_ doc: Document, _ i: Int) -> Int? {
        switch memo.matchSlots[i] {
        case Memo.noMatch: return nil
        case Memo.unknown: break
        case let slot: return Int(slot)
        }
        guard let m = uncachedLongestMatch(doc, i) else {
            memo.matchSlots[i] = Memo.noMatch
            return nil
        }
        let slot = memo.matches.count
        memo.matchSlots[i] = Int32(slot)
        memo.matches.append(m)
        return slot
    }

    /// True when the match `k` (an index from `longestMatchIndex`; false for nil) has a candidate
    /// of kind `kind` or a larger one.
    private func match(_ k: Int?, hasCandidateAtMost kind: PlaceRecord.Kind) -> Bool {
        guard let k else { return false }
        let candidates = memo.matches[k].candidates
        for c in candidates.indices where candidates[c].kind <= kind { return true }
        return false
    }

    private func uncachedLongestMatch(_ doc: Document, _ i: Int) -> RawMention? {
        let t = doc.tokens
        // Collect admissible end points first, then try the longest. As bits (bit k: the phrase of
        // tokens i...i+k): an array here was an allocation per capitalised word.
        var ends: UInt64 = 0
        var j = i
        while j < t.count, j - i < min(maxWords, UInt64.bitWidth) {
            // Fields read in place: a copy of the token would retain its two strings.
            if j > i {
                let glued = !t[j].spaceBefore
                if t[j].kind == .symbol {
                    // "Winston-Salem", "St. Louis": a glued hyphen, or a dot after St/Mt/Ft.
                    let hyphenOK = doc.isSymbol(j, "-") && glued && j + 1 < t.count && !t[j + 1].spaceBefore
                    let dotOK = doc.isSymbol(j, ".") && glued && ["st", "mt", "ft", "pt"].contains(t[j - 1].lowered)
                    guard hyphenOK || dotOK else { break }
                    j += 1
                    continue
                }
                if t[j].kind != .word { break }
                // Two scalars first: comparing with the non-ASCII "’s" takes the string's slow path.
                if t[j].end - t[j].start == 2, t[j].lowered == "'s" || t[j].lowered == "\u{2019}s" {
                    // "People's Republic of China", "Queen Anne's County": a possessive inside a
                    // name; "Russia's Kursk" is tried whole too, and then falls back to "Russia".
                    // A name of two words or more may end in it ("St. John's, the capital of …"),
                    // when punctuation follows: "St. Mary's students", "St. John's Lutheran School"
                    // are a school's or a church's.
                    if j - i >= 2, t[j - 1].kind == .word, t[j - 1].isCapitalized, j + 1 == t.count || t[j + 1].kind == .symbol {
                        ends |= 1 << UInt64(j - i)
                    }
                    guard j + 1 < t.count, t[j + 1].kind == .word, t[j + 1].isCapitalized, t[j + 1].spaceBefore else { break }
                    j += 1
                    continue
                }
                // "the Baltic states", "the Kerch strait", "Черное море": a name ending in "states", "sea"
                // or "strait" (in Russian and Ukrainian the word is always in lower case), as its last word. Not "region" or "province": "Nyanza
                // province" names the province, but the name is "Nyanza".
                if !t[j].isCapitalized, !glued, Self.lowerCaseNameEnds.contains(t[j].lowered) {
                    ends |= 1 << UInt64(j - i)
                    break
                }
                if !t[j].isCapitalized, !Self.isElidedName(t[j]), !wordLists(doc, j).has(.connector), !(glued && doc.isSymbol(j - 1, "-")),
                   !isArabicArticle(doc, j) { break }
            }
            if t[j].kind == .word, t[j].isCapitalized || Self.isElidedName(t[j]) || j > i && doc.isSymbol(j - 1, "-") { ends |= 1 << UInt64(j - i) }
            j += 1
        }
        // Most phrases are no name at all: turn them down from the words' keys, without text.
        let mayBeContinent = wordLists(doc, i).has(.continentFirstWord)
        let filter = mayBeContinent ? nil : memo.phrases
        while ends != 0 {
            let k = UInt64.bitWidth - 1 - ends.leadingZeroBitCount
            ends &= ~(1 << UInt64(k))
            let e = i + k + 1
            // "Deir al-Balah" where the gazetteer writes "Deir el-Balah": the article in its other
            // romanisation, when the phrase as written is no name.
            let hasArticle = e - i > 1 && (i..<e).contains { t[$0].lowered == "al" || t[$0].lowered == "el" }
            if let filter, let h = filter.hash(tokens: i, e), !lookup.mayHaveName(keyHash: h) {
                if hasArticle, let m = otherArticle(doc, i, e) { return m }
                continue
            }
            let surface = doc.text(tokens: i, e)
            let (key, places) = cachedName(surface, mayBeContinent: mayBeContinent, tokens: i..<e)
            if places.isEmpty, hasArticle, let m = otherArticle(doc, i, e) { return m }
            // A Cyrillic word that no place spells so, found only through its romanisation, may be
            // another case of a name: "Покровска" reads as Pokrovska (a Latin name of Russia's
            // Pokrovsk) but is the genitive of Покровск, Ukraine's Pokrovsk among them.
            if !places.isEmpty, e == i + 1, RussianCases.isCyrillic(surface), !doc.isSentenceInitial(i),
               lookup.places(places, spelledLike: surface).isEmpty, let inflected = inflectedMatch(doc, i) {
                return inflected
            }
            // "з Сум": a Cyrillic word whose only readings are small places or regions abroad (Soum,
            // Burkina Faso) is first read as another case of a name at home (Суми, Sumy).
            if !places.isEmpty, e == i + 1, RussianCases.isCyrillic(surface), !doc.isSentenceInitial(i),
               !places.contains(where: { $0.kind <= .country || (($0.population ?? 0) >= 100_000)
                   || RussianCases.cyrillicNamingCountries.contains($0.country ?? "") }),
               let inflected = inflectedMatch(doc, i),
               inflected.candidates.contains(where: { $0.kind == .country || RussianCases.cyrillicNamingCountries.contains($0.country ?? "") }) {
                return inflected
            }
            if !places.isEmpty {
                return RawMention(kind: .toponym, first: i, last: e, start: t[i].start, end: t[e - 1].end,
                                  surface: surface, key: key, candidates: places)
            }
        }
        return inflectedMatch(doc, i)
    }

    /// The phrase `i..<e` with "al" written "el" and the other way round, as a mention if that is a
    /// name; the span stays as written.
    private func otherArticle(_ doc: Document, _ i: Int, _ e: Int) -> RawMention? {
        let t = doc.tokens
        var parts: [String] = []
        for j in i..<e {
            if j > i, t[j].spaceBefore { parts.append(" ") }
            switch t[j].text {
            case "al": parts.append("el")
            case "el": parts.append("al")
            case "Al": parts.append("El")
            case "El": parts.append("Al")
            default: parts.append(t[j].text)
            }
        }
        let (key, places) = cachedName(parts.joined(), mayBeContinent: false)
        guard !places.isEmpty else { return nil }
        return RawMention(kind: .toponym, first: i, last: e, start: t[i].start, end: t[e - 1].end,
                          surface: doc.text(tokens: i, e), key: key, candidates: places)
    }

    /// "в Курскую область", "заняли Суджу", "у Києві": a Russian or Ukrainian name in another case than the
    /// nominative the gazetteer lists (`RussianCases`). The span is the word as written, the key
    /// the nominative's, so that every case of a name is one name. Not at the start of a sentence,
    /// where any word is capitalised.
    private func inflectedMatch(_ doc: Document, _ i: Int) -> RawMention? {
        let t = doc.tokens
        let word = t[i].lowered
        guard RussianCases.isCyrillic(word), !doc.isSentenceInitial(i) else { return nil }
        if i + 1 < t.count, t[i + 1].kind == .word, let generic = RussianCases.genericNominative[t[i + 1].lowered] {
            for adjective in RussianCases.adjectiveNominatives(of: word) {
                let key = cachedKey(adjective + " " + generic)
                let places = cachedPlaces(key)
                if !places.isEmpty {
                    return RawMention(kind: .toponym, first: i, last: i + 2, start: t[i].start, end: t[i + 1].end,
                                      surface: doc.text(tokens: i, i + 2), key: key, candidates: places)
                }
            }
        }
        // "Ростова-на-Дону", "Тель-Авиве", "Алма-Ате": a hyphenated name, declined in its first part
        // ("X-на-Y") or in its last.
        var e = i + 1
        while e + 1 < t.count, e - i < 6, doc.isSymbol(e, "-"), !t[e].spaceBefore, !t[e + 1].spaceBefore, t[e + 1].kind == .word {
            e += 2
        }
        if e > i + 1 {
            let words = stride(from: i, to: e, by: 2).map { t[$0].lowered }
            var readings: [String] = RussianCases.nominatives(of: words[0]).map { ([$0] + words.dropFirst()).joined(separator: "-") }
            readings += RussianCases.nominatives(of: words[words.count - 1]).map { (words.dropLast() + [$0]).joined(separator: "-") }
            // "Каменска-Уральского", "Могилевом-Подільським", "Білгорода-Дністровського": a noun and
            // an adjective, both declined.
            if words.count == 2 {
                for noun in [words[0]] + RussianCases.nominatives(of: words[0]) {
                    for adjective in RussianCases.adjectiveNominatives(of: words[1]) { readings.append(noun + "-" + adjective) }
                }
            }
            for phrase in readings {
                var places = cyrillicReadings(cachedPlaces(cachedKey(phrase)), of: phrase)
                // The places spelled so, when there are: "білгород-дністровський" shares its key's
                // first word with Білгород (Belgorod).
                let spelled = places.count > 1 ? lookup.places(places, spelledLike: phrase) : []
                if !spelled.isEmpty { places = spelled }
                if !places.isEmpty {
                    return RawMention(kind: .toponym, first: i, last: e, start: t[i].start, end: t[e - 1].end,
                                      surface: doc.text(tokens: i, e), key: cachedKey(phrase), candidates: places)
                }
            }
        }
        // "Старом Осколе", "Нового Оскола", "Голой Пристани", "Новій Каховці": a name of an adjective
        // and a noun, both in the case of the text.
        if i + 1 < t.count, t[i + 1].kind == .word, t[i + 1].isCapitalized, t[i + 1].spaceBefore,
           RussianCases.isCyrillic(t[i + 1].lowered) {
            let noun = t[i + 1].lowered
            for adjective in RussianCases.adjectiveNominatives(of: word) {
                for n in [noun] + RussianCases.nominatives(of: noun, shortest: 2) {
                    let phrase = adjective + " " + n
                    let places = cyrillicReadings(cachedPlaces(cachedKey(phrase)), of: phrase)
                    if !places.isEmpty {
                        return RawMention(kind: .toponym, first: i, last: i + 2, start: t[i].start, end: t[i + 1].end,
                                          surface: doc.text(tokens: i, i + 2), key: cachedKey(phrase), candidates: places)
                    }
                }
            }
        }
        // Of the nominatives that name places, the one with the largest place, then the one with a
        // place where Russian and Ukrainian names are at home: "Харкові" is Харків (Kharkiv), not
        // Харк (Khārk, Iran), though the ending -ові is tried first.
        var best: (key: String, places: [PlaceRecord], home: Bool, population: Int)?
        for nominative in RussianCases.nominatives(of: word) {
            let key = cachedKey(nominative)
            let places = cyrillicReadings(cachedPlaces(key), of: nominative)
            guard !places.isEmpty else { continue }
            let home = places.contains { RussianCases.cyrillicNamingCountries.contains($0.country ?? "") }
            // A country counts as larger than any town ("Ливане" is Lebanon, not Līvāni, Latvia,
            // which Russian calls Ливаны).
            let population = places.contains { $0.kind == .country } ? Int.max : Self.largestPopulation(places)
            if let b = best, b.population > population || b.population == population && (b.home || !home) { continue }
            best = (key, places, home, population)
        }
        guard let best else { return nil }
        return RawMention(kind: .toponym, first: i, last: i + 1, start: t[i].start, end: t[i].end,
                          surface: t[i].text, key: best.key, candidates: best.places)
    }

    /// "County Kerry", "Co. Cork", "County Down": the Irish order, the generic word first; also
    /// "Республике Алтай". A mention
    /// from "County" to the end of the name after it, asking for the region or county, when that
    /// name has one among its readings (not "County Road 43", "County Judge Smith").
    private func countyFirst(_ doc: Document, _ i: Int) -> RawMention? {
        let t = doc.tokens
        var k = i + 1
        if t[i].text == "Co", k < t.count, doc.isSymbol(k, "."), !t[k].spaceBefore {
            k += 1
        } else if t[i].text != "County", !(t[i].isCapitalized && Lexicon.republicWords.contains(t[i].lowered)) {
            return nil
        }
        guard k < t.count, t[k].kind == .word, t[k].isCapitalized, !t[k].isAllCaps, t[k].spaceBefore else { return nil }
        // "Республике Алтай": the republic's full name, with the generic word in the nominative.
        let isRepublic = Lexicon.republicWords.contains(t[i].lowered)
        // The generic word and the name after it ask for the region or county, and say a place is meant.
        func prefixed(_ m: RawMention) -> RawMention {
            var m = m
            annotate(doc, &m)
            m.generic = isRepublic ? "republic" : "county"
            m.wantsRegion = true
            m.strongCue = true
            m.placeOnlyCue = true
            return m
        }
        // "Республике Алтай": the republic's full name, with the generic word in the nominative.
        if isRepublic {
            let generic = t[i].lowered.hasPrefix("республік") ? "республіка" : "республика"
            for name in [t[k].lowered] + RussianCases.nominatives(of: t[k].lowered, shortest: 3) {
                let phrase = generic + " " + name
                let places = cachedPlaces(cachedKey(phrase)).filter { $0.kind == .region }
                if !places.isEmpty {
                    return prefixed(RawMention(kind: .toponym, first: i, last: k + 1, start: t[i].start, end: t[k].end,
                                               surface: doc.text(tokens: i, k + 1), key: cachedKey(phrase), candidates: places))
                }
            }
        }
        guard let index = longestMatchIndex(doc, k), match(index, hasCandidateAtMost: .district),
              memo.matches[index].candidates.contains(where: { $0.kind == .region || $0.kind == .district }) else { return nil }
        var m = memo.matches[index]
        m.first = i
        m.start = t[i].start
        m.surface = doc.text(tokens: i, m.last)
        return prefixed(m)
    }

    /// "U.S.", "UK", "UAE": matched case-sensitively, mapped to the country (or region) they abbreviate.
    private func abbreviation(_ doc: Document, _ i: Int) -> RawMention? {
        let tok = doc.tokens[i]
        // Every abbreviation is written in capitals ("U.S.", "UAE", "США"): other words are not
        // looked up.
        if Self.abbreviationsAreAllCaps, !tok.isAllCaps { return nil }
        guard let (country, name) = KnownNames.abbreviations[tok.text] else { return nil }
        // "US" in an all-capitals headline could be the pronoun; only accept it next to non-capital text.
        if tok.text == "US", isHeadline(doc, i) { return nil }
        if isCurrencyOrRoad(doc, i) { return nil }
        let places = lookup.places(matchingKey: lookup.key(name)).filter { $0.country == country && $0.kind != .place }
        let chosen = places.isEmpty ? lookup.places(matchingKey: lookup.key(name)).filter { $0.country == country } : places
        guard !chosen.isEmpty else { return nil }
        return RawMention(kind: .toponym, first: i, last: i + 1, start: tok.start, end: tok.end, surface: tok.text,
                          key: lookup.key(name), candidates: chosen, countryCode: country)
    }

    /// True when every key of `KnownNames.abbreviations` is a word `Token.isAllCaps` holds for.
    static let abbreviationsAreAllCaps = KnownNames.abbreviations.keys.allSatisfy {
        Token(kind: .word, start: 0, end: 0, text: $0, spaceBefore: false).isAllCaps
    }

    /// "Gainesville, Ga.", "Charleston, W.Va.": an AP state abbreviation after a comma; one with two
    /// full stops ("S.C.", "N.Y.", "W.Va.") anywhere ("the S.C. Highway Patrol", "Clyburn, D-S.C.").
    private func stateAbbreviation(_ doc: Document, _ i: Int) -> RawMention? {
        let t = doc.tokens
        let afterComma = i >= 1 && doc.isSymbol(i - 1, ",")
        // The full stop looked for in the document's scalars, not in the token's UTF-8 view.
        guard afterComma || doc.scalars[t[i].start..<t[i].end].contains(".")
                || i + 1 < t.count && doc.isSymbol(i + 1, ".") && !t[i + 1].spaceBefore
        else { return nil }
        var surface = ""
        var j = i
        // "W. Va.": a space is allowed after an initial and its full stop; the look-up is without it.
        while j < t.count, j - i < 4, j == i || !t[j].spaceBefore
                || j - i == 2 && doc.isSymbol(j - 1, ".") && t[i].end - t[i].start == 1 {
            surface += t[j].text
            j += 1
            // Every abbreviation ends in a full stop: a surface that does not is not looked up.
            guard !Self.stateAbbreviationsEndInStop || doc.scalars[t[j - 1].end - 1] == ".",
                  let name = Lexicon.stateAbbreviations[surface],
                  afterComma || surface.utf8.count(where: { $0 == 0x2E }) >= 2 else { continue }
            let key = lookup.key(name)
            let regions = lookup.places(matchingKey: key).filter { $0.kind == .region && $0.country == "US" }
            guard !regions.isEmpty else { return nil }
            return RawMention(kind: .toponym, first: i, last: j, start: t[i].start, end: t[j - 1].end,
                              surface: doc.text(tokens: i, j), key: key, candidates: regions, countryCode: "US")
        }
        return nil
    }

    /// "Fulton, IL", "Pensacola, FL": a US postal code after a comma, when the name before the comma
    /// has a reading in that state (alone, "IL" or "IN" is no state).
    private func postalCode(_ doc: Document, _ i: Int, after previous: RawMention) -> RawMention? {
        let t = doc.tokens
        guard i >= 1, previous.last == i - 1, doc.isSymbol(i - 1, ","), t[i].kind == .word, t[i].end - t[i].start == 2,
              t[i].isAllCaps, let name = Lexicon.postalCodes[t[i].text] else { return nil }
        let region = "iso3166-2:US-" + t[i].text
        guard previous.candidates.contains(where: { $0.region == region && $0.kind >= .district }) else { return nil }
        let key = lookup.key(name)
        let states = lookup.places(matchingKey: key).filter { $0.id == region }
        guard !states.isEmpty else { return nil }
        return RawMention(kind: .toponym, first: i, last: i + 1, start: t[i].start, end: t[i].end, surface: t[i].text,
                          key: key, candidates: states, countryCode: "US")
    }

    /// True when every key of `Lexicon.stateAbbreviations` ends in a full stop.
    static let stateAbbreviationsEndInStop = Lexicon.stateAbbreviations.keys.allSatisfy { $0.unicodeScalars.last == "." }

    /// "CHARLESTON, W.Va. —": an all-capitals name opening a sentence, followed by a comma or a dash.
    private func isDateline(_ doc: Document, _ i: Int) -> Bool {
        // "March 15, 2009 NEWARK --": the dateline may follow the date.
        guard doc.isSentenceInitial(i) || (i >= 1 && (doc.tokens[i - 1].text == "\n" || doc.tokens[i - 1].kind == .number))
        else { return false }
        var j = i
        while j < doc.tokens.count, j - i < 4 {
            if doc.tokens[j].isAllCaps {
                j += 1
            } else if doc.isSymbol(j, "."), j > i, ["st", "ft", "mt"].contains(doc.tokens[j - 1].lowered) {
                j += 1  // "ST. PAUL --"
            } else {
                break
            }
        }
        guard j < doc.tokens.count else { return false }
        return [",", "-", "\u{2014}", "\u{2013}", "(", ":"].contains(doc.tokens[j].text)
    }

    /// "Ukrainian", "South African", "российские": a nationality word, as evidence for a country.
    private func demonym(_ doc: Document, _ i: Int) -> RawMention? {
        let t = doc.tokens
        let lists = wordLists(doc, i)
        for n in [2, 1] where i + n <= t.count {
            // Only a word that starts a two-word demonym ("south") can start one: no string to build.
            if n == 2, !lists.has(.demonymFirstWord) { continue }
            // A one-word demonym is in the word lists: no second look-up for the other words.
            if n == 1, !lists.has(.demonym) { continue }
            guard (i..<i + n).allSatisfy({ t[$0].kind == .word && t[$0].lowered != "'s" }) else { continue }
            let words = n == 1 ? t[i].lowered : (i..<i + n).map { t[$0].lowered }.joined(separator: " ")
            guard let nationality = KnownNames.demonyms[words] else { continue }
            let key = cachedKey(nationality.countryName)
            let countries = cachedPlaces(key).filter { $0.kind == .country && $0.country == nationality.country }
            return RawMention(kind: .demonym, first: i, last: i + n, start: t[i].start, end: t[i + n - 1].end,
                              surface: doc.text(tokens: i, i + n), key: key, candidates: countries,
                              countryCode: nationality.country)
        }
        return nil
    }

    // MARK: cues

    /// Fills in the locative cue, the direction modifier, and a generic word before or after.
    private func annotate(_ doc: Document, _ m: inout RawMention) {
        let t = doc.tokens
        var p = m.first - 1
        if p >= 0, wordLists(doc, p).has(.directional) {
            m.modifier = t[p].lowered
            // "western Kursk", "downtown Cleveland": a lower-case modifier of direction or part is
            // said of places only.
            if !t[p].isCapitalized {
                m.locativeCue = true
                m.strongCue = true
                m.placeOnlyCue = true
            }
            p -= 1
        }
        while p >= 0, t[p].lowered == "the" { p -= 1 }
        if p >= 0 {
            let before = wordLists(doc, p)
            if before.has(.locative) { m.locativeCue = true }
            if before.has(.strongLocative) { m.strongCue = true }
            if before.has(.placeOnlyLocative) { m.placeOnlyCue = true }
        }
        // "southwest of McPherson", "10 miles east of Salem"; "Dorothy Shelby, 88, of Franklin":
        // a compass direction, or a person's age, before "of" is said of places.
        let possessive = m.last < t.count && t[m.last].kind == .word && t[m.last].text.unicodeScalars.count == 2
            && (t[m.last].lowered == "'s" || t[m.last].lowered == "\u{2019}s")
        if m.first >= 2, t[m.first - 1].lowered == "of", !possessive,
           !t[m.first - 2].isCapitalized && Units.directions.contains(t[m.first - 2].lowered)
            || m.first >= 4 && doc.isSymbol(m.first - 2, ",") && t[m.first - 3].kind == .number && doc.isSymbol(m.first - 4, ",") {
            m.locativeCue = true
            m.strongCue = true
            m.placeOnlyCue = true
        }
        // "state of Ohio", "region of Kursk"; "the city of Belgorod", "the port of Rostock"
        if m.first >= 2, t[m.first - 1].lowered == "of" {
            // "the department of Santa Cruz" (lower case: "the Department of Labor" is an office).
            if wordLists(doc, m.first - 2).has(.adminWord) || t[m.first - 2].text == "department" {
                m.generic = t[m.first - 2].lowered
                m.wantsRegion = true
            } else if !t[m.first - 2].isCapitalized, Self.townWords.contains(t[m.first - 2].lowered) {
                m.generic = t[m.first - 2].lowered
                m.wantsTown = true
                m.strongCue = true
                m.placeOnlyCue = true
            }
        }
        // "the regional capital, Kursk", "the border city, Sumy": an apposition after a word for a town.
        if m.first >= 2, doc.isSymbol(m.first - 1, ","), !t[m.first - 2].isCapitalized,
           t[m.first - 2].lowered == "capital" || Self.townWords.contains(t[m.first - 2].lowered) {
            m.wantsTown = true
        }
        let n = m.last
        // "Kharkiv itself" beside "the Kharkiv region": the city, when a city of 100,000 or more
        // gives the region its name (not "Texas itself" or "Ukraine itself").
        if n < t.count, t[n].lowered == "itself",
           m.candidates.contains(where: { $0.kind == .region }), !m.candidates.contains(where: { $0.kind == .country }),
           m.candidates.contains(where: { c in c.kind == .place && (c.population ?? 0) >= 100_000
               && m.candidates.contains { $0.kind == .region && $0.country == c.country && $0.id == c.region } }) {
            m.wantsTown = true
        }
        // "Sake, a town in North Kivu", "Lyptsi, a village near the border": an apposition that
        // calls the name a town (one adjective may come between).
        // "Kharkiv, the region's capital", "Sumy, the regional capital": up to three words before
        // the head.
        if n + 2 < t.count, doc.isSymbol(n, ","), t[n + 1].lowered == "a" || t[n + 1].lowered == "the" {
            var head: Int?
            for k in (n + 2)..<min(n + 5, t.count) {
                if t[k].kind == .word, !t[k].isCapitalized, Self.townWords.contains(t[k].lowered) || t[k].lowered == "capital" {
                    head = k
                    break
                }
                guard t[k].kind == .word, !t[k].isCapitalized else { break }
            }
            if head != nil {
                m.wantsTown = true
                m.strongCue = true
                m.placeOnlyCue = true
            }
        }
        guard n < t.count, t[n].kind == .word else { return }
        let after = wordLists(doc, n)
        // "a Concord resident", "Richmond police": a noun said of places' people and offices.
        if !t[n].isCapitalized, after.has(.placeHeadNoun) {
            m.strongCue = true
            m.placeOnlyCue = true
        }
        if !t[n].isCapitalized, Lexicon.personHeadNouns.contains(t[n].lowered),
           m.last - m.first > 1 || !wordLists(doc, m.first).has(WordLists.commonWordLists) && !wordLists(doc, m.first).has(.englishWord) {
            m.strongCue = true
            m.placeOnlyCue = true
        }
        guard after.has(.genericPlaceWord) else { return }
        m.generic = t[n].lowered
        m.wantsRegion = after.has(.adminWord)
        if !t[n].isCapitalized, Self.townWords.contains(t[n].lowered) { m.wantsTown = true }
        // "Ohio State University", "Minnesota State Patrol", "Fargo City Commissioner", "Edwardsville
        // District 7": the generic word starts the name of an organisation, an office or a unit that
        // follows; the place is the name before it.
        let startsOrganisation = n + 1 < t.count && t[n + 1].spaceBefore
            && (t[n + 1].kind == .word && t[n + 1].isCapitalized || t[n + 1].kind == .number)
        if t[n].isCapitalized, !startsOrganisation {
            // "Laurel County", "Kursk Oblast": the capitalised generic word is part of the name.
            m.last = n + 1
            m.end = t[n].end
            m.surface = doc.text(tokens: m.first, m.last)
        }
    }

    /// Single letters ("A", "E"), contractions ("I'm"), number words ("Three"), titles ("Dr"), and a
    /// lone direction word ("West", "Northern") are never toponyms by themselves.
    private func isImplausibleSingleWord(_ doc: Document, _ m: RawMention) -> Bool {
        guard m.last - m.first == 1 else { return false }
        let t = doc.tokens[m.first]
        let w = t.lowered
        if t.text.unicodeScalars.count < 2 { return true }
        // Character comparison, not Foundation's `String.contains(_: StringProtocol)`: that one
        // goes through NSString and was the single most expensive call of this rule. Only words
        // with the byte of `'` or the last byte of `’` (E2 80 99) can contain either.
        if w.utf8.contains(where: { $0 == 0x27 || $0 == 0x99 }),
           w.contains(Character("'")) || w.contains(Character("\u{2019}")) {
            let tail = w.split(whereSeparator: { $0 == "'" || $0 == "\u{2019}" }).last ?? ""
            if ["m", "ve", "ll", "re", "d", "t", "s"].contains(String(tail)) { return true }
        }
        let lists = wordLists(doc, m.first)
        if lists.has(.numberWord) { return true }
        if lists.has(WordLists(rawValue: WordLists.title.rawValue | WordLists.directional.rawValue | WordLists.unitDirection.rawValue)) { return true }
        let tokens = doc.tokens
        if m.last < tokens.count, doc.isSymbol(m.last, "."), !tokens[m.last].spaceBefore,
           lists.has(.abbreviationBeforeStop) { return true }  // "St.", "Jan.", "Ind."
        // "A/California/7/2009": a name between two glued slashes is part of a code (a flu strain).
        if m.first >= 1, m.last < tokens.count, doc.isSymbol(m.first - 1, "/"), doc.isSymbol(m.last, "/"),
           !t.spaceBefore, !tokens[m.last].spaceBefore { return true }
        // "Wal-Mart", "Tri-State": a town name glued by a hyphen to a word is part of a compound.
        if !m.candidates.contains(where: { $0.kind <= .district }) {
            // "Logan-Rogersville", "Kursk-Belgorod": two towns' names joined are both places.
            let gluedBefore = m.first >= 2 && doc.isSymbol(m.first - 1, "-") && !t.spaceBefore && tokens[m.first - 2].kind == .word
                && !isPartyAndHometown(doc, m) && !isTownName(doc, endingAt: m.first - 2)
            let gluedAfter = m.last + 1 < tokens.count && doc.isSymbol(m.last, "-") && !tokens[m.last].spaceBefore
                && !tokens[m.last + 1].spaceBefore && tokens[m.last + 1].kind == .word
                && !wordLists(doc, m.last + 1).has(.placeCompoundSuffix) && !isTownName(doc, startingAt: m.last + 1)
            if gluedBefore || gluedAfter { return true }
        }
        return false
    }

    /// "Welch said", "…, said Welch.", "according to Welch": a one-word town name next to a verb of
    /// saying is a person there (only there: a town can be the subject of "said" too).
    private func isSpeaker(_ doc: Document, _ m: RawMention, previous: RawMention? = nil) -> Bool {
        guard m.last - m.first == 1, !m.candidates.contains(where: { $0.kind <= .district }) else { return false }
        let tokens = doc.tokens
        // "Police in Springfield said", "Traders in Paris and Lyon said": the name, or the list it
        // ends, places the speaker.
        let listed = m.first >= 2 && ["and", "or", ","].contains(tokens[m.first - 1].lowered)
            && previous.map { $0.last == m.first - 1 && $0.first >= 1 && Self.speakerPlacePrepositions.contains(tokens[$0.first - 1].lowered) } == true
        let placesTheSpeaker = listed || m.first >= 1 && Self.speakerPlacePrepositions.contains(tokens[m.first - 1].lowered)
        if m.last < tokens.count, !placesTheSpeaker, wordLists(doc, m.last).has(.speechVerb) { return true }
        // "…, said Welch." ends the clause; in "said Sudzha had fallen" the name starts a new one.
        // After "said" the speaker comes straight after the quote or the comma that closes what
        // was said: in "the governor said Vovchansk, near the border, was hit" the verb has its
        // subject, and the name is what was said. After "told" or "asked" the name is whom
        // (" … told Hoover.").
        let endsClause = m.last >= tokens.count || tokens[m.last].kind != .word
        if m.first >= 1, endsClause, wordLists(doc, m.first - 1).has(.speechVerb) {
            let verb = tokens[m.first - 1].lowered
            if verb == "told" || verb == "asked" || m.first == 1 || tokens[m.first - 2].kind == .symbol { return true }
        }
        return m.first >= 2 && tokens[m.first - 1].lowered == "to" && tokens[m.first - 2].lowered == "according"
    }

    /// Prepositions that, before a name and a verb of saying, say where the speaker is.
    private static let speakerPlacePrepositions: Set<String> = [
        "in", "at", "near", "from", "outside", "inside", "across", "around", "throughout", "within", "of",
    ]

    /// "the State championship", "Passover", "Hamas said" (`Lexicon.neverPlaceAlone`), and "University
    /// of Georgia", "Chamber of Commerce": a one-word town name that heads an "of" phrase of
    /// capitalised words is the institution's head noun, not a place.
    /// Buildings whose names stand for a government (lower case).
    static let seatsOfGovernment: Set<String> = ["white house", "kremlin", "pentagon", "capitol hill", "élysée", "elysee"]

    private func isGenericNounOrOrganisation(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        // "the White House", "the Kremlin": seats of government that stand for it, not the towns
        // named so (White House, Tennessee, keeps its state after it).
        if Self.seatsOfGovernment.contains(m.surface.lowercased()) || m.last - m.first == 3 && t[m.first].lowered == "the"
            && Self.seatsOfGovernment.contains(doc.text(tokens: m.first + 1, m.last).lowercased()) {
            return !followedByPlace(doc, m)
        }
        // "The City Council": a name of the article and a generic word is that word.
        if m.last - m.first == 2, t[m.first].lowered == "the", wordLists(doc, m.first + 1).has(.neverPlaceAlone) {
            return !followedByPlace(doc, m)
        }
        guard m.last - m.first == 1 else { return false }
        let lists = wordLists(doc, m.first)
        if lists.has(.neverPlaceAlone) { return !followedByPlace(doc, m) }
        let townOnly = !m.candidates.contains { $0.kind <= .district }
        guard townOnly || lists.has(WordLists.commonWordLists), m.last + 1 < t.count, t[m.last].lowered == "of" else { return false }
        var n = m.last + 1
        while n < t.count, t[n].lowered == "the" { n += 1 }
        return n < t.count && t[n].kind == .word && t[n].isCapitalized
    }

    /// "Marburg virus", "Ebola fever", "Spanish flu": a place name that names a disease or pathogen.
    private func isEponym(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        guard m.last < t.count, !t[m.last].isCapitalized else { return false }
        return wordLists(doc, m.last).has(.eponymHead)
    }

    /// "Nelson Mandela" → "Mandela": a town-only match right after a capitalised word that is not
    /// itself a found name, a function word or a generic word is the second part of a longer name.
    private func isSecondPartOfName(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        let p = m.first - 1
        // "Secretary Sheila York said": a region's name after a given name is a surname when a
        // clause about a person follows (not a country's: "Mary, Ireland" is no person).
        if m.candidates.contains(where: { $0.kind <= .district }) {
            guard m.last - m.first == 1, !m.candidates.contains(where: { $0.kind <= .country }), p >= 0, t[m.first].spaceBefore,
                  isGivenName(doc, p), !match(longestMatchEndingIndex(doc, at: p), hasCandidateAtMost: .district) else { return false }
            return isPersonClause(doc, after: m.last, allowingOneMoreName: false)
        }
        guard p >= 0, t[p].kind == .word, t[p].isCapitalized, !t[p].isAllCaps,
              doc.sentenceOf[p] == doc.sentenceOf[m.first] else { return false }
        let lists = wordLists(doc, p)
        if lists.has(Self.notBeforeSecondPart) || KnownNames.abbreviations[t[p].text] != nil {
            return false
        }
        if doc.isSentenceInitial(p), lists.has(WordLists.commonWordLists) { return false }
        // Russian and Ukrainian capitalise names and a sentence's first word only: a first word that
        // is no given name we know is a common noun ("Жители Белгорода", "Мэр Харькова").
        if doc.isSentenceInitial(p), RussianCases.isCyrillic(t[p].text), !lists.has(Self.givenOrSurname) { return false }
        // The word before is itself a place ("Kursk Sudzha" lists, "Paris Texas"): leave it to the resolver.
        if match(longestMatchEndingIndex(doc, at: p), hasCandidateAtMost: .district) { return false }
        return true
    }

    /// Lists whose words, capitalised before a name, are not a first name (`isSecondPartOfName`).
    private static let notBeforeSecondPart = WordLists(rawValue: WordLists.functionWord.rawValue
        | WordLists.genericPlaceWord.rawValue | WordLists.directional.rawValue | WordLists.locative.rawValue
        | WordLists.demonym.rawValue | WordLists.month.rawValue | WordLists.weekday.rawValue
        | WordLists.numberWord.rawValue)

    static let lowerCaseNameEnds: Set<String> = ["states", "sea", "strait", "море", "пролив", "протока", "залив", "океан"]

    static let givenOrSurname = WordLists(rawValue: WordLists.censusGivenName.rawValue | WordLists.censusSurname.rawValue
                                          | WordLists.givenName.rawValue)

    static let givenAndSurname = WordLists(rawValue: WordLists.censusGivenName.rawValue | WordLists.censusSurname.rawValue)

    /// Lists whose words, capitalised after a name, are not a surname (`isFirstPartOfName`).
    private static let notAfterFirstPart = WordLists(rawValue: WordLists.functionWord.rawValue
        | WordLists.genericPlaceWord.rawValue | WordLists.title.rawValue | WordLists.month.rawValue
        | WordLists.weekday.rawValue | WordLists.demonym.rawValue | WordLists.connector.rawValue
        | WordLists.organisationHead.rawValue)

    /// "Paris Hilton", "Nelson Mandela" → "Nelson": a town-only match followed by a capitalised word
    /// that is not a name the gazetteer knows, a generic word or a title; or by an initial and a
    /// name ("Barry M. George"); or a common given name before a name that is only a town's ("Lee
    /// Rashid") or, for a given name that is also a province, before a common surname ("Mary Walker").
    private func isFirstPartOfName(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        let n = m.last
        if m.candidates.contains(where: { $0.kind <= .district }) {
            // "Mary Loveless" (Mary is a Turkmen province): a given name, then a common surname.
            // A country's name is a given name too ("Jordan Henderson", "Israel Vazquez"), but
            // "Georgia Power" or "Chad Basin" are not people: a country needs the clause to say so
            // ("… said", "…, a councillor", "…, who").
            // "said Jordan Haddad, who …": after a speech verb, a name that is no region or country
            // is a surname too when the clause says a person is meant.
            guard m.last - m.first == 1, n < t.count, t[n].spaceBefore else { return false }
            if isGivenName(doc, m.first), isCommonSurname(doc, n), !match(longestMatchIndex(doc, n), hasCandidateAtMost: .region) {
                return !m.candidates.contains(where: { $0.kind <= .country }) || isPersonClause(doc, after: n + 1)
            }
            // "Sydney Walker, who runs …": a common surname and a clause about a person, whatever
            // the first name.
            if isCommonSurname(doc, n), !match(longestMatchIndex(doc, n), hasCandidateAtMost: .region),
               !wordLists(doc, m.first).has(WordLists.commonWordLists),
               isPersonClause(doc, after: n + 1, allowingOneMoreName: false) { return true }
            return isReportedSpeaker(doc, first: m.first, surname: n) && !match(longestMatchIndex(doc, n), hasCandidateAtMost: .region)
        }
        guard n < t.count, t[n].kind == .word, t[n].isCapitalized, t[n].spaceBefore,
              doc.sentenceOf[n] == doc.sentenceOf[m.first] else { return false }
        if t[n].isAllCaps {
            // "Barry M. George": only an initial with its full stop, then a name, is a middle name.
            return t[n].text.unicodeScalars.count == 1 && n + 2 < t.count && doc.isSymbol(n + 1, ".")
                && t[n + 2].kind == .word && t[n + 2].isCapitalized && !t[n + 2].isAllCaps
        }
        if wordLists(doc, n).has(Self.notAfterFirstPart) { return false }
        guard let next = longestMatchIndex(doc, n) else { return true }
        // "Lee Rashid": a common given name before a name that is only a town's ("Rashid", Egypt);
        // "said João Lima, a fisherman": any name, when the clause says a person is meant.
        if isReportedSpeaker(doc, first: m.first, surname: n) { return !match(next, hasCandidateAtMost: .country) }
        // "Sydney Walker, who runs …": a common surname and a clause about a person (not "In
        // Hope, the town office …").
        if isCommonSurname(doc, n), !match(next, hasCandidateAtMost: .region), !wordLists(doc, m.first).has(WordLists.commonWordLists),
           isPersonClause(doc, after: n + 1, allowingOneMoreName: false) { return true }
        return isGivenName(doc, m.first) && !match(next, hasCandidateAtMost: .region)
    }

    /// "…, said Georgia Papadaki, a driver", "said João Lima, who …": the two capitalised words at
    /// `first` and `surname` come right after a speech verb, and a clause about a person follows
    /// them. A single word there can be a town ("said Lima, Peru's capital, …" has no surname).
    private func isReportedSpeaker(_ doc: Document, first: Int, surname: Int) -> Bool {
        let t = doc.tokens
        guard first >= 1, surname == first + 1, t[first - 1].kind == .word, !t[first - 1].isCapitalized,
              wordLists(doc, first - 1).has(.speechVerb),
              t[surname].kind == .word, t[surname].isCapitalized, !t[surname].isAllCaps,
              !wordLists(doc, surname).has(Self.notAfterFirstPart) else { return false }
        return isPersonClause(doc, after: surname + 1)
    }

    /// What follows a person's name, from token `k` on: a verb of saying ("said", "told"), or an
    /// apposition that describes a person (", a councillor", ", who").
    private func isPersonClause(_ doc: Document, after k: Int, allowingOneMoreName: Bool = true) -> Bool {
        let t = doc.tokens
        guard k < t.count else { return false }
        if t[k].kind == .word, !t[k].isCapitalized, wordLists(doc, k).has(.speechVerb) { return true }
        // "Georgia Lee Hampton, 34, …": a third name before the clause.
        if allowingOneMoreName, t[k].kind == .word, t[k].isCapitalized, !t[k].isAllCaps, t[k].spaceBefore,
           !match(longestMatchIndex(doc, k), hasCandidateAtMost: .region) {
            return isPersonClause(doc, after: k + 1, allowingOneMoreName: false)
        }
        guard doc.isSymbol(k, ","), k + 1 < t.count else { return false }
        // ", 34,": a person's age.
        if t[k + 1].kind == .number, k + 2 < t.count, doc.isSymbol(k + 2, ","), t[k + 1].end - t[k + 1].start <= 3 { return true }
        return ["a", "an", "the", "who", "whose", "aged"].contains(t[k + 1].lowered)
    }

    private func isCommonSurname(_ doc: Document, _ k: Int) -> Bool {
        let tok = doc.tokens[k]
        return tok.kind == .word && tok.isCapitalized && !tok.isAllCaps && wordLists(doc, k).has(.censusSurname)
    }

    /// A capitalised common given name (`Lexicon.givenNames`, `PersonalNames.givenNames`) that is
    /// not an ordinary word opening a sentence ("Will", "May", "Faith").
    private func isGivenName(_ doc: Document, _ k: Int) -> Bool {
        let tok = doc.tokens[k]
        guard tok.kind == .word, tok.isCapitalized, !tok.isAllCaps else { return false }
        let lists = wordLists(doc, k)
        guard lists.has(.censusGivenName) else { return false }
        return lists.has(.givenName) || !(doc.isSentenceInitial(k) && lists.has(WordLists.commonWordLists))
    }

    /// A known name ending at token `p` (one or two words), for the look-behind of `isSecondPartOfName`.
    private func longestMatchEndingIndex(_ doc: Document, at p: Int) -> Int? {
        if p >= 1, let two = longestMatchIndex(doc, p - 1), memo.matches[two].last == p + 1 { return two }
        if let one = longestMatchIndex(doc, p), memo.matches[one].last == p + 1 { return one }
        return nil
    }

    /// "George Washington", "Mr. Lincoln", "President Lukashenko": a title or a given name before.
    private func isPersonName(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        var p = m.first - 1
        if p >= 0, doc.isSymbol(p, ".") { p -= 1 }
        guard p >= 0, t[p].kind == .word, doc.sentenceOf[p] == doc.sentenceOf[m.first] else { return false }
        let w = t[p].lowered
        let lists = wordLists(doc, p)
        if lists.has(.title), t[p].isCapitalized || w.count > 3 { return true }
        if t[p].isCapitalized, lists.has(.givenName) { return true }
        // A Census given name before a town-only name ("Joseph Welch"); before a region or country
        // only the hand-picked ones count ("Will Ukraine…" is a question).
        let townOnly = !m.candidates.contains { $0.kind <= .region }
        if townOnly, isGivenName(doc, p) { return true }
        // "James Ernest Barnett": a given name, then a middle name that is no place.
        if p >= 1, !m.candidates.contains(where: { $0.kind <= .country }), t[p].isCapitalized, !t[p].isAllCaps, doc.sentenceOf[p - 1] == doc.sentenceOf[p],
           !lists.has(WordLists.commonWordLists), isGivenName(doc, p - 1),
           !match(longestMatchIndex(doc, p), hasCandidateAtMost: .district) { return true }
        // An initial: "J. Smith" / "John F. Kennedy"
        if t[p].text.count == 1, t[p].isCapitalized, m.first - p == 2 { return true }
        return false
    }

    /// "Washington Post", "Ohio State University", "Texas Rangers": an organisation's head noun follows.
    private func isOrganisation(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        var n = m.last
        while n < t.count, n - m.last < 3, t[n].isCapitalized {
            let lists = wordLists(doc, n)
            // "Freestone County Road 360", "Florida Highway Patrol": a county's or state's own road
            // or highway police names the county or state.
            if n + 1 < t.count, ["road", "highway"].contains(t[n].lowered),
               t[n + 1].kind == .number || t[n + 1].lowered == "patrol",
               m.candidates.contains(where: { $0.kind == .region || $0.kind == .district }) { return false }
            if lists.has(.nonLocatingHead) { return true }
            if lists.has(.organisationHead) { return false }
            if lists.has(.genericPlaceWord) { return false }
            n += 1
        }
        return false
    }

    /// "March 3", "May 2024", "6 August": a month name next to a number is a date.
    private func isDate(_ doc: Document, _ m: RawMention) -> Bool {
        guard m.last - m.first == 1, wordLists(doc, m.first).has(.month) else { return false }
        let t = doc.tokens
        let before = m.first > 0 && t[m.first - 1].kind == .number
        let after = m.last < t.count && t[m.last].kind == .number
        return before || after
    }

    private func isCalendarWord(_ doc: Document, _ m: RawMention) -> Bool {
        guard m.last - m.first == 1 else { return false }
        return wordLists(doc, m.first).has(WordLists(rawValue: WordLists.weekday.rawValue | WordLists.month.rawValue))
    }

    /// True when every word of the match is an ordinary English word ("Reading", "Nice", "March")
    /// or a given name ("Thomas", "Larry").
    private func isOrdinaryWord(_ doc: Document, _ m: RawMention) -> Bool {
        // Countries, and counties named in full ("Henry County"), are never ordinary words.
        if m.candidates.contains(where: { $0.kind <= .country || $0.kind == .district }) { return false }
        // Nor is a name that ends in a generic word of geography: "Black Sea", "Red River".
        if m.last - m.first > 1, doc.tokens[m.last - 1].isCapitalized, wordLists(doc, m.last - 1).has(.genericPlaceWord) { return false }
        // A town named like people ("Lee", "Barry", "Douglas"): common as given name and as surname.
        if m.last - m.first == 1, wordLists(doc, m.first).hasAll(Self.givenAndSurname) { return true }
        // A small town named like a family ("Welch", "Barnett"): a cue somewhere in the text must say
        // it is the town ("killing Welch" is the man; "near Welch" the town).
        if m.last - m.first == 1, wordLists(doc, m.first).has(.censusSurname), !m.candidates.contains(where: { $0.kind <= .region }),
           Self.largestPopulation(m.candidates) < 50_000 { return true }
        // A town under 100,000 named with an English word ("Concord", "Superior", "Landmark"):
        // a cue somewhere in the text must say it is the town.
        if m.last - m.first == 1, wordLists(doc, m.first).has(.englishWord), !m.candidates.contains(where: { $0.kind <= .region }),
           Self.largestPopulation(m.candidates) < 100_000 { return true }
        for k in m.first..<m.last where doc.tokens[k].kind == .word {
            let lists = wordLists(doc, k)
            if !lists.has(WordLists.commonWordLists), !lists.has(.givenName) { return false }
        }
        return true
    }

    /// "Mobile, Alabama", "Nice, France": the name is followed by a comma and another known name.
    /// "Virginia and Alabama": the name heads a pair whose second half is a region or country.
    private func followedByPlace(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        guard m.last + 1 < t.count, t[m.last + 1].isCapitalized else { return false }
        if doc.isSymbol(m.last, ",") {
            if KnownNames.abbreviations[t[m.last + 1].text] != nil { return true }
            guard let next = longestMatchIndex(doc, m.last + 1) else { return false }
            if match(next, hasCandidateAtMost: .district) { return true }
            // "Cleveland, Columbus, Dayton and Cincinnati": the first of a list whose next member
            // is a town not named like people, and the list goes on.
            let (first, last) = (memo.matches[next].first, memo.matches[next].last)
            let namedLikePeople = last - first == 1 && wordLists(doc, first).has(Self.givenOrSurname)
            guard !namedLikePeople, last + 1 < t.count, t[last + 1].isCapitalized else { return false }
            let w = t[last].lowered
            return w == "," || w == "and" || w == "or"
        }
        if t[m.last].lowered == "and" || t[m.last].lowered == "or" {
            return match(longestMatchIndex(doc, m.last + 1), hasCandidateAtMost: .region)
        }
        return false
    }

    /// "Dublin City Council", "Springfield City Schools": when "X City" is followed by an institution
    /// ("Council", "Hall", "Manager") and the town "X" is at least as large as any place called "X City", the
    /// name is the town's and "City" belongs to the institution. "Kansas City Council" stays Kansas
    /// City: no town is called Kansas.
    private func townBeforeCityInstitution(_ doc: Document, _ m: RawMention) -> RawMention? {
        let t = doc.tokens
        guard m.last - m.first >= 2, t[m.last - 1].lowered == "city", m.last < t.count, t[m.last].isCapitalized,
              wordLists(doc, m.last).has(Self.institutionWords) else { return nil }
        let head = doc.text(tokens: m.first, m.last - 1)
        let (key, places) = cachedName(head, mayBeContinent: wordLists(doc, m.first).has(.continentFirstWord))
        let largest = { (c: [PlaceRecord]) in c.filter { $0.kind == .place }.map { $0.population ?? 0 }.max() ?? -1 }
        guard largest(places) >= max(largest(m.candidates), 0) else { return nil }
        return RawMention(kind: .toponym, first: m.first, last: m.last - 1, start: m.start, end: t[m.last - 2].end,
                          surface: head, key: key, candidates: places)
    }

    private static let institutionWords = WordLists(rawValue: WordLists.organisationHead.rawValue | WordLists.title.rawValue
                                                    | WordLists.nonLocatingHead.rawValue)

    /// "Stevens & Wilkinson", "McPherson & Jacobsen": a town-only name joined by an ampersand to
    /// another capitalised word is a firm's partner, not a place.
    private func isFirmName(_ doc: Document, _ m: RawMention) -> Bool {
        guard m.last - m.first == 1, !m.candidates.contains(where: { $0.kind <= .district }) else { return false }
        let t = doc.tokens
        let before = m.first >= 2 && doc.isSymbol(m.first - 1, "&") && t[m.first - 2].isCapitalized
        let after = m.last + 1 < t.count && doc.isSymbol(m.last, "&") && t[m.last + 1].isCapitalized
        return before || after
    }

    /// "Lake Ontario", "Gulf of Alaska", "River Moy", "Griffith Park", "Boston Harbor", "Thames Valley
    /// District": a name inside the name of a lake, a park, a harbour or a valley that the gazetteer
    /// does not list (a listed one, such as "Lake Placid" or "Gulf of Mexico", is matched whole and
    /// never gets here). The feature is not the place, so neither is named.
    /// "клуба «Ростов»", "газета «Вечерний Бишкек»": a name inside guillemets, with at most three
    /// other words, is a club's, a paper's or a firm's name, not the place.
    private func isInsideGuillemets(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        var open = m.first - 1
        while open >= 0, m.first - open <= 4, t[open].kind == .word { open -= 1 }
        guard open >= 0, doc.isSymbol(open, "«") else { return false }
        var close = m.last
        while close < t.count, close - m.last <= 3, t[close].kind == .word { close += 1 }
        return close < t.count && doc.isSymbol(close, "»")
    }

    /// "на левом берегу Днепра", "з лівого берега Дніпра", "the east bank of the Dnipro": a name
    /// after a word for a river's bank is the river's.
    private func isRiverBank(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        var p = m.first - 1
        guard p >= 0 else { return false }
        // One word: a river's name ("берегу Черного моря" is the sea's shore).
        if Self.riverBankWords.contains(t[p].lowered) { return !t[p].isCapitalized && m.last - m.first == 1 }
        if t[p].lowered == "the" { p -= 1 }
        guard p >= 1, t[p].lowered == "of" else { return false }
        // "the banks of the Kanawha River" names its river itself, as a feature the gazetteer has.
        return ["bank", "banks"].contains(t[p - 1].text) && t[m.last - 1].text != "River"
            && !(m.last < t.count && t[m.last].text == "River")
    }

    /// "на проспекте Богдана Хмельницкого", "по улице Ленина", "на вулиці Героїв Майдану": capitalised
    /// words right after a lower-case word for a street (at most two words before the name) are the
    /// street's name.
    private func isCyrillicStreetName(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        var p = m.first - 1
        while p >= 0, m.first - p <= 2, t[p].kind == .word, t[p].isCapitalized { p -= 1 }
        // "ул." and "вул.": the abbreviation and its full stop.
        if p >= 1, doc.isSymbol(p, "."), ["ул", "вул", "пр", "просп"].contains(t[p - 1].lowered) { return true }
        guard p >= 0, t[p].kind == .word, !t[p].isCapitalized, Self.cyrillicStreetWords.contains(t[p].lowered) else { return false }
        // "улицы", "вулиці" are also the plural: "вышли на улицы Тбилиси" is the streets of a city.
        // In those forms a city of 100,000 or more, a region or a country is the city's.
        // A name of two words or more after it ("вулиці Богдана Хмельницького") is still a street's.
        guard t[p].lowered == "улицы" || t[p].lowered == "вулиці", m.first - p == 1 else { return true }
        return !m.candidates.contains { $0.kind <= .region || ($0.population ?? 0) >= 100_000 }
    }

    /// Russian and Ukrainian words for a street, avenue, lane, boulevard, embankment or highway, in
    /// their cases. Not "площадь"/"площа", which is also "area" ("площадь Украины").
    static let cyrillicStreetWords: Set<String> = [
        "улица", "улицы", "улице", "улицу", "улицей", "проспект", "проспекта", "проспекте", "проспектом", "проспекту",
        "переулок", "переулка", "переулке", "бульвар", "бульвара", "бульваре", "бульваром", "набережная", "набережной",
        "шоссе", "вулиця", "вулиці", "вулицю", "вулицею", "проспекті", "провулок", "провулку", "провулка", "провулці",
        "бульварі", "набережна", "набережній", "шосе",
    ]

    /// Russian and Ukrainian "bank" in the singular, in its cases (a river's name follows in the
    /// genitive). Not the plural: "у берегов Крыма" is off Crimea's coasts.
    static let riverBankWords: Set<String> = ["берег", "берега", "берегу", "береге", "берегом", "березі"]

    private func isInsideFeatureName(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        if isInsideGuillemets(doc, m) || isRiverBank(doc, m) || isCyrillicStreetName(doc, m) { return true }
        if m.first >= 1, Self.namePrefixes.contains(t[m.first - 1].text), t[m.first].spaceBefore { return true }
        // "the Niger River", "the Congo River", "the Jordan River": a country's name before "River"
        // names the river (a town's, "Kanawha River", is left to say where the river is).
        if m.last < t.count, t[m.last].text == "River", m.candidates.contains(where: { $0.kind == .country }) { return true }
        let p = m.first - 1
        if p >= 0, t[p].spaceBefore || p == 0, t[p].text == "Lake" || t[p].text == "River" || t[p].text == "Mount" { return true }
        if p >= 1, t[p].text == "of", ["Gulf", "Port", "Bay", "Cape", "Strait", "Straits", "Isle"].contains(t[p - 1].text) { return true }
        let n = m.last
        guard n < t.count, t[n].kind == .word, t[n].isCapitalized, !t[n].isAllCaps, t[n].spaceBefore else { return false }
        if Self.featureHeads.contains(t[n].text) { return true }
        // "Cedar River Seafood", "Santa Clara Valley Water": a natural feature's generic word that
        // itself starts a longer name.
        return Self.featureGenerics.contains(t[n].text) && n + 1 < t.count && t[n + 1].kind == .word
            && t[n + 1].isCapitalized && t[n + 1].spaceBefore
    }

    /// A sports club's name, not the place: "Shakhtar Donetsk", "CFR Cluj", "Red Star Belgrade" (a
    /// club word before the name), "Erbil SC", "Leeds United" (a club word after it), and a name
    /// after "against" or "between" that a word for a match comes just before ("Wednesday's match
    /// against Bahia", "the league match between Monterrey and Toluca", "their game against the
    /// Yokohama DeNA BayStars"), the second name of "between X and Y" too.
    private func isTeamName(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        let p = m.first - 1
        if p >= 0, t[p].kind == .word, t[p].isCapitalized || t[p].isAllCaps, Self.clubWordsBefore.contains(t[p].text) {
            // "Red Star" is two words; "Star" alone before a name is a newspaper's ("Star Tribune" aside).
            return t[p].text != "Star" || p >= 1 && t[p - 1].text == "Red"
        }
        if m.last < t.count, t[m.last].kind == .word, t[m.last].spaceBefore, Self.clubWordsAfter.contains(t[m.last].text) {
            // Not "… Kenya United Nations …": a club's word ends its name.
            return !(m.last + 1 < t.count && t[m.last + 1].kind == .word && t[m.last + 1].isCapitalized && t[m.last + 1].spaceBefore)
        }
        // A country's name after "against" is its national team, which stands for the country.
        guard !m.candidates.contains(where: { $0.kind <= .country }) else { return false }
        var k = p
        if k >= 0, t[k].lowered == "the" { k -= 1 }
        guard k >= 1, t[k].kind == .word else { return false }
        if t[k].lowered == "and", k >= 2 {
            // "between Monterrey and Toluca": the first name's test, from its own start.
            var q = k - 1
            while q >= 0, t[q].kind == .word, t[q].isCapitalized { q -= 1 }
            guard q >= 1, t[q].lowered == "between", q < k - 1 else { return false }
            k = q
        }
        guard t[k].lowered == "against" || t[k].lowered == "between" else { return false }
        let window = max(0, k - 3)..<k
        return window.contains { t[$0].kind == .word && Self.matchWords.contains(t[$0].lowered) }
    }

    /// Words that before a place's name make a club's name of it.
    static let clubWordsBefore: Set<String> = [
        "FC", "CF", "AC", "SC", "FK", "NK", "CFR", "SK", "Dynamo", "Dinamo", "Shakhtar", "Shakhter", "Borac", "Zenit",
        "Spartak", "Lokomotiv", "Partizan", "Sporting", "Olympique", "Atlético", "Atletico", "Real", "Star", "Slavia",
        "Sparta", "Legia", "Hajduk", "Vorskla", "Karpaty", "Metalist",
    ]
    /// Words that after a place's name make a club's name of it.
    static let clubWordsAfter: Set<String> = ["FC", "SC", "CF", "AFC", "United"]
    /// Words for a match, before "against" or "between" and the teams.
    static let matchWords: Set<String> = [
        "match", "matches", "game", "games", "fixture", "final", "semi-final", "semifinal", "derby", "clash", "tie",
        "win", "victory", "defeat", "loss", "draw", "friendly", "qualifier", "playoff", "play-off",
    ]

    /// "Bab el-Mandeb", "Abu al-Duhur": the name goes on with an article glued to a capitalised word
    /// ("el-Mandeb"), so the known name at its start ("Bab", a Syrian town) is only part of a longer
    /// name the gazetteer does not have.
    private func continuesAsLongerName(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        let e = m.last
        guard e + 2 < t.count, t[e].kind == .word, t[e].spaceBefore, !t[e].isCapitalized,
              wordLists(doc, e).has(.connector) || Self.arabicArticles.contains(t[e].lowered),
              doc.isSymbol(e + 1, "-"), !t[e + 1].spaceBefore, !t[e + 2].spaceBefore else { return false }
        return t[e + 2].kind == .word && t[e + 2].isCapitalized
    }

    /// Words that after a name make it part of a feature's name ("Griffith Park", "Taiwan Strait"):
    /// a name that is itself a town's name with one of these after it (`longestMatch` tries the
    /// whole first) is not that town.
    static let featureHeads: Set<String> = [
        "Park", "Harbor", "Harbour", "Creek", "Hills", "Canyon", "Falls", "Beach", "Dam", "Strait",
        "Straits", "Canal", "Channel", "Sea", "Gulf", "Shoal", "Reef", "Delta", "Basin", "Plateau", "Desert",
    ]
    /// Words that before a name make a longer name the gazetteer does not have, of another place
    /// ("Inner Mongolia" is in China): the name alone is not meant. Not "Greater" or "Lower": "Greater
    /// Mumbai" and "Lower Manhattan" are in the place named.
    static let namePrefixes: Set<String> = ["Inner"]
    static let featureGenerics: Set<String> = ["River", "Lake", "Valley", "Island", "Islands", "Bay", "Mountain", "Mountains"]

    /// "Missouri, North Carolina and Virginia": the name closes a list ("and", "or") whose member
    /// before it is a region or country.
    private func endsListOfRegions(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        guard m.first >= 2, t[m.first - 1].lowered == "and" || t[m.first - 1].lowered == "or",
              let before = longestMatchEndingIndex(doc, at: m.first - 2) else { return false }
        return match(before, hasCandidateAtMost: .region)
    }

    private func isHeadline(_ doc: Document, _ i: Int) -> Bool {
        let range = doc.sentences[doc.sentenceOf[i]]
        var words = 0, caps = 0
        for k in range where doc.tokens[k].kind == .word {
            words += 1
            if doc.tokens[k].isAllCaps || isOneCharacter(doc, k) { caps += 1 }
        }
        return words >= 3 && caps * 10 >= words * 8
    }

    /// `doc.tokens[k].text.count == 1`: one scalar is one Character, and ASCII scalars (a word
    /// holds no CR LF) are a Character each; only other words are counted as Characters.
    private func isOneCharacter(_ doc: Document, _ k: Int) -> Bool {
        let start = doc.tokens[k].start, end = doc.tokens[k].end
        if end - start == 1 { return true }
        if doc.scalars[start..<end].allSatisfy(\.isASCII) { return false }
        return doc.tokens[k].text.count == 1
    }

    /// Token `k` starts with a lower-case Cyrillic letter. Its first scalar read from the
    /// document's: the main loop asks this of every lower-case word.
    private func isCyrillicLower(_ doc: Document, _ k: Int) -> Bool {
        let s = doc.scalars[doc.tokens[k].start]
        return (0x400...0x4FF).contains(s.value) && s.properties.isLowercase
    }
}
