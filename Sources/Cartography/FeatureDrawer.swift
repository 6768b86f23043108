import Foundation
import GeoJSON

/// A point marker drawn on the map, with the box labels must avoid.
struct DrawnMarker {
    var box: PixelRect
}

/// Turns one layer's features into SVG elements: projected, clipped to the frame, thinned.
struct FeatureDrawer {
    let frame: MapFrame
    let layer: MapLayer
    let geographicBounds: BoundingBox?

    /// Frame grown a little so that clipped strokes end outside the visible area.
    private var clipRect: PixelRect { frame.rect.insetBy(-6) }

    struct Output {
        var elements: [String] = []
        var markers: [DrawnMarker] = []
        var labels: [LabelRequest] = []
        var areaLabels: [LabelRequest] = []
        /// Visible pieces of emphasised lines (borders, depth lines) that labels should keep off.
        var obstacleLines: [[PixelPoint]] = []
    }

    /// The layer's elements. Positions must have been validated (`MapDocument.validatePositions`).
    func draw() -> Output {
        var out = Output()
        for feature in layer.features.features {
            guard let geometry = feature.geometry else { continue }
            if let bounds = geographicBounds, let box = geometry.boundingBox, !bounds.intersects(box) { continue }
            let name = layer.style.labelProperty.flatMap { feature[property: $0].flatMap(Self.labelText) }
                ?? feature[property: "name"].flatMap(Self.labelText)
            draw(geometry, name: name, into: &out)
        }
        return out
    }

    private func draw(_ geometry: Geometry, name: String?, into out: inout Output) {
        let titleElement = name.map { "<title>\(xmlEscaped($0))</title>" } ?? ""
        let nameAttribute = name.map { " data-name=\"\(xmlEscaped($0))\"" } ?? ""
        switch geometry {
        case .point(let p):
            if let marker = marker(at: p, name: name, into: &out) {
                out.elements.append("\(marker) class=\"feature\"\(nameAttribute)>\(titleElement)</\(markerTag)>")
            }
        case .multiPoint(let ps):
            let markers = ps.compactMap { marker(at: $0, name: name, into: &out) }
            if !markers.isEmpty {
                out.elements.append("<g class=\"feature\"\(nameAttribute)>\(titleElement)\(markers.map { $0 + "/>" }.joined())</g>")
            }
        case .lineString, .multiLineString:
            let (d, middle) = linePath(geometry, obstacles: &out.obstacleLines)
            if !d.isEmpty {
                out.elements.append("<path class=\"feature\"\(nameAttribute) fill=\"none\" d=\"\(d)\">\(titleElement)</path>")
                // Lines are labelled only when their style names a label property (e.g. a depth in km).
                if layer.style.labelProperty != nil, let name, let middle {
                    out.labels.append(LabelRequest(text: name, anchor: middle, radius: 2, layer: layer.identifier,
                                                   priority: layer.kind.drawingRank))
                }
            }
        case .polygon, .multiPolygon:
            let (d, labelPoint) = polygonPath(geometry)
            if !d.isEmpty {
                // An area in a layer of points (a district named in a report) is tinted, not filled
                // with the solid marker colour, so it does not hide the map under it.
                let tint = layer.kind.setsExtent && layer.kind != .depthLines ? " fill-opacity=\"0.2\"" : ""
                out.elements.append("<path class=\"feature\"\(nameAttribute)\(tint) fill-rule=\"evenodd\" d=\"\(d)\">\(titleElement)</path>")
                if layer.kind == .countries, let name, let labelPoint {
                    out.areaLabels.append(LabelRequest(text: name.uppercased(), anchor: labelPoint, radius: 0,
                                                       layer: layer.identifier, priority: 0))
                }
            }
        case .geometryCollection(let parts):
            for part in parts { draw(part, name: name, into: &out) }
        }
    }

