import Foundation
import Testing
@testable import GeoJSON

@Suite("Lenient repairs, validation and chunked streaming")
struct LenientAndStreamingTests {
    @Test("lenient mode repairs the fixture and reports each repair where it was made")
    func lenientRepairs() throws {
        var warnings: [GeoJSONWarning] = []
        let object = try GeoJSONReader(mode: .lenient).read(Fixture.data("lenient/repairs.geojson"), source: "repairs", warnings: &warnings)
        let features = object.features
        #expect(features.count == 3)
        // The open ring [[0,0],[1,0],[1,1],[0,1]] gets its first position appended.
        let closed = [Position(latitude: 0, longitude: 0), Position(latitude: 0, longitude: 1), Position(latitude: 1, longitude: 1),
                      Position(latitude: 1, longitude: 0), Position(latitude: 0, longitude: 0)]
        #expect(features[0].geometry == .polygon([closed]))
        // 190° east is 170° west: 190 − 360.
        #expect(features[1].geometry == .point(Position(latitude: 10, longitude: -170)))
        #expect(features[2].properties == JSONObject())
        let summary = warnings.map { "\($0.line ?? 0) \($0.path): \($0.message.prefix(24))" }
        #expect(summary == [
            "2 crs: \"crs\" member is not allo",
            "4 features[0].geometry.coordinates[0]: linear ring is not close",
            "5 features[1].geometry.coordinates: longitude 190 is outside",
            "6 features[2]: a Feature must have a \"p",
        ])
    }

    @Test("the same fixture is rejected in strict mode at the first problem (the crs member)")
    func strictRejects() throws {
        let error = try #require(try Fixture.strictError("lenient/repairs.geojson"))
        #expect(error.path == "crs")
        #expect(error.line == 2)
    }

    @Test("validation reports every broken feature, then continues")
    func validationCollects() throws {
        let text = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","geometry":{"type":"Point","coordinates":[0,91]},"properties":{}},
        {"type":"Feature","geometry":{"type":"Point","coordinates":[0,1]},"properties":{}},
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]},"properties":{}},
        {"type":"Feature","geometry":{"type":"Point","coordinates":[0,1]},"properties":{}}
        ]}
        """
        let reader = GeoJSONReader()
        let report = reader.validate(reader.featureStream(data: Data(text.utf8), source: "t"))
        // Features 0 (latitude 91) and 2 (open ring) break rules; 1 and 3 are fine.
        #expect(report.errors.map(\.path) == ["features[0].geometry.coordinates", "features[2].geometry.coordinates[0]"])
        #expect(report.errors.map(\.line) == [2, 4])
        #expect(report.featureCount == 2)
        #expect(!report.isValid)
    }

    @Test("validation stops at malformed JSON and says where")
    func validationSyntax() throws {
        let reader = GeoJSONReader()
        let report = reader.validate(try reader.featureStream(contentsOf: Fixture.url("invalid/trailing-comma.geojson")))
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.column == 101)
    }

    static func writeTemporary(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gj-\(UUID().uuidString).json")
        try data.write(to: url)
        return url
    }

    @Test("reading in tiny chunks gives the same features, warnings and errors as reading whole",
          arguments: [1, 2, 3, 7, 64])
    func chunkBoundaries(chunk: Int) throws {
        for name in ["valid/collection.geojson", "lenient/repairs.geojson"] {
            let url = Fixture.url(name)
            let whole = GeoJSONReader(mode: .lenient).featureStream(data: try Data(contentsOf: url), source: name)
            var expected: [Feature] = []
            while let f = try whole.next() { expected.append(f) }
            let fd = open(url.path, O_RDONLY)
            let chunked = GeoJSONFeatureStream(fileDescriptor: fd, ownsFileDescriptor: true, source: name, lenient: true, maxDepth: 128, chunkSize: chunk)
            var got: [Feature] = []
            while let f = try chunked.next() { got.append(f) }
            #expect(got == expected, "\(name)")
            #expect(chunked.warnings == whole.warnings, "\(name)")
            #expect(chunked.collectionForeignMembers == whole.collectionForeignMembers)
            #expect(chunked.collectionBBox == whole.collectionBBox)
        }
        for name in ["invalid/unclosed-ring.geojson", "invalid/truncated.geojson", "invalid/unknown-type.geojson"] {
            let url = Fixture.url(name)
            let whole = try #require(try Fixture.strictError(name))
            let fd = open(url.path, O_RDONLY)
            let chunked = GeoJSONFeatureStream(fileDescriptor: fd, ownsFileDescriptor: true, source: name, lenient: false, maxDepth: 128, chunkSize: chunk)
            #expect(throws: whole) { while try chunked.next() != nil {} }
        }
    }

    @Test("a collection much larger than the buffer streams with the buffer at its initial size")
    func boundedMemory() throws {
        // 20,000 features of ~100 bytes = ~2 MB through a 4 KiB buffer.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gj-\(UUID().uuidString).geojson")
        defer { try? FileManager.default.removeItem(at: url) }
        let w = try GeoJSONFeatureWriter(path: url.path, format: .featureCollection)
        for k in 0..<20_000 {
            try w.write(Feature(id: .integer(Int64(k)), geometry: .point(Position(latitude: Double(k % 90), longitude: Double(k % 180))),
                                properties: ["name": .string("event \(k)")]))
        }
        try w.finish()
        let fd = open(url.path, O_RDONLY)
        let stream = GeoJSONFeatureStream(fileDescriptor: fd, ownsFileDescriptor: true, source: "big", lenient: false, maxDepth: 128, chunkSize: 4096)
        var n = 0
        var last: Feature?
        while let f = try stream.next() { n += 1; last = f }
        #expect(n == 20_000)
        #expect(last?.id == .integer(19_999))
        #expect(stream.bufferCapacity == 4096)
    }

    @Test("text sequences: RS-prefixed records, records holding geometries and collections")
    func textSequence() throws {
        let rs = "\u{1E}"
        let text = rs + #"{"type":"Feature","geometry":null,"properties":{"a":1}}"# + "\n" + rs + #"{"type":"Point","coordinates":[1,2]}"# + "\n"
            + rs + #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"b":2}}]}"# + "\n"
        let stream = GeoJSONReader().featureStream(data: Data(text.utf8))
        var got: [Feature] = []
        while let f = try stream.next() { got.append(f) }
        #expect(got.count == 3)
        #expect(got[1].geometry == .point(Position(latitude: 2, longitude: 1)))
        #expect(got[2][property: "b"] == 2)
        #expect(stream.layout == .textSequence)
    }

    @Test("an error in a sequence record names the record")
    func sequenceErrorPath() throws {
        let text = #"{"type":"Feature","geometry":null,"properties":{}}"# + "\n" + #"{"type":"Feature","geometry":{"type":"Point","coordinates":[1]},"properties":{}}"# + "\n"
        #expect(throws: GeoJSONError(source: "seq", line: 2, column: 60, path: "[1].geometry.coordinates", message: "a position needs at least 2 numbers (longitude, latitude), found 1")) {
            _ = try GeoJSONReader().features(in: Data(text.utf8), source: "seq")
        }
    }

    @Test("whole-document read rejects a sequence")
    func readRejectsSequence() throws {
        let text = #"{"type":"Feature","geometry":null,"properties":{}}"# + "\n" + #"{"type":"Feature","geometry":null,"properties":{}}"#
        #expect(throws: GeoJSONError.self) { try GeoJSONReader().read(Data(text.utf8)) }
    }

    @Test("a UTF-8 byte order mark before the JSON is skipped; columns count from after it")
    func byteOrderMark() throws {
        let text = "\u{FEFF}" + #"{"type":"Point","coordinates":[100,95]}"#
        #expect(throws: GeoJSONError(source: "bom", line: 1, column: 31, path: "coordinates", message: "latitude 95 is outside ±90°")) {
            _ = try GeoJSONReader().read(Data(text.utf8), source: "bom")
        }
        #expect(try GeoJSONReader().read(Data(("\u{FEFF}" + #"{"type":"Point","coordinates":[1,2]}"#).utf8)) == .geometry(.point(Position(latitude: 2, longitude: 1))))
    }

    @Test("strings: an escape or a raw control character is found at every offset of the 8-byte scan", arguments: 0..<18)
    func stringScan(offset: Int) throws {
        let head = String(repeating: "a", count: offset), tail = String(repeating: "b", count: 17 - offset)
        let escaped = #"{"type":"Feature","geometry":null,"properties":{"s":""# + head + #"\"é"# + tail + #""}}"#
        guard case .feature(let f) = try GeoJSONReader().read(Data(escaped.utf8)) else { Issue.record("not a feature"); return }
        #expect(f[property: "s"] == .string(head + "\"é" + tail))
        let raw = #"{"type":"Feature","geometry":null,"properties":{"s":""# + head + "\t" + tail + #""}}"#
        // The tab sits at byte 53 + offset of the line (the string's content starts at column 54).
        #expect(throws: GeoJSONError(source: "<data>", line: 1, column: 54 + offset, path: "properties.s", message: "control character byte 0x09 inside a string (escape it)")) {
            _ = try GeoJSONReader().read(Data(raw.utf8))
        }
    }

    @Test("skipsInvalidFeatures: a broken feature is skipped with its error, the rest still read; malformed JSON still ends reading")
    func skipInvalidFeatures() throws {
        // Hand-written: the second feature's latitude is out of range (line 3, column 90 is its
        // coordinates array), the third is fine.
        let text = """
        {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"n": 1}, "geometry": {"type": "Point", "coordinates": [30, 50]}},
        {"type": "Feature", "properties": {"n": 2}, "geometry": {"type": "Point", "coordinates": [30, 150]}},
        {"type": "Feature", "properties": {"n": 3}, "geometry": {"type": "Point", "coordinates": [31, 51]}}
        ]}
        """
        let stream = GeoJSONReader().featureStream(data: Data(text.utf8), source: "t")
        stream.skipsInvalidFeatures = true
        var kept: [Int64] = []
        while let f = try stream.next() { if case .integer(let n)? = f[property: "n"] { kept.append(n) } }
        #expect(kept == [1, 3])
        #expect(stream.skippedFeatures.count == 1)
        #expect(stream.skippedFeatures.first?.line == 3)
        #expect(stream.skippedFeatures.first?.column == 90)
        #expect(stream.skippedFeatures.first?.path == "features[1].geometry.coordinates")

        // Without it, the same input stops at the broken feature.
        let strict = GeoJSONReader().featureStream(data: Data(text.utf8), source: "t")
        _ = try strict.next()
        #expect(throws: GeoJSONError.self) { try strict.next() }

        // Malformed JSON is never skipped.
        let broken = GeoJSONReader().featureStream(data: Data(#"{"type": "FeatureCollection", "features": [{"type": "Feature", "#.utf8), source: "t")
        broken.skipsInvalidFeatures = true
        #expect(throws: GeoJSONError.self) { while try broken.next() != nil {} }
    }
}
