import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GeoJSON
import Testing
@testable import Cartography

/// An SVG map parsed with Foundation's XML parser (libxml2 on Linux): failing to parse is failing
/// the well-formedness check.
struct ParsedSVG {
    let document: XMLDocument

    init(_ text: String) throws {
        document = try XMLDocument(xmlString: text, options: [])
    }

    /// Elements matching an XPath written with `local-name()` (the SVG namespace is the default one).
    func elements(_ xpath: String) throws -> [XMLElement] {
        try document.nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
    }

    /// Ids of the `<g id="layer-…">` groups, in document order.
    func layerIDs() throws -> [String] {
        try elements("//*[local-name()='g'][starts-with(@id,'layer-')]").compactMap { $0.value(of: "id") }
    }

    func featureCount(inLayer id: String) throws -> Int {
        try elements("//*[local-name()='g'][@id='\(id)']/*[contains(concat(' ', @class, ' '), ' feature ')]").count
    }

    /// The boxes the renderer recorded for its labels (`data-box="x y width height"`).
    func labelBoxes() throws -> [(text: String, box: PixelRect)] {
        try elements("//*[local-name()='text'][@class='label']").map { e in
            let n = (e.value(of: "data-box") ?? "").split(separator: " ").compactMap { Double($0) }
            try #require(n.count == 4)
            return (e.stringValue ?? "", PixelRect(x: n[0], y: n[1], width: n[2], height: n[3]))
        }
    }

    /// Boxes of all circle markers in the layer groups.
    func circleMarkerBoxes() throws -> [PixelRect] {
        try elements("//*[local-name()='g'][starts-with(@id,'layer-')]//*[local-name()='circle']").map { e in
            let cx = try #require(Double(e.value(of: "cx") ?? ""))
            let cy = try #require(Double(e.value(of: "cy") ?? ""))
            let r = try #require(Double(e.value(of: "r") ?? ""))
            return PixelRect(minX: cx - r, minY: cy - r, maxX: cx + r, maxY: cy + r)
        }
    }

    func attribute(_ name: String, ofElementWithID id: String) throws -> String? {
        try elements("//*[@id='\(id)']").first?.value(of: name)
    }

    /// The first `<rect>` of the group with `id` (the box drawn behind legends and scale bars).
    func backgroundRect(ofGroup id: String) throws -> PixelRect {
        let r = try #require(try elements("//*[@id='\(id)']/*[local-name()='rect']").first)
        func v(_ k: String) throws -> Double { try #require(Double(r.value(of: k) ?? "")) }
        return PixelRect(x: try v("x"), y: try v("y"), width: try v("width"), height: try v("height"))
    }
}

/// A projection with a trivially known scale for measuring the scale bar: x and y are degrees of
/// longitude and latitude times 100 km (a plate carrée with its own units), so north is up everywhere.
struct PlateCarreeTestProjection: MapProjection {
    static let metresPerDegree = 100_000.0
    let centre: Position
    func project(_ p: Position) -> PlanarPoint? {
        PlanarPoint(x: (p.longitude - centre.longitude) * Self.metresPerDegree, y: (p.latitude - centre.latitude) * Self.metresPerDegree)
    }
    func unproject(_ q: PlanarPoint) -> Position? {
        Position(latitude: centre.latitude + q.y / Self.metresPerDegree, longitude: centre.longitude + q.x / Self.metresPerDegree)
    }
    var summary: String { "test plate carrée" }
}

extension XMLElement {
    /// The value of attribute `name`. (`attribute(forName:)` returns nil for elements in a default
    /// namespace in swift-corelibs-foundation on Linux, so this looks through `attributes`.)
    func value(of name: String) -> String? {
        attributes?.first { $0.name == name }?.stringValue
    }
}