    /// A property value as label text: strings as they are, numbers as written (up to 2 decimals).
    static func labelText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return s.isEmpty ? nil : s
        case .integer(let i): return String(i)
        case .number(let d):
            let s = fixed(d, 2)
            return s.hasSuffix(".00") ? String(s.dropLast(3)) : (s.hasSuffix("0") ? String(s.dropLast()) : s)
        default: return nil
        }
    }

    private var markerTag: String {
        switch layer.style.marker {
        case .circle: "circle"
        case .square: "rect"
        case .diamond, .triangle, .none: "path"
        }
    }

    /// The start of a marker's SVG element, up to its attributes (no `>`), or nil when outside the frame or unmarked.
    private func marker(at p: Position, name: String?, into out: inout Output) -> String? {
        guard let c = frame.pixel(p), frame.rect.contains(c) else { return nil }
        let r = layer.style.marker == .none ? 1.5 : layer.style.markerRadius
        out.markers.append(DrawnMarker(box: PixelRect(minX: c.x - r, minY: c.y - r, maxX: c.x + r, maxY: c.y + r)))
        if let name, layer.style.labelProperty != nil {
            out.labels.append(LabelRequest(text: name, anchor: c, radius: r, layer: layer.identifier,
                                           priority: layer.kind.drawingRank))
        }
        let x = coordinate(c.x), y = coordinate(c.y)
        switch layer.style.marker {
        case .circle:
            return "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(coordinate(r))\""
        case .square:
            return "<rect x=\"\(coordinate(c.x - r))\" y=\"\(coordinate(c.y - r))\" width=\"\(coordinate(2 * r))\" height=\"\(coordinate(2 * r))\""
        case .diamond:
            let s = r * 1.25
            return "<path d=\"M\(x) \(coordinate(c.y - s))L\(coordinate(c.x + s)) \(y)L\(x) \(coordinate(c.y + s))L\(coordinate(c.x - s)) \(y)Z\""
        case .triangle:
            return "<path d=\"M\(x) \(coordinate(c.y - r * 1.2))L\(coordinate(c.x + r * 1.1)) \(coordinate(c.y + r * 0.8))L\(coordinate(c.x - r * 1.1)) \(coordinate(c.y + r * 0.8))Z\""
        case .none:
            return "<path d=\"M\(x) \(y)h0\""
        }
    }

    private func project(_ positions: [Position]) -> [PixelPoint] {
        frame.projection.project(positions).compactMap { $0.map(frame.pixel) }
    }

    /// The path of the visible pieces, and the middle (by length) of the longest one.
    private func linePath(_ geometry: Geometry, obstacles: inout [[PixelPoint]]) -> (String, PixelPoint?) {
        let lines: [[Position]]
        switch geometry {
        case .lineString(let l): lines = [l]
        case .multiLineString(let ls): lines = ls
        default: lines = []
        }
        var d = ""
        var longest: (length: Double, piece: [PixelPoint])?
        for line in lines {
            for piece in Clipper.clipLine(project(line), to: clipRect) {
                let thinned = Clipper.thin(piece, tolerance: 0.4)
                if layer.kind == .borders || layer.kind == .depthLines { obstacles.append(thinned) }
                d += "M" + thinned.map { "\(coordinate($0.x)) \(coordinate($0.y))" }.joined(separator: "L")
                let length = Self.length(of: piece)
                if length > (longest?.length ?? 0) { longest = (length, piece) }
            }
        }
        return (d, longest.flatMap { Self.point(along: $0.piece, at: $0.length / 2) }.flatMap { frame.rect.contains($0) ? $0 : nil })
    }

    static func length(of line: [PixelPoint]) -> Double {
        zip(line, line.dropFirst()).reduce(0) { $0 + hypot($1.1.x - $1.0.x, $1.1.y - $1.0.y) }
    }

    /// The point `distance` pixels along `line` from its start.
    static func point(along line: [PixelPoint], at distance: Double) -> PixelPoint? {
        var left = distance
        for (a, b) in zip(line, line.dropFirst()) {
            let l = hypot(b.x - a.x, b.y - a.y)
            if l > 0, left <= l { return PixelPoint(x: a.x + (b.x - a.x) * left / l, y: a.y + (b.y - a.y) * left / l) }
            left -= l
        }
        return line.last
    }

    /// The path of the polygon's visible rings, and a point inside its largest visible part for a label.
    private func polygonPath(_ geometry: Geometry) -> (String, PixelPoint?) {
        let polygons: [[[Position]]]
        switch geometry {
        case .polygon(let rings): polygons = [rings]
        case .multiPolygon(let ps): polygons = ps
        default: polygons = []
        }
        var d = ""
        var best: (area: Double, ring: [PixelPoint])?
        for polygon in polygons {
            // Parts of a multipolygon far outside the view (Russia's Pacific coast on a map of
            // Kursk) are skipped before projecting them.
            if let bounds = geographicBounds, let outer = polygon.first, let box = Geometry.lineString(outer).boundingBox,
               !bounds.intersects(box) { continue }
            for (ringIndex, ring) in polygon.enumerated() {
                var points = project(ring)
                if points.count > 1, points.first == points.last { points.removeLast() }
                let clipped = Clipper.thin(Clipper.clipRing(points, to: clipRect), tolerance: 0.4)
                guard clipped.count >= 3 else { continue }
                d += "M" + clipped.map { "\(coordinate($0.x)) \(coordinate($0.y))" }.joined(separator: "L") + "Z"
                if ringIndex == 0 {
                    let a = abs(Self.signedArea(clipped))
                    if a > (best?.area ?? 0) { best = (a, clipped) }
                }
            }
        }
        return (d, best.flatMap { Self.labelPoint(in: $0.ring, visible: frame.rect) })
    }

    static func signedArea(_ ring: [PixelPoint]) -> Double {
        var s = 0.0
        for (a, b) in zip(ring, ring.dropFirst() + [ring[0]]) { s += a.x * b.y - b.x * a.y }
        return s / 2
    }

    /// A point well inside `ring` for its name: the ring's centroid when inside, otherwise the middle
    /// of the widest horizontal run through the centroid's height. Nil for slivers.
    static func labelPoint(in ring: [PixelPoint], visible: PixelRect) -> PixelPoint? {
        let clipped = Clipper.clipRing(ring, to: visible)
        guard clipped.count >= 3 else { return nil }
        let a = signedArea(clipped)
        guard abs(a) > 4000 else { return nil }
        var cx = 0.0, cy = 0.0
        for (p, q) in zip(clipped, clipped.dropFirst() + [clipped[0]]) {
            let k = p.x * q.y - q.x * p.y
            cx += (p.x + q.x) * k; cy += (p.y + q.y) * k
        }
        let centroid = PixelPoint(x: cx / (6 * a), y: cy / (6 * a))
        // Crossings of the horizontal line through the centroid, sorted: inside runs are pairs.
        var xs: [Double] = []
        for (p, q) in zip(clipped, clipped.dropFirst() + [clipped[0]]) where (p.y > centroid.y) != (q.y > centroid.y) {
            xs.append(p.x + (centroid.y - p.y) * (q.x - p.x) / (q.y - p.y))
        }
        xs.sort()
        var widest: (Double, Double)?
        for i in stride(from: 0, to: xs.count - 1, by: 2) {
            if xs[i] <= centroid.x && centroid.x <= xs[i + 1], xs[i + 1] - xs[i] > 60 { return centroid }
            if xs[i + 1] - xs[i] > (widest.map { $0.1 - $0.0 } ?? 0) { widest = (xs[i], xs[i + 1]) }
        }
        guard let w = widest, w.1 - w.0 > 60 else { return nil }
        return PixelPoint(x: (w.0 + w.1) / 2, y: centroid.y)
    }
}
