/// Finds distance, area, fraction and date expressions in tokenised text.
///
/// Works on tokens (not regular expressions) so offsets come for free and the cost stays linear:
/// each number or number word is examined once with a few tokens of look-ahead. Thread-safe: a value.
struct ClaimExtractor: Sendable {
    let tokens: [Token]
    let scalars: [Unicode.Scalar]
    let sentenceOf: [Int]

    /// All claims, in text order, without subjects linked to places (see `link`).
    func claims() -> [Claim] {
        var out: [Claim] = []
        var k = 0
        while k < tokens.count {
            if let (claim, next) = date(at: k) ?? measure(at: k) {
                out.append(claim)
                k = next
            } else {
                k += 1
            }
        }
        return out
    }

    // MARK: measures (distance, area, fraction)

    private func measure(at k: Int) -> (Claim, Int)? {
        guard let number = Numbers.parse(tokens, at: k) else { return nil }
        if let range = range(from: number, at: k) { return range }
        var j = number.next
        // "35-km", "12-mile": a hyphen glued to both sides.
        if j + 1 < tokens.count, tokens[j].text == "-", !tokens[j].spaceBefore, !tokens[j + 1].spaceBefore { j += 1 }
        let (qualifier, qStart) = Qualifiers.before(tokens, k)
        if let unit = Units.parse(tokens, at: j), !(number.isArticle && unit.plural), !(unit.name == "m" && afterCurrency(k)),
           !isSpeed(after: unit.next) {
            var claim = makeClaim(kind: unit.kind, value: number.value * unit.factor, stated: number.value,
                                  unit: unit.name, qualifier: qualifier, from: qStart, to: unit.next)
            var e = unit.next
            e = conversions(after: e, into: &claim)
            if unit.kind == .distance { e = distanceTail(after: e, into: &claim) }
            claim.subject = subject(after: e)
            return (claim, max(e, unit.next))
        }
        if let percent = Units.percent(tokens, at: j) {
            var claim = makeClaim(kind: .fraction, value: number.value / 100, stated: number.value,
                                  unit: "percent", qualifier: qualifier, from: qStart, to: percent)
            claim.subject = subject(after: percent, requiring: ["of"])
            guard let s = claim.subject, !Units.nonTerritorialHeads.contains(s.text.lowercased().split(separator: " ").last.map(String.init) ?? "")
            else { return nil }
            return (claim, percent)
        }
        return nil
    }

    /// "70 km/h", "25 м/с", "80 kilometres an hour", "30 miles per hour": a speed, not a distance.
    private func isSpeed(after e: Int) -> Bool {
        guard e < tokens.count else { return false }
        if tokens[e].text == "/", !tokens[e].spaceBefore { return true }
        guard e + 1 < tokens.count, ["per", "an", "a"].contains(tokens[e].lowered) else { return false }
        return ["hour", "second", "minute", "day"].contains(tokens[e + 1].lowered)
    }

    /// True when a currency sign comes right before token `k` ("$3m").
    private func afterCurrency(_ k: Int) -> Bool {
        k >= 1 && ["$", "£", "€", "¥", "₴", "₽"].contains(tokens[k - 1].text)
    }

    /// A range of two numbers with one unit: "between 2 and 5 km", "10 to 15 km", "2–3 km",
    /// "от 5 до 10 км", "між 2 і 5 км". `first` is the number at `k`. The claim's value is the
    /// upper number, its `lowerValue` the lower, and its qualifier `range` (or the hedge before it,
    /// when there is one: "up to 10–15 km" is at most 15 km).
    private func range(from first: Numbers.Parsed, at k: Int) -> (Claim, Int)? {
        guard !first.isArticle, first.next + 1 < tokens.count else { return nil }
        let opener = k >= 1 ? tokens[k - 1].lowered : ""
        // "between 200 metres and 10 km": each number with its unit, after an opening word.
        if ["between", "from", "между", "між", "от", "від"].contains(opener), let unit1 = Units.parse(tokens, at: first.next),
           unit1.next + 1 < tokens.count, ["and", "to", "и", "і", "й", "до"].contains(tokens[unit1.next].lowered),
           let second = Numbers.parse(tokens, at: unit1.next + 1), let unit2 = Units.parse(tokens, at: second.next),
           unit2.kind == unit1.kind, second.value * unit2.factor > first.value * unit1.factor {
            return rangeClaim(from: k - 1, lower: first.value * unit1.factor, upper: second, unit: unit2)
        }
        let joiner = tokens[first.next].lowered
        switch joiner {
        case "to", "-", "–", "—": break
        case "and": guard opener == "between" else { return nil }
        case "и", "і", "й": guard ["между", "між"].contains(opener) else { return nil }
        case "до": guard ["от", "від"].contains(opener) else { return nil }
        default: return nil
        }
        guard let second = Numbers.parse(tokens, at: first.next + 1), !second.isArticle, second.value > first.value,
              let unit = Units.parse(tokens, at: second.next), !(unit.name == "m" && afterCurrency(k)) else { return nil }
        let opened = ["between", "from", "между", "між", "от", "від"].contains(opener)
        return rangeClaim(from: opened ? k - 1 : k, lower: first.value * unit.factor, upper: second, unit: unit)
    }

