/// A label the placer found room for.
struct PlacedLabel: Hashable {
    var text: String
    /// The box the label's text occupies (estimated glyph extent plus a small halo margin).
    var box: PixelRect
    /// Where the text's baseline starts (text-anchor start).
    var baseline: PixelPoint
    /// From the marker's edge to the box, when the label had to move away from its point.
    var leader: (from: PixelPoint, to: PixelPoint)?
    var layer: String

    static func == (a: PlacedLabel, b: PlacedLabel) -> Bool {
        a.text == b.text && a.box == b.box && a.baseline == b.baseline && a.layer == b.layer
            && a.leader?.from == b.leader?.from && a.leader?.to == b.leader?.to
    }
    func hash(into h: inout Hasher) { h.combine(text); h.combine(box); h.combine(layer) }
}

/// Greedy label placement: for each label in priority order, the first of eight candidate positions
/// around its point (right, left, upper right, lower right, upper left, lower left, above, below)
/// whose box stays in the frame and hits nothing placed before it, preferring boxes that cross no
/// border or depth line; failing that, the same eight directions further out with a leader line;
/// failing that, the label is dropped.
/// Collision queries go through a uniform grid, so placing m labels among n obstacles costs about
/// O((m + n) · k) for k obstacles per cell instead of O(m · n).
struct LabelPlacer {
    let bounds: PixelRect
    let fontSize: Double
    private(set) var occupied: [PixelRect] = []
    private var occupiedGrid = RectGrid(cellSize: 48)
    private var lineGrid = RectGrid(cellSize: 48)
    private(set) var placed: [PlacedLabel] = []
    private(set) var dropped: [String] = []

    init(bounds: PixelRect, fontSize: Double) {
        self.bounds = bounds
        self.fontSize = fontSize
    }

    /// Segments labels should not cross when they can help it (borders, depth lines), with bounds.
    private(set) var lineSegments: [(a: PixelPoint, b: PixelPoint, box: PixelRect)] = []

    /// Marks `rect` as taken (markers, legend, scale bar) so no label covers it.
    mutating func reserve(_ rect: PixelRect) {
        occupiedGrid.insert(rect, id: occupied.count)
        occupied.append(rect)
    }

    private func overlapsOccupied(_ box: PixelRect) -> Bool {
        occupiedGrid.contains(near: box) { occupied[$0].overlaps(box) }
    }

