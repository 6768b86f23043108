import Testing
@testable import Geoparser

/// Resolution in context on short reports written for these tests, against `TestGazetteer`.
struct ResolutionTests {
    let parser = Geoparser(lookup: TestGazetteer())

    func place(_ name: String, in text: String) -> PlaceRecord? {
        parser.parse(text).toponyms.first { $0.text == name }?.place
    }

    @Test("Korenevo in a report about Sudzha lands in Kursk oblast, not near Moscow")
    func korenevoNearSudzha() {
        // GeoNames: Korenevo (Kursk) is geonames:544084 in this table; the other one is in Moscow oblast
        // and larger, so population alone would pick it.
        let text = "Ukrainian troops took Sudzha and pressed on towards Korenevo."
        #expect(place("Korenevo", in: text)?.id == "geonames:544084")
        #expect(place("Korenevo", in: "Korenevo is a quiet town near Moscow Oblast.")?.id == "geonames:544085")
    }

    @Test("\"Springfield, Illinois\": the region after the comma decides")
    func commaRegion() {
        // Without context the larger Springfield (Missouri, 166,810) wins; with ", Illinois" the Illinois one.
        #expect(place("Springfield", in: "Springfield, Illinois, voted.")?.region == "iso3166-2:US-IL")
        #expect(place("Springfield", in: "Springfield voted.")?.region == "iso3166-2:US-MO")
    }

    @Test("\"Washington County\": one of three counties, chosen by the state the report names")
    func countyByState() throws {
        // Without context the most populous of the three (Pennsylvania's) wins; a report that names
        // Ohio or Alabama gets that state's county.
        #expect(place("Washington County", in: "Washington County deputies closed the road.")?.id == "us-census:42125")
        let ohio = "Flooding closed schools across Ohio on Monday. In Washington County, deputies closed the road."
        let found = try #require(place("Washington County", in: ohio))
        #expect(found.id == "us-census:39167")
        #expect(found.kind == .district)
        #expect(place("Washington County", in: "Washington County, Alabama, sheriffs said.")?.id == "us-census:01129")
    }

    @Test("two ambiguous names read together: Paris and Henry County are in Tennessee")
    func neighbouringReadings() {
        // Paris, Tennessee (GeoNames) lies 3 km from the centre of Henry County, Tennessee (Census
        // outline); neither is its name's most likely reading alone (Paris, France; Henry County,
        // Georgia, the most populous).
        let text = "The Paris school board met Tuesday. Henry County deputies said the road is closed."
        #expect(place("Paris", in: text)?.id == "geonames:4647963")
        #expect(place("Henry County", in: text)?.id == "us-census:47079")
        #expect(place("Paris", in: "The Paris school board met Tuesday.")?.id == "geonames:2988507")
        #expect(place("Henry County", in: "Henry County deputies said the road is closed.")?.id == "us-census:13151")
    }

    @Test("a name's own sentence weighs more than the rest of the report: Brest, Belarus")
    func sentenceCountry() {
        // The report is mostly about Ukraine, so country evidence alone favours the Ukrainian
        // village listed as "Brest"; Belarus, named in the same sentence, decides.
        let text = "Ukrainian forces held Sumy and Kyiv. Officials in Sumy said the front was calm. "
            + "Ukrainian officials in Kyiv agreed. Lukashenko said Belarus would defend Brest."
        #expect(place("Brest", in: text)?.id == "geonames:629634")
    }

    @Test("a region of a country the text never mentions loses to another reading: Gaza beside Israel")
    func foreignRegion() {
        // Mozambique's Gaza province would win on the region prior alone.
        #expect(place("Gaza", in: "Rockets were fired from Gaza into Israel.")?.id == "geonames:281133")
        #expect(place("Gaza", in: "Floods hit Gaza.")?.id == "iso3166-2:MZ-G")
    }

    @Test("a region is not counted twice for a place inside it: Kharkiv beside Izium is the city")
    func regionNotTwice() {
        #expect(place("Kharkiv", in: "The president visited Kharkiv and Izium on Friday.")?.id == "geonames:706483")
        #expect(place("Kharkiv", in: "Shelling hit Izium in the Kharkiv region.")?.id == "iso3166-2:UA-63")
    }

