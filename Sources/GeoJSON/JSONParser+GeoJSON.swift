import Foundation

/// Coordinates as parsed, before the geometry type (which may come later in the object) says what
/// nesting to expect. Positions are leaves; every node remembers where it started.
struct CoordNode {
    enum Kind {
        case position(Position)
        case list([CoordNode])
    }
    var kind: Kind
    var loc: SourceLocation
}

/// Which object the parser expects; decides how members are read.
enum ObjectKind {
    case geometry, feature, any
}

/// The members of one GeoJSON object, gathered in any order.
struct ObjectParts {
    var start: SourceLocation
    var type: String?
    var typeLoc = SourceLocation(line: 0, column: 0)
    var coordinates: CoordNode?
    var geometries: [Geometry]?
    var hasGeometry = false
    var geometry: Geometry?
    var hasProperties = false
    var properties: JSONObject?
    var id: FeatureID?
    var bbox: [Double]?
    var features: [Feature]?
    var foreign: [(String, JSONValue)] = []

    init(start: SourceLocation) { self.start = start }
}

/// A whole GeoJSON document as read: the three top-level shapes RFC 7946 allows.
public enum GeoJSONObject: Sendable, Hashable {
    case geometry(Geometry)
    case feature(Feature)
    case featureCollection(FeatureCollection)

    /// The features this object stands for: the collection's, the feature itself, or the geometry
    /// wrapped in a feature with empty properties.
    public var features: [Feature] {
        switch self {
        case .geometry(let g): [Feature(geometry: g)]
        case .feature(let f): [f]
        case .featureCollection(let c): c.features
        }
    }
}

let geometryTypeNames: Set<String> = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"]

/// True for the seven geometry type names (a switch: cheaper than hashing on the hot path).
@inline(__always) func isGeometryType(_ t: String) -> Bool {
    switch t {
    case "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection": true
    default: false
    }
}

extension JSONParser {
    // MARK: objects

    /// Parses one object of the given kind and gathers its members. In `.any` mode a `features`
    /// member is read whole (the streaming reader handles it itself instead).
    mutating func parseObjectParts(_ kind: ObjectKind) throws(ParseStop) -> ObjectParts {
        _ = try peek("an object")
        var parts = ObjectParts(start: location)
        guard bytes[i] == 0x7B else { throw ruleError("expected a GeoJSON object but found \(describe(bytes[i]))") }
        try forEachMember { (p, key) throws(ParseStop) in try p.parseMember(key, kind, &parts) }
        return parts
    }

    mutating func parseMember(_ key: String, _ kind: ObjectKind, _ parts: inout ObjectParts) throws(ParseStop) {
        switch key {
        case "type":
            let b = try peek("a type name")
            parts.typeLoc = location
            guard b == 0x22 else { throw ruleError("\"type\" must be a string") }
            parts.type = try parseString()
        case "coordinates" where kind != .feature:
            parts.coordinates = try parseCoordinates()
        case "geometries" where kind != .feature:
            var list: [Geometry] = []
            guard try peek("an array") == 0x5B else { throw ruleError("\"geometries\" must be an array of geometry objects") }
            try forEachElement { (p, _) throws(ParseStop) in
                guard try p.peek("a geometry") == 0x7B else { throw p.ruleError("a GeometryCollection member must be a geometry object") }
                let member = try p.parseObjectParts(.geometry)
                list.append(try p.buildGeometry(member))
            }
            parts.geometries = list
        case "geometry" where kind != .geometry:
            parts.hasGeometry = true
            let b = try peek("a geometry or null")
            if b == 0x6E { try literal("null"); parts.geometry = nil }
            else if b == 0x7B {
                let member = try parseObjectParts(.geometry)
                parts.geometry = try buildGeometry(member)
            }
            else { throw ruleError("\"geometry\" must be a geometry object or null") }
        case "properties" where kind != .geometry:
            parts.hasProperties = true
            let b = try peek("an object or null")
            if b == 0x6E { try literal("null"); parts.properties = nil }
            else if b == 0x7B, case .object(let o) = try parseValue() { parts.properties = o }
            else { throw ruleError("\"properties\" must be an object or null") }
        case "id" where kind != .geometry:
            let loc = location
            switch try parseValue() {
            case .string(let s): parts.id = .string(s)
            case .integer(let v): parts.id = .integer(v)
            case .number(let d): parts.id = .number(d)
            default: throw ruleError("a Feature \"id\" must be a string or a number", at: loc)
            }
        case "features" where kind == .any:
            var list: [Feature] = []
            guard try peek("an array") == 0x5B else { throw ruleError("\"features\" must be an array of Feature objects") }
            try forEachElement { (p, _) throws(ParseStop) in list.append(try p.parseFeature()) }
            parts.features = list
        case "bbox":
            parts.bbox = try parseBBox()
        case "crs":
            try crsMember()
        default:
            if kind == .geometry { try skipValue() } else { parts.foreign.append((key, try parseValue())) }
        }
    }

