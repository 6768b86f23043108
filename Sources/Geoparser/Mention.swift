/// A name in the text that refers to a place: a toponym ("Sudzha", "the Kursk region" → "Kursk") or a
/// demonym ("Ukrainian"), which is evidence for a country but not itself a toponym.
///
/// Offsets are in Unicode scalars, end exclusive. A plain value: thread-safe.
public struct Mention: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case toponym
        /// A nationality adjective or noun; `place` is the country it names.
        case demonym
    }

    public var kind: Kind
    public var start: Int
    public var end: Int
    /// The surface text, exactly `text[start..<end]` in scalars.
    public var text: String
    /// Index of the sentence the mention is in.
    public var sentence: Int
    /// A direction word before the name ("western", "northern"), lower-cased.
    public var modifier: String?
    /// The generic word next to the name ("region", "oblast", "county"), lower-cased, when there is one.
    public var generic: String?
    /// The chosen place; nil when no candidate was found (only possible for given spans).
    public var place: PlaceRecord?
    /// Confidence in the choice, 0…1: how far the chosen candidate's score stands above the next
    /// (1 when there was a single candidate and strong evidence).
    public var score: Double
    /// Why this candidate won, in plain words ("population 5,000", "Russia mentioned 3×", "42 km from Sudzha").
    public var reasons: [String]
    /// How many same-named candidates there were.
    public var candidateCount: Int

    public init(kind: Kind, start: Int, end: Int, text: String, sentence: Int, modifier: String? = nil,
                generic: String? = nil, place: PlaceRecord? = nil, score: Double = 0, reasons: [String] = [],
                candidateCount: Int = 0) {
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.sentence = sentence
        self.modifier = modifier
        self.generic = generic
        self.place = place
        self.score = score
        self.reasons = reasons
        self.candidateCount = candidateCount
    }
}

/// Everything the geoparser found in one text.
public struct GeoparseResult: Sendable, Hashable {
    /// Toponyms in text order, each resolved to a place.
    public var toponyms: [Mention]
    /// Demonyms in text order ("Ukrainian" → Ukraine), kept apart from toponyms.
    public var demonyms: [Mention]
    /// Distances, areas, fractions and dates in text order.
    public var claims: [Claim]
    /// Sentence spans (scalar offsets, end exclusive), in order; `Mention.sentence` and
    /// `Claim.sentence` index into this.
    public var sentences: [Range<Int>]

    public init(toponyms: [Mention], demonyms: [Mention], claims: [Claim], sentences: [Range<Int>]) {
        self.toponyms = toponyms
        self.demonyms = demonyms
        self.claims = claims
        self.sentences = sentences
    }
}
