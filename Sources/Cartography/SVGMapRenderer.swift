import Foundation
import GeoJSON

/// Draws a `MapDocument` as a static SVG map a newsroom can publish: Lambert azimuthal equal-area
/// centred on the data, country outlines clipped to the frame, emphasised borders, distance bands,
/// depth lines, marked and labelled points (labels never overlap: greedy placement with leader
/// lines, dropping what does not fit), a scale bar in km measured at the map centre, a north arrow
/// when north is not straight up, a legend, the title and the attribution.
///
/// Output is well-formed XML (all text escaped) and deterministic: the same document and options
/// give the same bytes. Each layer is one `<g id="layer-IDENTIFIER">` whose drawn features carry
/// `class="feature"`. Thread-safe value; rendering is O(n) in the positions drawn plus O(m²) in the
/// m labels.
public struct SVGMapRenderer: Sendable {
    /// Size and typography of the map.
    public struct Options: Sendable, Hashable {
        /// Image width and height in pixels (SVG user units); at least 320×240.
        public var width: Double
        public var height: Double
        /// Size of point labels in pixels.
        public var labelFontSize: Double
        /// Empty space around the data, as a fraction of its span on each side.
        public var padding: Double
        /// The smallest span the frame shows, in metres, so a single point still has context.
        public var minimumSpanMetres: Double

        /// Options for a 1000 × 760 px map with 12 px labels by default.
        public init(width: Double = 1000, height: Double = 760, labelFontSize: Double = 12,
                    padding: Double = 0.12, minimumSpanMetres: Double = 30_000) {
            self.width = width; self.height = height; self.labelFontSize = labelFontSize
            self.padding = padding; self.minimumSpanMetres = minimumSpanMetres
        }
    }

    /// How big and how padded the map is.
    public var options: Options

    /// A renderer with `options`.
    public init(options: Options = Options()) { self.options = options }

    /// The SVG text of `document` in a Lambert azimuthal equal-area projection centred on the
    /// extent of its data layers (all visible layers except countries and borders).
    /// - Throws: `CartographyError.nothingToDraw` when no visible layer has a geometry,
    ///   `.invalidPosition` for a coordinate outside WGS84's range (naming layer and feature),
    ///   `.invalidSize` for an image smaller than 320×240, `.projectionFailed` when a needed point
    ///   cannot be projected.
    public func render(_ document: MapDocument) throws(CartographyError) -> String {
        try layout(document, projection: nil).svg
    }

    /// The SVG text of `document` drawn in `projection` (for a projection chosen by the caller).
    /// - Throws: as `render(_:)`.
    public func render(_ document: MapDocument, projection: any MapProjection) throws(CartographyError) -> String {
        try layout(document, projection: projection).svg
    }

