import Testing
@testable import Geoparser

/// Mention finding on short reports written for these tests, against `TestGazetteer`.
struct MentionTests {
    let parser = Geoparser(lookup: TestGazetteer())

    func names(_ text: String) -> [String] { parser.parse(text).toponyms.map(\.text) }

    @Test("every mention's offsets point at its text, including after emoji and combining marks")
    func offsets() {
        let text = "🔥🔥 Breaking 🇺🇦: Ukrainian units entered Sudzha; Café\u{0301} owners fled to Kursk. 👍🏽 Sumy is calm."
        let result = parser.parse(text)
        let scalars = Array(text.unicodeScalars)
        #expect(result.toponyms.map(\.text) == ["Sudzha", "Kursk", "Sumy"])
        for m in result.toponyms + result.demonyms {
            #expect(String(String.UnicodeScalarView(scalars[m.start..<m.end])) == m.text)
        }
    }

    @Test("possessives, directions and generic words leave the name")
    func modifiers() {
        let result = parser.parse("Russia's army moved into western Kursk region and northern Ukraine, near the Kursk area.")
        #expect(result.toponyms.map(\.text) == ["Russia", "Kursk", "Ukraine", "Kursk"])
        #expect(result.toponyms[1].modifier == "western")
        #expect(result.toponyms[1].generic == "region")
        #expect(result.toponyms[2].modifier == "northern")
        // "Kursk region" asks for the region, not the city.
        #expect(result.toponyms[1].place?.kind == .region)
    }

    @Test("a capitalised generic word is part of the name: Kursk Oblast")
    func capitalisedGeneric() {
        #expect(names("Fighting continued in Kursk Oblast on Friday.") == ["Kursk Oblast"])
    }

