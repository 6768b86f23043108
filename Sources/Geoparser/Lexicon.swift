import Foundation

/// English word lists the geoparser's rules consult. General knowledge of English, written for
/// this module (not mined from any corpus). All entries lower case.
enum Lexicon {
    static let sentenceEnders: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}"]
    static let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "\u{201D}", "\u{2019}", "\u{00BB}"]
    static let openers: Set<Unicode.Scalar> = ["\"", "'", "(", "[", "\u{201C}", "\u{2018}", "\u{00AB}", "-", "\u{2014}"]

    /// Words whose full stop does not end a sentence.
    static let abbreviationsBeforeStop: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "pvt", "adm",
        "gov", "sen", "rep", "rev", "hon", "st", "ste", "mt", "ft", "pt", "jr", "sr", "no", "vs", "etc",
        "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "approx", "est", "dept", "univ", "ave", "blvd", "rd", "hwy", "fig", "vol",
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
        "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
        "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
    ]

    /// Prepositions that make the following capitalised name likely a place.
    static let locativePrepositions: Set<String> = [
        "in", "at", "from", "near", "to", "into", "outside", "inside", "across", "around", "toward",
        "towards", "via", "through", "throughout", "of", "on", "off", "between", "within", "beyond",
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "visited",
        "in", "along", "under", "over", "against", "past", "reached", "entered", "captured", "liberated",
        "shelled", "struck", "attacked", "occupied", "в", "во", "из", "на", "под", "около", "возле",
        "у", "до", "от", "через", "біля", "під", "з", "із", "до",
    ]

    /// Generic words that may follow (or precede) a name and belong to the toponym when capitalised
    /// ("Kursk Oblast", "Laurel County"), or stand outside it when not ("the Kursk region").
    static let genericPlaceWords: Set<String> = [
        "region", "oblast", "oblast'", "district", "raion", "rayon", "area", "province", "county",
        "parish", "state", "territory", "governorate", "prefecture", "municipality", "city", "town",
        "village", "krai", "kray", "republic", "voblast", "hromada", "borough", "township", "valley",
        "island", "islands", "peninsula", "river", "lake", "mountains", "strip", "bay", "sea", "gulf",
        "область", "район", "край", "республика", "город", "село", "посёлок", "поселок", "місто", "село",
    ]

    /// Direction words that modify a place ("western Kursk region", "northern Ukraine").
    static let directionalModifiers: Set<String> = [
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
        "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
        "north-western", "south-eastern", "south-western", "upper", "lower", "greater", "inner",
        "outer", "downtown", "uptown", "suburban", "rural", "coastal", "occupied",
    ]

    /// Titles that make the next capitalised word a person's name.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "gen", "general", "lt",
        "lieutenant", "col", "colonel", "maj", "major", "capt", "captain", "sgt", "sergeant", "gov",
        "governor", "sen", "senator", "rep", "representative", "rev", "reverend", "judge", "justice",
        "mayor", "minister", "secretary", "chancellor", "king", "queen", "prince", "princess", "lord",
        "lady", "sir", "saint", "pope", "bishop", "father", "sister", "brother", "coach", "officer",
        "detective", "deputy", "sheriff", "chief", "commissioner", "director", "chairman", "ceo",
        "spokesman", "spokeswoman", "spokesperson", "attorney", "premier", "councilman", "councilwoman",
        "superintendent", "trooper", "agent", "inspector", "private", "corporal", "admiral", "marshal",
    ]

    /// Common given names (English-language news and Eastern Europe). A capitalised word after one of
    /// these is taken to be a surname, not a place ("George Washington", "Jack London").
    static let givenNames: Set<String> = [
        "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
        "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew",
        "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey",
        "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott",
        "brandon", "benjamin", "samuel", "gregory", "alexander", "frank", "patrick", "raymond", "jack",
        "dennis", "jerry", "tyler", "aaron", "jose", "adam", "nathan", "henry", "douglas", "zachary",
        "peter", "kyle", "walter", "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah",
        "gerald", "carl", "terry", "sean", "austin", "arthur", "lawrence", "jesse", "dylan", "bryan",
        "joe", "jordan", "billy", "bruce", "albert", "willie", "gabriel", "logan", "alan", "juan", "wayne",
        "roy", "ralph", "randy", "eugene", "vincent", "russell", "elijah", "louis", "bobby", "philip",
        "johnny", "bill", "bob", "jim", "tom", "mike", "dave", "steve", "tony", "chris", "ben", "sam",
        "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah",
        "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna",
        "michelle", "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon",
        "laura", "cynthia", "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela",
        "nicole", "emma", "samantha", "katherine", "christine", "debra", "rachel", "catherine", "carolyn",
        "janet", "ruth", "maria", "heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia",
        "kelly", "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl", "andrea", "hannah",
        "martha", "jacqueline", "frances", "gloria", "ann", "teresa", "kathryn", "sara", "janice", "jean",
        "alice", "madison", "doris", "abigail", "julia", "judy", "grace", "denise", "amber", "marilyn",
        "beverly", "danielle", "theresa", "sophia", "marie", "diana", "brittany", "natalie", "isabella",
        "charlotte", "rose", "alexis", "kayla", "hillary", "barack", "vladimir", "volodymyr", "alexei",
        "alexey", "aleksandr", "oleksandr", "sergei", "sergey", "serhiy", "dmitry", "dmytro", "andrei",
        "andriy", "yuri", "yuriy", "igor", "ihor", "oleg", "oleh", "viktor", "mikhail", "mykhailo",
        "nikolai", "mykola", "ivan", "pavel", "petro", "valery", "valeriy", "yevgeny", "yevhen", "boris",
        "alexander", "olena", "yulia", "natalia", "svetlana", "tatiana", "irina", "olga", "anastasia",
        "emmanuel", "angela", "olaf", "recep", "xi", "kim", "narendra", "benjamin", "ali", "mohammed",
        "muhammad", "ahmed", "omar", "hassan", "hussein", "abdul", "mahmoud", "jean", "pierre", "hans",
        "klaus", "carlos", "luis", "miguel", "pedro", "jorge", "francisco", "antonio", "manuel",
        // Russian and Ukrainian, for "Ирина Львова", "Олег Курский": a surname after one is no place.
        "александр", "олександр", "алексей", "олексій", "андрей", "андрій", "анатолий", "анатолій",
        "виктор", "віктор", "владимир", "володимир", "дмитрий", "дмитро", "евгений", "євген", "иван",
        "іван", "игорь", "ігор", "михаил", "михайло", "николай", "микола", "олег", "павел", "павло",
        "сергей", "сергій", "юрий", "юрій", "василий", "василь", "петр", "пётр", "петро", "максим",
        "роман", "артем", "артём", "богдан", "тарас", "вадим", "геннадий", "геннадій", "анна", "ганна",
        "мария", "марія", "елена", "олена", "ирина", "ірина", "ольга", "наталья", "наталія", "татьяна",
        "тетяна", "светлана", "світлана", "екатерина", "катерина", "юлия", "юлія", "оксана", "людмила",
        "галина", "валентина", "вера", "віра", "надежда", "надія", "анастасия", "анастасія", "дарья", "дарина",
        // Foreign given names as Russian and Ukrainian write them: "Джон Вашингтон" is a person.
        "джон", "джеймс", "джордж", "джо", "джозеф", "майкл", "дэвид", "девід", "роберт", "уильям", "вільям",
        "томас", "ричард", "річард", "питер", "пітер", "пол", "марк", "дональд", "мэри", "мері", "сара", "эмма", "емма",
    ]

    /// Heads of names in which a place name does not say where something is: newspapers, companies,
    /// sports teams, streets ("Washington Post", "Texas Instruments Inc", "Houston Rockets", "Lincoln Avenue").
    static let nonLocatingHeads: Set<String> = [
        "post", "times", "herald", "tribune", "journal", "gazette", "news", "press", "daily", "inc", "corp",
        "corporation", "company", "co", "ltd", "airlines", "airways", "fc", "united", "rovers", "wanderers",
        "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "lane", "highway", "hwy",
        "pike",
        "bulldogs", "tigers", "bears", "lions", "eagles", "hawks", "wildcats", "cowboys", "giants", "braves",
        "redskins", "steelers", "packers", "rockets", "lakers", "celtics", "yankees", "mets", "cubs", "sox",
        "instruments", "motors", "electric", "steel", "capital", "partners", "holdings", "records",
    ]

    /// Words that end an institution's name ("Ohio State University", "Gainesville Police"): the place
    /// in it is kept as a toponym (the institution is there), and the head is not a surname.
    static let organisationHeads: Set<String> = [
        "university", "college", "school", "academy", "institute", "hospital", "clinic", "church",
        "cathedral", "post", "times", "herald", "tribune", "journal", "gazette", "news", "press",
        "daily", "inc", "corp", "corporation", "company", "co", "ltd", "group", "bank", "airlines",
        "airways", "club", "fc", "united", "rovers", "wanderers", "street", "st", "avenue", "ave",
        "road", "rd", "boulevard", "blvd", "drive", "lane", "highway", "hwy", "building", "center",
        "centre", "hall", "stadium", "arena", "mall", "hotel", "restaurant", "cafe", "library", "museum",
        "police", "department", "council", "commission", "board", "court", "committee", "party",
        "association", "society", "foundation", "federation", "agency", "office", "ministry", "army", "state",
        "navy", "guard", "fire", "rescue", "zoo", "park", "memorial", "square", "plaza", "tower",
        "bridge", "station", "airport", "port", "harbor", "harbour", "bulldogs", "tigers", "bears",
        "lions", "eagles", "hawks", "wildcats", "cowboys", "giants", "braves", "redskins", "steelers",
        "packers", "rockets", "lakers", "celtics", "yankees", "mets", "cubs", "sox",
    ]

    /// Verbs of saying: a one-word name right before or after one is a person ("Welch said", "said Welch").
    static let speechVerbs: Set<String> = [
        "said", "says", "told", "added", "explained", "noted", "asked", "wrote", "argued", "stated", "claimed",
        "announced", "testified", "recalled", "insisted", "acknowledged", "agreed", "replied",
    ]

    /// Second halves of hyphenated compounds whose first half is a place ("Columbia-based",
    /// "Atlanta-area", "Kyiv-born").
    static let placeCompoundSuffixes: Set<String> = [
        "based", "area", "born", "bound", "bred", "raised", "educated", "headquartered", "made", "wide",
        "region", "style", "native", "registered", "flagged",
    ]

    /// Prepositions that only a place follows: the cue that a surname seen elsewhere with a given
    /// name ("Brett Hartmann") is here a place after all ("in Hartmann"). "to", "from", "at" and
    /// "with" are followed by people as often.
    /// Lower-case nouns that, right after a capitalised name, say it is a place: "a Concord
    /// resident", "the Sochi mayoral race", "Richmond police", "Atlanta officials".
    static let placeHeadNouns: Set<String> = [
        "resident", "residents", "native", "natives", "police", "mayor", "mayoral", "officials",
        "authorities", "suburb", "suburbs", "neighborhood", "neighbourhood", "neighborhoods",
        "neighbourhoods", "outskirts", "councilman", "councilwoman", "councillor", "councilor",
        "homeowners", "voters", "townspeople", "villagers",
    ]

    /// Nouns for people after a name that say where they are from ("A Raymond man was arrested",
    /// "Clinton couple faces charges"), when the name is no ordinary word ("Young men", "Many women").
    static let personHeadNouns: Set<String> = [
        "man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "couple",
    ]

    static let placeOnlyLocatives: Set<String> = [
        "in", "near", "outside", "inside", "throughout", "across", "в", "во", "около", "возле", "біля",
    ]

    /// Words that, capitalised and alone, are a generic noun, a holiday, a well-known organisation or
    /// a body of the solar system ("toward Earth"), not the hamlet that happens to bear the name ("the State championship", "Passover", "Hamas
    /// said"): never a toponym by themselves unless ", <region>" follows.
    static let neverPlaceAlone: Set<String> = Set<String>([
        "university", "state", "states", "section", "city", "county", "house", "church", "school", "college",
        "chamber", "court", "office", "hall", "police", "government", "council", "committee", "department",
        "club", "center", "centre", "hospital", "street", "avenue", "road", "lane", "parkway", "drive", "room",
        "none", "district", "region", "area", "capitol", "senate", "congress", "parliament", "ministry",
        "passover", "christmas", "easter", "hanukkah", "thanksgiving", "ramadan", "jesus", "god", "allah",
        "hamas", "hezbollah", "taliban", "fatah", "shabab", "shabaab", "houthi", "houthis",
        "earth", "moon", "sun", "mars", "venus", "jupiter", "saturn", "neptune", "uranus", "pluto",
        "st", "mt", "ft", "islands", "gulf",
    ]).union(republicWords)  // "власти Республики Татарстан": the name is the next word

    /// "Республика", "Республіка" in their cases, capitalised before a republic's name ("в Республике
    /// Алтай", "власти Республики Татарстан").
    static let republicWords: Set<String> = [
        "республика", "республики", "республике", "республику", "республикой", "республіка", "республіки",
        "республіці", "республіку", "республікою",
    ]

    /// Prepositions strong enough to make an ordinary word ("Reading", "Bath") a place.
    static let strongLocatives: Set<String> = [
        "in", "at", "near", "from", "to", "outside", "inside", "into", "throughout", "across", "via", "toward",
        "towards", "visited", "в", "во", "под", "около", "возле", "біля", "під",
    ]

    /// The US Postal Service's state codes and the states' names.
    static let postalCodes: [String: String] = [
        "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
        "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
        "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
        "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
        "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
        "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
        "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
        "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
        "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
        "WI": "Wisconsin", "WY": "Wyoming", "DC": "District of Columbia",
    ]

    /// US state abbreviations in the AP style used in datelines ("Gainesville, Ga."), and the state.
    static let stateAbbreviations: [String: String] = [
        "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
        "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
        "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana",
        "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota",
        "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska",
        "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico",
        "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
        "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina",
        "S.D.": "South Dakota", "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia",
        "Wash.": "Washington", "W.Va.": "West Virginia", "W.V.": "West Virginia", "Wis.": "Wisconsin",
        "Wyo.": "Wyoming",
    ]

    /// Nouns after which a place name names a disease, pathogen or breed, not a place.
    static let eponymHeads: Set<String> = [
        "virus", "viruses", "ebolavirus", "disease", "fever", "flu", "influenza", "strain", "syndrome",
        "encephalitis", "sickness", "pox", "measles", "cattle", "breed", "terrier", "shepherd",
    ]

    /// Months (full and short forms) — "March", "May", "August" are also places.
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
        "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
        "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
        "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6, "липня": 7,
        "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
    ]

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// The words of a generated word list (`EnglishWords`, `PersonalNames`): the pieces between
    /// spaces and line feeds, as `text.split(whereSeparator: { $0 == " " || $0 == "\n" })` cuts
    /// them. An ASCII text without carriage returns (as the generated lists are; "\r\n" is one
    /// Character) is cut in its bytes, several times faster than by Character; the lists are read
    /// at every start.
    static func words(_ text: String) -> Set<String> {
        guard text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            return Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        }
        var words = Set<String>(minimumCapacity: text.utf8.count / 6)
        for word in text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A }) {
            words.insert(String(decoding: word, as: UTF8.self))
        }
        return words
    }

    /// True for function words and other very common words that are never a toponym on their own
    /// when they open a sentence ("The", "But", "Police").
    static func isFunctionWord(_ lowered: String) -> Bool { functionWords.contains(lowered) }

    /// True for ordinary English words that are also the name of some place ("Mobile", "Reading",
    /// "Nice", "Bath", "Police", "Deal"). A match on one of these needs supporting evidence.
    static func isCommonWord(_ lowered: String) -> Bool {
        functionWords.contains(lowered) || commonWords.contains(lowered) || months[lowered] != nil
            || weekdays.contains(lowered) || titles.contains(lowered)
    }

    static let functionWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "that", "this",
        "these", "those", "there", "here", "where", "when", "while", "who", "whom", "whose", "which",
        "what", "why", "how", "he", "she", "it", "we", "they", "i", "you", "him", "her", "them", "us",
        "me", "my", "our", "your", "their", "his", "its", "one", "all", "any", "some", "many", "much",
        "most", "more", "less", "few", "several", "each", "every", "both", "either", "neither", "no",
        "not", "yes", "in", "on", "at", "by", "for", "from", "to", "of", "with", "without", "about",
        "after", "before", "during", "since", "until", "as", "like", "into", "onto", "over", "under",
        "between", "among", "through", "across", "against", "along", "around", "near", "off", "out",
        "up", "down", "also", "just", "only", "even", "still", "already", "now", "today", "yesterday",
        "tomorrow", "tonight", "however", "meanwhile", "although", "though", "because", "although",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "said", "says",
        "according", "after", "last", "next", "first", "second", "third", "new", "other", "another",
        "such", "own", "same", "very", "too", "well", "again", "once", "ago", "please", "thanks", "per",
        "via", "whether", "whatever", "whoever", "despite", "unlike", "within", "amid", "amongst",
        "towards", "toward", "upon", "whereas", "instead", "perhaps", "maybe", "often", "never", "always",
        "sometimes", "usually", "almost", "nearly", "about", "around", "approximately", "roughly",
        // Russian and Ukrainian prepositions, conjunctions, pronouns and particles, capitalised at the
        // start of a sentence ("По словам губернатора" is not Pô in Burkina Faso).
        "а", "и", "в", "во", "на", "по", "с", "со", "к", "ко", "у", "о", "об", "от", "до", "за", "из", "под",
        "над", "при", "про", "для", "без", "через", "после", "перед", "между", "около", "возле", "как",
        "так", "но", "или", "что", "чтобы", "это", "этот", "эта", "эти", "тот", "та", "те", "он", "она",
        "оно", "они", "мы", "вы", "я", "ты", "его", "ее", "её", "их", "не", "ни", "уже", "еще", "ещё", "там",
        "тут", "где", "когда", "также", "однако", "ранее", "позже", "сейчас", "сегодня", "вчера", "завтра",
        "все", "всё", "если", "бы", "же", "ли", "да", "нет", "і", "й", "з", "із", "зі", "від", "після",
        "між", "як", "але", "або", "що", "щоб", "це", "цей", "ця", "ці", "той", "ті", "він", "вона", "воно",
        "вони", "ми", "ви", "ти", "її", "їх", "вже", "ще", "де", "коли", "проте", "раніше", "пізніше",
        "зараз", "сьогодні", "вчора", "усі", "всі", "якщо", "би", "ні", "тим", "тому", "також", "однак",
        "крім", "через", "серед", "кроме", "среди", "пока", "поки", "тоді", "тогда", "затем", "потім",
    ]

    /// Common English content words that are also the names of populated places somewhere.
    static let commonWords: Set<String> = [
        "mobile", "reading", "nice", "bath", "deal", "police", "university", "hospital", "center",
        "centre", "union", "independence", "liberty", "victory", "unity", "hope", "friendship",
        "paradise", "eden", "commerce", "industry", "enterprise", "progress", "providence", "harmony",
        "fair", "fairplay", "pride", "faith", "justice", "mercy", "concord", "energy", "opportunity",
        "home", "house", "school", "church", "market", "bank", "station", "post", "office", "court",
        "hall", "mill", "mills", "farm", "farmers", "garden", "gardens", "park", "lake", "river",
        "valley", "hill", "hills", "mountain", "rock", "stone", "wood", "woods", "forest", "field",
        "fields", "spring", "springs", "summer", "winter", "fall", "autumn", "sunday", "friday", "man",
        "woman", "boy", "girl", "child", "children", "king", "queen", "prince", "bishop", "dean",
        "chase", "hunt", "hunter", "fisher", "baker", "miller", "carpenter", "mason", "cook", "price",
        "page", "best", "long", "young", "strong", "rich", "little", "small", "early", "late", "low",
        "high", "deep", "wide", "clear", "bright", "fine", "grand", "royal", "golden", "silver", "gold",
        "iron", "copper", "salt", "sugar", "coffee", "tea", "rice", "orange", "lemon", "apple", "olive",
        "cherry", "peach", "plum", "berry", "rose", "lily", "ivy", "holly", "daisy", "iris", "violet",
        "red", "white", "black", "green", "brown", "gray", "grey", "blue", "pink", "time", "times",
        "day", "days", "night", "week", "weekend", "year", "years", "date", "start", "end", "point",
        "cross", "bridge", "gate", "tower", "castle", "fort", "camp", "base", "port", "harbor", "bay",
        "beach", "island", "cape", "ridge", "falls", "creek", "brook", "well", "wells", "view", "vista",
        "police", "army", "navy", "force", "forces", "guard", "fire", "health", "care", "love", "joy",
        "say", "said", "read", "see", "sea", "bar", "man", "orange", "buy", "sale", "sales", "trade",
        "plant", "power", "water", "oil", "gas", "coal", "steel", "wall", "street", "road", "way",
        "general", "major", "colonel", "governor", "president", "mayor", "minister", "senator", "judge",
        "government", "state", "states", "nation", "national", "federal", "republic", "democrat",
        "republican", "congress", "senate", "parliament", "council", "county", "city", "town", "village",
        "region", "district", "area", "zone", "border", "borders", "world", "global", "international",
        "north", "south", "east", "west", "central", "western", "eastern", "northern", "southern",
        "officials", "official", "public", "health", "people", "police", "report", "reports", "news",
        "press", "media", "tuesday", "monday", "wednesday", "thursday", "saturday", "christmas",
        "easter", "monday", "august", "march", "may", "june", "july", "april", "january", "october",
        "content", "success", "welcome", "goodwill", "freedom", "moral", "truth", "worth", "ideal",
        "normal", "plain", "plains", "level", "hazard", "climax", "boring", "bland", "speed", "rush",
        "surprise", "wink", "why", "nothing", "accident", "cash", "money", "rifle", "gun", "tank",
        "drone", "missile", "attack", "strike", "front", "line", "lines", "battle", "war", "peace",
        "hero", "heroes", "story", "history", "ocean", "soldier", "soldiers", "troops", "virus", "flu",
        "swine", "bird", "birds", "cattle", "pig", "pigs", "dog", "dogs", "cat", "cats", "horse",
        "medical", "doctor", "doctors", "nurse", "patients", "patient", "case", "cases", "death",
        "deaths", "dead", "outbreak", "disease", "vaccine", "test", "tests", "study", "research",
        "science", "lab", "laboratory", "food", "school", "college", "academy", "institute",
        "water", "river", "bridge", "old", "new", "big", "great", "upper", "lower", "middle", "star",
        "arab", "english", "olympic", "continental", "metro", "section", "pack", "leader", "god", "web",
        "sun", "moon", "earth", "sky", "cloud", "rain", "snow", "storm", "wind", "heat", "cold", "ice",
    ]
}

