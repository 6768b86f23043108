import GeoJSON

/// A map to draw: a title, layers (drawn in the order of their kinds, then as given) and the lines
/// that credit the data. A plain value: thread-safe.
public struct MapDocument: Sendable, Hashable {
    /// The headline drawn above the map and used as the page title.
    public var title: String
    /// A second line under the title (date, source report); nil for none.
    public var subtitle: String?
    public var layers: [MapLayer]
    /// One line per data source, e.g. `Attribution.geoNames`.
    public var attribution: [String]

    /// A document; `attribution` lines are printed in the order given.
    public init(title: String, subtitle: String? = nil, layers: [MapLayer], attribution: [String] = []) {
        self.title = title; self.subtitle = subtitle; self.layers = layers; self.attribution = attribution
    }

    /// Checks every position of every layer, visible or not.
    /// - Throws: `CartographyError.invalidPosition` for the first coordinate that is not finite or is
    ///   outside ±90° / ±180°, naming its layer and feature index.
    func validatePositions() throws(CartographyError) {
        for layer in layers {
            for (index, feature) in layer.features.features.enumerated() {
                var bad: Position?
                feature.geometry?.forEachPosition { p in if bad == nil, !p.isValidGeographic { bad = p } }
                if let bad {
                    throw .invalidPosition(layer: layer.name, feature: index, latitude: bad.latitude, longitude: bad.longitude)
                }
            }
        }
    }

    /// Visible layers in drawing order (stable within a kind).
    var drawingOrder: [MapLayer] {
        layers.enumerated()
            .filter { $0.element.isVisible }
            .sorted { ($0.element.kind.drawingRank, $0.offset) < ($1.element.kind.drawingRank, $1.offset) }
            .map(\.element)
    }

    /// The middle of the data that sets the extent: halfway between its southernmost and northernmost
    /// latitudes, and in the middle of the shortest arc of longitudes that holds all its positions
    /// (so data on both sides of the antimeridian centres near 180°, not near 0°). Nil when empty.
    /// O(n log n) in the positions.
    func dataCentre() -> Position? {
        guard let box = dataExtent() else { return nil }
        let visible = layers.filter(\.isVisible)
        let extentLayers = visible.contains { $0.kind.setsExtent && !$0.features.features.isEmpty }
            ? visible.filter(\.kind.setsExtent) : visible
        var longitudes: [Double] = []
        for layer in extentLayers {
            for feature in layer.features.features { feature.geometry?.forEachPosition { longitudes.append($0.longitude) } }
        }
        return Position(latitude: (box.south + box.north) / 2, longitude: Self.longitudeCentre(longitudes))
    }

    /// The middle of the shortest arc holding all `longitudes` (degrees in −180…180): the arc is the
    /// circle minus its largest empty gap.
    static func longitudeCentre(_ longitudes: [Double]) -> Double {
        let sorted = longitudes.sorted()
        guard let first = sorted.first, let last = sorted.last else { return 0 }
        // The gap across the antimeridian, then the gaps between neighbours.
        var gap = (size: first + 360 - last, start: last)
        for (a, b) in zip(sorted, sorted.dropFirst()) where b - a > gap.size { gap = (b - a, a) }
        // The arc runs from the gap's end to its start (going east), 360° − gap wide.
        var centre = gap.start + gap.size + (360 - gap.size) / 2
        while centre > 180 { centre -= 360 }
        while centre < -180 { centre += 360 }
        return centre
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
    /// For places from the GeoNames gazetteer.
    public static let geoNames = "Places: GeoNames (CC BY 4.0)"
    /// For borders from OpenStreetMap.
    public static let openStreetMap = "Borders: © OpenStreetMap contributors (ODbL)"
    /// For country outlines from GMT's Digital Chart of the World package.
    public static let dcw = "Countries and borders: Digital Chart of the World, DCW-GMT (LGPL-3+)"
}
