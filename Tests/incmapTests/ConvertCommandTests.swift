import Foundation
import Testing
import GeoJSON

/// `incmap convert`: formats by extension, RFC 7946 output, atomic output, and GDAL reading the result.
@Suite("incmap convert")
struct ConvertCommandTests {
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("incmap-convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("CSV → GeoJSON → GeoJSONSeq → CSV keeps every event and column", arguments: ["geojson", "geojsonl", "geojsons"])
    func chain(ext: String) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.\(ext)").path, b = dir.appendingPathComponent("b.csv").path
        let r1 = try CLI.run(["convert", CLI.fixture("events.csv"), a])
        #expect(r1.status == 0, "\(r1.stderr)")
        #expect(r1.stderr.contains("wrote 3 features to"))
        let features = try GeoJSONReader().features(contentsOf: URL(fileURLWithPath: a))
        // Values straight from the fixture: Kyiv's coordinates, the quoted note, the null geometry of UKR3.
        #expect(features.count == 3)
        #expect(features[0].geometry == .point(Position(latitude: 50.4501, longitude: 30.5234)))
        #expect(features[1][property: "notes"] == "two\r\nlines")
        #expect(features[2].geometry == nil)
        #expect(features[2][property: "notes"] == "no \"coordinates\" yet")
        let raw = try Data(contentsOf: URL(fileURLWithPath: a))
        // .geojsons gets RFC 8142 record separators, .geojsonl none.
        #expect(raw.first == (ext == "geojsons" ? 0x1E : 0x7B))
        let r2 = try CLI.run(["convert", a, b])
        #expect(r2.status == 0, "\(r2.stderr)")
        let back = CSVEventReader(data: try Data(contentsOf: URL(fileURLWithPath: b)))
        var rows: [Feature] = []
        while let f = try back.next() { rows.append(f) }
        #expect(back.columns == ["event_id_cnty", "event_date", "location", "latitude", "longitude", "notes"])
        #expect(rows.map(\.geometry) == features.map(\.geometry))
        #expect(rows.map { $0[property: "notes"] } == features.map { $0[property: "notes"] })
    }

    @Test("output is RFC 7946: clockwise exterior rewound, antimeridian crossings cut")
    func rfc7946Output() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.geojson").path
        let r = try CLI.run(["convert", CLI.fixture("antimeridian.geojson"), out])
        #expect(r.status == 0, "\(r.stderr)")
        let features = try GeoJSONReader().features(contentsOf: URL(fileURLWithPath: out))
        // The 2°×2° square centred on (0°, 180°) becomes two 1°×2° parts, one each side.
        guard case .multiPolygon(let parts)? = features[0].geometry else { Issue.record("not cut: \(String(describing: features[0].geometry))"); return }
        #expect(parts.count == 2)
        let lons = parts.map { Set($0[0].map(\.longitude)) }
        #expect(lons.contains([179, 180]) && lons.contains([-180, -179]))
        // (170°, 10°) → (−170°, 20°) crosses 180° halfway: latitude 15° there (linear interpolation).
        guard case .multiLineString(let lines)? = features[1].geometry else { Issue.record("line not cut"); return }
        #expect(lines.count == 2)
        #expect(lines[0].last == Position(latitude: 15, longitude: 180))
        #expect(lines[1].first == Position(latitude: 15, longitude: -180))
    }

    @Test("invalid input leaves no output file and exits 1")
    func atomic() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.geojson").path
        let r = try CLI.run(["convert", CLI.fixture("mixed.geojson"), out])
        #expect(r.status == 1)
        #expect(r.stderr.contains("features[2].geometry.coordinates: latitude 95 is outside ±90°"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("an unknown output extension needs --to; standard output works with it")
    func formats() throws {
        let r = try CLI.run(["convert", CLI.fixture("valid.geojson"), "-"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--to"))
        let ok = try CLI.run(["convert", CLI.fixture("valid.geojson"), "-", "--to", "geojsonseq"])
        #expect(ok.status == 0)
        #expect(ok.stdout.split(separator: "\n").count == 2)
    }

    static let ogrinfo: String? = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("GDAL reads our FeatureCollection and GeoJSONSeq output without warnings",
          .enabled(if: ogrinfo != nil, "ogrinfo (Debian gdal-bin) is not installed: GDAL check skipped"),
          arguments: ["geojson", "geojsonl", "geojsons"])
    func gdalReads(ext: String) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("events.\(ext)").path
        #expect(try CLI.run(["convert", CLI.fixture("antimeridian.geojson"), out]).status == 0)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.ogrinfo!)
        p.arguments = ["-ro", "-al", "-so", out]
        let outPipe = Pipe(), errPipe = Pipe()
        p.standardOutput = outPipe
        p.standardError = errPipe
        try p.run()
        let text = String(decoding: outPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: errPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(errors.isEmpty, "ogrinfo said: \(errors)")
        #expect(text.contains("Feature Count: 2"), "\(text)")
        #expect(text.contains(ext == "geojson" ? "using driver `GeoJSON'" : "using driver `GeoJSONSeq'"), "\(text)")
    }
}
