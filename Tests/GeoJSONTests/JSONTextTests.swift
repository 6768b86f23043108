import Foundation
import Testing
@testable import GeoJSON

/// `JSONValue.parse`, the one-value parser used for JSONL lines. Expected values are read off the
/// hand-written inputs.
struct JSONTextTests {
    @Test("a JSONL record: members in order, integers kept apart from other numbers, escapes decoded")
    func record() throws {
        let v = try JSONValue.parse(Data(#" {"id": 7, "text": "Sumy \u0438 Kyiv\n", "w": 2.5, "toponyms": [{"start": 0, "end": 4}]} "#.utf8))
        let o = try #require(v.objectValue)
        #expect(o.keys == ["id", "text", "w", "toponyms"])
        #expect(o["id"] == .integer(7))
        #expect(o["text"] == .string("Sumy и Kyiv\n"))
        #expect(o["w"] == .number(2.5))
        #expect(o["toponyms"]?.arrayValue?.first?.objectValue?["end"] == .integer(4))
    }

    @Test("bad text: the line and column (in bytes) of the problem", arguments: [
        ("not json", 1, 1),
        ("{\"a\": 1,\n \"b\" 2}", 2, 6),      // the colon is missing before 2
        ("{\"a\": 1} x", 1, 10),              // text after the value
        ("", 1, 1),
        ("{\"a\": [1, 2", 1, 12),             // ends inside the array
    ])
    func errors(text: String, line: Int, column: Int) {
        let error = #expect(throws: JSONTextError.self) { try JSONValue.parse(Data(text.utf8)) }
        #expect(error?.line == line)
        #expect(error?.column == column)
        #expect(error?.message.isEmpty == false)
    }
}
