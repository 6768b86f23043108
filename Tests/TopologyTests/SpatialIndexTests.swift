import GeoJSON
import Testing
@testable import Topology

/// A deterministic pseudo-random generator (64-bit LCG, Knuth's MMIX constants) so failures reproduce.
struct LCG {
    var state: UInt64
    mutating func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53)
    }
}

/// `n` short segments scattered over [-30, 30] × [-20, 20], as (start, end) pairs.
func randomSegments(_ n: Int, seed: UInt64) -> [(Position, Position)] {
    var rng = LCG(state: seed)
    return (0..<n).map { _ in
        let x = rng.next() * 60 - 30, y = rng.next() * 40 - 20
        return (p(x, y), p(x + rng.next() * 0.5 - 0.25, y + rng.next() * 0.5 - 0.25))
    }
}

func box(_ s: (Position, Position)) -> BoundingBox {
    BoundingBox(south: min(s.0.latitude, s.1.latitude), west: min(s.0.longitude, s.1.longitude),
                north: max(s.0.latitude, s.1.latitude), east: max(s.0.longitude, s.1.longitude))
}

/// Planar distance from `q` to the segment a–b.
func segmentDistance(_ q: Position, _ a: Position, _ b: Position) -> Double {
    let dx = b.longitude - a.longitude, dy = b.latitude - a.latitude
    let len2 = dx * dx + dy * dy
    let t = len2 == 0 ? 0 : max(0, min(1, ((q.longitude - a.longitude) * dx + (q.latitude - a.latitude) * dy) / len2))
    let ex = a.longitude + t * dx - q.longitude, ey = a.latitude + t * dy - q.latitude
    return (ex * ex + ey * ey).squareRoot()
}

// Every expected answer here is a brute-force linear scan over the same items: the index must return
// exactly the same set (queries) or the same minimum distance (nearest).
@Suite("Topology spatial index")
struct SpatialIndexTests {
    @Test("box queries equal a linear scan", arguments: [0, 1, 2, 17, 256, 5000], [2, 16])
    func queries(count: Int, capacity: Int) throws {
        let boxes = randomSegments(count, seed: UInt64(count)).map(box)
        let index = SpatialIndex(boxes: boxes, nodeCapacity: capacity)
        #expect(index.count == count)
        var rng = LCG(state: 99)
        for _ in 0..<200 {
            let x = rng.next() * 70 - 35, y = rng.next() * 50 - 25, w = rng.next() * 5, h = rng.next() * 5
            let q = BoundingBox(south: y, west: x, north: y + h, east: x + w)
            let expected = boxes.indices.filter { boxes[$0].intersects(q) }
            #expect(index.query(q).sorted() == expected)
        }
    }

    // Hand reasoning: boxes that only touch the query box along an edge or at a corner still meet it.
    @Test("touching boxes are found")
    func touching() {
        let index = SpatialIndex(boxes: [BoundingBox(south: 0, west: 0, north: 1, east: 1),
                                         BoundingBox(south: 1, west: 1, north: 2, east: 2),
                                         BoundingBox(south: 3, west: 3, north: 4, east: 4)])
        #expect(index.query(BoundingBox(south: 1, west: 1, north: 1, east: 1)).sorted() == [0, 1])
    }

    @Test("nearest segment equals a linear scan", arguments: [1, 3, 1000, 5000])
    func nearestSegment(count: Int) throws {
        let segments = randomSegments(count, seed: 7 + UInt64(count))
        let index = SpatialIndex(boxes: segments.map(box))
        var rng = LCG(state: 5)
        for _ in 0..<100 {
            let q = p(rng.next() * 80 - 40, rng.next() * 60 - 30)
            let found = try #require(index.nearestPlanar(to: q) { segmentDistance(q, segments[$0].0, segments[$0].1) })
            let best = segments.map { segmentDistance(q, $0.0, $0.1) }.min()!
            #expect(found.distance == best)
            #expect(segmentDistance(q, segments[found.index].0, segments[found.index].1) == best)
        }
    }

    // Points as zero-size boxes: with no item distance the box distance is the point distance.
    // Hand reasoning: of (0,0), (3,4) and (10,0), the nearest to (4,4) is (3,4) at distance 1.
    @Test("nearest point by box distance")
    func nearestPoint() throws {
        let points = [p(0, 0), p(3, 4), p(10, 0)]
        let index = SpatialIndex(geometries: points.map { .point($0) })
        let found = try #require(index.nearestPlanar(to: p(4, 4)))
        #expect(found.index == 1)
        #expect(found.distance == 1)
        #expect(SpatialIndex(boxes: []).nearestPlanar(to: p(0, 0)) == nil)
    }

    @Test("empty geometries are never found")
    func emptyGeometries() {
        let index = SpatialIndex(geometries: [.multiPolygon([]), square(0, 0, 1)])
        #expect(index.query(BoundingBox(south: -90, west: -180, north: 90, east: 180)) == [1])
    }
}
