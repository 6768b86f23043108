/// A feature's `id`: RFC 7946 allows a string or a number.
public enum FeatureID: Sendable, Hashable {
    case string(String)
    case integer(Int64)
    case number(Double)
}

/// An RFC 7946 Feature: a geometry (or none) with properties. Members other than the standard
/// ones are kept in `foreignMembers` so that reading and writing loses nothing. Thread-safe value.
public struct Feature: Sendable, Hashable {
    public var id: FeatureID?
    public var geometry: Geometry?
    /// The `properties` member; nil when it was JSON `null`.
    public var properties: JSONObject?
    public var bbox: [Double]?
    public var foreignMembers: JSONObject

    public init(id: FeatureID? = nil, geometry: Geometry?, properties: JSONObject? = JSONObject(),
                bbox: [Double]? = nil, foreignMembers: JSONObject = JSONObject()) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
        self.bbox = bbox
        self.foreignMembers = foreignMembers
    }

    /// Reads or writes one property; writing to a feature whose properties are null creates them.
    public subscript(property key: String) -> JSONValue? {
        get { properties?[key] }
        set {
            var p = properties ?? JSONObject()
            p[key] = newValue
            properties = p
        }
    }
}

/// An RFC 7946 FeatureCollection. Thread-safe value.
public struct FeatureCollection: Sendable, Hashable {
    public var features: [Feature]
    public var bbox: [Double]?
    public var foreignMembers: JSONObject

    public init(features: [Feature], bbox: [Double]? = nil, foreignMembers: JSONObject = JSONObject()) {
        self.features = features
        self.bbox = bbox
        self.foreignMembers = foreignMembers
    }
}
