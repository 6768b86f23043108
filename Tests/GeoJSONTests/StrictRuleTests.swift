import Foundation
import Testing
@testable import GeoJSON

/// One invalid fixture per RFC 7946 / RFC 8259 rule, with the error the strict reader must give.
/// Expected line/column are counted by hand in the fixture (1-based, UTF-8 bytes); paths follow the
/// fixture's structure; messages are the reader's documented wording.
struct RuleCase: Sendable, CustomStringConvertible {
    var file: String
    var path: String
    var line: Int
    var column: Int
    var message: String
    var description: String { file }
}

@Suite("Strict reader: one fixture per rule")
struct StrictRuleTests {
    static let cases: [RuleCase] = [
        // Columns are the 1-based byte offsets of the offending token in the fixture's line, found with
        // `str.index` over the fixture text: line 3 holds the `"Circle"` string at byte 38.
        RuleCase(file: "invalid/unknown-type.geojson", path: "features[1].geometry.type", line: 3, column: 38, message: "unknown type \"Circle\""),
        // The geometry object's `{` is at column 30.
        RuleCase(file: "invalid/missing-type.geojson", path: "geometry", line: 1, column: 30, message: "missing \"type\" member"),
        // `[30.5,50.4]` (column 65) is a position where a LineString needs an array of positions.
        RuleCase(file: "invalid/wrong-depth.geojson", path: "geometry.coordinates", line: 1, column: 65, message: "wrong nesting depth: expected an array of positions but found a position"),
        RuleCase(file: "invalid/short-line.geojson", path: "geometry.coordinates", line: 1, column: 65, message: "a LineString needs at least 2 positions, found 1"),
        // The ring `[[0,0],[1,0],[0,0]]` starts at column 63.
        RuleCase(file: "invalid/short-ring.geojson", path: "geometry.coordinates[0]", line: 1, column: 63, message: "a linear ring needs at least 4 positions, found 3"),
        RuleCase(file: "invalid/unclosed-ring.geojson", path: "geometry.coordinates[0]", line: 2, column: 3, message: "linear ring is not closed"),
        RuleCase(file: "invalid/latitude-range.geojson", path: "geometry.coordinates", line: 1, column: 60, message: "latitude 95 is outside ±90°"),
        RuleCase(file: "invalid/longitude-range.geojson", path: "geometry.coordinates", line: 1, column: 60, message: "longitude 190.5 is outside ±180°"),
        RuleCase(file: "invalid/nan.geojson", path: "geometry.coordinates[0]", line: 1, column: 61, message: "non-finite number"),
        RuleCase(file: "invalid/overflow.geojson", path: "geometry.coordinates[0]", line: 1, column: 61, message: "non-finite number"),
        RuleCase(file: "invalid/crs.geojson", path: "crs", line: 2, column: 8, message: "\"crs\" member is not allowed"),
        // The `}` after the trailing comma, line 1 column 101.
        RuleCase(file: "invalid/trailing-comma.geojson", path: "properties", line: 1, column: 101, message: "expected a member name in double quotes but found '}'"),
        RuleCase(file: "invalid/truncated.geojson", path: "", line: 1, column: 91, message: "unexpected end of input"),
        RuleCase(file: "invalid/missing-properties.geojson", path: "", line: 1, column: 1, message: "a Feature must have a \"properties\" member"),
        RuleCase(file: "invalid/bad-id.geojson", path: "id", line: 1, column: 24, message: "a Feature \"id\" must be a string or a number"),
        RuleCase(file: "invalid/bad-bbox.geojson", path: "bbox", line: 1, column: 96, message: "\"bbox\" must have 4 numbers"),
        RuleCase(file: "invalid/missing-features.geojson", path: "", line: 1, column: 1, message: "a FeatureCollection must have a \"features\" array"),
        RuleCase(file: "invalid/string-coordinate.geojson", path: "geometry.coordinates[1]", line: 1, column: 66, message: "a position must contain only numbers"),
    ]

    @Test("strict reading fails with the expected message, path, line and column", arguments: cases)
    func ruleViolation(_ c: RuleCase) throws {
        let error = try #require(try Fixture.strictError(c.file))
        #expect(error.path == c.path, "\(error)")
        #expect(error.line == c.line, "\(error)")
        #expect(error.column == c.column, "\(error)")
        #expect(error.message.hasPrefix(c.message), "\(error)")
        #expect(error.source == c.file)
    }

    @Test("nesting deeper than the limit is malformed input, not a crash")
    func tooDeep() throws {
        let error = try #require(try Fixture.strictError("invalid/too-deep.geojson"))
        // The Feature object is level 1 and the first '[' of "extra" (column 59) level 2, so level 128
        // opens at column 59 + 126 and the parser stops on the next bracket, column 59 + 127, which is
        // element [0] of 127 nested arrays.
        #expect(error.message == "nesting deeper than 128 levels")
        #expect(error.line == 1)
        #expect(error.column == 59 + 127)
        #expect(error.path == "extra" + String(repeating: "[0]", count: 127))
    }

    @Test("a swapped latitude/longitude is hinted at")
    func swappedHint() throws {
        let text = #"{"type":"Point","coordinates":[50.4,130.5]}"#
        #expect(throws: GeoJSONError.self) { try GeoJSONReader().read(Data(text.utf8)) }
        do { _ = try GeoJSONReader().read(Data(text.utf8)) } catch {
            #expect(error.message.contains("swapped"))
        }
    }

    @Test("the valid fixture reads cleanly in strict mode, with its foreign member and escapes")
    func validReads() throws {
        let object = try GeoJSONReader().read(Fixture.data("valid/collection.geojson"))
        guard case .featureCollection(let c) = object else { Issue.record("not a collection"); return }
        #expect(c.features.count == 2)
        #expect(c.bbox == [-10, -10, 10, 10])
        #expect(c.foreignMembers["name"] == "valid")
        #expect(c.features[0].id == .string("a"))
        #expect(c.features[0][property: "name"] == "Київ")
        #expect(c.features[0][property: "population"] == .integer(2_952_301))
        // "line\nbreak \"quoted\" \u00e9" decoded by hand.
        #expect(c.features[0][property: "note"] == "line\nbreak \"quoted\" é")
        #expect(c.features[0].geometry == .point(Position(latitude: 50.4501, longitude: 30.5234, altitude: 179)))
        #expect(c.features[1].id == .integer(7))
        #expect(c.features[1].properties == nil)
    }
}
