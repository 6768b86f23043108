/// Numbers written in digits or words.
enum Numbers {
    struct Parsed {
        var value: Double
        var next: Int
        /// "a"/"an" standing for one ("a mile"): only valid before a singular unit.
        var isArticle = false
    }

    static let words: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "hundred": 100, "dozen": 12,
        // Russian and Ukrainian, in the cases a measure puts them in: "в двух километрах", "за п'ять
        // кілометрів", "более двух третей".
        "один": 1, "одного": 1, "одном": 1, "одну": 1, "одна": 1, "одной": 1, "одній": 1,
        "два": 2, "две": 2, "двух": 2, "двум": 2, "двумя": 2, "дві": 2, "двох": 2, "двом": 2,
        "три": 3, "трех": 3, "трёх": 3, "трем": 3, "тремя": 3, "трьох": 3,
        "четыре": 4, "четырех": 4, "четырёх": 4, "чотири": 4, "чотирьох": 4,
        "пять": 5, "пяти": 5, "п'ять": 5, "п'яти": 5, "п’ять": 5, "п’яти": 5,
        "шесть": 6, "шести": 6, "шість": 6, "семь": 7, "семи": 7, "сім": 7, "восемь": 8, "восьми": 8, "вісім": 8,
        "девять": 9, "девяти": 9, "дев'ять": 9, "дев'яти": 9, "дев’ять": 9, "дев’яти": 9,
        "десять": 10, "десяти": 10, "двадцать": 20, "двадцати": 20, "двадцять": 20, "двадцяти": 20,
        "тридцать": 30, "тридцати": 30, "тридцять": 30, "тридцяти": 30, "сорок": 40, "сорока": 40,
        "пятьдесят": 50, "пятидесяти": 50, "п'ятдесят": 50, "п'ятдесяти": 50, "п’ятдесят": 50, "п’ятдесяти": 50,
        "сто": 100,
    ]
    static let multipliers: [String: Double] = [
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1e9,
        // "25 тыс. гектаров", "1,5 млн": with or without the abbreviation's full stop.
        "тыс": 1_000, "тысяч": 1_000, "тысячи": 1_000, "тысяча": 1_000, "тис": 1_000, "тисяч": 1_000, "тисячі": 1_000,
        "тисяча": 1_000, "млн": 1_000_000, "миллиона": 1_000_000, "миллионов": 1_000_000, "мільйона": 1_000_000,
        "мільйонів": 1_000_000,
    ]

    /// A number at token `k`: "35", "1,000", "3.5", "1.2 million", "twenty-five", "a", "an".
    static func parse(_ t: [Token], at k: Int) -> Parsed? {
        guard k < t.count else { return nil }
        var result: Parsed
        if t[k].kind == .number {
            guard let v = digits(t[k].text) else { return nil }
            result = Parsed(value: v, next: k + 1)
        } else if let v = words[t[k].lowered] {
            result = Parsed(value: v, next: k + 1)
            // "twenty-five", "twenty five"
            var j = k + 1
            if j < t.count, t[j].text == "-", !t[j].spaceBefore { j += 1 }
            if v >= 20, v < 100, j < t.count, let unit = words[t[j].lowered], unit < 10 {
                result = Parsed(value: v + unit, next: j + 1)
            }
        } else if t[k].lowered == "a" || t[k].lowered == "an" {
            return Parsed(value: 1, next: k + 1, isArticle: true)
        } else {
            return nil
        }
        if result.next < t.count, let m = multipliers[t[result.next].lowered] {
            result = Parsed(value: result.value * m, next: result.next + 1)
            if result.next < t.count, t[result.next].text == ".", !t[result.next].spaceBefore, RussianCases.isCyrillic(t[result.next - 1].lowered) {
                result.next += 1
            }
        }
        return result
    }

    /// "1,000" → 1000 (groups of three after a comma), "3.5" → 3.5, "3,5" → 3.5 (decimal comma).
    static func digits(_ s: String) -> Double? {
        let parts = s.split(separator: ",", omittingEmptySubsequences: false)
        if parts.count > 1, parts.dropFirst().allSatisfy({ $0.count == 3 || $0.contains(".") && $0.prefix(while: { $0 != "." }).count == 3 }) {
            return Double(parts.joined())
        }
        if parts.count == 2 { return Double(parts[0] + "." + parts[1]) }
        return Double(s)
    }

    static let fractionWords: [String: Double] = [
        "half": 1.0 / 2, "third": 1.0 / 3, "thirds": 1.0 / 3, "quarter": 1.0 / 4, "quarters": 1.0 / 4,
        "fourth": 1.0 / 4, "fourths": 1.0 / 4, "fifth": 1.0 / 5, "fifths": 1.0 / 5, "sixth": 1.0 / 6,
        "sixths": 1.0 / 6, "seventh": 1.0 / 7, "sevenths": 1.0 / 7, "eighth": 1.0 / 8, "eighths": 1.0 / 8,
        "ninth": 1.0 / 9, "ninths": 1.0 / 9, "tenth": 1.0 / 10, "tenths": 1.0 / 10, "twentieth": 1.0 / 20,
        "twentieths": 1.0 / 20, "hundredth": 1.0 / 100,
        // Russian and Ukrainian after a number word: "двух третей", "дві третини", "трёх четвертей".
        "трети": 1.0 / 3, "третей": 1.0 / 3, "третини": 1.0 / 3, "третин": 1.0 / 3, "четверти": 1.0 / 4,
        "четвертей": 1.0 / 4, "чверті": 1.0 / 4, "чвертей": 1.0 / 4,
    ]

    /// Russian and Ukrainian fraction nouns that stand alone, in their cases: "половина её территории",
    /// "близько третини території", "четверть региона".
    static let cyrillicFractions: [String: Double] = [
        "половина": 0.5, "половины": 0.5, "половину": 0.5, "половиной": 0.5, "половини": 0.5, "половиною": 0.5,
        "треть": 1.0 / 3, "трети": 1.0 / 3, "третью": 1.0 / 3, "третина": 1.0 / 3, "третини": 1.0 / 3, "третину": 1.0 / 3,
        "четверть": 1.0 / 4, "четверти": 1.0 / 4, "чверть": 1.0 / 4, "чверті": 1.0 / 4,
    ]

    /// "a fifth", "one-third", "two thirds", "half", "three-quarters".
    static func fraction(_ t: [Token], at k: Int) -> Parsed? {
        guard k < t.count, t[k].kind == .word else { return nil }
        if t[k].lowered == "half" { return Parsed(value: 0.5, next: k + 1) }
        if let f = cyrillicFractions[t[k].lowered] { return Parsed(value: f, next: k + 1) }
        var count = 1.0
        var j = k
        if t[k].lowered == "a" || t[k].lowered == "one" {
            j += 1
        } else if let n = words[t[k].lowered], n < 10 {
            count = n
            j += 1
        } else {
            return nil
        }
        if j < t.count, t[j].text == "-", !t[j].spaceBefore { j += 1 }
        guard j < t.count, let f = fractionWords[t[j].lowered], t[j].lowered != "half" else { return nil }
        // "one third" but not "a third time": a fraction must be followed by "of" (checked by the caller).
        return Parsed(value: count * f, next: j + 1)
    }
}

