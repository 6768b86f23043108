import Foundation
import Testing
@testable import GeoJSON

@Suite("CSV events")
struct CSVTests {
    static func readAll(_ name: String) throws -> (CSVEventReader, [Feature]) {
        let reader = try CSVEventReader(contentsOf: Fixture.url(name))
        var features: [Feature] = []
        while let f = try reader.next() { features.append(f) }
        return (reader, features)
    }

    @Test("ACLED-style CSV with BOM, CRLF, quoted commas, doubled quotes and an embedded line break")
    func acled() throws {
        let (reader, features) = try Self.readAll("csv/acled.csv")
        // The BOM is not part of the first header.
        #expect(reader.columns.first == "event_id_cnty")
        #expect(reader.columns.count == 10)
        // Rows 1, 2 placed; 3 (Avdiivka, no coordinates) and 4 (Bakhmut, bad latitude) kept for
        // geocoding; 5 (no place) skipped; 6 (latitude 34.8 / longitude 50.9 is fine by range) placed.
        #expect(features.map { $0.id } == [.string("UKR1001"), .string("UKR1002"), .string("UKR1003"), .string("UKR1004"), .string("UKR1006")])
        #expect(features[0].geometry == .point(Position(latitude: 50.4501, longitude: 30.5234)))
        #expect(features[0][property: "notes"] == "Shelling reported, several \"loud\" blasts")
        #expect(features[1][property: "notes"] == "First line\r\nsecond line")
        #expect(features[2].geometry == nil)
        #expect(features[2][property: "location"] == "Avdiivka")
        #expect(features[0].properties?.keys == reader.columns)
        // Line numbers: header 1, rows 2, 3 (spanning 3–4), 5, 6, 7.
        #expect(reader.issues == [
            CSVIssue(source: Fixture.url("csv/acled.csv").path, line: 5, column: nil, message: "no coordinates", rowKept: true),
            CSVIssue(source: Fixture.url("csv/acled.csv").path, line: 6, column: "latitude", message: "latitude \"abc\" is not a number", rowKept: true),
            CSVIssue(source: Fixture.url("csv/acled.csv").path, line: 7, column: nil, message: "no coordinates and no place name", rowKept: false),
        ])
    }

    @Test("semicolon delimiter with decimal commas and a quoted semicolon")
    func semicolon() throws {
        let (reader, features) = try Self.readAll("csv/semicolon.csv")
        #expect(reader.delimiter == ";")
        #expect(features.count == 2)
        #expect(features[0].geometry == .point(Position(latitude: 49.8397, longitude: 24.0297)))
        #expect(features[0][property: "note"] == "a;b")
        #expect(reader.issues.isEmpty)
    }

    @Test("tab delimiter and Y/X column names")
    func tabs() throws {
        let (reader, features) = try Self.readAll("csv/tabs.tsv")
        #expect(reader.delimiter == "\t")
        #expect(features == [Feature(geometry: .point(Position(latitude: 53.9006, longitude: 27.559)), properties: ["Y": "53.9006", "X": "27.559", "place": "Minsk"])])
    }

    @Test("latitude out of range is reported with a swap hint")
    func outOfRange() throws {
        let reader = CSVEventReader(data: Data("lat,lon\n120.5,45.1\n".utf8), source: "t")
        #expect(try reader.next() == nil)
        #expect(reader.issues.first?.message == "latitude 120.5 is outside ±90° (are latitude and longitude swapped?)")
        #expect(reader.issues.first?.line == 2)
    }

    @Test("an unclosed quote is an error naming the line it opened on")
    func unclosedQuote() throws {
        let reader = CSVEventReader(data: Data("lat,lon,note\n1,2,\"open\n3,4,x\n".utf8), source: "t")
        #expect(throws: GeoJSONError(source: "t", line: 2, path: "", message: "a quoted field opened on line 2 is never closed")) {
            while try reader.next() != nil {}
        }
    }

    @Test("CSV written and read back keeps every column, quotes and line breaks")
    func roundTrip() throws {
        let (reader, features) = try Self.readAll("csv/acled.csv")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gj-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try CSVEventWriter(path: url.path, propertyColumns: reader.columns)
        for f in features { try writer.write(f) }
        try writer.finish()
        #expect(writer.columns == reader.columns) // latitude/longitude already present
        let again = try CSVEventReader(contentsOf: url)
        var back: [Feature] = []
        while let f = try again.next() { back.append(f) }
        #expect(back.count == features.count)
        for (a, b) in zip(features, back) {
            #expect(a.geometry == b.geometry)
            #expect(a[property: "notes"] == b[property: "notes"])
            #expect(a[property: "location"] == b[property: "location"])
        }
    }

    @Test("a writer released before finish leaves no file")
    func atomicCSV() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gj-\(UUID().uuidString).csv")
        do {
            let writer = try CSVEventWriter(path: url.path, propertyColumns: ["a"])
            try writer.write(Feature(geometry: nil, properties: ["a": "x"]))
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
        let dir = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(!dir.contains { $0.contains(url.lastPathComponent) })
    }
}