    /// The range claim from token `start` (its opening word or first number) to `unit`: the upper
    /// number in `unit`, `lower` already in SI units; with a hedge before it, that hedge instead.
    private func rangeClaim(from start: Int, lower: Double, upper: Numbers.Parsed, unit: Units.Parsed) -> (Claim, Int) {
        var (qualifier, qStart) = Qualifiers.before(tokens, start)
        if qualifier == .exact || qualifier == .approximately { qualifier = .range }
        var claim = makeClaim(kind: unit.kind, value: upper.value * unit.factor, stated: upper.value,
                              unit: unit.name, qualifier: qualifier, from: min(qStart, start), to: unit.next)
        if qualifier == .range { claim.lowerValue = lower }
        var e = conversions(after: unit.next, into: &claim)
        if unit.kind == .distance { e = distanceTail(after: e, into: &claim) }
        claim.subject = subject(after: e)
        return (claim, max(e, unit.next))
    }

    /// A fraction word phrase: "a fifth", "one-third", "two thirds", "half", "a quarter".
    func fraction(at k: Int) -> (Claim, Int)? {
        guard let f = Numbers.fraction(tokens, at: k) else { return nil }
        let (qualifier, qStart) = Qualifiers.before(tokens, k)
        var claim = makeClaim(kind: .fraction, value: f.value, stated: f.value, unit: nil,
                              qualifier: qualifier, from: qStart, to: f.next)
        claim.subject = subject(after: f.next, requiring: ["of"])
        // "the southern half of the town": a share of a settlement is no share of a territory.
        let head = claim.subject?.text.lowercased().split(separator: " ").last.map(String.init) ?? ""
        guard claim.subject != nil, !Units.settlementHeads.contains(head), !Units.nonTerritorialHeads.contains(head) else { return nil }
        return (claim, f.next)
    }

    private func makeClaim(kind: Claim.Kind, value: Double, stated: Double, unit: String?,
                           qualifier: Claim.Qualifier, from a: Int, to b: Int) -> Claim {
        Claim(kind: kind, value: value, statedValue: stated, unit: unit, qualifier: qualifier,
              start: tokens[a].start, end: tokens[b - 1].end, text: text(a, b), sentence: sentenceOf[a])
    }

    /// "(22 miles)", "(about 22 mi)": conversions in brackets after the unit; extends the claim.
    private func conversions(after e: Int, into claim: inout Claim) -> Int {
        var j = e
        guard j < tokens.count, tokens[j].text == "(" else { return e }
        j += 1
        j = Qualifiers.skip(tokens, j)
        guard let n = Numbers.parse(tokens, at: j) else { return e }
        // "(18-mile)": a hyphen glued to both sides.
        var unitAt = n.next
        if unitAt + 1 < tokens.count, tokens[unitAt].text == "-", !tokens[unitAt].spaceBefore, !tokens[unitAt + 1].spaceBefore { unitAt += 1 }
        guard let u = Units.parse(tokens, at: unitAt), u.kind == claim.kind,
              u.next < tokens.count, tokens[u.next].text == ")" else { return e }
        claim.alternatives.append(n.value * u.factor)
        claim.end = tokens[u.next].end
        claim.text = String(scalars: scalars[claim.start..<claim.end])
        return u.next + 1
    }

