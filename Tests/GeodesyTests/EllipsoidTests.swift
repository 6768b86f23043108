import GeoJSON
import Testing
@testable import Geodesy

/// Smallest difference between two angles in degrees, ignoring whole turns.
func angleDifference(_ a: Double, _ b: Double) -> Double {
    let d = abs((a - b).truncatingRemainder(dividingBy: 360))
    return min(d, 360 - d)
}

// Expected values: GeographicLib 2.0 (Python `geographiclib.geodesic.Geodesic.WGS84.Inverse`, the
// reference implementation by C. F. F. Karney), computed for this test with the script
// `Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2)` → s12, azi1, azi2.
let inverseReferences: [(String, Double, Double, Double, Double, Double, Double, Double)] = [
    ("Minsk to Kyiv", 53.90019, 27.56653, 50.45466, 30.5238, 433392.45865004696, 151.0041320168498, 153.34137283184083),
    ("short 1 km in Kyiv, meridional", 50.45, 30.52, 50.459, 30.52, 1001.140305291131, 0.0, 0.0),
    ("very short 10 cm", 48.0, 11.0, 48.0000009, 11.0, 0.10007129086963629, 0.0, 0.0),
    ("London to Paris", 51.5074, -0.1278, 48.8566, 2.3522, 343923.1200909893, 148.0459280393133, 149.95140529631382),
    ("JFK to Singapore", 40.64, -73.78, 1.36, 103.99, 15347512.94051294, 3.3057734780176125, 177.48784020815515),
    ("Kharkiv to Belgorod", 49.9935, 36.2304, 50.5956, 36.5873, 71640.10599153469, 20.65563184946121, 20.930213024751446),
    ("meridional north", 0.0, 10.0, 60.0, 10.0, 6654072.819490514, 0.0, 0.0),
    ("meridional across the pole", 80.0, 0.0, 80.0, 180.0, 2233651.714751699, 0.0, 180.0),
    ("equatorial 90 degrees", 0.0, 0.0, 0.0, 90.0, 10018754.171394622, 90.0, 90.0),
    ("equatorial 179 degrees", 0.0, 0.0, 0.0, 179.0, 19926188.85199597, 90.0, 90.0),
    ("equatorial 179.5 degrees: shortest path leaves the equator", 0.0, 0.0, 0.0, 179.5, 19980861.908890963, 55.966495140158635, 124.03350485984137),
    ("antipodal on the equator: via a pole", 0.0, 0.0, 0.0, 180.0, 20003931.458625447, 0.0, 180.0),
    ("near antipodal 1", 30.0, 0.0, -30.0, 179.9, 20003008.42150941, 11.030296532633967, 168.96970346736603),
    ("near antipodal 2", -30.12345, 0.0, 29.9, 179.8, 19976699.238430187, 165.2811951862624, 14.68510948273091),
    ("near antipodal 3", 0.07476, 0.0, -0.07476, 179.93, 20003479.16778208, 6.666215543522784, 173.33378445647722),
    ("north pole to equator", 90.0, 0.0, 0.0, 45.0, 10001965.729312724, 135.0, 180.0),
    ("south pole to Cape Town", -90.0, 0.0, -33.9249, 18.4241, 6246634.50741087, 18.424100000000003, 0.0),
    ("pole to pole", 90.0, 0.0, -90.0, 0.0, 20003931.458625447, 180.0, 180.0),
    ("antimeridian crossing at Fiji", -17.7, 179.5, -16.5, -179.8, 152273.0203566453, 29.395154693430463, 29.189312780033898),
    ("antimeridian Chukotka to Alaska", 64.7, 177.5, 64.5, -165.4, 816561.6567964281, 83.81431899037221, 99.28245497080512),
    ("along the antimeridian", 10.0, 180.0, 20.0, -180.0, 1106511.420937261, 0.0, 0.0),
    ("Sydney to Buenos Aires", -33.8688, 151.2093, -34.6037, -58.3816, 11823920.354337573, 155.01535990428582, 25.217854240967377),
]

@Test("inverse problem matches GeographicLib to 1 µm", arguments: inverseReferences)
func inverseMatchesGeographicLib(_ c: (String, Double, Double, Double, Double, Double, Double, Double)) throws {
    let r = try Ellipsoid.wgs84.inverse(from: Position(latitude: c.1, longitude: c.2), to: Position(latitude: c.3, longitude: c.4))
    #expect(abs(r.metres - c.5) < 1e-6, "\(c.0): \(r.metres) m")
    // Azimuths at a pole are a convention (GeographicLib takes the longitude as the meridian), so
    // compare modulo a whole turn only.
    #expect(angleDifference(r.azimuth, c.6) < 1e-9, "\(c.0): azimuth \(r.azimuth)")
    #expect(angleDifference(r.finalAzimuth, c.7) < 1e-9, "\(c.0): final azimuth \(r.finalAzimuth)")
    #expect(angleDifference(r.backAzimuth, c.7 + 180) < 1e-9)
}

@Test("inverse is symmetric in distance", arguments: inverseReferences)
func inverseIsSymmetric(_ c: (String, Double, Double, Double, Double, Double, Double, Double)) throws {
    let a = Position(latitude: c.1, longitude: c.2), b = Position(latitude: c.3, longitude: c.4)
    let ab = try Ellipsoid.wgs84.inverse(from: a, to: b), ba = try Ellipsoid.wgs84.inverse(from: b, to: a)
    #expect(abs(ab.metres - ba.metres) < 1e-6)
}