/// Units of length and area and their factors to metres and square metres.
enum Units {
    struct Parsed {
        var kind: Claim.Kind
        var name: String
        var factor: Double
        var next: Int
        var plural: Bool
    }

    // Exact definitions: international mile = 1,609.344 m; foot = 0.3048 m; yard = 0.9144 m;
    // nautical mile = 1,852 m; acre = 4,046.8564224 m²; hectare = 10,000 m².
    static let length: [String: (Double, Bool)] = [
        "km": (1_000, false), "kms": (1_000, true), "kilometre": (1_000, false), "kilometres": (1_000, true),
        "kilometer": (1_000, false), "kilometers": (1_000, true), "metre": (1, false), "metres": (1, true),
        "meter": (1, false), "meters": (1, true), "mi": (1_609.344, false), "mile": (1_609.344, false),
        "miles": (1_609.344, true), "ft": (0.3048, false), "foot": (0.3048, false), "feet": (0.3048, true),
        "yard": (0.9144, false), "yards": (0.9144, true), "yd": (0.9144, false), "км": (1_000, false),
        "километров": (1_000, true), "километра": (1_000, true), "километр": (1_000, false),
        "кілометрів": (1_000, true), "кілометри": (1_000, true), "кілометр": (1_000, false),
        "километрах": (1_000, true), "километре": (1_000, false), "кілометра": (1_000, true), "кілометрах": (1_000, true),
        "метров": (1, true), "метра": (1, true), "метр": (1, false), "метрах": (1, true), "метрів": (1, true),
        "метри": (1, true), "м": (1, false), "миль": (1_609.344, true), "мили": (1_609.344, true), "миля": (1_609.344, false),
        "милях": (1_609.344, true), "милі": (1_609.344, true), "милю": (1_609.344, false),
    ]
    static let area: [String: (Double, Bool)] = [
        "km²": (1e6, false), "km2": (1e6, false), "hectare": (1e4, false), "hectares": (1e4, true),
        "ha": (1e4, false), "acre": (4_046.8564224, false), "acres": (4_046.8564224, true),
        "гектаров": (1e4, true), "гектара": (1e4, true), "гектар": (1e4, false), "гектарах": (1e4, true),
        "гектарів": (1e4, true), "гектари": (1e4, true), "га": (1e4, false),
        "m²": (1, false), "mi²": (2_589_988.110336, false), "км²": (1e6, false),
    ]

