import Foundation
import GeoJSON

/// Names the geoparser knows without the gazetteer: nationality words, abbreviations of country
/// names, and the continents. General knowledge, written for this module.
enum KnownNames {
    /// Country code, the country's English name (looked up in the gazetteer), and its demonyms.
    /// Format: `CC|Country name|demonym,demonym,...`.
    private static let demonymTable = """
    AF|Afghanistan|Afghan,Afghans
    AL|Albania|Albanian,Albanians
    DZ|Algeria|Algerian,Algerians
    AO|Angola|Angolan,Angolans
    AR|Argentina|Argentine,Argentinian,Argentinians,Argentines
    AM|Armenia|Armenian,Armenians,армянский,армянская,армянское,армянские,армянского,армянской,армянскому,армянским,армянских,армянскую,армянском,вірменський,вірменська,вірменське,вірменські,вірменського,вірменської,вірменському,вірменським,вірменських,вірменську,вірменській
    AU|Australia|Australian,Australians
    AT|Austria|Austrian,Austrians
    AZ|Azerbaijan|Azerbaijani,Azerbaijanis,Azeri,Azeris,азербайджанский,азербайджанская,азербайджанское,азербайджанские,азербайджанского,азербайджанской,азербайджанскому,азербайджанским,азербайджанских,азербайджанскую,азербайджанском,азербайджанський,азербайджанська,азербайджанське,азербайджанські,азербайджанського,азербайджанської,азербайджанському,азербайджанським,азербайджанських,азербайджанську,азербайджанській
    BD|Bangladesh|Bangladeshi,Bangladeshis
    BY|Belarus|Belarusian,Belarusians,Belarussian,Byelorussian,белорусский,белорусская,белорусские,белорусских,білоруський,білоруські,белорусское,белорусского,белорусской,белорусскому,белорусским,белорусскую,белорусском,білоруська,білоруське,білоруського,білоруської,білоруському,білоруським,білоруських,білоруську,білоруській
    BE|Belgium|Belgian,Belgians
    BO|Bolivia|Bolivian,Bolivians
    BA|Bosnia and Herzegovina|Bosnian,Bosnians
    BR|Brazil|Brazilian,Brazilians
    BG|Bulgaria|Bulgarian,Bulgarians
    KH|Cambodia|Cambodian,Cambodians
    CM|Cameroon|Cameroonian,Cameroonians
    CA|Canada|Canadian,Canadians
    TD|Chad|Chadian,Chadians
    CL|Chile|Chilean,Chileans
    CN|China|Chinese
    CO|Colombia|Colombian,Colombians
    CD|Democratic Republic of the Congo|Congolese
    HR|Croatia|Croatian,Croatians,Croat,Croats
    CU|Cuba|Cuban,Cubans
    CY|Cyprus|Cypriot,Cypriots
    CZ|Czechia|Czech,Czechs
    DK|Denmark|Danish,Dane,Danes
    DO|Dominican Republic|Dominican,Dominicans
    EC|Ecuador|Ecuadorian,Ecuadorians
    EG|Egypt|Egyptian,Egyptians
    SV|El Salvador|Salvadoran,Salvadorans
    EE|Estonia|Estonian,Estonians,эстонский,эстонская,эстонское,эстонские,эстонского,эстонской,эстонскому,эстонским,эстонских,эстонскую,эстонском,естонський,естонська,естонське,естонські,естонського,естонської,естонському,естонським,естонських,естонську,естонській
    ET|Ethiopia|Ethiopian,Ethiopians
    FI|Finland|Finnish,Finn,Finns,финский,финская,финское,финские,финского,финской,финскому,финским,финских,финскую,финском,финляндский,финляндская,финляндское,финляндские,финляндского,финляндской,финляндскому,финляндским,финляндских,финляндскую,финляндском,фінський,фінська,фінське,фінські,фінського,фінської,фінському,фінським,фінських,фінську,фінській,фінляндський,фінляндська,фінляндське,фінляндські,фінляндського,фінляндської,фінляндському,фінляндським,фінляндських,фінляндську,фінляндській
    FR|France|French,Frenchman,Frenchmen
    GE|Georgia|Georgian,Georgians,Abkhaz,Abkhazian,Abkhazians,South Ossetian,South Ossetians,Ossetian,Ossetians,грузинский,грузинская,грузинское,грузинские,грузинского,грузинской,грузинскому,грузинским,грузинских,грузинскую,грузинском,грузинський,грузинська,грузинське,грузинські,грузинського,грузинської,грузинському,грузинським,грузинських,грузинську,грузинській
    DE|Germany|German,Germans
    GH|Ghana|Ghanaian,Ghanaians
    GR|Greece|Greek,Greeks
    GT|Guatemala|Guatemalan,Guatemalans
    HT|Haiti|Haitian,Haitians
    HN|Honduras|Honduran,Hondurans
    HU|Hungary|Hungarian,Hungarians,венгерский,венгерская,венгерское,венгерские,венгерского,венгерской,венгерскому,венгерским,венгерских,венгерскую,венгерском,угорський,угорська,угорське,угорські,угорського,угорської,угорському,угорським,угорських,угорську,угорській
    IS|Iceland|Icelandic,Icelander,Icelanders
    IN|India|Indian,Indians
    ID|Indonesia|Indonesian,Indonesians
    IR|Iran|Iranian,Iranians
    IQ|Iraq|Iraqi,Iraqis
    IE|Ireland|Irish
    IL|Israel|Israeli,Israelis,израильский,израильская,израильское,израильские,израильского,израильской,израильскому,израильским,израильских,израильскую,израильском,ізраїльський,ізраїльська,ізраїльське,ізраїльські,ізраїльського,ізраїльської,ізраїльському,ізраїльським,ізраїльських,ізраїльську,ізраїльській
    IT|Italy|Italian,Italians
    JM|Jamaica|Jamaican,Jamaicans
    JP|Japan|Japanese
    JO|Jordan|Jordanian,Jordanians
    KZ|Kazakhstan|Kazakh,Kazakhs,Kazakhstani,казахстанский,казахстанская,казахстанское,казахстанские,казахстанского,казахстанской,казахстанскому,казахстанским,казахстанских,казахстанскую,казахстанском,казахстанський,казахстанська,казахстанське,казахстанські,казахстанського,казахстанської,казахстанському,казахстанським,казахстанських,казахстанську,казахстанській
    KE|Kenya|Kenyan,Kenyans
    KW|Kuwait|Kuwaiti,Kuwaitis
    KG|Kyrgyzstan|Kyrgyz
    LA|Laos|Laotian,Laotians,Lao
    LV|Latvia|Latvian,Latvians,латвийский,латвийская,латвийское,латвийские,латвийского,латвийской,латвийскому,латвийским,латвийских,латвийскую,латвийском,латвійський,латвійська,латвійське,латвійські,латвійського,латвійської,латвійському,латвійським,латвійських,латвійську,латвійській
    LB|Lebanon|Lebanese,ливанский,ливанская,ливанское,ливанские,ливанского,ливанской,ливанскому,ливанским,ливанских,ливанскую,ливанском,ліванський,ліванська,ліванське,ліванські,ліванського,ліванської,ліванському,ліванським,ліванських,ліванську,ліванській
    LR|Liberia|Liberian,Liberians
    LY|Libya|Libyan,Libyans
    LT|Lithuania|Lithuanian,Lithuanians,литовский,литовская,литовское,литовские,литовского,литовской,литовскому,литовским,литовских,литовскую,литовском,литовський,литовська,литовське,литовські,литовського,литовської,литовському,литовським,литовських,литовську,литовській
    MG|Madagascar|Malagasy
    MW|Malawi|Malawian,Malawians
    MY|Malaysia|Malaysian,Malaysians
    ML|Mali|Malian,Malians
    MX|Mexico|Mexican,Mexicans
    MD|Moldova|Moldovan,Moldovans,молдавский,молдавская,молдавское,молдавские,молдавского,молдавской,молдавскому,молдавским,молдавских,молдавскую,молдавском,молдовский,молдовская,молдовское,молдовские,молдовского,молдовской,молдовскому,молдовским,молдовских,молдовскую,молдовском,молдовський,молдовська,молдовське,молдовські,молдовського,молдовської,молдовському,молдовським,молдовських,молдовську,молдовській,молдавський,молдавська,молдавське,молдавські,молдавського,молдавської,молдавському,молдавським,молдавських,молдавську,молдавській
    MN|Mongolia|Mongolian,Mongolians
    ME|Montenegro|Montenegrin,Montenegrins
    MA|Morocco|Moroccan,Moroccans
    MZ|Mozambique|Mozambican,Mozambicans
    MM|Myanmar|Burmese
    NA|Namibia|Namibian,Namibians
    NP|Nepal|Nepali,Nepalese
    NL|Netherlands|Dutch,Dutchman
    NZ|New Zealand|New Zealander,New Zealanders
    NI|Nicaragua|Nicaraguan,Nicaraguans
    NE|Niger|Nigerien,Nigeriens
    NG|Nigeria|Nigerian,Nigerians
    KP|North Korea|North Korean,North Koreans
    MK|North Macedonia|Macedonian,Macedonians
    NO|Norway|Norwegian,Norwegians
    OM|Oman|Omani,Omanis
    PK|Pakistan|Pakistani,Pakistanis
    PS|Palestine|Palestinian,Palestinians
    PA|Panama|Panamanian,Panamanians
    PY|Paraguay|Paraguayan,Paraguayans
    PE|Peru|Peruvian,Peruvians
    PH|Philippines|Filipino,Filipinos,Philippine
    PL|Poland|Polish,Pole,Poles,польский,польская,польское,польские,польского,польской,польскому,польским,польских,польскую,польском,польський,польська,польське,польські,польського,польської,польському,польським,польських,польську,польській
    PT|Portugal|Portuguese
    QA|Qatar|Qatari,Qataris
    RO|Romania|Romanian,Romanians,румынский,румынская,румынское,румынские,румынского,румынской,румынскому,румынским,румынских,румынскую,румынском,румунський,румунська,румунське,румунські,румунського,румунської,румунському,румунським,румунських,румунську,румунській
    RU|Russia|Russian,Russians,Chechen,Chechens,Dagestani,Dagestanis,Ingush,российский,российская,российские,российских,российского,российской,российским,русский,русские,русских,російський,російські,російських,російської,российское,российскому,российскую,российском,російська,російське,російського,російському,російським,російську,російській
    RW|Rwanda|Rwandan,Rwandans
    SA|Saudi Arabia|Saudi,Saudis
    SN|Senegal|Senegalese
    RS|Serbia|Serbian,Serbians,Serb,Serbs
    SL|Sierra Leone|Sierra Leonean,Sierra Leoneans
    SG|Singapore|Singaporean,Singaporeans
    SK|Slovakia|Slovak,Slovaks,Slovakian,словацкий,словацкая,словацкое,словацкие,словацкого,словацкой,словацкому,словацким,словацких,словацкую,словацком,словацький,словацька,словацьке,словацькі,словацького,словацької,словацькому,словацьким,словацьких,словацьку,словацькій
    SI|Slovenia|Slovenian,Slovenians,Slovene,Slovenes
    SO|Somalia|Somali,Somalis
    ZA|South Africa|South African,South Africans
    KR|South Korea|South Korean,South Koreans
    SS|South Sudan|South Sudanese
    ES|Spain|Spanish,Spaniard,Spaniards
    LK|Sri Lanka|Sri Lankan,Sri Lankans
    SD|Sudan|Sudanese
    SE|Sweden|Swedish,Swede,Swedes
    CH|Switzerland|Swiss
    SY|Syria|Syrian,Syrians,сирийский,сирийская,сирийское,сирийские,сирийского,сирийской,сирийскому,сирийским,сирийских,сирийскую,сирийском,сирійський,сирійська,сирійське,сирійські,сирійського,сирійської,сирійському,сирійським,сирійських,сирійську,сирійській
    TW|Taiwan|Taiwanese
    TJ|Tajikistan|Tajik,Tajiks
    TZ|Tanzania|Tanzanian,Tanzanians
    TH|Thailand|Thai,Thais
    TN|Tunisia|Tunisian,Tunisians
    TR|Turkey|Turkish,Turk,Turks,турецкий,турецкая,турецкое,турецкие,турецкого,турецкой,турецкому,турецким,турецких,турецкую,турецком,турецький,турецька,турецьке,турецькі,турецького,турецької,турецькому,турецьким,турецьких,турецьку,турецькій
    TM|Turkmenistan|Turkmen
    UG|Uganda|Ugandan,Ugandans
    UA|Ukraine|Ukrainian,Ukrainians,украинский,украинская,украинские,украинских,украинского,украинской,украинским,український,українська,українські,українських,української,українського,украинское,украинскому,украинскую,украинском,українське,українському,українським,українську,українській
    AE|United Arab Emirates|Emirati,Emiratis
    GB|United Kingdom|British,Briton,Britons,English,Englishman,Englishwoman,Scottish,Scots,Welsh
    US|United States|American,Americans
    UY|Uruguay|Uruguayan,Uruguayans
    UZ|Uzbekistan|Uzbek,Uzbeks
    VE|Venezuela|Venezuelan,Venezuelans
    VN|Vietnam|Vietnamese
    YE|Yemen|Yemeni,Yemenis
    ZM|Zambia|Zambian,Zambians
    ZW|Zimbabwe|Zimbabwean,Zimbabweans
    """