    /// Everything the renderer decided, for tests and for the HTML viewer's shared frame.
    func layout(_ document: MapDocument, projection: (any MapProjection)?) throws(CartographyError) -> RenderedMap {
        let o = options
        guard o.width.isFinite, o.height.isFinite, o.width >= 320, o.height >= 240 else {
            throw .invalidSize(width: o.width, height: o.height)
        }
        try document.validatePositions()
        let page = PageLayout(options: o, document: document)
        let frame = try Self.frame(for: document, projection: projection, in: page.mapRect, options: o)
        var svg = SVGText()
        var placer = LabelPlacer(bounds: page.mapRect.insetBy(3), fontSize: o.labelFontSize)

        svg.open(document: document, options: o, frame: frame)
        svg.line("<g id=\"map-background-group\"><rect id=\"map-background\" x=\"\(coordinate(page.mapRect.minX))\" y=\"\(coordinate(page.mapRect.minY))\" width=\"\(coordinate(page.mapRect.width))\" height=\"\(coordinate(page.mapRect.height))\" fill=\"\(document.layers.contains { $0.kind == .countries && $0.isVisible } ? "#dfe9ef" : "#fbfaf6")\"/></g>")

        // Features, back to front, inside the frame's clip path.
        svg.line("<g id=\"map-body\" clip-path=\"url(#map-frame)\">")
        let geoBounds = frame.geographicBounds(margin: 1)
        var labelRequests: [LabelRequest] = []
        var areaLabels: [LabelRequest] = []
        for layer in document.drawingOrder {
            let drawn = FeatureDrawer(frame: frame, layer: layer, geographicBounds: geoBounds).draw()
            svg.layerGroup(layer, elements: drawn.elements)
            for marker in drawn.markers { placer.reserve(marker.box) }
            for line in drawn.obstacleLines { placer.avoid(line: line) }
            labelRequests += drawn.labels
            areaLabels += drawn.areaLabels
        }
        svg.line("</g>")

        // Furniture first, so that labels keep clear of it.
        let legend = LegendLayout(layers: document.drawingOrder, in: page.mapRect)
        placer.reserve(legend.box)
        let locator = try LocatorInset(document: document, main: frame)
        if let locator { placer.reserve(locator.box) }
        let scaleBar = try ScaleBarLayout(frame: frame, in: page.mapRect)
        placer.reserve(scaleBar.box)
        let northAngle = frame.northAngleAtCentre
        let north = abs(northAngle) >= NorthArrow.threshold ? NorthArrow(angle: northAngle, in: page.mapRect) : nil
        if let north { placer.reserve(north.box) }

        // Point labels by priority (events, places, claims), then country names where room is left.
        for request in labelRequests.sorted(by: { $0.priority > $1.priority }) {
            placer.place(request.text, at: request.anchor, radius: request.radius, layer: request.layer)
        }
        var countryLabels = LabelPlacer(bounds: page.mapRect.insetBy(3), fontSize: 13)
        for box in placer.occupied { countryLabels.reserve(box) }
        for request in areaLabels { countryLabels.placeCentred(request.text, at: request.anchor, layer: request.layer) }

        svg.labels(placer.placed, countryLabels: countryLabels.placed, fontSize: o.labelFontSize)
        svg.line("<rect id=\"frame-border\" x=\"\(coordinate(page.mapRect.minX))\" y=\"\(coordinate(page.mapRect.minY))\" width=\"\(coordinate(page.mapRect.width))\" height=\"\(coordinate(page.mapRect.height))\" fill=\"none\" stroke=\"#5c5750\" stroke-width=\"0.8\"/>")
        svg.append(legend.svg())
        if let locator { svg.append(locator.svg) }
        svg.append(scaleBar.svg())
        if let north { svg.append(north.svg()) }
        svg.append(page.titleSVG(document))
        svg.append(page.footerSVG(document, projection: frame.projection.summary))
        svg.line("</svg>")
        return RenderedMap(svg: svg.text, frame: frame, labels: placer.placed, countryLabels: countryLabels.placed,
                           droppedLabels: placer.dropped, scaleBar: scaleBar, northAngle: northAngle,
                           northArrowDrawn: north != nil, legend: legend)
    }

    /// The frame fitted to `document`'s data in `projection`, or in LAEA centred on the data.
    /// Positions must have been validated (`MapDocument.validatePositions`).
    static func frame(for document: MapDocument, projection: (any MapProjection)?, in rect: PixelRect,
                      options o: Options) throws(CartographyError) -> MapFrame {
        let chosen: any MapProjection
        if let projection { chosen = projection } else { chosen = try localProjection(for: document) }
        return try MapFrame.fitting(document, projection: chosen, in: rect, padding: o.padding, minimumSpan: o.minimumSpanMetres)
    }
}

/// What the renderer decided: the SVG text and the placements behind it.
struct RenderedMap {
    var svg: String
    var frame: MapFrame
    var labels: [PlacedLabel]
    var countryLabels: [PlacedLabel]
    var droppedLabels: [String]
    var scaleBar: ScaleBarLayout
    var northAngle: Double
    var northArrowDrawn: Bool
    var legend: LegendLayout
}

/// A label a feature asks for.
struct LabelRequest {
    var text: String
    var anchor: PixelPoint
    var radius: Double
    var layer: String
    var priority: Int
}

/// Where the title, the map frame and the footer go on the page.
struct PageLayout {
    let width: Double, height: Double
    let mapRect: PixelRect
    let footerLines: Int

    init(options: SVGMapRenderer.Options, document: MapDocument) {
        width = options.width; height = options.height
        footerLines = document.attribution.count + 1
        let top: Double = document.subtitle == nil ? 52 : 70
        let footer = 16 + 15 * Double(footerLines)
        mapRect = PixelRect(minX: 20, minY: top, maxX: width - 20, maxY: height - footer)
    }

    func titleSVG(_ d: MapDocument) -> String {
        let (title, titleSize) = Self.fit(d.title, width: width - 40, size: 22, smallest: 15, boldness: 1.08)
        var s = "<g id=\"title\">\n<text x=\"20\" y=\"34\" font-size=\"\(coordinate(titleSize))\" font-weight=\"700\" fill=\"#1f1d1a\">\(xmlEscaped(title))</text>\n"
        if let sub = d.subtitle {
            let (subtitle, size) = Self.fit(sub, width: width - 40, size: 13, smallest: 11, boldness: 1)
            s += "<text x=\"20\" y=\"56\" font-size=\"\(coordinate(size))\" fill=\"#5c5750\">\(xmlEscaped(subtitle))</text>\n"
        }
        return s + "</g>\n"
    }

    /// `text` at the largest size from `size` down to `smallest` (1 px steps) whose estimated width
    /// fits `width`; cut with an ellipsis at `smallest` when nothing fits.
    static func fit(_ text: String, width: Double, size: Double, smallest: Double, boldness: Double) -> (String, Double) {
        var s = size
        while s > smallest, estimatedTextWidth(text, fontSize: s) * boldness > width { s -= 1 }
        guard estimatedTextWidth(text, fontSize: s) * boldness > width else { return (text, s) }
        var cut = Substring(text)
        while !cut.isEmpty, estimatedTextWidth(cut + "…", fontSize: s) * boldness > width { cut = cut.dropLast() }
        return (cut.trimmingCharacters(in: .whitespaces) + "…", s)
    }

