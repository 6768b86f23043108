/// A text prepared for geoparsing: its scalars, tokens and sentences. Built once per text in O(n).
struct Document: Sendable {
    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    /// Sentences as half-open ranges of token indices.
    let sentences: [Range<Int>]
    /// For each token, the index of its sentence.
    let sentenceOf: [Int]

    init(_ text: String) {
        // One pass over the text's UTF-8 (`Array(text.unicodeScalars)` counts the scalars before
        // it copies them), written into uninitialised storage (there are at most as many scalars
        // as bytes; appending checks the capacity for every scalar). ASCII, most of a news text,
        // is copied a byte at a time: the scalar iterator costs several times that.
        scalars = [Unicode.Scalar](unsafeUninitializedCapacity: text.utf8.count) { buffer, count in
            var n = 0
            var copy = text  // `withUTF8` is mutating; a native string is not copied
            copy.withUTF8 { utf8 in
                // A string's UTF-8 is valid: every byte from 0x80 up here is a lead byte.
                var i = 0
                while i < utf8.count {
                    let b = utf8[i]
                    if b < 0x80 {
                        buffer[n] = Unicode.Scalar(b)
                        i += 1
                    } else {
                        let (scalar, width) = Self.decode(utf8, at: i)
                        buffer[n] = scalar
                        i += width
                    }
                    n += 1
                }
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

    /// The scalar whose UTF-8 starts at `utf8[i]` (a lead byte of valid UTF-8: a string's
    /// storage), and its length in bytes.
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b = UInt32(utf8[i])
        let width = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        var v = b & (0x7F >> UInt32(width))
        for k in 1..<width { v = v << 6 | UInt32(utf8[i + k] & 0x3F) }
        return (Unicode.Scalar(v)!, width)
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
