import Testing
import GeoJSON
import Geodesy
@testable import BorderAnalysis

// Proximity on the synthetic equator world (see SyntheticNetwork.swift); expected distances are
// closed forms: to the equator, M(φ), the meridian arc (the meridian meets the equator at a right
// angle); beyond the end of a meridian border, the meridian arc between the two latitudes.

@Test("a point north of the equator border is M(φ) from it, in XN", arguments: [0.5, 1.25, 1.9])
func equatorDistance(latitude: Double) throws {
    let net = try Synthetic.network()
    let p = try net.proximity(of: P(latitude, 30))
    #expect(p.country == "XN")
    #expect(p.border.description == "XN-XS")
    #expect(abs(p.metres - meridianArc(latitude)) < 0.001)
    #expect(abs(p.borderPoint.longitude - 30) < 1e-7 && abs(p.borderPoint.latitude) < 1e-9)
}

@Test("beyond the end of a meridian border the nearest point is its end") func meridianEnd() throws {
    // (3°N, 40°E) lies on the meridian of XE-XN beyond its end at 2°N: distance M(3°) − M(2°);
    // the equator border is M(3°) away, farther.
    let p = try Synthetic.network().proximity(of: P(3, 40))
    #expect(p.country == nil)
    #expect(p.border.description == "XE-XN")
    #expect(abs(p.metres - (meridianArc(3) - meridianArc(2))) < 0.001)
    #expect(abs(p.borderPoint.latitude - 2) < 1e-7)
}

@Test("at sea: no country, nearest border still measured") func atSea() throws {
    // (5°N, 30°E): nearest border point is (0°, 30°E) on XN-XS, M(5°) away (XE-XN is ~10° of
    // longitude away, about 1,100 km).
    let p = try Synthetic.network().proximity(of: P(5, 30))
    #expect(p.country == nil)
    #expect(p.border.description == "XN-XS")
    #expect(abs(p.metres - meridianArc(5)) < 0.001)
}

@Test("in a country with no land border: country found, nearest foreign border measured") func island() throws {
    // (10.5°N, 30.5°E) in XF; the nearest border point is (0°, 30.5°E): M(10.5°).
    let p = try Synthetic.network().proximity(of: P(10.5, 30.5))
    #expect(p.country == "XF")
    #expect(p.border.description == "XN-XS")
    #expect(abs(p.metres - meridianArc(10.5)) < 0.001)
}

@Test("a border asked for is measured even when another is nearer") func askedBorder() throws {
    // (1.5°N, 39.9°E) is ~11 km from the lon-40 border and M(1.5°) ≈ 166 km from the equator.
    let net = try Synthetic.network()
    let nearest = try net.proximity(of: P(1.5, 39.9))
    #expect(nearest.border.description == "XE-XN")
    #expect(nearest.metres < 12_000)
    let asked = try net.proximity(of: P(1.5, 39.9), options: ProximityOptions(border: BorderPair("XN", "XS"), withinMetres: 100_000))
    #expect(asked.border.description == "XN-XS")
    #expect(abs(asked.metres - meridianArc(1.5)) < 0.001)
    #expect(asked.within == false)
}

@Test("--country limits the borders to that country's") func countryScope() throws {
    // From (1.5°N, 39.9°E) the nearest border overall is XE-XN (~11 km). XS's borders are XN-XS
    // (the equator: M(1.5°) away, foot (0°, 39.9°E)) and XE-XS (whose nearest point, its northern
    // end (0°, 40°E), is farther than the foot on the equator).
    let net = try Synthetic.network()
    let p = try net.proximity(of: P(1.5, 39.9), options: ProximityOptions(country: "XS"))
    #expect(p.border.description == "XN-XS")
    #expect(abs(p.metres - meridianArc(1.5)) < 0.001)
    #expect(abs(p.borderPoint.longitude - 39.9) < 1e-7)
    #expect(p.country == "XN")
}

@Test("bad scopes are typed errors", arguments: [
    (ProximityOptions(country: "FR"), BorderAnalysisError.unknownCountry("FR")),
    (ProximityOptions(country: "XF"), .invalidGeometry("XF has no land border in the data")),
])
func badScope(options: ProximityOptions, error: BorderAnalysisError) throws {
    let net = try Synthetic.network()
    #expect(throws: error) { try net.proximity(of: P(1, 30), options: options) }
}

@Test("a pair of known countries without a border is reported as such") func noSharedBorder() throws {
    let net = try Synthetic.network()
    let pair = try BorderPair("XF", "XN")
    #expect(throws: BorderAnalysisError.noSharedBorder(pair)) { try net.proximity(of: P(1, 30), options: ProximityOptions(border: pair)) }
}

/// Resolves names from a fixed table (a stand-in for the gazetteer in these tests).
struct TableGeocoder: PlaceGeocoder {
    let table: [String: Position]
    func geocode(_ name: String, country: String?) throws -> GeocodedPlace? {
        table[name].map { GeocodedPlace(query: name, name: name.capitalized, placeID: "t-\(name)", position: $0) }
    }
}

@Test("many events: order kept, bad ones reported, name-only ones geocoded and marked") func batch() throws {
    let net = try Synthetic.network()
    var events: [Feature] = []
    for i in 0..<200 {   // enough to spread over several workers
        events.append(Feature(geometry: .point(P(0.01 * Double(i % 150) + 0.005, 25)), properties: ["n": .integer(Int64(i))]))
    }
    events[7] = Feature(geometry: nil, properties: ["n": 7, "location": "northtown"])
    events[8] = Feature(geometry: nil, properties: ["n": 8, "location": "atlantis"])
    events[9] = Feature(geometry: .lineString([P(0, 0), P(1, 1)]), properties: ["n": 9])
    events[10] = Feature(geometry: .point(P(95, 25)), properties: ["n": 10])
    let results = try net.proximity(of: events, options: ProximityOptions(withinMetres: 5_000, links: true),
                                    geocoder: TableGeocoder(table: ["northtown": P(1, 30)]))
    #expect(results.count == 200)
    for (i, r) in results.enumerated() where ![8, 9, 10].contains(i) {
        let e = try r.get()
        #expect(e.feature[property: "n"] == .integer(Int64(i)))   // input properties kept, order kept
        #expect(e.link != nil)
    }
    let geocoded = try results[7].get()
    #expect(geocoded.feature.geometry == .point(P(1, 30)))
    #expect(geocoded.feature[property: "geocoded"]?.objectValue?["by"] == "gazetteer")
    #expect(abs(geocoded.proximity.metres - meridianArc(1)) < 0.001)   // M(1°): closed form as above
    #expect(throws: BorderAnalysisError.badEvent(index: 8, message: "no coordinates, and the gazetteer has no place \"atlantis\"")) { try results[8].get() }
    #expect(throws: BorderAnalysisError.badEvent(index: 9, message: "geometry is a LineString; proximity measures Point events")) { try results[9].get() }
    #expect(throws: BorderAnalysisError.badEvent(index: 10, message: "coordinates latitude 95.0, longitude 25.0 are out of range")) { try results[10].get() }
    let first = try results[0].get().feature
    // 0.005° north of the equator: M(0.005°) ≈ 553 m, within 5 km.
    #expect(first[property: "within"] == .bool(true))
    #expect(first[property: "border"] == "XN-XS")
    #expect(first[property: "country"] == "XN")
    #expect(first[property: "border_source"] == "synthetic lines")
}