    /// RFC 7946 §4 removed `crs`: an error in strict mode, dropped with a warning in lenient mode.
    mutating func crsMember() throws(ParseStop) {
        let loc = location
        try skipValue()
        let message = "\"crs\" member is not allowed: RFC 7946 removed it (coordinates are always WGS84 longitude, latitude)"
        if lenient { warn(message + "; dropped", at: loc) } else { throw ruleError(message, at: loc) }
    }

    mutating func parseBBox() throws(ParseStop) -> [Double] {
        let loc = location
        guard try peek("an array") == 0x5B else { throw ruleError("\"bbox\" must be an array of numbers") }
        var values: [Double] = []
        try forEachElement { (p, _) throws(ParseStop) in
            let b = try p.peek("a number")
            guard b == 0x2D || (b >= 0x30 && b <= 0x39) || b == 0x4E || b == 0x49 else { throw p.ruleError("\"bbox\" must contain only numbers") }
            values.append(try p.parseNumber().double)
        }
        guard values.count == 4 || values.count == 6 else {
            throw ruleError("\"bbox\" must have 4 numbers (or 6 with altitude), found \(values.count)", at: loc)
        }
        let half = values.count / 2
        if values[1] > values[half + 1] { throw ruleError("\"bbox\" south latitude \(values[1]) is north of its north latitude \(values[half + 1])", at: loc) }
        return values
    }

    mutating func parseFeature() throws(ParseStop) -> Feature {
        guard try peek("a Feature") == 0x7B else { throw ruleError("expected a Feature object but found \(describe(bytes[i]))") }
        let parts = try parseObjectParts(.feature)
        return try buildFeature(parts)
    }

    // MARK: building values from parts

    func typeError(_ parts: ObjectParts, expected: String) -> ParseStop {
        guard let type = parts.type else { return ruleError("missing \"type\" member", at: parts.start) }
        let known = geometryTypeNames.contains(type) || type == "Feature" || type == "FeatureCollection"
        let what = known ? "expected \(expected) but \"type\" is \"\(type)\"" : "unknown type \"\(type)\" (expected \(expected))"
        return ruleError(what, at: parts.typeLoc, extraPath: [.key("type")])
    }

    mutating func buildFeature(_ parts: ObjectParts) throws(ParseStop) -> Feature {
        guard parts.type == "Feature" else { throw typeError(parts, expected: "a Feature") }
        try requireMember(parts.hasGeometry, "geometry", parts)
        try requireMember(parts.hasProperties, "properties", parts)
        return Feature(id: parts.id, geometry: parts.geometry, properties: parts.hasProperties ? parts.properties : JSONObject(),
                       bbox: parts.bbox, foreignMembers: parts.foreign.isEmpty ? JSONObject() : JSONObject(uniqueMembers: parts.foreign))
    }

    mutating func requireMember(_ present: Bool, _ name: String, _ parts: ObjectParts) throws(ParseStop) {
        if present { return }
        let message = "a Feature must have a \"\(name)\" member (null when empty)"
        if lenient { warn(message + "; assumed \(name == "geometry" ? "null" : "{}")", at: parts.start) } else { throw ruleError(message, at: parts.start) }
    }