/// The word lists a lower-cased word is in, from one hash look-up (`WordLists.of`): the mention
/// finder's rules ask several lists about the same few words next to each name, and each list
/// asked separately hashes the word again.
struct WordLists: Sendable {
    let rawValue: UInt32

    static let functionWord = WordLists(rawValue: 1 << 0)    // Lexicon.functionWords
    static let commonWord = WordLists(rawValue: 1 << 1)      // Lexicon.commonWords
    static let month = WordLists(rawValue: 1 << 2)           // Lexicon.months
    static let weekday = WordLists(rawValue: 1 << 3)         // Lexicon.weekdays
    static let title = WordLists(rawValue: 1 << 4)           // Lexicon.titles
    static let givenName = WordLists(rawValue: 1 << 5)       // Lexicon.givenNames
    static let genericPlaceWord = WordLists(rawValue: 1 << 6) // Lexicon.genericPlaceWords
    static let directional = WordLists(rawValue: 1 << 7)     // Lexicon.directionalModifiers
    static let locative = WordLists(rawValue: 1 << 8)        // Lexicon.locativePrepositions
    static let strongLocative = WordLists(rawValue: 1 << 9)  // Lexicon.strongLocatives
    static let placeOnlyLocative = WordLists(rawValue: 1 << 10) // Lexicon.placeOnlyLocatives
    static let speechVerb = WordLists(rawValue: 1 << 11)     // Lexicon.speechVerbs
    static let organisationHead = WordLists(rawValue: 1 << 12) // Lexicon.organisationHeads
    static let nonLocatingHead = WordLists(rawValue: 1 << 13) // Lexicon.nonLocatingHeads
    static let eponymHead = WordLists(rawValue: 1 << 14)     // Lexicon.eponymHeads
    static let neverPlaceAlone = WordLists(rawValue: 1 << 15) // Lexicon.neverPlaceAlone
    static let abbreviationBeforeStop = WordLists(rawValue: 1 << 16) // Lexicon.abbreviationsBeforeStop
    static let placeCompoundSuffix = WordLists(rawValue: 1 << 17) // Lexicon.placeCompoundSuffixes
    static let connector = WordLists(rawValue: 1 << 18)      // MentionFinder.connectors
    static let adminWord = WordLists(rawValue: 1 << 19)      // MentionFinder.adminWords
    static let continentFirstWord = WordLists(rawValue: 1 << 20) // MentionFinder.continentFirstWords
    static let demonym = WordLists(rawValue: 1 << 21)        // KnownNames.demonyms
    static let numberWord = WordLists(rawValue: 1 << 22)     // Numbers.words and Numbers.multipliers
    static let unitDirection = WordLists(rawValue: 1 << 23)  // Units.directions
    static let demonymFirstWord = WordLists(rawValue: 1 << 24) // MentionFinder.demonymFirstWords
    static let censusGivenName = WordLists(rawValue: 1 << 25) // PersonalNames.givenNames
    static let censusSurname = WordLists(rawValue: 1 << 26)   // PersonalNames.surnames
    static let placeHeadNoun = WordLists(rawValue: 1 << 27)   // Lexicon.placeHeadNouns
    static let englishWord = WordLists(rawValue: 1 << 28)     // EnglishWords.placeNamedWords

