import Foundation
import GeoJSON

extension Ellipsoid {
    /// The largest buffer distance accepted (10 000 km, a quarter of a meridian): beyond it the
    /// perpendicular geodesics that build a line's buffer start to cross each other.
    public static let maximumBufferDistance = 10_000_000.0

    /// The region within `metres` of a geometry, on the ellipsoid: for a point, a geodesic circle;
    /// for a line, the band whose edge is at geodesic distance `metres` from the line (round caps and
    /// joins); for a polygon, the polygon grown by `metres` (holes shrink or vanish).
    ///
    /// Built from geodesics, not in degrees and not in one planar projection: boundary vertices
    /// are computed with the direct geodesic problem at exactly `metres` from the input lines,
    /// thinned first to within `metres` / 500 (perpendicular offsets along edges, round joins on the
    /// outer side of turns, circles at the ends of open lines), and GEOS only dissolves these pieces.
    /// Every vertex of the result lies within max(0.5 %, 1 m) of `metres` from the input, except
    /// vertices that close a polar cap along latitude ±90°.
    ///
    /// The result is a Polygon or MultiPolygon with longitudes in [−180°, 180°]: a buffer crossing the
    /// antimeridian is cut there into parts (RFC 7946 §3.1.9); one containing a pole is a cap whose
    /// ring runs along ±180° and latitude ±90°.
    /// - Parameters:
    ///   - metres: buffer distance, > 0 and ≤ `maximumBufferDistance`.
    ///   - spacing: target distance in metres between boundary vertices; default min(metres / 10, 10 km).
    ///     Values above metres / 5 are lowered to it so the band above holds.
    /// - Throws: `GeodesyError.invalidDistance` for a bad distance or spacing, `.invalidPosition` /
    ///   `.degenerateGeometry` for bad input, `.overlay` if GEOS fails.
    /// - Complexity: O(L / spacing + n) pieces for total edge length L and n vertices left after
    ///   thinning, then a cascaded union.
    public func buffer(_ geometry: Geometry, metres: Double, spacing: Double? = nil) throws(GeodesyError) -> Geometry {
        let plan = try BufferPlan(ellipsoid: self, metres: metres, spacing: spacing)
        var pieces: [Geometry] = []
        var polygons: [Geometry] = []
        try plan.collect(geometry, pieces: &pieces, polygons: &polygons)
        return try BufferOverlay.fold(BufferOverlay.union(polygons + pieces))
    }

    /// The part of a Polygon or MultiPolygon farther than `metres` from its boundary (the polygon
    /// shrunk by `metres`); may be empty (`.multiPolygon([])`) when the polygon is thinner than that.
    /// Same construction, guarantees and parameters as `buffer(_:metres:spacing:)`.
    /// - Throws: as `buffer`, and `.degenerateGeometry` when the geometry is not polygonal.
    public func inwardBuffer(_ polygon: Geometry, metres: Double, spacing: Double? = nil) throws(GeodesyError) -> Geometry {
        switch polygon {
        case .polygon, .multiPolygon: break
        default: throw .degenerateGeometry("an inward buffer needs a Polygon or MultiPolygon, not \(polygon.typeName)")
        }
        let plan = try BufferPlan(ellipsoid: self, metres: metres, spacing: spacing)
        var pieces: [Geometry] = []
        var polygons: [Geometry] = []
        try plan.collect(polygon, pieces: &pieces, polygons: &polygons)
        // Fold each side first: the polygons and the band may sit in different unwrapped longitude
        // bands, but both fold into the same [−180°, 180°] plane.
        let inside = try BufferOverlay.fold(BufferOverlay.union(polygons))
        let band = try BufferOverlay.fold(BufferOverlay.union(pieces))
        return BufferOverlay.polygonal(try BufferOverlay.difference(inside, band))
    }
}

