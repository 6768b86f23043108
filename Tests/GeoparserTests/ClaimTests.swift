import Testing
@testable import Geoparser

/// Claims in short sentences written for these tests. Expected SI values are hand conversions with
/// the exact unit definitions: 1 mile = 1,609.344 m, 1 foot = 0.3048 m, 1 acre = 4,046.8564224 m²,
/// 1 sq mile = 1,609.344² m² = 2,589,988.110336 m².
struct ClaimTests {
    let parser = Geoparser(lookup: TestGazetteer())

    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        var text: String
        var kind: Claim.Kind
        var value: Double
        var qualifier: Claim.Qualifier
        var subject: String?
        var testDescription: String { text }
    }

    @Test("distances, areas and fractions with their values in SI units", arguments: [
        // 35 km = 35,000 m; the bracketed 22 miles is kept as an alternative.
        Case(sentence: "The column pushed 35 km (22 miles) into Russia before dawn.", text: "35 km (22 miles)",
             kind: .distance, value: 35_000, qualifier: .exact, subject: "Russia"),
        // 20 kilometres = 20,000 m.
        Case(sentence: "Shelling was reported 20 kilometres from the border on Tuesday.", text: "20 kilometres",
             kind: .distance, value: 20_000, qualifier: .exact, subject: "the border"),
        // "up to" is an upper bound; 12 km = 12,000 m.
        Case(sentence: "Units advanced up to 12 km deep in some sectors.", text: "up to 12 km",
             kind: .distance, value: 12_000, qualifier: .atMost, subject: nil),
        Case(sentence: "Sudzha lies about 10 km from the border.", text: "about 10 km",
             kind: .distance, value: 10_000, qualifier: .approximately, subject: "the border"),
        // "a mile" = 1 mile = 1,609.344 m.
        Case(sentence: "The bridge is a mile north of Sumy.", text: "a mile",
             kind: .distance, value: 1_609.344, qualifier: .exact, subject: "Sumy"),
        // 1,000 sq km = 1,000 × 10⁶ m².
        Case(sentence: "Kyiv says it holds 1,000 sq km of Russian land.", text: "1,000 sq km",
             kind: .area, value: 1e9, qualifier: .exact, subject: "Russian land"),
        // 480 square miles = 480 × 2,589,988.110336 m² = 1,243,194,292.96128 m².
        Case(sentence: "They claimed at least 480 square miles of territory.", text: "at least 480 square miles",
             kind: .area, value: 1_243_194_292.96128, qualifier: .atLeast, subject: "territory"),
        // 250 km² = 250 × 10⁶ m².
        Case(sentence: "An area of roughly 250 km² changed hands.", text: "roughly 250 km²",
             kind: .area, value: 2.5e8, qualifier: .approximately, subject: nil),
        // a fifth = 0.2.
        Case(sentence: "Russia occupies a fifth of its territory.", text: "a fifth",
             kind: .fraction, value: 0.2, qualifier: .exact, subject: "its territory"),
        // 20 percent = 0.2.
        Case(sentence: "Moscow controls nearly 20 percent of Ukraine.", text: "nearly 20 percent",
             kind: .fraction, value: 0.2, qualifier: .approximately, subject: "Ukraine"),
        // 18% = 0.18.
        Case(sentence: "About 18% of Ukraine's territory is occupied.", text: "About 18%",
             kind: .fraction, value: 0.18, qualifier: .approximately, subject: "Ukraine's territory"),
        // 500 feet = 152.4 m.
        Case(sentence: "The drone flew at 500 feet.", text: "500 feet",
             kind: .distance, value: 152.4, qualifier: .exact, subject: nil),
        // "twenty-five miles" = 25 × 1,609.344 = 40,233.6 m; "inside" links the country, as "into" does.
        Case(sentence: "Troops were twenty-five miles inside Belarus.", text: "twenty-five miles",
             kind: .distance, value: 40_233.6, qualifier: .exact, subject: "Belarus"),
        // Russian and Ukrainian: "вглубь"/"углиб" (into the depth of) and "от"/"від" (from) link the
        // subject; a hedge may stand before the preposition of the figure ("примерно в 9 км").
        Case(sentence: "ВСУ продвинулись на 30 км вглубь Курской области.", text: "30 км",
             kind: .distance, value: 30_000, qualifier: .exact, subject: "Курской области"),
        Case(sentence: "Суджа находится примерно в 9 км от границы.", text: "примерно в 9 км",
             kind: .distance, value: 9_000, qualifier: .approximately, subject: "границы"),
        Case(sentence: "Шебекино расположено менее чем в 3 км от границы.", text: "менее чем в 3 км",
             kind: .distance, value: 3_000, qualifier: .atMost, subject: "границы"),
        Case(sentence: "Війська просунулися на 12 кілометрів углиб Курської області.", text: "12 кілометрів",
             kind: .distance, value: 12_000, qualifier: .exact, subject: "Курської області"),
        // "не более чем" is an upper bound; the adjective of a country stays in the subject.
        Case(sentence: "Суджа находится не более чем в 10 км от украинской границы.", text: "не более чем в 10 км",
             kind: .distance, value: 10_000, qualifier: .atMost, subject: "украинской границы"),
        // 4 miles = 4 × 1,609.344 = 6,437.376 m; "менее чем" is an upper bound.
        Case(sentence: "Брест расположен менее чем в 4 милях от границы.", text: "менее чем в 4 милях",
             kind: .distance, value: 6_437.376, qualifier: .atMost, subject: "границы"),
        // 500 metres.
        Case(sentence: "Село лежить за 500 метрів від кордону.", text: "500 метрів",
             kind: .distance, value: 500, qualifier: .exact, subject: "кордону"),
        // "кв. км": 1,000 km² = 1e9 m²; "территории" (of territory) is its subject, as "of" would be.
        Case(sentence: "Под контролем около 1000 кв. км территории.", text: "около 1000 кв. км",
             kind: .area, value: 1e9, qualifier: .approximately, subject: "территории"),
        // "12 % территории Молдовы": the genitive is the "of".
        Case(sentence: "Это около 12 % территории Молдовы.", text: "около 12 %",
             kind: .fraction, value: 0.12, qualifier: .approximately, subject: "территории Молдовы"),
        // "a twentieth" = 0.05.
        Case(sentence: "The region is a twentieth of Azerbaijan.", text: "a twentieth",
             kind: .fraction, value: 0.05, qualifier: .exact, subject: "Azerbaijan"),
        // "m" is metres before a measure's relation: 500 m.
        Case(sentence: "Families living within 500 m of the new posts were moved.", text: "within 500 m",
             kind: .distance, value: 500, qualifier: .atMost, subject: nil),
        // Ranges: the upper value, qualifier `range` (the lower value is checked in `ranges`).
        Case(sentence: "The strip is between 2 and 5 km wide along the frontier.", text: "between 2 and 5 km",
             kind: .distance, value: 5_000, qualifier: .range, subject: "the frontier"),
        Case(sentence: "Shells landed 10 to 15 km from the border.", text: "10 to 15 km",
             kind: .distance, value: 15_000, qualifier: .range, subject: "the border"),
        Case(sentence: "Бои идут в 2–3 километрах от границы.", text: "2–3 километрах",
             kind: .distance, value: 3_000, qualifier: .range, subject: "границы"),
        // Russian number words in their cases: "двух" = 2, so 2,000 m; "более чем" a lower bound.
        Case(sentence: "Снаряды падали более чем в двух километрах от Шебекино.", text: "более чем в двух километрах",
             kind: .distance, value: 2_000, qualifier: .atLeast, subject: "Шебекино"),
        // "25 тыс. гектаров" = 25,000 ha = 25,000 × 10⁴ m² = 2.5e8 m².
        Case(sentence: "Пожар охватил более 25 тыс. гектаров леса.", text: "более 25 тыс. гектаров",
             kind: .area, value: 2.5e8, qualifier: .atLeast, subject: nil),
        // A measure as an adjective: "10-кілометровій" = 10 km.
        Case(sentence: "Евакуацію оголосили у 10-кілометровій зоні вздовж кордону.", text: "10-кілометровій",
             kind: .distance, value: 10_000, qualifier: .exact, subject: nil),
        // Russian and Ukrainian fractions: "двух третей" = 2/3, "половина її території" = 1/2,
        // "Близько третини" = 1/3.
        Case(sentence: "Под контролем оказалось более двух третей региона.", text: "более двух третей",
             kind: .fraction, value: 2.0 / 3, qualifier: .atLeast, subject: "региона"),
        Case(sentence: "Окупована приблизно половина її території.", text: "приблизно половина",
             kind: .fraction, value: 0.5, qualifier: .approximately, subject: "її території"),
        Case(sentence: "Близько третини території області досі окуповано.", text: "Близько третини",
             kind: .fraction, value: 1.0 / 3, qualifier: .approximately, subject: "території області"),
        // "не менее чем" is a lower bound (not "менее чем", less than): 15 km.
        Case(sentence: "Позиции находятся не менее чем в 15 км от Запорожья.", text: "не менее чем в 15 км",
             kind: .distance, value: 15_000, qualifier: .atLeast, subject: "Запорожья"),
        // Nautical miles: 12 × 1,852 = 22,224 m, in Russian too (20 × 1,852 = 37,040 m).
        Case(sentence: "Корабли держатся в пределах 12 морских миль от берега.", text: "в пределах 12 морских миль",
             kind: .distance, value: 22_224, qualifier: .atMost, subject: nil),
        Case(sentence: "The shoal lies inside the 200-nautical-mile zone off Luzon.", text: "200-nautical-mile",
             kind: .distance, value: 370_400, qualifier: .exact, subject: nil),
        // "10,460-square-kilometre": 10,460 × 10⁶ m².
        Case(sentence: "The Abyei Area, a 10,460-square-kilometre territory, is disputed.", text: "10,460-square-kilometre",
             kind: .area, value: 1.046e10, qualifier: .exact, subject: nil),
        // Two units in one range: 200 m to 10 km; the value is the upper end.
        Case(sentence: "The zone is between 200 metres and 10 km wide.", text: "between 200 metres and 10 km",
             kind: .distance, value: 10_000, qualifier: .range, subject: nil),
        // A conversion with a hyphen: 30 km (18 miles).
        Case(sentence: "Ankara wants a 30-km (18-mile) deep zone along the frontier.", text: "30-km (18-mile)",
             kind: .distance, value: 30_000, qualifier: .exact, subject: nil),
        // Two adjectives before the head; "около трёх четвертей" = 3/4 of a region named by adjective and head.
        Case(sentence: "India administers about 55 per cent of the former princely state.", text: "about 55 per cent",
             kind: .fraction, value: 0.55, qualifier: .approximately, subject: "the former princely state"),
        Case(sentence: "Россия удерживает около трёх четвертей Запорожской области.", text: "около трёх четвертей",
             kind: .fraction, value: 0.75, qualifier: .approximately, subject: "Запорожской области"),
        // An adjective before the head of the subject: a quarter = 0.25.
        Case(sentence: "The enclave covers roughly a quarter of its prewar area.", text: "roughly a quarter",
             kind: .fraction, value: 0.25, qualifier: .approximately, subject: "its prewar area"),
    ])
    func measure(_ c: Case) throws {
        let claims = parser.parse(c.sentence).claims.filter { $0.kind != .date }
        try #require(claims.count == 1, "claims: \(claims.map(\.text))")
        let claim = claims[0]
        #expect(claim.text == c.text)
        #expect(claim.kind == c.kind)
        #expect(abs((claim.value ?? .nan) - c.value) <= 1e-6 * c.value)
        #expect(claim.qualifier == c.qualifier)
        #expect(claim.subject?.text == c.subject)
        // The span points at the text.
        let scalars = Array(c.sentence.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[claim.start..<claim.end])) == claim.text)
    }

    @Test("a conversion in brackets is kept: 35 km (22 miles) → 22 × 1,609.344 m = 35,405.568 m")
    func conversion() throws {
        let claim = try #require(parser.parse("They drove 35 km (22 miles) into Russia.").claims.first)
        #expect(claim.alternatives.count == 1)
        #expect(abs(claim.alternatives[0] - 35_405.568) < 1e-6)
        #expect(claim.unit == "km")
        #expect(claim.statedValue == 35)
    }

    @Test("a claim's subject is linked to the resolved place or the demonym's country")
    func subjects() throws {
        let result = parser.parse("Ukrainian forces are 30 km into Russia and 12 km from the Russian border.")
        let distances = result.claims.filter { $0.kind == .distance }
        try #require(distances.count == 2)
        #expect(distances[0].subject?.relation == "into")
        #expect(distances[0].subject?.place?.id == "iso3166-1:RU")
        #expect(distances[1].subject?.text == "the Russian border")
        #expect(distances[1].subject?.place?.id == "iso3166-1:RU")
    }

    @Test("\"its territory\" refers to the last country named before the claim")
    func possessiveTerritory() throws {
        let claim = try #require(parser.parse("Ukraine has lost a fifth of its territory.").claims.first)
        #expect(claim.subject?.place?.id == "iso3166-1:UA")
    }

    @Test("direction and dimension words after a distance")
    func directionAndDimension() throws {
        let c1 = try #require(parser.parse("A depot 15 km north of Kursk burned.").claims.first)
        #expect(c1.direction == "north")
        #expect(c1.subject?.place?.name == "Kursk")
        let c2 = try #require(parser.parse("The salient is 40 km wide.").claims.first)
        #expect(c2.dimension == "wide")
    }

    @Test("dates in the usual forms, as ISO 8601", arguments: [
        ("The raid began on August 6, 2024.", "August 6, 2024", "2024-08-06"),
        ("The raid began on 6 August 2024.", "6 August 2024", "2024-08-06"),
        ("Logged 2024-08-06 at the border.", "2024-08-06", "2024-08-06"),
        ("By Aug. 12 the front had moved.", "Aug. 12", "--08-12"),
        ("Fighting resumed in March 2025.", "March 2025", "2025-03"),
        ("Наступление началось 6 августа 2024 года.", "6 августа 2024", "2024-08-06"),
    ])
    func dates(sentence: String, text: String, iso: String) throws {
        let claims = parser.parse(sentence).claims.filter { $0.kind == .date }
        try #require(claims.count == 1)
        #expect(claims[0].text == text)
        #expect(claims[0].date == iso)
    }

    @Test("a range keeps its lower value: between 2 and 5 km → 2,000 to 5,000 m; 10–15 miles → 16,093.44 to 24,140.16 m")
    func ranges() throws {
        let claims = parser.parse("The strip is between 2 and 5 km wide, and raids reached 10–15 miles inland.").claims
        #expect(claims.map(\.qualifier) == [.range, .range])
        #expect(claims.map(\.lowerValue) == [2_000, 16_093.44])
        #expect(claims.map(\.value) == [5_000, 24_140.16])
        // A hedge before a range bounds it: "up to 10–15 km" is at most 15 km, with no lower value.
        let hedged = parser.parse("Raids reached up to 10–15 km inland.").claims
        #expect(hedged.map(\.qualifier) == [.atMost])
        #expect(hedged.first?.lowerValue == nil)
    }

    @Test("numbers that measure nothing geographic are not claims", arguments: [
        "He is 35 years old.", "A third round of talks is planned.", "About 200 people fled.",
        "The village had 5 schools.", "The council approved a $3m grant.", "Some 2m people voted.",
        "Highway 10 to 15 lanes were closed.", "Winds gusting at 70 km/h fanned the fire.", "Ветер до 25 м/с мешает тушению.",
        "The car was doing 30 miles per hour.", "Romania will spend 2.5% of GDP on defence.", "The party won 40 percent of the vote.",
    ])
    func nonClaims(sentence: String) {
        #expect(parser.parse(sentence).claims.isEmpty)
    }
}
