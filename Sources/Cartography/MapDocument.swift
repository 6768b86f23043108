import GeoJSON

/// A map to draw: a title, layers (drawn in the order of their kinds, then as given) and the lines
/// that credit the data. A plain value: thread-safe.
public struct MapDocument: Sendable, Hashable {
    public var title: String
    /// A second line under the title (date, source report); nil for none.
    public var subtitle: String?
    public var layers: [MapLayer]
    /// One line per data source, e.g. `Attribution.geoNames`.
    public var attribution: [String]

    public init(title: String, subtitle: String? = nil, layers: [MapLayer], attribution: [String] = []) {
        self.title = title; self.subtitle = subtitle; self.layers = layers; self.attribution = attribution
    }

    /// Visible layers in drawing order (stable within a kind).
    var drawingOrder: [MapLayer] {
        layers.enumerated()
            .filter { $0.element.isVisible }
            .sorted { ($0.element.kind.drawingRank, $0.offset) < ($1.element.kind.drawingRank, $1.offset) }
            .map(\.element)
    }

    /// The geographic box of the features that set the extent (places, events, claims, depth lines;
    /// all visible layers when none of those has a feature), or nil when there is nothing to show.
    func dataExtent() -> BoundingBox? {
        func box(of layers: [MapLayer]) -> BoundingBox? {
            var result: BoundingBox?
            for layer in layers {
                for feature in layer.features.features {
                    guard let b = feature.geometry?.boundingBox else { continue }
                    if result == nil { result = b } else { result!.extend(with: b) }
                }
            }
            return result
        }
        let visible = layers.filter(\.isVisible)
        return box(of: visible.filter(\.kind.setsExtent)) ?? box(of: visible)
    }
}

/// Credit lines for the data sources IncidentMapper uses, in the wording their licences ask for.
public enum Attribution {
    public static let geoNames = "Places: GeoNames (CC BY 4.0)"
    public static let openStreetMap = "Borders: © OpenStreetMap contributors (ODbL)"
    public static let dcw = "Countries: Digital Chart of the World via GMT (public domain)"
}
