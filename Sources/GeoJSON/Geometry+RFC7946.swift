import Foundation

extension Geometry {
    /// The geometry as RFC 7946 wants it written: polygon exterior rings counter-clockwise and holes
    /// clockwise (§3.1.6), and lines and polygons that cross the antimeridian cut into parts on either
    /// side of it (§3.1.9). O(n).
    ///
    /// A step between consecutive positions of more than 180° in longitude is taken to cross the
    /// antimeridian (the shorter way round). Crossing points are interpolated linearly in longitude and
    /// latitude, as GDAL does. Polygons are cut by clipping each ring against the half-planes on either
    /// side of ±180°; a concave polygon crossing more than once keeps one part per side (joined along
    /// the antimeridian). Rings that circle a pole are left whole.
    public func rfc7946Normalized() -> Geometry {
        switch self {
        case .point, .multiPoint:
            return self
        case .lineString(let ps):
            let parts = Antimeridian.cutLine(ps)
            return parts.count == 1 ? .lineString(parts[0]) : .multiLineString(parts)
        case .multiLineString(let ls):
            return .multiLineString(ls.flatMap(Antimeridian.cutLine))
        case .polygon(let rings):
            let parts = Antimeridian.cutPolygon(rings)
            return parts.count == 1 ? .polygon(parts[0]) : .multiPolygon(parts)
        case .multiPolygon(let polys):
            return .multiPolygon(polys.flatMap(Antimeridian.cutPolygon))
        case .geometryCollection(let gs):
            return .geometryCollection(gs.map { $0.rfc7946Normalized() })
        }
    }
}

/// Twice the signed area of a ring in the longitude/latitude plane: positive when counter-clockwise.
func signedArea2(_ ring: [Position]) -> Double {
    guard ring.count > 2 else { return 0 }
    var sum = 0.0
    var prev = ring[ring.count - 1]
    for p in ring {
        sum += (prev.longitude * p.latitude - p.longitude * prev.latitude)
        prev = p
    }
    return sum
}

enum Antimeridian {
    /// Longitudes made continuous: each step of more than 180° is taken the other way round.
    static func unwrap(_ ps: [Position], near reference: Double? = nil) -> [Position] {
        guard var previous = ps.first?.longitude else { return ps }
        var out = ps
        if let reference {
            while previous - reference > 180 { previous -= 360 }
            while previous - reference < -180 { previous += 360 }
            out[0].longitude = previous
        }
        for k in 1..<max(1, ps.count) {
            var d = ps[k].longitude - ps[k - 1].longitude
            if d > 180 { d -= 360 } else if d < -180 { d += 360 }
            previous += d
            out[k].longitude = previous
        }
        return out
    }

    static func crosses(_ ps: [Position]) -> Bool {
        for k in 1..<max(1, ps.count) where abs(ps[k].longitude - ps[k - 1].longitude) > 180 { return true }
        return false
    }

    static func interpolate(_ a: Position, _ b: Position, atLongitude m: Double) -> Position {
        let t = (m - a.longitude) / (b.longitude - a.longitude)
        var alt: Double?
        if let x = a.altitude, let y = b.altitude { alt = x + t * (y - x) }
        return Position(latitude: a.latitude + t * (b.latitude - a.latitude), longitude: m, altitude: alt)
    }

    /// A line split where it crosses the antimeridian; one part when it does not.
    static func cutLine(_ ps: [Position]) -> [[Position]] {
        guard crosses(ps) else { return [ps] }
        var parts: [[Position]] = []
        var current = [ps[0]]
        for k in 1..<ps.count {
            let a = ps[k - 1], b = ps[k]
            let d = b.longitude - a.longitude
            if abs(d) > 180 {
                let m: Double = d < 0 ? 180 : -180 // heading east across +180 when the raw step is negative
                var b2 = b
                b2.longitude += d < 0 ? 360 : -360
                var cross = interpolate(a, b2, atLongitude: m)
                current.append(cross)
                parts.append(current)
                cross.longitude = -m
                current = [cross]
            }
            current.append(b)
        }
        parts.append(current)
        return parts.filter { $0.count >= 2 }
    }

    /// A polygon with rings oriented (exterior CCW, holes CW) and cut at the antimeridian.
    static func cutPolygon(_ rings: [[Position]]) -> [[[Position]]] {
        guard let exterior = rings.first else { return [rings] }
        guard rings.contains(where: crosses) else { return [orient(rings)] }
        let ext = unwrap(exterior)
        // A ring around a pole does not come back to its starting longitude: leave it whole.
        if let f = ext.first, let l = ext.last, abs(f.longitude - l.longitude) > 1e-9 { return [orient(rings)] }
        let holes = rings.dropFirst().map { unwrap($0, near: ext[0].longitude) }
        let maxLon = ext.map(\.longitude).max()!, minLon = ext.map(\.longitude).min()!
        let m: Double = maxLon > 180 ? 180 : -180
        guard maxLon > 180 || minLon < -180 else { return [orient(rings)] }
        var parts: [[[Position]]] = []
        for keepBelow in [true, false] {
            guard let outer = clip(ext, at: m, keepBelow: keepBelow) else { continue }
            var part = [outer]
            for h in holes { if let c = clip(h, at: m, keepBelow: keepBelow) { part.append(c) } }
            // The side beyond ±180° moves back into range.
            let beyond = (m == 180) != keepBelow
            if beyond {
                let shift: Double = m == 180 ? -360 : 360
                part = part.map { $0.map { var p = $0; p.longitude += shift; return p } }
            }
            parts.append(orient(part))
        }
        return parts
    }

    /// Sutherland–Hodgman clipping of a closed ring by the half-plane longitude ≤ m (or ≥ m).
    static func clip(_ ring: [Position], at m: Double, keepBelow: Bool) -> [Position]? {
        func inside(_ p: Position) -> Bool { keepBelow ? p.longitude <= m : p.longitude >= m }
        var out: [Position] = []
        let open = Array(ring.dropLast())
        guard !open.isEmpty else { return nil }
        var prev = open[open.count - 1]
        for p in open {
            if inside(p) {
                if !inside(prev) { out.append(interpolate(prev, p, atLongitude: m)) }
                out.append(p)
            } else if inside(prev) {
                out.append(interpolate(prev, p, atLongitude: m))
            }
            prev = p
        }
        guard out.count >= 3 else { return nil }
        out.append(out[0])
        return abs(signedArea2(out)) > 0 ? out : nil
    }

    /// Exterior counter-clockwise, holes clockwise.
    static func orient(_ rings: [[Position]]) -> [[Position]] {
        rings.enumerated().map { k, ring in
            let area = signedArea2(ring)
            let wantCCW = k == 0
            return (area < 0 && wantCCW) || (area > 0 && !wantCCW) ? ring.reversed() : ring
        }
    }
}
