/// Splits text into tokens and sentences with offsets in Unicode scalars.
///
/// Scalar offsets (not `Character`s and not UTF-16 units) are what the evaluation corpora and Python
/// use, so an emoji made of several scalars advances offsets by its scalar count, and a combining
/// accent stays inside the word it modifies. O(n) in the length of the text. Thread-safe: a value.
public struct Tokenizer: Sendable {
    public init() {}

    /// The tokens of `scalars`, in order. Whitespace separates tokens and is not a token.
    /// A possessive ending ("Russia's", "Russia’s") becomes its own word token `'s` so the name
    /// before it can be matched alone.
    public func tokens(of scalars: [Unicode.Scalar]) -> [Token] {
        var out: [Token] = []
        // News text has about one token per five scalars, and two documents in five a few more:
        // a quarter (and a little) leaves room for all of them, so that the array is not moved
        // to a larger buffer half way (a copy of every token).
        out.reserveCapacity(scalars.count / 4 + 16)
        var i = 0
        var sawSpace = true
        let n = scalars.count
        while i < n {
            let s = scalars[i]
            if isWhitespace(s) {
                sawSpace = true
                i += 1
                continue
            }
            let start = i
            if isDigit(s) {
                i = scanNumber(scalars, from: i)
                out.append(make(.number, scalars, start, i, sawSpace))
            } else if isWordScalar(s) {
                i = scanWord(scalars, from: i)
                appendWord(scalars, start, i, sawSpace, into: &out)
            } else {
                i += 1
                out.append(make(.symbol, scalars, start, i, sawSpace))
            }
            sawSpace = false
        }
        return out
    }

    /// Sentence boundaries as half-open ranges of token indices covering all tokens.
    ///
    /// A sentence ends after `.`, `!`, `?` or `…` (and any closing quotes or brackets) when the next
    /// token starts a new sentence (capital letter, digit, opening quote), unless the full stop
    /// belongs to a known abbreviation ("Mr.", "Gen.", "St.", a single initial). A blank line always
    /// ends a sentence.
    public func sentences(_ tokens: [Token], scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var begin = 0
        var k = 0
        while k < tokens.count {
            if k > begin, blankLineBetween(tokens[k - 1].end, tokens[k].start, scalars) {
                result.append(begin..<k)
                begin = k
            }
            var endsHere = false
            // Fields read in place: a copy of the token would retain its two strings. The scalars
            // are read from `scalars` (a token's text is `scalars[start..<end]`), not decoded from
            // its string. The scalar test first: `hasSuffix` compares Characters, and only a last
            // scalar "." can end in one.
            if tokens[k].kind == .symbol, case let c = scalars[tokens[k].start], Lexicon.sentenceEnders.contains(c) {
                endsHere = !(c == "." && k > 0 && isAbbreviationBeforeStop(tokens[k - 1], tokens, k))
            } else if tokens[k].kind == .word, scalars[tokens[k].end - 1] == ".", tokens[k].text.hasSuffix("."),
                      k + 1 < tokens.count,
                      tokens[k + 1].isCapitalized, Lexicon.isFunctionWord(tokens[k + 1].lowered) {
                // "… in the U.S. The next day …": a dotted abbreviation followed by a function word.
                endsHere = true
            }
            if endsHere {
                var e = k + 1
                while e < tokens.count, tokens[e].kind == .symbol, !tokens[e].spaceBefore,
                      Lexicon.closers.contains(scalars[tokens[e].start]) { e += 1 }
                if e >= tokens.count || startsSentence(tokens[e]) {
                    result.append(begin..<e)
                    begin = e
                    k = e
                    continue
                }
            }
            k += 1
        }
        if begin < tokens.count { result.append(begin..<tokens.count) }
        return result
    }

    // MARK: scanning

    private func make(_ kind: Token.Kind, _ s: [Unicode.Scalar], _ a: Int, _ b: Int, _ space: Bool) -> Token {
        // Through a buffer pointer: an `ArraySlice` of `s` would retain and release its storage.
        s.withUnsafeBufferPointer { all in
            let scalars = UnsafeBufferPointer(rebasing: all[a..<b])
            return Token(kind: kind, start: a, end: b, text: String(scalars: scalars), scalars: scalars, spaceBefore: space)
        }
    }

    private func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// White space (Unicode's property) or a byte-order mark; ASCII answered without the tables.
    @inline(__always)
    private func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s.value == 0x20 || (s.value >= 0x09 && s.value <= 0x0D) }
        return s.properties.isWhitespace || s.value == 0xFEFF
    }

    private func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        s == "'" || s == "\u{2019}" || s == "\u{02BC}"
    }

    /// Digits, with `,` or `.` kept only between digits ("1,000.5"). Letters right after digits
    /// ("10km") start a separate token.
    private func scanNumber(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < s.count {
            if isDigit(s[i]) { i += 1; continue }
            if s[i] == "," || s[i] == ".", i + 1 < s.count, isDigit(s[i + 1]) { i += 2; continue }
            break
        }
        return i
    }

    /// Letters and marks; an apostrophe between letters (L’gov, d'Ivoire); superscript ²/³ and
    /// digits after at most two letters (km², km2, M4); dotted single-letter abbreviations
    /// ("U.S.", "D.C.") including the last dot.
    private func scanWord(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < s.count {
            let c = s[i]
            if isWordScalar(c) {
                i += 1
            } else if isDigit(c), i - start <= 2 {
                i += 1
            } else if isApostrophe(c), i + 1 < s.count, isWordScalar(s[i + 1]) {
                i += 1
            } else if c == "²" || c == "³" {
                i += 1
            } else if c == ".", i - start == 1 || (i >= 2 && s[i - 2] == "."), i + 1 < s.count,
                      isWordScalar(s[i + 1]), i + 2 >= s.count || s[i + 2] == "." {
                // U.S. / U.K. / D.C.: letter, dot, letter, dot.
                i += 2
                if i < s.count, s[i] == "." { i += 1 }
                if i < s.count, isWordScalar(s[i]), i + 1 < s.count, s[i + 1] == "." { continue }
                break
            } else {
                break
            }
        }
        return i
    }

    /// Appends a word, splitting off a possessive `'s` / `’s` as its own token.
    private func appendWord(_ s: [Unicode.Scalar], _ a: Int, _ b: Int, _ space: Bool, into out: inout [Token]) {
        if b - a >= 4, isApostrophe(s[b - 2]), s[b - 1] == "s" || s[b - 1] == "S" {
            out.append(make(.word, s, a, b - 2, space))
            out.append(make(.word, s, b - 2, b, false))
        } else {
            out.append(make(.word, s, a, b, space))
        }
    }

    /// True when the gap `end..<start` between two tokens holds two line feeds or more.
    private func blankLineBetween(_ end: Int, _ start: Int, _ s: [Unicode.Scalar]) -> Bool {
        var newlines = 0
        for i in end..<start where s[i] == "\n" { newlines += 1 }
        return newlines >= 2
    }

    private func startsSentence(_ t: Token) -> Bool {
        if t.kind == .number { return true }
        if t.kind == .word { return t.isCapitalized }
        guard let c = t.text.unicodeScalars.first else { return false }
        return Lexicon.openers.contains(c)
    }

    private func isAbbreviationBeforeStop(_ prev: Token, _ tokens: [Token], _ k: Int) -> Bool {
        guard prev.kind == .word, prev.end == tokens[k].start else { return false }
        if prev.text.unicodeScalars.count == 1, prev.isCapitalized { return true }  // an initial: "J. Smith"
        return Lexicon.abbreviationsBeforeStop.contains(prev.lowered)
    }
}
