import ArgumentParser
import Foundation
import GeoJSON
import Geodesy

/// `incmap area FILE`: geodesic area and perimeter of each polygon feature.
struct Area: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Geodesic area and perimeter of each polygon feature on the WGS84 ellipsoid.",
        discussion: """
            Reads GeoJSON (a FeatureCollection, a Feature, a geometry, or a GeoJSON text sequence; \
            `-` for standard input). For every Polygon or MultiPolygon feature, in input order, prints \
            one JSON line {"index": …, "area_km2": …, "perimeter_km": …} plus "name" when the feature \
            has a string name property; index is the feature's position in the input, from 0. Features \
            of other types are skipped. Edges are geodesics; any ring orientation is accepted.
            """
    )

    @Argument(help: "GeoJSON file, or - for standard input.") var file: String
    @Flag(help: "Also print a last line with the summed area and perimeter.") var total = false

    func run() throws {
        let input = InputSource(path: file)
        let features = try GeoJSONReader().features(in: input.readAll(), source: input.label)
        var lines: [String] = []
        var sum = PolygonMeasure(area: 0, perimeter: 0)
        for (index, feature) in features.enumerated() {
            guard let geometry = feature.geometry, Self.isPolygonal(geometry) else { continue }
            let m: PolygonMeasure
            do { m = try Ellipsoid.wgs84.measure(geometry) } catch {
                throw CLIFailure("\(input.label): feature \(index): \(error)")
            }
            sum.area += m.area
            sum.perimeter += m.perimeter
            var line = MeasurementLine().integer("index", index)
                .number("area_km2", m.area / 1e6, decimals: 6)
                .number("perimeter_km", m.perimeter / 1e3, decimals: 6)
            if let name = feature[property: "name"]?.stringValue { line = line.string("name", name) }
            lines.append(line.text)
        }
        guard !lines.isEmpty else { throw CLIFailure("\(input.label): no Polygon or MultiPolygon features") }
        if total {
            lines.append(MeasurementLine().integer("features", lines.count)
                .number("total_area_km2", sum.area / 1e6, decimals: 6)
                .number("total_perimeter_km", sum.perimeter / 1e3, decimals: 6).text)
        }
        // Printed only once everything is measured: a bad feature produces no partial output.
        Console.out(lines.joined(separator: "\n") + "\n")
    }

    static func isPolygonal(_ g: Geometry) -> Bool {
        switch g {
        case .polygon, .multiPolygon: return true
        case .geometryCollection(let parts): return !parts.isEmpty && parts.allSatisfy(isPolygonal)
        default: return false
        }
    }
}
