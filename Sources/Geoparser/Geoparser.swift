/// Finds the places and the measurable claims in a text.
///
/// `parse(_:)` tokenises (offsets in Unicode scalars), finds toponyms and demonyms against the
/// gazetteer's names, resolves each toponym with the whole document as context, and extracts
/// distances, areas, fractions and dates linked to the places they are about.
///
/// Cost: linear in the text for finding, plus O(m²) in the number m of distinct names for the
/// proximity context. Thread-safe: an immutable value; one `Geoparser` can serve many threads.
public struct Geoparser: Sendable {
    let lookup: any PlaceLookup

    package init(lookup: any PlaceLookup) {
        self.lookup = lookup
    }

    /// Everything geographic in `text`. With `claims: false` the distance/area/fraction/date
    /// extraction is skipped and `GeoparseResult.claims` is empty (the toponyms and demonyms are
    /// the same either way): for callers that only want places, it saves about a fifth of the time.
    /// With `reasons: false` every mention's `reasons` is empty (places and scores are the same
    /// either way): the resolver then does not score each chosen place a second time to write its
    /// reasons down, for callers that never show them.
    public func parse(_ text: String, claims: Bool = true, reasons: Bool = true) -> GeoparseResult {
        let doc = Document(text)
        let found = MentionFinder(lookup: lookup).find(in: doc)
        return assemble(doc, toponyms: found.toponyms, demonyms: found.demonyms, claims: claims, reasons: reasons,
                        dropUnsupported: true)
    }

    /// Resolves the given spans (scalar offsets, end exclusive) as toponyms instead of finding them:
    /// the "oracle spans" evaluation, separating resolution from detection. Demonyms and claims are
    /// still found in the text (claims only when `claims` is true). Spans whose text has no
    /// candidate come back with `place == nil`. `reasons` as for `parse(_:claims:reasons:)`.
    public func resolve(_ text: String, spans: [Range<Int>], claims: Bool = true, reasons: Bool = true) -> GeoparseResult {
        let doc = Document(text)
        let found = MentionFinder(lookup: lookup).find(in: doc)
        let scalarCount = doc.scalars.count
        var given: [RawMention] = []
        for span in spans where span.lowerBound >= 0 && span.upperBound <= scalarCount && !span.isEmpty {
            let surface = doc.text(span.lowerBound, span.upperBound)
            let first = doc.tokenIndex(covering: span.lowerBound) ?? 0
            var last = first
            while last < doc.tokens.count, doc.tokens[last].start < span.upperBound { last += 1 }
            var m = found.toponyms.first { $0.start == span.lowerBound && $0.end == span.upperBound }
                ?? RawMention(kind: .toponym, first: first, last: max(last, first + 1), start: span.lowerBound,
                              end: span.upperBound, surface: surface, key: lookup.key(surface),
                              candidates: candidates(for: surface))
            m.start = span.lowerBound
            m.end = span.upperBound
            given.append(m)
        }
        return assemble(doc, toponyms: given, demonyms: found.demonyms, claims: claims, reasons: reasons)
    }

    /// Candidates for a surface string given from outside: abbreviation, demonym, name, or the name
    /// without a generic word ("Laurel County" → "Laurel").
    private func candidates(for surface: String) -> [PlaceRecord] {
        if let (country, name) = KnownNames.abbreviations[surface] {
            let places = lookup.places(matchingKey: lookup.key(name)).filter { $0.country == country }
            if !places.isEmpty { return places }
        }
        if let continent = KnownNames.continentsByName[surface.lowercased()] { return [continent] }
        let direct = lookup.places(matchingKey: lookup.key(surface))
        if !direct.isEmpty { return direct }
        if let nationality = KnownNames.demonyms[surface.lowercased()] {
            return lookup.places(matchingKey: lookup.key(nationality.countryName)).filter { $0.kind == .country }
        }
        let words = surface.split(separator: " ")
        if words.count > 1, Lexicon.genericPlaceWords.contains(words.last!.lowercased()) {
            return lookup.places(matchingKey: lookup.key(words.dropLast().joined(separator: " ")))
        }
        return []
    }

    private func assemble(_ doc: Document, toponyms: [RawMention], demonyms: [RawMention], claims findClaims: Bool,
                          reasons: Bool, dropUnsupported: Bool = false) -> GeoparseResult {
        let resolver = ContextResolver(candidatesAreDistinct: lookup.placesHaveDistinctIDs, explains: reasons)
        let choices = resolver.resolve(toponyms, demonyms: demonyms, doc: doc)
        var resolved: [Mention] = []
        for (m, choice) in zip(toponyms, choices) where !(dropUnsupported && choice.unsupported) {
            resolved.append(Mention(kind: .toponym, start: m.start, end: m.end, text: doc.text(m.start, m.end),
                                    sentence: sentence(doc, m), modifier: m.modifier, generic: m.generic,
                                    place: choice.place, score: choice.score, reasons: choice.reasons,
                                    candidateCount: choice.candidateCount))
        }
        let nationalities = demonyms.map { d in
            Mention(kind: .demonym, start: d.start, end: d.end, text: d.surface, sentence: sentence(doc, d),
                    place: d.candidates.first, score: d.candidates.isEmpty ? 0 : 1,
                    reasons: reasons ? d.countryCode.map { ["nationality word for \($0)"] } ?? [] : [],
                    candidateCount: d.candidates.count)
        }
        var claims: [Claim] = []
        if findClaims {
            claims = ClaimExtractor(tokens: doc.tokens, scalars: doc.scalars, sentenceOf: doc.sentenceOf).allClaims()
            link(&claims, toponyms: resolved, demonyms: nationalities)
        }
        let sentences = doc.sentences.map { doc.tokens[$0.lowerBound].start..<doc.tokens[$0.upperBound - 1].end }
        return GeoparseResult(toponyms: resolved.sorted { $0.start < $1.start }, demonyms: nationalities,
                              claims: claims, sentences: sentences)
    }

    private func sentence(_ doc: Document, _ m: RawMention) -> Int {
        doc.tokens.isEmpty ? 0 : doc.sentenceOf[min(m.first, doc.tokens.count - 1)]
    }

    /// Attaches to each claim's subject the place named inside it: a toponym, else a demonym's
    /// country ("the Russian border"), else for "its territory"/"the country" the last country
    /// mentioned before the claim.
    /// "its territory", "the country", "территории страны", "території країни".
    static func standsForTheCountry(_ subject: String) -> Bool {
        subject.hasPrefix("its") || subject.hasPrefix("the country") || subject.hasSuffix("страны") || subject.hasSuffix("країни")
    }

    private func link(_ claims: inout [Claim], toponyms: [Mention], demonyms: [Mention]) {
        for i in claims.indices {
            guard let subject = claims[i].subject else { continue }
            if let m = toponyms.first(where: { $0.start >= subject.start && $0.end <= subject.end && $0.place != nil }) {
                claims[i].subject?.place = m.place
            } else if let d = demonyms.first(where: { $0.start >= subject.start && $0.end <= subject.end }) {
                claims[i].subject?.place = d.place
            } else if Self.standsForTheCountry(subject.text.lowercased()) {
                let claimStart = claims[i].start
                claims[i].subject?.place = toponyms.last { $0.end <= claimStart && $0.place?.kind == .country }?.place
            }
        }
    }
}
