import Foundation

/// How a name is attached to an entry.
enum NameForm: UInt8, Sendable {
    /// The entry's own name (GeoNames' `name`, the country's or region's `name` column).
    case name
    /// One of its alternate names (other languages, scripts, romanisations, former names).
    case alternate
    /// An ISO code standing for a country (`UA`, `UKR`).
    case code
    /// A region's name without its qualifier, or the stem of its adjective
    /// (`Kursk` for `Kurskaya oblast'`): matches only weakly unless the query names the kind.
    case baseName
}

/// One (key, entry) pair of the index. 24 bytes.
struct Posting: Sendable {
    var hash: UInt64
    /// Entry number: places first, then regions, then countries (see `Gazetteer.entity`).
    var entity: UInt32
    /// Where the key's bytes are in `NameIndex.keys`.
    var keyOffset: UInt32
    var keyLength: UInt16
    var form: NameForm
}

/// Adds the keys of one entry's names to a growing posting list, once per distinct key.
struct PostingBuilder {
    var postings: [Posting] = []
    var keys: [UInt8] = []
    /// Hashes already filed for the current entry.
    private var seen: [UInt64] = []
    private var current: UInt32 = .max

    /// Files the UTF-8 name `bytes` under `entity` unless the entry already has that key.
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, entity: UInt32, form: NameForm) {
        if entity != current { seen.removeAll(keepingCapacity: true); current = entity }
        let start = keys.count
        NameNormalizer.appendKey(of: bytes, to: &keys)
        let length = keys.count - start
        guard length > 0, length <= Int(UInt16.max) else { keys.removeSubrange(start...); return }
        let h = keys.withUnsafeBufferPointer { NameNormalizer.hash(UnsafeBufferPointer(rebasing: $0[start...])) }
        if seen.contains(h) { keys.removeSubrange(start...); return }
        seen.append(h)
        postings.append(Posting(hash: h, entity: entity, keyOffset: UInt32(start), keyLength: UInt16(length), form: form))
    }

    mutating func add(_ name: String, entity: UInt32, form: NameForm) {
        var copy = name
        copy.withUTF8 { add($0, entity: entity, form: form) }
    }

    /// Appends `other`'s postings and keys, renumbering its entities by `entityOffset`.
    mutating func append(_ other: PostingBuilder, entityOffset: UInt32) {
        let base = UInt32(keys.count)
        keys.append(contentsOf: other.keys)
        postings.reserveCapacity(postings.count + other.postings.count)
        for var p in other.postings {
            p.entity += entityOffset
            p.keyOffset += base
            postings.append(p)
        }
    }
}

/// An immutable map from name keys to entries: postings sorted by hash, found by binary search.
/// Thread-safe: never mutated after `init` (the misspelling index is built once, under a lock).
final class NameIndex: @unchecked Sendable {
    let postings: Column<Posting>
    let keys: Column<UInt8>
    /// `hash >> 32` in the high half and the posting's number in the low half, sorted.
    let order: Column<UInt64>
    /// Where each run of `order` with the same top `bucketBits` bits of the hash starts:
    /// `order[buckets[b]..<buckets[b + 1]]` holds the keys whose hash starts with `b`. With about
    /// one key per bucket, a look-up is two reads instead of a binary search's ~20 cache misses.
    /// Kept in the cache file with the rest (`IndexCache`): working it out again took as long as
    /// reading everything else.
    let buckets: Column<UInt32>
    let bucketBits: Int
    private let fuzzyLock = NSLock()
    nonisolated(unsafe) private var fuzzyTable: FuzzyTable?

    init(_ builder: PostingBuilder) {
        precondition(builder.postings.count < Int(UInt32.max), "too many names for the index")
        postings = Column(builder.postings)
        keys = Column(builder.keys)
        order = Column(NameIndex.radixSorted(builder.postings))
        bucketBits = NameIndex.bucketBits(count: order.count)
        buckets = Column(NameIndex.buckets(of: order, bits: bucketBits))
    }

    /// An index read back from a cache file (`IndexCache`); `buckets` and `bucketBits` must be
    /// those `init(_:)` works out for `order`.
    init(postings: Column<Posting>, keys: Column<UInt8>, order: Column<UInt64>, buckets: Column<UInt32>, bucketBits: Int) {
        self.postings = postings
        self.keys = keys
        self.order = order
        self.buckets = buckets
        self.bucketBits = bucketBits
    }