    /// Builds whatever the parts describe (used for top-level objects and sequence records).
    mutating func buildAny(_ parts: ObjectParts) throws(ParseStop) -> GeoJSONObject {
        switch parts.type {
        case "Feature": return .feature(try buildFeature(parts))
        case "FeatureCollection":
            guard let features = parts.features else { throw ruleError("a FeatureCollection must have a \"features\" array", at: parts.start) }
            return .featureCollection(FeatureCollection(features: features, bbox: parts.bbox, foreignMembers: JSONObject(uniqueMembers: parts.foreign)))
        case let t? where isGeometryType(t): return .geometry(try buildGeometry(parts))
        default: throw typeError(parts, expected: "a geometry, Feature or FeatureCollection")
        }
    }

    mutating func buildGeometry(_ parts: ObjectParts) throws(ParseStop) -> Geometry {
        guard let type = parts.type, isGeometryType(type) else {
            throw typeError(parts, expected: "a geometry type (Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection)")
        }
        if type == "GeometryCollection" {
            guard let g = parts.geometries else { throw ruleError("a GeometryCollection must have a \"geometries\" array", at: parts.start) }
            return .geometryCollection(g)
        }
        guard let c = parts.coordinates else { throw ruleError("a \(type) must have a \"coordinates\" member", at: parts.start) }
        let rel: [PathComponent] = [.key("coordinates")]
        switch type {
        case "Point":
            return .point(try position(c, rel))
        case "MultiPoint":
            return .multiPoint(try list(c, rel, of: "positions").enumerated().map { (k, n) throws(ParseStop) in try position(n, rel + [.index(k)]) })
        case "LineString":
            return .lineString(try lineString(c, rel))
        case "MultiLineString":
            return .multiLineString(try list(c, rel, of: "LineStrings").enumerated().map { (k, n) throws(ParseStop) in try lineString(n, rel + [.index(k)]) })
        case "Polygon":
            return .polygon(try polygon(c, rel))
        default: // MultiPolygon
            return .multiPolygon(try list(c, rel, of: "Polygons").enumerated().map { (k, n) throws(ParseStop) in try polygon(n, rel + [.index(k)]) })
        }
    }

    func position(_ n: CoordNode, _ rel: [PathComponent]) throws(ParseStop) -> Position {
        switch n.kind {
        case .position(let p): return p
        case .list(let l):
            let found = l.isEmpty ? "an empty array" : "an array of arrays"
            throw ruleError("wrong nesting depth: expected a position [longitude, latitude] but found \(found)", at: n.loc, extraPath: rel)
        }
    }

    func list(_ n: CoordNode, _ rel: [PathComponent], of what: String) throws(ParseStop) -> [CoordNode] {
        switch n.kind {
        case .list(let l): return l
        case .position: throw ruleError("wrong nesting depth: expected an array of \(what) but found a position", at: n.loc, extraPath: rel)
        }
    }

    func lineString(_ n: CoordNode, _ rel: [PathComponent]) throws(ParseStop) -> [Position] {
        let ps = try list(n, rel, of: "positions").enumerated().map { (k, c) throws(ParseStop) in try position(c, rel + [.index(k)]) }
        guard ps.count >= 2 else { throw ruleError("a LineString needs at least 2 positions, found \(ps.count)", at: n.loc, extraPath: rel) }
        return ps
    }

    mutating func polygon(_ n: CoordNode, _ rel: [PathComponent]) throws(ParseStop) -> [[Position]] {
        var rings: [[Position]] = []
        for (k, r) in try list(n, rel, of: "linear rings").enumerated() { rings.append(try ring(r, rel + [.index(k)])) }
        return rings
    }

    /// A linear ring: closed, at least 4 positions (RFC 7946 §3.1.6). Lenient mode closes open rings.
    mutating func ring(_ n: CoordNode, _ rel: [PathComponent]) throws(ParseStop) -> [Position] {
        var ps = try list(n, rel, of: "positions").enumerated().map { (k, c) throws(ParseStop) in try position(c, rel + [.index(k)]) }
        if let first = ps.first, let last = ps.last, first != last {
            let message = "linear ring is not closed: first position [\(first.longitude), \(first.latitude)] differs from last [\(last.longitude), \(last.latitude)]"
            if lenient {
                ps.append(first)
                warn(message + "; closed it", at: n.loc, extraPath: rel)
            } else {
                throw ruleError(message, at: n.loc, extraPath: rel)
            }
        }
        guard ps.count >= 4 else { throw ruleError("a linear ring needs at least 4 positions, found \(ps.count)", at: n.loc, extraPath: rel) }
        return ps
    }

