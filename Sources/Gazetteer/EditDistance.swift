/// Optimal-string-alignment distance (Levenshtein plus transposition of two adjacent letters,
/// each edit costing one) over bytes, with an upper bound for early exit.
enum EditDistance {
    /// Reusable rows, so that scanning many keys allocates nothing.
    struct Scratch {
        var previous2: [Int] = []
        var previous: [Int] = []
        var current: [Int] = []
    }

    /// The distance between `a` and `b`, or nil when it exceeds `limit`. O(|a|·|b|) at worst,
    /// usually far less thanks to the bound.
    static func bounded(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int,
                        scratch: inout Scratch) -> Int? {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return nil }
        if n == 0 { return m }
        if m == 0 { return n }
        let width = m + 1
        if scratch.current.count < width {
            scratch.previous2 = [Int](repeating: 0, count: width)
            scratch.previous = [Int](repeating: 0, count: width)
            scratch.current = [Int](repeating: 0, count: width)
        }
        for j in 0...m { scratch.previous[j] = j }
        for i in 1...n {
            scratch.current[0] = i
            var rowMin = i
            for j in 1...m {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(scratch.previous[j] + 1, scratch.current[j - 1] + 1, scratch.previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = min(v, scratch.previous2[j - 2] + 1)
                }
                scratch.current[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return nil }
            swap(&scratch.previous2, &scratch.previous)
            swap(&scratch.previous, &scratch.current)
        }
        let d = scratch.previous[m]
        return d <= limit ? d : nil
    }

    /// Convenience over strings (their UTF-8 bytes); for tests and small inputs.
    static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int? {
        var scratch = Scratch()
        let x = Array(a.utf8), y = Array(b.utf8)
        return x.withUnsafeBufferPointer { xa in y.withUnsafeBufferPointer { yb in bounded(xa, yb, limit: limit, scratch: &scratch) } }
    }
}
