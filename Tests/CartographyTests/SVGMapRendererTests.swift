import Foundation
import GeoJSON
import Testing
@testable import Cartography

@Suite("SVG map")
struct SVGMapRendererTests {
    let svg: String
    let parsed: ParsedSVG

    init() throws {
        svg = try SVGMapRenderer().render(SampleMap.document())
        parsed = try ParsedSVG(svg)
    }

    @Test("is well-formed XML with one group per layer, in drawing order")
    func layerGroups() throws {
        // Drawing order is countries, zones, borders, depth lines, claims, places, events (LayerKind.drawingRank).
        #expect(try parsed.layerIDs() == ["layer-countries", "layer-zones", "layer-borders", "layer-depth-lines", "layer-places", "layer-events"])
    }

    @Test("draws every sample feature", arguments: [
        ("layer-countries", 2), ("layer-zones", 2), ("layer-borders", 1), ("layer-depth-lines", 1),
        ("layer-places", 11), ("layer-events", 2),
    ])  // counts of SampleMap.document(): all its features lie inside the frame fitted to them
    func featureCounts(layer: String, count: Int) throws {
        #expect(try parsed.featureCount(inLayer: layer) == count)
        #expect(try parsed.attribute("data-feature-count", ofElementWithID: layer) == String(count))
    }

    @Test("labels every sample point, and no two labels, markers or map furniture overlap")
    func labelsDoNotOverlap() throws {
        let labels = try parsed.labelBoxes()
        // 11 places + 2 events + the depth line's label; the sample is sparse enough for all to fit.
        #expect(labels.count == 14)
        let expected = (SampleMap.places + SampleMap.events).compactMap { $0[property: "name"]?.stringValue } + [SampleMap.depthLabel]
        #expect(Set(labels.map(\.text)) == Set(expected))
        try expectNoCollisions(labels.map(\.box), parsed)
    }

    @Test("a crowded cluster keeps labels apart and drops or leads out the rest")
    func crowdedLabels() throws {
        // 8 × 8 points 0.02° apart (about 1.4 km × 2.2 km at 51° N): far more labels than room.
        var cluster: [Feature] = []
        for i in 0..<8 { for j in 0..<8 {
            cluster.append(SampleMap.point("Village \(i)-\(j)", 51.0 + 0.02 * Double(i), 35.0 + 0.02 * Double(j)))
        } }
        let document = MapDocument(title: "Crowded", layers: [
            MapLayer(name: "places", kind: .places, features: FeatureCollection(features: cluster)),
        ])
        let map = try SVGMapRenderer().layout(document, projection: nil)
        let parsed = try ParsedSVG(map.svg)
        let labels = try parsed.labelBoxes()
        #expect(labels.count == map.labels.count)
        #expect(labels.count + map.droppedLabels.count == 64)
        #expect(!map.droppedLabels.isEmpty)
        #expect(labels.count >= 10)
        try expectNoCollisions(labels.map(\.box), parsed)
        // A leader line exists for each label placed away from its point.
        #expect(try parsed.elements("//*[@id='leaders']/*").count == map.labels.filter { $0.leader != nil }.count)
    }

