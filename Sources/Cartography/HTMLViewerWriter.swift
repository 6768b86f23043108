import Foundation
import GeoJSON

/// Writes the offline viewer: one self-contained HTML page (no network access, works from
/// `file://`) that draws the document's layers on a canvas with pan (drag), zoom (wheel, buttons,
/// `+`/`-` keys), layer toggles, a legend, a scale bar, the attribution, and a details panel listing
/// every property of the feature under the pointer or last clicked.
///
/// The page embeds each layer as an RFC 7946 FeatureCollection whose features carry one foreign
/// member, `xy`: the geometry already projected by Swift into the same Lambert azimuthal equal-area
/// plane as the SVG map (metres, x east, y north, rounded to 1 m), so the page's JavaScript does no
/// map projection of its own. Context layers (countries, borders) are cut to three times the data's
/// extent and their `geometry` is null, to keep the page small; the files written beside the page
/// keep their full geometry.
///
/// The page reports its state in `<output id="status">`: `data-features` (features embedded),
/// `data-drawn` (features drawn in the current view), `data-errors` (JavaScript errors caught).
/// Deterministic; thread-safe value.
public struct HTMLViewerWriter: Sendable {
    /// Proportions of the frame used to choose the initial view (the page fits it to the window).
    private let viewAspect = (width: 1000.0, height: 700.0)
    /// Empty space around the data in the initial view, as a fraction of its span on each side.
    public var padding: Double
    /// The smallest span the initial view shows, in metres.
    public var minimumSpanMetres: Double

    /// A writer whose initial view frames the data like `SVGMapRenderer` with the same settings.
    public init(padding: Double = 0.12, minimumSpanMetres: Double = 30_000) {
        self.padding = padding
        self.minimumSpanMetres = minimumSpanMetres
    }

    /// The page for `document`, in Lambert azimuthal equal-area centred on its data layers.
    /// - Throws: `CartographyError` as `SVGMapRenderer.render(_:)` (nothing to draw, invalid positions,
    ///   projection failure).
    public func html(for document: MapDocument) throws(CartographyError) -> String {
        try html(for: document, projection: nil)
    }

    /// The page for `document` drawn in `projection`.
    /// - Throws: as `html(for:)`.
    public func html(for document: MapDocument, projection: any MapProjection) throws(CartographyError) -> String {
        try html(for: document, projection: projection as (any MapProjection)?)
    }

    private func html(for document: MapDocument, projection: (any MapProjection)?) throws(CartographyError) -> String {
        let options = SVGMapRenderer.Options(width: viewAspect.width, height: viewAspect.height, padding: padding,
                                             minimumSpanMetres: minimumSpanMetres)
        let rect = PixelRect(x: 0, y: 0, width: viewAspect.width, height: viewAspect.height)
        try document.validatePositions()
        let frame = try SVGMapRenderer.frame(for: document, projection: projection, in: rect, options: options)
        let scale = try ScaleBarLayout(frame: frame, in: rect)
        let payload = try self.payload(document, frame: frame, scale: scale)
        return ViewerPage.html(title: document.title, payload: payload)
    }

    /// The JSON the page reads.
    func payload(_ document: MapDocument, frame: MapFrame, scale: ScaleBarLayout) throws(CartographyError) -> String {
        let topLeft = frame.planar(PixelPoint(x: frame.rect.minX, y: frame.rect.minY))
        let bottomRight = frame.planar(PixelPoint(x: frame.rect.maxX, y: frame.rect.maxY))
        let span = max(bottomRight.x - topLeft.x, topLeft.y - bottomRight.y)
        // Context layers are cut to a box three times the view, in projected metres.
        let contextRect = PixelRect(minX: frame.centre.x - 1.5 * span, minY: frame.centre.y - 1.5 * span,
                                    maxX: frame.centre.x + 1.5 * span, maxY: frame.centre.y + 1.5 * span)
        let contextBounds = frame.geographicBounds(margin: 1).map { b in
            BoundingBox(south: max(-90, b.south - (b.north - b.south)), west: max(-180, b.west - (b.east - b.west)),
                        north: min(90, b.north + (b.north - b.south)), east: min(180, b.east + (b.east - b.west)))
        }
        var layers: [String] = []
        for (order, layer) in document.layers.enumerated() {
            let projector = ViewerProjector(projection: frame.projection, clip: layer.kind.setsExtent ? nil : contextRect,
                                            bounds: layer.kind.setsExtent ? nil : contextBounds, tolerance: span / 4000)
            var j = JSONText()
            j.members([
                ("id", { $0.string(layer.identifier) }),
                ("title", { $0.string(layer.title) }),
                ("kind", { $0.string(layer.kind.rawValue) }),
                ("order", { $0.number(Double(order)) }),
                ("visible", { $0.raw(layer.isVisible ? "true" : "false") }),
                ("style", { Self.style(layer.style, into: &$0) }),
                ("geojson", { Self.collection(layer.features, projector: projector, contextBounds: contextBounds, into: &$0) }),
            ])
            layers.append(j.text)
        }
        var j = JSONText()
        j.members([
            ("title", { $0.string(document.title) }),
            ("subtitle", { j in if let s = document.subtitle { j.string(s) } else { j.raw("null") } }),
            ("attribution", { j in j.array(document.attribution) { $0.string($1) } }),
            ("projection", { $0.string(frame.projection.summary) }),
            ("view", { j in j.array([topLeft.x, bottomRight.y, bottomRight.x, topLeft.y]) { $0.number($1, decimals: 0) } }),
            ("groundMetresPerUnit", { $0.number(scale.metresPerPixel * frame.pixelsPerMetre, decimals: 6) }),
            ("scaleMeasuredAt", { $0.string(formatLatLon(scale.measuredAt, decimals: 2)) }),
            ("layers", { j in j.raw("[" + layers.joined(separator: ",") + "]") }),
        ])
        return j.text
    }