    /// "deep", "wide", "away", and a compass direction with "of": "10 km north of Sudzha".
    private func distanceTail(after e: Int, into claim: inout Claim) -> Int {
        var j = e
        // "6 km inside Russia", "across the border": a dimension word that also links the subject
        // stays for `subject(after:)`.
        let linksSubject = j + 1 < tokens.count && Units.relations.contains(tokens[j].lowered)
            && (tokens[j + 1].isCapitalized || Units.determiners.contains(tokens[j + 1].lowered))
        if j < tokens.count, Units.dimensions.contains(tokens[j].lowered), !linksSubject {
            claim.dimension = tokens[j].lowered
            j += 1
        }
        if j + 1 < tokens.count, Units.directions.contains(tokens[j].lowered), tokens[j + 1].lowered == "of" {
            claim.direction = tokens[j].lowered
            j += 1
        }
        return j
    }

    /// The phrase after a linking preposition, up to a head noun or a capitalised name.
    /// The place is filled in later, once mentions are known.
    private func subject(after e: Int, requiring relations: Set<String> = Units.relations) -> Claim.Subject? {
        var j = e
        guard j < tokens.count else { return nil }
        // A Cyrillic relation stands for its English one; "of" has none (the genitive carries it).
        let relation: String
        if relations.contains(tokens[j].lowered) {
            relation = tokens[j].lowered
        } else if let english = Units.cyrillicRelations[tokens[j].lowered], relations.contains(english) || relations == Units.relations {
            relation = english
        } else if relations.contains("of"), RussianCases.isCyrillic(tokens[j].lowered), Units.subjectHeads.contains(tokens[j].lowered)
                    || (Units.determiners.contains(tokens[j].lowered) || RussianCases.isCyrillic(tokens[j].lowered))
                        && j + 1 < tokens.count && Units.subjectHeads.contains(tokens[j + 1].lowered) {
            // "12 % территории Молдовы", "половина её территории": the genitive is the "of";
            // nothing to skip.
            relation = "of"
            j -= 1
        } else {
            return nil
        }
        j += 1
        let phraseStart = j
        while j < tokens.count, Units.determiners.contains(tokens[j].lowered) { j += 1 }
        guard j < tokens.count, tokens[j].kind == .word else { return nil }
        // Either a run of capitalised words (a name, possibly with a demonym before a head noun),
        // or a head noun such as "border", "territory".
        var last = -1
        while j < tokens.count, j - phraseStart < 6, tokens[j].kind == .word || (last < 0 && tokens[j].text == "-"),
              tokens[j].lowered != "'s" {
            if tokens[j].text == "-" {
                // "north-eastern": a hyphen inside a modifier.
                guard j > phraseStart, Lexicon.directionalModifiers.contains(tokens[j - 1].lowered) else { break }
                j += 1
            } else if tokens[j].isCapitalized || Units.subjectHeads.contains(tokens[j].lowered) {
                last = j
                j += 1
                // A Russian or Ukrainian head takes the name after it in the genitive ("территории
                // Молдовы", "границы Украины").
                if Units.subjectHeads.contains(tokens[last].lowered), j < tokens.count,
                   !Units.subjectHeads.contains(tokens[j].lowered),
                   !(RussianCases.isCyrillic(tokens[last].lowered) && tokens[j].isCapitalized) { break }
            } else if last < 0, j > phraseStart || Units.determiners.contains(tokens[j - 1].lowered), !tokens[j].isCapitalized,
                      !Units.subjectHeads.contains(tokens[j].lowered),
                      j + 1 < tokens.count && Units.subjectHeads.contains(tokens[j + 1].lowered)
                        || j + 2 < tokens.count && tokens[j + 1].kind == .word && !tokens[j + 1].isCapitalized
                            && Units.subjectHeads.contains(tokens[j + 2].lowered) {
                // "of its prewar area", "of the former princely state": adjectives before the head.
                j += 1
            } else if last < 0, Units.subjectModifiers.contains(tokens[j].lowered)
                        || Lexicon.directionalModifiers.contains(tokens[j].lowered)
                        || RussianCases.isCyrillic(tokens[j].lowered) && j + 1 < tokens.count && Units.subjectHeads.contains(tokens[j + 1].lowered) {
                // "into southern Lebanon", "of the occupied territory", "от польской границы"
                j += 1
            } else {
                break
            }
        }
        // A possessive after a name: "of Ukraine's territory".
        if last >= 0, last + 2 < tokens.count, tokens[last + 1].lowered == "'s",
           Units.subjectHeads.contains(tokens[last + 2].lowered) { last += 2 }
        guard last >= 0 else { return nil }
        return Claim.Subject(relation: relation, text: text(phraseStart, last + 1),
                             start: tokens[phraseStart].start, end: tokens[last].end)
    }

