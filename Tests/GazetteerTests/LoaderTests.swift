import Foundation
import Testing
@testable import Gazetteer

/// A temporary gazetteer folder made from the fixtures, with one file replaced.
struct TemporaryGazetteer {
    let url: URL

    init(replacing file: String? = nil, with text: String = "") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for name in ["places.tsv", "regions.tsv", "countries.tsv"] {
            try FileManager.default.copyItem(at: Fixture.directory.appendingPathComponent(name), to: url.appendingPathComponent(name))
        }
        if let file {
            try? FileManager.default.removeItem(at: url.appendingPathComponent(file))
            try Data(text.utf8).write(to: url.appendingPathComponent(file))
        }
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

let placesHeader = "geonameid\tname\tlatitude\tlongitude\tcountry\tadmin1\tpopulation\talternates\n"

@Test("malformed places.tsv lines are reported with file and line", arguments: [
    (placesHeader + "1\tA\t10\t20\tRU\t41\t5\t\n2\tB\t10\t20\tRU\t41\n", 3, "expected 8 tab-separated fields, found 6"),  // 2, B, 10, 20, RU, 41
    (placesHeader + "x\tA\t10\t20\tRU\t41\t5\t\n", 2, "geonameid is not a positive integer"),
    (placesHeader + "1\tA\t91\t20\tRU\t41\t5\t\n", 2, "latitude/longitude missing or out of range"),
    (placesHeader + "1\tA\t10\tabc\tRU\t41\t5\t\n", 2, "latitude/longitude missing or out of range"),
    (placesHeader + "1\tA\t10\t20\tRU\t41\t-5\t\n", 2, "population is not a non-negative integer"),
])
func malformedPlaces(text: String, line: Int, message: String) throws {
    let dir = try TemporaryGazetteer(replacing: "places.tsv", with: text)
    defer { dir.remove() }
    let error = #expect(throws: GazetteerError.self) { try Gazetteer.load(from: dir.url) }
    #expect(error?.line == line)
    #expect(error?.message == message)
    #expect(error?.file.hasSuffix("places.tsv") == true)
}

@Test("a wrong header names what was expected") func wrongHeader() throws {
    let dir = try TemporaryGazetteer(replacing: "countries.tsv", with: "iso2\tname\nUA\tUkraine\n")
    defer { dir.remove() }
    let error = #expect(throws: GazetteerError.self) { try Gazetteer.load(from: dir.url) }
    #expect(error?.line == 1)
    #expect(error?.message.hasPrefix("header is \"iso2\tname\", expected") == true)
}

@Test("an empty file and a missing folder are errors, not crashes") func missing() throws {
    let dir = try TemporaryGazetteer(replacing: "regions.tsv", with: "")
    defer { dir.remove() }
    let empty = #expect(throws: GazetteerError.self) { try Gazetteer.load(from: dir.url) }
    #expect(empty?.message == "no header line")
    let nowhere = dir.url.appendingPathComponent("nowhere")
    let error = #expect(throws: GazetteerError.self) { try Gazetteer.load(from: nowhere) }
    #expect(error?.message.hasPrefix("cannot open") == true)
}

@Test("a regions.tsv row with a bad latitude is reported") func badRegion() throws {
    let text = "id\tcountry\tname\tlatitude\tlongitude\tadmin1\tkind\tnames\niso3166-2:RU-KRS\tRU\tKursk\tnorth\t36\t41\tOblast\t\n"
    let dir = try TemporaryGazetteer(replacing: "regions.tsv", with: text)
    defer { dir.remove() }
    let error = #expect(throws: GazetteerError.self) { try Gazetteer.load(from: dir.url) }
    #expect(error == GazetteerError(file: dir.url.appendingPathComponent("regions.tsv").path, line: 2,
                                    message: "latitude \"north\" is not a number in −90…90"))
}

