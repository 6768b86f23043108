import Foundation
import GeoJSON
import Testing
@testable import Geodesy

let kyiv = Position(latitude: 50.45466, longitude: 30.52380)

@Test("EPSG:4326 → EPSG:3857 (Web Mercator), longitude first whatever EPSG says") func webMercator() throws {
    let t = try Transformer(from: "EPSG:4326", to: "EPSG:3857")
    // pyproj 3.7.2 (PROJ 9.5) Transformer.from_crs('EPSG:4326','EPSG:3857', always_xy=True):
    // Kyiv → (3397893.873075724, 6525390.4595989855); (−180, 0) → (−20037508.342789244, 0).
    let k = try t.transform(kyiv)
    #expect(abs(k.x - 3_397_893.873075724) < 1e-6 && abs(k.y - 6_525_390.4595989855) < 1e-6)
    let edge = try t.transform(x: -180, y: 0)
    #expect(abs(edge.x + 20_037_508.342789244) < 1e-6 && abs(edge.y) < 1e-6)
    let back = try t.inverse(x: k.x, y: k.y)
    #expect(abs(back.x - kyiv.longitude) < 1e-12 && abs(back.y - kyiv.latitude) < 1e-12)
}

@Test("EPSG:4326 → UTM zone 36N, single and batch") func utm36N() throws {
    let t = try Transformer(from: "EPSG:4326", to: "EPSG:32636")
    // pyproj 3.7.2 always_xy: Kyiv → (324227.5075181154, 5592113.612609217); the zone's central
    // meridian 33°E on the equator → (500000, 0) by the definition of UTM (false easting 500 km).
    let batch = try t.transform([(x: kyiv.longitude, y: kyiv.latitude), (x: 33, y: 0)])
    #expect(abs(batch[0].x - 324_227.5075181154) < 1e-6 && abs(batch[0].y - 5_592_113.612609217) < 1e-6)
    #expect(abs(batch[1].x - 500_000) < 1e-6 && abs(batch[1].y) < 1e-6)
    let single = try t.transform(kyiv)
    #expect(single == batch[0])
    let back = try t.inverse(batch)
    #expect(abs(back[0].x - kyiv.longitude) < 1e-11 && abs(back[0].y - kyiv.latitude) < 1e-11)
}

@Test("local projections centred on a point") func localProjections() throws {
    let laea = try LocalProjection.lambertAzimuthalEqualArea(center: Position(latitude: 50, longitude: 30))
    // pyproj 3.7.2 to '+proj=laea +lat_0=50 +lon_0=30 +datum=WGS84 +units=m': Kyiv →
    // (37199.14442774678, 50703.155556820944).
    let k = try laea.project(kyiv)
    #expect(abs(k.x - 37_199.14442774678) < 1e-6 && abs(k.y - 50_703.155556820944) < 1e-6)
    let back = try laea.unproject(x: k.x, y: k.y)
    // PROJ's inverse laea uses a truncated series for the authalic latitude: pyproj 3.7.2 round-trips
    // Kyiv to latitude 50.454659997013856 (3e-9° ≈ 0.3 mm off), so allow 1e-8° (≈ 1 mm).
    #expect(abs(back.latitude - kyiv.latitude) < 1e-8 && abs(back.longitude - kyiv.longitude) < 1e-8)
    #expect(try laea.project(Position(latitude: 50, longitude: 30)) == (x: 0, y: 0))

    // Azimuthal equidistant: distance and azimuth from the centre are the geodesic's
    // (GeographicLib Inverse Minsk → Kyiv: 433392.45865004696 m at 151.0041320168498°).
    let minsk = Position(latitude: 53.90019, longitude: 27.56653)
    let aeqd = try LocalProjection.azimuthalEquidistant(center: minsk)
    let p = try aeqd.project(kyiv)
    #expect(abs((p.x * p.x + p.y * p.y).squareRoot() - 433_392.45865004696) < 1e-3)
    #expect(abs(atan2(p.x, p.y) * 180 / .pi - 151.0041320168498) < 1e-7)
    let many = try aeqd.project([minsk, kyiv])
    #expect(many[1] == p)
}

@Test("a transformer works from many threads at once") func concurrentUse() throws {
    let t = try Transformer(from: "EPSG:4326", to: "EPSG:32636")
    let expected = try t.transform(kyiv)
    let results = concurrentMap(Array(repeating: kyiv, count: 2_000)) { p in (try? t.transform(p)).map { $0 == expected } ?? false }
    #expect(results.allSatisfy { $0 })
}

// PROJ hands each log message to exactly one log function: ours replaces the default one that
// writes to stderr (proj_log_func). So "nothing on stderr" is checked by finding PROJ's message in
// our handler (and in the error) instead of redirecting the process's stderr, which would race with
// the test runner's own output.
@Test("an unknown CRS is a clear typed error and PROJ's message goes to our handler, not stderr",
      arguments: [("EPSG:999999", "EPSG:4326"), ("EPSG:4326", "+proj=nonsense +type=crs"), ("EPSG:4326", "not a crs")])
func unknownCRS(_ names: (String, String)) throws {
    let error = try #require(throws: GeodesyError.self) { try Transformer(from: names.0, to: names.1) }
    guard case .unknownCRS(let name, let message) = error else {
        Issue.record("expected unknownCRS, got \(error)")
        return
    }
    #expect(name == (names.0 == "EPSG:4326" ? names.1 : names.0))
    // The transformer was built on this thread, so this thread's context received the log.
    let logged = try #require(ProjContext.current.lastMessage)
    #expect(!logged.isEmpty)
    #expect(!message.isEmpty)
    #expect(error.description.hasPrefix("unknown CRS \"\(name)\""))
}

@Test("points outside a projection's domain are typed errors") func outOfDomain() throws {
    let laea = try LocalProjection.lambertAzimuthalEqualArea(center: Position(latitude: 0, longitude: 0))
    // The antipode of the centre has no image in an azimuthal projection (hand reasoning: every
    // direction from the centre reaches it).
    #expect(throws: GeodesyError.self) { try laea.project(Position(latitude: 0, longitude: 180)) }
    #expect(throws: GeodesyError.self) { try laea.unproject(x: 1e9, y: 1e9) }
    #expect(throws: GeodesyError.self) { try laea.project(Position(latitude: 95, longitude: 0)) }
}
