import GeoJSON

/// A static spatial index over items with bounding boxes: which items' boxes meet a box, and which
/// item is nearest by a distance you supply. Built once, then only read.
///
/// A packed R-tree in the manner of an STRtree: items are ordered along a Hilbert curve through their
/// box centres and packed into full nodes of `nodeCapacity` entries, level by level, in flat arrays
/// (no per-node objects). Building is O(n log n); a box query is O(log n + k) for k hits on typical
/// data. Written in Swift rather than over `GEOSSTRtree` because a GEOS tree cannot be shared between
/// threads, while this value can: it is Sendable and immutable, so any number of threads may query
/// one index at once with no locking.
///
/// Boxes are planar: longitude and latitude taken as x and y, no antimeridian wrapping (split items
/// that cross ±180° into two boxes). Items whose box has a NaN coordinate are never found.
public struct SpatialIndex: Sendable {
    /// Entries per node. 16 is a good balance of tree height and per-node scan cost.
    public let nodeCapacity: Int
    /// Number of items.
    public let count: Int
    /// Boxes of all entries, 4 doubles each (minX, minY, maxX, maxY): items first, in packed order,
    /// then each level of nodes up to the root.
    private let boxes: [Double]
    /// For an item entry, the caller's item index; for a node entry, the entry index of its first child.
    private let links: [Int32]
    /// One past the last entry of each level (level 0 holds the items).
    private let levelEnds: [Int]

    /// Builds the index; item `i` is `boxes[i]`. O(n log n).
    public init(boxes items: [BoundingBox], nodeCapacity: Int = 16) {
        precondition(nodeCapacity >= 2, "a node needs room for at least 2 entries")
        precondition(items.count < Int(Int32.max) / 2, "too many items for 32-bit links")
        self.nodeCapacity = nodeCapacity
        self.count = items.count
        // Sort plain integers: the Hilbert key (< 2³²) in the high half, the item index in the low half.
        var order: [UInt64]
        if let extent = Self.extent(of: items) {
            order = items.indices.map { Self.hilbertKey(items[$0], extent) << 32 | UInt64($0) }
            order.sort()
        } else {
            order = items.indices.map { UInt64($0) }
        }
        var boxes: [Double] = []
        var links: [Int32] = []
        boxes.reserveCapacity(items.count * 4 * 16 / 15 + 8)
        links.reserveCapacity(items.count * 16 / 15 + 2)
        for key in order {
            let i = Int(key & 0xFFFF_FFFF), b = items[i]
            boxes.append(b.west); boxes.append(b.south); boxes.append(b.east); boxes.append(b.north)
            links.append(Int32(i))
        }
        var levelEnds = [items.count]
        var start = 0
        // Group each level's entries, in order, into parents until one root remains.
        while levelEnds.last! - start > 1 {
            let end = levelEnds.last!
            var child = start
            while child < end {
                let last = min(child + nodeCapacity, end)
                var box = (Double.infinity, Double.infinity, -Double.infinity, -Double.infinity)
                for c in child..<last {
                    box.0 = Swift.min(box.0, boxes[4 * c]); box.1 = Swift.min(box.1, boxes[4 * c + 1])
                    box.2 = Swift.max(box.2, boxes[4 * c + 2]); box.3 = Swift.max(box.3, boxes[4 * c + 3])
                }
                boxes.append(box.0); boxes.append(box.1); boxes.append(box.2); boxes.append(box.3)
                links.append(Int32(child))
                child = last
            }
            start = end
            levelEnds.append(links.count)
        }
        self.boxes = boxes
        self.links = links
        self.levelEnds = levelEnds
    }

    /// Builds the index over the bounding boxes of `geometries`; item `i` is `geometries[i]`. Empty
    /// geometries get a NaN box and are never found. O(n log n) plus one pass over the positions.
    public init(geometries: [Geometry], nodeCapacity: Int = 16) {
        self.init(boxes: geometries.map {
            $0.boundingBox ?? BoundingBox(south: .nan, west: .nan, north: .nan, east: .nan)
        }, nodeCapacity: nodeCapacity)
    }

