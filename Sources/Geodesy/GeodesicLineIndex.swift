internal import CPROJ
import GeoJSON

/// The location on a line nearest to a query point, found along the ellipsoid.
public struct NearestPoint: Sendable, Hashable {
    /// Geodesic distance in metres from the query point to `position`.
    public var metres: Double
    /// The nearest location on the line (on the geodesic edge, possibly at a vertex).
    public var position: Position
    /// Which line of the indexed geometry: the LineString's or ring's index in input order
    /// (for a MultiPolygon, rings are numbered through all polygons, exterior first).
    public var lineIndex: Int
    /// Which edge of that line: edge `i` joins vertex `i` and vertex `i + 1`.
    public var edgeIndex: Int
    /// Metres along the edge from vertex `edgeIndex` to `position`.
    public var alongEdge: Double
}

/// A LineString, MultiLineString or polygon boundary prepared for fast, exact geodesic
/// point-to-line distance queries.
///
/// Every edge is the geodesic between its two vertices on the ellipsoid (not a straight line in
/// degrees, not a rhumb line). A query finds the exact nearest location (error ≪ 1 mm: the foot of
/// the perpendicular geodesic is solved by safeguarded Newton iteration using the reduced length
/// and geodesic scale) and uses a bounding-sphere hierarchy in Earth-centred Cartesian space to
/// skip edges: a chord is never longer than the geodesic it spans, so the Cartesian distance to a
/// bounding sphere is a provable lower bound on the geodesic distance to any edge inside it.
///
/// Building is O(n log n) for n edges; a query is about O(log n) for points near the line (a few
/// dozen sphere tests and a handful of exact edge evaluations). An immutable value: `Sendable`,
/// build once and query from any number of threads.
public struct GeodesicLineIndex: Sendable {
    /// The ellipsoid the edges are geodesics on.
    public let ellipsoid: Ellipsoid
    /// The lines as given (validated), in input order.
    public let lines: [[Position]]
    /// Edge pieces in tree order; long edges are split into pieces ≤ `maximumPieceLength`.
    let pieces: [Piece]
    /// Bounding-sphere hierarchy over `pieces`; node 0 is the root.
    let nodes: [Node]

    /// Edges longer than this are indexed as several pieces of the same geodesic, so that every
    /// bounding sphere stays small.
    static let maximumPieceLength = 50_000.0
    static let leafSize = 4

    struct Piece: Sendable {
        var line: Int32
        var edge: Int32
        /// Start and end of the piece, metres along the edge's geodesic from its first vertex.
        var from: Double
        var to: Double
        /// Centre (the piece's midpoint, ECEF) and radius (half its length) of a sphere that
        /// contains the whole piece: every point of it is at most half its length along the
        /// geodesic, hence at most that far in a straight line, from the midpoint.
        var centre: Cartesian
        var radius: Double
        /// The piece's end points (ECEF) and how far the geodesic between them can bulge away from
        /// the straight chord: a curve of length L whose curvature never exceeds κ stays within
        /// (1 − cos(κL/2))/κ ≤ κL²/8 of its chord. So the straight-line distance to the chord minus
        /// `slack` is a lower bound on the geodesic distance to any point of the piece, far tighter
        /// than the bounding sphere.
        var start: Cartesian
        var end: Cartesian
        var slack: Double

        @inline(__always)
        func lowerBound(_ q: Cartesian) -> Double { max(0, q.distance(toSegment: start, end) - slack) }
    }

    struct Node: Sendable {
        var centre: Cartesian
        var radius: Double
        /// For a leaf: pieces `first ..< first + count`; for an inner node, `count == 0` and the
        /// children are `first` and `first + 1`.
        var first: Int32
        var count: Int32
    }

    /// Indexes the lines of a LineString, MultiLineString, Polygon or MultiPolygon (all rings), or
    /// a GeometryCollection of them.
    /// - Throws: `GeodesyError.degenerateGeometry` for points, empty geometries or a line with fewer
    ///   than two distinct vertices; `.invalidPosition` for a bad vertex, naming it.
    public init(_ geometry: Geometry, ellipsoid: Ellipsoid = .wgs84) throws(GeodesyError) {
        try self.init(lines: try Self.lines(of: geometry), ellipsoid: ellipsoid)
    }

