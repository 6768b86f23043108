internal import CGEOS
import GeoJSON

// Conversion between `Geometry` values and GEOS geometries, through coordinate-sequence buffers
// (GEOSCoordSeq_copyFromBuffer_r / copyToBuffer_r) rather than one call per coordinate.
//
// A position's altitude becomes Z; in a sequence where some positions have an altitude and others
// not, the missing ones are NaN in GEOS and come back as nil.

/// Why GEOS cannot build a geometry value, and where.
struct Malformation {
    /// GeoJSON-style path of the component, e.g. `coordinates[0][3]`.
    var path: String
    /// What is wrong, for `TopologyError.malformed`.
    var message: String
    /// The same problem in the words GEOS's validity check uses (`TopologyValidationError`).
    var reason: String
    /// The offending position.
    var location: Position?
}

extension Geometry {
    /// The first reason GEOS cannot build this geometry, if any: a non-finite coordinate, a line with one position, a ring with 1–3 positions or not closed. O(n).
    func firstMalformation(path: String = "") -> Malformation? {
        func finite(_ ps: [Position], _ p: String) -> Malformation? {
            guard let i = ps.firstIndex(where: { !$0.latitude.isFinite || !$0.longitude.isFinite || !($0.altitude?.isFinite ?? true) })
            else { return nil }
            return Malformation(path: "\(p)[\(i)]", message: "coordinate is not a finite number", reason: "Invalid Coordinate", location: ps[i])
        }
        func line(_ ps: [Position], _ p: String) -> Malformation? {
            if let m = finite(ps, p) { return m }
            guard ps.count == 1 else { return nil }
            return Malformation(path: p, message: "a line needs at least 2 positions, found 1",
                                reason: "Too few distinct points in geometry component", location: ps[0])
        }
        func ring(_ ps: [Position], _ p: String) -> Malformation? {
            if let m = finite(ps, p) { return m }
            guard let first = ps.first, let last = ps.last else { return nil }
            if ps.count < 4 {
                return Malformation(path: p, message: "a ring needs at least 4 positions, found \(ps.count)",
                                    reason: "Too few distinct points in geometry component", location: first)
            }
            if !samePlanarPoint(first, last) {
                return Malformation(path: p, message: "ring is not closed: first and last positions differ",
                                    reason: "Ring is not closed", location: first)
            }
            return nil
        }
        func firstOf<T>(_ items: [T], _ check: (Int, T) -> Malformation?) -> Malformation? {
            for (i, item) in items.enumerated() { if let m = check(i, item) { return m } }
            return nil
        }
        let c = path.isEmpty ? "coordinates" : path + ".coordinates"
        switch self {
        case .point(let p): return finite([p], c).map { m in var m = m; m.path = c; return m }
        case .multiPoint(let ps): return finite(ps, c)
        case .lineString(let ps): return line(ps, c)
        case .multiLineString(let ls): return firstOf(ls) { i, l in line(l, "\(c)[\(i)]") }
        case .polygon(let rs): return firstOf(rs) { i, r in ring(r, "\(c)[\(i)]") }
        case .multiPolygon(let polys):
            return firstOf(polys) { i, rs in firstOf(rs) { j, r in ring(r, "\(c)[\(i)][\(j)]") } }
        case .geometryCollection(let gs):
            return firstOf(gs) { i, g in
                g.firstMalformation(path: path.isEmpty ? "geometries[\(i)]" : "\(path).geometries[\(i)]")
            }
        }
    }

    /// Throws `TopologyError.malformed` for the first reason GEOS cannot build this geometry.
    func checkBuildable() throws {
        if let m = firstMalformation() { throw TopologyError.malformed(path: m.path, message: m.message) }
    }
}

/// Equal in x and y (the ring-closure test of GEOS, which ignores Z).
private func samePlanarPoint(_ a: Position, _ b: Position) -> Bool {
    a.longitude == b.longitude && a.latitude == b.latitude
}

extension GEOSGeometryHandle {
    /// Builds the GEOS form of `geometry` in `context`. O(n) in the number of positions.
    /// Throws `.malformed` for input GEOS cannot represent, `.library` if GEOS fails.
    convenience init(_ geometry: Geometry, in context: GEOSContext) throws {
        try geometry.checkBuildable()
        self.init(owning: try GEOSBuilder(context: context).build(geometry))
    }

    /// The value form of this GEOS geometry. A GEOS empty point, which `Geometry` cannot hold, becomes
    /// an empty `.multiPoint`; a LinearRing becomes a `.lineString`. O(n).
    func geometry(in context: GEOSContext) throws -> Geometry {
        try GEOSReader(context: context).geometry(pointer)
    }
}

