import BorderAnalysis
import Foundation
import GeoJSON
import Geoparser

extension MapJob {
    /// Geoparses the documents, measures every populated place against the borders, checks the
    /// claims, and assembles the outputs.
    func runText(name: String, documents: [MapJobDocument]) throws(ReportingError) -> MapJobOutput {
        guard let geoparser else { throw ReportingError(input: name, message: "text input needs the gazetteer's geoparser") }
        var warnings: [String] = []
        var places: [String: LocatedPlace] = [:]
        var order: [String] = []
        var claimsFound: [FoundClaim] = []
        report(.geoparsing, 0, of: documents.count)
        for (i, doc) in documents.enumerated() {
            defer { report(.geoparsing, i + 1, of: documents.count) }
            let scalars = Array(doc.text.unicodeScalars)
            let result = geoparser.parse(doc.text)
            let paragraphs = result.paragraphIndices(in: scalars)
            for m in result.toponyms {
                guard let record = m.place else { continue }
                let sentence = result.sentenceText(m.sentence, in: scalars)
                if places[record.id] == nil {
                    places[record.id] = LocatedPlace(record: record, mentions: [], proximity: nil)
                    order.append(record.id)
                }
                places[record.id]!.mentions.append((doc.id, m, sentence))
            }
            for c in result.claims {
                claimsFound.append(FoundClaim(document: doc.id, claim: c, sentence: result.sentenceText(c.sentence, in: scalars),
                                              scalars: scalars, paragraphs: paragraphs))
            }
        }
        if order.isEmpty { warnings.append("\(name): no places found in the text") }

        // Populated places are measured against every border; countries and regions are not
        // (their representative point's distance to a border means nothing).
        let populated = order.filter { places[$0]!.record.kind == .place }
        report(.measuring, 0, of: populated.count)
        for (i, id) in populated.enumerated() {
            do { places[id]!.proximity = try network.proximity(of: places[id]!.record.location) } catch {
                warnings.append("\(name): \(places[id]!.record.name): \(error)")
            }
            report(.measuring, i + 1, of: populated.count)
        }
        let located = order.map { places[$0]! }
        var checker = ClaimChecker(network: network, places: located, claims: claimsFound)
        report(.checkingClaims, 0, of: claimsFound.count)
        let checks = claimsFound.enumerated().map { i, found in
            defer { report(.checkingClaims, i + 1, of: claimsFound.count) }
            return checker.check(found)
        }
        warnings += checks.compactMap(\.warning).map { "\(name): \($0)" }

        var pairs = Set(located.compactMap { $0.proximity?.border })
        pairs.formUnion(checks.compactMap(\.pair))
        pairs.formUnion(borderPairsBetweenCountries(located.filter { $0.record.kind == .country }.compactMap(\.record.country)))
        let placeFeatures = located.map { $0.feature(network: network) }
        let layers = try assembleLayers(name: name, findings: FeatureCollection(features: placeFeatures), findingsKind: .places,
                                        checks: checks, pairs: pairs, sides: sides(of: located, checks: checks),
                                        warnings: &warnings)
        let summary = SummaryWriter(network: network, title: title(for: name), source: name)
            .text(places: located, checks: checks, pairs: layers.pairs, bands: options.bandsMetres)
        return try outputs(layers: layers, findingsFile: "places.geojson", summary: summary, warnings: warnings,
                           measured: located.count)
    }

    /// Pairs among `codes` that share a land border in the data.
    func borderPairsBetweenCountries(_ codes: [String]) -> [BorderPair] {
        var out: [BorderPair] = []
        let unique = Array(Set(codes)).sorted()
        for (i, a) in unique.enumerated() {
            for b in unique[(i + 1)...] {
                if let pair = try? BorderPair(a, b), network.borders[pair] != nil { out.append(pair) }
            }
        }
        return out
    }

    /// For each border pair, the sides on which the text's places (or checked claims) lie.
    func sides(of places: [LocatedPlace], checks: [ClaimCheck]) -> [BorderPair: Set<String>] {
        var out: [BorderPair: Set<String>] = [:]
        for p in places {
            guard let prox = p.proximity, let c = prox.country, prox.border.involves(c) else { continue }
            out[prox.border, default: []].insert(c)
        }
        for c in checks {
            if let pair = c.pair, let side = c.side { out[pair, default: []].insert(side) }
        }
        return out
    }
}

/// A claim as found, with the document context needed to check it.
struct FoundClaim: Sendable {
    var document: String
    var claim: Claim
    var sentence: String
    /// The document's text as Unicode scalars (claim and mention offsets index into it).
    var scalars: [Unicode.Scalar]
    /// The paragraph of each sentence of the document (`GeoparseResult.paragraphIndices`).
    var paragraphs: [Int]

    /// Whether sentence `index` of the claim's document lies in the claim's paragraph.
    func sharesParagraph(_ index: Int) -> Bool {
        paragraphs.indices.contains(index) && paragraphs.indices.contains(claim.sentence)
            && paragraphs[index] == paragraphs[claim.sentence]
    }
}

extension GeoparseResult {
    /// The paragraph number (0, 1, …) of each sentence: a new paragraph starts after a blank line
    /// (two line breaks with only spaces or tabs between them) in the text between two sentences.
    /// O(length of the text).
    func paragraphIndices(in scalars: [Unicode.Scalar]) -> [Int] {
        var out: [Int] = []
        var paragraph = 0
        var previousEnd = 0
        for range in sentences {
            let gap = scalars[min(previousEnd, scalars.count)..<min(max(range.lowerBound, previousEnd), scalars.count)]
            var breaks = 0
            for s in gap {
                if s == "\n" { breaks += 1; if breaks == 2 { break } } else if s != " " && s != "\t" && s != "\r" { breaks = 0 }
            }
            if breaks >= 2, !out.isEmpty { paragraph += 1 }
            out.append(paragraph)
            previousEnd = range.upperBound
        }
        return out
    }
}
