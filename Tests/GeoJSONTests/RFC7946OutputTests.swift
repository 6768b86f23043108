import Foundation
import Testing
@testable import GeoJSON

@Suite("RFC 7946 output: winding, antimeridian, precision")
struct RFC7946OutputTests {
    static let cwSquare = [Position(latitude: 0, longitude: 0), Position(latitude: 1, longitude: 0), Position(latitude: 1, longitude: 1),
                           Position(latitude: 0, longitude: 1), Position(latitude: 0, longitude: 0)]
    static let ccwHole = [Position(latitude: 0.2, longitude: 0.2), Position(latitude: 0.2, longitude: 0.8), Position(latitude: 0.8, longitude: 0.8),
                          Position(latitude: 0.8, longitude: 0.2), Position(latitude: 0.2, longitude: 0.2)]

    @Test("a clockwise exterior and counter-clockwise hole are written the other way round")
    func winding() throws {
        // In (x = longitude, y = latitude) the square goes (0,0)→(0,1)→(1,1)→(1,0): up then right,
        // clockwise, signed area −1 (shoelace by hand); the hole goes right then up: counter-clockwise.
        #expect(signedArea2(Self.cwSquare) == -2)
        #expect(signedArea2(Self.ccwHole) > 0)
        let data = try GeoJSONWriter().encode(Geometry.polygon([Self.cwSquare, Self.ccwHole]))
        guard case .geometry(.polygon(let rings)) = try GeoJSONReader().read(data) else { Issue.record("not a polygon"); return }
        #expect(rings[0] == Self.cwSquare.reversed())
        #expect(rings[1] == Self.ccwHole.reversed())
        #expect(signedArea2(rings[0]) > 0 && signedArea2(rings[1]) < 0)
    }

    @Test("without enforcement the rings are written as given")
    func noEnforcement() throws {
        let data = try GeoJSONWriter(enforceRFC7946: false).encode(Geometry.polygon([Self.cwSquare]))
        #expect(try GeoJSONReader().read(data) == .geometry(.polygon([Self.cwSquare])))
    }

    @Test("a polygon across the antimeridian is written as a cut MultiPolygon with a hole kept on its side")
    func antimeridianPolygon() throws {
        // A 4°×2° rectangle from 178°E to 178°W with a hole 179.2°E–179.8°E: the cut at 180° gives a
        // western part 178…180 (holding the hole) and an eastern part −180…−178.
        let ring = [Position(latitude: -1, longitude: 178), Position(latitude: -1, longitude: -178), Position(latitude: 1, longitude: -178),
                    Position(latitude: 1, longitude: 178), Position(latitude: -1, longitude: 178)]
        let hole = [Position(latitude: -0.5, longitude: 179.2), Position(latitude: 0.5, longitude: 179.2), Position(latitude: 0.5, longitude: 179.8),
                    Position(latitude: -0.5, longitude: 179.8), Position(latitude: -0.5, longitude: 179.2)]
        let out = Geometry.polygon([ring, hole]).rfc7946Normalized()
        guard case .multiPolygon(let parts) = out else { Issue.record("not cut: \(out)"); return }
        #expect(parts.count == 2)
        let west = try #require(parts.first { $0[0].allSatisfy { $0.longitude >= 178 } })
        let east = try #require(parts.first { $0[0].allSatisfy { $0.longitude <= -178 } })
        #expect(Set(west[0].map(\.longitude)) == [178, 180])
        #expect(Set(east[0].map(\.longitude)) == [-180, -178])
        #expect(west.count == 2 && east.count == 1)
        // Each part: 2° × 2° = 4 square degrees (signed area ×2 = 8), exterior counter-clockwise.
        #expect(signedArea2(west[0]) == 8 && signedArea2(east[0]) == 8)
        #expect(signedArea2(west[1]) < 0)
        // Everything within ±180° and each ring closed.
        for part in parts { for r in part { #expect(r.first == r.last) } }
    }

    @Test("a line across the antimeridian westwards is cut where it crosses")
    func antimeridianLine() {
        // (−175°, 0°) → (175°, 10°): 10° of longitude westwards across −180°, crossing halfway at latitude 5°.
        let out = Geometry.lineString([Position(latitude: 0, longitude: -175), Position(latitude: 10, longitude: 175)]).rfc7946Normalized()
        #expect(out == .multiLineString([
            [Position(latitude: 0, longitude: -175), Position(latitude: 5, longitude: -180)],
            [Position(latitude: 5, longitude: 180), Position(latitude: 10, longitude: 175)],
        ]))
    }

    @Test("coordinates are rounded to the precision, shortest form", arguments: [
        (30.52341234567, 7, "30.5234123"), (-0.00000004, 7, "0"), (-0.00000006, 7, "-0.0000001"), (50.45, 7, "50.45"),
        (179.99999999, 7, "180"), (12.5, 0, "13"), (-12.5, 0, "-13"),
    ])
    func precision(value: Double, digits: Int, text: String) throws {
        // Expected strings: decimal rounding half away from zero, by hand.
        var out: [UInt8] = []
        try GeoJSONWriter(precision: digits).appendFixed(value, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == text)
    }

    @Test("NaN cannot be written")
    func nonFinite() {
        #expect(throws: GeoJSONError.self) { try GeoJSONWriter().encode(Geometry.point(Position(latitude: .nan, longitude: 0))) }
    }

    @Test("bbox option writes [west, south, east, north] per feature")
    func bbox() throws {
        let f = Feature(geometry: .lineString([Position(latitude: 50, longitude: 30), Position(latitude: 54, longitude: 27)]))
        let text = String(decoding: try GeoJSONWriter(includeBBox: true).encode(f), as: UTF8.self)
        #expect(text.contains(#""bbox":[27,50,30,54]"#))
    }

    @Test("a writer released before finish leaves the destination untouched")
    func atomic() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gj-\(UUID().uuidString).geojson")
        try Data("old".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            let w = try GeoJSONFeatureWriter(path: url.path, format: .featureCollection)
            try w.write(Feature(geometry: nil))
            #expect(throws: GeoJSONError.self) { try w.write(Feature(geometry: .point(Position(latitude: .infinity, longitude: 0)))) }
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "old")
    }
}
