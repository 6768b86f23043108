import BorderAnalysis
import Cartography
import Foundation
import GeoJSON

/// The layers of one run, before they are written.
struct AssembledLayers {
    var findings: FeatureCollection
    var findingsKind: LayerKind
    var borders: [Feature]
    var zones: [Feature]
    var claims: [Feature]
    var lines: [Feature]
    var countries: [Feature]
    var pairs: [BorderPair]
    var document: MapDocument
}

extension MapJob {
    /// Builds the layers: the findings, the borders involved, distance bands on the sides where
    /// something was found within the outermost band, claims with their depth lines, and the
    /// outlines of the countries around the findings for context.
    func assembleLayers(name: String, findings: FeatureCollection, findingsKind: LayerKind, checks: [ClaimCheck],
                        pairs: Set<BorderPair>, sides: [BorderPair: Set<String>],
                        warnings: inout [String]) throws(ReportingError) -> AssembledLayers {
        let sortedPairs = pairs.sorted()
        var borders: [Feature] = []
        for pair in sortedPairs {
            do { borders += try network.borderFeatures(pair: pair) } catch { warnings.append("\(name): border \(pair): \(error)") }
        }
        var zones: [Feature] = []
        let bandSides = sortedPairs.flatMap { pair in (sides[pair] ?? []).sorted().map { (pair, $0) } }
        report(.bands, 0, of: bandSides.count)
        // All bands at once: the buffers of different borders are computed in parallel.
        let results: [Result<[DistanceBand], BorderAnalysisError>]
        do {
            results = try network.zones(bandSides.map { ZoneRequest(border: $0.0, side: $0.1) }, bands: options.bandsMetres)
        } catch {
            results = bandSides.map { _ in .failure(error) }
        }
        for ((pair, side), result) in zip(bandSides, results) {
            switch result {
            case .success(let bands):
                let method = network.method(for: network.borders[pair].map { [$0] } ?? [])
                zones += bands.map { $0.feature(border: pair, side: side, method: method) }
            case .failure(let error):
                warnings.append("\(name): distance bands along \(pair) in \(side): \(error)")
            }
        }
        report(.bands, bandSides.count, of: bandSides.count)
        var claims: [Feature] = []
        var lines: [Feature] = []
        for check in checks {
            let at = check.lines.first.flatMap { line -> Position? in
                if case .lineString(let ps)? = line.geometry { return ps.first }
                return nil
            }
            claims.append(check.feature(at: at))
            // Two claims about the same place (its depth, its distance from the border) share one line.
            lines += check.lines.filter { !lines.contains($0) }
        }
        let countries = contextCountries(around: findings, pairs: sortedPairs)
        var layers = [MapLayer(name: "countries", title: "Countries", kind: .countries, features: FeatureCollection(features: countries))]
        if !zones.isEmpty {
            layers.append(MapLayer(name: "zones", title: "Distance bands (\(options.bandsMetres.map { Format.km($0) }.joined(separator: ", ")))",
                                   kind: .zones, features: FeatureCollection(features: zones)))
        }
        layers.append(MapLayer(name: "borders", title: "Borders involved", kind: .borders, features: FeatureCollection(features: borders)))
        if !lines.isEmpty {
            var style = LayerStyle.default(for: .depthLines)
            style.labelProperty = "label"
            layers.append(MapLayer(name: "depth-lines", title: "Distance to the border", kind: .depthLines,
                                   features: FeatureCollection(features: lines), style: style))
        }
        let claimPoints = claims.filter { $0.geometry != nil }
        if !claimPoints.isEmpty {
            var style = LayerStyle.default(for: .claims)
            style.labelProperty = nil   // the place is labelled already; the claim's text is in its details
            layers.append(MapLayer(name: "claims", title: "Claims checked", kind: .claims,
                                   features: FeatureCollection(features: claimPoints), style: style))
        }
        // Countries named in a text stay in places.geojson but are not drawn as points: their
        // representative point (often thousands of km away) would set the map's extent.
        let drawn = findings.features.filter { $0[property: "kind"]?.stringValue != "country" }
        layers.append(MapLayer(name: findingsKind == .events ? "events" : "places",
                               title: findingsKind == .events ? "Events" : "Places named", kind: findingsKind,
                               features: FeatureCollection(features: drawn)))
        let document = MapDocument(title: title(for: name),
                                   subtitle: "Distances are geodesic on the WGS84 ellipsoid; border accuracy as stated per feature.",
                                   layers: layers,
                                   attribution: attribution(for: borders))
        return AssembledLayers(findings: findings, findingsKind: findingsKind, borders: borders, zones: zones,
                               claims: claims, lines: lines, countries: countries, pairs: sortedPairs, document: document)
    }

    /// Credit lines for the data drawn: GeoNames, DCW, and OpenStreetMap only when a border used comes from it.
    func attribution(for borders: [Feature]) -> [String] {
        let osm = borders.contains { $0[property: "source"]?.stringValue?.contains("OpenStreetMap") == true }
        return [Attribution.geoNames] + (osm ? [Attribution.openStreetMap] : []) + [Attribution.dcw]
    }

    /// Country outlines whose bounding box meets the findings' box widened by 3°, plus the
    /// countries of the borders involved.
    func contextCountries(around findings: FeatureCollection, pairs: [BorderPair]) -> [Feature] {
        var box: BoundingBox?
        for f in findings.features {
            guard let b = f.geometry?.boundingBox else { continue }
            if box == nil { box = b } else { box!.extend(with: b) }
        }
        let wanted = Set(pairs.flatMap { [$0.first, $0.second] })
        let widened = box.map { BoundingBox(south: $0.south - 3, west: $0.west - 3, north: $0.north + 3, east: $0.east + 3) }
        return network.countries.values.sorted { $0.iso2 < $1.iso2 }.compactMap { c in
            let near = widened.flatMap { w in c.geometry.boundingBox.map { w.intersects($0) } } ?? false
            guard near || wanted.contains(c.iso2) else { return nil }
            return Feature(geometry: c.geometry, properties: ["iso2": .string(c.iso2), "name": .string(c.name), "source": .string(c.source)])
        }
    }

    /// Renders and encodes every file.
    func outputs(layers: AssembledLayers, findingsFile: String, summary: String, warnings: [String],
                 measured: Int) throws(ReportingError) -> MapJobOutput {
        let writer = GeoJSONWriter()
        func encode(_ features: [Feature], _ file: String) throws(ReportingError) -> (String, Data) {
            do { return (file, try writer.encode(FeatureCollection(features: features))) } catch {
                throw ReportingError(input: file, message: error.description)
            }
        }
        var files: [(name: String, contents: Data)] = []
        files.append(try encode(layers.findings.features, findingsFile))
        files.append(try encode(layers.borders, "borders.geojson"))
        files.append(try encode(layers.zones, "zones.geojson"))
        files.append(try encode(layers.claims + layers.lines, "claims.geojson"))
        do {
            report(.drawing, 0, of: 2)
            files.append(("map.svg", Data(try SVGMapRenderer().render(layers.document).utf8)))
            report(.drawing, 1, of: 2)
            files.append(("index.html", Data(try HTMLViewerWriter().html(for: layers.document).utf8)))
            report(.drawing, 2, of: 2)
        } catch {
            throw ReportingError(input: "map", message: error.description)
        }
        files.append(("summary.md", Data(summary.utf8)))
        return MapJobOutput(files: files, warnings: warnings, measuredCount: measured)
    }
}
