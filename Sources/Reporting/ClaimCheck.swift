import Foundation
import BorderAnalysis
import GeoJSON
import Geodesy
import Geoparser

/// A claim from the text with what geometry says about it.
struct ClaimCheck: Sendable {
    /// The outcome, in words a reader can act on.
    enum Verdict: String, Sendable {
        /// The measurement agrees with the claim within the stated tolerance.
        case consistent
        /// The measurement contradicts the claim beyond the tolerance.
        case inconsistent
        /// The claim is put in context (e.g. an area as a share of the country) but cannot be checked.
        case context
        /// Nothing in the text or data allows a check (no place, no polygon, no country).
        case unverifiable
    }

    var found: FoundClaim
    var verdict: Verdict
    /// One sentence: what was measured, against what, and the outcome.
    var finding: String
    var pair: BorderPair?
    /// The country whose side of `pair` the claim is about (for distance bands).
    var side: String?
    var measuredMetres: Double?
    var toleranceMetres: Double?
    /// Lines from each checked place to its foot on the border.
    var lines: [Feature] = []
    var method: MeasurementMethod?
    /// Set when the check itself failed (data problem), for the run's warnings.
    var warning: String?
    /// For a depth claim: how the places it was checked against were chosen (`DepthAttribution`).
    var attribution: DepthAttribution?
    /// For a depth claim: the places it was checked against, with their depth.
    var checkedPlaces: [DepthNote] = []
    /// For a depth claim: places in the same country named elsewhere in the text, reported for
    /// context only; they never change the verdict.
    var contextPlaces: [DepthNote] = []

    /// The claim as a feature: at the deepest/checked place when there is one, else without geometry.
    func feature(at position: Position?) -> Feature {
        let c = found.claim
        let text = c.oneLineText
        var p: JSONObject = [
            "kind": "claim", "claim_kind": .string(c.kind.rawValue), "name": .string(text), "text": .string(text),
            "qualifier": .string(c.qualifier.rawValue), "sentence": .string(found.sentence),
            "start": .integer(Int64(c.start)), "end": .integer(Int64(c.end)),
            "verdict": .string(verdict.rawValue), "finding": .string(finding),
        ]
        if let v = c.value {
            switch c.kind {
            case .distance:
                p["value_m"] = .number(v)
                if let low = c.lowerValue { p["lower_value_m"] = .number(low) }
            case .area:
                p["value_km2"] = .number(v / 1e6)
                if let low = c.lowerValue { p["lower_value_km2"] = .number(low / 1e6) }
            case .fraction: p["value_fraction"] = .number(v)
            case .date: break
            }
        }
        if let d = c.date { p["date"] = .string(d) }
        if let s = c.subject { p["subject"] = .string("\(s.relation) \(s.text)") }
        if let m = measuredMetres { p["measured_m"] = .number((m * 10).rounded() / 10) }
        if let t = toleranceMetres { p["tolerance_m"] = .number(t.rounded()) }
        if let pair { p["border"] = .string(pair.description) }
        if let method { p["method"] = method.json }
        if let attribution {
            p["attribution"] = .string(attribution.rawValue)
            p["places_checked"] = .array(checkedPlaces.map { $0.json })
            p["context_places"] = .array(contextPlaces.map { $0.json })
        }
        if found.document != found.claim.text { p["document"] = .string(found.document) }
        return Feature(geometry: position.map { .point($0) }, properties: p)
    }
}

