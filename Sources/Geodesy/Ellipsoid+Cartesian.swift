import Foundation

/// A point in Earth-centred, Earth-fixed Cartesian coordinates, metres.
struct Cartesian: Sendable, Hashable {
    var x: Double, y: Double, z: Double

    /// Straight-line distance from this point to the segment a–b.
    @inline(__always)
    func distance(toSegment a: Cartesian, _ b: Cartesian) -> Double {
        let ux = b.x - a.x, uy = b.y - a.y, uz = b.z - a.z
        let wx = x - a.x, wy = y - a.y, wz = z - a.z
        let uu = ux * ux + uy * uy + uz * uz
        var t = uu > 0 ? (wx * ux + wy * uy + wz * uz) / uu : 0
        t = min(1, max(0, t))
        let dx = wx - t * ux, dy = wy - t * uy, dz = wz - t * uz
        return (dx * dx + dy * dy + dz * dz).squareRoot()
    }

    /// Where the perpendicular from this point meets the segment a–b, as a fraction 0…1 of it.
    @inline(__always)
    func fraction(alongSegment a: Cartesian, _ b: Cartesian) -> Double {
        let ux = b.x - a.x, uy = b.y - a.y, uz = b.z - a.z
        let uu = ux * ux + uy * uy + uz * uz
        guard uu > 0 else { return 0 }
        return min(1, max(0, ((x - a.x) * ux + (y - a.y) * uy + (z - a.z) * uz) / uu))
    }

    @inline(__always)
    func distance(to o: Cartesian) -> Double {
        let dx = x - o.x, dy = y - o.y, dz = z - o.z
        return (dx * dx + dy * dy + dz * dz).squareRoot()
    }
}

extension Ellipsoid {
    /// The largest normal curvature of the surface, 1/m: max(a, b) / min(a, b)² (for WGS84 the
    /// meridional curvature at the equator, a/b² = 1/6 335 439 m). A geodesic's curvature as a space
    /// curve equals the surface's normal curvature along it, so it never exceeds this.
    var maximumCurvature: Double {
        let a = equatorialRadius, b = a * (1 - flattening)
        return max(a, b) / (min(a, b) * min(a, b))
    }

    /// Geodetic latitude/longitude (degrees, on the surface) to ECEF metres.
    @inline(__always)
    func cartesian(latitude: Double, longitude: Double) -> Cartesian {
        let phi = latitude * .pi / 180, lambda = longitude * .pi / 180
        let a = equatorialRadius, f = flattening
        let e2 = f * (2 - f)
        let sinPhi = sin(phi), cosPhi = cos(phi)
        let n = a / (1 - e2 * sinPhi * sinPhi).squareRoot()
        return Cartesian(x: n * cosPhi * cos(lambda), y: n * cosPhi * sin(lambda), z: n * (1 - e2) * sinPhi)
    }
}