    /// Asks labels to keep off `line` where some candidate position allows it.
    mutating func avoid(line: [PixelPoint]) {
        for (a, b) in zip(line, line.dropFirst()) {
            let box = PixelRect(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y))
            lineGrid.insert(box, id: lineSegments.count)
            lineSegments.append((a, b, box))
        }
    }

    private func crossesLine(_ box: PixelRect) -> Bool {
        lineGrid.contains(near: box) { i in
            let s = lineSegments[i]
            return s.box.minX <= box.maxX && box.minX <= s.box.maxX && s.box.minY <= box.maxY && box.minY <= s.box.maxY
                && Clipper.clipSegment(s.a, s.b, box) != nil
        }
    }

    /// Places `text` next to a marker of `radius` pixels at `anchor`; returns whether it found room.
    @discardableResult
    mutating func place(_ text: String, at anchor: PixelPoint, radius: Double, layer: String) -> Bool {
        let halo = 1.5
        let w = estimatedTextWidth(text, fontSize: fontSize) + 2 * halo
        let h = fontSize * 1.25 + 2 * halo
        // Near the point clear of lines, then near the point across lines, then further out with a leader.
        for (ring, keepOffLines) in [(0, true), (0, false), (1, true), (1, false)] {
            if !keepOffLines && lineSegments.isEmpty { continue }
            let d = ring == 0 ? radius + 3 : radius + 22
            for (ux, uy) in Self.directions {
                let box = Self.box(width: w, height: h, anchor: anchor, dx: ux * d, dy: uy * d)
                guard bounds.contains(box), !overlapsOccupied(box) else { continue }
                if keepOffLines && crossesLine(box) { continue }
                var leader: (PixelPoint, PixelPoint)?
                if ring == 1 {
                    let to = Self.nearestPoint(on: box, to: anchor)
                    let len = ((to.x - anchor.x) * (to.x - anchor.x) + (to.y - anchor.y) * (to.y - anchor.y)).squareRoot()
                    guard len > 0 else { continue }
                    let from = PixelPoint(x: anchor.x + (to.x - anchor.x) * radius / len, y: anchor.y + (to.y - anchor.y) * radius / len)
                    // Checked from just outside the point's own marker, which is in `occupied` too.
                    let clear = radius * 1.5 + 1
                    let checkFrom = PixelPoint(x: anchor.x + (to.x - anchor.x) * clear / len, y: anchor.y + (to.y - anchor.y) * clear / len)
                    guard len > clear, !crossesOccupied(checkFrom, to) else { continue }
                    leader = (from, to)
                }
                let baseline = PixelPoint(x: box.minX + halo, y: box.minY + halo + fontSize * 0.95)
                reserve(box)
                placed.append(PlacedLabel(text: text, box: box, baseline: baseline, leader: leader, layer: layer))
                return true
            }
        }
        dropped.append(text)
        return false
    }

    /// Places `text` centred on `anchor` (area names), or drops it when that spot is taken.
    @discardableResult
    mutating func placeCentred(_ text: String, at anchor: PixelPoint, layer: String, letterSpacing: Double = 2) -> Bool {
        let w = estimatedTextWidth(text, fontSize: fontSize) + letterSpacing * Double(text.count) + 3
        let h = fontSize * 1.25 + 3
        let box = PixelRect(x: anchor.x - w / 2, y: anchor.y - h / 2, width: w, height: h)
        guard bounds.contains(box), !overlapsOccupied(box) else {
            dropped.append(text)
            return false
        }
        reserve(box)
        placed.append(PlacedLabel(text: text, box: box, baseline: PixelPoint(x: box.minX + 1.5, y: box.minY + 1.5 + fontSize * 0.95),
                                  leader: nil, layer: layer))
        return true
    }

    /// Unit offsets in preference order; diagonals at 45°.
    private static let directions: [(Double, Double)] = {
        let s = 0.7071
        return [(1, 0), (-1, 0), (s, -s), (s, s), (-s, -s), (-s, s), (0, -1), (0, 1)]
    }()

    /// The box whose side facing the anchor sits at offset (dx, dy) from it.
    private static func box(width w: Double, height h: Double, anchor a: PixelPoint, dx: Double, dy: Double) -> PixelRect {
        let x = dx > 0.01 ? a.x + dx : dx < -0.01 ? a.x + dx - w : a.x - w / 2
        let y = dy > 0.01 ? a.y + dy : dy < -0.01 ? a.y + dy - h : a.y - h / 2
        return PixelRect(x: x, y: y, width: w, height: h)
    }

    private static func nearestPoint(on r: PixelRect, to p: PixelPoint) -> PixelPoint {
        PixelPoint(x: min(max(p.x, r.minX), r.maxX), y: min(max(p.y, r.minY), r.maxY))
    }

    private func crossesOccupied(_ a: PixelPoint, _ b: PixelPoint) -> Bool {
        let span = PixelRect(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y))
        return occupiedGrid.contains(near: span) { Clipper.clipSegment(a, b, occupied[$0].insetBy(0.5)) != nil }
    }
}

/// A uniform grid over rectangles: each rectangle is filed under every cell it touches, and a query
/// visits only the cells its own rectangle touches. Lookups only, so output stays deterministic.
struct RectGrid {
    let cellSize: Double
    private var cells: [Int64: [Int]] = [:]

    init(cellSize: Double) { self.cellSize = cellSize }

    private func cellRange(_ r: PixelRect) -> (ClosedRange<Int64>, ClosedRange<Int64>) {
        func c(_ v: Double) -> Int64 { Int64((v / cellSize).rounded(.down).clamped(-1e9, 1e9)) }
        return (c(r.minX)...c(max(r.minX, r.maxX)), c(r.minY)...c(max(r.minY, r.maxY)))
    }

    private static func key(_ x: Int64, _ y: Int64) -> Int64 { (x << 32) ^ (y & 0xFFFF_FFFF) }

    mutating func insert(_ rect: PixelRect, id: Int) {
        let (xs, ys) = cellRange(rect)
        for x in xs { for y in ys { cells[Self.key(x, y), default: []].append(id) } }
    }

    /// Whether `test` holds for some id filed in a cell that `rect` touches.
    func contains(near rect: PixelRect, where test: (Int) -> Bool) -> Bool {
        let (xs, ys) = cellRange(rect)
        for x in xs { for y in ys { if let ids = cells[Self.key(x, y)], ids.contains(where: test) { return true } } }
        return false
    }
}

extension Double {
    fileprivate func clamped(_ low: Double, _ high: Double) -> Double { Swift.min(Swift.max(self, low), high) }
}