/// Checks the distance, area and share claims of a text against the border network.
///
/// Rules, stated so a reader can audit them:
/// - A distance "from/of/to the border" (frontier, boundary, crossing, Line of Control), or "from
///   <country>", is checked against the populated places the same sentence names just before it (a
///   list joined by "and" or commas counts as one group), measured to the borders of the country the
///   phrase names; else to the border with the neighbour the text names (in the claim's sentence,
///   else the one the document names most often), else to the nearest border.
/// - A distance "into <country>" (or "inside" it, or into one of its regions) — or any distance in a
///   sentence about an advance, depth or incursion once such a country is known — is checked as an
///   incursion depth, against the populated places of that country the claim is about: those named
///   in the claim's own sentence or, when it names none, in the sentences just before and after it
///   in the same paragraph (`DepthAttribution`), leaving out strike targets and the places where
///   speakers are ("the ministry in Yerevan said"). Depth is measured from the border with the
///   neighbour the claim's sentence names, else the one nearest to those places. Places more than
///   max(2 × claim, claim + 50 km) deep are named for other reasons (a capital standing for its
///   government) and are left out. Places of that country named elsewhere in the text are reported
///   as context ("L, named elsewhere in the report, lies 47 km inside") and never make the claim
///   inconsistent: a town evacuated far behind the front says nothing about how far troops went.
///   With no place about the claim, its verdict is `context` (places elsewhere) or `unverifiable`.
/// - Tolerance: "about"/exact figures agree within max(20 %, 1 km) plus the border data's accuracy;
///   "up to"/"within" need measured ≤ claimed + accuracy; "at least"/"more than" measured ≥ claimed − accuracy.
///   A place deeper than an "about"/exact depth by more than that tolerance contradicts it.
/// - A share is checked within 20 % of it or half a unit of its last digit, whichever is larger.
/// - Areas are put in context as a share of the country named or in play; fractions and dates are listed.
struct ClaimChecker {
    let network: BorderNetwork
    let places: [LocatedPlace]
    private var depthCountry: [String: String] = [:]   // document → country of the last depth claim

    /// The areas claimed in each sentence ("document#sentence" → m²), for share claims to be checked against.
    private let areasBySentence: [String: [Double]]
    /// The country a share claim of each sentence is of ("… sq km, a third of Ukraine"), for its area claims.
    private let shareCountryBySentence: [String: String]

    /// - Parameter claims: all the claims that will be checked, so that a share ("a tenth of the
    ///   country's territory") can be checked against an area claimed in its sentence.
    init(network: BorderNetwork, places: [LocatedPlace], claims: [FoundClaim] = []) {
        self.network = network
        self.places = places
        var areas: [String: [Double]] = [:]
        var shares: [String: String] = [:]
        for f in claims {
            let sentence = "\(f.document)#\(f.claim.sentence)"
            if f.claim.kind == .area, let v = f.claim.value { areas[sentence, default: []].append(v) }
            if f.claim.kind == .fraction, let place = f.claim.subject?.place, place.kind == .country, let code = place.country {
                shares[sentence] = shares[sentence] ?? code
            }
        }
        areasBySentence = areas
        shareCountryBySentence = shares
    }

    private static let borderWords = ["border", "frontier", "boundary", "crossing", "line of control", "границ", "кордон", "рубеж"]
    private static let advanceWords = [
        "advance", "advanced", "incursion", "depth", "deep", "penetrat", "pushed", "into",
        "продвину", "продвига", "просуну", "просува", "вглубь", "вглиб", "углиб", "вклини",
    ]

    mutating func check(_ found: FoundClaim) -> ClaimCheck {
        let c = found.claim
        switch c.kind {
        case .distance:
            guard let v = c.value else { return unverifiable(found, "the distance has no value") }
            let subject = c.subject?.text.lowercased() ?? ""
            let sentence = found.sentence.lowercased()
            if Self.borderWords.contains(where: subject.contains) || Self.isLineOfControl(found)
                || (c.subject == nil && Self.borderWords.contains(where: { sentence.contains("the \($0)") })) {
                return checkBorderDistance(found, metres: v)
            }
            // "about five km from Azerbaijan": from the border of the country named.
            if let s = c.subject, let place = s.place, place.kind == .country, ["from", "of", "to", "off"].contains(s.relation) {
                return checkBorderDistance(found, metres: v)
            }
            if let country = depthSubject(found) {
                depthCountry[found.document] = country
                return checkDepth(found, metres: v, into: country)
            }
            return unverifiable(found, "no border, country or place the distance refers to could be identified")
        case .area:
            guard let v = c.value else { return unverifiable(found, "the area has no value") }
            return contextArea(found, squareMetres: v)
        case .fraction:
            guard let v = c.value else { return unverifiable(found, "the share has no value") }
            return checkShare(found, fraction: v)
        case .date:
            return ClaimCheck(found: found, verdict: .context, finding: "Date mentioned: \(c.date ?? c.text).")
        }
    }

