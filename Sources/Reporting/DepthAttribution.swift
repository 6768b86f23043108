import BorderAnalysis
import GeoJSON

/// Which named places a depth claim ("advanced 35 km into Russia") is about, and how they were
/// chosen. An analyst reads a depth claim against the places written next to it; a town named three
/// paragraphs later because it was evacuated is not where the troops stood.
///
/// The rule, in order: the populated places of the claimed country named in the claim's own
/// sentence; if there are none, those named in the sentence just before or just after it, when that
/// sentence is in the same paragraph; otherwise none (the claim cannot be tied to a place).
enum DepthAttribution: String, Sendable {
    /// Places named in the claim's own sentence.
    case sentence = "named in the claim's sentence"
    /// Places named in the sentence before or after the claim's, in the same paragraph.
    case neighbouringSentences = "named in the sentence before or after the claim, same paragraph"
    /// No place of the country is named near the claim.
    case none = "no place named with the claim"

    /// How the finding introduces the places checked: "named in its sentence".
    var phrase: String {
        switch self {
        case .sentence: "named in its sentence"
        case .neighbouringSentences: "named in the sentence next to it in the same paragraph"
        case .none: "named with it"
        }
    }

    /// Why nothing was checked, for a finding.
    func reason(country: String) -> String {
        "neither the claim's sentence nor the sentences next to it in its paragraph name a populated place in \(country)"
    }

    /// The places of `candidates` (populated places of the claimed country, in the claim's
    /// document) that the claim is about, in text order, with how they were chosen.
    /// O(total mentions of the candidates).
    static func places(of found: FoundClaim, among candidates: [LocatedPlace]) -> (DepthAttribution, [LocatedPlace]) {
        let own = mentioned(in: [found.claim.sentence], of: found, among: candidates)
        if !own.isEmpty { return (.sentence, own) }
        let next = [found.claim.sentence - 1, found.claim.sentence + 1].filter(found.sharesParagraph)
        let near = mentioned(in: Set(next), of: found, among: candidates)
        return near.isEmpty ? (.none, []) : (.neighbouringSentences, near)
    }

    /// Candidates with a mention in one of `sentences` of the claim's document, ordered by first such
    /// mention. A mention written as the target of a strike ("after strikes on Nabatieh and Tyre",
    /// "shelled Belgorod") does not count: where shells land says nothing of where troops stand.
    private static func mentioned(in sentences: Set<Int>, of found: FoundClaim, among candidates: [LocatedPlace]) -> [LocatedPlace] {
        candidates.compactMap { p -> (LocatedPlace, Int)? in
            let starts = p.mentions.filter { $0.document == found.document && sentences.contains($0.mention.sentence) }
                .filter { !isStrikeTarget(at: $0.mention.start, in: found.scalars)
                    && !isWhereSpeakersAre(start: $0.mention.start, end: $0.mention.end, in: found.scalars) }
                .map(\.mention.start)
            return starts.min().map { (p, $0) }
        }
        .sorted { $0.1 < $1.1 }
        .map(\.0)
    }
}

extension DepthAttribution {
    /// True when the place name at `start..<end` says where the speakers are, not where troops
    /// stand: "the defence ministry in Yerevan said", "officials in Kyiv", "a claim dismissed in
    /// Kyiv", "Moscow said". Read from the words just before and after the name.
    static func isWhereSpeakersAre(start: Int, end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        func words(_ range: Range<Int>) -> [String] {
            scalars.text(range).lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        }
        let before = words(max(0, start - 40)..<start).suffix(2)
        // "Moscow said", not "near Nakura, sources said": the verb right after the name, no comma between.
        var next = end
        while next < scalars.count, scalars[next] == " " { next += 1 }
        if next < scalars.count, scalars[next].properties.isAlphabetic,
           let verb = words(next..<min(scalars.count, next + 25)).first, speakingVerbs.contains(verb) { return true }
        guard before.last == "in" || before.last == "в" || before.last == "у" else { return false }
        return before.count == 2 && (speakerNouns.contains(before.first!) || speakingVerbs.contains(before.first!))
    }

