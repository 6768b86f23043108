import Foundation

/// Turns a place name into the key under which the gazetteer files it, so that spellings of the
/// same name in different scripts and romanisation systems meet.
///
/// The key is lowercase ASCII (plus any letters of scripts other than Latin and Cyrillic, passed
/// through), with words separated by single spaces. In order, it:
/// - drops case, diacritics and apostrophes (`'` `’` `ʼ` `ʻ` `ʹ` `´` `` ` ``), full stops and the
///   Cyrillic soft and hard signs, so `L’gov`, `L'gov` and `Льгов` all give `lgov`;
/// - expands the háček letters of scientific and ISO 9 romanisation to their BGN/PCGN digraphs
///   (`č`→`ch`, `š`→`sh`, `ž`→`zh`, `ŝ`→`shch`), so `Sudža` meets `Sudzha`;
/// - romanises Cyrillic with BGN/PCGN values, choosing Russian, Ukrainian or Belarusian letter
///   values from the letters present (`і ї є ґ` mean Ukrainian, `ў`, or `і` with `ы`/`э`, mean
///   Belarusian), with `ё`→`e`, so `Київ` gives the key of `Kyiv` and `Киев` that of `Kiev`;
/// - folds the glide spellings the systems disagree on: `y` and `j` become `i`, a repeated letter
///   counts once, and a word-initial `ie` becomes `e`, so `Kyiv`/`Kyyiv`/`Kijiv`,
///   `Krasnyy`/`Krasny`/`Krasnyi`/`Krasnij`, `Yevpatoriya`/`Evpatoria` and `Tallin`/`Tallinn`
///   meet;
/// - turns hyphens, dashes, commas, brackets and runs of white space into one space, trimmed.
///
/// Spellings that differ by language rather than by romanisation (Russian `Kharkov` and
/// Ukrainian `Kharkiv`, `Gomel` and Belarusian `Homyel'`) keep different keys; the gazetteer
/// stores both as alternate names. The key is for matching only: it is not meant to be shown.
///
/// Complexity O(n) in the UTF-8 length. Thread-safe: pure functions over immutable tables.
public enum NameNormalizer {
    /// The matching key of `name` (see the type's documentation). An empty or all-punctuation
    /// name gives the empty string.
    public static func key(_ name: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count + 8)
        var copy = name
        copy.withUTF8 { appendKey(of: $0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the key of the UTF-8 text `bytes` to `out` (which the caller may reuse between
    /// names). Invalid UTF-8 sequences are treated as separators.
    package static func appendKey(of bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        appendKey(of: bytes, language: CyrillicLanguage.guess(in: bytes), to: &out)
    }

    /// Like `appendKey(of:to:)` with the Cyrillic alphabet given instead of guessed from `bytes`:
    /// for callers that assemble the key of a longer text from the keys of its words, whose
    /// alphabet is guessed from the whole text (see `CyrillicLanguage.Evidence`).
    package static func appendKey(of bytes: UnsafeBufferPointer<UInt8>, language: CyrillicLanguage,
                                  to out: inout [UInt8]) {
        var emitter = KeyEmitter(start: out.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                emitter.emitASCII(b, into: &out)
                i += 1
                continue
            }
            let (scalar, length) = decodeScalar(bytes, at: i)
            i += length
            emitter.emitScalar(scalar, language: language, into: &out)
        }
        emitter.finish(&out)
    }

    /// FNV-1a over the key bytes: the gazetteer's index hash. Stable across runs and platforms.
    @inline(__always)
    package static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = hashSeed
        for b in bytes { h = hash(h, b) }
        return h
    }

    /// The FNV-1a state of the empty key; `hash(_:_:)` adds one byte. Hashing a key piece by
    /// piece gives the same value as `hash(_:)` over the whole key.
    /// A computed constant and `@inlinable`, like `hash(_:_:)`: the geoparser hashes phrases byte
    /// by byte from another module, where a call per byte cost more than the byte's arithmetic.
    @inlinable
    package static var hashSeed: UInt64 { 0xcbf2_9ce4_8422_2325 }

    @inlinable @inline(__always)
    package static func hash(_ h: UInt64, _ byte: UInt8) -> UInt64 {
        (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// FNV-1a hash of a key held in a String.
    static func hash(ofKey key: String) -> UInt64 {
        var copy = key
        return copy.withUTF8 { hash($0) }
    }

    /// Decodes one UTF-8 scalar starting at `i` (the byte there is ≥ 0x80). Returns U+FFFD for a
    /// malformed sequence, consuming one byte.
    @inline(__always)
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        let n = bytes.count
        func cont(_ k: Int) -> UInt32? {
            guard i + k < n else { return nil }
            let c = bytes[i + k]
            return c & 0xC0 == 0x80 ? UInt32(c & 0x3F) : nil
        }
        if b0 & 0xE0 == 0xC0, let c1 = cont(1) { return ((b0 & 0x1F) << 6 | c1, 2) }
        if b0 & 0xF0 == 0xE0, let c1 = cont(1), let c2 = cont(2) { return ((b0 & 0x0F) << 12 | c1 << 6 | c2, 3) }
        if b0 & 0xF8 == 0xF0, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
            return ((b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
        }
        return (0xFFFD, 1)
    }
}

/// Which East Slavic alphabet a Cyrillic name is written in, guessed from its distinctive letters.
package enum CyrillicLanguage: Sendable {
    case russian, ukrainian, belarusian

    /// The distinctive letters found in a text, as bits that combine by OR: the evidence of a
    /// text is the union of the evidence of its parts, so the alphabet of a phrase can be decided
    /// from its words without looking at the phrase again.
    package struct Evidence: OptionSet, Sendable, Hashable {
        package let rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }
        /// `Ў ў`
        package static let shortU = Evidence(rawValue: 1)
        /// `І і`
        package static let dotlessI = Evidence(rawValue: 2)
        /// `Ї ї Є є Ґ ґ`
        package static let ukrainianLetter = Evidence(rawValue: 4)
        /// `Ы ы Э э Ё ё`
        package static let yeryOrE = Evidence(rawValue: 8)
        /// `Г г`: the one letter whose key depends on the alphabet (`g` in Russian, `h` otherwise).
        package static let ghe = Evidence(rawValue: 16)
    }

    /// Looks for `і ї є ґ ў ы э ё` (all two-byte UTF-8 sequences starting 0xD1 or 0xD2/0xD0).
    static func guess(in bytes: UnsafeBufferPointer<UInt8>) -> CyrillicLanguage {
        CyrillicLanguage(evidence: evidence(in: bytes))
    }

    /// The alphabet the evidence points to: `ў` means Belarusian; `ї є ґ` Ukrainian; `і` Belarusian
    /// with `ы`/`э`/`ё`, else Ukrainian; anything else Russian.
    package init(evidence e: Evidence) {
        if e.contains(.shortU) { self = .belarusian }
        else if e.contains(.ukrainianLetter) { self = .ukrainian }
        else if e.contains(.dotlessI) { self = e.contains(.yeryOrE) ? .belarusian : .ukrainian }
        else { self = .russian }
    }

    /// The distinctive letters of the UTF-8 text `bytes`.
    package static func evidence(in bytes: UnsafeBufferPointer<UInt8>) -> Evidence {
        var e: Evidence = []
        var i = 0
        let n = bytes.count
        while i + 1 < n {
            let b = bytes[i]
            if b == 0xD0 || b == 0xD1 || b == 0xD2 {
                let s = (UInt32(b & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F)
                switch s {
                case 0x40E, 0x45E: e.insert(.shortU)                                       // Ў ў
                case 0x406, 0x456: e.insert(.dotlessI)                                     // І і
                case 0x407, 0x457, 0x404, 0x454, 0x490, 0x491: e.insert(.ukrainianLetter)  // Ї ї Є є Ґ ґ
                case 0x42B, 0x44B, 0x42D, 0x44D, 0x401, 0x451: e.insert(.yeryOrE)          // Ы ы Э э Ё ё
                case 0x413, 0x433: e.insert(.ghe)                                          // Г г
                default: break
                }
                i += 2
            } else {
                i += 1
            }
        }
        return e
    }
}

/// Writes key bytes, applying the glide folding and separator rules as letters arrive.
struct KeyEmitter {
    /// Where this key starts in the output buffer.
    let start: Int
    /// The last letter written in the current word (0 at a word start), for collapsing repeats.
    var last: UInt8 = 0
    /// Letters written in the current word.
    var wordLength = 0
    /// A separator is pending: written only if another letter follows.
    var pendingSpace = false
    /// The last scalar was a Latin c, s or z (a following combining caron makes a digraph).
    var lastWasCaronBase = false

    @inline(__always)
    mutating func emitASCII(_ b: UInt8, into out: inout [UInt8]) {
        switch b {
        case 0x41...0x5A: letter(b | 0x20, into: &out)
        case 0x61...0x7A: letter(b, into: &out)
        case 0x30...0x39: letter(b, into: &out)
        case 0x27, 0x60, 0x2E: lastWasCaronBase = false  // ' ` . are dropped, not separators
        default: separator()
        }
    }

    mutating func emitScalar(_ s: UInt32, language: CyrillicLanguage, into out: inout [UInt8]) {
        if s >= 0x0300 && s <= 0x036F {  // combining marks: NFD input
            if s == 0x030C && lastWasCaronBase { letter(UInt8(ascii: "h"), into: &out) }
            lastWasCaronBase = false
            return
        }
        if s >= 0x0400 && s <= 0x04FF {
            cyrillic(s, language: language, into: &out)
            return
        }
        switch s {
        case 0x2019, 0x2018, 0x02BC, 0x02BB, 0x02B9, 0x02BA, 0x00B4, 0x2032, 0x02BF, 0x02BE:
            lastWasCaronBase = false  // apostrophes and primes
            return
        default: break
        }
        if let expansion = LatinFolding.expansion(of: s) {
            for b in expansion { letter(b, into: &out) }
            return
        }
        if s < 0x0250 || (s >= 0x1E00 && s <= 0x1EFF) || (s >= 0x2000 && s <= 0x2BFF) || s == 0xFFFD || s == 0xA0 {
            separator()  // other punctuation, symbols and spaces in these blocks
            return
        }
        // Another script: pass the scalar through, lowercased, as part of the word.
        let lower = Unicode.Scalar(s).map { String($0.properties.lowercaseMapping) } ?? ""
        for b in lower.utf8 { raw(b, into: &out) }
    }

    mutating func finish(_ out: inout [UInt8]) {
        _ = out  // a pending space at the end is dropped
    }

    @inline(__always)
    mutating func separator() {
        if wordLength > 0 || pendingSpace { pendingSpace = true }
        last = 0
        wordLength = 0
        lastWasCaronBase = false
    }

    /// Writes one ASCII letter or digit, folding y/j to i, collapsing a repeated letter, and
    /// turning a word-initial "ie" into "e".
    @inline(__always)
    mutating func letter(_ input: UInt8, into out: inout [UInt8]) {
        var b = input
        lastWasCaronBase = (b == UInt8(ascii: "c") || b == UInt8(ascii: "s") || b == UInt8(ascii: "z"))
        if b == UInt8(ascii: "y") || b == UInt8(ascii: "j") { b = UInt8(ascii: "i") }
        if b == last && b >= UInt8(ascii: "a") { return }
        if b == UInt8(ascii: "e") && wordLength == 1 && last == UInt8(ascii: "i") {
            out[out.count - 1] = b
            last = b
            return
        }
        if pendingSpace && out.count > start { out.append(0x20) }
        pendingSpace = false
        out.append(b)
        last = b
        wordLength += 1
    }

    @inline(__always)
    mutating func raw(_ b: UInt8, into out: inout [UInt8]) {
        if pendingSpace && out.count > start { out.append(0x20) }
        pendingSpace = false
        out.append(b)
        last = 0
        wordLength += 1
        lastWasCaronBase = false
    }

    mutating func letters(_ s: StaticString, into out: inout [UInt8]) {
        s.withUTF8Buffer { for b in $0 { letter(b, into: &out) } }
    }

    /// BGN/PCGN romanisation of one Cyrillic letter, with the language's letter values.
    mutating func cyrillic(_ s: UInt32, language: CyrillicLanguage, into out: inout [UInt8]) {
        var c = s
        if c >= 0x0410 && c <= 0x042F { c += 0x20 }        // А–Я → а–я
        else if c >= 0x0400 && c <= 0x040F { c += 0x50 }   // Ѐ–Џ → ѐ–џ
        else if c >= 0x0460 && c <= 0x04FF && c & 1 == 0 { c += 1 }  // paired letters: even is upper
        let slavic = language != .russian
        switch c {
        case 0x430: letters("a", into: &out)
        case 0x431: letters("b", into: &out)
        case 0x432: letters("v", into: &out)
        case 0x433: letters(slavic ? "h" : "g", into: &out)
        case 0x491: letters("g", into: &out)                   // ґ
        case 0x434: letters("d", into: &out)
        case 0x435, 0x450, 0x451, 0x44D: letters("e", into: &out)  // е ѐ ё э
        case 0x454: letters("ye", into: &out)                  // є
        case 0x436: letters("zh", into: &out)
        case 0x437: letters("z", into: &out)
        case 0x438, 0x45D: letters(language == .ukrainian ? "y" : "i", into: &out)  // и ѝ
        case 0x456: letters("i", into: &out)                   // і
        case 0x457: letters("yi", into: &out)                  // ї
        case 0x439: letters("y", into: &out)                   // й
        case 0x43A: letters("k", into: &out)
        case 0x43B: letters("l", into: &out)
        case 0x43C: letters("m", into: &out)
        case 0x43D: letters("n", into: &out)
        case 0x43E: letters("o", into: &out)
        case 0x43F: letters("p", into: &out)
        case 0x440: letters("r", into: &out)
        case 0x441: letters("s", into: &out)
        case 0x442: letters("t", into: &out)
        case 0x443, 0x45E: letters("u", into: &out)            // у ў
        case 0x444: letters("f", into: &out)
        case 0x445: letters("kh", into: &out)
        case 0x446: letters("ts", into: &out)
        case 0x447: letters("ch", into: &out)
        case 0x448: letters("sh", into: &out)
        case 0x449: letters("shch", into: &out)
        case 0x44B: letters("y", into: &out)                   // ы
        case 0x44E: letters("yu", into: &out)
        case 0x44F: letters("ya", into: &out)
        case 0x44A, 0x44C: lastWasCaronBase = false            // ъ ь
        case 0x452: letters("dj", into: &out)                  // ђ (Serbian)
        case 0x453: letters("g", into: &out)                   // ѓ
        case 0x455: letters("dz", into: &out)                  // ѕ
        case 0x458: letters("j", into: &out)                   // ј
        case 0x459: letters("lj", into: &out)                  // љ
        case 0x45A: letters("nj", into: &out)                  // њ
        case 0x45B: letters("c", into: &out)                   // ћ
        case 0x45C: letters("k", into: &out)                   // ќ
        case 0x45F: letters("dzh", into: &out)                 // џ
        case 0x493, 0x495: letters("gh", into: &out)           // ғ ҕ
        case 0x49B, 0x49D, 0x49F, 0x4A1: letters("q", into: &out)  // қ ҝ ҟ ҡ
        case 0x4A3, 0x4A5: letters("ng", into: &out)           // ң ҥ
        case 0x4AF, 0x4B1: letters("u", into: &out)            // ү ұ
        case 0x4B3: letters("h", into: &out)                   // ҳ
        case 0x4BB: letters("h", into: &out)                   // һ
        case 0x4D9: letters("a", into: &out)                   // ә
        case 0x4E9: letters("o", into: &out)                   // ө
        case 0x497: letters("zh", into: &out)                  // җ
        default: letters("", into: &out)
        }
    }
}

/// Latin letters outside ASCII: the háček letters become BGN/PCGN digraphs, ligatures their
/// spelled-out form, and every other precomposed letter its base letter.
enum LatinFolding {
    /// ASCII expansion of a non-ASCII Latin scalar, or nil when it is not a letter.
    @inline(__always)
    static func expansion(of s: UInt32) -> ArraySlice<UInt8>? {
        let index: Int
        if s < 0x0250 { index = Int(s) } else if s >= 0x1E00 && s <= 0x1EFF { index = Int(s - 0x1E00) + 0x0250 } else { return nil }
        let (from, to) = (table.offsets[index], table.offsets[index + 1])
        return from == to ? nil : table.bytes[Int(from)..<Int(to)]
    }

    private static let special: [UInt32: String] = [
        0x010C: "ch", 0x010D: "ch", 0x0160: "sh", 0x0161: "sh", 0x017D: "zh", 0x017E: "zh",
        0x015C: "shch", 0x015D: "shch", 0x00CF: "yi", 0x00EF: "yi",
        0x00C6: "ae", 0x00E6: "ae", 0x0152: "oe", 0x0153: "oe", 0x00DF: "ss", 0x1E9E: "ss",
        0x00D8: "o", 0x00F8: "o", 0x0110: "d", 0x0111: "d", 0x00D0: "d", 0x00F0: "d",
        0x00DE: "th", 0x00FE: "th", 0x0141: "l", 0x0142: "l", 0x0131: "i", 0x0126: "h", 0x0127: "h",
        0x014A: "ng", 0x014B: "ng", 0x0132: "ij", 0x0133: "ij", 0x0138: "q", 0x017F: "s",
        0x01C4: "dzh", 0x01C5: "dzh", 0x01C6: "dzh", 0x01C7: "lj", 0x01C8: "lj", 0x01C9: "lj",
        0x01CA: "nj", 0x01CB: "nj", 0x01CC: "nj", 0x0180: "b", 0x0197: "i", 0x0268: "i",
        0x01B5: "z", 0x01B6: "z", 0x0189: "d", 0x0256: "d", 0x018F: "e", 0x0259: "e",
    ]

    /// Built once from Unicode canonical decompositions (Foundation), for U+0000–U+024F and
    /// U+1E00–U+1EFF: a letter whose decomposition starts with an ASCII letter maps to it.
    private static let table: (bytes: [UInt8], offsets: [UInt32]) = {
        var bytes: [UInt8] = []
        var offsets: [UInt32] = [0]
        func add(_ s: UInt32) {
            defer { offsets.append(UInt32(bytes.count)) }
            guard s >= 0x80, let scalar = Unicode.Scalar(s) else { return }
            if let sp = special[s] { bytes += Array(sp.utf8); return }
            guard scalar.properties.isAlphabetic else { return }
            let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping
            if let first = decomposed.unicodeScalars.first, first.isASCII,
               (0x41...0x5A).contains(first.value) || (0x61...0x7A).contains(first.value) {
                bytes.append(UInt8(first.value) | 0x20)
            }
        }
        for s in UInt32(0)..<0x0250 { add(s) }
        for s in UInt32(0x1E00)...0x1EFF { add(s) }
        return (bytes, offsets)
    }()
}
