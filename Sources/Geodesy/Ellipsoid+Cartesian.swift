import Foundation

/// A point in Earth-centred, Earth-fixed Cartesian coordinates, metres.
struct Cartesian: Sendable, Hashable {
    var x: Double, y: Double, z: Double

    @inline(__always)
    func distance(to o: Cartesian) -> Double {
        let dx = x - o.x, dy = y - o.y, dz = z - o.z
        return (dx * dx + dy * dy + dz * dz).squareRoot()
    }
}

extension Ellipsoid {
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
