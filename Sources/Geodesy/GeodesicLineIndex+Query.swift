internal import CPROJ
import Dispatch
import Foundation
import GeoJSON

extension GeodesicLineIndex {
    /// The nearest location on the indexed lines to `point`, by geodesic distance.
    ///
    /// - Parameters:
    ///   - point: the query position.
    ///   - limit: only look this far (metres); beyond it the answer is nil. A finite limit makes
    ///     queries for far-away points cheap.
    /// - Returns: the nearest location, or nil when nothing is within `limit`.
    /// - Throws: `GeodesyError.invalidPosition` for a bad point; `.invalidDistance` for a negative or NaN limit.
    /// - Complexity: about O(log n) for n edges. Thread-safe.
    public func nearest(to point: Position, within limit: Double = .infinity) throws(GeodesyError) -> NearestPoint? {
        let p = try point.validated("query point")
        guard limit >= 0 else { throw .invalidDistance(limit, context: "search limit") }
        return unsafeNearest(p, limit: limit)
    }

    /// Geodesic distance in metres from `point` to the nearest location on the indexed lines.
    /// - Throws: `GeodesyError.invalidPosition` for a bad point. Thread-safe; about O(log n).
    public func distance(from point: Position) throws(GeodesyError) -> Double {
        // With an infinite limit the search always finds an edge: the index holds at least one.
        try nearest(to: point)!.metres
    }

    /// `nearest(to:within:)` for many points, spread over all processor cores; results in input order.
    /// - Throws: `GeodesyError.invalidPosition` for the first bad point (naming its index) before any work.
    /// - Complexity: about O(m log n / cores) for m points.
    public func nearest(to points: [Position], within limit: Double = .infinity) throws(GeodesyError) -> [NearestPoint?] {
        for (i, p) in points.enumerated() { _ = try p.validated("query point \(i)") }
        guard limit >= 0 else { throw .invalidDistance(limit, context: "search limit") }
        return concurrentMap(points) { unsafeNearest($0, limit: limit) }
    }

    /// Geodesic distances in metres from many points, spread over all cores; results in input order.
    /// - Throws: `GeodesyError.invalidPosition` for the first bad point (naming its index).
    public func distances(from points: [Position]) throws(GeodesyError) -> [Double] {
        for (i, p) in points.enumerated() { _ = try p.validated("query point \(i)") }
        return concurrentMap(points) { unsafeNearest($0, limit: .infinity)!.metres }
    }

    /// Best-first search: a min-heap holds tree nodes (keyed by the Cartesian distance to their
    /// bounding sphere) and edge pieces (keyed by the chord lower bound); the smallest key is
    /// expanded or solved exactly, and the search stops as soon as it is no better than the best
    /// exact distance so far. Typically one to three exact edge solutions per query.
    func unsafeNearest(_ p: Position, limit: Double) -> NearestPoint? {
        let q = ellipsoid.cartesian(latitude: p.latitude, longitude: p.longitude)
        var best = limit
        var found: NearestPoint?
        var heap = BoundHeap()
        heap.push(max(0, q.distance(to: nodes[0].centre) - nodes[0].radius), 0)
        while let (bound, item) = heap.pop(), bound < best {
            if item >= 0 {
                let node = nodes[Int(item)]
                if node.count == 0 {
                    for child in [node.first, node.first + 1] {
                        let c = nodes[Int(child)]
                        let b = max(0, q.distance(to: c.centre) - c.radius)
                        if b < best { heap.push(b, child) }
                    }
                } else {
                    for k in Int(node.first)..<Int(node.first + node.count) {
                        let b = pieces[k].lowerBound(q)
                        if b < best { heap.push(b, -Int32(k) - 1) }
                    }
                }
                continue
            }
            let piece = pieces[Int(-item - 1)]
            let line = lines[Int(piece.line)]
            let geodesic = GeodesicLine(ellipsoid: ellipsoid, from: line[Int(piece.edge)], to: line[Int(piece.edge) + 1])
            let guess = piece.from + (piece.to - piece.from) * q.fraction(alongSegment: piece.start, piece.end)
            let foot = ellipsoid.foot(of: p, on: geodesic, from: piece.from, to: piece.to, guess: guess)
            if foot.metres < best {
                best = foot.metres
                // At an edge's end report the vertex itself, not its recomputation along the geodesic
                // (which can differ in the last bit).
                let position = foot.along <= 0 ? line[Int(piece.edge)]
                    : foot.along >= geodesic.length ? line[Int(piece.edge) + 1] : foot.position
                found = NearestPoint(metres: foot.metres, position: position, lineIndex: Int(piece.line),
                                     edgeIndex: Int(piece.edge), alongEdge: foot.along)
            }
        }
        return found
    }
}

/// A binary min-heap of (lower bound, item) pairs for the best-first search.
struct BoundHeap {
    private var keys: [Double] = []
    private var items: [Int32] = []

    init() {
        keys.reserveCapacity(64)
        items.reserveCapacity(64)
    }

    mutating func push(_ key: Double, _ item: Int32) {
        keys.append(key)
        items.append(item)
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard keys[parent] > keys[i] else { break }
            keys.swapAt(parent, i)
            items.swapAt(parent, i)
            i = parent
        }
    }

    mutating func pop() -> (Double, Int32)? {
        guard let top = keys.first else { return nil }
        let item = items[0]
        let lastKey = keys.removeLast(), lastItem = items.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey
            items[0] = lastItem
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < keys.count && keys[l] < keys[m] { m = l }
                if r < keys.count && keys[r] < keys[m] { m = r }
                if m == i { break }
                keys.swapAt(m, i)
                items.swapAt(m, i)
                i = m
            }
        }
        return (top, item)
    }
}

