import GeoJSON

/// Point-in-polygon for a polygonal geometry, answering exactly as GEOS's prepared polygon does but
/// without creating a GEOS point per query, and shareable between threads.
///
/// Why not only GEOS: GEOS 3.11 has no `GEOSPreparedContainsXY` (added in 3.12), so each query would
/// allocate and free a point geometry, and a GEOS prepared geometry cannot be shared between threads.
/// This is GEOS's own method, a ray-crossing count over every ring (`RayCrossingCounter`), with the
/// segments found through horizontal slabs (GEOS uses an interval tree on y for the same purpose), and
/// one safeguard: each orientation sign is computed in doubles with Shewchuk's error bound, and when
/// the bound cannot certify the sign the locator answers `nil` so that the caller asks GEOS, whose
/// orientation test is exact. So the answer is always GEOS's answer. Immutable and Sendable.
/// O(1 + k) per query for k segments in the point's slab; O(n) memory, bounded by the slab count rule.
struct PointInAreaLocator: Sendable {
    enum Location { case interior, boundary, exterior }

    /// Segment k runs from (x1[k], y1[k]) to (x2[k], y2[k]).
    private let x1: [Double], y1: [Double], x2: [Double], y2: [Double]
    /// Horizontal slabs of height `slabHeight` from `minY`; slab b lists the segments whose y-range
    /// meets it: `slabSegments[slabStart[b]..<slabStart[b + 1]]`.
    private let minY: Double, maxY: Double, slabHeight: Double
    private let slabStart: [Int32]
    private let slabSegments: [Int32]

    /// A locator for a Polygon or MultiPolygon; nil for other geometry types and for coordinates so
    /// small or large (nonzero magnitude outside 1e-100…1e100) that products of differences could
    /// underflow or overflow, which the error bound does not cover.
    init?(_ geometry: Geometry) {
        let polygons: [[[Position]]]
        switch geometry {
        case .polygon(let rings): polygons = [rings]
        case .multiPolygon(let ps): polygons = ps
        default: return nil
        }
        var x1: [Double] = [], y1: [Double] = [], x2: [Double] = [], y2: [Double] = []
        for ring in polygons.joined() where ring.count > 1 {
            for k in 0..<(ring.count - 1) {
                let a = ring[k], b = ring[k + 1]
                guard Self.safe(a.longitude), Self.safe(a.latitude), Self.safe(b.longitude), Self.safe(b.latitude) else { return nil }
                x1.append(a.longitude); y1.append(a.latitude); x2.append(b.longitude); y2.append(b.latitude)
            }
        }
        guard x1.count < Int(Int32.max) / 4 else { return nil }
        self.x1 = x1; self.y1 = y1; self.x2 = x2; self.y2 = y2
        let minY = Swift.min(y1.min() ?? 0, y2.min() ?? 0), maxY = Swift.max(y1.max() ?? 0, y2.max() ?? 0)
        self.minY = minY; self.maxY = maxY
        // About one slab per two segments, halved until the lists hold at most 8 entries per segment
        // (long edges span many slabs).
        let n = x1.count
        var slabs = maxY > minY ? Swift.max(1, n / 2) : 1
        var height = maxY > minY ? (maxY - minY) / Double(slabs) : 1
        func range(_ k: Int, _ h: Double) -> ClosedRange<Int> {
            Self.slab(Swift.min(y1[k], y2[k]), minY, h, slabs)...Self.slab(Swift.max(y1[k], y2[k]), minY, h, slabs)
        }
        while slabs > 1 && (0..<n).reduce(0, { $0 + range($1, height).count }) > 8 * n {
            slabs /= 2
            height = (maxY - minY) / Double(slabs)
        }
        var counts = [Int32](repeating: 0, count: slabs + 1)
        for k in 0..<n { for b in range(k, height) { counts[b + 1] += 1 } }
        for b in 0..<slabs { counts[b + 1] += counts[b] }
        var fill = counts
        var lists = [Int32](repeating: 0, count: Int(counts[slabs]))
        for k in 0..<n {
            for b in range(k, height) { lists[Int(fill[b])] = Int32(k); fill[b] += 1 }
        }
        slabHeight = height
        slabStart = counts
        slabSegments = lists
    }

    /// The slab holding `y`. Monotonic in `y` (floating-point subtraction and division by a positive
    /// number never reverse order), so a segment spanning `y` is always listed in `y`'s slab.
    private static func slab(_ y: Double, _ minY: Double, _ height: Double, _ slabs: Int) -> Int {
        let b = ((y - minY) / height).rounded(.down)
        return b >= Double(slabs - 1) ? slabs - 1 : b > 0 ? Int(b) : 0
    }

    /// Whether a coordinate keeps the double-precision error bound valid (see `init`).
    static func safe(_ v: Double) -> Bool {
        let m = abs(v)
        return v.isFinite && (m == 0 || (m >= 1e-100 && m <= 1e100))
    }

    /// Where (x, y) lies, or nil when some orientation is too close to call in doubles.
    func locate(x: Double, y: Double) -> Location? {
        guard Self.safe(x), Self.safe(y) else { return nil }
        if y < minY || y > maxY || x1.isEmpty { return .exterior }
        let b = Self.slab(y, minY, slabHeight, slabStart.count - 1)
        var crossings = 0
        for i in Int(slabStart[b])..<Int(slabStart[b + 1]) {
            let k = Int(slabSegments[i])
            let ax = x1[k], ay = y1[k], bx = x2[k], by = y2[k]
            // The same case analysis as GEOS's RayCrossingCounter::countSegment.
            if ax < x && bx < x { continue }
            if x == bx && y == by { return .boundary }
            if ay == y && by == y {
                if x >= Swift.min(ax, bx) && x <= Swift.max(ax, bx) { return .boundary }
                continue
            }
            guard (ay > y && by <= y) || (by > y && ay <= y) else { continue }
            guard var side = orientation(ax, ay, bx, by, x, y) else { return nil }
            if side == 0 { return .boundary }
            if by < ay { side = -side }
            if side > 0 { crossings += 1 }
        }
        return crossings % 2 == 1 ? .interior : .exterior
    }
}

/// Shewchuk's bound on the rounding error of the double-precision orientation determinant,
/// (3 + 16ε)ε with ε = 2⁻⁵³ ("Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric
/// Predicates", 1997).
private let orientationErrorBound = (3.0 + 16.0 * 0x1p-53) * 0x1p-53

/// The side of (qx, qy) relative to the directed line a→b: 1 left, −1 right, 0 on it; nil when the
/// double-precision determinant cannot certify the sign.
@inline(__always)
private func orientation(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ qx: Double, _ qy: Double) -> Int? {
    let left = (ax - qx) * (by - qy)
    let right = (ay - qy) * (bx - qx)
    let det = left - right
    // When the two products have opposite signs (or one is zero) the difference cannot change sign
    // through rounding.
    if (left > 0 && right <= 0) || (left < 0 && right >= 0) || left == 0 {
        return det > 0 ? 1 : det < 0 ? -1 : 0
    }
    let bound = orientationErrorBound * (abs(left) + abs(right))
    if det >= bound { return 1 }
    if -det >= bound { return -1 }
    return nil
}