    static let dimensions: Set<String> = ["deep", "wide", "long", "away", "inside", "high", "across", "further", "farther", "closer"]
    static let directions: Set<String> = [
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "north-east", "north-west", "south-east", "south-west",
    ]
    static let relations: Set<String> = [
        "into", "inside", "of", "from", "in", "within", "across", "behind", "beyond", "toward", "towards",
        "to", "near", "off", "along", "past",
    ]
    /// Russian and Ukrainian words that link a distance to its subject, as the English relation they
    /// stand for: "на 30 км вглубь Курской области" (into), "в 10 км от границы" (from), "у 5 км від
    /// кордону" (from), "за 20 км до границы" (to).
    static let cyrillicRelations: [String: String] = [
        "вглубь": "into", "вглиб": "into", "углиб": "into", "от": "from", "від": "from", "до": "to",
    ]
    static let determiners: Set<String> = [
        "the", "its", "their", "his", "her", "our", "this", "that", "a",
        // Russian and Ukrainian possessives: "половина её территории", "третина її території".
        "её", "ее", "его", "их", "своей", "її", "його", "їх", "своєї",
    ]
    static let subjectHeads: Set<String> = [
        "border", "borders", "frontier", "territory", "territories", "front", "frontline", "line", "coast",
        "city", "town", "village", "capital", "region", "country", "land", "area", "oblast", "province",
        "district", "state", "centre", "center", "boundary", "river", "sea", "island", "peninsula", "crossing",
        // Russian and Ukrainian, in the cases a distance puts them in: "от границы", "від кордону",
        // "вглубь Курской области", "углиб Сумського району".
        "граница", "границы", "границе", "границей", "кордон", "кордону", "кордоні", "кордоном", "рубежа",
        "область", "области", "областью", "області", "район", "района", "районе", "району", "районі",
        "край", "края", "краю", "территории", "території", "территорию", "територію", "страны", "країни",
        "региона", "регион", "регионе", "регіону", "регіон", "регіоні",
    ]
    /// Heads of a share's subject that make it no share of a territory: "2.5% of GDP", "40 percent of
    /// the vote", "a third of the budget".
    static let nonTerritorialHeads: Set<String> = [
        "gdp", "budget", "budgets", "vote", "votes", "ballots", "population", "revenue", "revenues", "exports",
        "imports", "output", "income", "spending", "electorate", "workforce", "seats", "shares", "stake", "market",
        "capacity", "economy", "debt",
    ]

