/// One token of a text: a word, a number or a single punctuation mark, located by offsets in
/// Unicode scalars (the unit of Python string indices and of the evaluation corpora), end exclusive.
public struct Token: Sendable, Hashable {
    /// What kind of characters the token is made of.
    public enum Kind: Sendable, Hashable {
        /// Letters (any script) with their combining marks, inner apostrophes, and dotted
        /// abbreviations such as "U.S." (the final dot included).
        case word
        /// Digits with inner thousands separators and a decimal point ("1,000", "3.5").
        case number
        /// Any other visible scalar (punctuation, symbols, emoji), one scalar per token.
        case symbol
    }

    public var kind: Kind {
        didSet { casing = Casing(kind, text.unicodeScalars) }
    }
    /// Offset of the first scalar, in Unicode scalars from the start of the text.
    public var start: Int
    /// Offset one past the last scalar.
    public var end: Int
    /// The token's text.
    public var text: String {
        didSet {
            lowered = Self.lowercased(text)
            casing = Casing(kind, text.unicodeScalars)
        }
    }
    /// True when whitespace (or the start of text) comes right before the token.
    public var spaceBefore: Bool
    /// The text lower-cased, for table look-ups (computed once: the rules consult it many times).
    public private(set) var lowered: String
    /// `isCapitalized` and `isAllCaps`, computed once: the mention finder's rules ask them of the
    /// same tokens many times, and each asks the Unicode tables.
    private var casing: Casing

    public init(kind: Kind, start: Int, end: Int, text: String, spaceBefore: Bool) {
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.spaceBefore = spaceBefore
        self.lowered = Self.lowercased(text)
        self.casing = Casing(kind, text.unicodeScalars)
    }

    /// A token whose `text` is `String(scalars: scalars)`, for the tokenizer: the lower-cased text
    /// and the casing are worked out from the scalars it already has, not by decoding the string.
    init(kind: Kind, start: Int, end: Int, text: String, scalars: UnsafeBufferPointer<Unicode.Scalar>, spaceBefore: Bool) {
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.spaceBefore = spaceBefore
        self.lowered = Self.lowercased(text, scalars: scalars)
        self.casing = Casing(kind, scalars)
    }

    /// `text.lowercased()`, with ASCII answered without the Unicode tables: every token is
    /// lower-cased, most are plain ASCII, and many are lower case already (then the text itself
    /// is the answer).
    static func lowercased(_ text: String) -> String {
        lowercased(text, scalars: text.unicodeScalars)
    }

    /// `text.lowercased()`, given the scalars of `text`.
    static func lowercased<Scalars: Collection<Unicode.Scalar>>(_ text: String, scalars: Scalars) -> String {
        var hasUpper = false
        for s in scalars {
            if !s.isASCII { return text.lowercased() }
            if s.value &- 0x41 < 26 { hasUpper = true }
        }
        guard hasUpper else { return text }
        return String(unsafeUninitializedCapacity: scalars.count) { buffer in
            var i = 0
            for s in scalars {
                let b = UInt8(truncatingIfNeeded: s.value)
                buffer[i] = b &- 0x41 < 26 ? b | 0x20 : b
                i += 1
            }
            return i
        }
    }

    /// True when the first letter is upper case (any script).
    public var isCapitalized: Bool { casing.capitalized }

    /// True when every letter is upper case and there are at least two letters ("US", "NATO", "U.S.").
    public var isAllCaps: Bool { casing.allCaps }

    private struct Casing: Sendable, Hashable {
        var capitalized: Bool
        var allCaps: Bool

        /// The casing of the text made of `scalars`.
        init<Scalars: Collection<Unicode.Scalar>>(_ kind: Kind, _ scalars: Scalars) {
            guard kind == .word, let first = scalars.first else {
                capitalized = false
                allCaps = false
                return
            }
            capitalized = Self.isUpper(first) || !first.isASCII && first.properties.generalCategory == .titlecaseLetter
            var letters = 0
            var upper = true
            for s in scalars where Self.isAlphabetic(s) {
                if !Self.isUpper(s) { upper = false; break }
                letters += 1
            }
            allCaps = upper && letters >= 2
        }

        /// `properties.isUppercase`, without the table look-up for ASCII.
        @inline(__always)
        static func isUpper(_ s: Unicode.Scalar) -> Bool {
            s.isASCII ? s.value >= 0x41 && s.value <= 0x5A : s.properties.isUppercase
        }

        /// `properties.isAlphabetic`, without the table look-up for ASCII.
        @inline(__always)
        static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
            s.isASCII ? (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A : s.properties.isAlphabetic
        }
    }
}

extension String {
    /// The text of `scalars`, encoded straight into the string's UTF-8 storage: one allocation and
    /// no per-scalar growth (appending to a `UnicodeScalarView` scalar by scalar is several times
    /// slower, and the geoparser builds a string for every token and every candidate n-gram).
    init<Scalars: Collection<Unicode.Scalar>>(scalars: Scalars) {
        var bytes = 0
        for s in scalars { bytes += UTF8.width(s) }
        self.init(unsafeUninitializedCapacity: bytes) { buffer in
            var i = 0
            for s in scalars {
                UTF8.encode(s) { byte in
                    buffer[i] = byte
                    i += 1
                }
            }
            return i
        }
    }
}
