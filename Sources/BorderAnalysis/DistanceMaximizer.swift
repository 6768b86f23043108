import GeoJSON
import Geodesy

/// Finds the point of a polygonal area farthest (geodesically) from a border, with a certified bound.
///
/// Distance to a set is 1-Lipschitz in the geodesic metric: for any cell of the plane of longitude
/// and latitude with centre c and geodesic circumradius R, every point y of the cell has
/// d(y) ≤ d(c) + R. The search is a branch and bound over such cells: it keeps the best distance
/// found at points that lie in the area (vertices, cell centres inside it, and for a cell whose centre
/// is outside, the nearest point of the area's boundary), discards cells whose bound cannot beat it
/// by more than `tolerance`, and splits the rest in four. It ends when no cell is left, so the
/// maximum found is within `tolerance` of the true one — wherever it lies: at a vertex, inside an edge
/// (boundary points come from the projections), or in the interior (where a border wraps around the
/// area, the maximum can be a point of its medial axis, which no boundary search would find).
/// Assumes the area does not cross the antimeridian.
struct DistanceMaximizer {
    /// Distance from a point to the border.
    let distance: @Sendable (Position) throws(BorderAnalysisError) -> NearestOnLines
    /// The area (prepared) and its boundary (indexed).
    let area: any AreaIndex
    let boundary: any LineDistanceIndex
    /// The certified gap allowed between the maximum found and the true maximum, metres.
    var tolerance = 1.0
    /// A cap on distance evaluations, against pathological inputs; when hit, `upperBound` says how
    /// far from certain the answer is.
    var maxEvaluations = 4_000_000

    struct Maximum {
        var point: Position
        var hit: NearestOnLines
        /// No point of the area is farther from the border than this (metres).
        var upperBound: Double
        var evaluations: Int
    }

    private struct Cell: Sendable {
        var south, west, north, east: Double
        var centre: Position { Position(latitude: (south + north) / 2, longitude: (west + east) / 2) }
        func split() -> [Cell] {
            let mLat = (south + north) / 2, mLon = (west + east) / 2
            return [Cell(south: south, west: west, north: mLat, east: mLon), Cell(south: south, west: mLon, north: mLat, east: east),
                    Cell(south: mLat, west: west, north: north, east: mLon), Cell(south: mLat, west: mLon, north: north, east: east)]
        }
        /// Geodesic circumradius from the centre: the farthest of the corners and edge midpoints,
        /// with 2 % margin for the curvature of parallels (cells here are at most 0.25° across).
        func radius() throws(BorderAnalysisError) -> Double {
            let c = centre
            var r = 0.0
            for lat in [south, c.latitude, north] {
                for lon in [west, c.longitude, east] where lat != c.latitude || lon != c.longitude {
                    r = max(r, try computing("cell radius") {
                        try Ellipsoid.wgs84.distance(from: c, to: Position(latitude: lat, longitude: lon))
                    })
                }
            }
            return r * 1.02 + 1e-3
        }
    }

    private struct Evaluation: Sendable {
        var cell: Cell
        var radius: Double
        var bound: Double          // d(centre) + radius, or -inf when the cell misses the area
        var candidate: (Position, NearestOnLines)?
    }

    /// The maximum over `polygons` (the area's parts, outer ring first).
    func maximize(polygons: [[[Position]]]) throws(BorderAnalysisError) -> Maximum {
        var best: (Position, NearestOnLines)?
        var evaluations = 0
        func consider(_ p: Position, _ hit: NearestOnLines) {
            if best == nil || hit.metres > best!.1.metres { best = (p, hit) }
        }
        var box: BoundingBox?
        for polygon in polygons {
            for ring in polygon {
                for v in ring.dropLast() {
                    consider(v, try distance(v))
                    evaluations += 1
                }
            }
            if let b = Geometry.polygon(polygon).boundingBox { if box == nil { box = b } else { box!.extend(with: b) } }
        }
        guard var found = best, let box else { throw .invalidGeometry("the advance has no vertices") }

        let step = 0.25
        let rows = max(1, Int(((box.north - box.south) / step).rounded(.up)))
        let cols = max(1, Int(((box.east - box.west) / step).rounded(.up)))
        var level: [Cell] = []
        for r in 0..<rows {
            for c in 0..<cols {
                level.append(Cell(south: box.south + Double(r) * (box.north - box.south) / Double(rows),
                                  west: box.west + Double(c) * (box.east - box.west) / Double(cols),
                                  north: box.south + Double(r + 1) * (box.north - box.south) / Double(rows),
                                  east: box.west + Double(c + 1) * (box.east - box.west) / Double(cols)))
            }
        }
        var upper = found.1.metres
        while !level.isEmpty {
            if evaluations > maxEvaluations {
                // Unfinished: report the weakest guarantee left.
                for cell in level { upper = max(upper, try evaluate(cell).bound) }
                break
            }
            let results = level.parallelMap { cell in Result { () throws(BorderAnalysisError) in try evaluate(cell) } }
            evaluations += 2 * level.count
            var evaluated: [Evaluation] = []
            evaluated.reserveCapacity(results.count)
            for r in results {
                let e = try r.get()
                if let (p, hit) = e.candidate, hit.metres > found.1.metres { found = (p, hit) }
                evaluated.append(e)
            }
            var next: [Cell] = []
            for e in evaluated where e.bound > found.1.metres + tolerance {
                if e.radius < tolerance / 4 { upper = max(upper, e.bound); continue }
                next += e.cell.split()
            }
            level = next
        }
        return Maximum(point: found.0, hit: found.1, upperBound: max(upper, found.1.metres + tolerance), evaluations: evaluations)
    }

    private func evaluate(_ cell: Cell) throws(BorderAnalysisError) -> Evaluation {
        let c = cell.centre
        let r = try cell.radius()
        let dc = try distance(c)
        if try computing("point in advance", { try area.covers(c) }) {
            return Evaluation(cell: cell, radius: r, bound: dc.metres + r, candidate: (c, dc))
        }
        // Outside: the cell meets the area only if the area's boundary comes within r of the centre;
        // the nearest boundary point is then a point of the area to try.
        let edge = try computing("distance to advance boundary") { try boundary.nearest(to: c) }
        guard edge.metres <= r else { return Evaluation(cell: cell, radius: r, bound: -.infinity, candidate: nil) }
        return Evaluation(cell: cell, radius: r, bound: dc.metres + r, candidate: (edge.position, try distance(edge.position)))
    }
}