    struct Nationality: Sendable {
        var country: String
        var countryName: String
    }

    /// Lower-cased demonym (one or two words) → country.
    static let demonyms: [String: Nationality] = {
        var table: [String: Nationality] = [:]
        for line in demonymTable.split(separator: "\n") {
            let parts = line.split(separator: "|").map { trimmed(String($0)) }
            guard parts.count == 3 else { continue }
            for form in parts[2].split(separator: ",") {
                table[form.lowercased()] = Nationality(country: parts[0], countryName: parts[1])
            }
        }
        return table
    }()

    /// `s.trimmingCharacters(in: .whitespaces)`, without Foundation's call for the usual string
    /// that has nothing to trim (the demonym table is read at every start).
    private static func trimmed(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last,
              CharacterSet.whitespaces.contains(first) || CharacterSet.whitespaces.contains(last) else { return s }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// Abbreviations written in capitals, matched case-sensitively (never "us", "Us" or "eu"), and the
    /// name they stand for. "EU" is deliberately absent: it is not a territory the gazetteer holds,
    /// and a case-folded look-up would land on Eu in France.
    static let abbreviations: [String: (country: String, name: String)] = [
        "U.S.": ("US", "United States"), "U.S": ("US", "United States"), "US": ("US", "United States"),
        "USA": ("US", "United States"), "U.S.A.": ("US", "United States"), "UK": ("GB", "United Kingdom"),
        "U.K.": ("GB", "United Kingdom"), "UAE": ("AE", "United Arab Emirates"), "U.A.E.": ("AE", "United Arab Emirates"),
        "DRC": ("CD", "Democratic Republic of the Congo"), "PRC": ("CN", "China"), "ROK": ("KR", "South Korea"),
        "DPRK": ("KP", "North Korea"), "РФ": ("RU", "Russia"), "США": ("US", "United States"),
        "ОАЭ": ("AE", "United Arab Emirates"), "ОАЕ": ("AE", "United Arab Emirates"), "КНР": ("CN", "China"),
        "КНДР": ("KP", "North Korea"), "ФРГ": ("DE", "Germany"), "ЮАР": ("ZA", "South Africa"),
        "NSW": ("AU", "New South Wales"), "NYC": ("US", "New York City"), "D.C.": ("US", "Washington, D.C."),
    ]

    /// Territories administered by one country and claimed by another, by gazetteer id, with the
    /// country the gazetteer does not file them under: Crimea and Sevastopol (Ukraine's, held by
    /// Russia since 2014), Abkhazia and South Ossetia (Georgia's, held with Russian forces), the Golan
    /// Heights (Syria's, held by Israel since 1967), Western Sahara (mostly administered by Morocco).
    /// Places inside one of these regions count too.
    static let administeredAlsoBy: [String: String] = [
        "iso3166-2:UA-43": "RU", "iso3166-2:UA-40": "RU", "iso3166-2:GE-AB": "RU", "area:south-ossetia": "RU",
        "area:golan-heights": "IL", "iso3166-1:EH": "MA",
    ]

    /// The other country of a place in a held and claimed territory (`administeredAlsoBy`), if any.
    static func alsoAdministeredBy(_ p: PlaceRecord) -> String? {
        if let c = administeredAlsoBy[p.id] { return c }
        guard let r = p.region else { return nil }
        return administeredAlsoBy[r]
    }

    /// Continents and a few large regions, with the representative points GeoNames gives them.
    static let continents: [(names: [String], record: PlaceRecord)] = [
        (["africa", "африка"], continent("AF", "Africa", 7.1881, 21.0938)),
        (["asia", "азия", "азія"], continent("AS", "Asia", 29.8406, 89.2969)),
        (["europe", "европа", "європа"], continent("EU", "Europe", 48.6908, 9.1406)),
        (["north america"], continent("NA", "North America", 46.0732, -100.5469)),
        (["south america"], continent("SA", "South America", -14.6048, -57.6563)),
        (["oceania"], continent("OC", "Oceania", -18.3125, 138.5156)),
        (["antarctica"], continent("AN", "Antarctica", -78.1586, 16.4063)),
    ]

    private static func continent(_ code: String, _ name: String, _ lat: Double, _ lon: Double) -> PlaceRecord {
        PlaceRecord(id: "continent:" + code, name: name, kind: .continent, country: nil, region: nil,
                    population: nil, location: Position(latitude: lat, longitude: lon))
    }

    static let continentsByName: [String: PlaceRecord] = {
        var table: [String: PlaceRecord] = [:]
        for (names, record) in continents { for n in names { table[n] = record } }
        return table
    }()
}