    /// `Lexicon.isCommonWord`: the lists it consults.
    static let commonWordLists = WordLists(rawValue: functionWord.rawValue | commonWord.rawValue | month.rawValue
                                           | weekday.rawValue | title.rawValue)

    /// True when the word is in at least one of `lists`.
    @inline(__always)
    func has(_ lists: WordLists) -> Bool { rawValue & lists.rawValue != 0 }

    /// True when the word is in every one of `lists`.
    @inline(__always)
    func hasAll(_ lists: WordLists) -> Bool { rawValue & lists.rawValue == lists.rawValue }

    /// The lists `lowered` is in.
    static func of(_ lowered: String) -> WordLists {
        let known = lowered.utf8.withContiguousStorageIfAvailable { bytes -> WordLists? in
            if let lists = bytesTable.lists(of: bytes) { return lists }
            // Not filed under these bytes. The dictionary compares strings up to canonical
            // equivalence: an ASCII word can only equal a key whose canonical composition is that
            // word (`ByteTable.keysComposeToASCII`); other text is asked of the dictionary.
            return !bytesTable.keysComposeToASCII && bytes.allSatisfy({ $0 < 0x80 }) ? WordLists(rawValue: 0) : nil
        }
        if let known, let lists = known { return lists }
        return table[lowered] ?? WordLists(rawValue: 0)
    }