/// The geodesic from a query point to a location on a geodesic line, with what Newton's method needs.
struct LineSample {
    var along: Double
    var position: Position
    var metres: Double
    /// d(metres)/d(along): cosine of the angle between the line and the direction away from the point.
    var slope: Double
    /// d²(metres)/d(along)²: sin² of that angle times the geodesic curvature M21/m12 of the circle
    /// centred on the query point.
    var curvature: Double
}

extension Ellipsoid {
    func sample(_ p: Position, on line: GeodesicLine, at s: Double) -> LineSample {
        let (x, lineAzimuth) = line.point(atDistance: s)
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0, m12 = 0.0, M12 = 0.0, M21 = 0.0
        withUnsafePointer(to: geodesic) { g in
            // geod_geninverse has no failure mode; it fills every output pointer it is given.
            _ = geod_geninverse(g, p.latitude, p.longitude, x.latitude, x.longitude, &s12, &azi1, &azi2, &m12, &M12, &M21, nil)
        }
        let angle = (lineAzimuth - azi2) * .pi / 180
        let sine = sin(angle)
        return LineSample(along: s, position: x, metres: s12, slope: cos(angle),
                          curvature: m12 > 0 ? sine * sine * M21 / m12 : .infinity)
    }

    /// The nearest location to `p` on the part `from...to` (metres) of the geodesic `line`, starting
    /// from `guess` (e.g. the foot of the perpendicular on the Cartesian chord, which is within
    /// millimetres of the answer for short pieces).
    ///
    /// Newton's method on the along-line distance s: d(metres)/ds is the cosine of the angle between
    /// the line and the direction away from `p`, d²/ds² its sine squared times M21/m12. From a good
    /// guess it converges in two or three steps; an end of the piece is the answer when the distance
    /// rises away from it. Anything unusual (no convergence, a step out of range, near-antipodal
    /// geometry) falls back to the bracketing solver.
    func foot(of p: Position, on line: GeodesicLine, from: Double, to: Double, guess: Double) -> (metres: Double, position: Position, along: Double) {
        var s = min(to, max(from, guess))
        var x = sample(p, on: line, at: s)
        for _ in 0..<8 {
            if x.metres == 0 { return (0, x.position, s) }
            // At an end with the distance rising into the piece: that end is the local minimum.
            if s <= from && x.slope >= 0 || s >= to && x.slope <= 0 { return (x.metres, x.position, s) }
            guard x.curvature > 0, x.curvature.isFinite else { break }
            let next = min(to, max(from, s - x.slope / x.curvature))
            if abs(next - s) < 1e-6 { return (x.metres, x.position, s) }
            s = next
            x = sample(p, on: line, at: s)
        }
        return foot(of: p, on: line, from: from, to: to)
    }

    /// The nearest location to `p` on the part `from...to` (metres) of the geodesic `line`.
    ///
    /// The distance along a geodesic is unimodal over pieces far shorter than the Earth's quarter
    /// circumference, so: if it rises from the start or falls to the end, an end is nearest;
    /// otherwise the foot of the perpendicular is bracketed and found by Newton's method,
    /// falling back to bisection whenever a step would leave the bracket. Converges to 1 µm along
    /// the line, which puts the distance within nanometres.
    func foot(of p: Position, on line: GeodesicLine, from: Double, to: Double) -> (metres: Double, position: Position, along: Double) {
        let a = sample(p, on: line, at: from)
        if a.metres == 0 || a.slope >= 0 {
            let b = a.slope >= 0 ? sample(p, on: line, at: to) : a
            // Rising at the start: the start is the minimum unless a maximum sits inside (only
            // possible for pieces near the antipode); compare with the end to be safe.
            let best = b.metres < a.metres ? b : a
            return (best.metres, best.position, best.along)
        }
        let b = sample(p, on: line, at: to)
        if b.slope <= 0 { return (b.metres, b.position, b.along) }
        var lo = a, hi = b
        // Secant start on the slope, then safeguarded Newton.
        var s = lo.along + (hi.along - lo.along) * (-lo.slope) / (hi.slope - lo.slope)
        var best = lo.metres < hi.metres ? lo : hi
        for _ in 0..<60 {
            let x = sample(p, on: line, at: s)
            if x.metres < best.metres { best = x }
            if x.metres == 0 { break }
            if x.slope < 0 { lo = x } else { hi = x }
            var next = x.curvature > 0 && x.curvature.isFinite ? s - x.slope / x.curvature : .nan
            if !(next > lo.along && next < hi.along) { next = (lo.along + hi.along) / 2 }
            if abs(next - s) < 1e-6 || hi.along - lo.along < 1e-6 { break }
            s = next
        }
        return (best.metres, best.position, best.along)
    }
}

/// Maps `items` through `transform` over all cores (Dispatch `concurrentPerform`), keeping order.
func concurrentMap<T: Sendable, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
    let n = items.count
    if n < 64 { return items.map(transform) }
    let chunks = min(n / 32, 16 * max(1, ProcessInfo.processInfo.activeProcessorCount))
    let chunkSize = (n + chunks - 1) / chunks
    return [R](unsafeUninitializedCapacity: n) { buffer, count in
        let base = buffer.baseAddress!
        withoutActuallyEscaping(transform) { transform in
            nonisolated(unsafe) let transform = transform
            nonisolated(unsafe) let base = base
            items.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    let start = c * chunkSize, end = min(n, start + chunkSize)
                    guard start < end else { return }
                    // Each chunk writes a disjoint range of the output buffer.
                    for i in start..<end { (base + i).initialize(to: transform(input[i])) }
                }
            }
        }
        count = n
    }
}