@Test("a place without a trailing newline and with empty alternates loads") func lastLine() throws {
    let dir = try TemporaryGazetteer(replacing: "places.tsv", with: placesHeader + "7\tÁb\t-1.5\t2.25\t\t\t\t")
    defer { dir.remove() }
    let g = try Gazetteer.load(from: dir.url)
    let p = try #require(g.place(id: "geonames:7"))
    #expect(p.name == "Áb")
    #expect(p.location.latitude == -1.5)
    #expect(p.location.longitude == 2.25)
    #expect(p.country == nil)
    #expect(p.population == 0)
    #expect(g.places(matchingKey: "ab").map(\.id) == ["geonames:7"])
}

@Test("the index cache gives the same answers, and a changed file is never served from it") func cache() throws {
    let dir = try TemporaryGazetteer()
    let cacheDir = dir.url.appendingPathComponent("cache")
    defer { dir.remove() }
    let plain = try Gazetteer.load(from: dir.url)
    let first = try Gazetteer.load(from: dir.url, cacheDirectory: cacheDir)    // builds and writes
    let cached = try Gazetteer.load(from: dir.url, cacheDirectory: cacheDir)   // reads back
    let files = try FileManager.default.contentsOfDirectory(atPath: cacheDir.path)
    #expect(files.count == 1 && files[0].hasPrefix("gazetteer-") && files[0].hasSuffix(".idx"))
    for name in ["Sudzha", "Kursk Oblast", "Коренево", "Korenovo", "Georgia", "USA", "Xyzzy"] {
        let q = ResolveQuery(name: name)
        let expected = plain.resolve(q)
        #expect(first.resolve(q) == expected)
        #expect(cached.resolve(q) == expected)
    }
    #expect(cached.place(id: "geonames:538560") == plain.place(id: "geonames:538560"))
    // Change the data: the old cache file must not be used, and is replaced.
    let places = dir.url.appendingPathComponent("places.tsv")
    let changed = try String(contentsOf: places, encoding: .utf8).replacingOccurrences(of: "\tSudzha\t", with: "\tSudzhanka\t")
    try Data(changed.utf8).write(to: places)
    let reloaded = try Gazetteer.load(from: dir.url, cacheDirectory: cacheDir)
    #expect(reloaded.resolve(ResolveQuery(name: "Sudzhanka")).first?.place.id == "geonames:486816")
    let after = try FileManager.default.contentsOfDirectory(atPath: cacheDir.path)
    #expect(after.count == 1 && after != files)
}

let districtsHeader = "id\tcountry\tregion\tname\tlatitude\tlongitude\tkind\tpopulation\tnames\n"

@Test("districts.tsv is optional; when present its rows load, resolve and are checked")
func districtsFile() throws {
    let without = try TemporaryGazetteer()
    defer { without.remove() }
    #expect(try Gazetteer.load(from: without.url).districtCount == 0)

    // A made-up county in the fixture's Kursk oblast, to check the loading and the qualifier rules.
    let good = try TemporaryGazetteer(replacing: "districts.tsv", with: districtsHeader
        + "test:1\tRU\tiso3166-2:RU-KRS\tSudzha County\t51.2\t35.3\tCounty\t6000\tSudzha Co.\n")
    defer { good.remove() }
    let g = try Gazetteer.load(from: good.url)
    #expect(g.districtCount == 1)
    let top = try #require(g.resolve(ResolveQuery(name: "Sudzha County")).first)
    #expect(top.place.id == "test:1" && top.place.kind == .district && top.place.population == 6000)
    #expect(g.place(id: "test:1")?.region == "iso3166-2:RU-KRS")
    #expect(g.resolve(ResolveQuery(name: "Sudzha")).first?.place.kind == .place)

    let bad = try TemporaryGazetteer(replacing: "districts.tsv", with: districtsHeader
        + "test:1\tRU\t\tA County\t51.2\t35.3\tCounty\t6000\t\ntest:2\tRU\t\tB County\t51.2\t35.3\tCounty\tmany\t\n")
    defer { bad.remove() }
    let error = #expect(throws: GazetteerError.self) { try Gazetteer.load(from: bad.url) }
    #expect(error?.line == 3)
    #expect(error?.message == "population \"many\" is not a whole number ≥ 0")
    #expect(error?.file.hasSuffix("districts.tsv") == true)
}
