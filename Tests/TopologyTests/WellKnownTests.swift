import GeoJSON
import Testing
@testable import Topology

/// One value of each of the seven geometry types, with holes, multi-parts, altitudes, nesting,
/// awkward doubles (0.1, 1e-300, negative zero) and empties: each must survive both encodings exactly.
let roundTripCases: [(String, Geometry)] = [
    ("point", .point(p(30, 10))),
    ("point with altitude", .point(Position(latitude: 10.1, longitude: -30.25, altitude: 125.5))),
    ("multipoint", .multiPoint([p(10, 40), p(40, 30), p(20, 20), p(30, 10)])),
    ("linestring", .lineString([p(30, 10), p(10, 30), p(40.000000000000007, 40)])),
    ("linestring with mixed altitudes", .lineString([Position(latitude: 1, longitude: 2, altitude: 3), p(4, 5)])),
    ("multilinestring", .multiLineString([[p(10, 10), p(20, 20), p(10, 40)], [p(40, 40), p(30, 30), p(40, 20), p(30, 10)]])),
    ("polygon with hole", .polygon([
        [p(35, 10), p(45, 45), p(15, 40), p(10, 20), p(35, 10)],
        [p(20, 30), p(35, 35), p(30, 20), p(20, 30)],
    ])),
    ("multipolygon with hole", .multiPolygon([
        [[p(40, 40), p(20, 45), p(45, 30), p(40, 40)]],
        [[p(20, 35), p(10, 30), p(10, 10), p(30, 5), p(45, 20), p(20, 35)], [p(30, 20), p(20, 15), p(20, 25), p(30, 20)]],
    ])),
    ("nested collection", .geometryCollection([
        .point(p(0.1, 1e-300)),
        .lineString([p(-0.0, .leastNonzeroMagnitude), p(179.99999999999997, -89.99999999999999)]),
        .geometryCollection([square(0, 0, 1), .multiPoint([p(1, 1)])]),
    ])),
    ("multilinestring with an empty part", .multiLineString([[p(1, 2), p(3, 4)], []])),
    ("polygon with an empty hole", .polygon([[p(0, 0), p(1, 0), p(1, 1), p(0, 0)], []])),
    ("empty multipolygon", .multiPolygon([])),
    ("empty linestring", .lineString([])),
    ("empty polygon", .polygon([])),
    ("empty collection", .geometryCollection([])),
]

@Suite("Topology WKT and WKB")
struct WellKnownTests {
    @Test("value → WKB → value is exact", arguments: roundTripCases)
    func wkbRoundTrip(name: String, geometry: Geometry) throws {
        #expect(try Geometry(wkb: geometry.wkb()) == geometry)
    }

    @Test("value → WKT → value is exact", arguments: roundTripCases)
    func wktRoundTrip(name: String, geometry: Geometry) throws {
        #expect(try Geometry(wkt: geometry.wkt) == geometry)
    }

    @Test("WKB → WKT → WKB gives the same bytes", arguments: roundTripCases)
    func crossRoundTrip(name: String, geometry: Geometry) throws {
        let wkb = try geometry.wkb()
        #expect(try Geometry(wkt: Geometry(wkb: wkb).wkt).wkb() == wkb)
    }

    // ISO WKB of POINT (1 2), by hand: byte order 01 (little-endian), type 1 as uint32 LE,
    // then x = 1.0 = 0x3FF0000000000000 and y = 2.0 = 0x4000000000000000, each as LE doubles.
    static let point12: [UInt8] = [0x01, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0, 0, 0, 0, 0, 0, 0, 0x40]

    @Test("WKB of a point matches the hand-encoded bytes")
    func wkbBytes() throws {
        #expect(try Geometry.point(p(1, 2)).wkb() == Self.point12)
    }

    @Test("big-endian and EWKB input are read")
    func wkbVariants() throws {
        // Same point, big-endian (XDR): byte order 00, type and doubles most significant byte first.
        let xdr: [UInt8] = [0x00, 0, 0, 0, 0x01, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0]
        #expect(try Geometry(wkb: xdr) == .point(p(1, 2)))
        // EWKB: type 1 | 0x80000000 (Z) | 0x20000000 (SRID), SRID 4326 (0x10E6), then x y z = 1 2 3.
        let ewkb: [UInt8] = [0x01, 0x01, 0, 0, 0xA0, 0xE6, 0x10, 0, 0,
                             0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0x08, 0x40]
        #expect(try Geometry(wkb: ewkb) == .point(Position(latitude: 2, longitude: 1, altitude: 3)))
    }

