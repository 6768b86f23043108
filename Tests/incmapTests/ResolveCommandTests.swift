import Foundation
import Testing

// `incmap resolve` run as a user would, on the small gazetteer in Fixtures/gazetteer (26 GeoNames
// cities500 rows and hand-made regions and countries; the GeoJSON outlines are rough boxes).

enum ResolveCLI {
    static let gazetteer = Bundle.module.url(forResource: "Fixtures/gazetteer", withExtension: nil)!

    /// Runs `incmap resolve …` with the fixture gazetteer and no index cache.
    static func run(_ arguments: [String], gazetteer: String? = nil) throws -> CLIRun {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["resolve"] + arguments
        var env = ProcessInfo.processInfo.environment
        env["INCMAP_GAZETTEER"] = gazetteer ?? Self.gazetteer.path
        env["INCMAP_CACHE_DIR"] = "off"
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLIRun(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The features of a FeatureCollection printed on stdout.
    static func features(_ r: CLIRun) throws -> [[String: Any]] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(root["type"] as? String == "FeatureCollection")
        return try #require(root["features"] as? [[String: Any]])
    }

    static func properties(_ f: [String: Any]) -> [String: Any] { f["properties"] as? [String: Any] ?? [:] }
}

@Test("resolve Sudzha prints the town as a GeoJSON point with its properties") func resolveSudzha() throws {
    let r = try ResolveCLI.run(["Sudzha"])
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty)
    let f = try #require(try ResolveCLI.features(r).first)
    let geometry = try #require(f["geometry"] as? [String: Any])
    #expect(geometry["type"] as? String == "Point")
    // GeoNames cities500 486816: 51.191 N, 35.271 E (GeoJSON order: longitude, latitude).
    #expect(geometry["coordinates"] as? [Double] == [35.271, 51.191])
    let p = ResolveCLI.properties(f)
    #expect(p["id"] as? String == "geonames:486816")
    #expect(p["name"] as? String == "Sudzha")
    #expect(p["kind"] as? String == "place")
    #expect(p["country"] as? String == "RU")
    #expect(p["region"] as? String == "iso3166-2:RU-KRS")
    #expect(p["population"] as? Int == 6940)
    #expect(p["matched"] as? String == "Sudzha")
    #expect((p["score"] as? Double ?? 0) > 1)
    #expect((p["why"] as? [String])?.first == "exact match of the name \"Sudzha\" (+1.00)")
}

@Test("an unknown name exits 1 with one line on stderr and nothing on stdout") func resolveUnknown() throws {
    let r = try ResolveCLI.run(["Xyzzyville"])
    #expect(r.status == 1)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr == "incmap: no place matches \"Xyzzyville\"\n")
}

@Test("options: --country, --kind, --near, --limit", arguments: [
    (["Paris", "--country", "US"], "geonames:4717560"),          // Paris, Texas
    (["Kursk", "--kind", "region"], "iso3166-2:RU-KRS"),
    (["Korenevo", "--near", "55.75,37.62"], "geonames:544904"),  // Korenëvo, Moscow oblast
    (["Kursk Oblast"], "iso3166-2:RU-KRS"),
    (["Київ"], "geonames:703448"),
])
func resolveOptions(arguments: [String], id: String) throws {
    let r = try ResolveCLI.run(arguments)
    #expect(r.status == 0)
    #expect(ResolveCLI.properties(try #require(try ResolveCLI.features(r).first))["id"] as? String == id)
}

@Test("--limit caps the number of candidates") func resolveLimit() throws {
    let all = try ResolveCLI.features(try ResolveCLI.run(["Kursk"]))
    #expect(all.count == 2)  // the city and the oblast
    #expect(try ResolveCLI.features(try ResolveCLI.run(["Kursk", "--limit", "1"])).count == 1)
}

@Test("--geometry full gives region and country polygons, points for places") func resolveFullGeometry() throws {
    let r = try ResolveCLI.run(["Kursk", "--geometry", "full"])
    #expect(r.status == 0)
    let types = try ResolveCLI.features(r).map { ($0["geometry"] as? [String: Any])?["type"] as? String }
    #expect(types == ["Point", "MultiPolygon"])
    let ua = try ResolveCLI.features(try ResolveCLI.run(["Ukraine", "--geometry", "full"]))
    #expect((ua.first?["geometry"] as? [String: Any])?["type"] as? String == "Polygon")
}

@Test("bad arguments fail with a message", arguments: [
    ["Kursk", "--limit", "0"], ["Kursk", "--near", "95,10"], ["Kursk", "--near", "51"], ["Kursk", "--kind", "town"],
    ["Kursk", "--geometry", "polygon"],
])
func resolveBadArguments(_ arguments: [String]) throws {
    let r = try ResolveCLI.run(arguments)
    #expect(r.status != 0)
    #expect(r.stdout.isEmpty)
    #expect(!r.stderr.isEmpty)
}

@Test("a missing gazetteer folder is one line on stderr") func resolveNoGazetteer() throws {
    let r = try ResolveCLI.run(["Kursk"], gazetteer: "/nonexistent-gazetteer")
    #expect(r.status == 1)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr == "incmap: /nonexistent-gazetteer: INCMAP_GAZETTEER names a folder without places.tsv\n")
}