    /// Indices of the items whose boxes share at least one point with `box` (touching counts), in no
    /// particular order. O(log n + k) on typical data. Thread-safe.
    public func query(_ box: BoundingBox) -> [Int] {
        var result: [Int] = []
        forEach(intersecting: box) { result.append($0) }
        return result
    }

    /// Calls `body` with the index of each item whose box meets `box`, in no particular order, without
    /// allocating. Thread-safe.
    public func forEach(intersecting box: BoundingBox, _ body: (Int) throws -> Void) rethrows {
        guard count > 0 else { return }
        // The deepest the traversal stack can get: (capacity − 1) siblings waiting at each level, plus one.
        let depth = (nodeCapacity - 1) * levelEnds.count + 1
        try withUnsafeTemporaryAllocation(of: Int.self, capacity: depth) { stack in
            try boxes.withUnsafeBufferPointer { boxes in
                try links.withUnsafeBufferPointer { links in
                    try search(box, boxes, links, stack, body)
                }
            }
        }
    }

    private func search(_ q: BoundingBox, _ boxes: UnsafeBufferPointer<Double>, _ links: UnsafeBufferPointer<Int32>,
                        _ stack: UnsafeMutableBufferPointer<Int>, _ body: (Int) throws -> Void) rethrows {
        func meets(_ entry: Int) -> Bool {
            let o = 4 * entry
            return boxes[o] <= q.east && boxes[o + 2] >= q.west && boxes[o + 1] <= q.north && boxes[o + 3] >= q.south
        }
        let root = links.count - 1
        guard meets(root) else { return }
        if levelEnds.count == 1 { return try body(Int(links[root])) }
        // Nodes on the stack already meet the box; children are tested before they are pushed, and
        // items (level 0) are reported at once instead of being pushed.
        var top = 0
        stack[0] = (levelEnds.count - 1) << 32 | root  // (level << 32 | entry)
        while top >= 0 {
            let node = stack[top]
            top -= 1
            let level = node >> 32, entry = node & 0xFFFF_FFFF
            let first = Int(links[entry]), end = Swift.min(first + nodeCapacity, levelEnds[level - 1])
            if level == 1 {
                for c in first..<end where meets(c) { try body(Int(links[c])) }
            } else {
                for c in first..<end where meets(c) {
                    top += 1
                    stack[top] = (level - 1) << 32 | c
                }
            }
        }
    }

    /// The item with the smallest `itemDistance`, found by best-first search, with that distance; nil
    /// when the index is empty or every distance is NaN.
    ///
    /// `boxDistance` must be a lower bound: for any box and any item whose box lies inside it,
    /// `boxDistance(box) <= itemDistance(item)`. That lets the search skip subtrees, so typically only
    /// O(log n) item distances are evaluated. Units are yours (e.g. metres from a geodesic distance
    /// with a conservative box bound, or planar degrees). Ties go to either item.
    /// - Thread-safety: safe to call concurrently; the closures run on the calling thread.
    public func nearest(boxDistance: (BoundingBox) throws -> Double,
                        itemDistance: (Int) throws -> Double) rethrows -> (index: Int, distance: Double)? {
        try bestFirst(boxDistance: boxDistance) { item, _ in try itemDistance(item) }
    }

    /// The item whose box is nearest to `position` in planar degrees, refined by `itemDistance` (also
    /// planar, e.g. the distance to the item's segment) when given. For ranking only: not metres.
    package func nearestPlanar(to position: Position,
                               itemDistance: ((Int) throws -> Double)? = nil) rethrows -> (index: Int, distance: Double)? {
        func planar(_ b: BoundingBox) -> Double {
            let dx = Swift.max(b.west - position.longitude, 0, position.longitude - b.east)
            let dy = Swift.max(b.south - position.latitude, 0, position.latitude - b.north)
            return (dx * dx + dy * dy).squareRoot()
        }
        return try bestFirst(boxDistance: planar) { item, boxKey in try itemDistance?(item) ?? boxKey }
    }

