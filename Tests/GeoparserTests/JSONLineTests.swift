import Foundation
import GeoJSON
import Testing
@testable import Geoparser

// `GeoparseResult.jsonLine` writes the evaluation record by hand; the reference is what
// `JSONEncoder` (.sortedKeys, .withoutEscapingSlashes) writes for the same record declared as
// Encodable types, the way `incmap geoparse --format jsonl` wrote it before.

private struct ReferenceRecord: Encodable {
    enum ID: Encodable {
        case string(String), number(Int64)
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .string(let s): try c.encode(s)
            case .number(let n): try c.encode(n)
            }
        }
    }

    struct Toponym: Encodable {
        var start: Int, end: Int, name: String
        var lat: Double?, lon: Double?
        var place_id: String?, kind: String?, score: Double
        init(_ m: Mention) {
            start = m.start; end = m.end; name = m.text
            lat = m.place?.location.latitude; lon = m.place?.location.longitude
            place_id = m.place?.id
            kind = m.kind == .demonym ? "demonym" : m.place?.kind.rawValue
            score = m.score
        }
    }

    var id: ID
    var toponyms: [Toponym]
}

private func reference(_ r: GeoparseResult, id: GeoparseResult.RecordID, demonyms: Bool) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    var mentions = r.toponyms
    if demonyms { mentions = (mentions + r.demonyms).sorted { $0.start < $1.start } }
    let refID: ReferenceRecord.ID
    switch id {
    case .string(let s): refID = .string(s)
    case .number(let n): refID = .number(n)
    }
    return Array(try encoder.encode(ReferenceRecord(id: refID, toponyms: mentions.map(ReferenceRecord.Toponym.init)))) + [0x0A]
}

private func place(_ id: String, _ name: String, _ kind: PlaceRecord.Kind, _ lat: Double, _ lon: Double) -> PlaceRecord {
    PlaceRecord(id: id, name: name, kind: kind, country: "UA", region: nil, population: nil,
                location: Position(latitude: lat, longitude: lon))
}

/// Mentions with the awkward cases: whole and tiny numbers, negative zero, exponents, no place,
/// and names with quotes, backslashes, slashes, control characters and non-ASCII text.
private let mentions: [Mention] = [
    Mention(kind: .toponym, start: 0, end: 4, text: "Kyiv", sentence: 0,
            place: place("geonames:703448", "Kyiv", .place, 50.4547, 30.5238), score: 1),
    Mention(kind: .toponym, start: 10, end: 16, text: "Sudzha", sentence: 0,
            place: place("geonames:486816", "Sudzha", .place, 51.1917, 35.2708), score: 0.30000000000000004),
    Mention(kind: .toponym, start: 20, end: 31, text: "Rio \"de\" J\\a/n\n\t\u{1}\u{1F}\r\u{8}\u{C}", sentence: 1,
            place: place("x/\"y\"", "R", .region, -0.0, 100), score: 1e-7),
    Mention(kind: .toponym, start: 40, end: 45, text: "Київ 🇺🇦 é\u{301}\u{2028}", sentence: 1, place: nil, score: 0),
    Mention(kind: .toponym, start: 50, end: 55, text: "Far", sentence: 2,
            place: place("c", "Far", .continent, 1e16, -1.2345678901234568e-5), score: 12345678.9),
]
private let demonymMentions: [Mention] = [
    Mention(kind: .demonym, start: 5, end: 9, text: "Ukrainian", sentence: 0,
            place: place("iso3166-1:UA", "Ukraine", .country, 49, 32), score: 1),
    Mention(kind: .demonym, start: 60, end: 67, text: "Russian", sentence: 2, place: nil, score: 0),
]

@Test("the hand-written JSON line is byte for byte JSONEncoder's", arguments: [
    (GeoparseResult.RecordID.number(1), false), (.number(-42), true), (.string("doc-1"), false),
    (.string("a \"quoted\"/slashed\\ id\n"), true), (.string(""), true),
])
func jsonLineMatchesEncoder(id: GeoparseResult.RecordID, demonyms: Bool) throws {
    let result = GeoparseResult(toponyms: mentions, demonyms: demonymMentions, claims: [], sentences: [])
    let line = try #require(result.jsonLine(id: id, demonyms: demonyms))
    #expect(line == (try reference(result, id: id, demonyms: demonyms)),
            "\(String(decoding: line, as: UTF8.self))")
}

@Test("a document without mentions gives an empty list")
func emptyRecord() throws {
    let result = GeoparseResult(toponyms: [], demonyms: [], claims: [], sentences: [])
    let line = try #require(result.jsonLine(id: .number(7), demonyms: true))
    #expect(String(decoding: line, as: UTF8.self) == "{\"id\":7,\"toponyms\":[]}\n")
    #expect(line == (try reference(result, id: .number(7), demonyms: true)))
}

@Test("a score that is not a number gives no line, as JSONEncoder gives none")
func nonFinite() {
    var m = mentions[0]
    m.score = .nan
    let result = GeoparseResult(toponyms: [m], demonyms: [], claims: [], sentences: [])
    #expect(result.jsonLine(id: .number(1), demonyms: false) == nil)
    let encoder = JSONEncoder()
    #expect(throws: (any Error).self) { try encoder.encode(ReferenceRecord(id: .number(1), toponyms: [ReferenceRecord.Toponym(m)])) }
}