    /// The country a depth claim is about: "into Russia", else the country of an earlier depth claim
    /// in the same document when the sentence speaks of an advance.
    private func depthSubject(_ found: FoundClaim) -> String? {
        let c = found.claim
        // "into Russia", and "into the Kursk region": a region's country.
        if let s = c.subject, let place = s.place, place.kind == .country || place.kind == .region, let code = place.country,
           ["into", "inside", "in", "within"].contains(s.relation) {
            return code
        }
        let sentence = found.sentence.lowercased()
        if c.dimension == "deep" || Self.advanceWords.contains(where: sentence.contains) {
            return depthCountry[found.document]
        }
        return nil
    }

    /// "8 km from the Line of Control", "from the LoC": the line dividing Kashmir, which the border
    /// data carries as the India–Pakistan border.
    private static func isLineOfControl(_ found: FoundClaim) -> Bool {
        guard let s = found.claim.subject else { return false }
        let words = s.text.split(separator: " ")
        if words.contains("LoC") || words.contains("LOC") { return true }
        return found.scalars.text(found.claim.end..<found.claim.end + 40).lowercased().contains("line of control")
    }

    // MARK: distance from the border

    private func checkBorderDistance(_ found: FoundClaim, metres claimed: Double) -> ClaimCheck {
        let targets = placesBefore(found)
        guard !targets.isEmpty else {
            if let area = areaBefore(found) {
                return unverifiable(found, "the distance follows \(area.record.name) (\(area.record.kind.rawValue)), an area rather "
                    + "than a point, and the sentence names no populated place before it")
            }
            return unverifiable(found, "the sentence names no populated place before the distance")
        }
        var options = ProximityOptions()
        var neighbourName: String?
        if let s = found.claim.subject?.place, s.kind == .country, let code = s.country, network.countries[code] != nil {
            options.country = code
        } else if let code = borderWith(found), network.countries[code] != nil {
            // "3 km from the border with Gaza", "в 12 км от границы с Украиной".
            options.country = code
        } else if let own = targets.first?.proximity?.country, let other = namedNeighbour(of: own, for: found),
                  let pair = try? BorderPair(own, other), network.borders[pair] != nil {
            // "the border", unqualified, in a report about Guyana and Venezuela: the border with the
            // neighbour the text names, not whichever border is nearest (Suriname's).
            options.border = pair
            neighbourName = network.countries[other]?.name ?? other
        }
        var measured: [(LocatedPlace, Proximity)] = []
        for t in targets {
            do { measured.append((t, try network.proximity(of: t.record.location, options: options))) } catch {
                return unverifiable(found, "could not measure \(t.record.name): \(error)", warning: true)
            }
        }
        // A town is measured only to a border of its own country: Rafah in Gaza is not checked
        // against the Egypt–Israel border because the data has no Egypt–Gaza line.
        if let (place, p) = measured.first(where: { m in m.1.country.map { !m.1.border.involves($0) } ?? false }), let own = p.country {
            return unverifiable(found, "\(place.record.name) lies in \(network.countries[own]?.name ?? own), and the border data has "
                + "no border of it with \(options.country.flatMap { network.countries[$0]?.name } ?? "the country meant")")
        }
        let used = measured.compactMap { network.borders[$0.1.border] }
        let method = network.method(for: used)
        let accuracy = method.accuracyMetres ?? 500
        let tol = tolerance(for: found.claim, claimed: claimed, accuracy: accuracy)
        let agree = measured.allSatisfy { agrees($0.1.metres, claimed: claimed, claim: found.claim, tolerance: tol, accuracy: accuracy) }
        let parts = measured.map { "\($0.0.record.name) lies \(Format.km($0.1.metres)) from the \(network.pairName($0.1.border)) border" }
        let chosen = neighbourName.map { " (the border with \($0), the neighbour the text names)" } ?? ""
        let finding = Format.sentence(parts) + chosen + "; the text says \(found.claim.oneLineText): "
            + (agree ? "consistent" : "inconsistent") + " (\(Format.toleranceText(found.claim.qualifier, tol: tol, accuracy: accuracy)))."
        var check = ClaimCheck(found: found, verdict: agree ? .consistent : .inconsistent, finding: finding,
                               pair: measured.first?.1.border, side: measured.first?.1.country,
                               measuredMetres: measured.map(\.1.metres).max(), toleranceMetres: tol, method: method)
        check.lines = measured.map { link(from: $0.0.record, to: $0.1.borderPoint, metres: $0.1.metres, pair: $0.1.border) }
        return check
    }

