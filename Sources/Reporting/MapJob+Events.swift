import BorderAnalysis
import GeoJSON

extension MapJob {
    /// Measures each event against the borders (geocoding events that only name a place),
    /// keeping every input property; bad events become warnings and never lose the rest.
    func runEvents(name: String, features: [Feature]) throws(ReportingError) -> MapJobOutput {
        guard !features.isEmpty else { throw ReportingError(input: name, message: "no events in the input") }
        // In batches, so that progress can be told; each batch still runs over all cores.
        var results: [Result<MeasuredEvent, BorderAnalysisError>] = []
        results.reserveCapacity(features.count)
        let batch = max(64, features.count / 100)
        report(.measuring, 0, of: features.count)
        do {
            for start in stride(from: 0, to: features.count, by: batch) {
                let end = min(start + batch, features.count)
                results += try network.proximity(of: Array(features[start..<end]), geocoder: geocoder, firstIndex: start)
                report(.measuring, end, of: features.count)
            }
        } catch {
            throw ReportingError(input: name, message: error.description)
        }
        var warnings: [String] = []
        var measured: [MeasuredEvent] = []
        for (i, r) in results.enumerated() {
            switch r {
            case .success(let m): measured.append(m)
            case .failure(let e): warnings.append("\(name): event \(i + 1): \(e) (skipped)")
            }
        }
        guard !measured.isEmpty else { throw ReportingError(input: name, message: "none of the \(features.count) events could be placed") }
        let outer = options.bandsMetres.max() ?? 0
        var sides: [BorderPair: Set<String>] = [:]
        for m in measured where m.proximity.metres <= outer {
            if let c = m.proximity.country, m.proximity.border.involves(c) { sides[m.proximity.border, default: []].insert(c) }
        }
        let pairs = Set(measured.map(\.proximity.border))
        let findings = FeatureCollection(features: measured.map { labelled($0.feature) })
        let layers = try assembleLayers(name: name, findings: findings, findingsKind: .events, checks: [], pairs: pairs,
                                        sides: sides, warnings: &warnings)
        let summary = SummaryWriter(network: network, title: title(for: name), source: name)
            .events(measured, skipped: features.count - measured.count, pairs: layers.pairs, bands: options.bandsMetres)
        return try outputs(layers: layers, findingsFile: "events.geojson", summary: summary, warnings: warnings,
                           measured: measured.count)
    }

    /// Gives an event a `name` for map labels when it has none (ACLED's `location`, else the id).
    private func labelled(_ f: Feature) -> Feature {
        guard f[property: "name"] == nil else { return f }
        var f = f
        f[property: "name"] = f[property: "location"] ?? f[property: "event_id_cnty"] ?? f.id.map { id -> JSONValue in
            switch id {
            case .string(let s): .string(s)
            case .integer(let i): .string(String(i))
            case .number(let d): .string(String(d))
            }
        }
        return f
    }
}
