import ArgumentParser
import Foundation
import Gazetteer
import GeoJSON

/// `incmap resolve NAME`: the ranked places a name may mean, as a GeoJSON FeatureCollection.
struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Resolve a place name to ranked candidate places (GeoJSON FeatureCollection on stdout).",
        discussion: """
            Each feature is a candidate with properties id, name, kind, country, region, population, \
            score, matched and why (the reasons for its score), best first. Exit status 0 with \
            candidates, 1 with none. The gazetteer folder is $INCMAP_GAZETTEER or the nearest \
            Gazetteer/ folder above the current directory or the executable. The parsed name index \
            is cached in $INCMAP_CACHE_DIR (default $XDG_CACHE_HOME/incmap or ~/.cache/incmap; \
            "off" disables it), which makes later calls about ten times faster.
            """)

    @Argument(help: "The place name, in any script (\"Sudzha\", \"Kursk Oblast\", \"Київ\").")
    var name: String

    @Option(help: "Only places in this country (ISO 3166-1 alpha-2 or alpha-3 code).")
    var country: String?

    @Option(help: "Only this kind: country, region, district (a US county) or place.")
    var kind: PlaceKindArgument?

    @Option(help: "Prefer places near this point: LAT,LON in degrees.")
    var near: LatLon?

    @Option(help: "At most this many candidates.")
    var limit: Int = 10

    @Option(help: "Geometry of each feature: point (the place or a representative point) or full (region and country polygons; districts and populated places stay points).")
    var geometry: GeometryMode = .point

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let gazetteer = try Gazetteer.load(from: Gazetteer.locate(), cacheDirectory: Gazetteer.defaultCacheDirectory)
        let query = ResolveQuery(name: name, country: country, kind: kind?.kind, near: near?.position, limit: limit)
        let candidates = gazetteer.resolve(query)
        guard !candidates.isEmpty else { throw CLIFailure("no place matches \"\(name)\"") }
        let outlines = geometry == .full ? try Outlines(gazetteer: gazetteer, candidates: candidates) : nil
        let features = candidates.map { c in
            Feature(geometry: outlines?.geometry(of: c.place) ?? .point(c.place.location), properties: Self.properties(of: c))
        }
        try OutputTarget(path: nil).write(GeoJSONWriter().encode(FeatureCollection(features: features)))
    }

    /// The documented properties of one candidate, in a fixed order.
    static func properties(of c: Candidate) -> JSONObject {
        let p = c.place
        return [
            "id": .string(p.id),
            "name": .string(p.name),
            "kind": .string(p.kind.rawValue),
            "country": p.country.map(JSONValue.string) ?? .null,
            "region": p.region.map(JSONValue.string) ?? .null,
            "population": p.population.map { .integer(Int64($0)) } ?? .null,
            "score": .number((c.score * 1000).rounded() / 1000),
            "matched": .string(c.matched),
            "why": .array(c.reasons.map(JSONValue.string)),
        ]
    }
}

/// `--kind` values.
struct PlaceKindArgument: ExpressibleByArgument {
    var kind: PlaceKind
    init?(argument: String) {
        guard let k = PlaceKind(rawValue: argument.lowercased()) else { return nil }
        kind = k
    }
    static var allValueStrings: [String] { PlaceKind.allCases.map(\.rawValue) }
}

/// `--near LAT,LON`.
struct LatLon: ExpressibleByArgument {
    var position: Position
    init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false)
            .map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let lat = parts[0], let lon = parts[1] else { return nil }
        let p = Position(latitude: lat, longitude: lon)
        guard p.isValidGeographic else { return nil }
        position = p
    }
}

/// `--geometry` values.
enum GeometryMode: String, ExpressibleByArgument, CaseIterable {
    case point, full
}

/// Polygons of the countries and regions among the candidates, from the gazetteer's
/// `countries.geojson` and `regions.geojson` (read only when `--geometry full` asks).
struct Outlines {
    private var byID: [String: Geometry] = [:]

    init(gazetteer: Gazetteer, candidates: [Candidate]) throws {
        let wanted = Set(candidates.filter { $0.place.kind != .place }.map(\.place.id))
        guard !wanted.isEmpty else { return }
        for (file, kind) in [("countries.geojson", PlaceKind.country), ("regions.geojson", .region)]
        where candidates.contains(where: { $0.place.kind == kind }) {
            let url = gazetteer.directory.appendingPathComponent(file)
            // A stream: regions.geojson is large, and only a few features are wanted.
            let stream = try GeoJSONReader().featureStream(contentsOf: url)
            while let f = try stream.next() {
                let id: String? = kind == .country
                    ? f.properties?["iso2"]?.stringValue.map { "iso3166-1:" + $0 }
                    : f.properties?["id"]?.stringValue
                if let id, wanted.contains(id), let g = f.geometry { byID[id] = g }
            }
        }
    }

    func geometry(of place: Place) -> Geometry? { byID[place.id] }
}