    /// The country of the place named right after the claim as "with X" ("from the border with
    /// Lebanon", "от границы с Украиной", "від кордону з Росією"), if any.
    private func borderWith(_ found: FoundClaim) -> String? {
        let c = found.claim
        let from = c.subject.map { max($0.end, c.end) } ?? c.end
        var best: (start: Int, code: String)?
        for p in places where p.record.kind <= .region {
            guard let code = p.record.country else { continue }
            for m in p.mentions where m.document == found.document && m.mention.sentence == c.sentence
                && m.mention.start >= from && m.mention.start - from <= 30 {
                let words = found.scalars.text(from..<m.mention.start).lowercased().split(whereSeparator: { $0.isWhitespace })
                guard let last = words.last.map(String.init), ["with", "с", "со", "з", "із", "зі"].contains(last) || words.suffix(2).joined(separator: " ") == "with the"
                else { continue }
                if best.map({ m.mention.start < $0.start }) ?? true { best = (m.mention.start, code) }
            }
        }
        return best?.code
    }

    /// The neighbour of `own` that the text names nearest the claim: a country (not `own`) named
    /// in the claim's sentence, else in its paragraph, else anywhere in the document, that shares a
    /// border with `own` in the data; nil when the text names none.
    private func namedNeighbour(of own: String, for found: FoundClaim) -> String? {
        var best: (rank: Int, distance: Int, code: String)?
        for p in places where p.record.kind == .country {
            guard let code = p.record.country, code != own, let pair = try? BorderPair(own, code), network.borders[pair] != nil
            else { continue }
            let inDocument = p.mentions.filter { $0.document == found.document }
            for m in inDocument {
                // Beyond the claim's sentence, the country the document names most often, then the
                // one named nearest the claim.
                let rank = m.mention.sentence == found.claim.sentence ? 0 : found.sharesParagraph(m.mention.sentence) ? 1 : 2
                let distance = rank == 0 ? abs(m.mention.start - found.claim.start)
                    : -inDocument.count * 1_000_000 + abs(m.mention.start - found.claim.start)
                if best.map({ (rank, distance) < ($0.rank, $0.distance) }) ?? true { best = (rank, distance, code) }
            }
        }
        return best?.code
    }

    /// The populated places the sentence names just before the claim: the nearest one and any
    /// joined to it by "and" or commas; if nothing at all precedes it, the first that follows. A region
    /// or country named before the claim ("moved to the Gomel region, about 30 km from the frontier")
    /// is what the distance describes, so a place further on is not taken instead.
    private func placesBefore(_ found: FoundClaim) -> [LocatedPlace] {
        let c = found.claim
        var inSentence: [(LocatedPlace, Mention)] = []
        for p in places where p.record.kind == .place && p.proximity != nil {
            for m in p.mentions where m.document == found.document && m.mention.sentence == c.sentence {
                inSentence.append((p, m.mention))
            }
        }
        inSentence.sort { $0.1.start < $1.1.start }
        let before = inSentence.filter { $0.1.end <= c.start }
        guard var last = before.last else {
            guard areaBefore(found) == nil else { return [] }
            return inSentence.first(where: { $0.1.start >= c.end }).map { [$0.0] } ?? []
        }

        var group = [last.0]
        let text = found.scalars
        for candidate in before.dropLast().reversed() {
            let gap = candidate.1.end <= last.1.start ? text.text(candidate.1.end..<last.1.start) : ""
            let joiner = gap.trimmingCharacters(in: .whitespaces).lowercased()
            guard ["and", ",", ", and", "or", "&"].contains(joiner) else { break }
            group.insert(candidate.0, at: 0)
            last = candidate
        }
        var seen = Set<String>()
        return group.filter { seen.insert($0.record.id).inserted }
    }

    /// The region or country named last before the claim in its sentence, if any.
    private func areaBefore(_ found: FoundClaim) -> LocatedPlace? {
        let c = found.claim
        return places.filter { $0.record.kind != .place }
            .compactMap { p -> (LocatedPlace, Int)? in
                let ends = p.mentions.filter { $0.document == found.document && $0.mention.sentence == c.sentence && $0.mention.end <= c.start }
                    .map(\.mention.end)
                return ends.max().map { (p, $0) }
            }
            .max { $0.1 < $1.1 }?.0
    }

