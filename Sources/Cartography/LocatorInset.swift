import GeoJSON

/// A small locator map in the frame's lower right corner: the country outlines over an area
/// `zoomOut` times wider than the main map, with the main map's frame outlined, so a reader sees
/// where in the region the map lies. Drawn only when the document has a visible countries layer.
struct LocatorInset {
    let box: PixelRect
    let svg: String

    /// How many times wider than the main map the locator's view is.
    static let zoomOut = 7.0

    init?(document: MapDocument, main: MapFrame) throws(CartographyError) {
        guard var countries = document.drawingOrder.first(where: { $0.kind == .countries }) else { return nil }
        let r = main.rect
        box = PixelRect(minX: r.maxX - 12 - 176, minY: r.maxY - 12 - 124, maxX: r.maxX - 12, maxY: r.maxY - 12)
        let scale = box.width / (r.width / main.pixelsPerMetre * Self.zoomOut)
        let inset = MapFrame(projection: main.projection, rect: box, pixelsPerMetre: scale, centre: main.centre)
        countries.style.strokeWidth = 0.4
        countries.style.labelProperty = nil
        let drawn = FeatureDrawer(frame: inset, layer: countries, geographicBounds: inset.geographicBounds(margin: 1)).draw()
        // The main frame's outline in the inset: both frames share the projection, so its corners map linearly.
        let corners = [PixelPoint(x: r.minX, y: r.minY), PixelPoint(x: r.maxX, y: r.minY),
                       PixelPoint(x: r.maxX, y: r.maxY), PixelPoint(x: r.minX, y: r.maxY)].map { inset.pixel(main.planar($0)) }
        var outline = corners.map { "\(coordinate($0.x)) \(coordinate($0.y))" }.joined(separator: "L")
        outline = "M" + outline + "Z"
        let b = box
        var s = "<g id=\"locator\">\n"
        s += "<clipPath id=\"locator-frame\"><rect x=\"\(coordinate(b.minX))\" y=\"\(coordinate(b.minY))\" width=\"\(coordinate(b.width))\" height=\"\(coordinate(b.height))\"/></clipPath>\n"
        s += "<rect x=\"\(coordinate(b.minX))\" y=\"\(coordinate(b.minY))\" width=\"\(coordinate(b.width))\" height=\"\(coordinate(b.height))\" fill=\"#dfe9ef\"/>\n"
        s += "<g clip-path=\"url(#locator-frame)\" fill=\"\(xmlEscaped(countries.style.fill ?? "none"))\" stroke=\"\(xmlEscaped(countries.style.stroke ?? "none"))\" stroke-width=\"0.4\" stroke-linejoin=\"round\">\n"
        for element in drawn.elements { s += element + "\n" }
        s += "<path d=\"\(outline)\" fill=\"#8c1c3a\" fill-opacity=\"0.12\" stroke=\"#8c1c3a\" stroke-width=\"1.2\"/>\n"
        s += "</g>\n"
        s += "<rect x=\"\(coordinate(b.minX))\" y=\"\(coordinate(b.minY))\" width=\"\(coordinate(b.width))\" height=\"\(coordinate(b.height))\" fill=\"none\" stroke=\"#5c5750\" stroke-width=\"0.8\"/>\n"
        svg = s + "</g>\n"
    }
}