    @Test("Georgia: the state among US places, the country among Caucasus places")
    func georgia() {
        #expect(place("Georgia", in: "Flights from Atlanta to other cities in Georgia were cancelled.")?.kind == .region)
        #expect(place("Georgia", in: "Tbilisi is the capital of Georgia.")?.kind == .country)
    }

    @Test("countries resolve to their representative point, not the capital")
    func representativePoint() throws {
        let russia = try #require(place("Russia", in: "Russia denied it."))
        // TestGazetteer's Russia point is (60, 100), as the eval corpora's gold; Moscow is (55.75, 37.6).
        #expect(russia.location.latitude == 60 && russia.location.longitude == 100)
    }

    @Test("every resolved mention has a score in 0…1 and reasons")
    func scoreAndReasons() throws {
        let result = parser.parse("Ukrainian troops took Sudzha and pressed on towards Korenevo in Russia.")
        for m in result.toponyms {
            #expect(m.score > 0 && m.score <= 1)
            #expect(!m.reasons.isEmpty)
        }
        let korenevo = try #require(result.toponyms.first { $0.text == "Korenevo" })
        #expect(korenevo.candidateCount == 2)
        #expect(korenevo.reasons.contains { $0.contains("km from") })
    }

    @Test("given spans are resolved as they are (oracle mode), unknown ones come back unresolved")
    func givenSpans() {
        let text = "They met in Sudzha and Atlantis."
        // "Sudzha" at 12..<18 and "Atlantis" at 23..<31 (hand count of scalars).
        let result = parser.resolve(text, spans: [12..<18, 23..<31])
        #expect(result.toponyms.map(\.text) == ["Sudzha", "Atlantis"])
        #expect(result.toponyms[0].place?.name == "Sudzha")
        #expect(result.toponyms[1].place == nil)
    }

    @Test("names listed before a plural administrative word are those units: the Kursk and Belgorod regions, Washington and Henry counties")
    func listBeforePluralGeneric() {
        // Without "regions" the bare names are the cities (GeoNames 538560, 578072).
        let cities = parser.parse("Drones hit Kursk and Belgorod overnight.").toponyms.map { $0.place?.id }
        #expect(cities == ["geonames:538560", "geonames:578072"])
        let regions = parser.parse("Drones hit the Kursk and Belgorod regions overnight.").toponyms
        #expect(regions.map(\.text) == ["Kursk", "Belgorod"])
        #expect(regions.map { $0.place?.id } == ["iso3166-2:RU-KRS", "iso3166-2:RU-BEL"])
        // "Washington" and "Henry" alone are a city and a given name; before "counties" each is its county.
        let counties = parser.parse("Storms closed schools in Washington and Henry counties on Monday.").toponyms
        #expect(counties.map(\.text) == ["Washington", "Henry"])
        #expect(counties.allSatisfy { $0.place?.kind == .district })
        // No list: "the Baltic states" is a name of its own, and "Ohio and other states" names Ohio only.
        #expect(parser.parse("Ohio and other states sued.").toponyms.map(\.text) == ["Ohio"])
    }

    @Test("reasons: false leaves the reasons empty and changes nothing else")
    func withoutReasons() {
        let texts = [
            "Ukrainian troops took Sudzha and pressed on towards Korenevo.",
            "Springfield, Illinois, voted. Storms closed schools in Washington and Henry counties on Monday.",
            "Drones hit the Kursk and Belgorod regions overnight, Russian officials said.",
        ]
        for text in texts {
            let full = parser.parse(text)
            var bare = parser.parse(text, reasons: false)
            #expect(!full.toponyms.allSatisfy { $0.reasons.isEmpty })
            #expect((bare.toponyms + bare.demonyms).allSatisfy { $0.reasons.isEmpty })
            for k in bare.toponyms.indices { bare.toponyms[k].reasons = full.toponyms[k].reasons }
            for k in bare.demonyms.indices { bare.demonyms[k].reasons = full.demonyms[k].reasons }
            #expect(bare == full)
        }
    }
}