    // MARK: dates

    /// "August 6, 2024", "Aug. 6 2024", "6 August 2024", "August 2024", "2024-08-06", "6 августа 2024".
    private func date(at k: Int) -> (Claim, Int)? {
        if let iso = isoDate(at: k) { return iso }
        let t = tokens[k]
        if t.kind == .word, let month = Lexicon.months[t.lowered], t.isCapitalized || t.text.unicodeScalars.first!.value > 0x7F {
            var j = k + 1
            if j < tokens.count, tokens[j].text == ".", !tokens[j].spaceBefore { j += 1 }
            if j < tokens.count, let day = dayNumber(tokens[j]) {
                var end = j + 1
                var year: Int?
                var y = end
                if y < tokens.count, tokens[y].text == "," { y += 1 }
                if y < tokens.count, let yr = yearNumber(tokens[y]) { year = yr; end = y + 1 }
                return (dateClaim(year: year, month: month, day: day, k, end), end)
            }
            if j < tokens.count, let yr = yearNumber(tokens[j]) {
                return (dateClaim(year: yr, month: month, day: nil, k, j + 1), j + 1)
            }
            return nil
        }
        if let day = dayNumber(t), k + 1 < tokens.count, let month = Lexicon.months[tokens[k + 1].lowered] {
            var end = k + 2
            if end < tokens.count, tokens[end].text == ".", !tokens[end].spaceBefore, Lexicon.months[tokens[k + 1].lowered + "."] == nil,
               tokens[k + 1].text.count <= 4 { end += 1 }
            var year: Int?
            if end < tokens.count, let yr = yearNumber(tokens[end]) { year = yr; end += 1 }
            return (dateClaim(year: year, month: month, day: day, k, end), end)
        }
        return nil
    }

    private func isoDate(at k: Int) -> (Claim, Int)? {
        guard k + 4 < tokens.count, let year = yearNumber(tokens[k]), tokens[k + 1].text == "-",
              tokens[k + 3].text == "-", !tokens[k + 1].spaceBefore, !tokens[k + 2].spaceBefore,
              !tokens[k + 3].spaceBefore, !tokens[k + 4].spaceBefore,
              tokens[k + 2].kind == .number, tokens[k + 2].text.count == 2, let month = Int(tokens[k + 2].text),
              (1...12).contains(month), tokens[k + 4].kind == .number, tokens[k + 4].text.count == 2,
              let day = Int(tokens[k + 4].text), (1...31).contains(day) else { return nil }
        return (dateClaim(year: year, month: month, day: day, k, k + 5), k + 5)
    }

    private func dayNumber(_ t: Token) -> Int? {
        guard t.kind == .number, t.text.count <= 2, let d = Int(t.text), (1...31).contains(d) else {
            // "6th", "21st": a number token followed by an ordinal suffix is split; accept the plain number only.
            return nil
        }
        return d
    }

    private func yearNumber(_ t: Token) -> Int? {
        guard t.kind == .number, t.text.count == 4, let y = Int(t.text), (1000...2999).contains(y) else { return nil }
        return y
    }

    private func dateClaim(year: Int?, month: Int, day: Int?, _ a: Int, _ b: Int) -> Claim {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let iso: String
        switch (year, day) {
        case let (y?, d?): iso = "\(y)-\(two(month))-\(two(d))"
        case let (y?, nil): iso = "\(y)-\(two(month))"
        case let (nil, d?): iso = "--\(two(month))-\(two(d))"
        case (nil, nil): iso = "--\(two(month))"
        }
        return Claim(kind: .date, value: nil, statedValue: nil, unit: nil, date: iso,
                     start: tokens[a].start, end: tokens[b - 1].end, text: text(a, b), sentence: sentenceOf[a])
    }

    private func text(_ a: Int, _ b: Int) -> String {
        String(scalars: scalars[tokens[a].start..<tokens[b - 1].end])
    }
}

extension ClaimExtractor {
    /// Claims including word fractions, in text order.
    func allClaims() -> [Claim] {
        var out = claims()
        var covered = Set<Int>()
        for c in out { covered.formUnion(c.start..<c.end) }
        var k = 0
        while k < tokens.count {
            if !covered.contains(tokens[k].start), let (claim, next) = fraction(at: k) {
                out.append(claim)
                k = next
            } else {
                k += 1
            }
        }
        return out.sorted { $0.start < $1.start }
    }
}