    @Test("multi-word names match as a whole", arguments: [
        ("Troops reached Bolshoye Soldatskoye at noon.", ["Bolshoye Soldatskoye"]),
        ("The delegation flew to Rio de Janeiro.", ["Rio de Janeiro"]),
    ])
    func multiWord(text: String, expected: [String]) { #expect(names(text) == expected) }

    @Test("people's names that contain place names are not places")
    func people() {
        #expect(names("George Washington crossed the river.").isEmpty)
        #expect(names("A statue of Mr. Reading stands there.").isEmpty)
        #expect(names("President Washington said nothing.").isEmpty)
    }

    @Test("common words that are places need a cue", arguments: [
        ("Reading the report took an hour.", [String]()),
        ("March was cold in Kursk.", ["Kursk"]),
        ("The talks on March 3 ended.", []),
        ("Talks resumed on Monday in Nice.", ["Nice"]),
        ("It was a Nice idea.", []),
        ("She moved to Reading last year.", ["Reading"]),
        ("The port of Mobile, Alabama, flooded.", ["Mobile", "Alabama"]),
        ("Delegates met in Nice and then in Bath.", ["Nice", "Bath"]),
        // "superior" is in the SCOWL English word list, and no Superior has 100,000 people: the
        // name needs a cue once in the text, and then every mention counts.
        ("A Superior Court judge heard the case.", []),
        ("Flooding closed roads in Superior. Superior officials opened a shelter.", ["Superior", "Superior"]),
    ])
    func commonWords(text: String, expected: [String]) { #expect(names(text) == expected) }

    @Test("organisations named after places are not places")
    func organisations() {
        #expect(names("The Washington Post reported it.").isEmpty)
        // A state's highway police and a county's numbered road name the state and the county; a
        // street named after a town is not the town.
        #expect(names("The Ohio Highway Patrol closed Henry County Road 12 and Washington Street.") == ["Ohio", "Henry County"])
    }

    @Test("demonyms are country evidence, separate from toponyms")
    func demonyms() {
        let result = parser.parse("Ukrainian and Belarusian officials met American diplomats.")
        #expect(result.toponyms.isEmpty)
        #expect(result.demonyms.map(\.text) == ["Ukrainian", "Belarusian", "American"])
        #expect(result.demonyms.map { $0.place?.country } == ["UA", "BY", "US"])
        #expect(result.demonyms.allSatisfy { $0.kind == .demonym })
        // Peoples of a country's regions are evidence for the country that includes them
        // (internationally recognised borders): South Ossetia and Abkhazia in Georgia, Chechnya in Russia.
        let regional = parser.parse("South Ossetian and Abkhaz officials met Chechen fighters.")
        #expect(regional.demonyms.map(\.text) == ["South Ossetian", "Abkhaz", "Chechen"])
        #expect(regional.demonyms.map { $0.place?.country } == ["GE", "GE", "RU"])
    }

    @Test("abbreviations are matched by case: U.S. and UK are countries, \"us\" and \"Eu\" traps are avoided")
    func abbreviations() {
        let result = parser.parse("The U.S. and the UK told us the EU would act. Let US help.")
        #expect(result.toponyms.map(\.text) == ["U.S.", "UK", "US"])
        #expect(result.toponyms.map { $0.place?.id } == ["iso3166-1:US", "iso3166-1:GB", "iso3166-1:US"])
    }

    @Test("a Cyrillic paragraph: names in Russian and Ukrainian, demonyms in lower case")
    func cyrillic() {
        let text = "Украинские войска вошли в Суджу? Нет: бои идут у Суджа и под Курском. Київ мовчить, Минск тоже."
        let result = parser.parse(text)
        // "в Суджу" (accusative) and "под Курском" (instrumental) are found in their case forms.
        #expect(result.toponyms.map(\.text) == ["Суджу", "Суджа", "Курском", "Київ", "Минск"])
        #expect(result.toponyms.map { $0.place?.name } == ["Sudzha", "Sudzha", "Kursk", "Kyiv", "Minsk"])
        #expect(result.demonyms.map { $0.place?.country } == ["UA"])
    }

    @Test("Russian names in other cases than the nominative: the span as written, one name for all its forms")
    func russianCases() {
        let result = parser.parse("ВСУ вошли в Курскую область и заняли Суджу. Удары по Сумам продолжаются. Суджа пуста.")
        #expect(result.toponyms.map(\.text) == ["Курскую область", "Суджу", "Сумам", "Суджа"])
        #expect(result.toponyms.map { $0.place?.id } == ["iso3166-2:RU-KRS", "geonames:486816", "geonames:692194", "geonames:486816"])
        // Ukrainian: "у Києві", "поблизу Києва" (the nominative Київ closes its syllable with ї).
        #expect(parser.parse("Вибухи лунали у Києві та поблизу Києва.").toponyms.map { $0.place?.id } == ["geonames:703448", "geonames:703448"])
        // People's names in the dative or instrumental are not turned into places.
        #expect(names("Песков сообщил Путину о переговорах с Зеленским.").isEmpty)
    }

    @Test("a text without places gives no mentions", arguments: [
        "The committee met on Tuesday and agreed on a budget.", "", "   \n\n ", "🙂🙂🙂", "12345 67.8",
    ])
    func noPlaces(text: String) {
        let result = parser.parse(text)
        #expect(result.toponyms.isEmpty)
        #expect(result.demonyms.isEmpty)
    }

    @Test("an article matched with a name stays out of its span: The United States → United States")
    func articleOutsideSpan() {
        // "the United States" is one of the country's listed names; the span is the name alone
        // (offset 4 = after "The "), as the annotators of the standard corpora delimit it.
        let result = parser.parse("The United States sent aid to Ukraine.")
        #expect(result.toponyms.map(\.text) == ["United States", "Ukraine"])
        #expect(result.toponyms.first?.start == 4)
    }

    @Test("a generic word that starts an organisation's name is not part of the place: Ohio State University")
    func genericStartsOrganisation() {
        #expect(names("Ohio State University froze tuition this year.") == ["Ohio"])
        #expect(names("Fighting continued in Kursk Oblast on Friday.") == ["Kursk Oblast"])
        // Any capitalised word or a number after the generic word: an office, an agency, a unit.
        #expect(names("The Ohio State Patrol closed the road.") == ["Ohio"])
        #expect(names("The Kursk Region Police reported it.") == ["Kursk"])
        #expect(parser.parse("The Kursk Region Police reported it.").toponyms.first?.place?.kind == .region)
        #expect(names("Voters in Illinois District 7 chose a judge.") == ["Illinois"])
    }

    @Test("generic nouns, holidays and organisations are not places alone", arguments: [
        ("The Panthers finished second at the University tournament.", [String]()),
        ("Hamas rejected the offer on Friday.", []),
        ("Israel said talks with Hamas had stalled.", ["Israel"]),
        ("She teaches at the University of Georgia.", ["Georgia"]),
        ("The Chamber of Commerce met in Kursk.", ["Kursk"]),
        ("Flights to Hamm resumed.", ["Hamm"]),
    ])
    func genericNouns(text: String, expected: [String]) { #expect(names(text) == expected) }

    @Test("a surname stays a person's name through the report unless \"in\" or \"near\" precedes it")
    func surnames() {
        let text = "Brett Hartman said the motion was filed. The court gave Hartman time. Later Hartman spoke."
        #expect(names(text).isEmpty)
        #expect(names("Brett Hartman spoke. Flooding was reported in Hartman.") == ["Hartman"])
        // A speaker's name is not a surname for the whole text: a town can "say" things too.
        #expect(names("Welch said it would reopen the school. Roads near Welch were closed.") == ["Welch"])
        #expect(names("\"The road is closed,\" said Welch.").isEmpty)
        #expect(names("Officials said Sudzha had fallen.") == ["Sudzha"])
        // After "said" the speaker follows the comma or quote that closes the words: when "said" has
        // its own subject, the name and its comma start what was said.
        #expect(names("The governor said Sudzha, near the border, was shelled.") == ["Sudzha"])
        #expect(names("The road is closed, said Welch, the mayor.").isEmpty)
        // "Police in Welch said": the preposition places the speaker, the name is the town's.
        #expect(names("Police in Welch said the school would reopen.") == ["Welch"])
        // After "told" the name is whom he told.
        #expect(names("The sheriff told Welch the road was closed.").isEmpty)
    }

    @Test("a lone small place that nothing else in the report supports is dropped")
    func unsupported() {
        // Korenevo is a small Russian town: in a report about Ohio it is not believed, in one that
        // names Russia it is; after "near" it is a place either way.
        #expect(names("Korenevo voted to close the school, officials in Ohio said.") == ["Ohio"])
        #expect(names("Korenevo voted to close the school, officials in Russia said.") == ["Korenevo", "Russia"])
        #expect(names("The road near Korenevo was closed, officials in Ohio said.") == ["Korenevo", "Ohio"])
        // With no other name in the text there is nothing to contradict a small town.
        #expect(names("Sudzha was shelled overnight, Ukrainian officials said.") == ["Sudzha"])
        #expect(names("Ukrainian forces entered Sudzha on Tuesday.") == ["Sudzha"])
        // Lääne (Estonia) matches "Laane" once the diacritics are folded.
        #expect(names("Laane voted to close the school, officials in Ohio said.") == ["Ohio"])
    }

    @Test("a region named like a woman, place compounds and dotted state abbreviations", arguments: [
        // "Virginia" is also a given name, but a region's name needs no cue.
        ("Relatives live in McLean, Virginia.", ["Virginia"]),
        ("Virginia and Alabama sued.", ["Virginia", "Alabama"]),
        // "-based", "-area": the first half of the compound is a place; "Wal-Mart"-style compounds are not.
        ("Sudzha-based volunteers helped Russian refugees.", ["Sudzha"]),
        ("The Sudzha-Bank deal failed.", []),
        // A state abbreviation with two full stops is one anywhere, not only after a comma.
        ("The S.C. Highway Patrol closed the road.", ["S.C."]),
        ("Rep. James Clyburn, D-S.C., spoke.", ["S.C."]),
    ])
    func regionsAndAbbreviations(text: String, expected: [String]) { #expect(names(text) == expected) }

    @Test("a town name in the place of a source is a person: according to Korenevo")
    func accordingTo() {
        // Korenevo is only a small town (no region or country of that name), so after "according
        // to" it is read as someone's name; a country there stays a place.
        #expect(names("According to Korenevo, the bridge was closed.") == [])
        #expect(names("According to Ukraine, the bridge was closed.") == ["Ukraine"])
    }

    @Test("people's names recognised from common given names and surnames (US Census 1990 lists)", arguments: [
        // A given and a middle name before a town's name: the man's surname, here and later on.
        ("James Ernest Welch was arrested on Monday. Welch was taken to jail.", [String]()),
        // A given name before a name that is only a town's: "Lee" and "Rashid" are both people.
        ("His landlord, Lee Rashid, called the police. Rashid said the door was open.", []),
        // An initial between given name and surname.
        ("The flat was leased to Barry M. George, police in Ohio said.", ["Ohio"]),
        // A given name that is also a province (Mary, Turkmenistan) before a common surname.
        ("Pictured are Mary Walker and her son, who live in Ohio.", ["Ohio"]),
        // "Will" opening a question is not a given name: the country stays.
        ("Will Ukraine join the alliance?", ["Ukraine"]),
        // A small town named like a family (Welch, West Virginia: 1,973 people) needs a cue once in
        // the text: without one it is the man.
        ("Police charged a teenager with killing Welch, officials in Ohio said. Welch was 19.", ["Ohio"]),
        ("Police charged a teenager with killing Welch. The road near Welch was closed.", ["Welch", "Welch"]),
    ])
    func censusNames(text: String, expected: [String]) { #expect(names(text) == expected) }

    @Test("firms, city institutions, datelines and lists of regions", arguments: [
        // Partners of a firm joined by an ampersand are not towns.
        ("The firm Hartman & Welch filed the suit in Ohio.", ["Ohio"]),
        // "Dublin City Council": the council of the city of Dublin. Kansas City stays whole: no town
        // is called Kansas.
        ("Dublin City Council met on Monday.", ["Dublin"]),
        ("The Kansas City Council met on Monday.", ["Kansas City"]),
        // All-capitals datelines, with a colon or after the date.
        ("KYIV: Shelling resumed overnight.", ["KYIV"]),
        ("March 15, 2024 SUMY -- Shelling resumed overnight.", ["SUMY"]),
        // A dateline is a cue: "superior" is an English word, but here the town.
        ("Bridge reopens. SUPERIOR \u{2014} The bridge reopened on Monday.", ["SUPERIOR"]),
        // A US legislator's party and hometown: the hometown is a place, glued hyphen or not.
        ("Rep. Joe Hartman, R-Superior, voted against the bill.", ["Superior"]),
        // The party letter is no part of a state's abbreviation, which may have a space inside.
        ("Rep. Joe Hartman, D-W. Va., voted against the bill.", ["W. Va."]),
        // Lists before a plural generic word: each name is the unit.
        ("The Kursk and Belgorod regions were shelled.", ["Kursk", "Belgorod"]),
        // A noun said of a place's people or offices is a cue, at the start of a sentence too.
        ("Superior officials opened a shelter.", ["Superior"]),
        // A region named like a woman closes a list of regions.
        ("Singers came from Ohio, Alabama and Virginia.", ["Ohio", "Alabama", "Virginia"]),
        // Currencies and roads named with a country's abbreviation are not the country.
        ("The fund paid US$460 million and $US 15 billion, the US said.", ["US"]),
        ("Crews closed US-24 and U.S. Highway 82 in the U.S. on Monday.", ["U.S."]),
        // A lower-case modifier ("downtown", "western") and a place suffix ("-based") are cues; two
        // towns' names joined by a hyphen are both places.
        ("Developers want to remake downtown Superior.", ["Superior"]),
        ("A Superior-based firm won the contract.", ["Superior"]),
        ("Buses run again on the Kursk-Sudzha road.", ["Kursk", "Sudzha"]),
        // A name inside the name of a park, a lake, a gulf, a river or a valley's organisation is not
        // the place ("Paris Park" is a park, wherever it lies).
        ("Crowds filled Paris Park and then walked through Paris.", ["Paris"]),
        ("A storm crossed the Gulf of Georgia and reached Ohio.", ["Ohio"]),
        ("Anglers fished the River Kharkiv outside Kharkiv.", ["Kharkiv"]),
        ("The Springfield Valley Water board met in Springfield.", ["Springfield"]),
        // A name inside a flu strain's designation is part of a code.
        ("The vaccine holds an A/Ohio/7/2009-like strain; cases rose in Ohio.", ["Ohio"]),
    ])
    func firmsDatelinesLists(text: String, expected: [String]) { #expect(names(text) == expected) }
}
