import GeoJSON
import Testing
@testable import Cartography

@Suite("projection and clipping")
struct ProjectionAndClippingTests {
    @Test("the default projection is PROJ's ellipsoidal LAEA", arguments: [
        // PROJ 9.1.1: `proj +proj=laea +lat_0=51 +lon_0=20 +ellps=WGS84 -f %.4f`
        (51.2, 35.0, 1_040_020.5061, 128_449.9335),
        (51.201, 35.0, 1_039_997.9487, 128_559.2592),
    ])
    func projForward(latitude: Double, longitude: Double, x: Double, y: Double) throws {
        let projection = try lambertAzimuthalEqualArea(centre: Position(latitude: 51, longitude: 20))
        let q = try #require(projection.project(Position(latitude: latitude, longitude: longitude)))
        #expect(abs(q.x - x) < 0.001 && abs(q.y - y) < 0.001)
        let batch = projection.project([Position(latitude: latitude, longitude: longitude)])
        #expect(batch == [q])
        let back = try #require(projection.unproject(q))
        // PROJ's ellipsoidal laea inverts the authalic latitude by a series: round trips to ~1e-8°.
        #expect(abs(back.latitude - latitude) < 1e-7 && abs(back.longitude - longitude) < 1e-7, "\(back)")
        #expect(projection.summary.contains("PROJ laea"))
    }

    @Test("the map centre's longitude is the middle of the shortest arc holding the data", arguments: [
        ([34.0, 36.0], 35.0),            // ordinary span: the middle of 34…36
        ([179.5, -179.5], 180.0),        // across the antimeridian: 1° wide around 180°, not 359° around 0°
        ([170.0, -175.0, 178.0], 177.5), // arc 170°E → 175°W is 15° wide; its middle is 177.5°E
        ([-10.0, 10.0, 170.0], 80.0),    // largest gap 170°E → 10°W across 180° (180° wide); arc 10°W … 170°E, middle 80°E
    ])  // by hand from the sorted longitudes and their largest gap
    func longitudeCentre(longitudes: [Double], expected: Double) {
        let centre = MapDocument.longitudeCentre(longitudes)
        let wrapped = abs(centre - expected).truncatingRemainder(dividingBy: 360)
        #expect(min(wrapped, 360 - wrapped) < 1e-9, "\(centre)")
    }

    @Test("a map of points either side of the antimeridian is a small map centred on 180°")
    func antimeridianMap() throws {
        let document = MapDocument(title: "Bering", layers: [
            MapLayer(name: "events", kind: .events, features: FeatureCollection(features: [
                SampleMap.point("West", 65.0, 179.8), SampleMap.point("East", 65.0, -179.8),
            ])),
        ])
        let map = try SVGMapRenderer().layout(document, projection: nil)
        // 0.4° of longitude at 65° N is about 19 km (0.4 × 111.4 km × cos 65°), so with the 30 km
        // minimum span the frame is tens of km across, and the bar is at most a few tens of km.
        #expect(map.scaleBar.kilometres <= 20)
        #expect(try ParsedSVG(map.svg).featureCount(inLayer: "layer-events") == 2)
        #expect(!map.northArrowDrawn)
    }

    @Test("a square half outside the frame keeps the inside half")
    func ringClip() {
        // The 10 × 10 square from (0,0) cut at x = 5 leaves 5 × 10 = 50 square pixels.
        let square = [PixelPoint(x: 0, y: 0), PixelPoint(x: 10, y: 0), PixelPoint(x: 10, y: 10), PixelPoint(x: 0, y: 10)]
        let cut = Clipper.clipRing(square, to: PixelRect(minX: 5, minY: -1, maxX: 20, maxY: 20))
        #expect(abs(abs(FeatureDrawer.signedArea(cut)) - 50) < 1e-9)
        #expect(cut.allSatisfy { $0.x >= 5 })
        #expect(Clipper.clipRing(square, to: PixelRect(minX: 30, minY: 30, maxX: 40, maxY: 40)).isEmpty)
    }

    @Test("a line through the frame is cut at its edges, a line that leaves and returns gives two pieces")
    func lineClip() {
        let rect = PixelRect(minX: 0, minY: 0, maxX: 10, maxY: 10)
        #expect(Clipper.clipLine([PixelPoint(x: -5, y: 5), PixelPoint(x: 15, y: 5)], to: rect)
                == [[PixelPoint(x: 0, y: 5), PixelPoint(x: 10, y: 5)]])
        // In at (2,2), out through x = 10 at y = 2, back in through x = 10 at y = 8, ending at (2,8).
        let pieces = Clipper.clipLine([PixelPoint(x: 2, y: 2), PixelPoint(x: 20, y: 2), PixelPoint(x: 20, y: 8), PixelPoint(x: 2, y: 8)], to: rect)
        #expect(pieces == [[PixelPoint(x: 2, y: 2), PixelPoint(x: 10, y: 2)], [PixelPoint(x: 10, y: 8), PixelPoint(x: 2, y: 8)]])
    }

    @Test("label text from property values", arguments: [
        (JSONValue.string("Sudzha"), "Sudzha" as String?), (.integer(12), "12"), (.number(9.8), "9.8"),
        (.number(10.0), "10"), (.number(3.14159), "3.14"), (.bool(true), nil), (.string(""), nil),
    ])  // the rules of FeatureDrawer.labelText, by hand
    func labelText(value: JSONValue, expected: String?) {
        #expect(FeatureDrawer.labelText(value) == expected)
    }

    @Test("fixed-point numbers do not depend on the locale and never print -0")
    func numbers() {
        #expect(fixed(-0.04, 1) == "0.0")
        #expect(fixed(1234.5678, 2) == "1234.57")
        #expect(fixed(-2.05, 1) == "-2.1" || fixed(-2.05, 1) == "-2.0")  // binary 2.05 is 2.04999…, either rounding is exact here
        #expect(coordinate(12.0) == "12")
        #expect(xmlEscaped("a<b & \"c\"\u{1}") == "a&lt;b &amp; &quot;c&quot;")
    }
}
