import Foundation
import Testing
@testable import GeoJSON

/// Every geometry type written and read back unchanged. Coordinates are chosen with at most 7
/// decimals so that the default precision keeps them exactly (hand-checked values).
@Suite("Round trip of every geometry type")
struct RoundTripTests {
    static let kyiv = Position(latitude: 50.4501, longitude: 30.5234)
    static let minsk = Position(latitude: 53.9006, longitude: 27.559)
    static let vilnius = Position(latitude: 54.6872, longitude: 25.2797, altitude: 112.5)
    // A counter-clockwise square (exterior) and a clockwise inner square (hole): already RFC 7946 order.
    static let square = [Position(latitude: 0, longitude: 0), Position(latitude: 0, longitude: 10),
                         Position(latitude: 10, longitude: 10), Position(latitude: 10, longitude: 0),
                         Position(latitude: 0, longitude: 0)]
    static let hole = [Position(latitude: 2, longitude: 2), Position(latitude: 8, longitude: 2),
                       Position(latitude: 8, longitude: 8), Position(latitude: 2, longitude: 8),
                       Position(latitude: 2, longitude: 2)]

    static let geometries: [Geometry] = [
        .point(kyiv),
        .point(vilnius),
        .multiPoint([kyiv, minsk]),
        .lineString([kyiv, minsk, vilnius]),
        .multiLineString([[kyiv, minsk], [minsk, vilnius]]),
        .polygon([square, hole]),
        .multiPolygon([[square], [square, hole]]),
        .geometryCollection([.point(kyiv), .lineString([kyiv, minsk]), .geometryCollection([.polygon([square])])]),
    ]

    @Test("geometry survives write → read", arguments: geometries)
    func geometryRoundTrip(geometry: Geometry) throws {
        let data = try GeoJSONWriter().encode(geometry)
        let back = try GeoJSONReader().read(data)
        #expect(back == .geometry(geometry))
    }

    @Test("feature with id, properties and foreign members survives write → read", arguments: geometries)
    func featureRoundTrip(geometry: Geometry) throws {
        let feature = Feature(id: .integer(42), geometry: geometry,
                              properties: ["name": "Kyiv", "count": 3, "ratio": 0.25, "ok": true, "none": nil,
                                           "tags": ["a", 1], "nested": ["k": "v"]],
                              foreignMembers: ["source": "test"])
        let data = try GeoJSONWriter().encode(feature)
        #expect(try GeoJSONReader().read(data) == .feature(feature))
    }

    @Test("collection of all geometry types survives, in all three layouts",
          arguments: [GeoJSONFeatureWriter.Format.featureCollection, .textSequence, .newlineDelimited])
    func collectionRoundTrip(format: GeoJSONFeatureWriter.Format) throws {
        let features = Self.geometries.enumerated().map { k, g in Feature(id: .string("f\(k)"), geometry: g, properties: ["k": .integer(Int64(k))]) }
            + [Feature(geometry: nil, properties: nil)]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gj-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("out.geojson")
        let writer = try GeoJSONFeatureWriter(path: url.path, format: format)
        for f in features { try writer.write(f) }
        try writer.finish()
        let stream = try GeoJSONReader().featureStream(contentsOf: url)
        var back: [Feature] = []
        while let f = try stream.next() { back.append(f) }
        #expect(back == features)
        let expected: GeoJSONLayout = switch format {
        case .featureCollection: .featureCollection
        case .textSequence: .textSequence
        case .newlineDelimited: .newlineDelimited
        }
        #expect(stream.layout == expected)
    }

    @Test("integers stay integers, large and negative ones too")
    func integersStayIntegers() throws {
        // Int64.max and min written by hand; 2^53 + 1 is not representable as a Double.
        let text = #"{"type":"Feature","geometry":null,"properties":{"a":9223372036854775807,"b":-9223372036854775808,"c":9007199254740993,"d":1.5e3,"e":-0.0}}"#
        guard case .feature(let f) = try GeoJSONReader().read(Data(text.utf8)) else { Issue.record("not a feature"); return }
        #expect(f[property: "a"] == .integer(.max))
        #expect(f[property: "b"] == .integer(.min))
        #expect(f[property: "c"] == .integer(9_007_199_254_740_993))
        #expect(f[property: "d"] == .number(1500))
        #expect(f[property: "e"] == .number(-0.0))
    }
}
