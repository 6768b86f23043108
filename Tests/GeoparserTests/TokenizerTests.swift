import Testing
@testable import Geoparser

struct TokenizerTests {
    func tokens(_ s: String) -> [Token] { Tokenizer().tokens(of: Array(s.unicodeScalars)) }

    @Test("offsets are Unicode scalars: an emoji of 4 scalars and a combining accent are counted as such")
    func scalarOffsets() {
        // "🇺🇦" is 2 scalars, "👍🏽" is 2 scalars; "é" written as e + U+0301 is 2 scalars.
        let text = "🇺🇦👍🏽 Café\u{0301} Sumy"
        let t = tokens(text)
        let words = t.filter { $0.kind == .word }
        #expect(words.map(\.text) == ["Café\u{0301}", "Sumy"])
        // Hand count: 4 emoji scalars, 1 space → "Café́" starts at 5, has 5 scalars → ends at 10;
        // space → "Sumy" at 11..<15.
        #expect(words[0].start == 5 && words[0].end == 10)
        #expect(words[1].start == 11 && words[1].end == 15)
    }

    @Test("possessives split off; dotted abbreviations stay whole; hyphenated names are glued tokens")
    func wordShapes() {
        #expect(tokens("Russia's army").map(\.text) == ["Russia", "'s", "army"])
        #expect(tokens("Russia’s army").map(\.text) == ["Russia", "’s", "army"])
        #expect(tokens("in the U.S. today").map(\.text) == ["in", "the", "U.S.", "today"])
        #expect(tokens("L’gov and Winston-Salem").map(\.text) == ["L’gov", "and", "Winston", "-", "Salem"])
        #expect(tokens("10km and 1,000.5 sq km²").map(\.text) == ["10", "km", "and", "1,000.5", "sq", "km²"])
    }

    @Test("sentences end at full stops but not after titles and initials")
    func sentences() {
        let text = "Mr. Smith met Gen. J. Doe in Sumy. They left for the U.S. The talks ended! Next?"
        let scalars = Array(text.unicodeScalars)
        let t = Tokenizer().tokens(of: scalars)
        let s = Tokenizer().sentences(t, scalars: scalars)
        let texts = s.map { String(String.UnicodeScalarView(scalars[t[$0.lowerBound].start..<t[$0.upperBound - 1].end])) }
        #expect(texts == ["Mr. Smith met Gen. J. Doe in Sumy.", "They left for the U.S.", "The talks ended!", "Next?"])
    }

    @Test("a document's scalars are the text's, whatever their UTF-8 length (1 to 4 bytes)")
    func documentScalars() {
        for text in ["Sumy", "Café\u{0301} in Kyiv’s centre", "Курск — €5, 🇺🇦👍🏽 z", "\u{FEFF}a\u{10FFFF}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}", ""] {
            #expect(Document(text).scalars == Array(text.unicodeScalars))
        }
    }
}
