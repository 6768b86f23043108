import Foundation
import Testing

/// Parses each stdout line as a JSON object.
func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}

@Test("incmap distance Minsk Kyiv prints 433392.459 m and the azimuths") func distanceMinskKyiv() throws {
    let r = try CLI.run(["distance", "53.90019,27.56653", "50.45466,30.52380"])
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty)
    let json = try #require(try jsonLines(r.stdout).first)
    // GeographicLib Inverse (pyproj Geod(ellps='WGS84').inv): 433392.45865 m, azi1 151.0041320168498°,
    // back azimuth −26.65862716815917° (azi2 153.34137283184083° − 180°).
    #expect(abs((json["metres"] as? Double ?? 0) - 433_392.459) <= 0.001)
    #expect(abs((json["azimuth_deg"] as? Double ?? 0) - 151.0041320168498) < 1e-8)
    #expect(abs((json["back_azimuth_deg"] as? Double ?? 0) + 26.65862716815917) < 1e-8)
}

@Test("incmap distance takes negative coordinates without quoting") func distanceNegative() throws {
    let r = try CLI.run(["distance", "-33.8688,151.2093", "-34.6037,-58.3816"])
    #expect(r.status == 0)
    let json = try #require(try jsonLines(r.stdout).first)
    // GeographicLib Inverse Sydney → Buenos Aires: 11823920.354337573 m.
    #expect(abs((json["metres"] as? Double ?? 0) - 11_823_920.354) <= 0.001)
}

@Test("incmap distance rejects bad positions with one line and a non-zero exit",
      arguments: [["91,0", "0,0"], ["abc", "0,0"], ["0,0"], ["0,nan", "1,1"], ["0,200", "1,1"]])
func distanceBadInput(_ arguments: [String]) throws {
    let r = try CLI.run(["distance"] + arguments)
    #expect(r.status != 0)
    #expect(r.stdout.isEmpty)
    #expect(!r.stderr.isEmpty)
}

@Test("incmap area prints one line per polygon feature and the total") func areaLines() throws {
    let r = try CLI.run(["area", CLI.fixture("areas.geojson"), "--total"])
    #expect(r.status == 0)
    let lines = try jsonLines(r.stdout)
    #expect(lines.count == 3)
    // Feature 0: 1°×1° cell at the equator, GeographicLib Polygon 12308778361.469452 m², 443770.91724830196 m.
    #expect(lines[0]["index"] as? Int == 0)
    #expect(lines[0]["name"] as? String == "equator cell")
    #expect(abs((lines[0]["area_km2"] as? Double ?? 0) - 12_308.778361) < 1e-6)
    #expect(abs((lines[0]["perimeter_km"] as? Double ?? 0) - 443.770917) < 1e-6)
    // Feature 1 is a point (skipped); feature 2 is cut at the antimeridian: two parts of
    // GeographicLib 23309222502.96753 m² and 653320.4238986976 m each.
    #expect(lines[1]["index"] as? Int == 2)
    #expect(lines[1]["name"] == nil)
    #expect(abs((lines[1]["area_km2"] as? Double ?? 0) - 46_618.445006) < 1e-6)
    #expect(abs((lines[1]["perimeter_km"] as? Double ?? 0) - 1_306.640848) < 1e-6)
    #expect(abs((lines[2]["total_area_km2"] as? Double ?? 0) - (12_308.778361 + 46_618.445006)) < 2e-6)
}

@Test("incmap area fails cleanly on a degenerate ring and a missing file") func areaBadInput() throws {
    for path in [CLI.fixture("degenerate-polygon.geojson"), "no-such-file.geojson"] {
        let r = try CLI.run(["area", path])
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}