    /// The postings whose key is exactly `key` (already normalised), in `order`. O(1 + matches)
    /// on average.
    func postings(forKey key: String) -> [Posting] {
        var copy = key
        return copy.withUTF8 { bytes in
            let h = NameNormalizer.hash(bytes)
            let top = h >> 32
            var found: [Posting] = []
            for i in range(ofHash: h) where order[i] >> 32 == top {
                let p = postings[Int(order[i] & 0xFFFF_FFFF)]
                if p.hash == h && keyEquals(p, bytes) { found.append(p) }
            }
            return found
        }
    }

    /// False when no key of the index has the hash `h` (`NameNormalizer.hash` of the key); true
    /// when one probably does (the top 32 bits match: about one false positive per 4 000 keys
    /// absent from a 10⁶-key index). O(1) on average, no allocation: the geoparser asks this for
    /// every capitalised phrase before building any string.
    func mayContain(hash h: UInt64) -> Bool {
        let top = h >> 32
        for i in range(ofHash: h) where order[i] >> 32 == top { return true }
        return false
    }

    @inline(__always)
    private func range(ofHash h: UInt64) -> Range<Int> {
        let b = Int(truncatingIfNeeded: h >> UInt64(64 - bucketBits))
        return Int(buckets[b])..<Int(buckets[b + 1])
    }

    /// The number of bits of the hash that pick a bucket for `count` keys: one bucket per key or
    /// so, 2¹ to 2²² buckets (16 MB at most).
    static func bucketBits(count: Int) -> Int {
        var bits = 1
        while bits < 22 && 1 << bits < count { bits += 1 }
        return bits
    }

    /// The bucket starts for `order` (sorted by the top 32 bits of the hash), `2^bits + 1` of
    /// them. O(n), one pass.
    private static func buckets(of order: Column<UInt64>, bits: Int) -> [UInt32] {
        var starts = [UInt32](repeating: 0, count: (1 << bits) + 1)
        let shift = UInt64(64 - bits)
        // order[i] holds hash >> 32 in its top half, so its top `bits` bits are the hash's.
        var b = 0
        for (i, o) in order.enumerated() {
            let ob = Int(truncatingIfNeeded: o >> shift)
            while b < ob { b += 1; starts[b] = UInt32(i) }
        }
        while b < 1 << bits { b += 1; starts[b] = UInt32(order.count) }
        return starts
    }

    /// The key of a posting, as text.
    func key(of p: Posting) -> String {
        let start = Int(p.keyOffset)
        return String(decoding: keys[start..<start + Int(p.keyLength)], as: UTF8.self)
    }

