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

    public var kind: Kind
    /// Offset of the first scalar, in Unicode scalars from the start of the text.
    public var start: Int
    /// Offset one past the last scalar.
    public var end: Int
    /// The token's text.
    public var text: String {
        didSet { lowered = text.lowercased() }
    }
    /// True when whitespace (or the start of text) comes right before the token.
    public var spaceBefore: Bool
    /// The text lower-cased, for table look-ups (computed once: the rules consult it many times).
    public private(set) var lowered: String

    public init(kind: Kind, start: Int, end: Int, text: String, spaceBefore: Bool) {
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.spaceBefore = spaceBefore
        self.lowered = text.lowercased()
    }

    /// True when the first letter is upper case (any script).
    public var isCapitalized: Bool {
        guard kind == .word, let first = text.unicodeScalars.first else { return false }
        return first.properties.isUppercase || first.properties.generalCategory == .titlecaseLetter
    }

    /// True when every letter is upper case and there are at least two letters ("US", "NATO", "U.S.").
    public var isAllCaps: Bool {
        guard kind == .word else { return false }
        var letters = 0
        for s in text.unicodeScalars where s.properties.isAlphabetic {
            if !s.properties.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }
}

extension String {
    /// The text of `scalars`, encoded straight into the string's UTF-8 storage: one allocation and
    /// no per-scalar growth (appending to a `UnicodeScalarView` scalar by scalar is several times
    /// slower, and the geoparser builds a string for every token and every candidate n-gram).
    init(scalars: ArraySlice<Unicode.Scalar>) {
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