    /// Best-first branch and bound: a queue of entries ordered by their box distance; an item's own
    /// distance is `itemDistance(item, its box distance)`. Stops when no queued box can beat the best.
    private func bestFirst(boxDistance: (BoundingBox) throws -> Double,
                           itemDistance: (Int, Double) throws -> Double) rethrows -> (index: Int, distance: Double)? {
        guard count > 0 else { return nil }
        var queue = MinHeap()
        let root = links.count - 1
        queue.push(try boxDistance(bounds(root)), (levelEnds.count - 1) << 32 | root)
        var best: (index: Int, distance: Double)?
        while let (key, top) = queue.pop() {
            if let best, key >= best.distance { break }
            let level = top >> 32, entry = top & 0xFFFF_FFFF
            if level == 0 {
                let item = Int(links[entry])
                let d = try itemDistance(item, key)
                if d < best?.distance ?? .infinity { best = (item, d) }
            } else {
                let first = Int(links[entry]), end = Swift.min(first + nodeCapacity, levelEnds[level - 1])
                for c in first..<end {
                    let d = try boxDistance(bounds(c))
                    if !d.isNaN, d < best?.distance ?? .infinity { queue.push(d, (level - 1) << 32 | c) }
                }
            }
        }
        return best
    }

    // MARK: internals

    private func bounds(_ entry: Int) -> BoundingBox {
        let o = 4 * entry
        return BoundingBox(south: boxes[o + 1], west: boxes[o], north: boxes[o + 3], east: boxes[o + 2])
    }

    /// The box covering every finite item box, or nil when there is none.
    private static func extent(of items: [BoundingBox]) -> BoundingBox? {
        var extent: BoundingBox?
        for b in items where b.west.isFinite && b.south.isFinite && b.east.isFinite && b.north.isFinite {
            if extent == nil { extent = b } else { extent!.extend(with: b) }
        }
        return extent
    }

    /// Position of the box centre along a Hilbert curve over `extent` on a 2^16 × 2^16 grid.
    private static func hilbertKey(_ b: BoundingBox, _ extent: BoundingBox) -> UInt64 {
        let side = 65_535.0
        func cell(_ v: Double, _ lo: Double, _ hi: Double) -> UInt32 {
            guard v.isFinite, hi > lo else { return 0 }
            return UInt32(Swift.max(0, Swift.min(side, ((v - lo) / (hi - lo) * side).rounded(.down))))
        }
        var x = cell((b.west + b.east) / 2, extent.west, extent.east)
        var y = cell((b.south + b.north) / 2, extent.south, extent.north)
        // The classic iterative xy→d conversion: at each scale pick the quadrant, then rotate/flip the
        // lower-order bits so that the curve stays continuous.
        var d: UInt64 = 0
        var s: UInt32 = 1 << 15
        while s > 0 {
            let rx: UInt32 = x & s != 0 ? 1 : 0
            let ry: UInt32 = y & s != 0 ? 1 : 0
            d += UInt64(s) * UInt64(s) * UInt64((3 * rx) ^ ry)
            if ry == 0 {
                if rx == 1 { x = 65_535 - x; y = 65_535 - y }
                swap(&x, &y)
            }
            s >>= 1
        }
        return d
    }
}

/// A binary min-heap of (key, payload) for the best-first nearest search.
private struct MinHeap {
    private var keys: [Double] = []
    private var values: [Int] = []

    mutating func push(_ key: Double, _ value: Int) {
        keys.append(key); values.append(value)
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard keys[i] < keys[parent] else { break }
            keys.swapAt(i, parent); values.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let top = keys.first else { return nil }
        let value = values[0]
        keys.swapAt(0, keys.count - 1); values.swapAt(0, values.count - 1)
        keys.removeLast(); values.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var smallest = i
            if l < keys.count, keys[l] < keys[smallest] { smallest = l }
            if r < keys.count, keys[r] < keys[smallest] { smallest = r }
            if smallest == i { break }
            keys.swapAt(i, smallest); values.swapAt(i, smallest)
            i = smallest
        }
        return (top, value)
    }
}