    func footerSVG(_ d: MapDocument, projection: String) -> String {
        var s = "<g id=\"attribution\" font-size=\"10.5\" fill=\"#5c5750\">\n"
        var y = mapRect.maxY + 17
        s += "<text x=\"20\" y=\"\(coordinate(y))\">\(xmlEscaped("Projection: \(projection). Scale bar measured at the map centre (\(groundDistanceMethod)); true there only."))</text>\n"
        for line in d.attribution {
            y += 15
            s += "<text class=\"attribution-line\" x=\"20\" y=\"\(coordinate(y))\">\(xmlEscaped(line))</text>\n"
        }
        return s + "</g>\n"
    }
}

/// Accumulates the SVG text.
struct SVGText {
    private(set) var text = ""

    mutating func line(_ s: String) { text += s; text += "\n" }
    mutating func append(_ s: String) { text += s }

    mutating func open(document: MapDocument, options o: SVGMapRenderer.Options, frame: MapFrame) {
        line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        line("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(coordinate(o.width))\" height=\"\(coordinate(o.height))\" viewBox=\"0 0 \(coordinate(o.width)) \(coordinate(o.height))\" font-family=\"'Helvetica Neue', Helvetica, Arial, 'DejaVu Sans', sans-serif\">")
        line("<title>\(xmlEscaped(document.title))</title>")
        line("<desc>\(xmlEscaped(frame.projection.summary))</desc>")
        line("<defs>")
        let r = frame.rect
        line("<clipPath id=\"map-frame\"><rect x=\"\(coordinate(r.minX))\" y=\"\(coordinate(r.minY))\" width=\"\(coordinate(r.width))\" height=\"\(coordinate(r.height))\"/></clipPath>")
        for layer in document.drawingOrder where layer.kind == .depthLines {
            line("<marker id=\"arrow-\(layer.identifier)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" fill=\"\(xmlEscaped(layer.style.stroke ?? "#000"))\"/></marker>")
        }
        line("</defs>")
        line("<rect id=\"page\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>")
    }

    mutating func layerGroup(_ layer: MapLayer, elements: [String]) {
        let s = layer.style
        var attrs = "id=\"layer-\(layer.identifier)\" class=\"layer layer-\(layer.kind.rawValue)\" data-title=\"\(xmlEscaped(layer.title))\" data-feature-count=\"\(elements.count)\""
        attrs += " fill=\"\(xmlEscaped(s.fill ?? "none"))\" stroke=\"\(xmlEscaped(s.stroke ?? "none"))\" stroke-width=\"\(coordinate(s.strokeWidth))\""
        if s.fill != nil, s.fillOpacity < 1 { attrs += " fill-opacity=\"\(fixed(s.fillOpacity, 2))\"" }
        if s.opacity < 1 { attrs += " opacity=\"\(fixed(s.opacity, 2))\"" }
        if !s.dash.isEmpty { attrs += " stroke-dasharray=\"\(s.dash.map(coordinate).joined(separator: " "))\"" }
        attrs += " stroke-linejoin=\"round\" stroke-linecap=\"round\""
        if layer.kind == .depthLines { attrs += " marker-end=\"url(#arrow-\(layer.identifier))\"" }
        line("<g \(attrs)>")
        for e in elements { line(e) }
        line("</g>")
    }

    mutating func labels(_ labels: [PlacedLabel], countryLabels: [PlacedLabel], fontSize: Double) {
        line("<g id=\"country-labels\" font-size=\"13\" letter-spacing=\"2\" fill=\"#8a8276\" font-weight=\"600\">")
        for l in countryLabels {
            line("<text x=\"\(coordinate(l.baseline.x))\" y=\"\(coordinate(l.baseline.y))\">\(xmlEscaped(l.text))</text>")
        }
        line("</g>")
        line("<g id=\"leaders\" stroke=\"#5c5750\" stroke-width=\"0.8\">")
        for l in labels {
            if let leader = l.leader {
                line("<line x1=\"\(coordinate(leader.from.x))\" y1=\"\(coordinate(leader.from.y))\" x2=\"\(coordinate(leader.to.x))\" y2=\"\(coordinate(leader.to.y))\"/>")
            }
        }
        line("</g>")
        line("<g id=\"labels\" font-size=\"\(coordinate(fontSize))\" fill=\"#1f1d1a\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">")
        for l in labels {
            line("<text class=\"label\" data-layer=\"\(xmlEscaped(l.layer))\" data-box=\"\(coordinate(l.box.minX)) \(coordinate(l.box.minY)) \(coordinate(l.box.width)) \(coordinate(l.box.height))\" x=\"\(coordinate(l.baseline.x))\" y=\"\(coordinate(l.baseline.y))\">\(xmlEscaped(l.text))</text>")
        }
        line("</g>")
    }
}
