import Foundation
import Testing
@testable import Gazetteer

// The bucketed hash look-up of `NameIndex` against a naive scan of every posting, on the fixture
// gazetteer (Fixtures/, see ResolverTests.swift) and on indexes built from hand-made names.

/// Every posting whose key is `key`, by comparing every key in the index: the reference.
private func naivePostings(_ index: NameIndex, _ key: String) -> [UInt32] {
    index.postings.filter { index.key(of: $0) == key }.map(\.entity).sorted()
}

@Test("every key of the fixture index is found, with exactly the postings a full scan finds")
func fixtureKeysFound() {
    let index = Fixture.gazetteer.index
    let keys = Set(index.postings.map { index.key(of: $0) })
    #expect(keys.count > 50)  // 26 places with alternates, 9 regions, 8 countries
    for key in keys {
        #expect(index.postings(forKey: key).map(\.entity).sorted() == naivePostings(index, key), "\(key)")
        #expect(index.mayContain(hash: NameNormalizer.hash(ofKey: key)), "\(key)")
    }
}

@Test("keys that are not in the fixture index are turned down", arguments: [
    "the", "president", "sudzhanka", "kursk oblast region", "", "zz",
])
func absentKeys(_ key: String) {
    let index = Fixture.gazetteer.index
    #expect(naivePostings(index, key).isEmpty)  // the premise: no such name in Fixtures/
    #expect(index.postings(forKey: key).isEmpty)
    // A false positive needs a 32-bit hash collision with one of ~200 keys: chance ~5·10⁻⁸.
    #expect(!index.mayContain(hash: NameNormalizer.hash(ofKey: key)))
}

@Test("buckets stay correct for tiny and larger indexes", arguments: [0, 1, 2, 3, 1_000, 5_000])
func bucketSizes(_ n: Int) {
    var builder = PostingBuilder()
    for i in 0..<n { builder.add("Name \(i)", entity: UInt32(i), form: .name) }
    let index = NameIndex(builder)
    for i in 0..<n {
        let key = "name \(i)"  // NameNormalizer.key("Name 42") == "name 42": lower case, one space
        #expect(index.postings(forKey: key).map(\.entity) == [UInt32(i)])
        #expect(index.mayContain(hash: NameNormalizer.hash(ofKey: key)))
    }
    #expect(index.postings(forKey: "name \(n)").isEmpty)
    #expect(!index.mayContain(hash: NameNormalizer.hash(ofKey: "name \(n)")))
}

@Test("a text's Cyrillic evidence is the union of its words' evidence", arguments: [
    ("Кривий", "Ріг"), ("Біла", "Церква"), ("Гомель", "Магілёў"), ("Нижний", "Новгород"), ("Гуляй", "Поле"),
])
func evidenceUnion(_ a: String, _ b: String) {
    func evidence(_ s: String) -> CyrillicLanguage.Evidence {
        var copy = s
        return copy.withUTF8 { CyrillicLanguage.evidence(in: $0) }
    }
    #expect(evidence(a + " " + b) == evidence(a).union(evidence(b)))
    var whole = a + " " + b
    #expect(whole.withUTF8 { CyrillicLanguage.guess(in: $0) } == CyrillicLanguage(evidence: evidence(a).union(evidence(b))))
}