@Test("Minsk–Kyiv is 433 392.459 m ± 1 mm") func minskKyiv() throws {
    // GeographicLib Inverse (via pyproj Geod(ellps='WGS84').inv): 433392.45865 m.
    let d = try Ellipsoid.wgs84.distance(from: Position(latitude: 53.90019, longitude: 27.56653),
                                         to: Position(latitude: 50.45466, longitude: 30.52380))
    #expect(abs(d - 433_392.459) <= 0.001)
}

// GeographicLib 2.0 Python `Geodesic.WGS84.Direct(lat1, lon1, azi1, s12)` → lat2, lon2, azi2.
let directReferences: [(String, Double, Double, Double, Double, Double, Double, Double)] = [
    ("Kyiv 100 km east", 50.45466, 30.5238, 90.0, 100000.0, 50.446142630746294, 31.93173821478181, 91.08564629426908),
    ("Minsk 433 km at 151 degrees reaches Kyiv", 53.90019, 27.56653, 151.0041320168498, 433392.45865004696, 50.45465999999999, 30.52380000000001, 153.34137283184083),
    ("equator due east 1000 km", 0.0, 0.0, 90.0, 1000000.0, 0.0, 8.983152841195215, 90.0),
    ("north from 89.9 over the pole", 89.9, 10.0, 0.0, 50000.0, 89.65234825431592, -170.0, 180.0),
    ("from the south pole", -90.0, 0.0, 45.0, 1000000.0, -81.04623281595062, 44.99999999999999, 0.0),
    ("across the antimeridian westward", 60.0, -179.9, -90.0, 30000.0, 59.99890592957226, 179.56237744068966, -90.46559308301546),
    ("backwards (negative distance)", 40.0, -74.0, 45.0, -500000.0, 36.74579281793857, -77.95794438064743, 42.541402338131675),
    ("longer than half the earth", 10.0, 20.0, 30.0, 25000000.0, -46.65463176437978, -129.38907496361915, 134.26011715796338),
]

@Test("direct problem matches GeographicLib", arguments: directReferences)
func directMatchesGeographicLib(_ c: (String, Double, Double, Double, Double, Double, Double, Double)) throws {
    let r = try Ellipsoid.wgs84.direct(from: Position(latitude: c.1, longitude: c.2), azimuth: c.3, metres: c.4)
    #expect(abs(r.position.latitude - c.5) < 1e-11, "\(c.0)")
    #expect(angleDifference(r.position.longitude, c.6) < 1e-11, "\(c.0)")
    #expect(angleDifference(r.finalAzimuth, c.7) < 1e-9, "\(c.0)")
}

@Test("densify spaces points equally along the geodesic, ends included") func densify() throws {
    let a = Position(latitude: 53.90019, longitude: 27.56653), b = Position(latitude: 50.45466, longitude: 30.52380)
    let pts = try Ellipsoid.wgs84.densify(from: a, to: b, spacing: 10_000)
    // 433.39 km / 10 km → 44 equal steps of 9.85 km (hand computation: ceil(43.34) = 44).
    #expect(pts.count == 45)
    #expect(pts.first == a && pts.last == b)
    for i in 1..<pts.count {
        let step = try Ellipsoid.wgs84.distance(from: pts[i - 1], to: pts[i])
        #expect(abs(step - 433_392.45865004696 / 44) < 1e-6)
    }
    // Every sample lies on the geodesic: the two halves add up to the whole (triangle equality).
    let mid = pts[22]
    let viaMid = try Ellipsoid.wgs84.distance(from: a, to: mid) + Ellipsoid.wgs84.distance(from: mid, to: b)
    #expect(abs(viaMid - 433_392.45865004696) < 1e-6)
}

@Test("a geodesic line sampled every N metres") func lineSampling() throws {
    let line = try Ellipsoid.wgs84.line(from: Position(latitude: 0, longitude: 0), azimuth: 90)
    let pts = try line.positions(every: 1_000_000, upTo: 2_500_000)
    // 0, 1000, 2000 km and the end at 2500 km.
    #expect(pts.count == 4)
    // On the equator, 1000 km is 8.983152841195215° of longitude (GeographicLib Direct, above).
    #expect(abs(pts[1].longitude - 8.983152841195215) < 1e-11)
    #expect(abs(try Ellipsoid.wgs84.distance(from: pts[0], to: pts[3]) - 2_500_000) < 1e-6)
}

@Test("bad input is a typed error", arguments: [
    Position(latitude: 91, longitude: 0), Position(latitude: -90.0001, longitude: 0),
    Position(latitude: .nan, longitude: 0), Position(latitude: 0, longitude: .infinity), Position(latitude: 0, longitude: 181),
])
func invalidPositions(_ p: Position) {
    #expect(throws: GeodesyError.self) { try Ellipsoid.wgs84.inverse(from: p, to: Position(latitude: 0, longitude: 0)) }
    #expect(throws: GeodesyError.self) { try Ellipsoid.wgs84.direct(from: p, azimuth: 0, metres: 1) }
}

@Test("non-positive spacing and non-finite distances are rejected") func invalidDistances() throws {
    let a = Position(latitude: 0, longitude: 0), b = Position(latitude: 1, longitude: 1)
    #expect(throws: GeodesyError.invalidDistance(0, context: "densify spacing")) {
        try Ellipsoid.wgs84.densify(from: a, to: b, spacing: 0)
    }
    #expect(throws: GeodesyError.self) { try Ellipsoid.wgs84.direct(from: a, azimuth: 0, metres: .nan) }
    #expect(throws: GeodesyError.self) { try Ellipsoid(equatorialRadius: -1, flattening: 0) }
}
