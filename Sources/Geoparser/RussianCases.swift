/// Russian and Ukrainian place names in the cases running text puts them in ("в Курске", "по Харькову", "заняли
/// Суджу", "в Курскую область"), mapped back to the nominative the gazetteer lists.
///
/// Not a morphological analyser: each ending of the common declensions is replaced by the
/// nominative endings it can come from, and the caller keeps only forms that are names in the
/// gazetteer. Written for this module from the standard declension tables.
enum RussianCases {
    /// Case endings of nouns (longest first) and the nominative endings they can stand for.
    private static let nounEndings: [(String, [String])] = [
        ("ами", ["ы", "и"]), ("ями", ["и"]), ("ах", ["ы", "и"]), ("ях", ["и"]), ("ам", ["ы", "и"]), ("ям", ["и"]),
        // Plural-only names in the genitive: "Клинцов", "Набережных Челнов" (Клинцы, Челны),
        // Ukrainian "Броварів", "Чернівців" (Бровари, Чернівці).
        ("ов", ["ы", "и"]), ("ів", ["и", "і"]),
        // Ukrainian nouns in -ець: "Трускавця", "Трускавці" (Трускавець).
        ("ця", ["ець"]), ("цю", ["ець"]), ("цем", ["ець"]),
        // Names declined as adjectives, instrumental: "Волжским" (Волжский).
        ("ым", ["ый"]), ("им", ["ий"]),
        // Names declined as adjectives: "Грозному" (Грозный), "Курахового" (Курахове, Курахово).
        ("ого", ["ый", "ий", "е", "о", "ое"]), ("ому", ["ый", "ий", "е", "о", "ое"]),
        ("ой", ["а"]), ("ей", ["я", "ь"]), ("ом", [""]), ("ем", ["ь", "", "й"]), ("ью", ["ь"]),
        // Ukrainian instrumental and the -ія nouns: "Одесою", "Росією", "Франції", "Феодосії".
        ("ією", ["ія"]), ("ою", ["а"]), ("ії", ["ія"]),
        // Ukrainian stems in -й ("Китаєм", "Китаю": Китай) and names declined as adjectives
        // ("Лозової", "Лозовій": Лозова).
        ("єм", ["й"]), ("ої", ["а"]),
        // Ukrainian -ея and -ай nouns: "Кореї" (Корея), "Шанхаї" (Шанхай).
        ("еї", ["ея"]), ("аї", ["ай"]),
        // Ukrainian consonant changes before -і: "Білозерці" (Білозерка), "Ризі" (Рига), "Стрисі",
        // and in masculine nouns "Розі" (Ріг, with the vowel of the closed syllable: see
        // `nominatives(of:)`).
        ("ці", ["ка", "к"]), ("зі", ["га", "г"]), ("сі", ["ха", "х"]),
        ("ові", [""]), ("еві", ["ь", ""]), ("і", ["", "а", "я", "ь", "о"]),
        // Neuter nouns in -ье: "Запорожья", "Приднестровья".
        ("ья", ["ье"]), ("ье", ["ье"]),
        // Stems in -й: "Китая", "Китаю", "Китае", "Джанкоя" (Китай, Джанкой).
        ("у", ["а", ""]), ("ю", ["я", "ь", "й"]), ("е", ["", "а", "я", "ь", "й"]), ("и", ["а", "я", "ь", "ы", "і"]),
        ("ы", ["а"]), ("а", ["", "о"]), ("я", ["ь", "й"]),
    ]

    /// Adjective endings (the first word of "Курская область", "Брянский район") and their
    /// nominative forms, feminine, masculine and neuter.
    private static let adjectiveEndings: [(String, [String])] = [
        // Possessive adjectives decline so too, their nominative the bare stem (Russian Часов Яр:
        // "в Часовом Яре") or, in Ukrainian, the stem's closed syllable (Часів Яр: "Часового Яру").
        ("ую", ["ая"]), ("ой", ["ая", "ий", "ый", "ой"]), ("ая", ["ая"]), ("ого", ["ий", "ый", "ое", "е", ""]),
        ("ому", ["ий", "ый", "ое", "е", ""]), ("ом", ["ий", "ый", "ое", ""]), ("ым", ["ый"]), ("им", ["ий"]), ("ий", ["ий"]),
        ("ое", ["ое"]),
        // Soft adjectives: "в Нижнем Новгороде", "в Верхней Пышме" (Нижний, Верхняя).
        ("ем", ["ий"]), ("его", ["ий", "ее"]), ("ему", ["ий", "ее"]), ("ей", ["яя", "ий"]), ("юю", ["яя"]),
        // Ukrainian soft adjectives: "Внутрішньої Монголії" (Внутрішня).
        ("ьої", ["я"]), ("ьою", ["я"]), ("ій", ["я"]),
        // Ukrainian ("Чорного", "Чорному" → "Чорне" above; "Керченської", "Керченській" → "Керченська").
        ("ої", ["а"]), ("ій", ["а", "ий"]), ("ою", ["а"]),
    ]