    // Expected texts follow the OGC WKT grammar as GEOS writes it: type, space, parenthesised
    // coordinates, ", " between positions, shortest exact decimals.
    @Test("WKT output", arguments: [
        (Geometry.point(p(30, 10)), "POINT (30 10)"),
        (Geometry.point(Position(latitude: 2, longitude: 1, altitude: 3)), "POINT Z (1 2 3)"),
        (Geometry.lineString([p(0.1, 0), p(1, 1)]), "LINESTRING (0.1 0, 1 1)"),
        (Geometry.multiPolygon([]), "MULTIPOLYGON EMPTY"),
        // One altitude makes the whole line Z; the missing one is written NaN.
        (Geometry.lineString([Position(latitude: 1, longitude: 2, altitude: 3), p(4, 5)]), "LINESTRING Z (2 1 3, 4 5 NaN)"),
        (Geometry.multiLineString([[p(1, 2), p(3, 4)], []]), "MULTILINESTRING ((1 2, 3 4), EMPTY)"),
    ])
    func wktOutput(geometry: Geometry, text: String) throws {
        #expect(geometry.wkt == text)
    }

    // Each accepted spelling denotes the geometry on the right by the OGC/ISO WKT grammar.
    @Test("WKT input spellings", arguments: [
        ("point(30 10)", Geometry.point(p(30, 10))),
        ("  POINT Z (1 2 3) ", .point(Position(latitude: 2, longitude: 1, altitude: 3))),
        ("POINTZ(1 2 3)", .point(Position(latitude: 2, longitude: 1, altitude: 3))),
        ("POINT M (1 2 9)", .point(p(1, 2))),
        ("POINT ZM (1 2 3 9)", .point(Position(latitude: 2, longitude: 1, altitude: 3))),
        ("SRID=4326;POINT (1 2)", .point(p(1, 2))),
        ("MULTIPOINT ((10 40), (40 30))", .multiPoint([p(10, 40), p(40, 30)])),
        ("MULTIPOINT (10 40, 40 30)", .multiPoint([p(10, 40), p(40, 30)])),
        ("POINT EMPTY", .multiPoint([])),
        ("POLYGON EMPTY", .polygon([])),
        ("GEOMETRYCOLLECTION (POINT (1 2), LINESTRING EMPTY)", .geometryCollection([.point(p(1, 2)), .lineString([])])),
        ("LINESTRING (1e2 -2.5E-1, +3 .5)", .lineString([p(100, -0.25), p(3, 0.5)])),
    ])
    func wktInput(text: String, geometry: Geometry) throws {
        #expect(try Geometry(wkt: text) == geometry)
    }

    // Offsets counted by hand on the input strings (0-based).
    @Test("bad WKT is reported with its offset", arguments: [
        ("POINT (1 2", 10),                        // text ends where ')' is due
        ("POINT (1 x)", 9),                        // 'x' where the second number is due
        ("CIRCLE (1 2)", 0),                       // unknown type word
        ("POINT Z (1 2)", 9),                      // the position starts at 9 and has 2 numbers, Z needs 3
        ("POINT (1 2) x", 12),                     // trailing text
        ("POLYGON ((0 0, 1 0, 1 1, 0 0)", 29),     // the outer ')' is missing at the end
        ("LINESTRING (0 0; 1 1)", 15),             // ';' instead of ','
        ("", 0),
    ])
    func badWKT(text: String, offset: Int) throws {
        let error = #expect(throws: TopologyError.self) { try Geometry(wkt: text) }
        guard case .parse(.wkt, let at, let message)? = error else {
            Issue.record("expected a WKT parse error, got \(String(describing: error))")
            return
        }
        #expect(at == offset, "\(message)")
        #expect(!message.isEmpty)
    }

    // Offsets counted by hand from the WKB layout: 1 byte order + 4 type + payload.
    @Test("bad WKB is reported with its byte offset", arguments: [
        (Array(point12.prefix(13)), 13),                        // y is cut off after x (1 + 4 + 8)
        ([0x02] + Array(point12.dropFirst()), 0),               // byte order 2
        ([0x01, 99, 0, 0, 0], 1),                               // type code 99
        ([0x01, 0x02, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF], 5),     // linestring count 2^32-1, no bytes follow
        (point12 + [0x00], 21),                                 // one byte after a complete point
        ([], 0),
        // MultiPoint (type 4) with one part that is a LineString (type 2): the part header at 9.
        ([0x01, 0x04, 0, 0, 0, 0x01, 0, 0, 0, 0x01, 0x02, 0, 0, 0, 0, 0, 0, 0] + Array(repeating: 0, count: 16), 9),
    ])
    func badWKB(bytes: [UInt8], offset: Int) throws {
        let error = #expect(throws: TopologyError.self) { try Geometry(wkb: bytes) }
        guard case .parse(.wkb, let at, let message)? = error else {
            Issue.record("expected a WKB parse error, got \(String(describing: error))")
            return
        }
        #expect(at == offset, "\(message)")
    }

    @Test("WKB nested deeper than the limit is an error, not a stack overflow")
    func deepNesting() throws {
        // 100 nested GeometryCollections of one member each, ending in an empty collection.
        let level: [UInt8] = [0x01, 0x07, 0, 0, 0, 0x01, 0, 0, 0]
        let bytes = Array(Array(repeating: level, count: 100).joined()) + [0x01, 0x07, 0, 0, 0, 0, 0, 0, 0]
        #expect(throws: TopologyError.self) { try Geometry(wkb: bytes) }
    }
}
