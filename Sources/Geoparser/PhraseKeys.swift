import Gazetteer

/// The `NameNormalizer` keys of a document's words, each computed once, and the hash of a
/// phrase's key assembled from them without building the phrase's text.
///
/// The mention finder tries every capitalised phrase of up to six words, and almost none is a
/// name. Normalising each phrase's text costs a string and a pass over its bytes; here each word
/// is normalised once, and a phrase costs an FNV-1a pass over its words' key bytes, which the
/// gazetteer's `mayHaveName(keyHash:)` turns down in one probe.
///
/// The key of a phrase is its words' non-empty keys joined by single spaces when
/// - every gap between two words of the phrase holds at least one scalar the normaliser treats
///   as a separator (white space, a hyphen, a comma, a dash …) and otherwise only scalars it drops
///   (full stops, apostrophes): its state is then that of a new word, as at the start of a text;
/// - the words' `г` are romanised alone as in the phrase (the normaliser picks the Cyrillic
///   alphabet from the letters of the whole text, and `г` is `g` in Russian but `h` in Ukrainian
///   and Belarusian; no other letter's key depends on the alphabet).
/// Otherwise ("St.Louis" glued, a byte-order mark between words, a Russian-looking word next to a
/// Ukrainian one) `hash(tokens:_:)` returns nil and the caller normalises the text itself.
///
/// Cost: O(length of the word) once per word, O(key bytes) per phrase; no allocation per phrase.
/// Not thread-safe: one instance per document and thread. Its tables skip the run-time exclusivity
/// checks (a check costs more than the read it guards here, and each is read and written only
/// within one method call, never across a call that could reach the same table).
final class PhraseKeys {
    private let doc: Document
    /// The keys of the words computed so far, back to back.
    @exclusivity(unchecked) private var bytes: [UInt8] = []
    @exclusivity(unchecked) private var words: [Word?]
    /// For each word, whether the gap back to the word before it separates (`isSeparatingGap`):
    /// 0 not yet known, 1 yes, 2 no. A phrase of n words is tried with each of up to six ends, so
    /// each gap would otherwise be read again for every phrase that spans it.
    @exclusivity(unchecked) private var gapSeparates: [UInt8]

    private struct Word {
        var start: Int
        var count: Int
        var evidence: CyrillicLanguage.Evidence
        var language: CyrillicLanguage
    }

    init(_ doc: Document) {
        self.doc = doc
        words = Array(repeating: nil, count: doc.tokens.count)
        gapSeparates = Array(repeating: 0, count: doc.tokens.count)
    }

    /// The FNV-1a hash (`NameNormalizer.hash`) of `NameNormalizer.key(doc.text(tokens: a, b))`, or
    /// nil when it cannot be assembled from the words' keys (see the type's documentation), when
    /// the phrase does not start and end with a word, or when the key is empty. Tokens other than
    /// words inside the range count as gap text.
    func hash(tokens a: Int, _ b: Int) -> UInt64? {
        guard isJoinOfWords(a, b) else { return nil }
        var h = NameNormalizer.hashSeed
        var empty = true
        bytes.withUnsafeBufferPointer { buffer in
            for k in a..<b where doc.tokens[k].kind == .word {
                let w = words[k]!
                guard w.count > 0 else { continue }
                if !empty { h = NameNormalizer.hash(h, 0x20) }
                for i in w.start..<w.start + w.count { h = NameNormalizer.hash(h, buffer[i]) }
                empty = false
            }
        }
        return empty ? nil : h
    }