    /// Indexes the given lines (each a sequence of vertices joined by geodesic edges; close a
    /// ring by repeating its first vertex).
    /// - Throws: `GeodesyError.degenerateGeometry` for no lines or a line with fewer than two
    ///   distinct vertices; `.invalidPosition` for a bad vertex, naming it.
    public init(lines: [[Position]], ellipsoid: Ellipsoid = .wgs84) throws(GeodesyError) {
        guard !lines.isEmpty else { throw .degenerateGeometry("no lines to index") }
        // Runs of up to 1,024 edges: the geodesics of all lines are solved over all cores.
        var runs: [(line: Int, edges: Range<Int>)] = []
        for (l, line) in lines.enumerated() {
            var distinct = false
            for (i, p) in line.enumerated() {
                _ = try p.validated("line \(l), vertex \(i)")
                if p != line[0] { distinct = true }
            }
            guard line.count >= 2, distinct else {
                throw .degenerateGeometry("line \(l) has \(line.count) vertices but fewer than two distinct ones")
            }
            for start in stride(from: 0, to: line.count - 1, by: 1_024) {
                runs.append((l, start..<min(start + 1_024, line.count - 1)))
            }
        }
        var pieces: [Piece] = []
        for run in concurrentMap(runs, { run -> [Piece] in
            let line = lines[run.line]
            var out: [Piece] = []
            out.reserveCapacity(run.edges.count)
            for e in run.edges where line[e] != line[e + 1] {
                Self.appendPieces(of: line[e], line[e + 1], line: run.line, edge: e, ellipsoid: ellipsoid, to: &out)
            }
            return out
        }) {
            pieces += run
        }
        self.ellipsoid = ellipsoid
        self.lines = lines
        var nodes: [Node] = []
        nodes.reserveCapacity(2 * pieces.count / Self.leafSize + 2)
        Self.build(&pieces, &nodes)
        self.pieces = pieces
        self.nodes = nodes
    }

    /// The number of edges indexed (zero-length edges are skipped).
    public var edgeCount: Int { Set(pieces.lazy.map { Int($0.line) << 32 | Int($0.edge) }).count }

    static func lines(of geometry: Geometry) throws(GeodesyError) -> [[Position]] {
        switch geometry {
        case .lineString(let l): return [l]
        case .multiLineString(let ls), .polygon(let ls): return ls
        case .multiPolygon(let ps): return ps.flatMap { $0 }
        case .geometryCollection(let gs):
            var out: [[Position]] = []
            for g in gs { out += try lines(of: g) }
            return out
        case .point, .multiPoint:
            throw .degenerateGeometry("\(geometry.typeName) has no edges to measure a distance to")
        }
    }

    private static func appendPieces(of a: Position, _ b: Position, line: Int, edge: Int, ellipsoid: Ellipsoid, to pieces: inout [Piece]) {
        let geodesic = GeodesicLine(ellipsoid: ellipsoid, from: a, to: b)
        let count = max(1, Int((geodesic.length / maximumPieceLength).rounded(.up)))
        let step = geodesic.length / Double(count)
        let kappa = ellipsoid.maximumCurvature
        var start = ellipsoid.cartesian(latitude: a.latitude, longitude: a.longitude)
        for k in 0..<count {
            let from = step * Double(k), to = k == count - 1 ? geodesic.length : step * Double(k + 1)
            let mid = geodesic.position(atDistance: (from + to) / 2)
            let last = k == count - 1 ? b : geodesic.position(atDistance: to)
            let end = ellipsoid.cartesian(latitude: last.latitude, longitude: last.longitude)
            let length = to - from
            // A micrometre of extra slack covers rounding in the Cartesian conversion (≈ 1e-9 m).
            pieces.append(Piece(line: Int32(line), edge: Int32(edge), from: from, to: to,
                                centre: ellipsoid.cartesian(latitude: mid.latitude, longitude: mid.longitude),
                                radius: length / 2 + 1e-6, start: start, end: end,
                                slack: kappa * length * length / 8 + 1e-6))
            start = end
        }
    }