    // MARK: incursion depth

    private func checkDepth(_ found: FoundClaim, metres claimed: Double, into: String) -> ClaimCheck {
        let name = network.countries[into]?.name ?? into
        let reach = max(2 * claimed, claimed + 50_000)
        let plausible = places.filter { $0.record.kind == .place && $0.proximity?.country == into
            && ($0.proximity?.metres ?? .infinity) <= reach
            && $0.mentions.contains { $0.document == found.document } }
        guard !plausible.isEmpty else {
            return unverifiable(found, "the text names no populated place inside \(name) to measure the depth at")
        }
        let (attribution, about) = DepthAttribution.places(of: found, among: plausible)
        let elsewhere = plausible.filter { p in !about.contains { $0.record.id == p.record.id } }
        // The neighbour: the other side of the border nearest to most of the places the claim is about
        // (or, with none, to the places named elsewhere).
        var votes: [String: Int] = [:]
        for p in about.isEmpty ? elsewhere : about {
            if let pair = p.proximity?.border, let other = pair.other(than: into) { votes[other, default: 0] += 1 }
        }
        // A neighbour the claim's sentence names ("Russian forces … 40 km into Ukraine") is the side
        // the advance came from, whatever border the towns lie nearest.
        let named = places.first { p in
            p.record.kind == .country && p.record.country != into
                && p.mentions.contains { $0.document == found.document && $0.mention.sentence == found.claim.sentence }
                && (try? BorderPair(into, p.record.country ?? "")).map { network.borders[$0] != nil } == true
        }?.record.country
        guard let from = named ?? votes.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else {
            return unverifiable(found, "no border of \(name) is near the places named")
        }
        let labelled = (about + elsewhere).map { LabeledPosition(label: $0.record.name, position: $0.record.location) }
        let depth: IncursionDepth
        do { depth = try network.depth(into: into, from: from, places: labelled, claimMetres: claimed) } catch {
            return unverifiable(found, "depth into \(into) from \(from): \(error)", warning: true)
        }
        let accuracy = depth.method.accuracyMetres ?? 500
        let tol = tolerance(for: found.claim, claimed: claimed, accuracy: accuracy)
        // A place deeper than claimed by more than the tolerance contradicts the claim: "some 12
        // miles" (19.3 km) agrees with a town reached at 20.3 km; an upper bound ("up to") allows
        // only the data's accuracy.
        let limit = [.atMost, .atLeast, .range].contains(found.claim.qualifier) ? claimed + accuracy : claimed + tol
        let notes = depth.places.map { DepthNote(depth: $0, deeperThan: limit) }
        let checked = notes.prefix(about.count).filter(\.inside)
        let context = notes.dropFirst(about.count).filter(\.inside).sorted { $0.metres > $1.metres }
        let border = "the \(network.pairName(depth.pair)) border"
        let claimText = "\(found.claim.oneLineText) into \(name)"

        var finding: String
        let verdict: ClaimCheck.Verdict
        if checked.isEmpty {
            finding = "Not checked: \(attribution.reason(country: name)). "
            verdict = context.isEmpty ? .unverifiable : .context
        } else {
            let list = Format.sentence(checked.map { "\($0.name) (\(Format.km($0.metres)))" })
            finding = "Claimed depth \(claimText), checked against the place\(checked.count == 1 ? "" : "s") \(attribution.phrase): "
                + "\(list) from \(border)"
            let beyond = checked.filter(\.deeperThanClaim)
            let deepest = checked.max { $0.metres < $1.metres }!
            if !beyond.isEmpty {
                verdict = .inconsistent
                finding += "; \(Format.sentence(beyond.map(\.name))) \(beyond.count == 1 ? "lies" : "lie") deeper than claimed: inconsistent"
            } else {
                verdict = .consistent
                if found.claim.qualifier == .atMost || found.claim.qualifier == .range {
                    finding += "; none lies deeper than the claimed maximum: consistent"
                } else if deepest.metres >= claimed - tol {
                    finding += "; the deepest, \(deepest.name), is as deep as claimed: consistent"
                } else {
                    finding += "; none lies deeper than claimed and none reaches that depth: consistent, "
                        + "though the places named do not show the full depth"
                }
            }
            finding += " (\(Format.toleranceText(found.claim.qualifier, tol: tol, accuracy: accuracy))). "
        }
        finding += contextSentence(context, country: name, border: border)
        var check = ClaimCheck(found: found, verdict: verdict, finding: finding.trimmingCharacters(in: .whitespaces),
                               pair: depth.pair, side: into,
                               measuredMetres: checked.map(\.metres).max(), toleranceMetres: checked.isEmpty ? nil : tol,
                               method: depth.method)
        check.attribution = attribution
        check.checkedPlaces = checked
        check.contextPlaces = context
        // Deepest first: the claim's point on the map stands at the deepest place checked.
        check.lines = depth.places.prefix(about.count).filter(\.insideInto).sorted { $0.metres > $1.metres }
            .map { pd in link(name: pd.place.label, from: pd.place.position, to: pd.borderFoot, metres: pd.metres, pair: depth.pair) }
        return check
    }

