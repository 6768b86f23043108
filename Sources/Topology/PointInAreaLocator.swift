import GeoJSON

/// Point-in-polygon for a polygonal geometry, answering exactly as GEOS's prepared polygon does but
/// without creating a GEOS point per query, and shareable between threads.
///
/// Why not only GEOS: GEOS 3.11 has no `GEOSPreparedContainsXY` (added in 3.12), so each query would
/// allocate and free a point geometry, and a GEOS prepared geometry cannot be shared between threads.
/// This is GEOS's own method (a ray-crossing count over every ring, the segments found through a
/// spatial index, as `IndexedPointInAreaLocator` does), with one safeguard: each orientation sign is
/// computed in doubles with Shewchuk's error bound, and when the bound cannot certify the sign the
/// locator answers `nil` so that the caller asks GEOS, whose orientation test is exact. So the answer
/// is always GEOS's answer. Immutable and Sendable. O(log n + k) per query, k the segments met.
struct PointInAreaLocator: Sendable {
    enum Location { case interior, boundary, exterior }

    /// Segment k runs from (x1[k], y1[k]) to (x2[k], y2[k]).
    private let x1: [Double], y1: [Double], x2: [Double], y2: [Double]
    private let index: SpatialIndex

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
        var boxes: [BoundingBox] = []
        for ring in polygons.joined() where ring.count > 1 {
            for k in 0..<(ring.count - 1) {
                let a = ring[k], b = ring[k + 1]
                guard Self.safe(a.longitude), Self.safe(a.latitude), Self.safe(b.longitude), Self.safe(b.latitude) else { return nil }
                x1.append(a.longitude); y1.append(a.latitude); x2.append(b.longitude); y2.append(b.latitude)
                boxes.append(BoundingBox(south: min(a.latitude, b.latitude), west: min(a.longitude, b.longitude),
                                         north: max(a.latitude, b.latitude), east: max(a.longitude, b.longitude)))
            }
        }
        self.x1 = x1; self.y1 = y1; self.x2 = x2; self.y2 = y2
        index = SpatialIndex(boxes: boxes)
    }

    /// Whether a coordinate keeps the double-precision error bound valid (see `init`).
    static func safe(_ v: Double) -> Bool {
        let m = abs(v)
        return v.isFinite && (m == 0 || (m >= 1e-100 && m <= 1e100))
    }

    /// Where (x, y) lies, or nil when some orientation is too close to call in doubles. `stack` is
    /// scratch space reused between calls.
    func locate(x: Double, y: Double, stack: inout [Int]) -> Location? {
        guard Self.safe(x), Self.safe(y) else { return nil }
        var crossings = 0
        var onBoundary = false
        var uncertain = false
        // Only segments whose box reaches the ray from (x, y) to the right can matter.
        index.forEach(intersecting: BoundingBox(south: y, west: x, north: y, east: .infinity), stack: &stack) { k in
            if onBoundary || uncertain { return }
            let ax = x1[k], ay = y1[k], bx = x2[k], by = y2[k]
            // The same case analysis as GEOS's RayCrossingCounter::countSegment.
            if ax < x && bx < x { return }
            if x == bx && y == by { onBoundary = true; return }
            if ay == y && by == y {
                if x >= min(ax, bx) && x <= max(ax, bx) { onBoundary = true }
                return
            }
            guard (ay > y && by <= y) || (by > y && ay <= y) else { return }
            guard var side = orientation(ax, ay, bx, by, x, y) else { uncertain = true; return }
            if side == 0 { onBoundary = true; return }
            if by < ay { side = -side }
            if side > 0 { crossings += 1 }
        }
        if uncertain { return nil }
        if onBoundary { return .boundary }
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
