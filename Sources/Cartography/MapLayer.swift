import GeoJSON

/// What a layer shows. The kind chooses the default style, the drawing order and whether the layer
/// sets the map's extent (context layers such as countries do not).
public enum LayerKind: String, Sendable, Hashable, CaseIterable {
    /// Country polygons drawn as background context.
    case countries
    /// International borders, drawn emphasised.
    case borders
    /// Distance bands along borders (polygons, usually nested buffers).
    case zones
    /// Lines from a place to the border that measure how deep it lies inside a country.
    case depthLines = "depth-lines"
    /// Places named in a text (points).
    case places
    /// Events from an event file (points).
    case events
    /// Measurable claims and their checks (usually points).
    case claims

    /// Back-to-front drawing order: context first, points last so they stay on top.
    var drawingRank: Int {
        switch self {
        case .countries: 0
        case .zones: 1
        case .borders: 2
        case .depthLines: 3
        case .claims: 4
        case .places: 5
        case .events: 6
        }
    }

    /// Whether the layer's features decide what part of the world the map shows: the findings do;
    /// context (countries, borders, and distance bands that may run along a whole border) does not.
    var setsExtent: Bool {
        switch self {
        case .places, .events, .claims, .depthLines: true
        case .countries, .borders, .zones: false
        }
    }
}

/// How point features are marked.
public enum MarkerShape: String, Sendable, Hashable {
    /// A disc, a square, a diamond (square turned 45°) and an upward triangle, all about
    /// `markerRadius` from the point.
    case circle, square, diamond, triangle
    /// No marker: the point is only labelled.
    case none
}

/// How a layer is drawn. Colours are CSS colours (`#rrggbb` or a CSS name); widths in CSS pixels at
/// the map's nominal size; opacities 0…1. A plain value: thread-safe.
public struct LayerStyle: Sendable, Hashable {
    /// Outline or line colour; nil for no stroke.
    public var stroke: String?
    /// Polygon fill or marker fill; nil for no fill.
    public var fill: String?
    /// Stroke width in pixels.
    public var strokeWidth: Double
    /// Opacity of polygon fills, 0…1.
    public var fillOpacity: Double
    /// Opacity of the whole layer, 0…1.
    public var opacity: Double
    /// Dash pattern in pixels (`[6, 3]`), empty for a solid line.
    public var dash: [Double]
    /// Marker drawn at point features.
    public var marker: MarkerShape
    /// Marker radius in pixels.
    public var markerRadius: Double
    /// The feature property whose string value labels a feature; nil for no labels.
    public var labelProperty: String?

    /// A style; every parameter defaults to a plain dark outline with circle markers and no labels.
    public init(stroke: String? = "#333333", fill: String? = nil, strokeWidth: Double = 1, fillOpacity: Double = 1,
                opacity: Double = 1, dash: [Double] = [], marker: MarkerShape = .circle, markerRadius: Double = 4,
                labelProperty: String? = nil) {
        self.stroke = stroke; self.fill = fill; self.strokeWidth = strokeWidth; self.fillOpacity = fillOpacity
        self.opacity = opacity; self.dash = dash; self.marker = marker; self.markerRadius = markerRadius
        self.labelProperty = labelProperty
    }

    /// The house style for a layer kind: muted context, emphasised borders, strong points.
    public static func `default`(for kind: LayerKind) -> LayerStyle {
        switch kind {
        case .countries:
            LayerStyle(stroke: "#a49d90", fill: "#f4f1ea", strokeWidth: 0.8, marker: .none, labelProperty: nil)
        case .borders:
            LayerStyle(stroke: "#8c1c3a", strokeWidth: 2.4, marker: .none)
        case .zones:
            LayerStyle(stroke: "#d9822b", fill: "#f2a541", strokeWidth: 0.7, fillOpacity: 0.16, dash: [4, 3],
                       marker: .none)
        case .depthLines:
            LayerStyle(stroke: "#1d4e89", strokeWidth: 1.6, dash: [6, 3], marker: .none)
        case .places:
            LayerStyle(stroke: "#ffffff", fill: "#1d3557", strokeWidth: 1.2, marker: .circle, markerRadius: 4,
                       labelProperty: "name")
        case .events:
            LayerStyle(stroke: "#ffffff", fill: "#c1121f", strokeWidth: 1.2, marker: .diamond, markerRadius: 5,
                       labelProperty: "name")
        case .claims:
            LayerStyle(stroke: "#ffffff", fill: "#6a4c93", strokeWidth: 1.2, marker: .square, markerRadius: 4,
                       labelProperty: "name")
        }
    }
}

/// One map layer: a named feature collection of one kind with its style. A plain value: thread-safe.
public struct MapLayer: Sendable, Hashable {
    /// Identifier used in the SVG (`<g id="layer-NAME">`) and the viewer; letters, digits, `-` and `_`
    /// are kept, anything else becomes `-`. Give each layer of a document its own name.
    public var name: String
    /// Human-readable name for the legend and the viewer's toggles.
    public var title: String
    /// What the layer shows; sets its drawing order, legend swatch and whether it frames the map.
    public var kind: LayerKind
    /// The features, WGS84 longitude/latitude as in RFC 7946.
    public var features: FeatureCollection
    /// How the layer is drawn.
    public var style: LayerStyle
    /// Whether the layer is drawn (SVG) or switched on at load (viewer).
    public var isVisible: Bool

    /// A layer with the house style of its kind unless `style` is given.
    public init(name: String, title: String? = nil, kind: LayerKind, features: FeatureCollection,
                style: LayerStyle? = nil, isVisible: Bool = true) {
        self.name = name
        self.title = title ?? name
        self.kind = kind
        self.features = features
        self.style = style ?? .default(for: kind)
        self.isVisible = isVisible
    }

    /// `name` reduced to characters that are safe in an XML id and a CSS selector.
    public var identifier: String {
        let mapped = name.unicodeScalars.map { s -> Character in
            (s.properties.isAlphabetic && s.isASCII) || ("0"..."9").contains(s) || s == "-" || s == "_"
                ? Character(s) : "-"
        }
        return mapped.isEmpty ? "layer" : String(mapped)
    }
}
