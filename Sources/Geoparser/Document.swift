/// A text prepared for geoparsing: its scalars, tokens and sentences. Built once per text in O(n).
struct Document: Sendable {
    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    /// Sentences as half-open ranges of token indices.
    let sentences: [Range<Int>]
    /// For each token, the index of its sentence.
    let sentenceOf: [Int]

    init(_ text: String) {
        // One pass: `Array(text.unicodeScalars)` counts the scalars before it copies them. Written
        // into uninitialised storage (there are at most as many scalars as UTF-8 bytes): appending
        // checks the capacity for every scalar.
        scalars = [Unicode.Scalar](unsafeUninitializedCapacity: text.utf8.count) { buffer, count in
            var n = 0
            for s in text.unicodeScalars {
                buffer[n] = s
                n += 1
            }
            count = n
        }
        let tokenizer = Tokenizer()
        tokens = tokenizer.tokens(of: scalars)
        sentences = tokenizer.sentences(tokens, scalars: scalars)
        var of = [Int](repeating: 0, count: tokens.count)
        for (index, range) in sentences.enumerated() { for k in range { of[k] = index } }
        sentenceOf = of
    }

    /// The text between two scalar offsets.
    func text(_ start: Int, _ end: Int) -> String {
        String(scalars: scalars[start..<end])
    }

    /// The text of tokens `a..<b` as written (with the original spacing and punctuation).
    func text(tokens a: Int, _ b: Int) -> String { text(tokens[a].start, tokens[b - 1].end) }

    /// True when token `k` is the first word of its sentence (after opening quotes or brackets).
    func isSentenceInitial(_ k: Int) -> Bool {
        let first = sentences[sentenceOf[k]].lowerBound
        var j = first
        while j < k, tokens[j].kind == .symbol { j += 1 }
        return j == k
    }

    /// True when token `k` is the punctuation mark `c`: `tokens[k].text == String(c)`, since a
    /// symbol token is one scalar and no word or number token is a lone punctuation mark. The
    /// rules ask this of a name's neighbours all the time, and a scalar is far cheaper to compare
    /// than a string.
    @inline(__always)
    func isSymbol(_ k: Int, _ c: Unicode.Scalar) -> Bool {
        tokens[k].kind == .symbol && scalars[tokens[k].start] == c
    }

    /// True when token `k` is the second name of a "Town, Region" pair ("McLean, Virginia"): a comma
    /// and a capitalised word come right before it.
    func followsNameAndComma(_ k: Int) -> Bool {
        k >= 2 && isSymbol(k - 1, ",") && tokens[k - 2].kind == .word && tokens[k - 2].isCapitalized
    }

    /// The index of the token starting at scalar offset `start`, if any (binary search).
    func tokenIndex(startingAt start: Int) -> Int? {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].start < start { lo = mid + 1 } else { hi = mid }
        }
        return lo < tokens.count && tokens[lo].start == start ? lo : nil
    }

    /// The index of the first token whose end is after `offset` (binary search).
    func tokenIndex(covering offset: Int) -> Int? {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < tokens.count ? lo : nil
    }
}