    /// "For context: L, named elsewhere in the report, lies 46.7 km inside Russia, deeper than the
    /// claim, but the text does not tie it to the claim; A (9.4 km) and B (20.0 km), also named
    /// elsewhere, lie within it." Empty without context places.
    private func contextSentence(_ context: [DepthNote], country: String, border: String) -> String {
        guard !context.isEmpty else { return "" }
        let deeper = context.filter(\.deeperThanClaim), within = context.filter { !$0.deeperThanClaim }
        var parts: [String] = []
        if let only = deeper.first, deeper.count == 1 {
            parts.append("\(only.name), named elsewhere in the text or as a strike target, lies \(Format.km(only.metres)) inside \(country) (from \(border)), "
                + "deeper than the claim, but the text does not tie it to the claim, so it does not contradict it")
        } else if !deeper.isEmpty {
            parts.append("\(Format.sentence(deeper.map { "\($0.name) (\(Format.km($0.metres)))" })), named elsewhere in the text or as strike targets, "
                + "lie that far inside \(country) (from \(border)), deeper than the claim, but the text does not tie them to the claim, "
                + "so they do not contradict it")
        }
        if !within.isEmpty {
            parts.append("\(Format.sentence(within.map { "\($0.name) (\(Format.km($0.metres)))" })), "
                + "\(deeper.isEmpty ? "named elsewhere in the text or as \(within.count == 1 ? "a strike target" : "strike targets")" : "also not tied to it"), "
                + "\(within.count == 1 ? "lies" : "lie") within the claimed depth")
        }
        return "For context: " + parts.joined(separator: "; ") + "."
    }

    // MARK: areas

    private func contextArea(_ found: FoundClaim, squareMetres: Double) -> ClaimCheck {
        let code = found.claim.subject?.place.flatMap { $0.kind == .country ? $0.country : nil }
            ?? shareCountryBySentence["\(found.document)#\(found.claim.sentence)"] ?? depthCountry[found.document]
        guard let code, let country = network.countries[code],
              let share = try? network.wholeTerritory(of: code), share.wholeSquareMetres > 0 else {
            return ClaimCheck(found: found, verdict: .unverifiable,
                              finding: "An area of \(Format.area(squareMetres)) is claimed; no mapped area or country was given to check it against.")
        }
        let pct = squareMetres / share.wholeSquareMetres * 100
        return ClaimCheck(found: found, verdict: .context,
                          finding: "\(Format.area(squareMetres)) would be \(Format.percent(pct)) of \(country.name) (\(Format.area(share.wholeSquareMetres)), geodesic area of the \(share.method.countrySource) outline); the text gives no outline to check the area itself.",
                          side: code, method: share.method)
    }