    // MARK: coordinates

    /// Parses a `coordinates` value: nested arrays whose innermost arrays are positions. Checks each
    /// position (2 or 3 finite numbers, latitude within ±90, longitude within ±180).
    mutating func parseCoordinates() throws(ParseStop) -> CoordNode {
        let b = try peek("an array")
        let loc = location
        guard b == 0x5B else { throw ruleError("coordinates must be arrays of numbers, found \(describe(b))") }
        i += 1
        try enterContainer()
        defer { depth -= 1 }
        let c = try peek("']' or a value")
        if c == 0x5D { i += 1; return CoordNode(kind: .list([]), loc: loc) }
        if c == 0x5B {
            var children: [CoordNode] = []
            var n = 0
            while true {
                path.append(.index(n))
                let b = try peek("an array")
                guard b == 0x5B else { throw ruleError("wrong nesting depth: expected an array but found \(describe(b))") }
                children.append(try parseCoordinates())
                path.removeLast()
                n += 1
                let d = try peek("',' or ']'")
                i += 1
                if d == 0x5D { break }
                guard d == 0x2C else { i -= 1; throw syntaxError("expected ',' or ']' but found \(describe(d))") }
            }
            return CoordNode(kind: .list(children), loc: loc)
        }
        return CoordNode(kind: .position(try parsePositionNumbers(loc)), loc: loc)
    }

    private mutating func parsePositionNumbers(_ loc: SourceLocation) throws(ParseStop) -> Position {
        var values = (0.0, 0.0, 0.0)
        var count = 0
        while true {
            path.append(.index(count))
            let b = try peek("a number")
            guard b == 0x2D || (b >= 0x30 && b <= 0x39) || b == 0x4E || b == 0x49 else {
                throw ruleError(b == 0x5B ? "wrong nesting depth: a position mixes numbers and arrays" : "a position must contain only numbers, found \(describe(b))")
            }
            let v = try parseNumber().double
            path.removeLast()
            switch count {
            case 0: values.0 = v
            case 1: values.1 = v
            case 2: values.2 = v
            default: break
            }
            count += 1
            let d = try peek("',' or ']'")
            i += 1
            if d == 0x5D { break }
            guard d == 0x2C else { i -= 1; throw syntaxError("expected ',' or ']' but found \(describe(d))") }
        }
        guard count >= 2 else { throw ruleError("a position needs at least 2 numbers (longitude, latitude), found \(count)", at: loc) }
        if count > 3 { warn("a position has \(count) numbers; RFC 7946 allows longitude, latitude and altitude only, the rest is ignored", at: loc) }
        var p = Position(latitude: values.1, longitude: values.0, altitude: count >= 3 ? values.2 : nil)
        try checkRange(&p, loc)
        return p
    }

    private mutating func checkRange(_ p: inout Position, _ loc: SourceLocation) throws(ParseStop) {
        if abs(p.latitude) > 90 {
            var message = "latitude \(format(p.latitude)) is outside ±90°"
            if abs(p.longitude) <= 90 && abs(p.latitude) <= 180 { message += " (are longitude and latitude swapped? GeoJSON order is [longitude, latitude])" }
            throw ruleError(message, at: loc)
        }
        if abs(p.longitude) > 180 {
            let message = "longitude \(format(p.longitude)) is outside ±180°"
            guard lenient else { throw ruleError(message, at: loc) }
            let wrapped = normalizedLongitude(p.longitude)
            warn(message + "; normalised to \(format(wrapped))", at: loc)
            p.longitude = wrapped
        }
    }

    private func format(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}

/// `longitude` wrapped into −180…180 (180 stays 180, −180 stays −180).
func normalizedLongitude(_ longitude: Double) -> Double {
    if longitude >= -180 && longitude <= 180 { return longitude }
    var l = fmod(longitude + 180, 360)
    if l < 0 { l += 360 }
    return l - 180
}