/// Builds raw GEOS geometries from values that passed `checkBuildable`. Every pointer it returns is
/// owned by the caller; on a failure part-way it destroys what it made.
private struct GEOSBuilder {
    let context: GEOSContext
    var ctx: GEOSContextHandle_t { context.handle }

    func build(_ geometry: Geometry) throws -> OpaquePointer {
        switch geometry {
        case .point(let p):
            return try check(GEOSGeom_createPoint_r(ctx, try sequence([p])), "GEOSGeom_createPoint_r")
        case .multiPoint(let ps):
            return try collection(GEOS_MULTIPOINT, ps.map { p in { try build(.point(p)) } })
        case .lineString(let ps):
            if ps.isEmpty { return try check(GEOSGeom_createEmptyLineString_r(ctx), "GEOSGeom_createEmptyLineString_r") }
            return try check(GEOSGeom_createLineString_r(ctx, try sequence(ps)), "GEOSGeom_createLineString_r")
        case .multiLineString(let ls):
            return try collection(GEOS_MULTILINESTRING, ls.map { l in { try build(.lineString(l)) } })
        case .polygon(let rings):
            return try polygon(rings)
        case .multiPolygon(let polys):
            return try collection(GEOS_MULTIPOLYGON, polys.map { rs in { try polygon(rs) } })
        case .geometryCollection(let gs):
            return try collection(GEOS_GEOMETRYCOLLECTION, gs.map { g in { try build(g) } })
        }
    }

    private func check(_ result: OpaquePointer?, _ function: String) throws -> OpaquePointer {
        guard let result else { throw context.failure(function) }
        return result
    }

    /// A new coordinate sequence (owned by the caller) holding `positions`, 3D when any has an altitude.
    private func sequence(_ positions: [Position]) throws -> OpaquePointer {
        let hasZ = positions.contains { $0.altitude != nil }
        let stride = hasZ ? 3 : 2
        var buffer = [Double](repeating: .nan, count: positions.count * stride)
        buffer.withUnsafeMutableBufferPointer { b in
            for (i, p) in positions.enumerated() {
                b[i * stride] = p.longitude
                b[i * stride + 1] = p.latitude
                if hasZ { b[i * stride + 2] = p.altitude ?? .nan }
            }
        }
        // GEOSCoordSeq_copyFromBuffer_r returns NULL on exception.
        return try check(GEOSCoordSeq_copyFromBuffer_r(ctx, buffer, UInt32(positions.count), hasZ ? 1 : 0, 0),
                         "GEOSCoordSeq_copyFromBuffer_r")
    }

    private func ring(_ positions: [Position]) throws -> OpaquePointer {
        // GEOSGeom_createLinearRing_r takes the sequence (and frees it itself if construction fails).
        try check(GEOSGeom_createLinearRing_r(ctx, try sequence(positions)), "GEOSGeom_createLinearRing_r")
    }

    private func polygon(_ rings: [[Position]]) throws -> OpaquePointer {
        guard let first = rings.first, !first.isEmpty else {
            return try check(GEOSGeom_createEmptyPolygon_r(ctx), "GEOSGeom_createEmptyPolygon_r")
        }
        var made: [OpaquePointer?] = []
        do {
            for r in rings { made.append(try ring(r)) }
        } catch {
            for m in made { GEOSGeom_destroy_r(ctx, m) }
            throw error
        }
        var holes = Array(made.dropFirst())
        // GEOSGeom_createPolygon_r takes ownership of the shell and holes; NULL on exception.
        return try check(GEOSGeom_createPolygon_r(ctx, made[0], &holes, UInt32(holes.count)), "GEOSGeom_createPolygon_r")
    }

    private func collection(_ type: GEOSGeomTypes, _ parts: [() throws -> OpaquePointer]) throws -> OpaquePointer {
        if parts.isEmpty {
            return try check(GEOSGeom_createEmptyCollection_r(ctx, Int32(type.rawValue)), "GEOSGeom_createEmptyCollection_r")
        }
        var made: [OpaquePointer?] = []
        made.reserveCapacity(parts.count)
        do {
            for part in parts { made.append(try part()) }
        } catch {
            for m in made { GEOSGeom_destroy_r(ctx, m) }
            throw error
        }
        // GEOSGeom_createCollection_r takes ownership of the parts; NULL on exception.
        return try check(GEOSGeom_createCollection_r(ctx, Int32(type.rawValue), &made, UInt32(made.count)),
                         "GEOSGeom_createCollection_r")
    }
}

