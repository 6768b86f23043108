import Foundation
import Testing

// The border commands run as a user would, on a synthetic gazetteer (Fixtures/border-world): countries
// XN (0–2°N) and XS (0–2°S) between 20° and 40°E share the equator as border; XE lies east of 40°E;
// XF is an island. Expected distances are meridian arcs M(φ) from the equator (the shortest path to
// the equator runs along the meridian, which meets it at a right angle), computed by Simpson
// integration of a(1−e²)(1−e²sin²t)^(−3/2) on WGS84 (see BorderAnalysisTests/ReferenceGeometry.swift,
// checked there against GeographicLib's quarter meridian): M(0.5°) = 55 287.152 m,
// M(0.6°) = 66 344.590 m, M(2°) = 221 149.453 m, M(5°) = 552 885.451 m.

private let world = ["--gazetteer", CLI.fixture("border-world")]

private func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

private func features(_ text: String) throws -> [[String: Any]] {
    try #require(try json(text)["features"] as? [[String: Any]])
}

private func properties(_ feature: [String: Any]) throws -> [String: Any] {
    try #require(feature["properties"] as? [String: Any])
}

@Test("borders --country lists that country's borders with geodesic lengths") func bordersOfCountry() throws {
    let r = try CLI.run(["borders", "--country", "XE"] + world)
    #expect(r.status == 0)
    let fs = try features(r.stdout)
    #expect(try fs.map { try properties($0)["pair"] as? String } == ["XE-XN", "XE-XS"])
    // Each runs along 40°E over 2° of latitude: M(2°) = 221.149 km.
    #expect(try fs.allSatisfy { abs((try properties($0)["length_km"] as? Double ?? 0) - 221.149) < 0.001 })
}

@Test("proximity keeps order and properties, skips the unmeasurable event with one stderr line") func proximityCommand() throws {
    let r = try CLI.run(["proximity", CLI.fixture("border-events.geojson"), "--within", "60km"] + world)
    #expect(r.status == 0)
    let fs = try features(r.stdout)
    #expect(fs.map { $0["id"] as? String } == ["e1", "e3", "e4"])
    let e1 = try properties(fs[0])
    #expect(e1["name"] as? String == "north town")
    #expect(e1["country"] as? String == "XN")
    #expect(e1["border"] as? String == "XN-XS")
    #expect(abs((e1["border_distance_m"] as? Double ?? 0) - 55_287.152) < 0.001)   // M(0.5°)
    // The foot of the perpendicular is solved iteratively: equal to (30, 0) up to ~1e-14° (nanometres).
    let borderPoint = try #require(e1["border_point"] as? [Double])
    #expect(borderPoint.count == 2 && abs(borderPoint[0] - 30) < 1e-9 && abs(borderPoint[1]) < 1e-9)
    #expect(e1["within"] as? Bool == true)
    let e3 = try properties(fs[1])
    #expect(e3["country"] is NSNull)                                                  // at sea
    #expect(abs((e3["border_distance_m"] as? Double ?? 0) - 552_885.451) < 0.001)  // M(5°)
    #expect(e3["within"] as? Bool == false)
    #expect(try properties(fs[2])["border"] as? String == "XE-XN")
    #expect(r.stderr.contains("event 2: no coordinates and no place name (skipped)"))
    #expect(r.stderr.split(separator: "\n").count == 1)
}

@Test("proximity --strict fails on the bad event and leaves no output file") func proximityStrict() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("incmap-strict-\(UUID().uuidString).geojson")
    let r = try CLI.run(["proximity", CLI.fixture("border-events.geojson"), "--strict", "-o", out.path] + world)
    #expect(r.status != 0)
    #expect(r.stderr.hasPrefix("incmap: ") && r.stderr.contains("event 2"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
}

@Test("proximity: an invalid GeoJSON feature is reported with its place in the file and skipped; --strict fails")
func proximityInvalidFeature() throws {
    let r = try CLI.run(["proximity", CLI.fixture("events-one-invalid.geojson")] + world)
    #expect(r.status == 0)
    #expect(try features(r.stdout).map { $0["id"] as? String } == ["a", "c"])
    // Line 3, column 112: the "[" of the second feature's coordinates (counted in the fixture).
    #expect(r.stderr.contains("events-one-invalid.geojson:3:112: features[1].geometry.coordinates: latitude 151.19 is outside ±90°"))
    #expect(r.stderr.contains("(feature skipped)"))
    let strict = try CLI.run(["proximity", CLI.fixture("events-one-invalid.geojson"), "--strict"] + world)
    #expect(strict.status != 0)
    #expect(strict.stderr.contains("a record could not be read"))
}

