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

    func runMap(_ sample: String, quiet: Bool = true) throws -> (CLIRun, URL) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("incmap-map-\(UUID().uuidString)")
        let r = try CLI.run(["map", sample, "--out", out.path] + (quiet ? ["--quiet"] : []), currentDirectory: Self.root)
        return (r, out)
    }

    /// The claim features of a run, by their text.
    func claims(_ dir: URL) throws -> [String: Feature] {
        var out: [String: Feature] = [:]
        for f in try features(dir, "claims.geojson") where f[property: "kind"]?.stringValue == "claim" {
            if let text = f[property: "text"]?.stringValue { out[text] = f }
        }
        return out
    }

    /// Each populated place's distance to its nearest border, metres, by name (places.geojson).
    func borderDistances(_ dir: URL) throws -> [String: Double] {
        var out: [String: Double] = [:]
        for f in try features(dir, "places.geojson") {
            if let name = f[property: "name"]?.stringValue, let d = f[property: "border_distance_m"]?.doubleValue { out[name] = d }
        }
        return out
    }

    /// The `name → depth_m` pairs of a claim's `places_checked` or `context_places`.
    func depthList(_ claim: Feature, _ key: String) throws -> [(name: String, metres: Double, deeper: Bool)] {
        guard case .array(let items)? = claim[property: key] else { Issue.record("\(key) missing"); return [] }
        return try items.map { item in
            let o = try #require(item.objectValue, "\(key): \(item) is not an object")
            let deeper = try #require(o["deeper_than_claim"])
            #expect(deeper == .bool(true) || deeper == .bool(false))
            return (try #require(o["name"]?.stringValue), try #require(o["depth_m"]?.doubleValue), deeper == .bool(true))
        }
    }

    func features(_ dir: URL, _ file: String) throws -> [Feature] {
        // Our own strict reader: the layers must be valid RFC 7946.
        try GeoJSONReader().features(contentsOf: dir.appendingPathComponent(file))
    }

    @Test("a report becomes valid layers, a well-formed SVG, a viewer and a summary",
          .enabled(if: hasData, "needs the repository's Gazetteer/ data (places, countries, borders)"))
    func report() throws {
        let (r, out) = try runMap("Samples/kursk-incursion.txt", quiet: false)
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

        let claims = try claims(out)
        let distances = try borderDistances(out)
        // "his forces had advanced 35 km (22 miles) into Russia": neither its sentence nor the next one in
        // its paragraph ("the depth of the advance at up to 12 km") names a place, so it is not checked;
        // L'gov (GeoNames "L’govskiy"), named only as evacuated, is context and does not contradict it.
        let advance = try #require(claims["35 km (22 miles)"])
        #expect(advance[property: "subject"]?.stringValue == "into Russia")
        #expect(advance[property: "verdict"]?.stringValue == "context")
        #expect(advance[property: "attribution"]?.stringValue == "no place named with the claim")
        #expect(advance[property: "measured_m"] == nil)
        #expect(try depthList(advance, "places_checked").isEmpty)
        let context = try depthList(advance, "context_places")
        let lgov = try #require(context.first { $0.name.contains("govskiy") })
        // Its depth from the RU-UA border is its distance to its nearest border (RU-UA) in places.geojson
        // (46.7 km on the DCW line): the same geodesic, so equal to the 0.1 m of rounding.
        #expect(abs(lgov.metres - (distances[lgov.name] ?? 0)) <= 0.1)
        #expect(lgov.deeper && lgov.metres > 35_500)   // deeper than the claim plus DCW's ±500 m
        #expect(context.count(where: \.deeper) == 1)   // Belgorod 31.4, Korenevo 20.0 km … all within 35 km
        let advanceFinding = advance[property: "finding"]?.stringValue ?? ""
        #expect(advanceFinding.contains("named elsewhere in the text") && advanceFinding.contains("does not contradict"))

        // "the depth of the advance at up to 12 km": checked against Glushkovo and Tetkino, named in the next
        // sentence of the paragraph ("both within 15 km of the border"): 10.5 km and 504 m in places.geojson.
        let upTo = try #require(claims["up to 12 km"])
        #expect(upTo[property: "attribution"]?.stringValue == "named in the sentence before or after the claim, same paragraph")
        let checked = try depthList(upTo, "places_checked")
        #expect(checked.map(\.name) == ["Glushkovo", "Tëtkino"])
        #expect(upTo[property: "measured_m"]?.doubleValue == distances["Glushkovo"])
        #expect(upTo[property: "verdict"]?.stringValue == "consistent")   // 10.5 km ≤ 12 km + 0.5 km
        // Korenevo (20.0 km), Belgorod (31.4 km) and L'gov (46.7 km) are deeper, but named elsewhere.
        #expect(try depthList(upTo, "context_places").count(where: \.deeper) == 3)
        // "within 15 km of the border" measures the same two places: their lines are drawn once each.
        let lineNames = try features(out, "claims.geojson").filter { $0[property: "kind"]?.stringValue == "depth_line" }
            .compactMap { $0[property: "name"]?.stringValue }
        #expect(lineNames.sorted() == ["Glushkovo", "Tëtkino"])

        let svg = try Data(contentsOf: out.appendingPathComponent("map.svg"))
        let parser = XMLParser(data: svg)
        #expect(parser.parse(), "map.svg is not well-formed XML: \(String(describing: parser.parserError))")
        let svgText = String(decoding: svg, as: UTF8.self)
        #expect(svgText.contains("id=\"layer-places\"") && svgText.contains("id=\"layer-borders\""))
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("Sudzha") && summary.contains("WGS84"))
        #expect(summary.contains("**context**. Not checked") && summary.contains("named elsewhere in the text"))
        #expect(summary.contains("- Depth claims"))   // the rule, in the method section
        #expect(r.stdout.contains("index.html"))
        // stderr is a pipe here, not a terminal: the short stage lines only, no bar redrawn in place.
        #expect(r.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("incmap: ") }, "\(r.stderr)")
        #expect(r.stderr.contains("incmap: measuring and drawing"))
        #expect(!r.stderr.contains("\r") && !r.stderr.contains("\u{1B}"))
    }

    @Test("a depth claim is checked against the places of its own sentence, then of the sentences next to it in its paragraph",
          .enabled(if: hasData, "needs the repository's Gazetteer/ data (places, countries, borders)"))
    func depthAttribution() throws {
        let (r, out) = try runMap(CLI.fixture("map/depth-claims.txt"), quiet: true)
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(r.status == 0, "\(r.stderr)")
        // --quiet: nothing on stdout, no progress on stderr (the text has no problem to warn about).
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let claims = try claims(out)
        let distances = try borderDistances(out)
        // Expected depths are the places' distances to their nearest border (RU-UA) in places.geojson,
        // the same geodesics: Korenevo 20.0 km, Sudzha 9.4 km, L'gov 46.7 km on the DCW line.
        let korenevo = try #require(distances["Korenevo"]), sudzha = try #require(distances["Sudzha"])

        // "advanced 15 km into Russia and took Korenevo": Korenevo, in the same sentence, lies deeper than
        // 15 km + 0.5 km (DCW accuracy).
        let took = try #require(claims["15 km"])
        #expect(took[property: "attribution"]?.stringValue == "named in the claim's sentence")
        #expect(try depthList(took, "places_checked").map(\.name) == ["Korenevo"])
        #expect(took[property: "measured_m"]?.doubleValue == korenevo)
        #expect(korenevo > 15_500)
        #expect(took[property: "verdict"]?.stringValue == "inconsistent")

        // "pushed 25 km into Russia." + "Residents of Sudzha were told to leave." (same paragraph): Sudzha,
        // 9.4 km in, does not contradict 25 km; Lgov (46.7 km), in another paragraph, is context only.
        let pushed = try #require(claims["25 km"])
        #expect(pushed[property: "attribution"]?.stringValue == "named in the sentence before or after the claim, same paragraph")
        #expect(try depthList(pushed, "places_checked").map(\.name) == ["Sudzha"])
        #expect(pushed[property: "measured_m"]?.doubleValue == sudzha)
        #expect(pushed[property: "verdict"]?.stringValue == "consistent")
        #expect(try depthList(pushed, "context_places").contains { $0.deeper && $0.name.contains("govskiy") })

        // "advanced 5 km into Russia." stands alone in its paragraph: the next sentence, naming Lgov, is in
        // the next paragraph. Nothing is checked; the places named elsewhere are listed as context.
        let alone = try #require(claims["5 km"])
        #expect(alone[property: "attribution"]?.stringValue == "no place named with the claim")
        #expect(alone[property: "verdict"]?.stringValue == "context")
        #expect(alone[property: "measured_m"] == nil)
        // Reach for 5 km: max(2 × 5, 5 + 50) = 55 km, so Lgov (46.7), Korenevo (20.0) and Sudzha (9.4) are
        // all given, all deeper than 5.5 km.
        let context = try depthList(alone, "context_places")
        #expect(context.count == 3 && context.allSatisfy(\.deeper))

        // "moved to the Kursk region, about 30 km from the frontier, and to Sudzha": the distance describes
        // the region named before it, not Sudzha after it (9.4 km, which would read as "inconsistent").
        let region = try #require(claims["about 30 km"])
        #expect(region[property: "verdict"]?.stringValue == "unverifiable")
        #expect(region[property: "finding"]?.stringValue?.contains("an area rather than a point") == true)
    }

    @Test("strike targets are not where the troops are; a share is checked against the area claimed beside it",
          .enabled(if: hasData, "needs the repository's Gazetteer/ data (places, countries, borders)"))
    func strikeTargetsAndShares() throws {
        let (r, out) = try runMap(CLI.fixture("map/strikes-and-shares.txt"), quiet: true)
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(r.status == 0, "\(r.stderr)")
        let claims = try claims(out)
        // "advanced 5 km into Russia after strikes on Korenevo and Lgov": both are targets, so no
        // place is checked and both are context (Korenevo lies about 20 km in, deeper than 5 km).
        let advance = try #require(claims["5 km"])
        #expect(advance[property: "attribution"]?.stringValue == "no place named with the claim")
        #expect(advance[property: "verdict"]?.stringValue == "context")
        #expect(try depthList(advance, "context_places").contains { $0.name == "Korenevo" && $0.deeper })
        // Lebanon covers 10,452 km² (CIA World Factbook): 1,200 km² is 11.5 % of it, within
        // max(20 % of a tenth, 1 point) = 2 points of "a tenth".
        let tenth = try #require(claims["about a tenth"])
        #expect(tenth[property: "verdict"]?.stringValue == "consistent")
        #expect(tenth[property: "finding"]?.stringValue?.contains("of Lebanon") == true)
        // Ukraine covers 603,550 km² (CIA World Factbook): 110,000 km² is 18.2 %, not a third
        // (33.3 % ± 6.7 points).
        let third = try #require(claims["roughly a third"])
        #expect(third[property: "verdict"]?.stringValue == "inconsistent")
        // The area in that sentence is put in context against Ukraine, the country of its share.
        #expect(try #require(claims["some 110,000 sq km"])[property: "finding"]?.stringValue?.contains("of Ukraine") == true)
    }

    @Test("the border the text is about, depth 'inside' a country, the Line of Control, a country's border, shares to the digit given",
          .enabled(if: hasData, "needs the repository's Gazetteer/ data (places, countries, borders)"))
    func bordersAndShares() throws {
        let (r, out) = try runMap(CLI.fixture("map/borders-and-shares.txt"), quiet: true)
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(r.status == 0, "\(r.stderr)")
        let claims = try claims(out)
        // Georgetown lies on the coast about 140 km from the Suriname border (the Corentyne) and
        // well over 200 km from Venezuela's; the report is about Venezuela, so "the border" is that
        // one and "more than 200 km" holds (against Suriname's it would not).
        let georgetown = try #require(claims["more than 200 km"])
        #expect(georgetown[property: "border"]?.stringValue == "GY-VE")
        #expect(georgetown[property: "verdict"]?.stringValue == "consistent")
        #expect((200_000...300_000).contains(try #require(georgetown[property: "measured_m"]?.doubleValue)))
        // "some 6 km inside Russia" is a depth claim, like "into Russia": checked at Kozinka, a village
        // on the border.
        let inside = try #require(claims["some 6 km"])
        #expect(inside[property: "attribution"] != nil)
        #expect(inside[property: "border"]?.stringValue == "RU-UA")
        // Uri lies a few km from the Line of Control, which the border data carries as India–Pakistan.
        let uri = try #require(claims["less than 10 km"])
        #expect(uri[property: "border"]?.stringValue == "IN-PK")
        #expect(uri[property: "verdict"]?.stringValue == "consistent")
        // "about ten kilometres from Azerbaijan": from that country's border (Berd, Tavush, lies near it).
        let berd = try #require(claims["about ten kilometres"])
        #expect(berd[property: "border"]?.stringValue == "AM-AZ")
        // Pakistan covers 881,913 km² (CIA World Factbook): 13,300 km² is 1.5 %, not "about 2.5 %"
        // (2.5 ± 0.5 points: 20 % of the share, or half a unit of its last digit if larger).
        #expect(try #require(claims["about 2.5 %"])[property: "verdict"]?.stringValue == "inconsistent")
        // "the southern half of the town" is no share of a territory.
        #expect(!claims.keys.contains { $0.contains("half") })
        // "Kharkiv itself" beside "the Kharkiv region" is the city, some 30–40 km from Russia.
        let kharkiv = try #require(claims["some 25 miles"])
        #expect((25_000...45_000).contains(try #require(kharkiv[property: "measured_m"]?.doubleValue)))
    }

    @Test("a range of distances holds when the measured distance lies between its two ends",
          .enabled(if: hasData, "needs the repository's Gazetteer/ data (places, countries, borders)"))
    func rangeClaims() throws {
        let (r, out) = try runMap(CLI.fixture("map/ranges.txt"), quiet: true)
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(r.status == 0, "\(r.stderr)")
        let claims = try claims(out)
        // Sudzha lies about 9–10 km from the Ukrainian border (Tetkino about 3 km; both are border
        // towns of Kursk oblast): inside 5–12 km, far short of 20–30 km.
        let sudzha = try #require(claims["between 5 and 12 km"])
        #expect(sudzha[property: "qualifier"]?.stringValue == "range")
        #expect(sudzha[property: "lower_value_m"]?.doubleValue == 5_000)
        #expect(sudzha[property: "verdict"]?.stringValue == "consistent")
        #expect(try #require(claims["20 to 30 km"])[property: "verdict"]?.stringValue == "inconsistent")
    }

    @Test("claims in Russian: a depth into a region, distances from the border with their hedges",
          .enabled(if: hasData, "needs the repository's Gazetteer/ data (places, countries, borders)"))
    func russianClaims() throws {
        let (r, out) = try runMap(CLI.fixture("map/russian-claims.txt"), quiet: true)
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(r.status == 0, "\(r.stderr)")
        let claims = try claims(out)
        // "примерно на 20 км вглубь Курской области": a depth into Russia, checked at Korenevo, which
        // lies about 20 km from the Ukrainian border.
        let depth = try #require(claims["примерно на 20 км"])
        #expect(depth[property: "attribution"] != nil)
        #expect(depth[property: "verdict"]?.stringValue == "consistent")
        // Sudzha lies about 9–10 km from the border: "примерно в 9 км" agrees.
        #expect(try #require(claims["примерно в 9 км"])[property: "verdict"]?.stringValue == "consistent")
        // Shebekino lies about 7 km from it, so "менее чем в 3 км" (an upper bound) does not.
        let shebekino = try #require(claims["менее чем в 3 км"])
        #expect(shebekino[property: "qualifier"]?.stringValue == "atMost")
        #expect(shebekino[property: "verdict"]?.stringValue == "inconsistent")
    }

    @Test("where speakers are is not where troops are; a border named by its neighbour's adjective; a town only against its own country's borders",
          .enabled(if: hasData, "needs the repository's Gazetteer/ data (places, countries, borders)"))
    func speakersAndNeighbours() throws {
        let (r, out) = try runMap(CLI.fixture("map/claims-speakers-and-neighbours.txt"), quiet: true)
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(r.status == 0, "\(r.stderr)")
        let claims = try claims(out)
        // "the defence ministry in Yerevan said": Yerevan, some 60 km from Azerbaijan, is where the
        // speakers are; the advance is checked at Sotk, a village on the border.
        let sotk = try #require(claims["about 7 km"])
        #expect(try depthList(sotk, "places_checked").map(\.name) == ["Sotk"])
        #expect(sotk[property: "verdict"]?.stringValue == "consistent")
        // "от польской границы" (from the Polish border) names Poland: Kuźnica, a Polish village at the
        // Belarusian crossing, is measured to the Belarus–Poland line.
        #expect(try #require(claims["не более чем в 2 км"])[property: "border"]?.stringValue == "BY-PL")
        // Khan Younis is in Gaza; the border data has no Egypt–Gaza line, so the claim is not checked
        // against some other border of Egypt.
        let khanYounis = try #require(claims["within 10 km"])
        #expect(khanYounis[property: "verdict"]?.stringValue == "unverifiable")
        #expect(khanYounis[property: "border"] == nil)
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

    @Test("an invalid GeoJSON event is reported and skipped, the others mapped; --strict writes nothing",
          .enabled(if: hasData, "needs the repository's Gazetteer/ data (places, countries, borders)"))
    func invalidEvent() throws {
        let fixture = "Tests/incmapTests/Fixtures/events-one-invalid.geojson"
        let (r, out) = try runMap(fixture)
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try features(out, "events.geojson").compactMap { $0[property: "name"]?.stringValue } == ["Sudzha", "Glushkovo"])
        #expect(r.stderr.contains("features[1].geometry.coordinates: latitude 151.19") && r.stderr.contains("(feature skipped)"))
        let strictOut = FileManager.default.temporaryDirectory.appendingPathComponent("incmap-map-\(UUID().uuidString)")
        let strict = try CLI.run(["map", fixture, "--out", strictOut.path, "--quiet", "--strict"], currentDirectory: Self.root)
        #expect(strict.status != 0)
        #expect(strict.stderr.contains("1 record(s) could not be read"))
        #expect(!FileManager.default.fileExists(atPath: strictOut.path))
    }

    @Test("a missing input is one error line, a non-zero exit, and no output folder")
    func missingInput() throws {
        let (r, out) = try runMap("Samples/no-such-report.txt")
        #expect(r.status != 0)
        #expect(r.stderr.contains("no-such-report.txt") && r.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