    /// Generic words after a regional adjective, in any case, with their nominative.
    static let genericNominative: [String: String] = [
        "область": "область", "области": "область", "областью": "область", "областей": "область",
        "край": "край", "края": "край", "крае": "край", "краю": "край", "краем": "край",
        "район": "район", "района": "район", "районе": "район", "району": "район", "районом": "район",
        // Ukrainian: "у Курській області", "Сумської області", "в Бахмутському районі".
        "області": "область", "областю": "область", "районі": "район", "краї": "край", "краєм": "край",
        // Seas and straits: "в Черном море", "у берегов Азовского моря", "через Керченский пролив",
        // Ukrainian "у Чорному морі", "Керченської протоки".
        "море": "море", "моря": "море", "морю": "море", "морем": "море", "морі": "море",
        "пролив": "пролив", "пролива": "пролив", "проливе": "пролив", "проливу": "пролив", "проливом": "пролив",
        "протока": "протока", "протоки": "протока", "протоці": "протока", "протоку": "протока", "протокою": "протока",
    ]

    /// Countries whose places Russian and Ukrainian text names in forms of their own (the former
    /// Soviet Union, Mongolia, and the countries that write Cyrillic): a Cyrillic word read through
    /// its romanisation may be one of their places even when the gazetteer spells it only in Latin.
    /// Elsewhere the romanised word meets foreign names by chance ("Гомеле" as Gömele, Turkey).
    static let cyrillicNamingCountries: Set<String> = [
        "RU", "UA", "BY", "KZ", "KG", "TJ", "UZ", "TM", "AZ", "AM", "GE", "MD", "MN", "BG", "RS", "MK", "ME", "BA",
    ]

    /// True when the word is written in Cyrillic (its first letter is).
    static func isCyrillic(_ word: String) -> Bool {
        guard let s = word.unicodeScalars.first else { return false }
        return (0x400...0x4FF).contains(s.value)
    }

    /// Nominative forms a lower-case noun in another case may come from, most likely first; never
    /// the word itself, never shorter than `shortest` letters. Ukrainian nominatives close their last
    /// syllable with і/ї where the other cases have о, е or є ("Харкова" → "Харків", "Києві" →
    /// "Київ"): those forms are tried too.
    /// `shortest`: the fewest letters a nominative may have (the noun of "Часового Яру" has two).
    static func nominatives(of word: String, shortest: Int = 3) -> [String] {
        var out: [String] = []
        func add(_ candidate: String) {
            if candidate != word, candidate.count >= shortest, !out.contains(candidate) { out.append(candidate) }
        }
        for (ending, replacements) in nounEndings where word.hasSuffix(ending) {
            let stem = String(word.dropLast(ending.count))
            for r in replacements {
                add(stem + r)
                // A nominative ending in a consonant: "Харкова" → "Харків", "Розі" → "Ріг".
                if r.isEmpty || r.count == 1 && !"аеиоуыэюяіїєь".contains(r), let alternated = closedSyllable(stem + r) {
                    add(alternated)
                }
                // A vowel the other cases drop: "Египта" → "Египет", "Орла" → "Орел".
                if r.isEmpty, let restored = fleetingVowel(stem) { add(restored) }
            }
        }
        // The genitive of plural-only names has no ending: "з Сум", "до Прилук", "Лубен" (Суми,
        // Прилуки, Лубни, with the vowel the other cases drop).
        if let last = word.last, !isVowel(last), last != "ь", last != "й" {
            for plural in ["и", "ы"] { add(word + plural) }
            var letters = Array(word)
            if letters.count >= 4, letters[letters.count - 2] == "е" || letters[letters.count - 2] == "о" {
                letters.remove(at: letters.count - 2)
                add(String(letters) + "и")
            }
        }
        return out
    }

    /// "египт" → "египет", "орл" → "орел": a stem ending in two consonants with "е" put back
    /// between them, as the nominative of such masculine nouns has it; nil otherwise.
    private static func fleetingVowel(_ stem: String) -> String? {
        let letters = Array(stem)
        guard letters.count >= 3, !isVowel(letters[letters.count - 1]), !isVowel(letters[letters.count - 2]),
              letters[letters.count - 1] != "ь", letters[letters.count - 2] != "ь", letters[letters.count - 2] != "й" else { return nil }
        return String(letters.dropLast()) + "е" + String(letters[letters.count - 1])
    }

    private static func isVowel(_ c: Character) -> Bool { "аеёиоуыэюяіїє".contains(c) }

    /// "харков" → "харків", "києв" → "київ": the vowel before the final consonant as a Ukrainian
    /// nominative writes it; nil when that vowel is not о, е or є.
    private static func closedSyllable(_ stem: String) -> String? {
        var letters = Array(stem)
        guard letters.count >= 3 else { return nil }
        let k = letters.count - 2
        switch letters[k] {
        case "о", "е": letters[k] = "і"
        case "є": letters[k] = "ї"
        default: return nil
        }
        return String(letters)
    }

    /// Nominative forms of a regional adjective ("курскую" → "курская").
    static func adjectiveNominatives(of word: String) -> [String] {
        var out: [String] = []
        for (ending, replacements) in adjectiveEndings where word.hasSuffix(ending) {
            let stem = word.dropLast(ending.count)
            guard stem.count >= 2 else { continue }
            for r in replacements where !out.contains(String(stem) + r) {
                out.append(String(stem) + r)
                if r.isEmpty, let alternated = closedSyllable(String(stem)), !out.contains(alternated) { out.append(alternated) }
            }
        }
        return out
    }
}
