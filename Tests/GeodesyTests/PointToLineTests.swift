import GeoJSON
import Testing
@testable import Geodesy

/// A deterministic generator (SplitMix64) so random tests are reproducible.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random walk of `count` vertices with steps of 0.2–8 km, starting in eastern Ukraine.
func randomLine(count: Int, seed: UInt64) -> [Position] {
    var rng = SplitMix(state: seed)
    var line = [Position(latitude: 50.0, longitude: 36.0)]
    var heading = 0.0
    while line.count < count {
        heading += Double.random(in: -60...60, using: &rng)
        let step = Double.random(in: 200...8_000, using: &rng)
        line.append(Ellipsoid.wgs84.unsafeDirect(line.last!.latitude, line.last!.longitude, heading, step).position)
    }
    return line
}

/// Brute force, independent of the index and of the Newton solver: every edge's midpoint bounds
/// the edge by the triangle inequality (no point of the edge is nearer than d(P, mid) − length/2);
/// each edge that might beat the best so far is subdivided into 64 samples along its geodesic, then
/// repeatedly around the best sample, until the samples are under 0.1 mm apart.
struct BruteForce {
    var line: [Position]
    var geodesics: [GeodesicLine]
    var mids: [Position]

    init(_ line: [Position]) {
        self.line = line
        geodesics = (0..<(line.count - 1)).map { GeodesicLine(ellipsoid: .wgs84, from: line[$0], to: line[$0 + 1]) }
        mids = geodesics.map { $0.position(atDistance: $0.length / 2) }
    }

    func distance(from p: Position) -> (metres: Double, edge: Int) {
        let e = Ellipsoid.wgs84
        var bounds = geodesics.indices.map { i in
            (i, e.unsafeDistance(p.latitude, p.longitude, mids[i].latitude, mids[i].longitude) - geodesics[i].length / 2)
        }
        bounds.sort { $0.1 < $1.1 }
        var best = (metres: Double.infinity, edge: -1)
        for (i, bound) in bounds where bound < best.metres {
            let g = geodesics[i]
            var lo = 0.0, hi = g.length
            var minimum = Double.infinity
            while true {
                let n = 64, step = (hi - lo) / Double(n)
                var at = lo
                for k in 0...n {
                    let s = lo + step * Double(k)
                    let x = g.position(atDistance: s)
                    let d = e.unsafeDistance(p.latitude, p.longitude, x.latitude, x.longitude)
                    if d < minimum { minimum = d; at = s }
                }
                if step < 1e-4 { break }
                lo = max(0, at - step); hi = min(g.length, at + step)
            }
            if minimum < best.metres { best = (minimum, i) }
        }
        return best
    }
}

@Test("point to a random 10,000-vertex line agrees with brute force within 1 mm") func randomLineAgainstBruteForce() throws {
    let line = randomLine(count: 10_000, seed: 7)
    let index = try GeodesicLineIndex(.lineString(line))
    let brute = BruteForce(line)
    var rng = SplitMix(state: 11)
    let box = Geometry.lineString(line).boundingBox!
    let points = (0..<100).map { _ in
        Position(latitude: Double.random(in: (box.south - 0.5)...(box.north + 0.5), using: &rng),
                 longitude: Double.random(in: (box.west - 0.5)...(box.east + 0.5), using: &rng))
    }
    // The batch API (all cores) must agree with the one-at-a-time API and keep the input order.
    let batch = try index.nearest(to: points)
    var worst = 0.0
    for (p, b) in zip(points, batch) {
        let found = try #require(try index.nearest(to: p))
        #expect(b == found)
        let reference = brute.distance(from: p)
        worst = max(worst, abs(found.metres - reference.metres))
        // The reported position is on the reported edge and at the reported distance.
        let g = brute.geodesics[found.edgeIndex]
        let onEdge = g.position(atDistance: found.alongEdge)
        #expect(try Ellipsoid.wgs84.distance(from: onEdge, to: found.position) < 1e-6)
        #expect(abs(try Ellipsoid.wgs84.distance(from: p, to: found.position) - found.metres) < 1e-6)
    }
    #expect(worst <= 0.001, "worst disagreement \(worst) m")
}