    /// Heads of a subject that is a settlement or a part of one, which a share cannot be of.
    static let settlementHeads: Set<String> = ["city", "town", "village", "capital", "centre", "center"]
    static let subjectModifiers: Set<String> = ["international", "state", "national", "administrative", "entire", "whole", "total"]

    /// A length or area unit at `k` (one to three tokens): "km", "sq km", "sq. km", "square miles", "km²".
    static func parse(_ t: [Token], at k: Int) -> Parsed? {
        guard k < t.count, t[k].kind == .word else { return nil }
        let w = t[k].lowered
        // "nautical miles", "200-nautical-mile zone"; "в 20 морских милях", "12 морських миль".
        if w == "nautical" || w.hasPrefix("морск") || w.hasPrefix("морськ") {
            var j = k + 1
            if j + 1 < t.count, t[j].text == "-", !t[j].spaceBefore, !t[j + 1].spaceBefore { j += 1 }
            if j < t.count, let (_, plural) = length[t[j].lowered], t[j].lowered.hasPrefix("mile") || t[j].lowered.hasPrefix("мил") {
                return Parsed(kind: .distance, name: "nautical " + t[j].lowered, factor: 1_852, next: j + 1, plural: plural)
            }
        }
        // "кв. км", "квадратных километров", "квадратних кілометрів".
        if w == "кв" || w.hasPrefix("квадратн") {
            var j = k + 1
            if j < t.count, t[j].text == ".", !t[j].spaceBefore { j += 1 }
            guard j < t.count, let (f, plural) = length[t[j].lowered] else { return nil }
            return Parsed(kind: .area, name: "кв. " + t[j].lowered, factor: f * f, next: j + 1, plural: plural)
        }
        if w == "sq" || w == "square" {
            var j = k + 1
            // "sq. km", "10,460-square-kilometre territory".
            if j < t.count, t[j].text == "." || t[j].text == "-", !t[j].spaceBefore { j += 1 }
            guard j < t.count, let (f, plural) = length[t[j].lowered] else { return nil }
            return Parsed(kind: .area, name: (w == "sq" ? "sq " : "square ") + t[j].lowered, factor: f * f,
                          next: j + 1, plural: plural)
        }
        if let (f, plural) = area[w] {
            return Parsed(kind: .area, name: w, factor: f, next: k + 1, plural: plural)
        }
        // "в 10-километровой зоне", "у 15-кілометровій зоні", "500-метровая полоса": a measure as
        // an adjective.
        if RussianCases.isCyrillic(w), length[w] == nil {
            for (stem, factor) in [("километров", 1_000.0), ("кілометров", 1_000.0), ("метров", 1.0)] where w.hasPrefix(stem) && w.count > stem.count {
                return Parsed(kind: .distance, name: stem == "метров" ? "м" : "км", factor: factor, next: k + 1, plural: false)
            }
        }
        // "m" for metres only where a measure's relation follows ("within 500 m of", "300 m from",
        // "(500 m)"): elsewhere it is as often millions ("a $3m grant", "2m people").
        if w == "m", k + 1 < t.count, relations.contains(t[k + 1].lowered) || dimensions.contains(t[k + 1].lowered)
            || directions.contains(t[k + 1].lowered) || t[k + 1].text == ")" {
            return Parsed(kind: .distance, name: "m", factor: 1, next: k + 1, plural: false)
        }
        if let (f, plural) = length[w] {
            // "km" followed by "²" typed as a separate symbol, or "square" after the unit ("km square").
            if k + 1 < t.count, t[k + 1].text == "²" || t[k + 1].text == "2" && !t[k + 1].spaceBefore {
                return Parsed(kind: .area, name: w + "²", factor: f * f, next: k + 2, plural: plural)
            }
            return Parsed(kind: .distance, name: w, factor: f, next: k + 1, plural: plural)
        }
        return nil
    }

    /// "percent", "per cent", "%", "pct": returns the index after it.
    static func percent(_ t: [Token], at k: Int) -> Int? {
        guard k < t.count else { return nil }
        switch t[k].lowered {
        case "%", "percent", "pct", "процентов", "процента", "процент", "відсотків", "відсотка", "відсотки", "%.": return k + 1
        case "per" where k + 1 < t.count && t[k + 1].lowered == "cent": return k + 2
        default: return nil
        }
    }
}