    /// A share of a country ("a tenth of the country's territory", "20 % of Ukraine"): checked
    /// against an area claimed in the same sentence ("some 1,200 sq km …, a tenth of …") as that
    /// area over the country's geodesic area, within 20 % of the share or half a unit of its last
    /// digit, whichever is larger; with no such
    /// area, put in context as the area the share would be.
    private func checkShare(_ found: FoundClaim, fraction claimed: Double) -> ClaimCheck {
        guard let place = found.claim.subject?.place, place.kind == .country, let code = place.country,
              let country = network.countries[code],
              let whole = try? network.wholeTerritory(of: code), whole.wholeSquareMetres > 0 else {
            return ClaimCheck(found: found, verdict: .unverifiable,
                              finding: "A share of a territory can only be checked against a mapped area; no country was named for it.")
        }
        let total = whole.wholeSquareMetres
        let shareText = Format.percent(claimed * 100)
        guard let area = areasBySentence["\(found.document)#\(found.claim.sentence)"]?.first else {
            return ClaimCheck(found: found, verdict: .context,
                              finding: "\(shareText) of \(country.name) would be \(Format.area(claimed * total)) of its \(Format.area(total)) (geodesic area of the \(whole.method.countrySource) outline); the text gives no area or outline to check it against.",
                              side: code, method: whole.method)
        }
        let implied = area / total
        // 20 % of the share, or half a unit of the last digit given ("about 2 %" is 1.5–2.5 %,
        // "2.5 %" is not 1.5 %); a word fraction ("a tenth") has no digits to round.
        let stated = found.claim.unit == "percent" ? found.claim.statedValue : nil
        let rounding = stated.map { $0 == $0.rounded() ? 0.005 : 0.0005 } ?? 0
        let tolerance = max(0.2 * claimed, rounding)
        let agrees = abs(implied - claimed) <= tolerance
        return ClaimCheck(found: found, verdict: agrees ? .consistent : .inconsistent,
                          finding: "The \(Format.area(area)) claimed in the same sentence is \(Format.percent(implied * 100)) of \(country.name) (\(Format.area(total)), geodesic area of the \(whole.method.countrySource) outline): \(agrees ? "consistent with" : "not") \(shareText)\(agrees ? "" : " (tolerance ±\(String(format: "%.1f", tolerance * 100)) percentage points)").",
                          side: code, method: whole.method)
    }

    // MARK: helpers

    private func tolerance(for claim: Claim, claimed: Double, accuracy: Double) -> Double {
        switch claim.qualifier {
        case .exact, .approximately: max(0.2 * claimed, 1_000) + accuracy
        case .atMost, .atLeast, .range: accuracy
        }
    }

    private func agrees(_ measured: Double, claimed: Double, claim: Claim, tolerance: Double, accuracy: Double) -> Bool {
        switch claim.qualifier {
        case .exact, .approximately: abs(measured - claimed) <= tolerance
        case .atMost: measured <= claimed + accuracy
        case .atLeast: measured >= claimed - accuracy
        case .range: measured <= claimed + accuracy && measured >= (claim.lowerValue ?? 0) - accuracy
        }
    }

    private func unverifiable(_ found: FoundClaim, _ why: String, warning: Bool = false) -> ClaimCheck {
        ClaimCheck(found: found, verdict: .unverifiable, finding: "Not checked: \(why).",
                   warning: warning ? "claim \"\(found.claim.oneLineText)\": \(why)" : nil)
    }

    private func link(from place: PlaceRecord, to foot: Position, metres: Double, pair: BorderPair) -> Feature {
        link(name: place.name, from: place.location, to: foot, metres: metres, pair: pair)
    }

    private func link(name: String, from a: Position, to foot: Position, metres: Double, pair: BorderPair) -> Feature {
        let line = (try? Ellipsoid.wgs84.densify(from: a, to: foot, spacing: 1_000)) ?? [a, foot]
        return Feature(geometry: .lineString(line.count >= 2 ? line : [a, foot]),
                       properties: ["kind": "depth_line", "name": .string(name), "border": .string(pair.description),
                                    "border_distance_m": .number((metres * 10).rounded() / 10),
                                    "label": .string(Format.km(metres))])
    }
}

extension BorderNetwork {
    /// "Russia–Ukraine" for RU-UA, from the country names in the data.
    func pairName(_ pair: BorderPair) -> String {
        let a = countries[pair.first]?.name ?? pair.first, b = countries[pair.second]?.name ?? pair.second
        return "\(a)–\(b)"
    }
}

extension Claim {
    /// The claim's text with line breaks and runs of spaces folded to single spaces.
    var oneLineText: String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}