/// How one buffer is built: the pieces whose union is the buffer, in "unwrapped" longitudes (a
/// continuous longitude that may leave ±180°, so that nothing is cut while pieces are assembled).
struct BufferPlan {
    let ellipsoid: Ellipsoid
    let metres: Double
    let spacing: Double
    /// How far (metres) the path whose pieces are built may stray from the input: vertices closer
    /// than this to the line through their neighbours are dropped first (`Ellipsoid.simplified`).
    /// A five-hundredth of the distance, so the band's edge stays within 0.2 % of `metres` from the
    /// input on top of its own construction error (within the 0.5 % promised); a detailed border line
    /// (vertices tens of metres apart) loses most of its vertices for a 10 km buffer, and band areas
    /// move by less than 0.01 %.
    var simplification: Double { metres / 500 }

    /// Edges spanning more longitude than this are densified along their geodesic, so that planar
    /// operations on longitude/latitude (the union, the cut at ±180°) stay close to the geodesics.
    static let maximumLongitudeStep = 0.5

    init(ellipsoid: Ellipsoid, metres: Double, spacing: Double?) throws(GeodesyError) {
        try requirePositive(metres, "buffer distance")
        guard metres <= Ellipsoid.maximumBufferDistance else { throw .invalidDistance(metres, context: "buffer distance (at most 10 000 km)") }
        if let spacing { try requirePositive(spacing, "buffer vertex spacing") }
        self.ellipsoid = ellipsoid
        self.metres = metres
        self.spacing = min(spacing ?? min(metres / 10, 10_000), metres / 5)
    }

    /// Adds the pieces for `geometry`: `polygons` gets the input polygons themselves, `pieces` the
    /// circles and edge bands around every vertex and edge.
    func collect(_ geometry: Geometry, pieces: inout [Geometry], polygons: inout [Geometry]) throws(GeodesyError) {
        switch geometry {
        case .point(let p):
            pieces.append(disc(try p.validated("buffer point")))
        case .multiPoint(let ps):
            guard !ps.isEmpty else { throw .degenerateGeometry("empty MultiPoint") }
            for (i, p) in ps.enumerated() { pieces.append(disc(try p.validated("point \(i)"))) }
        case .lineString(let line):
            try addPath(line, context: "line", to: &pieces)
        case .multiLineString(let lines):
            guard !lines.isEmpty else { throw .degenerateGeometry("empty MultiLineString") }
            for (i, line) in lines.enumerated() { try addPath(line, context: "line \(i)", to: &pieces) }
        case .polygon(let rings):
            try addPolygon(rings, context: "polygon", pieces: &pieces, polygons: &polygons)
        case .multiPolygon(let ps):
            guard !ps.isEmpty else { throw .degenerateGeometry("empty MultiPolygon") }
            for (i, rings) in ps.enumerated() { try addPolygon(rings, context: "polygon \(i)", pieces: &pieces, polygons: &polygons) }
        case .geometryCollection(let gs):
            guard !gs.isEmpty else { throw .degenerateGeometry("empty GeometryCollection") }
            for g in gs { try collect(g, pieces: &pieces, polygons: &polygons) }
        }
    }

    /// The pieces around a path: a band along every edge, with the round join to the next edge on
    /// the outer side of the turn at its end, and full circles at the two ends of an open path. A
    /// closed path (a ring) gets a join at its closing vertex instead of end circles.
    ///
    /// Why joins and not a circle at every vertex: a point within `metres` of the path is either
    /// within `metres` of an edge's interior, so inside that edge's band, or its nearest point on the
    /// path is a vertex, and then it lies in that vertex's normal cone, the sector between the two
    /// edges' perpendiculars on the outer side of the turn. So bands with these sectors cover the
    /// buffer exactly as bands plus circles do, with far fewer vertices for GEOS to dissolve: a
    /// detailed border (tens of thousands of vertices 50 m apart, turning a few degrees at each) gets
    /// a few arc points per vertex instead of tens of thousands of overlapping 60-gons. The sector is
    /// part of the band's own ring, not a separate triangle, so no two pieces share a collinear edge
    /// (which would send GEOS's noding into its slow, snapping fallback).
    private func addPath(_ line: [Position], context: String, to pieces: inout [Geometry]) throws(GeodesyError) {
        for (i, p) in line.enumerated() { _ = try p.validated("\(context), vertex \(i)") }
        var distinct: [Position] = []
        distinct.reserveCapacity(line.count)
        for p in line where p != distinct.last { distinct.append(p) }
        guard distinct.count >= 2 else {
            throw .degenerateGeometry("\(context) has \(line.count) vertices but fewer than two distinct ones")
        }
        let path = ellipsoid.simplified(distinct, tolerance: simplification)
        let closed = path.count > 2 && path.first == path.last
        let edges = (1..<path.count).map { GeodesicLine(ellipsoid: ellipsoid, from: path[$0 - 1], to: path[$0]) }
        let polar = edges.map(nearPole)
        if !closed {
            pieces.append(disc(path[0]))
            pieces.append(disc(path[path.count - 1]))
        }
        for (e, edge) in edges.enumerated() {
            let next = e + 1 < edges.count ? e + 1 : (closed ? 0 : nil)
            guard let next, !polar[e], !polar[next] else {
                pieces.append(contentsOf: band(edge, polar: polar[e]))
                // Bands near a pole are chains of circles: the vertex gets a whole circle too.
                if let next, polar[e] || polar[next] { pieces.append(disc(edges[next].start)) }
                continue
            }
            pieces.append(contentsOf: band(edge, polar: false, joiningTo: edges[next]))
        }
    }

