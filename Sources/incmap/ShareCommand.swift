import ArgumentParser
import BorderAnalysis
import Foundation
import GeoJSON

/// `incmap share`: what fraction of a country an area is.
struct ShareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Share of a country's territory covered by an area (geodesic areas on WGS84).",
        discussion: """
            Prints one JSON object: part_km2 (area of PART inside the country; overlapping polygons counted \
            once), whole_km2 (the country's area), fraction (their ratio), country and method.
            """)

    @Argument(help: "A GeoJSON file (or -) with the area as (Multi)Polygon features.", completion: .file())
    var part: String
    @Option(help: "The country (ISO alpha-2), e.g. UA.") var of: String
    @OptionGroup var data: BorderDataOptions

    func run() throws {
        let net = try data.network()
        let source = try EventSource(path: part)
        var polygons: [Geometry] = []
        while true {
            let chunk = try source.next(upTo: 4096)
            if chunk.isEmpty { break }
            polygons += chunk.compactMap(\.geometry)
        }
        let share = try net.share(of: try net.dissolve(polygons), in: of)
        // The properties of a feature are the one place the GeoJSON writer encodes a JSON object;
        // take them back out so that numbers are written exactly as in the other outputs.
        let encoded = try GeoJSONWriter().encode(Feature(geometry: nil, properties: share.json))
        let object = try JSONSerialization.jsonObject(with: encoded) as? [String: Any]
        let json = try JSONSerialization.data(withJSONObject: object?["properties"] ?? [:], options: [.sortedKeys])
        Console.out(String(decoding: json, as: UTF8.self) + "\n")
    }
}
