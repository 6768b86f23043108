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
        // The sample has room for every label off the border line, so none crosses it.
        let d = try #require(try parsed.elements("//*[@id='layer-borders']/*[local-name()='path']").first?.value(of: "d"))
        for piece in d.split(separator: "M") {
            let points = piece.split(separator: "L").map { pair in
                let xy = pair.split(separator: " ").compactMap { Double($0) }
                return PixelPoint(x: xy[0], y: xy[1])
            }
            for (a, b) in zip(points, points.dropFirst()) {
                for label in labels { #expect(Clipper.clipSegment(a, b, label.box) == nil, "\(label.text) crosses the border") }
            }
        }
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

    @Test("two thousand scattered events: every placed label is clear of the others and of all markers")
    func manyLabels() throws {
        // A fixed linear congruential sequence (Numerical Recipes constants) keeps the test repeatable.
        var state: UInt32 = 12345
        func next() -> Double { state = state &* 1_664_525 &+ 1_013_904_223; return Double(state) / Double(UInt32.max) }
        let events = (0..<2000).map { i in SampleMap.point("Event \(i)", 50.5 + next(), 34.5 + 1.5 * next()) }
        let document = MapDocument(title: "Many", layers: [
            MapLayer(name: "events", kind: .events, features: FeatureCollection(features: events),
                     style: LayerStyle(stroke: nil, fill: "#c1121f", marker: .circle, markerRadius: 2, labelProperty: "name")),
        ])
        let map = try SVGMapRenderer().layout(document, projection: nil)
        let parsed = try ParsedSVG(map.svg)
        #expect(try parsed.featureCount(inLayer: "layer-events") == 2000)
        #expect(map.labels.count + map.droppedLabels.count == 2000)
        try expectNoCollisions(try parsed.labelBoxes().map(\.box), parsed)
    }

    func expectNoCollisions(_ boxes: [PixelRect], _ parsed: ParsedSVG) throws {
        let markers = try parsed.circleMarkerBoxes()
        let legend = try parsed.backgroundRect(ofGroup: "legend")
        let scale = try parsed.backgroundRect(ofGroup: "scale-bar")
        let frame = try parsed.backgroundRect(ofGroup: "map-background-group")
        let locator = try parsed.elements("//*[@id='locator']").isEmpty ? nil : try parsed.backgroundRect(ofGroup: "locator")
        var problems: [String] = []
        for (i, a) in boxes.enumerated() {
            if let locator, a.overlaps(locator) { problems.append("label \(i) covers the locator map") }
            if !frame.contains(a) { problems.append("label \(i) leaves the map frame") }
            if a.overlaps(legend) || a.overlaps(scale) { problems.append("label \(i) covers the legend or scale bar") }
            for b in boxes[(i + 1)...] where a.overlaps(b) { problems.append("labels \(a) and \(b) overlap") }
            // Coordinates in the SVG are rounded to 0.1 px, hence the 0.1 px tolerance.
            for m in markers where a.insetBy(0.1).overlaps(m) { problems.append("label \(a) covers marker \(m)") }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test("escapes text so that titles and names survive as written")
    func escaping() throws {
        let nasty = "Strikes <near> \"Sumy\" & 'Kursk' </svg>"
        let places = [SampleMap.point("Tom & Jerry <b>", 51.0, 35.0), SampleMap.point("Кур'ск", 51.3, 35.4)]
        let parsed = try ParsedSVG(try SVGMapRenderer().render(SampleMap.document(title: nasty, places: places)))
        #expect(try parsed.elements("//*[@id='title']/*").first?.stringValue == nasty)
        #expect(Set(try parsed.labelBoxes().map(\.text)).isSuperset(of: ["Tom & Jerry <b>", "Кур'ск"]))
    }

    @Test("a locator map seven times wider outlines the main frame, only when there are countries")
    func locator() throws {
        let outline = try #require(try parsed.elements("//*[@id='locator']//*[local-name()='path'][@stroke='#8c1c3a']").first?.value(of: "d"))
        let xy = outline.dropFirst().dropLast().split(separator: "L").map { $0.split(separator: " ").compactMap { Double($0) } }
        let xs = xy.map { $0[0] }, ys = xy.map { $0[1] }
        let frame = try parsed.backgroundRect(ofGroup: "map-background-group")
        let inset = try parsed.backgroundRect(ofGroup: "locator")
        // Same projection, uniform scale: the locator spans LocatorInset.zoomOut = 7 main-map widths, so
        // the outline is 1/7 of the locator wide and keeps the frame's proportions (to the SVG's 0.1 px).
        #expect(abs((xs.max()! - xs.min()!) - inset.width / 7) < 0.2)
        #expect(abs((ys.max()! - ys.min()!) - inset.width / 7 * frame.height / frame.width) < 0.2)
        var document = SampleMap.document()
        document.layers.removeAll { $0.kind == .countries }
        #expect(try ParsedSVG(try SVGMapRenderer().render(document)).elements("//*[@id='locator']").isEmpty)
    }

    @Test("an area in a layer of points is tinted, not filled solid")
    func areaInPointLayer() throws {
        let district = Feature(geometry: .polygon([[SampleMap.p(51.0, 35.0), SampleMap.p(51.0, 35.3), SampleMap.p(51.2, 35.3),
                                                     SampleMap.p(51.2, 35.0), SampleMap.p(51.0, 35.0)]]),
                               properties: ["name": "Sudzha district"])
        let parsed = try ParsedSVG(try SVGMapRenderer().render(SampleMap.document(places: SampleMap.places + [district])))
        let path = try #require(try parsed.elements("//*[@id='layer-places']/*[local-name()='path']").first)
        #expect(path.value(of: "fill-opacity") == "0.2")
        #expect(try parsed.featureCount(inLayer: "layer-places") == 12)
    }

    @Test("a long title shrinks, then is cut with an ellipsis, to stay on the page")
    func longTitle() throws {
        let long = String(repeating: "Shelling reported along the Sumy border ", count: 6)
        let parsed = try ParsedSVG(try SVGMapRenderer().render(SampleMap.document(title: long)))
        let title = try #require(try parsed.elements("//*[@id='title']/*").first)
        let text = try #require(title.stringValue)
        let size = try #require(Double(title.value(of: "font-size") ?? ""))
        // Page 1000 px minus 20 px margins; bold is estimated 8 % wider (PageLayout.fit).
        #expect(text.hasSuffix("…") && size == 15)
        #expect(estimatedTextWidth(text, fontSize: size) * 1.08 <= 960)
        // The full title is kept in the document's <title> for screen readers.
        #expect(try parsed.elements("/*/*[local-name()='title']").first?.stringValue == long)
    }

    @Test("the same document gives the same bytes, also when rendered on several threads at once")
    func deterministic() async throws {
        #expect(try SVGMapRenderer().render(SampleMap.document()) == svg)
        let outputs = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<4 { group.addTask { try SVGMapRenderer().render(SampleMap.document()) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outputs.count == 4 && outputs.allSatisfy { $0 == svg })
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
        let projection = try lambertAzimuthalEqualArea(centre: Position(latitude: 51, longitude: 20))
        let map = try SVGMapRenderer().layout(Self.onePoint, projection: projection)
        // PROJ 9.1.1: `proj +proj=laea +lat_0=51 +lon_0=20 +ellps=WGS84` maps 35°E 51.2°N to
        // (1040020.5061, 128449.9335) and 35°E 51.201°N to (1039997.9487, 128559.2592): north points
        // atan2(−22.5574, 109.3257) = −11.658° (to the left). The renderer differentiates over
        // 0.001° too, so agreement is to rounding.
        #expect(abs(map.northAngle - (-11.658)) < 0.005)
        #expect(map.northArrowDrawn)
        let arrow = try #require(try ParsedSVG(map.svg).elements("//*[@id='north-arrow']").first)
        #expect(arrow.value(of: "data-angle") == "-11.66")
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
