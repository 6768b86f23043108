import Foundation
import Testing
@testable import Gazetteer

// The byte/scalar-level splitting of the small TSV files against Swift's Character splitting,
// which it must reproduce exactly (a `|` or line feed glued to a combining mark is no separator).

@Test("alternate-name lists split as Character splitting does", arguments: [
    "", "|", "||", "a", "a|b", "|a||b|", "Kyiv|Київ|Киев", "Gomel|Homyel'|Гомель",
    "a|\u{301}b",        // the acute joins the bar into one Character: not a separator
    "a\u{600}|b",        // ARABIC NUMBER SIGN is Prepend: it joins the bar after it
    "a|\u{200D}b",       // a zero-width joiner after the bar joins it
    "a|\u{903}b",        // DEVANAGARI SIGN VISARGA is a SpacingMark
    "a|\u{1F3FB}b",      // an emoji modifier is Extend
    "x|\u{AD}y",         // a soft hyphen is a Control: the bar stays alone
    "Ἀθῆναι|Αθήνα|Երևան|עִיר",
])
func listSplitsLikeCharacters(_ s: String) {
    #expect(TSVRows.list(s) == (s.isEmpty ? [] : s.split(separator: "|").map(String.init)))
}

@Test("line ranges count the empty lines as String splitting does", arguments: [
    "", "\n", "a", "a\n", "a\nb", "a\n\nb\n", "\n\n",
])
func lineRanges(_ text: String) {
    var copy = text
    let ranges = copy.withUTF8 { TSVRows.splitLines($0, 0..<$0.count) }
    let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let bytes = Array(text.utf8)
    #expect(ranges.map { String(decoding: bytes[$0], as: UTF8.self) } == expected)
}

@Test("every row of the committed regions and countries reads the same as with Character splitting",
      .enabled(if: RealData.available, "Gazetteer/ is missing"))
func committedRowsRoundTrip() throws {
    for (file, columns) in [("regions.tsv", RegionRecord.columns), ("countries.tsv", CountryRecord.columns)] {
        let url = RealData.directory.appendingPathComponent(file)
        let tsv = try TSVFile(url: url, columns: columns)
        let fast = try TSVRows.read(tsv, url: url, columns: columns) { f, _ in f }
        let text = tsv.string(tsv.bodyStart..<tsv.bytes.count)
        let slow = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(fast == slow, "\(file)")
        let last = columns.count - 1  // the names column
        for row in fast where !row[last].isEmpty {
            #expect(TSVRows.list(row[last]) == row[last].split(separator: "|").map(String.init))
        }
    }
}

/// The items `TSVRows.anyItem` hands over for `s`, or nil when it declines to cut `s`.
private func bytewiseItems(_ s: String) -> [String]? {
    var copy = s
    return copy.withUTF8 { bytes in
        var items: [String] = []
        let found = TSVRows.anyItem(in: bytes, 0..<bytes.count) { items.append(String(decoding: $0, as: UTF8.self)); return false }
        return found.map { _ in items }
    }
}

@Test("alternate names cut as bytes are the Character split, or the cut is declined", arguments: [
    "", "|", "||", "a", "a|b", "|a||b|", "Kyiv|Київ|Киев", "Gomel|Homyel'|Гомель",
    "Ἀθῆναι|Αθήνα|Երևան|עִיר", "東京|Tokyo|도쿄|とうきょう|トウキョウ", "القاهرة|Cairo|काठमाडौं|กรุงเทพ",
])
func bytewiseItemsSplitLikeCharacters(_ s: String) throws {
    let items = try #require(bytewiseItems(s))
    #expect(items == s.split(separator: "|").map(String.init))
}

@Test("a bar that may join the scalar before or after it is not cut as bytes", arguments: [
    "a|\u{301}b",        // the acute joins the bar into one Character
    "a\u{600}|b",        // ARABIC NUMBER SIGN is Prepend
    "a|\u{200D}b",       // a zero-width joiner after the bar
    "a|\u{903}b",        // DEVANAGARI SIGN VISARGA is a SpacingMark
    "a|\u{E33}b",        // THAI CHARACTER SARA AM is a SpacingMark
    "a|\u{1F3FB}b",      // an emoji modifier is Extend
])
func bytewiseItemsDecline(_ s: String) {
    #expect(bytewiseItems(s) == nil)
}

@Test("the first item that holds ends the walk, and an item is handed over only when both its bars separate")
func bytewiseItemsStopEarly() {
    var copy = "a|b|\u{301}c"
    copy.withUTF8 { bytes in
        var seen: [String] = []
        #expect(TSVRows.anyItem(in: bytes, 0..<bytes.count) { seen.append(String(decoding: $0, as: UTF8.self)); return $0.count == 1 && $0[0] == UInt8(ascii: "a") } == true)
        #expect(seen == ["a"])
        seen = []
        // "b" is followed by a bar that joins the acute: the walk declines before handing it over.
        #expect(TSVRows.anyItem(in: bytes, 0..<bytes.count) { seen.append(String(decoding: $0, as: UTF8.self)); return false } == nil)
        #expect(seen == ["a"])
    }
}

@Test("every place's alternate names of the committed gazetteer cut as bytes as by Character",
      .enabled(if: RealData.available, "Gazetteer/ is missing"))
func committedAlternatesCutAsBytes() throws {
    let url = RealData.directory.appendingPathComponent("places.tsv")
    let table = try PlaceTable.load(try TSVFile(url: url, columns: PlaceTable.columns), url: url)
    var declined = 0
    for i in 0..<table.count {
        var items: [String] = []
        guard table.anyAlternate(i, where: { items.append(String(decoding: $0, as: UTF8.self)); return false }) != nil else {
            declined += 1
            continue
        }
        #expect(items == table.alternates(i), "place \(table.geonameID[i])")
    }
    #expect(declined * 100 < table.count, "\(declined) of \(table.count) places declined")
}
