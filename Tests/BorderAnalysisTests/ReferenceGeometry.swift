import Foundation
import GeoJSON
import Geodesy
@testable import BorderAnalysis

// Brute-force references for the tests, independent of the indexes under test: distances come
// from fine subdivision of each geodesic edge (GeographicLib inverse through `Ellipsoid.wgs84`).

/// Nearest point of geodesic polylines to a point by brute force: every edge is sampled at 64
/// points, then the best interval is narrowed by golden-section search to 1e-9 of its length (at least 10 µm).
/// The distance along a geodesic edge from a point is unimodal on a small enough interval, so this
/// converges to the true nearest point to well under a millimetre for edges up to a few hundred km.
/// Edges that provably cannot hold the nearest point (triangle inequality) are skipped.
struct BruteForceLines: LineDistanceIndex {
    let lines: [[Position]]

    func nearest(to p: Position) throws -> NearestOnLines {
        var best = NearestOnLines(metres: .infinity, position: p, part: -1)
        let e = Ellipsoid.wgs84
        for (part, line) in lines.enumerated() {
            for (a, b) in zip(line, line.dropFirst()) {
                // Skip edges that cannot beat the best so far: for q on the edge, d(p,q) ≥ d(p,a) − |ab|.
                let edge = try e.distance(from: a, to: b)
                if max(try e.distance(from: p, to: a), try e.distance(from: p, to: b)) - edge > best.metres { continue }
                let g = try e.line(from: a, to: b)
                let n = 64
                func d(_ s: Double) throws -> Double { try e.distance(from: p, to: g.position(atDistance: s)) }
                var bestS = 0.0, bestD = Double.infinity
                for i in 0...n {
                    let s = g.length * Double(i) / Double(n)
                    let v = try d(s)
                    if v < bestD { bestD = v; bestS = s }
                }
                var lo = max(0, bestS - g.length / Double(n)), hi = min(g.length, bestS + g.length / Double(n))
                let phi = (5.0.squareRoot() - 1) / 2
                while hi - lo > max(1e-9 * g.length, 1e-5) {
                    let m1 = hi - phi * (hi - lo), m2 = lo + phi * (hi - lo)
                    if try d(m1) < d(m2) { hi = m2 } else { lo = m1 }
                }
                let s = (lo + hi) / 2
                let v = try d(s)
                if v < best.metres { best = NearestOnLines(metres: v, position: g.position(atDistance: s), part: part) }
                if bestD < best.metres { best = NearestOnLines(metres: bestD, position: g.position(atDistance: bestS), part: part) }
            }
        }
        return best
    }
}

/// A longitude/latitude box as an area (planar containment, as GEOS would decide it).
struct BoxArea: AreaIndex {
    let south, west, north, east: Double
    func covers(_ p: Position) throws -> Bool {
        p.latitude >= south && p.latitude <= north && p.longitude >= west && p.longitude <= east
    }
    var ring: [Position] {
        [Position(latitude: south, longitude: west), Position(latitude: south, longitude: east),
         Position(latitude: north, longitude: east), Position(latitude: north, longitude: west),
         Position(latitude: south, longitude: west)]
    }
    var geometry: Geometry { .polygon([ring]) }
}

struct Unsupported: Error {}

/// An engine for synthetic data whose areas are boxes; overlay, buffers and areas are not needed by
/// the tests that use it and fail loudly if called.
let boxEngine = GeometryEngine(
    lineIndex: { BruteForceLines(lines: $0) },
    areaIndex: { g in
        guard let box = g.boundingBox, g.positionCount == 5 else { throw Unsupported() }
        return BoxArea(south: box.south, west: box.west, north: box.north, east: box.east)
    },
    area: { _ in throw Unsupported() }, buffer: { _, _ in throw Unsupported() },
    intersection: { _, _ in throw Unsupported() }, difference: { _, _ in throw Unsupported() },
    intersects: { _, _ in throw Unsupported() }, union: { _ in throw Unsupported() })

/// Length of the WGS84 meridian arc from the equator to latitude `phi` (degrees), by composite
/// Simpson integration (4,000 intervals) of M(φ) = a(1−e²) ∫₀^φ (1 − e² sin²t)^(−3/2) dt, the
/// closed-form integral of the meridian radius of curvature (e.g. Wikipedia, "Meridian arc").
func meridianArc(_ phi: Double) -> Double {
    let a = 6_378_137.0, f = 1 / 298.257223563
    let e2 = f * (2 - f)
    let x = phi * .pi / 180
    let n = 4000
    let h = x / Double(n)
    func g(_ t: Double) -> Double { let s = sin(t); return 1 / pow(1 - e2 * s * s, 1.5) }
    var sum = g(0) + g(x)
    for i in 1..<n { sum += (i % 2 == 1 ? 4 : 2) * g(Double(i) * h) }
    return a * (1 - e2) * sum * h / 3
}

func P(_ latitude: Double, _ longitude: Double) -> Position { Position(latitude: latitude, longitude: longitude) }
