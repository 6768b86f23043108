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
            Gazetteer/ folder above the current directory or the executable.
            """)

    @Argument(help: "The place name, in any script (\"Sudzha\", \"Kursk Oblast\", \"Київ\").")
    var name: String

    @Option(help: "Only places in this country (ISO 3166-1 alpha-2 or alpha-3 code).")
    var country: String?

    @Option(help: "Only this kind: country, region or place.")
    var kind: PlaceKindArgument?

    @Option(help: "Prefer places near this point: LAT,LON in degrees.")
    var near: LatLon?

    @Option(help: "At most this many candidates.")
    var limit: Int = 10

    @Option(help: "Geometry of each feature: point (the place or a representative point) or full (region and country polygons).")
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
        try OutputTarget(path: nil).write(ResolveOutput.encode(FeatureCollection(features: features)))
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
            let features = try ResolveOutput.readFeatures(url)
            for f in features {
                let id: String? = kind == .country
                    ? f.properties?["iso2"]?.stringValue.map { "iso3166-1:" + $0 }
                    : f.properties?["id"]?.stringValue
                if let id, wanted.contains(id), let g = f.geometry { byID[id] = g }
            }
        }
    }

    func geometry(of place: Place) -> Geometry? { byID[place.id] }
}

/// Output and polygon input of `resolve`, kept in one place until the GeoJSON codec
/// (`GeoJSONWriter`, `GeoJSONReader`) is merged; then these become one-line calls to it.
enum ResolveOutput {
    static func encode(_ collection: FeatureCollection) -> Data {
        var s = #"{"type":"FeatureCollection","features":["#
        for (i, f) in collection.features.enumerated() {
            s += (i == 0 ? "\n" : ",\n") + #"{"type":"Feature","geometry":"# + (f.geometry.map(geometry) ?? "null")
            s += #","properties":"# + value(.object(f.properties ?? JSONObject())) + "}"
        }
        return Data((s + "\n]}\n").utf8)
    }

    private static func position(_ p: Position) -> String { "[\(number(p.longitude)),\(number(p.latitude))]" }
    private static func ring(_ r: [Position]) -> String { "[" + r.map(position).joined(separator: ",") + "]" }
    private static func rings(_ rs: [[Position]]) -> String { "[" + rs.map(ring).joined(separator: ",") + "]" }

    private static func geometry(_ g: Geometry) -> String {
        let coordinates: String
        switch g {
        case .point(let p): coordinates = position(p)
        case .multiPoint(let ps), .lineString(let ps): coordinates = ring(ps)
        case .multiLineString(let ls), .polygon(let ls): coordinates = rings(ls)
        case .multiPolygon(let ps): coordinates = "[" + ps.map(rings).joined(separator: ",") + "]"
        case .geometryCollection(let gs):
            return #"{"type":"GeometryCollection","geometries":["# + gs.map(geometry).joined(separator: ",") + "]}"
        }
        return #"{"type":""# + g.typeName + #"","coordinates":"# + coordinates + "}"
    }

    private static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(format: "%.7f", x).replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
    }

    private static func value(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return d.isFinite ? "\(d)" : "null"
        case .string(let s): return string(s)
        case .array(let a): return "[" + a.map(value).joined(separator: ",") + "]"
        case .object(let o): return "{" + o.map { string($0.key) + ":" + value($0.value) }.joined(separator: ",") + "}"
        }
    }

    private static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    /// The features of a GeoJSON FeatureCollection file (geometry and properties only).
    static func readFeatures(_ url: URL) throws -> [Feature] {
        let fail = { (m: String) in CLIFailure("\(url.path): \(m)") }
        guard let data = try? Data(contentsOf: url) else { throw fail("cannot read") }
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let features = root["features"] as? [[String: Any]] else { throw fail("not a FeatureCollection") }
        return try features.map { f in
            var props = JSONObject()
            for (k, v) in (f["properties"] as? [String: Any]) ?? [:] {
                if let s = v as? String { props[k] = .string(s) }
            }
            guard let g = f["geometry"] as? [String: Any] else { return Feature(geometry: nil, properties: props) }
            return Feature(geometry: try geometry(g, fail), properties: props)
        }
    }

    private static func geometry(_ g: [String: Any], _ fail: (String) -> CLIFailure) throws -> Geometry {
        func pos(_ a: Any) throws -> Position {
            guard let c = a as? [Double], c.count >= 2 else { throw fail("bad position") }
            return Position(latitude: c[1], longitude: c[0])
        }
        func line(_ a: Any) throws -> [Position] { try ((a as? [Any]) ?? []).map(pos) }
        func poly(_ a: Any) throws -> [[Position]] { try ((a as? [Any]) ?? []).map(line) }
        let c = g["coordinates"] as Any
        switch g["type"] as? String {
        case "Point": return .point(try pos(c))
        case "Polygon": return .polygon(try poly(c))
        case "MultiPolygon": return .multiPolygon(try ((c as? [Any]) ?? []).map(poly))
        case "LineString": return .lineString(try line(c))
        case "MultiLineString": return .multiLineString(try poly(c))
        default: throw fail("unsupported geometry type")
        }
    }
}