    func expectNoCollisions(_ boxes: [PixelRect], _ parsed: ParsedSVG) throws {
        let markers = try parsed.circleMarkerBoxes()
        let legend = try parsed.backgroundRect(ofGroup: "legend")
        let scale = try parsed.backgroundRect(ofGroup: "scale-bar")
        let frame = try parsed.backgroundRect(ofGroup: "map-background-group")
        for (i, a) in boxes.enumerated() {
            #expect(frame.contains(a), "label \(i) leaves the map frame")
            #expect(!a.overlaps(legend) && !a.overlaps(scale), "label \(i) covers the legend or scale bar")
            for b in boxes[(i + 1)...] { #expect(!a.overlaps(b), "labels \(a) and \(b) overlap") }
            // Coordinates in the SVG are rounded to 0.1 px, hence the 0.1 px tolerance.
            for m in markers { #expect(!a.insetBy(0.1).overlaps(m), "label \(a) covers marker \(m)") }
        }
    }

    @Test("escapes text so that titles and names survive as written")
    func escaping() throws {
        let nasty = "Strikes <near> \"Sumy\" & 'Kursk' </svg>"
        let places = [SampleMap.point("Tom & Jerry <b>", 51.0, 35.0), SampleMap.point("Кур'ск", 51.3, 35.4)]
        let parsed = try ParsedSVG(try SVGMapRenderer().render(SampleMap.document(title: nasty, places: places)))
        #expect(try parsed.elements("//*[@id='title']/*").first?.stringValue == nasty)
        #expect(Set(try parsed.labelBoxes().map(\.text)).isSuperset(of: ["Tom & Jerry <b>", "Кур'ск"]))
    }

    @Test("the same document gives the same bytes")
    func deterministic() throws {
        #expect(try SVGMapRenderer().render(SampleMap.document()) == svg)
    }

    @Test("credits the data and names the projection")
    func attribution() throws {
        let lines = try parsed.elements("//*[@id='attribution']/*[@class='attribution-line']").compactMap(\.stringValue)
        #expect(lines == [Attribution.geoNames, Attribution.openStreetMap, Attribution.dcw])
        #expect(svg.contains("Lambert azimuthal equal-area"))
    }
}

@Suite("scale bar and north arrow")
struct ScaleAndNorthTests {
    /// Ground length of the drawn bar in a projection whose scale is known in closed form.
    @Test("the scale bar's pixel length is its stated kilometres on the ground at the map centre")
    func scaleBarLength() throws {
        let centre = Position(latitude: 51.2, longitude: 35.0)
        let document = MapDocument(title: "Scale", layers: [
            MapLayer(name: "places", kind: .places, features: FeatureCollection(features: [
                SampleMap.point("A", 51.0, 34.6), SampleMap.point("B", 51.4, 35.4),
            ])),
        ])
        let map = try SVGMapRenderer().layout(document, projection: PlateCarreeTestProjection(centre: centre))
        let parsed = try ParsedSVG(map.svg)
        let km = try #require(Double(try parsed.attribute("data-km", ofElementWithID: "scale-bar") ?? ""))
        let pixels = try #require(Double(try parsed.attribute("data-pixel-length", ofElementWithID: "scale-bar") ?? ""))
        // The bar spans pixels / pixelsPerMetre planar metres = that / 100 km degrees of longitude,
        // measured along the parallel through the frame centre.
        let latitude = try #require(map.frame.centrePosition).latitude
        let degrees = pixels / map.frame.pixelsPerMetre / PlateCarreeTestProjection.metresPerDegree
        // Length of a parallel arc on WGS84: N(φ)·cos φ·Δλ with N = a / √(1 − e² sin² φ) (the radius
        // of curvature in the prime vertical). Over tens of km it is within 0.1 m of the geodesic:
        // PROJ's `geod +ellps=WGS84 -I` gives 34 947.661 m from 51.2°N 35°E to 51.2°N 35.5°E, the
        // formula 34 947.729 m.
        let a = 6_378_137.0, f = 1 / 298.257223563, e2 = f * (2 - f)
        let phi = latitude * .pi / 180
        let primeVerticalRadius: Double = a / (1 - e2 * sin(phi) * sin(phi)).squareRoot()
        let groundMetres: Double = primeVerticalRadius * cos(phi) * (degrees * Double.pi / 180)
        // The bar is measured with GeographicLib's geodesic over ±50 px and scaled up; in this
        // projection the scale along the parallel is constant, so only the arc/geodesic difference
        // (centimetres) and the 3-decimal rounding of data-pixel-length remain.
        let relativeError: Double = abs(groundMetres - km * 1000) / (km * 1000)
        #expect(relativeError < 1e-5, "bar of \(km) km measures \(groundMetres) m")
        // The bar is a round length about a fifth of the frame wide.
        let mantissa: Double = km / pow(10, floor(log10(km)))
        #expect([1.0, 2, 5].contains(mantissa))
        #expect(pixels > 0.08 * map.frame.rect.width && pixels <= 0.22 * map.frame.rect.width)
        // The caption says where the scale holds.
        #expect(map.svg.contains("Scale true at the map centre"))
    }

    @Test("round lengths", arguments: [(137.0, 100.0), (260.0, 200.0), (7.3, 5.0), (0.045, 0.02), (50.0, 50.0)])  // 1-2-5 series by hand
    func roundLength(limit: Double, expected: Double) {
        #expect(abs(ScaleBarLayout.roundLength(atMost: limit) - expected) < 1e-12)
    }

    static let onePoint = MapDocument(title: "North", layers: [
        MapLayer(name: "events", kind: .events, features: FeatureCollection(features: [SampleMap.point("E", 51.2, 35.0)])),
    ])

    @Test("no north arrow when the projection is centred on the data (north is up)")
    func noArrowWhenNorthIsUp() throws {
        let map = try SVGMapRenderer().layout(Self.onePoint, projection: nil)
        #expect(abs(map.northAngle) < 1e-6)
        #expect(!map.northArrowDrawn)
        #expect(try ParsedSVG(map.svg).elements("//*[@id='north-arrow']").isEmpty)
    }

    @Test("a north arrow at the angle of the meridian when the projection is centred elsewhere")
    func arrowWhenNorthIsTurned() throws {
        let projection = SphericalLambertFallback(centre: Position(latitude: 51, longitude: 20))
        let map = try SVGMapRenderer().layout(Self.onePoint, projection: projection)
        // PROJ 9.1.1: `proj +proj=laea +lat_0=51 +lon_0=20 +ellps=WGS84` maps 35°E 51.2°N to
        // (1040020.5061, 128449.9335) and 35°E 51.201°N to (1039997.9487, 128559.2592): north points
        // atan2(−22.5574, 109.3257) = −11.66° (to the left). On the sphere (+R=6371007.181): −11.67°.
        #expect(abs(map.northAngle - (-11.66)) < 0.05)
        #expect(map.northArrowDrawn)
        let arrow = try #require(try ParsedSVG(map.svg).elements("//*[@id='north-arrow']").first)
        #expect(arrow.value(of: "data-angle") == "-11.66" || arrow.value(of: "data-angle") == "-11.67")
    }
}

@Suite("map errors")
struct MapErrorTests {
    @Test("a position outside WGS84's range names its layer and feature")
    func invalidPosition() {
        let places = [SampleMap.point("ok", 51, 35), SampleMap.point("bad", 95, 35)]
        #expect(throws: CartographyError.invalidPosition(layer: "places", feature: 1, latitude: 95, longitude: 35)) {
            try SVGMapRenderer().render(SampleMap.document(places: places))
        }
        #expect(throws: CartographyError.invalidPosition(layer: "places", feature: 1, latitude: 95, longitude: 35)) {
            try HTMLViewerWriter().html(for: SampleMap.document(places: places))
        }
    }

    @Test("nothing to draw")
    func empty() {
        let document = MapDocument(title: "Empty", layers: [MapLayer(name: "places", kind: .places, features: FeatureCollection(features: []))])
        #expect(throws: CartographyError.nothingToDraw) { try SVGMapRenderer().render(document) }
        #expect(throws: CartographyError.nothingToDraw) { try HTMLViewerWriter().html(for: document) }
    }

    @Test("an unusable image size")
    func size() {
        #expect(throws: CartographyError.invalidSize(width: 100, height: 100)) {
            try SVGMapRenderer(options: .init(width: 100, height: 100)).render(SampleMap.document())
        }
    }
}