    private func keyEquals(_ p: Posting, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(p.keyLength) == bytes.count else { return false }
        let start = Int(p.keyOffset)
        return memcmp(keys.buffer.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
    }

    /// Two passes of a 16-bit LSD radix sort on the top 32 bits of the hashes: O(n), and much
    /// faster than a comparison sort for the ~10⁶ names of the full gazetteer.
    private static func radixSorted(_ postings: [Posting]) -> [UInt64] {
        var a = [UInt64](unsafeUninitializedCapacity: postings.count) { buf, count in
            for (i, p) in postings.enumerated() { buf[i] = (p.hash & 0xFFFF_FFFF_0000_0000) | UInt64(i) }
            count = postings.count
        }
        var b = [UInt64](repeating: 0, count: a.count)
        for shift in [UInt64(32), 48] {
            var counts = [Int](repeating: 0, count: 65_537)
            for v in a { counts[Int((v >> shift) & 0xFFFF) + 1] += 1 }
            for d in 1...65_536 { counts[d] += counts[d - 1] }
            for v in a {
                let d = Int((v >> shift) & 0xFFFF)
                b[counts[d]] = v
                counts[d] += 1
            }
            swap(&a, &b)
        }
        return a
    }

    // MARK: Misspellings

    /// Distinct keys within `maxDistance` edits (Damerau–Levenshtein, adjacent transpositions
    /// counting one) of `key`, with their distance. The first call builds an inverted index of
    /// the distinct keys by letter pair (≈ 0.1–0.3 s on the full gazetteer). A search then counts,
    /// for keys of nearby length, the letter pairs they share with `key`: an edit changes at most
    /// two pairs, so a key within d edits shares at least (pairs − 2d) of them (and, for short
    /// names, at least one, which may miss a misspelling that touches every pair). Only those
    /// keys, whose letter sets also differ by at most d letters each way, are compared in full.
    func keys(near key: String, maxDistance: Int) -> [(posting: Posting, distance: Int)] {
        let table = fuzzy()
        let query = Array(key.utf8)
        guard query.count >= 2 else { return [] }
        let qmask = FuzzyTable.mask(query)
        let pairs = Set(zip(query, query.dropFirst()).map { Int($0) << 8 | Int($1) })
        let threshold = max(1, pairs.count - 2 * maxDistance)
        let shortest = UInt16(max(0, query.count - maxDistance)), longest = UInt16(query.count + maxDistance)
        var counts = [UInt8](repeating: 0, count: table.entries.count)
        var candidates: [Int] = []
        table.entries.withUnsafeBufferPointer { entries in
            table.ids.withUnsafeBufferPointer { ids in
                counts.withUnsafeMutableBufferPointer { counts in
                    for pair in pairs {
                        for j in Int(table.starts[pair])..<Int(table.starts[pair + 1]) {
                            let id = Int(ids[j])
                            let length = entries[id].length
                            guard length >= shortest && length <= longest else { continue }
                            counts[id] &+= 1
                            if counts[id] == threshold { candidates.append(id) }
                        }
                    }
                }
            }
        }
        var scratch = EditDistance.Scratch()
        var result: [(Posting, Int)] = []
        for id in candidates {
            let entry = table.entries[id]
            let extra = (entry.mask & ~qmask).nonzeroBitCount, missing = (qmask & ~entry.mask).nonzeroBitCount
            guard extra <= maxDistance && missing <= maxDistance else { continue }
            let p = postings[Int(entry.posting)]
            let start = Int(p.keyOffset)
            let d = query.withUnsafeBufferPointer { q in
                EditDistance.bounded(q, UnsafeBufferPointer(rebasing: keys.buffer[start..<start + Int(p.keyLength)]),
                                     limit: maxDistance, scratch: &scratch)
            }
            if let d, d > 0 { result.append((p, d)) }
        }
        return result
    }

    /// The postings with exactly the same key as `p` (all entries sharing that key).
    func postings(sharingKeyWith p: Posting) -> [Posting] {
        postings(forKey: key(of: p))
    }

    private func fuzzy() -> FuzzyTable {
        fuzzyLock.lock()
        defer { fuzzyLock.unlock() }
        if let fuzzyTable { return fuzzyTable }
        let table = FuzzyTable(index: self, order: order)
        fuzzyTable = table
        return table
    }
}

/// The distinct keys of the index, each with its length and letter set (one bit per a–z, one
/// for anything else), and an inverted index from letter pairs to the keys containing them
/// (compressed rows: the keys with pair p are `ids[starts[p]..<starts[p+1]]`).
struct FuzzyTable {
    struct Entry { var posting: UInt32; var mask: UInt32; var length: UInt16 }
    var entries: [Entry] = []
    var starts: [UInt32]
    var ids: [UInt32]

    init(index: NameIndex, order: Column<UInt64>) {
        // Equal keys have equal hashes, which sit in one run of equal top halves in `order`.
        var run: [UInt64] = []
        var runTop: UInt64 = .max
        for o in order {
            let p = index.postings[Int(o & 0xFFFF_FFFF)]
            if o >> 32 != runTop { runTop = o >> 32; run.removeAll(keepingCapacity: true) }
            if run.contains(p.hash) { continue }
            run.append(p.hash)
            let start = Int(p.keyOffset)
            entries.append(Entry(posting: UInt32(o & 0xFFFF_FFFF),
                                 mask: FuzzyTable.mask(index.keys[start..<start + Int(p.keyLength)]), length: p.keyLength))
        }
        let keys = index.keys.buffer
        var previous: [Int] = []
        previous.reserveCapacity(64)
        func forEachPair(_ e: Entry, _ body: (Int) -> Void) {
            let p = index.postings[Int(e.posting)]
            let start = Int(p.keyOffset), end = start + Int(p.keyLength)
            previous.removeAll(keepingCapacity: true)
            var i = start
            while i + 1 < end {
                let pair = Int(keys[i]) << 8 | Int(keys[i + 1])
                if !previous.contains(pair) { previous.append(pair); body(pair) }
                i += 1
            }
        }
        var counts = [UInt32](repeating: 0, count: 65_537)
        for e in entries { forEachPair(e) { counts[$0 + 1] += 1 } }
        for i in 1...65_536 { counts[i] += counts[i - 1] }
        starts = counts
        var fill = Array(counts.dropLast())
        ids = [UInt32](repeating: 0, count: Int(counts[65_536]))
        for (id, e) in entries.enumerated() {
            forEachPair(e) { pair in
                ids[Int(fill[pair])] = UInt32(id)
                fill[pair] += 1
            }
        }
    }

    static func mask<C: Collection<UInt8>>(_ bytes: C) -> UInt32 {
        var m: UInt32 = 0
        for b in bytes {
            if b >= 0x61 && b <= 0x7A { m |= 1 << UInt32(b - 0x61) } else { m |= 1 << 31 }
        }
        return m
    }
}
