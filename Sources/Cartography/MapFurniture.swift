import Foundation
import GeoJSON

/// The legend: one entry per drawn layer, points first, in a box at the frame's top right.
struct LegendLayout {
    let entries: [MapLayer]
    let box: PixelRect
    private static let rowHeight = 20.0, fontSize = 12.0

    init(layers: [MapLayer], in rect: PixelRect) {
        entries = layers.reversed()
        let textWidth = entries.map { estimatedTextWidth($0.title, fontSize: Self.fontSize) }.max() ?? 0
        let width = max(textWidth, estimatedTextWidth("Legend", fontSize: 11)) + 50
        let height = 30 + Self.rowHeight * Double(entries.count)
        box = PixelRect(minX: rect.maxX - 12 - width, minY: rect.minY + 12, maxX: rect.maxX - 12, maxY: rect.minY + 12 + height)
    }

    func svg() -> String {
        var s = "<g id=\"legend\" font-size=\"\(coordinate(Self.fontSize))\" fill=\"#1f1d1a\">\n"
        s += "<rect x=\"\(coordinate(box.minX))\" y=\"\(coordinate(box.minY))\" width=\"\(coordinate(box.width))\" height=\"\(coordinate(box.height))\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"#c9c3b8\" stroke-width=\"0.8\"/>\n"
        s += "<text x=\"\(coordinate(box.minX + 10))\" y=\"\(coordinate(box.minY + 17))\" font-size=\"11\" font-weight=\"700\" letter-spacing=\"1\" fill=\"#5c5750\">LEGEND</text>\n"
        for (i, layer) in entries.enumerated() {
            let y = box.minY + 24 + Self.rowHeight * Double(i)
            s += "<g class=\"legend-entry\" data-layer=\"\(xmlEscaped(layer.identifier))\">"
            s += swatch(layer, x: box.minX + 10, y: y + 3, width: 22, height: 14)
            s += "<text x=\"\(coordinate(box.minX + 40))\" y=\"\(coordinate(y + 14.5))\">\(xmlEscaped(layer.title))</text></g>\n"
        }
        return s + "</g>\n"
    }

    private func swatch(_ layer: MapLayer, x: Double, y: Double, width: Double, height: Double) -> String {
        let st = layer.style
        var common = "stroke=\"\(xmlEscaped(st.stroke ?? "none"))\" stroke-width=\"\(coordinate(min(st.strokeWidth, 3)))\""
        if !st.dash.isEmpty { common += " stroke-dasharray=\"\(st.dash.map(coordinate).joined(separator: " "))\"" }
        switch layer.kind {
        case .countries, .zones:
            let opacity = st.fillOpacity < 1 ? " fill-opacity=\"\(fixed(min(1, st.fillOpacity * 2), 2))\"" : ""
            return "<rect x=\"\(coordinate(x))\" y=\"\(coordinate(y))\" width=\"\(coordinate(width))\" height=\"\(coordinate(height))\" fill=\"\(xmlEscaped(st.fill ?? "none"))\"\(opacity) \(common)/>"
        case .borders, .depthLines:
            return "<line x1=\"\(coordinate(x))\" y1=\"\(coordinate(y + height / 2))\" x2=\"\(coordinate(x + width))\" y2=\"\(coordinate(y + height / 2))\" \(common)/>"
        case .places, .events, .claims:
            let cx = x + width / 2, cy = y + height / 2, r = min(st.markerRadius, 6)
            let fill = "fill=\"\(xmlEscaped(st.fill ?? "none"))\" stroke=\"\(xmlEscaped(st.stroke ?? "none"))\" stroke-width=\"\(coordinate(st.strokeWidth))\""
            switch st.marker {
            case .square:
                return "<rect x=\"\(coordinate(cx - r))\" y=\"\(coordinate(cy - r))\" width=\"\(coordinate(2 * r))\" height=\"\(coordinate(2 * r))\" \(fill)/>"
            case .diamond:
                let s = r * 1.25
                return "<path d=\"M\(coordinate(cx)) \(coordinate(cy - s))L\(coordinate(cx + s)) \(coordinate(cy))L\(coordinate(cx)) \(coordinate(cy + s))L\(coordinate(cx - s)) \(coordinate(cy))Z\" \(fill)/>"
            case .triangle:
                return "<path d=\"M\(coordinate(cx)) \(coordinate(cy - r * 1.2))L\(coordinate(cx + r * 1.1)) \(coordinate(cy + r * 0.8))L\(coordinate(cx - r * 1.1)) \(coordinate(cy + r * 0.8))Z\" \(fill)/>"
            case .circle, .none:
                return "<circle cx=\"\(coordinate(cx))\" cy=\"\(coordinate(cy))\" r=\"\(coordinate(r))\" \(fill)/>"
            }
        }
    }
}

/// The scale bar: a round number of kilometres whose pixel length is measured on the ground at the
/// frame centre. On an equal-area projection the scale changes across the map, so the caption says
/// where the bar is true.
struct ScaleBarLayout {
    /// The length the bar stands for, in kilometres.
    let kilometres: Double
    /// Its length on the map, in pixels.
    let pixelLength: Double
    /// Ground metres per pixel at the frame centre, measured east–west.
    let metresPerPixel: Double
    /// Where on the ground the scale was measured.
    let measuredAt: Position
    let box: PixelRect
    let caption: String

