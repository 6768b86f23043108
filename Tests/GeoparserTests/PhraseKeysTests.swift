import Foundation
import Gazetteer
import Testing
@testable import Geoparser

// The phrase keys assembled from word keys (PhraseKeys) and the mention finder's negative test
// built on them, each against the naive way: normalising the phrase's text.

/// Texts written for these tests: glued and spaced abbreviations, hyphens, dashes, no-break and
/// thin spaces, apostrophes, possessives, digits, Cyrillic of three alphabets with `г` next to
/// Ukrainian and Belarusian letters, a byte-order mark and an ideographic space between words.
private let texts = [
    "Troops left St. Louis for St.Louis and Winston-Salem – then Rio de Janeiro.",
    "Fighting near Kursk Oblast's border, in L’gov and L'gov, and 10 km from Sudža (Sudz\u{30C}a).",
    "Велика Новосілка, Гуляй Поле, Нижний Новгород, Кривий Ріг; Гомель і Магілёў.",
    "Ukraine\u{00A0}Sumy\u{2009}Kyiv\u{FEFF}Minsk\u{3000}Tbilisi — Georgia's capital, not Atlanta, Georgia.",
    "KURSK, Russia — The U.S. and the UK met in Bolshoye Soldatskoye, near Korenevo and Sudzha.",
    "Ъ Kyiv, Kyiv-Sviatoshynskyi, Kyiv--Sumy, Kyiv..Sumy, Kyiv`s Sumy, 2024 Kyiv M4 Sumy.",
]

/// `TestGazetteer`'s places under `NameNormalizer` keys, with the negative test on or off, and a
/// count of the phrases it turned down.
private final class NormalizedLookup: PlaceLookup, @unchecked Sendable {
    let table: [String: [PlaceRecord]]
    let hashes: Set<UInt64>
    let filtering: Bool
    private let lock = NSLock()
    private var turnedDown = 0

    init(filtering: Bool) {
        var t: [String: [PlaceRecord]] = [:]
        for (names, record) in TestGazetteer.entries {
            for n in names { t[NameNormalizer.key(n), default: []].append(record) }
        }
        table = t
        hashes = Set(t.keys.map { k in var c = k; return c.withUTF8 { NameNormalizer.hash($0) } })
        self.filtering = filtering
    }

    func key(_ surface: String) -> String { NameNormalizer.key(surface) }
    func places(matchingKey key: String) -> [PlaceRecord] { table[key] ?? [] }
    var keysAreNameNormalizerKeys: Bool { filtering }
    func mayHaveName(keyHash: UInt64) -> Bool {
        let found = hashes.contains(keyHash)
        if !found { lock.lock(); turnedDown += 1; lock.unlock() }
        return found
    }
    var phrasesTurnedDown: Int { lock.lock(); defer { lock.unlock() }; return turnedDown }
}

private func keyHash(_ key: String) -> UInt64 {
    var copy = key
    return copy.withUTF8 { NameNormalizer.hash($0) }
}

@Test("a phrase's assembled key is the key of its text, for every phrase of up to six tokens", arguments: texts)
func assembledKeysMatch(_ text: String) {
    let doc = Document(text)
    let keys = PhraseKeys(doc)
    var assembled = 0
    for a in doc.tokens.indices {
        for b in a + 1...min(a + 6, doc.tokens.count) {
            let naive = NameNormalizer.key(doc.text(tokens: a, b))
            guard let h = keys.hash(tokens: a, b) else { continue }
            assembled += 1
            #expect(h == keyHash(naive), "\(doc.text(tokens: a, b))")
            #expect(keys.key(tokens: a, b) == naive, "\(doc.text(tokens: a, b))")
        }
    }
    #expect(assembled > 0)
}

@Test("phrases whose key is not the join of their words' keys are left to the normaliser", arguments: [
    // The full stop is dropped without ending the word: "st" + "louis" gives "stlouis", and the
    // repeated letter rule applies across it, so words cannot be keyed alone.
    ("St.Louis", 0, 3),
    // A byte-order mark is passed through by the normaliser (another script), not a separator.
    ("Kyiv\u{FEFF}Minsk", 0, 2),
    // "Гомель" alone is Russian (г → g); beside "Магілёў" (ў: Belarusian) its г becomes h.
    ("Гомель Магілёў", 0, 2),
    // A digit run between words is written into the key.
    ("Kyiv 2024 Sumy", 0, 3),
])
func unsafePhrases(text: String, a: Int, b: Int) {
    let doc = Document(text)
    #expect(PhraseKeys(doc).hash(tokens: a, b) == nil)
}

@Test("ordinary phrases are assembled", arguments: [
    ("St. Louis", 0, 3, "st louis"),                // the dot is dropped, the space separates
    ("Winston-Salem", 0, 3, "winston salem"),       // the hyphen separates
    ("Rio de Janeiro", 0, 3, "rio de ianeiro"),     // j folds to i
    ("Кривий Ріг", 0, 2, "krivi rih"),              // і: Ukrainian, г → h; и, й → y → i, "iii" → "i"
    ("Ukraine\u{00A0}Sumy", 0, 2, "ukraine sumi"),  // a no-break space separates
])
func assembledPhrases(text: String, a: Int, b: Int, key: String) {
    let doc = Document(text)
    #expect(NameNormalizer.key(text) == key)  // the premise, by the normaliser itself
    #expect(PhraseKeys(doc).key(tokens: a, b) == key)
    #expect(PhraseKeys(doc).hash(tokens: a, b) == keyHash(key))
}

@Test("the mention finder finds the same mentions with and without the negative test", arguments: texts + [
    "Ukrainian forces entered Sudzha; Russia's army moved into western Kursk region and northern Ukraine.",
    "George Washington visited Mobile, Alabama, and Reading in March; Nice was calm.",
    "Паводок у Сумах: Суми, Київ і Мінск, а також Курская область и Коренево.",
])
func filterAgreesWithNaiveScan(_ text: String) {
    let filtered = NormalizedLookup(filtering: true)
    let naive = NormalizedLookup(filtering: false)
    let a = Geoparser(lookup: filtered).parse(text)
    let b = Geoparser(lookup: naive).parse(text)
    #expect(a == b)
    #expect(filtered.phrasesTurnedDown > 0)  // the test was really used
    #expect(naive.phrasesTurnedDown == 0)
}
