import Testing
@testable import BorderAnalysis

@Test("pairs are normalised to sorted upper-case codes", arguments: [
    ("BY-UA", "BY-UA"), ("ua-by", "BY-UA"), (" RU – UA ", "RU-UA"), ("UA/RU", "RU-UA"),
])
func parsePair(text: String, expected: String) throws {
    #expect(try BorderPair(parsing: text).description == expected)
}

@Test("malformed pairs and codes are rejected with the text that was given", arguments: [
    ("BYUA", BorderAnalysisError.malformedPair("BYUA")),
    ("BY-UA-RU", .malformedPair("BY-UA-RU")),
    ("UA-UA", .malformedPair("UA-UA")),
    ("BLR-UA", .unknownCountry("BLR")),
    ("B1-UA", .unknownCountry("B1")),
])
func rejectPair(text: String, error: BorderAnalysisError) {
    #expect(throws: error) { try BorderPair(parsing: text) }
}

@Test("a pair knows its members") func pairMembers() throws {
    let p = try BorderPair("UA", "BY")
    #expect(p.countries == ["BY", "UA"])
    #expect(p.other(than: "UA") == "BY")
    #expect(p.other(than: "RU") == nil)
    #expect(p.involves("BY") && !p.involves("RU"))
}