    /// `table` keyed by the words' UTF-8 bytes (`ByteTable`), for `of(_:)`.
    private static let bytesTable = ByteTable(table)

    /// A read-only map from words to their lists, keyed by the FNV-1a hash of the word's UTF-8 and
    /// probed linearly: a look-up hashes the word's few bytes and compares them with the words in
    /// its slot and the slots after it. `Dictionary<String, _>` runs SipHash and compares
    /// `String`s, several times the instructions, and the mention finder asks about most words
    /// of a text. Gives the same answers as the dictionary it is built from.
    private struct ByteTable: Sendable {
        /// For each slot, 1 + the index of the word filed there, or 0 when empty.
        private let slots: [Int32]
        private let hashes: [UInt64]
        /// The words' bytes back to back; word `w` is `bytes[starts[w]..<starts[w + 1]]`.
        private let starts: [Int]
        private let bytes: [UInt8]
        private let lists: [WordLists]
        /// True when some word's bytes are not ASCII but its canonical composition is (no word
        /// of the lists is; this keeps `of(_:)` right if one ever is).
        let keysComposeToASCII: Bool

        init(_ words: [String: WordLists]) {
            keysComposeToASCII = words.keys.contains { word in
                !word.utf8.allSatisfy { $0 < 0x80 }
                    && word.precomposedStringWithCanonicalMapping.utf8.allSatisfy { $0 < 0x80 }
            }
            var capacity = 16
            while capacity < 2 * words.count { capacity *= 2 }
            var slots = [Int32](repeating: 0, count: capacity)
            var hashes: [UInt64] = [], starts = [0], bytes: [UInt8] = [], lists: [WordLists] = []
            for (word, value) in words {
                let h = Self.hash(Array(word.utf8))
                var slot = Int(truncatingIfNeeded: h) & (capacity - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
                slots[slot] = Int32(hashes.count + 1)
                hashes.append(h)
                bytes.append(contentsOf: word.utf8)
                starts.append(bytes.count)
                lists.append(value)
            }
            (self.slots, self.hashes, self.starts, self.bytes, self.lists) = (slots, hashes, starts, bytes, lists)
        }

        static func hash<Bytes: Collection<UInt8>>(_ word: Bytes) -> UInt64 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in word { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            return h
        }

        /// The lists of the word whose UTF-8 is `word`; nil when no word has these bytes.
        func lists(of word: UnsafeBufferPointer<UInt8>) -> WordLists? {
            let h = Self.hash(word)
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: h) & mask
            while case let filed = Int(slots[slot]), filed != 0 {
                let w = filed - 1
                if hashes[w] == h, starts[w + 1] - starts[w] == word.count,
                   bytes[starts[w]..<starts[w + 1]].elementsEqual(word) { return lists[w] }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    private static let table: [String: WordLists] = {
        var table: [String: UInt32] = [:]
        table.reserveCapacity(12_000)  // about 9,000 words: no growing and rehashing
        func add<S: Sequence<String>>(_ words: S, _ list: WordLists) {
            for w in words { table[w, default: 0] |= list.rawValue }
        }
        add(Lexicon.functionWords, .functionWord)
        add(Lexicon.commonWords, .commonWord)
        add(Lexicon.months.keys, .month)
        add(Lexicon.weekdays, .weekday)
        add(Lexicon.titles, .title)
        add(Lexicon.givenNames, .givenName)
        add(Lexicon.genericPlaceWords, .genericPlaceWord)
        add(Lexicon.directionalModifiers, .directional)
        add(Lexicon.locativePrepositions, .locative)
        add(Lexicon.strongLocatives, .strongLocative)
        add(Lexicon.placeOnlyLocatives, .placeOnlyLocative)
        add(Lexicon.placeHeadNouns, .placeHeadNoun)
        add(EnglishWords.placeNamedWords, .englishWord)
        add(Lexicon.speechVerbs, .speechVerb)
        add(Lexicon.organisationHeads, .organisationHead)
        add(Lexicon.nonLocatingHeads, .nonLocatingHead)
        add(Lexicon.eponymHeads, .eponymHead)
        add(Lexicon.neverPlaceAlone, .neverPlaceAlone)
        add(Lexicon.abbreviationsBeforeStop, .abbreviationBeforeStop)
        add(Lexicon.placeCompoundSuffixes, .placeCompoundSuffix)
        add(MentionFinder.connectors, .connector)
        add(MentionFinder.adminWords, .adminWord)
        add(MentionFinder.continentFirstWords, .continentFirstWord)
        add(KnownNames.demonyms.keys, .demonym)
        add(Numbers.words.keys, .numberWord)
        add(Numbers.multipliers.keys, .numberWord)
        add(Units.directions, .unitDirection)
        add(MentionFinder.demonymFirstWords, .demonymFirstWord)
        add(PersonalNames.givenNames, .censusGivenName)
        add(Lexicon.givenNames, .censusGivenName)
        add(PersonalNames.surnames, .censusSurname)
        return table.mapValues(WordLists.init(rawValue:))
    }()
}