@Test("proximity --links adds a line from each event to its border point") func proximityLinks() throws {
    let r = try CLI.run(["proximity", CLI.fixture("border-events.geojson"), "--links", "--border", "XN-XS"] + world)
    #expect(r.status == 0)
    let fs = try features(r.stdout)
    #expect(fs.count == 6)
    let link = try properties(fs[1])
    #expect(link["kind"] as? String == "border_link")
    #expect(link["event_id"] as? String == "e1")
    // e4 measured to the asked border XN-XS instead of the nearer XE-XN: M(1.5°) = 165 861.794 m.
    #expect(abs((try properties(fs[4])["border_distance_m"] as? Double ?? 0) - 165_861.794) < 0.001)
}

@Test("depth of a strip with a claim: summary feature and one stderr line") func depthCommand() throws {
    // Advance: lat −0.2…0.6°, lon 25…25.01° (from XS into XN) and a village at (0.3°N, 25.005°E).
    // Deepest: the northern edge, M(0.6°) = 66 344.590 m; frontage: the equator over 0.01°,
    // a·Δλ = 1.113 km. A 50 km claim is reached.
    let r = try CLI.run(["depth", "--into", "XN", "--from", "XS", CLI.fixture("border-advance.geojson"), "--claim", "50km"] + world)
    #expect(r.status == 0)
    let fs = try features(r.stdout)
    let kinds = try fs.map { try properties($0)["kind"] as? String }
    #expect(kinds == ["advance", "frontage", "depth_line", "place", "summary"])
    let s = try properties(fs[4])
    #expect(abs((s["depth_m"] as? Double ?? 0) - 66_344.590) < 1)
    #expect(abs((s["frontage_km"] as? Double ?? 0) - 1.113) < 0.001)
    #expect(s["claim_m"] as? Double == 50_000)
    #expect(s["claim_reached"] as? Bool == true)
    #expect(s["places_within_claim"] as? [String] == ["village"])
    #expect((s["method"] as? [String: Any])?["ellipsoid"] as? String == "WGS84")
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1 && lines[0].hasPrefix("incmap: depth into XN from XS: 66.3 km"))
}

@Test("share prints part, whole and fraction") func shareCommand() throws {
    let r = try CLI.run(["share", CLI.fixture("border-advance.geojson"), "--of", "XN"] + world)
    #expect(r.status == 0)
    let o = try json(r.stdout)
    let part = try #require(o["part_km2"] as? Double), whole = try #require(o["whole_km2"] as? Double)
    #expect(part > 0 && whole > part)
    // The fraction is the ratio of the two printed areas (to their printed precision).
    #expect(abs((o["fraction"] as? Double ?? 0) - part / whole) < 1e-6)
}

@Test("bad arguments give one line on stderr and a non-zero exit", arguments: [
    (["depth", "--into", "XN", "--from", "FR", "Sudzha"], "unknown country code \"FR\""),
    (["borders", "--pair", "XN-XF"], "XF and XN share no land border"),
    (["proximity", "no-such-file.geojson"], "no-such-file.geojson: no such file"),
    (["zones", "--border", "XN-XS", "--side", "XN", "--bands", "10,5"], "bands must be positive, finite and increasing"),
])
func badArguments(arguments: [String], message: String) throws {
    let r = try CLI.run(arguments + world)
    #expect(r.status != 0)
    #expect(r.stderr.hasPrefix("incmap: "))
    #expect(r.stderr.contains(message))
    #expect(r.stdout.isEmpty)
}

@Test("proximity reads CSV events: columns kept, rows without a position reported, good rows kept") func proximityCSV() throws {
    // Fixture rows: c1 (0.5°N, 30°E), c2 without coordinates (place "Atlantis"), c3 with latitude
    // "abc", c4 (1.5°N, 39.9°E) with a quoted comma in its name.
    let r = try CLI.run(["proximity", CLI.fixture("border-events.csv")] + world)
    #expect(r.status == 0)
    let fs = try features(r.stdout)
    #expect(fs.map { $0["id"] as? String } == ["c1", "c4"])
    let c1 = try properties(fs[0])
    #expect(c1["latitude"] as? String == "0.5")                                      // CSV columns kept
    #expect(abs((c1["border_distance_m"] as? Double ?? 0) - 55_287.152) < 0.001)   // M(0.5°)
    #expect(try properties(fs[1])["name"] as? String == "east, edge")
    #expect(r.stderr.contains("event 2") && r.stderr.contains("Atlantis"))
    #expect(r.stderr.contains("border-events.csv:4"))
}
