import GeoJSON

extension Ellipsoid {
    /// `path` with the vertices removed that lie within `tolerance` metres of the geodesic between
    /// the vertices kept around them (Douglas–Peucker), so that every point of the result is within
    /// `tolerance` of `path` and every point of `path` within `tolerance` of the result. The first
    /// and last vertices are always kept; a closed path (first == last) keeps at least one more.
    ///
    /// The distance test is conservative: the straight 3-D distance from a vertex to the chord
    /// between two kept vertices, plus the most a geodesic of that length can bow away from its
    /// chord (L² κ / 8, κ the ellipsoid's largest curvature), must not exceed `tolerance`. Long
    /// edges therefore stay split where their bow alone would exceed it.
    /// - Complexity: O(n log n) for typical lines, O(n²) at worst; no geodesic problems are solved.
    func simplified(_ path: [Position], tolerance: Double) -> [Position] {
        guard path.count > 2, tolerance > 0 else { return path }
        let points = path.map { cartesian(latitude: $0.latitude, longitude: $0.longitude) }
        let kappa = maximumCurvature
        var keep = [Bool](repeating: false, count: path.count)
        keep[0] = true
        keep[path.count - 1] = true
        let closed = path.first == path.last
        var stack = [(0, path.count - 1)]
        while let (first, last) = stack.popLast() {
            guard last - first > 1 else { continue }
            let a = points[first], b = points[last]
            let bow = a.distance(to: b) * a.distance(to: b) * kappa / 8
            var farthest = first + 1, worst = -1.0
            for i in (first + 1)..<last {
                let d = points[i].distance(toSegment: a, b)
                if d > worst { worst = d; farthest = i }
            }
            let splitRing = closed && first == 0 && last == path.count - 1
            if worst + bow > tolerance || splitRing {
                keep[farthest] = true
                stack.append((first, farthest))
                stack.append((farthest, last))
            }
        }
        return path.indices.filter { keep[$0] }.map { path[$0] }
    }
}
