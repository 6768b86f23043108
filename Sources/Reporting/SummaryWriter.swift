import BorderAnalysis
import Foundation
import GeoJSON

/// Writes `summary.md`: the findings as sentences a journalist can paste, each with its figure and
/// how it was measured.
struct SummaryWriter {
    let network: BorderNetwork
    let title: String
    let source: String

    /// The summary of a text run.
    func text(places: [LocatedPlace], checks: [ClaimCheck], pairs: [BorderPair], bands: [Double]) -> String {
        var out = header()
        let measured = places.filter { $0.proximity != nil }
        if !measured.isEmpty {
            out += "## Places and their distance to the nearest border\n\n"
            for p in measured.sorted(by: { $0.proximity!.metres < $1.proximity!.metres }) {
                out += "- " + placeSentence(p) + "\n"
            }
            out += "\n"
        }
        let others = places.filter { $0.proximity == nil }
        if !others.isEmpty {
            out += "## Countries and regions named\n\n"
            out += others.map { "- \($0.record.name) (\($0.record.kind.rawValue)\($0.record.country.map { ", \($0)" } ?? ""))" }
                .joined(separator: "\n") + "\n\n"
        }
        let substantive = checks.filter { $0.found.claim.kind != .date }
        if !substantive.isEmpty {
            out += "## Claims in the text, checked\n\n"
            for c in substantive {
                out += "- “\(c.found.claim.oneLineText)\(c.found.claim.subject.map { " \($0.relation) \($0.text)" } ?? "")” — **\(c.verdict.rawValue)**. \(c.finding)\n"
            }
            out += "\n"
        }
        let dates = checks.filter { $0.found.claim.kind == .date }.compactMap { $0.found.claim.date }
        if !dates.isEmpty { out += "Dates mentioned: \(Array(NSOrderedSet(array: dates)).compactMap { $0 as? String }.joined(separator: ", ")).\n\n" }
        out += methodSection(pairs: pairs, bands: bands)
        return out
    }

    /// The summary of an events run.
    func events(_ measured: [MeasuredEvent], skipped: Int, pairs: [BorderPair], bands: [Double]) -> String {
        var out = header()
        out += "\(measured.count) events measured" + (skipped > 0 ? ", \(skipped) skipped (see the warnings)" : "") + ".\n\n"
        if !measured.isEmpty {
            out += "## Events by nearest border\n\n| border | events | median distance | within \(bands.map { Format.km($0) }.joined(separator: " / ")) |\n|---|---|---|---|\n"
            let byPair = Dictionary(grouping: measured, by: \.proximity.border)
            for pair in byPair.keys.sorted() {
                let ds = byPair[pair]!.map(\.proximity.metres).sorted()
                let counts = bands.map { b in ds.filter { $0 <= b }.count }
                out += "| \(network.pairName(pair)) | \(ds.count) | \(Format.km(ds[ds.count / 2])) | \(counts.map(String.init).joined(separator: " / ")) |\n"
            }
            out += "\n## Closest to a border\n\n"
            for e in measured.sorted(by: { $0.proximity.metres < $1.proximity.metres }).prefix(10) {
                let label = e.feature[property: "name"]?.stringValue ?? e.feature[property: "location"]?.stringValue
                    ?? e.feature[property: "event_id_cnty"]?.stringValue ?? "event"
                out += "- \(label): \(Format.km(e.proximity.metres)) from the \(network.pairName(e.proximity.border)) border"
                    + (e.geocoded != nil ? " (placed by the gazetteer from its name)" : "") + ".\n"
            }
            out += "\n"
        }
        out += methodSection(pairs: pairs, bands: bands)
        return out
    }

    private func header() -> String {
        "# \(title)\n\nSource: `\(URL(fileURLWithPath: source).lastPathComponent)`. Every distance below is a geodesic on the WGS84 ellipsoid, measured to the border lines named in the method section.\n\n"
    }

    private func placeSentence(_ p: LocatedPlace) -> String {
        let prox = p.proximity!
        let border = network.borders[prox.border]
        var s = "\(p.record.name)"
        if let c = prox.country, let name = network.countries[c]?.name { s += " (\(name))" }
        s += " lies \(Format.km(prox.metres)) from the \(network.pairName(prox.border)) border (geodesic, WGS84; border from \(border?.source ?? "the data")"
        if let a = border?.accuracyMetres { s += ", about ±\(Format.km(a))" }
        s += ")."
        let n = p.mentions.count
        if n > 1 { s += " Mentioned \(n) times." }
        return s
    }

    private func methodSection(pairs: [BorderPair], bands: [Double]) -> String {
        var out = "## Method\n\n"
        for pair in pairs {
            guard let b = network.borders[pair] else { continue }
            out += "- \(network.pairName(pair)) border: \(b.source)" + (b.accuracyMetres.map { ", stated accuracy about \(Format.km($0))" } ?? "")
                + ", \(Format.km(b.lengthMetres)) long (geodesic).\n"
        }
        out += "- Distances: shortest geodesic from each point to the border line (WGS84, GeographicLib's algorithms via PROJ), exact to 1 m on the line data; the data's own accuracy is the limit.\n"
        out += "- Distance bands: \(bands.map { Format.km($0) }.joined(separator: ", ")) from the border, built from geodesic buffers and clipped to the country outline.\n"
        out += "- Places: resolved from the text with the gazetteer (GeoNames, CC BY 4.0); each place's reasons are in `places.geojson`.\n"
        out += "- Claim tolerance: figures given exactly or as “about” agree within max(20 %, 1 km) plus the border data's accuracy; “up to”/“within” are upper bounds, “at least”/“more than” lower bounds.\n"
        out += "- Depth claims (“35 km into …”): checked against the populated places of that country named in the claim's own sentence, or, if it names none, in the sentence just before or after it in the same paragraph; places more than max(2 × claim, claim + 50 km) deep are left out as named for other reasons, and so are places named as the target of a strike (“strikes on …”, “shelled …”). Places named elsewhere in the text or as strike targets are given for context and do not change the verdict.\n"
        return out
    }
}
