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
    /// Preceded by a locative preposition ("in", "near", "into").
    var locativeCue = false
    /// For demonyms and abbreviations: the country code they stand for.
    var countryCode: String?
}

/// Finds toponym and demonym mentions: longest match of capitalised n-grams against the gazetteer's
/// normalised names, then rules for the usual traps of news text (sentence-initial capitals, common
/// words that are also places, people's names, organisations, months, abbreviations, possessives).
///
/// Cost: for each capitalised token, up to `maxWords` key normalisations and hash look-ups; linear in
/// the text. Thread-safe: a value over an immutable lookup.
struct MentionFinder: Sendable {
    let lookup: any PlaceLookup
    var maxWords = 6

    static let connectors: Set<String> = [
        "de", "la", "le", "les", "del", "della", "di", "do", "da", "dos", "das", "du", "des", "of", "upon",
        "on", "the", "y", "al", "el", "en", "sur", "am", "an", "der", "im", "bin", "ibn", "and",
    ]
    static let adminWords: Set<String> = [
        "region", "oblast", "oblast'", "district", "raion", "rayon", "province", "county", "parish", "state",
        "governorate", "prefecture", "krai", "kray", "voblast", "область", "район", "край", "territory",
    ]

    func find(in doc: Document) -> (toponyms: [RawMention], demonyms: [RawMention]) {
        var toponyms: [RawMention] = []
        var demonyms: [RawMention] = []
        var surnames = Set<String>()
        var needCue: [Int] = []  // indices into toponyms of matches that are also ordinary words
        let t = doc.tokens
        var i = 0
        while i < t.count {
            guard t[i].kind == .word, t[i].isCapitalized || isCyrillicLower(t[i]) && KnownNames.demonyms[t[i].lowered] != nil else {
                i += 1
                continue
            }
            if let abbreviation = abbreviation(doc, i) {
                toponyms.append(abbreviation)
                i = abbreviation.last
                continue
            }
            if t[i].isAllCaps, !isHeadline(doc, i) {
                i += 1
                continue
            }
            let match = longestMatch(doc, i)
            if match == nil || match!.last - match!.first == 1, let demonym = demonym(doc, i) {
                demonyms.append(demonym)
                i = demonym.last
                continue
            }
            guard var m = match else {
                i += 1
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
            if isCalendarWord(doc, m), m.generic == nil, !followedByPlace(doc, m) {
                // "on Monday", "in March": a weekday or month is a place only with its region after it.
                i = m.last
                continue
            }
            if isOrdinaryWord(doc, m) {
                if doc.isSentenceInitial(m.first), !m.locativeCue, m.generic == nil, !followedByPlace(doc, m) {
                    i = m.last
                    continue
                }
                if !m.locativeCue, m.generic == nil, !followedByPlace(doc, m) {
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
            .filter { !surnames.contains($0.key) || $0.locativeCue || $0.last - $0.first > 1 }
        return (toponyms, demonyms)
    }

    // MARK: matching

    /// The longest run of tokens from `i` whose text is a known name.
    private func longestMatch(_ doc: Document, _ i: Int) -> RawMention? {
        let t = doc.tokens
        // Collect admissible end points first, then try the longest.
        var ends: [Int] = []
        var j = i
        while j < t.count, j - i < maxWords {
            let tok = t[j]
            if j > i {
                let glued = !tok.spaceBefore
                if tok.kind == .symbol {
                    // "Winston-Salem", "St. Louis": a glued hyphen, or a dot after St/Mt/Ft.
                    let hyphenOK = tok.text == "-" && glued && j + 1 < t.count && !t[j + 1].spaceBefore
                    let dotOK = tok.text == "." && glued && ["st", "mt", "ft", "pt"].contains(t[j - 1].lowered)
                    guard hyphenOK || dotOK else { break }
                    j += 1
                    continue
                }
                if tok.kind != .word || tok.lowered == "'s" { break }
                if !tok.isCapitalized, !Self.connectors.contains(tok.lowered), !(glued && t[j - 1].text == "-") { break }
            }
            if tok.kind == .word, tok.isCapitalized || j > i && t[j - 1].text == "-" { ends.append(j + 1) }
            j += 1
        }
        for e in ends.reversed() {
            let surface = doc.text(tokens: i, e)
            let key = lookup.key(surface)
            var places = lookup.places(matchingKey: key)
            if let continent = KnownNames.continentsByName[surface.lowercased()] { places.append(continent) }
            if !places.isEmpty {
                return RawMention(kind: .toponym, first: i, last: e, start: t[i].start, end: t[e - 1].end,
                                  surface: surface, key: key, candidates: places)
            }
        }
        return nil
    }

    /// "U.S.", "UK", "UAE": matched case-sensitively, mapped to the country (or region) they abbreviate.
    private func abbreviation(_ doc: Document, _ i: Int) -> RawMention? {
        let tok = doc.tokens[i]
        guard let (country, name) = KnownNames.abbreviations[tok.text] else { return nil }
        // "US" in an all-capitals headline could be the pronoun; only accept it next to non-capital text.
        if tok.text == "US", isHeadline(doc, i) { return nil }
        let places = lookup.places(matchingKey: lookup.key(name)).filter { $0.country == country && $0.kind != .place }
        let chosen = places.isEmpty ? lookup.places(matchingKey: lookup.key(name)).filter { $0.country == country } : places
        guard !chosen.isEmpty else { return nil }
        return RawMention(kind: .toponym, first: i, last: i + 1, start: tok.start, end: tok.end, surface: tok.text,
                          key: lookup.key(name), candidates: chosen, countryCode: country)
    }

    /// "Ukrainian", "South African", "российские": a nationality word, as evidence for a country.
    private func demonym(_ doc: Document, _ i: Int) -> RawMention? {
        let t = doc.tokens
        for n in [2, 1] where i + n <= t.count {
            guard (i..<i + n).allSatisfy({ t[$0].kind == .word && t[$0].lowered != "'s" }) else { continue }
            let words = (i..<i + n).map { t[$0].lowered }.joined(separator: " ")
            guard let nationality = KnownNames.demonyms[words] else { continue }
            let key = lookup.key(nationality.countryName)
            let countries = lookup.places(matchingKey: key).filter { $0.kind == .country && $0.country == nationality.country }
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
        if p >= 0, Lexicon.directionalModifiers.contains(t[p].lowered) {
            m.modifier = t[p].lowered
            p -= 1
        }
        while p >= 0, t[p].lowered == "the" { p -= 1 }
        if p >= 0, Lexicon.locativePrepositions.contains(t[p].lowered) { m.locativeCue = true }
        // "state of Ohio", "region of Kursk"
        if m.first >= 2, t[m.first - 1].lowered == "of", Self.adminWords.contains(t[m.first - 2].lowered) {
            m.generic = t[m.first - 2].lowered
            m.wantsRegion = true
        }
        let n = m.last
        guard n < t.count, t[n].kind == .word, Lexicon.genericPlaceWords.contains(t[n].lowered) else { return }
        m.generic = t[n].lowered
        m.wantsRegion = Self.adminWords.contains(t[n].lowered)
        if t[n].isCapitalized {
            // "Laurel County", "Kursk Oblast": the capitalised generic word is part of the name.
            m.last = n + 1
            m.end = t[n].end
            m.surface = doc.text(tokens: m.first, m.last)
        }
    }

    /// "George Washington", "Mr. Lincoln", "President Lukashenko": a title or a given name before.
    private func isPersonName(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        var p = m.first - 1
        if p >= 0, t[p].text == "." { p -= 1 }
        guard p >= 0, t[p].kind == .word, doc.sentenceOf[p] == doc.sentenceOf[m.first] else { return false }
        let w = t[p].lowered
        if Lexicon.titles.contains(w), t[p].isCapitalized || w.count > 3 { return true }
        if t[p].isCapitalized, Lexicon.givenNames.contains(w) { return true }
        // An initial: "J. Smith" / "John F. Kennedy"
        if t[p].text.count == 1, t[p].isCapitalized, m.first - p == 2 { return true }
        return false
    }

    /// "Washington Post", "Ohio State University", "Texas Rangers": an organisation's head noun follows.
    private func isOrganisation(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        var n = m.last
        while n < t.count, n - m.last < 3, t[n].isCapitalized {
            if Lexicon.organisationHeads.contains(t[n].lowered) { return true }
            if Lexicon.genericPlaceWords.contains(t[n].lowered) { return false }
            n += 1
        }
        return false
    }

    /// "March 3", "May 2024", "6 August": a month name next to a number is a date.
    private func isDate(_ doc: Document, _ m: RawMention) -> Bool {
        guard m.last - m.first == 1, Lexicon.months[doc.tokens[m.first].lowered] != nil else { return false }
        let t = doc.tokens
        let before = m.first > 0 && t[m.first - 1].kind == .number
        let after = m.last < t.count && t[m.last].kind == .number
        return before || after
    }

    private func isCalendarWord(_ doc: Document, _ m: RawMention) -> Bool {
        guard m.last - m.first == 1 else { return false }
        let w = doc.tokens[m.first].lowered
        return Lexicon.weekdays.contains(w) || Lexicon.months[w] != nil && w.count > 3
    }

    /// True when every word of the match is an ordinary English word ("Reading", "Nice", "March").
    private func isOrdinaryWord(_ doc: Document, _ m: RawMention) -> Bool {
        if m.candidates.contains(where: { $0.kind <= .country }) { return false }
        for k in m.first..<m.last where doc.tokens[k].kind == .word {
            if !Lexicon.isCommonWord(doc.tokens[k].lowered) { return false }
        }
        return true
    }

    /// "Mobile, Alabama", "Nice, France": the name is followed by a comma and another known name.
    private func followedByPlace(_ doc: Document, _ m: RawMention) -> Bool {
        let t = doc.tokens
        guard m.last + 1 < t.count, t[m.last].text == ",", t[m.last + 1].isCapitalized else { return false }
        if KnownNames.abbreviations[t[m.last + 1].text] != nil { return true }
        return longestMatch(doc, m.last + 1)?.candidates.contains { $0.kind <= .region } ?? false
    }

    private func isHeadline(_ doc: Document, _ i: Int) -> Bool {
        let range = doc.sentences[doc.sentenceOf[i]]
        var words = 0, caps = 0
        for k in range where doc.tokens[k].kind == .word {
            words += 1
            if doc.tokens[k].isAllCaps || doc.tokens[k].text.count == 1 { caps += 1 }
        }
        return words >= 3 && caps * 10 >= words * 8
    }

    private func isCyrillicLower(_ t: Token) -> Bool {
        guard let s = t.text.unicodeScalars.first else { return false }
        return (0x400...0x4FF).contains(s.value) && s.properties.isLowercase
    }
}