    /// The key of `doc.text(tokens: a, b)` assembled from its words' keys, under the same
    /// conditions as `hash(tokens:_:)`; nil when it cannot be assembled that way.
    /// Written straight into the string's storage: the mention finder asks this for every phrase
    /// it looks up.
    func key(tokens a: Int, _ b: Int) -> String? {
        guard isJoinOfWords(a, b) else { return nil }
        var length = 0
        for k in a..<b where doc.tokens[k].kind == .word {
            let count = words[k]!.count
            if count > 0 { length += (length > 0 ? 1 : 0) + count }
        }
        return bytes.withUnsafeBufferPointer { keyBytes in
            String(unsafeUninitializedCapacity: length) { out in
                var n = 0
                for k in a..<b where doc.tokens[k].kind == .word {
                    let w = words[k]!
                    guard w.count > 0 else { continue }
                    if n > 0 { out[n] = 0x20; n += 1 }
                    for i in w.start..<w.start + w.count { out[n] = keyBytes[i]; n += 1 }
                }
                return n
            }
        }
    }

    /// Computes the keys of the words in `a..<b` and tells whether the phrase's key is their join.
    /// The phrase must start and end with a word, so that every scalar of its text is in a word
    /// or in a gap between two words.
    private func isJoinOfWords(_ a: Int, _ b: Int) -> Bool {
        let t = doc.tokens
        guard a < b, t[a].kind == .word, t[b - 1].kind == .word else { return false }
        var bits: UInt8 = 0  // the raw value: OptionSet's generic set algebra is not free here
        var previous: Int?
        for k in a..<b where t[k].kind == .word {
            if let p = previous, !separatesFromPrevious(k, p) { return false }
            bits |= word(k).evidence.rawValue
            previous = k
        }
        let evidence = CyrillicLanguage.Evidence(rawValue: bits)
        guard evidence.contains(.ghe) else { return true }
        let russian = CyrillicLanguage(evidence: evidence) == .russian
        for k in a..<b where t[k].kind == .word {
            let w = words[k]!
            if w.evidence.contains(.ghe), (w.language == .russian) != russian { return false }
        }
        return true
    }

    /// `isSeparatingGap` of the gap between word `p` and word `k`, the word before it (the same
    /// `p` whatever phrase asks: the nearest word token before `k`).
    private func separatesFromPrevious(_ k: Int, _ p: Int) -> Bool {
        switch gapSeparates[k] {
        case 1: return true
        case 2: return false
        default:
            let separates = Self.isSeparatingGap(doc.scalars[doc.tokens[p].end..<doc.tokens[k].start])
            gapSeparates[k] = separates ? 1 : 2
            return separates
        }
    }

    private func word(_ k: Int) -> Word {
        if let w = words[k] { return w }
        var text = doc.tokens[k].text
        let start = bytes.count
        let w: Word = text.withUTF8 { utf8 in
            let evidence = CyrillicLanguage.evidence(in: utf8)
            let language = CyrillicLanguage(evidence: evidence)
            NameNormalizer.appendKey(of: utf8, language: language, to: &bytes)
            return Word(start: start, count: bytes.count - start, evidence: evidence, language: language)
        }
        words[k] = w
        return w
    }

    /// True when the normaliser, reading `gap` between two words, writes nothing and ends a word:
    /// at least one separator, and every other scalar one it drops. Mirrors `NameNormalizer`'s
    /// classes: ASCII other than letters, digits, `'`, `` ` `` and `.` separates; so do U+0085,
    /// U+00A0 and U+2000–U+2BFF except the apostrophes and prime there, which it drops with
    /// U+00B4 and U+02B9–U+02BF. Anything else is treated as unsafe (false).
    static func isSeparatingGap(_ gap: ArraySlice<Unicode.Scalar>) -> Bool {
        var separated = false
        for s in gap {
            switch s.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return false
            case 0x27, 0x60, 0x2E: continue
            case 0x00...0x7F, 0x85, 0xA0: separated = true
            case 0x2018, 0x2019, 0x2032, 0xB4, 0x2B9, 0x2BA, 0x2BB, 0x2BC, 0x2BE, 0x2BF: continue
            case 0x2000...0x2BFF: separated = true
            default: return false
            }
        }
        return separated
    }
}
