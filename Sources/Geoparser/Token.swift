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
    public var text: String
    /// True when whitespace (or the start of text) comes right before the token.
    public var spaceBefore: Bool

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

    /// The text lower-cased, for table look-ups.
    public var lowered: String { text.lowercased() }
}