    private func addPolygon(_ rings: [[Position]], context: String, pieces: inout [Geometry], polygons: inout [Geometry]) throws(GeodesyError) {
        guard !rings.isEmpty else { throw .degenerateGeometry("\(context) has no rings") }
        // Validates every ring and rejects degenerate ones, as for areas.
        _ = try ellipsoid.measure(polygon: rings, context: context)
        for (r, ring) in rings.enumerated() { try addPath(ring, context: "\(context) ring \(r)", to: &pieces) }
        // Holes are unwrapped near the exterior so that all rings share one longitude band.
        let near = rings[0][0].longitude
        let unwrapped = rings.map { closedRing(unwrap(densified($0), near: near)) }
        if unwrapped.count == 1 {
            polygons.append(.polygon(unwrapped))
        } else {
            // Exterior minus holes, each ring possibly a polar cap: build them separately.
            let exterior = Geometry.polygon([unwrapped[0]])
            let holes = try BufferOverlay.union(unwrapped.dropFirst().map { .polygon([$0]) })
            polygons.append(try BufferOverlay.difference(exterior, holes))
        }
    }

    // MARK: pieces

    /// Vertices of a full circle: a circle's circumference is below 2π·metres on the ellipsoid, so
    /// this keeps them at most `spacing` apart; at least 16.
    var circleVertexCount: Int { max(16, Int((2 * .pi * metres / spacing).rounded(.up))) }

    /// A geodesic circle of radius `metres` around `centre`, as an unwrapped polygon (a polar cap when
    /// it contains a pole).
    func disc(_ centre: Position) -> Geometry {
        let n = circleVertexCount
        var ring: [Position] = []
        ring.reserveCapacity(n + 1)
        for k in 0..<n {
            ring.append(ellipsoid.unsafeDirect(centre.latitude, centre.longitude, 360 * Double(k) / Double(n), metres).position)
        }
        ring.append(ring[0])
        return .polygon([closedRing(unwrap(densified(ring), near: centre.longitude))])
    }

