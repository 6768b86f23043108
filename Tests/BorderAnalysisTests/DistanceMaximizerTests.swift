import Testing
import GeoJSON
@testable import BorderAnalysis

// The depth search on synthetic areas against the equator border (lon 20–40): its results must lie
// within the certified tolerance of closed forms or of a dense brute-force grid.

let equator = BruteForceLines(lines: [[P(0, 20), P(0, 40)]])

func maximizer(for box: BoxArea, border: some LineDistanceIndex, tolerance: Double = 1) -> DistanceMaximizer {
    DistanceMaximizer(distance: { p throws(BorderAnalysisError) in
                          try computing("reference distance") { try border.nearest(to: p) } },
                      area: box, boundary: BruteForceLines(lines: [box.ring]), tolerance: tolerance)
}

@Test("a box north of the equator is deepest along its northern edge: M(north)") func boxDepth() throws {
    // Every point of the northern edge (lat 0.6°) is M(0.6°) from the equator; nothing is farther.
    // The box is 0.01° wide so that its planar northern edge and the geodesic between its corners
    // differ by micrometres.
    let box = BoxArea(south: 0.1, west: 25, north: 0.6, east: 25.01)
    let m = try maximizer(for: box, border: equator).maximize(polygons: [[box.ring]])
    #expect(abs(m.hit.metres - meridianArc(0.6)) < 1)
    #expect(m.upperBound - m.hit.metres <= 1.0001)
    #expect(abs(m.point.latitude - 0.6) < 1e-5)
}

@Test("a maximum inside the area is found where the border surrounds it") func interiorMaximum() throws {
    // Border: a closed loop around the box lat 0–1°N, lon 20–21°E; the area is that box. The point
    // farthest from the loop lies on its medial axis near the centre, ~55 km from the loop — inside
    // the area, on none of its edges, where a search over the boundary would never look.
    // Reference: the maximum of the brute-force distance over a 21 × 21 grid of the box (every grid
    // point is in the area, so the search must do at least as well).
    let loop = BruteForceLines(lines: [[P(0, 20), P(0, 21), P(1, 21), P(1, 20), P(0, 20)]])
    let box = BoxArea(south: 0, west: 20, north: 1, east: 21)
    let m = try maximizer(for: box, border: loop, tolerance: 5).maximize(polygons: [[box.ring]])
    var gridMax = 0.0
    for i in 0...20 { for j in 0...20 {
        gridMax = max(gridMax, try loop.nearest(to: P(Double(i) / 20, 20 + Double(j) / 20)).metres)
    } }
    #expect(m.hit.metres >= gridMax - 0.001)
    // 1-Lipschitz: within half a grid diagonal (≤ 3.95 km) of a grid point, d ≤ gridMax + 3.95 km.
    #expect(m.upperBound <= gridMax + 3_950)
    #expect(m.upperBound - m.hit.metres <= 5.0001)
    #expect(m.point.latitude > 0.3 && m.point.latitude < 0.7)
    #expect(m.point.longitude > 20.3 && m.point.longitude < 20.7)
}
