import ArgumentParser
import BorderAnalysis
import Foundation
import GeoJSON

/// `incmap depth`: how deep an advance goes into a country, from its border with another.
struct DepthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "depth",
        abstract: "Depth of an advance into a country, measured from its border with another (geodesic, WGS84).",
        discussion: """
            Input: a GeoJSON file (or -) with the controlled area as (Multi)Polygon features and/or Point \
            features (labelled by their name property). Depth is the maximum geodesic distance to the \
            border over the part of the area inside --into and the points inside it, found by a \
            certified branch and bound (within 1 m on the border data). Output: the advance inside the \
            country, the frontage, the depth line, the places, and a summary feature (kind "summary": \
            depth_m, deepest_point, border_foot, area_km2, frontage_km, claim_m, claim_reached, method); \
            a one-line summary goes to stderr.
            """)

    @Option(help: "Country advanced into (ISO alpha-2), e.g. RU.") var into: String
    @Option(help: "Country advanced from (ISO alpha-2), e.g. UA.") var from: String
    @Option(help: "A claimed depth to compare with, e.g. 35km.") var claim: DistanceArgument?
    @Argument(help: "A GeoJSON file (or -) with the area and/or points; or place names.")
    var inputs: [String] = []
    @OptionGroup var data: BorderDataOptions
    @OptionGroup var output: FeatureOutputOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give a GeoJSON file (or -) with the advance, or place names") }
    }

    func run() throws {
        let net = try data.network()
        _ = try net.border(try BorderPair(into, from))   // unknown codes or no border: say so before any lookup
        var polygons: [Geometry] = []
        var places: [LabeledPosition] = []
        if inputs.count == 1, inputs[0] == "-" || FileManager.default.fileExists(atPath: inputs[0]) {
            let events = try EventSource(path: inputs[0])
            var n = 0
            while true {
                let chunk = try events.next(upTo: 4096)
                if chunk.isEmpty { break }
                for f in chunk {
                    n += 1
                    switch f.geometry {
                    case .point(let p)?:
                        let label = f[property: "name"]?.stringValue ?? f[property: "location"]?.stringValue ?? "point \(n)"
                        places.append(LabeledPosition(label: label, position: p))
                    case .polygon?, .multiPolygon?:
                        polygons.append(f.geometry!)
                    case let g?:
                        throw CLIFailure("\(events.label): feature \(n) is a \(g.typeName); depth takes Polygons and Points")
                    case nil:
                        throw CLIFailure("\(events.label): feature \(n) has no geometry")
                    }
                }
            }
            for notice in events.drainNotices() { Console.error(notice) }
        } else {
            places = try PlaceLookup.positions(of: inputs, data: data, countryHint: into)
        }
        let advance = polygons.isEmpty ? nil : try net.dissolve(polygons)
        let result = try net.depth(into: into, from: from, advance: advance, places: places, claimMetres: claim?.metres)
        try output.write(result.features)
        Console.error(result.summaryLine)
    }
}

/// Positions for place names given on the command line, from the gazetteer.
enum PlaceLookup {
    static func positions(of names: [String], data: BorderDataOptions, countryHint: String?) throws -> [LabeledPosition] {
        let geocoder = try data.geocoder()
        return try names.map { name in
            guard let found = try geocoder.geocode(name, country: countryHint) else {
                throw CLIFailure("no place \"\(name)\" in the gazetteer")
            }
            return LabeledPosition(label: name, position: found.position, geocoded: found)
        }
    }
}