    /// Verbs of saying, denying and dismissing, in the past and present.
    static let speakingVerbs: Set<String> = [
        "said", "says", "say", "claimed", "claims", "denied", "denies", "dismissed", "dismisses", "announced",
        "announces", "reported", "reports", "told", "stated", "confirmed", "insisted", "заявил", "заявили",
        "сообщил", "сообщили", "заявив", "заявили", "повідомив", "повідомили",
    ]
    /// Nouns of speakers before "in": "officials in Kyiv", "the ministry in Yerevan".
    static let speakerNouns: Set<String> = [
        "officials", "official", "ministry", "government", "authorities", "spokesman", "spokeswoman",
        "spokesperson", "command", "sources", "leaders", "diplomats", "headquarters", "office", "parliament",
    ]

    /// Verbs whose object is a place struck from afar.
    static let strikeVerbs: Set<String> = [
        "shelled", "shelling", "bombed", "bombing", "bombarded", "hit", "hits", "struck", "strikes", "targeted",
        "targeting", "pounded", "pounding", "attacked", "attacking", "raided",
    ]
    /// Nouns of a strike, before "on", "at", "of" or "against" and the place.
    static let strikeNouns: Set<String> = [
        "strike", "strikes", "airstrike", "airstrikes", "air", "raid", "raids", "attack", "attacks", "shelling",
        "bombing", "bombardment", "rockets", "rocket", "missiles", "missile", "drones", "drone", "fire", "shells",
    ]

    /// True when the place name starting at scalar `start` is the object of a strike in its
    /// sentence: the nearest word before it, passing over other names, commas and "and"/"or"/"the",
    /// is a strike verb ("shelled Belgorod"), or "on"/"at"/"of"/"against" after a strike noun
    /// ("strikes on Nabatieh and Tyre"). Looks back at most 80 scalars, not past a sentence end.
    static func isStrikeTarget(at start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard start > 0, start <= scalars.count else { return false }
        var words: [String] = []
        var current = ""
        var k = start - 1
        let limit = max(0, start - 80)
        while k >= limit {
            let c = scalars[k]
            if c == "." || c == "!" || c == "?" || c == ";" { break }
            if c.properties.isAlphabetic || c == "'" || c == "’" {
                current.unicodeScalars.insert(c, at: current.unicodeScalars.startIndex)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
            k -= 1
        }
        // A word cut by the 80-scalar window is left out; one at a sentence's or the text's start is whole.
        if !current.isEmpty, k >= 0 && k >= limit || limit == 0 { words.append(current) }
        // `words` runs backwards from the name. Skip the other names of a list.
        var i = 0
        while i < words.count, words[i].first?.isUppercase == true || ["and", "or", "the"].contains(words[i]) { i += 1 }
        guard i < words.count else { return false }
        let word = words[i].lowercased()
        if strikeVerbs.contains(word) { return true }
        if ["on", "at", "of", "against"].contains(word), i + 1 < words.count { return strikeNouns.contains(words[i + 1].lowercased()) }
        return false
    }
}

/// One place's depth inside the claimed country, as reported with a depth claim.
struct DepthNote: Sendable, Hashable {
    var name: String
    /// Geodesic distance from the border, metres.
    var metres: Double
    /// Whether the place lies inside the claimed country by its outline.
    var inside: Bool
    /// Deeper than the claim plus the border data's accuracy.
    var deeperThanClaim: Bool

    init(depth: PlaceDepth, deeperThan limit: Double) {
        name = depth.place.label
        metres = depth.metres
        inside = depth.insideInto
        deeperThanClaim = depth.metres > limit
    }

    var json: JSONValue {
        .object(["name": .string(name), "depth_m": .number((metres * 10).rounded() / 10),
                 "deeper_than_claim": .bool(deeperThanClaim)])
    }
}