/// Hedges before a number.
enum Qualifiers {
    static let two: [String: Claim.Qualifier] = [
        "up to": .atMost, "at least": .atLeast, "more than": .atLeast, "less than": .atMost,
        "fewer than": .atMost, "at most": .atMost, "no more": .atMost, "as much": .atMost,
        "не более": .atMost, "не больше": .atMost, "не більше": .atMost, "менее чем": .atMost, "менш ніж": .atMost,
        "более чем": .atLeast, "больше чем": .atLeast, "більш ніж": .atLeast, "більше ніж": .atLeast,
        "не дальше": .atMost, "не далее": .atMost, "не далі": .atMost,
        "не менее": .atLeast, "не меньше": .atLeast, "не менш": .atLeast, "не менше": .atLeast,
        "в пределах": .atMost, "в межах": .atMost, "у межах": .atMost, "just under": .atMost, "just over": .atLeast,
        "as far": .atMost, "as many": .atMost, "an estimated": .approximately, "some of": .exact,
    ]
    static let one: [String: Claim.Qualifier] = [
        "about": .approximately, "around": .approximately, "approximately": .approximately,
        "roughly": .approximately, "some": .approximately, "nearly": .approximately, "almost": .approximately,
        "approx": .approximately, "circa": .approximately, "over": .atLeast, "under": .atMost,
        "within": .atMost, "estimated": .approximately, "only": .exact, "just": .exact, "около": .approximately,
        "почти": .approximately, "до": .atMost, "более": .atLeast, "свыше": .atLeast, "близько": .approximately,
        "примерно": .approximately, "приблизно": .approximately, "майже": .approximately, "понад": .atLeast,
        "менее": .atMost, "меньше": .atMost, "менше": .atMost, "barely": .atMost, "щонайменше": .atLeast,
        "минимум": .atLeast, "мінімум": .atLeast, "максимум": .atMost,
    ]

    /// Three-word hedges: "не более чем", "не більше ніж".
    static let three: [String: Claim.Qualifier] = [
        "не более чем": .atMost, "не больше чем": .atMost, "не далее чем": .atMost, "не дальше чем": .atMost,
        "не більше ніж": .atMost, "не далі ніж": .atMost, "no more than": .atMost, "no farther than": .atMost,
        // "не менее чем в 15 км" is a lower bound: without this, "менее чем" (less than) would read it.
        "не менее чем": .atLeast, "не меньше чем": .atLeast, "не менш ніж": .atLeast, "не менше ніж": .atLeast,
        "no further than": .atMost, "no less than": .atLeast,
    ]

    /// The hedge right before token `k` and the index where the claim then starts.
    static func before(_ t: [Token], _ k: Int) -> (Claim.Qualifier, Int) {
        if k >= 3, t[k - 3].kind == .word, let q = three[t[k - 3].lowered + " " + t[k - 2].lowered + " " + t[k - 1].lowered] {
            return (q, k - 3)
        }
        if k >= 2, t[k - 2].kind == .word, let q = two[t[k - 2].lowered + " " + t[k - 1].lowered] {
            return (q, k - 2)
        }
        // "as far as 20 km", "as much as": three words.
        if k >= 3, t[k - 1].lowered == "as", let q = two[t[k - 3].lowered + " " + t[k - 2].lowered] {
            return (q, k - 3)
        }
        if k >= 1, let q = one[t[k - 1].lowered] { return (q, k - 1) }
        // "примерно в 7 км", "менее чем в 3 км", "близько у 5 км": a Russian or Ukrainian hedge with
        // the preposition of the figure between.
        if k >= 2, ["в", "у", "на", "за"].contains(t[k - 1].lowered) {
            let (q, start) = before(t, k - 1)
            if q != .exact { return (q, start) }
        }
        return (.exact, k)
    }

    /// Skips a hedge inside a conversion: "(about 22 miles)".
    static func skip(_ t: [Token], _ k: Int) -> Int {
        if k < t.count, one[t[k].lowered] != nil { return k + 1 }
        return k
    }
}
