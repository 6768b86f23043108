import GeoJSON

/// How a figure was measured, written into every output so that a reader can judge it: the border
/// and country sources, the ellipsoid and the data's stated accuracy. A plain value: thread-safe.
public struct MeasurementMethod: Sendable, Hashable {
    /// Source of the border lines used; nil for figures that use no border (areas only).
    public var borderSource: String?
    /// Source of the country outlines used (containment, clipping, areas).
    public var countrySource: String
    /// Stated positional accuracy of the border lines in metres, when known.
    public var accuracyMetres: Double?
    /// Always "WGS84": every distance is a geodesic on it (GeographicLib's algorithms via PROJ).
    public var ellipsoid: String { "WGS84" }

    public init(borderSource: String?, countrySource: String, accuracyMetres: Double?) {
        self.borderSource = borderSource; self.countrySource = countrySource; self.accuracyMetres = accuracyMetres
    }

    /// A caveat on the data, in one sentence.
    public var note: String {
        guard let borderSource else {
            return "Areas are geodesic on the WGS84 ellipsoid (GeographicLib's algorithm), on the country outlines used."
        }
        var s = "Distances are geodesics on the WGS84 ellipsoid, exact on the border lines used"
        if let a = accuracyMetres { s += "; the border data itself is accurate to about \(Int(a.rounded())) m" }
        if borderSource != countrySource {
            s += "; border lines (\(borderSource)) and country outlines (\(countrySource)) come from different sources and do not coincide exactly"
        }
        return s + "."
    }

    /// The method as a JSON object, for a `method` property.
    public var json: JSONValue {
        var o: JSONObject = ["ellipsoid": .string(ellipsoid)]
        if let borderSource {
            o["border_source"] = .string(borderSource)
            o["border_accuracy_m"] = accuracyMetres.map { .number($0) } ?? .null
        }
        o["country_source"] = .string(countrySource)
        o["note"] = .string(note)
        return .object(o)
    }
}