    /// The band swept by the perpendicular geodesics of length `metres` on both sides of the geodesic
    /// edge, with, if `next` is given, the round join to it at its end (see `addPath`). Near a pole
    /// (`polar`) the band would fold over it, so there a chain of circles is used instead.
    func band(_ line: GeodesicLine, polar: Bool, joiningTo next: GeodesicLine? = nil) -> [Geometry] {
        let n = max(1, Int((line.length / spacing).rounded(.up)))
        if polar {
            let step = line.length / Double(max(1, Int((line.length / (metres / 5)).rounded(.up))))
            return stride(from: step, to: line.length, by: step).map { disc(line.position(atDistance: $0)) }
        }
        var right: [Position] = [], left: [Position] = []
        right.reserveCapacity(n + 1)
        left.reserveCapacity(n + 1)
        var end = (position: line.start, azimuth: line.azimuth)
        for i in 0...n {
            end = line.point(atDistance: line.length * Double(i) / Double(n))
            right.append(ellipsoid.unsafeDirect(end.position.latitude, end.position.longitude, end.azimuth + 90, metres).position)
            left.append(ellipsoid.unsafeDirect(end.position.latitude, end.position.longitude, end.azimuth - 90, metres).position)
        }
        var ring = right
        if let next {
            // The arc from this band's corner to the next band's corner on the outer side, ending
            // exactly where the next band starts (same position and azimuth as its first sample).
            let start = next.point(atDistance: 0)
            let turn = normalizedAzimuth(start.azimuth - end.azimuth)   // > 0: turning right (clockwise)
            if abs(turn) > 1e-9 {
                let steps = max(1, Int((abs(turn) / 360 * Double(circleVertexCount)).rounded(.up)))
                let side = turn > 0 ? -90.0 : 90.0   // turning right, the outer side is the left
                var arc: [Position] = []
                for k in 1..<steps {
                    let azimuth = end.azimuth + side + turn * Double(k) / Double(steps)
                    arc.append(ellipsoid.unsafeDirect(end.position.latitude, end.position.longitude, azimuth, metres).position)
                }
                arc.append(ellipsoid.unsafeDirect(start.position.latitude, start.position.longitude, start.azimuth + side, metres).position)
                // Turning left the arc continues the right side; turning right it comes back along
                // the outside to the left side's last corner.
                ring += turn < 0 ? arc : arc.reversed()
            }
        }
        ring += left.reversed()
        ring.append(right[0])
        return [.polygon([closedRing(unwrap(densified(ring), near: line.start.longitude))])]
    }

    /// True when the edge's band would come within `metres` (plus a margin) of a pole.
    private func nearPole(_ line: GeodesicLine) -> Bool {
        for pole in [90.0, -90.0] {
            let foot = ellipsoid.foot(of: Position(latitude: pole, longitude: 0), on: line, from: 0, to: line.length)
            if foot.metres < metres * 1.5 + 1_000 { return true }
        }
        return false
    }

    // MARK: longitude handling

    /// Inserts geodesic points into edges that span more than `maximumLongitudeStep` of longitude.
    func densified(_ ring: [Position]) -> [Position] {
        guard var previous = ring.first else { return ring }
        var out = [previous]
        for p in ring.dropFirst() {
            let dLon = abs(normalizedAzimuth(p.longitude - previous.longitude))
            if dLon > Self.maximumLongitudeStep && abs(p.latitude) < 90 && abs(previous.latitude) < 90 {
                let steps = Int((dLon / Self.maximumLongitudeStep).rounded(.up))
                let line = GeodesicLine(ellipsoid: ellipsoid, from: previous, to: p)
                for k in 1..<steps { out.append(line.position(atDistance: line.length * Double(k) / Double(steps))) }
            }
            out.append(p)
            previous = p
        }
        return out
    }

    /// Makes longitudes continuous along the ring: each differs from the previous by less than 180°.
    /// The first is taken within 180° of `near`.
    func unwrap(_ ring: [Position], near: Double? = nil) -> [Position] {
        guard let first = ring.first else { return ring }
        var out: [Position] = []
        out.reserveCapacity(ring.count)
        var previous = near.map { $0 + normalizedAzimuth(first.longitude - $0) } ?? first.longitude
        for p in ring {
            let lon = out.isEmpty ? previous : previous + normalizedAzimuth(p.longitude - previous)
            out.append(Position(latitude: p.latitude, longitude: lon))
            previous = lon
        }
        return out
    }

    /// Closes an unwrapped ring. When its longitude advanced by a whole turn it winds around a pole:
    /// the ring is closed along that pole's latitude (±90°), making the polar cap a plain polygon in
    /// the unwrapped plane.
    func closedRing(_ ring: [Position]) -> [Position] {
        guard let first = ring.first, let last = ring.last else { return ring }
        let turn = last.longitude - first.longitude
        guard abs(turn) > 180 else {
            return last == first ? ring : ring + [first]
        }
        // Which pole the ring winds around: the one on the side of its mean latitude.
        let pole: Double = ring.reduce(0) { $0 + $1.latitude } >= 0 ? 90 : -90
        return ring + [Position(latitude: pole, longitude: last.longitude), Position(latitude: pole, longitude: first.longitude), first]
    }
}