    /// Builds the hierarchy top-down by median splits on the widest axis of the pieces' centres, then
    /// reorders `pieces` so each leaf is a contiguous range. O(n log n): each split selects the
    /// median (`select`) instead of sorting.
    private static func build(_ pieces: inout [Piece], _ nodes: inout [Node]) {
        let centres = pieces.map(\.centre), radii = pieces.map(\.radius)
        var order = Array(Int32(0)..<Int32(pieces.count))
        var keys = [Double](repeating: 0, count: pieces.count)
        nodes.append(Node(centre: Cartesian(x: 0, y: 0, z: 0), radius: 0, first: 0, count: 0))
        var work: [(node: Int, range: Range<Int>)] = [(0, 0..<pieces.count)]
        while let (node, range) = work.popLast() {
            var lo = Cartesian(x: .infinity, y: .infinity, z: .infinity), hi = Cartesian(x: -.infinity, y: -.infinity, z: -.infinity)
            for i in range {
                let c = centres[Int(order[i])]
                lo.x = min(lo.x, c.x); lo.y = min(lo.y, c.y); lo.z = min(lo.z, c.z)
                hi.x = max(hi.x, c.x); hi.y = max(hi.y, c.y); hi.z = max(hi.z, c.z)
            }
            let centre = Cartesian(x: (lo.x + hi.x) / 2, y: (lo.y + hi.y) / 2, z: (lo.z + hi.z) / 2)
            var radius = 0.0
            for i in range {
                let k = Int(order[i])
                radius = max(radius, centre.distance(to: centres[k]) + radii[k])
            }
            nodes[node].centre = centre
            nodes[node].radius = radius
            if range.count <= leafSize {
                nodes[node].first = Int32(range.lowerBound)
                nodes[node].count = Int32(range.count)
                continue
            }
            let dx = hi.x - lo.x, dy = hi.y - lo.y, dz = hi.z - lo.z
            for i in range {
                let c = centres[Int(order[i])]
                keys[Int(order[i])] = dx >= dy && dx >= dz ? c.x : dy >= dz ? c.y : c.z
            }
            let mid = range.lowerBound + range.count / 2
            select(&order, range, mid, keys: keys)
            let left = nodes.count
            nodes.append(Node(centre: centre, radius: 0, first: 0, count: 0))
            nodes.append(Node(centre: centre, radius: 0, first: 0, count: 0))
            nodes[node].first = Int32(left)
            nodes[node].count = 0
            work.append((left, range.lowerBound..<mid))
            work.append((left + 1, mid..<range.upperBound))
        }
        pieces = order.map { pieces[Int($0)] }
    }

    /// Reorders `order[range]` so that position `k` holds the index a full sort by `keys` would put
    /// there, with no larger key before it and no smaller one after it (Hoare's selection with a
    /// median-of-three pivot). O(n) expected; keys must be finite.
    static func select(_ order: inout [Int32], _ range: Range<Int>, _ k: Int, keys: [Double]) {
        var lo = range.lowerBound, hi = range.upperBound - 1
        while lo < hi {
            let a = keys[Int(order[lo])], b = keys[Int(order[lo + (hi - lo) / 2])], c = keys[Int(order[hi])]
            let pivot = max(min(a, b), min(max(a, b), c))
            var i = lo, j = hi
            while i <= j {
                while keys[Int(order[i])] < pivot { i += 1 }
                while keys[Int(order[j])] > pivot { j -= 1 }
                if i <= j {
                    order.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Now keys in lo...j are ≤ pivot, in i...hi ≥ pivot, and strictly between equal to it.
            if k <= j { hi = j } else if k >= i { lo = i } else { return }
        }
    }
}
