/// A point in SVG user units (pixels): `x` right, `y` down.
struct PixelPoint: Hashable {
    var x: Double
    var y: Double
}

/// An axis-aligned rectangle in pixels.
struct PixelRect: Hashable {
    var minX: Double, minY: Double, maxX: Double, maxY: Double

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }
    init(x: Double, y: Double, width: Double, height: Double) {
        self.init(minX: x, minY: y, maxX: x + width, maxY: y + height)
    }

    var width: Double { maxX - minX }
    var height: Double { maxY - minY }
    var centre: PixelPoint { PixelPoint(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }

    /// True when the interiors overlap (touching edges do not count).
    func overlaps(_ o: PixelRect) -> Bool {
        minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY
    }
    func contains(_ o: PixelRect) -> Bool {
        o.minX >= minX && o.maxX <= maxX && o.minY >= minY && o.maxY <= maxY
    }
    func contains(_ p: PixelPoint) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }
    func insetBy(_ d: Double) -> PixelRect { PixelRect(minX: minX + d, minY: minY + d, maxX: maxX - d, maxY: maxY - d) }
}

/// Clipping of projected rings and lines to the map frame, so that the SVG holds only what is seen.
enum Clipper {
    /// Sutherland–Hodgman clipping of a closed ring (first point not repeated) against `rect`.
    /// Concave rings may gain zero-width spurs along the frame; they are invisible when filled and
    /// the renderer masks strokes with a clip path. O(n).
    static func clipRing(_ ring: [PixelPoint], to rect: PixelRect) -> [PixelPoint] {
        var output = ring
        let edges: [(inside: (PixelPoint) -> Bool, cross: (PixelPoint, PixelPoint) -> PixelPoint)] = [
            ({ $0.x >= rect.minX }, { a, b in atX(a, b, rect.minX) }),
            ({ $0.x <= rect.maxX }, { a, b in atX(a, b, rect.maxX) }),
            ({ $0.y >= rect.minY }, { a, b in atY(a, b, rect.minY) }),
            ({ $0.y <= rect.maxY }, { a, b in atY(a, b, rect.maxY) }),
        ]
        for edge in edges {
            guard let last = output.last else { return [] }
            let input = output
            output = []
            output.reserveCapacity(input.count + 4)
            var previous = last
            for current in input {
                let currentIn = edge.inside(current), previousIn = edge.inside(previous)
                if currentIn {
                    if !previousIn { output.append(edge.cross(previous, current)) }
                    output.append(current)
                } else if previousIn {
                    output.append(edge.cross(previous, current))
                }
                previous = current
            }
        }
        return output
    }

    /// Liang–Barsky clipping of a polyline against `rect`: the visible pieces, in order. O(n).
    static func clipLine(_ line: [PixelPoint], to rect: PixelRect) -> [[PixelPoint]] {
        var pieces: [[PixelPoint]] = []
        var current: [PixelPoint] = []
        for (a, b) in zip(line, line.dropFirst()) {
            guard let (p, q) = clipSegment(a, b, rect) else {
                if current.count > 1 { pieces.append(current) }
                current = []
                continue
            }
            if current.last != p {
                if current.count > 1 { pieces.append(current) }
                current = [p]
            }
            current.append(q)
            if q != b { pieces.append(current); current = [] }
        }
        if current.count > 1 { pieces.append(current) }
        return pieces
    }

    static func clipSegment(_ a: PixelPoint, _ b: PixelPoint, _ r: PixelRect) -> (PixelPoint, PixelPoint)? {
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let t = q / p
                if p < 0 { if t > t1 { return nil }; t0 = max(t0, t) } else { if t < t0 { return nil }; t1 = min(t1, t) }
            }
        }
        let start = t0 == 0 ? a : PixelPoint(x: a.x + t0 * dx, y: a.y + t0 * dy)
        let end = t1 == 1 ? b : PixelPoint(x: a.x + t1 * dx, y: a.y + t1 * dy)
        return (start, end)
    }

    /// Drops points closer than `tolerance` pixels to the last kept one (keeps the last point). O(n).
    static func thin(_ points: [PixelPoint], tolerance: Double) -> [PixelPoint] {
        guard points.count > 2 else { return points }
        var kept = [points[0]]
        let t2 = tolerance * tolerance
        for p in points.dropFirst().dropLast() {
            let k = kept[kept.count - 1]
            if (p.x - k.x) * (p.x - k.x) + (p.y - k.y) * (p.y - k.y) >= t2 { kept.append(p) }
        }
        kept.append(points[points.count - 1])
        return kept
    }

    private static func atX(_ a: PixelPoint, _ b: PixelPoint, _ x: Double) -> PixelPoint {
        PixelPoint(x: x, y: a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x))
    }
    private static func atY(_ a: PixelPoint, _ b: PixelPoint, _ y: Double) -> PixelPoint {
        PixelPoint(x: a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y: y)
    }
}