/// Reads GEOS geometries (borrowed, not owned) into values.
private struct GEOSReader {
    let context: GEOSContext
    var ctx: GEOSContextHandle_t { context.handle }

    func geometry(_ g: OpaquePointer) throws -> Geometry {
        // GEOSGeomTypeId_r returns -1 on exception.
        let type = GEOSGeomTypeId_r(ctx, g)
        switch type {
        case Int32(GEOS_POINT.rawValue):
            if try isEmpty(g) { return .multiPoint([]) }
            return .point(try positions(g)[0])
        case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
            return .lineString(try positions(g))
        case Int32(GEOS_POLYGON.rawValue):
            return .polygon(try rings(g))
        case Int32(GEOS_MULTIPOINT.rawValue):
            return .multiPoint(try parts(g).map { try positions($0)[0] })
        case Int32(GEOS_MULTILINESTRING.rawValue):
            return .multiLineString(try parts(g).map { try positions($0) })
        case Int32(GEOS_MULTIPOLYGON.rawValue):
            return .multiPolygon(try parts(g).map { try rings($0) })
        case Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
            return .geometryCollection(try parts(g).map { try geometry($0) })
        default:
            throw context.failure("GEOSGeomTypeId_r")
        }
    }

    private func isEmpty(_ g: OpaquePointer) throws -> Bool {
        switch GEOSisEmpty_r(ctx, g) {  // 2 on exception
        case 1: return true
        case 0: return false
        default: throw context.failure("GEOSisEmpty_r")
        }
    }

    private func parts(_ g: OpaquePointer) throws -> [OpaquePointer] {
        let n = GEOSGetNumGeometries_r(ctx, g)  // -1 on exception
        guard n >= 0 else { throw context.failure("GEOSGetNumGeometries_r") }
        return try (0..<n).map { i in
            // GEOSGetGeometryN_r returns a borrowed pointer, NULL on exception.
            guard let part = GEOSGetGeometryN_r(ctx, g, i) else { throw context.failure("GEOSGetGeometryN_r") }
            return part
        }
    }

    private func rings(_ polygon: OpaquePointer) throws -> [[Position]] {
        if try isEmpty(polygon) { return [] }
        // Both return borrowed rings, NULL on exception; GEOSGetNumInteriorRings_r returns -1 on exception.
        guard let shell = GEOSGetExteriorRing_r(ctx, polygon) else { throw context.failure("GEOSGetExteriorRing_r") }
        let holeCount = GEOSGetNumInteriorRings_r(ctx, polygon)
        guard holeCount >= 0 else { throw context.failure("GEOSGetNumInteriorRings_r") }
        var result = [try positions(shell)]
        for i in 0..<holeCount {
            guard let hole = GEOSGetInteriorRingN_r(ctx, polygon, i) else { throw context.failure("GEOSGetInteriorRingN_r") }
            result.append(try positions(hole))
        }
        return result
    }

    /// The positions of a point, line or ring. NaN Z values become a nil altitude.
    private func positions(_ g: OpaquePointer) throws -> [Position] {
        guard let seq = GEOSGeom_getCoordSeq_r(ctx, g) else { throw context.failure("GEOSGeom_getCoordSeq_r") }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(ctx, seq, &size) != 0 else { throw context.failure("GEOSCoordSeq_getSize_r") }
        // The sequence's own dimension, not GEOSHasZ_r, which only looks at the first coordinate's Z.
        var dimensions: UInt32 = 0
        guard GEOSCoordSeq_getDimensions_r(ctx, seq, &dimensions) != 0 else { throw context.failure("GEOSCoordSeq_getDimensions_r") }
        let hasZ = dimensions >= 3
        let stride = hasZ ? 3 : 2
        var buffer = [Double](repeating: 0, count: Int(size) * stride)
        // GEOSCoordSeq_copyToBuffer_r returns 0 on exception.
        guard GEOSCoordSeq_copyToBuffer_r(ctx, seq, &buffer, hasZ ? 1 : 0, 0) != 0 else {
            throw context.failure("GEOSCoordSeq_copyToBuffer_r")
        }
        return (0..<Int(size)).map { i in
            let z = hasZ ? buffer[i * stride + 2] : .nan
            return Position(latitude: buffer[i * stride + 1], longitude: buffer[i * stride], altitude: z.isNaN ? nil : z)
        }
    }
}