    /// - Throws: `CartographyError.projectionFailed` when the frame centre cannot be unprojected.
    init(frame: MapFrame, in rect: PixelRect) throws(CartographyError) {
        let c = frame.rect.centre, half = 50.0
        guard let centre = frame.position(c),
              let west = frame.position(PixelPoint(x: c.x - half, y: c.y)),
              let east = frame.position(PixelPoint(x: c.x + half, y: c.y)) else {
            throw .projectionFailed("the map centre, for the scale bar")
        }
        measuredAt = centre
        metresPerPixel = try groundDistance(west, east) / (2 * half)
        kilometres = Self.roundLength(atMost: rect.width * 0.22 * metresPerPixel / 1000)
        pixelLength = kilometres * 1000 / metresPerPixel
        caption = "Scale true at the map centre (\(formatLatLon(centre, decimals: 1)))"
        let width = max(pixelLength + 40, estimatedTextWidth(caption, fontSize: 9.5) + 20)
        box = PixelRect(minX: rect.minX + 12, minY: rect.maxY - 12 - 50, maxX: rect.minX + 12 + width, maxY: rect.maxY - 12)
    }

    /// The largest 1, 2 or 5 × 10ⁿ km not above `limit` (at least 0.001 km).
    static func roundLength(atMost limit: Double) -> Double {
        guard limit.isFinite, limit > 0.001 else { return 0.001 }
        let magnitude = pow(10, floor(log10(limit)))
        for step in [5.0, 2, 1] where step * magnitude <= limit * (1 + 1e-9) { return step * magnitude }
        return magnitude
    }

    static func kmText(_ km: Double) -> String {
        km >= 1 && km == km.rounded() ? fixed(km, 0) : (km * 10 == (km * 10).rounded() ? fixed(km, 1) : fixed(km, 3))
    }

    func svg() -> String {
        let x0 = box.minX + 12, y = box.minY + 24, h = 5.0
        var s = "<g id=\"scale-bar\" data-km=\"\(Self.kmText(kilometres))\" data-pixel-length=\"\(fixed(pixelLength, 3))\" data-metres-per-pixel=\"\(fixed(metresPerPixel, 4))\" data-measured-at=\"\(fixed(measuredAt.latitude, 5)) \(fixed(measuredAt.longitude, 5))\" font-size=\"10\" fill=\"#1f1d1a\">\n"
        s += "<rect x=\"\(coordinate(box.minX))\" y=\"\(coordinate(box.minY))\" width=\"\(coordinate(box.width))\" height=\"\(coordinate(box.height))\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.88\"/>\n"
        let segment = pixelLength / 4
        for i in 0..<4 {
            s += "<rect x=\"\(fixed(x0 + segment * Double(i), 2))\" y=\"\(coordinate(y))\" width=\"\(fixed(segment, 2))\" height=\"\(coordinate(h))\" fill=\"\(i % 2 == 0 ? "#1f1d1a" : "#ffffff")\" stroke=\"#1f1d1a\" stroke-width=\"0.6\"/>"
        }
        s += "\n"
        for (t, text) in [(0.0, "0"), (0.5, Self.kmText(kilometres / 2)), (1.0, Self.kmText(kilometres) + " km")] {
            let anchor = t == 0 ? "start" : "middle"
            let x = x0 + pixelLength * t - (t == 0 ? 2 : 0)
            s += "<text x=\"\(coordinate(x))\" y=\"\(coordinate(y - 5))\" text-anchor=\"\(anchor)\">\(xmlEscaped(text))</text>"
        }
        s += "\n<text x=\"\(coordinate(x0 - 2))\" y=\"\(coordinate(y + h + 14))\" font-size=\"9.5\" fill=\"#5c5750\">\(xmlEscaped(caption))</text>\n"
        return s + "</g>\n"
    }
}

/// A north arrow, drawn only when north is not straight up at the frame centre.
struct NorthArrow {
    /// Below this angle (degrees) north counts as up and no arrow is drawn.
    static let threshold = 0.5
    /// Direction of north at the frame centre, degrees clockwise from up.
    let angle: Double
    let centre: PixelPoint
    let box: PixelRect

    init(angle: Double, in rect: PixelRect) {
        self.angle = angle
        centre = PixelPoint(x: rect.minX + 34, y: rect.minY + 38)
        box = PixelRect(minX: centre.x - 26, minY: centre.y - 28, maxX: centre.x + 26, maxY: centre.y + 28)
    }

    func svg() -> String {
        var s = "<g id=\"north-arrow\" data-angle=\"\(fixed(angle, 2))\">\n"
        s += "<circle cx=\"\(coordinate(centre.x))\" cy=\"\(coordinate(centre.y))\" r=\"24\" fill=\"#ffffff\" fill-opacity=\"0.88\" stroke=\"#c9c3b8\" stroke-width=\"0.8\"/>\n"
        s += "<g transform=\"translate(\(coordinate(centre.x)) \(coordinate(centre.y))) rotate(\(fixed(angle, 2)))\">"
        s += "<path d=\"M0 -17L6 6L0 2L-6 6Z\" fill=\"#1f1d1a\"/>"
        s += "<text x=\"0\" y=\"19\" text-anchor=\"middle\" font-size=\"10\" font-weight=\"700\" fill=\"#1f1d1a\">N</text></g>\n"
        return s + "</g>\n"
    }
}
