import BorderAnalysis
import GeoJSON
import Geoparser

/// A place the text names, with every mention of it and, for populated places, its nearest border.
struct LocatedPlace: Sendable {
    var record: PlaceRecord
    var mentions: [(document: String, mention: Mention, sentence: String)]
    /// Nil for countries and regions: a representative point's distance to a border says nothing.
    var proximity: Proximity?

    var bestScore: Double { mentions.map(\.mention.score).max() ?? 0 }
    var reasons: [String] { mentions.max(by: { $0.mention.score < $1.mention.score })?.mention.reasons ?? [] }

    /// The place as a GeoJSON point feature with its mentions and measurements.
    func feature(network: BorderNetwork) -> Feature {
        var p: JSONObject = [
            "id": .string(record.id), "name": .string(record.name), "kind": .string(record.kind.rawValue),
            "country": record.country.map { .string($0) } ?? .null,
            "region": record.region.map { .string($0) } ?? .null,
            "population": record.population.map { .integer(Int64($0)) } ?? .null,
            "score": .number((bestScore * 1000).rounded() / 1000),
            "why": .array(reasons.map { .string($0) }),
        ]
        if let prox = proximity {
            p["border"] = .string(prox.border.description)
            p["border_distance_m"] = .number((prox.metres * 10).rounded() / 10)
            p["border_distance_km"] = .number((prox.metres / 100).rounded() / 10)
            p["border_point"] = .array([.number(prox.borderPoint.longitude), .number(prox.borderPoint.latitude)])
            p["country_at_point"] = prox.country.map { .string($0) } ?? .null
            p["method"] = network.method(for: network.borders[prox.border].map { [$0] } ?? []).json
        }
        p["mentions"] = .array(mentions.map { m in
            var o: JSONObject = ["start": .integer(Int64(m.mention.start)), "end": .integer(Int64(m.mention.end)),
                                 "text": .string(m.mention.text), "sentence": .string(m.sentence)]
            if mentions.contains(where: { $0.document != m.document }) { o["document"] = .string(m.document) }
            return .object(o)
        })
        return Feature(geometry: .point(record.location), properties: p)
    }
}

extension GeoparseResult {
    /// The text of sentence `index`, trimmed; empty when out of range.
    func sentenceText(_ index: Int, in scalars: [Unicode.Scalar]) -> String {
        guard sentences.indices.contains(index) else { return "" }
        return scalars.text(sentences[index]).split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
    }
}

extension Array where Element == Unicode.Scalar {
    /// The text of the scalars in `range`, clamped to the array: claim and mention offsets index
    /// into a document's scalars.
    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: self[range.clamped(to: 0..<count)])
        return String(view)
    }
}