    /// The layer as a FeatureCollection whose features carry their projected parts in `xy`; features
    /// of context layers outside `contextBounds` are left out and their geometry is null.
    private static func collection(_ features: FeatureCollection, projector: ViewerProjector, contextBounds: BoundingBox?,
                                   into j: inout JSONText) {
        j.raw("{\"type\":\"FeatureCollection\",\"features\":[")
        var first = true
        for feature in features.features {
            let isContext = projector.clip != nil
            if isContext, let bounds = contextBounds, let box = feature.geometry?.boundingBox, !bounds.intersects(box) { continue }
            let parts = feature.geometry.map(projector.parts) ?? []
            if isContext, parts.isEmpty { continue }
            if !first { j.raw(",") }
            first = false
            j.raw("{\"type\":\"Feature\",\"geometry\":")
            if !isContext, let g = feature.geometry { j.geometry(g) } else { j.raw("null") }
            j.raw(",\"properties\":")
            if let p = feature.properties { j.object(p) } else { j.raw("null") }
            j.raw(",\"xy\":")
            j.array(parts) { j, part in part.write(into: &j) }
            j.raw("}")
        }
        j.raw("]}")
    }

    private static func style(_ s: LayerStyle, into j: inout JSONText) {
        j.members([
            ("stroke", { j in if let v = s.stroke { j.string(v) } else { j.raw("null") } }),
            ("fill", { j in if let v = s.fill { j.string(v) } else { j.raw("null") } }),
            ("strokeWidth", { $0.number(s.strokeWidth) }),
            ("fillOpacity", { $0.number(s.fillOpacity) }),
            ("opacity", { $0.number(s.opacity) }),
            ("dash", { j in j.array(s.dash) { $0.number($1) } }),
            ("marker", { $0.string(s.marker.rawValue) }),
            ("markerRadius", { $0.number(s.markerRadius) }),
            ("labelProperty", { j in if let v = s.labelProperty { j.string(v) } else { j.raw("null") } }),
        ])
    }
}

/// One drawable part of a feature in projected metres.
enum ViewerPart {
    case point(PixelPoint)
    case line([PixelPoint])
    case polygon([[PixelPoint]])

    func write(into j: inout JSONText) {
        func xy(_ j: inout JSONText, _ p: PixelPoint) {
            j.raw("["); j.number(p.x, decimals: 0); j.raw(","); j.number(p.y, decimals: 0); j.raw("]")
        }
        switch self {
        case .point(let p): j.raw("{\"t\":\"pt\",\"c\":"); xy(&j, p)
        case .line(let ps): j.raw("{\"t\":\"ln\",\"c\":"); j.array(ps, xy)
        case .polygon(let rings): j.raw("{\"t\":\"pg\",\"c\":"); j.array(rings) { j, r in j.array(r, xy) }
        }
        j.raw("}")
    }
}

/// Projects geometries for the viewer (planar metres stored in `PixelPoint`s with y north), cutting
/// context layers to `clip` and thinning them to `tolerance` metres.
struct ViewerProjector {
    let projection: any MapProjection
    let clip: PixelRect?
    /// Geographic box outside which polygon parts of context layers are skipped unprojected.
    let bounds: BoundingBox?
    let tolerance: Double

    func parts(_ g: Geometry) -> [ViewerPart] {
        switch g {
        case .point(let p): return project([p]).map { .point($0) }
        case .multiPoint(let ps): return project(ps).map { .point($0) }
        case .lineString(let l): return line(l)
        case .multiLineString(let ls): return ls.flatMap(line)
        case .polygon(let rings): return polygon(rings)
        case .multiPolygon(let ps):
            return ps.filter { p in
                guard let bounds, let outer = p.first, let box = Geometry.lineString(outer).boundingBox else { return true }
                return bounds.intersects(box)
            }.flatMap(polygon)
        case .geometryCollection(let gs): return gs.flatMap(parts)
        }
    }

    private func project(_ ps: [Position]) -> [PixelPoint] {
        projection.project(ps).compactMap { $0.map { PixelPoint(x: $0.x, y: $0.y) } }
    }

    private func line(_ l: [Position]) -> [ViewerPart] {
        let points = project(l)
        guard let clip else { return points.count > 1 ? [.line(points)] : [] }
        return Clipper.clipLine(points, to: clip).map { .line(Clipper.thin($0, tolerance: tolerance)) }
    }

    private func polygon(_ rings: [[Position]]) -> [ViewerPart] {
        var out: [[PixelPoint]] = []
        for ring in rings {
            var points = project(ring)
            guard let clip else { if points.count >= 3 { out.append(points) }; continue }
            if points.count > 1, points.first == points.last { points.removeLast() }
            let cut = Clipper.thin(Clipper.clipRing(points, to: clip), tolerance: tolerance)
            if cut.count >= 3 { out.append(cut) }
        }
        return out.isEmpty ? [] : [.polygon(out)]
    }
}
