import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GeoJSON
import Testing

/// `incmap map`, the main job, run on the bundled samples as a user would. These need the
/// repository's `Gazetteer/` data (places and borders) and are skipped, with that reason shown,
/// when it is missing.
struct MapCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let hasData = ["places.tsv", "countries.geojson", "borders.geojson"].allSatisfy {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("Gazetteer/\($0)").path)
    }

    func runMap(_ sample: String) throws -> (CLIRun, URL) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("incmap-map-\(UUID().uuidString)")
        let r = try CLI.run(["map", sample, "--out", out.path, "--quiet"], currentDirectory: Self.root)
        return (r, out)
    }

    func features(_ dir: URL, _ file: String) throws -> [Feature] {
        // Our own strict reader: the layers must be valid RFC 7946.
        try GeoJSONReader().features(contentsOf: dir.appendingPathComponent(file))
    }

    @Test("a report becomes valid layers, a well-formed SVG, a viewer and a summary",
          .enabled(if: hasData, "needs the repository's Gazetteer/ data (places, countries, borders)"))
    func report() throws {
        let (r, out) = try runMap("Samples/kursk-incursion.txt")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(r.status == 0, "\(r.stderr)")
        for file in ["places.geojson", "borders.geojson", "zones.geojson", "claims.geojson", "map.svg", "index.html", "summary.md"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file) missing")
        }
        let places = try features(out, "places.geojson")
        let sudzha = try #require(places.first { $0[property: "id"]?.stringValue == "geonames:486816" })
        #expect(sudzha[property: "border"]?.stringValue == "RU-UA")
        // News reports of August 2024 put Sudzha about 10 km from the border; GeoNames' town point
        // and the border data (±50 m OSM, ±500 m DCW) allow a band of a few km around that.
        let d = try #require(sudzha[property: "border_distance_m"]?.doubleValue)
        #expect(d > 7_000 && d < 13_000)
        #expect(try features(out, "borders.geojson").contains { $0[property: "pair"]?.stringValue == "RU-UA" })
        #expect(try !features(out, "zones.geojson").isEmpty)

        let claims = try features(out, "claims.geojson").filter { $0[property: "kind"]?.stringValue == "claim" }
        // "advanced 35 km (22 miles) into Russia": a depth claim, checked against named places in Russia.
        let depth = try #require(claims.first { $0[property: "value_m"]?.doubleValue == 35_000 })
        #expect(depth[property: "subject"]?.stringValue?.contains("Russia") == true)
        #expect(depth[property: "measured_m"]?.doubleValue != nil)
        #expect(["consistent", "inconsistent"].contains(depth[property: "verdict"]?.stringValue ?? ""))

        let svg = try Data(contentsOf: out.appendingPathComponent("map.svg"))
        let parser = XMLParser(data: svg)
        #expect(parser.parse(), "map.svg is not well-formed XML: \(String(describing: parser.parserError))")
        let svgText = String(decoding: svg, as: UTF8.self)
        #expect(svgText.contains("id=\"layer-places\"") && svgText.contains("id=\"layer-borders\""))
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("Sudzha") && summary.contains("WGS84"))
        #expect(r.stdout.contains("index.html"))
    }

    @Test("an events CSV keeps every event, placing the one without coordinates by its name",
          .enabled(if: hasData, "needs the repository's Gazetteer/ data (places, countries, borders)"))
    func events() throws {
        let (r, out) = try runMap("Samples/border-events.csv")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(r.status == 0, "\(r.stderr)")
        let events = try features(out, "events.geojson")
        #expect(events.count == 11)   // the sample's 11 rows
        let lgov = try #require(events.first { $0[property: "event_id_cnty"]?.stringValue == "IMS0005" })
        #expect(lgov[property: "geocoded"] != nil)
        #expect(lgov[property: "country"]?.stringValue == "RU")
    }

    @Test("a missing input is one error line, a non-zero exit, and no output folder")
    func missingInput() throws {
        let (r, out) = try runMap("Samples/no-such-report.txt")
        #expect(r.status != 0)
        #expect(r.stderr.contains("no-such-report.txt") && r.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
