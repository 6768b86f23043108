import GeoJSON
import Testing
@testable import Cartography

@Suite("projection and clipping")
struct ProjectionAndClippingTests {
    @Test("the spherical Lambert fallback matches PROJ on the same sphere", arguments: [
        // PROJ 9.1.1: `proj +proj=laea +lat_0=51 +lon_0=20 +R=6371007.181 -f %.4f`
        (51.2, 35.0, 1_036_720.7925, 128_384.3110),
        (51.201, 35.0, 1_036_698.2275, 128_493.5709),
    ])
    func fallbackForward(latitude: Double, longitude: Double, x: Double, y: Double) throws {
        let projection = SphericalLambertFallback(centre: Position(latitude: 51, longitude: 20))
        let q = try #require(projection.project(Position(latitude: latitude, longitude: longitude)))
        #expect(abs(q.x - x) < 0.001 && abs(q.y - y) < 0.001)
        let back = try #require(projection.unproject(q))
        #expect(abs(back.latitude - latitude) < 1e-10 && abs(back.longitude - longitude) < 1e-10)
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

    @Test("fixed-point numbers do not depend on the locale and never print -0")
    func numbers() {
        #expect(fixed(-0.04, 1) == "0.0")
        #expect(fixed(1234.5678, 2) == "1234.57")
        #expect(fixed(-2.05, 1) == "-2.1" || fixed(-2.05, 1) == "-2.0")  // binary 2.05 is 2.04999…, either rounding is exact here
        #expect(coordinate(12.0) == "12")
        #expect(xmlEscaped("a<b & \"c\"\u{1}") == "a&lt;b &amp; &quot;c&quot;")
    }
}