@Test("nearest location inside an edge: foot of the perpendicular from 1°N to the equator") func interiorFoot() throws {
    let index = try GeodesicLineIndex(.lineString([Position(latitude: 0, longitude: 0), Position(latitude: 0, longitude: 2)]))
    let n = try #require(try index.nearest(to: Position(latitude: 1, longitude: 1)))
    // By symmetry the perpendicular geodesic is the meridian 1°E; its length from 1°N to the equator
    // is 110574.38855779878 m (GeographicLib Inverse (1,1)→(0,1)).
    #expect(abs(n.metres - 110_574.38855779878) < 1e-6)
    #expect(abs(n.position.latitude) < 1e-9 && abs(n.position.longitude - 1) < 1e-9)
    #expect(n.edgeIndex == 0 && n.lineIndex == 0)
}

@Test("nearest location at a vertex: a point beyond a corner") func vertexFoot() throws {
    let corner = Position(latitude: 0, longitude: 2)
    let index = try GeodesicLineIndex(.lineString([Position(latitude: 0, longitude: 0), corner, Position(latitude: 2, longitude: 2)]))
    let n = try #require(try index.nearest(to: Position(latitude: -1, longitude: 3)))
    // Both perpendicular feet fall outside their edges (beyond 2°E on the equator, south of 0° on
    // the meridian 2°E), so the corner is nearest: GeographicLib Inverse (−1,3)→(0,2) = 156899.56829134026 m.
    #expect(abs(n.metres - 156_899.56829134026) < 1e-6)
    #expect(n.position == corner)
}

@Test("polygon boundaries, multilines, limits and a point on the line") func otherShapes() throws {
    let square = Geometry.polygon([ring([(0, 0), (0, 2), (2, 2), (2, 0)]), ring([(0.5, 0.5), (0.5, 1.5), (1.5, 1.5), (1.5, 0.5)])])
    let index = try GeodesicLineIndex(square)
    // A point inside the hole near its western side: nearest is the hole (ring 1), its edge on 0.5°E.
    let n = try #require(try index.nearest(to: Position(latitude: 1, longitude: 0.6)))
    #expect(n.lineIndex == 1)
    // On a meridian the perpendicular runs along the parallel direction; hand check: 0.1° of longitude
    // at 1°N is about 11.13 km (111.3 km × cos 1°), and the geodesic is slightly shorter than the parallel.
    #expect(n.metres > 11_000 && n.metres < 11_140)
    #expect(try index.nearest(to: Position(latitude: 1, longitude: 0.6), within: 5_000) == nil)
    #expect(try index.distance(from: Position(latitude: 0, longitude: 1)) < 1e-6)
}

@Test("degenerate lines and bad points are typed errors") func degenerateLines() throws {
    #expect(throws: GeodesyError.self) { try GeodesicLineIndex(.lineString([Position(latitude: 0, longitude: 0)])) }
    #expect(throws: GeodesyError.self) {
        try GeodesicLineIndex(.lineString([Position(latitude: 1, longitude: 1), Position(latitude: 1, longitude: 1)]))
    }
    #expect(throws: GeodesyError.self) { try GeodesicLineIndex(.point(Position(latitude: 1, longitude: 1))) }
    #expect(throws: GeodesyError.self) { try GeodesicLineIndex(lines: []) }
    let index = try GeodesicLineIndex(.lineString([Position(latitude: 0, longitude: 0), Position(latitude: 0, longitude: 1)]))
    #expect(throws: GeodesyError.invalidPosition(latitude: 100, longitude: 0, context: "query point 1")) {
        try index.distances(from: [Position(latitude: 0, longitude: 0), Position(latitude: 100, longitude: 0)])
    }
}
