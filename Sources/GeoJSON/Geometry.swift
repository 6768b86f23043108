/// The seven RFC 7946 geometry types as a value.
///
/// Rings are arrays of positions whose first and last positions are equal; a polygon's first ring is
/// its exterior, the others are holes. Nothing here checks validity: the codec checks the rules of
/// RFC 7946, and the Topology module checks planar validity. A plain value: thread-safe.
public enum Geometry: Sendable, Hashable {
    case point(Position)
    case multiPoint([Position])
    case lineString([Position])
    case multiLineString([[Position]])
    case polygon([[Position]])
    case multiPolygon([[[Position]]])
    case geometryCollection([Geometry])

    /// The RFC 7946 `"type"` member for this geometry.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }

    /// True when the geometry has no positions at all (e.g. an empty MultiPolygon).
    public var isEmpty: Bool {
        var empty = true
        forEachPosition { _ in empty = false }
        return empty
    }

    /// Calls `body` on every position in order, descending into collections. O(n).
    public func forEachPosition(_ body: (Position) throws -> Void) rethrows {
        switch self {
        case .point(let p): try body(p)
        case .multiPoint(let ps), .lineString(let ps): try ps.forEach(body)
        case .multiLineString(let ls), .polygon(let ls): for l in ls { try l.forEach(body) }
        case .multiPolygon(let polys): for poly in polys { for r in poly { try r.forEach(body) } }
        case .geometryCollection(let gs): for g in gs { try g.forEachPosition(body) }
        }
    }

    /// A copy with `transform` applied to every position, structure unchanged. O(n).
    public func mapPositions(_ transform: (Position) throws -> Position) rethrows -> Geometry {
        switch self {
        case .point(let p): return .point(try transform(p))
        case .multiPoint(let ps): return .multiPoint(try ps.map(transform))
        case .lineString(let ps): return .lineString(try ps.map(transform))
        case .multiLineString(let ls): return .multiLineString(try ls.map { try $0.map(transform) })
        case .polygon(let rs): return .polygon(try rs.map { try $0.map(transform) })
        case .multiPolygon(let ps): return .multiPolygon(try ps.map { try $0.map { try $0.map(transform) } })
        case .geometryCollection(let gs): return .geometryCollection(try gs.map { try $0.mapPositions(transform) })
        }
    }

    /// The number of positions. O(n).
    public var positionCount: Int {
        var n = 0
        forEachPosition { _ in n += 1 }
        return n
    }

    /// The geographic bounding box (no antimeridian handling), or nil for an empty geometry. O(n).
    public var boundingBox: BoundingBox? {
        var box: BoundingBox?
        forEachPosition { p in
            if box == nil { box = BoundingBox(south: p.latitude, west: p.longitude, north: p.latitude, east: p.longitude) }
            else { box!.extend(with: p) }
        }
        return box
    }
}

/// An axis-aligned box in degrees: `west…east` longitude, `south…north` latitude.
public struct BoundingBox: Sendable, Hashable {
    public var south: Double
    public var west: Double
    public var north: Double
    public var east: Double

    public init(south: Double, west: Double, north: Double, east: Double) {
        self.south = south; self.west = west; self.north = north; self.east = east
    }

    /// Grows the box to include `p`.
    public mutating func extend(with p: Position) {
        south = min(south, p.latitude); north = max(north, p.latitude)
        west = min(west, p.longitude); east = max(east, p.longitude)
    }

    /// Grows the box to include `other`.
    public mutating func extend(with other: BoundingBox) {
        south = min(south, other.south); north = max(north, other.north)
        west = min(west, other.west); east = max(east, other.east)
    }

    /// True when `p` lies inside or on the box.
    public func contains(_ p: Position) -> Bool {
        p.latitude >= south && p.latitude <= north && p.longitude >= west && p.longitude <= east
    }

    /// True when the boxes share at least one point.
    public func intersects(_ other: BoundingBox) -> Bool {
        !(other.west > east || other.east < west || other.south > north || other.north < south)
    }
}
