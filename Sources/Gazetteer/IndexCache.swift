import Foundation

/// A binary copy of the parsed place columns and the name index, so that a later process with
/// the same data skips normalising ~10⁶ names. Named `gazetteer-<fingerprint>.idx`, where the
/// fingerprint hashes the data files and `formatVersion`: any change to the data, to the
/// normaliser or to the layout gives another name, so a stale file is never read.
///
/// The file holds native-endian raw arrays: it is a per-machine cache, not an exchange format.
struct IndexCache {
    /// Bump when `NameNormalizer`, the indexing rules, the layout of `Posting` or that of the file
    /// change.
    static let formatVersion: UInt64 = 5
    private static let magic: UInt64 = 0x5844_4947_5A41_4D49  // "IMAZGIDX"

    let directory: URL
    let fingerprint: UInt64

    init(directory: URL, files: [TSVFile]) {
        self.directory = directory
        var h = Self.formatVersion &* 0x9E37_79B9_7F4A_7C15
        for f in files { h = Self.mix(h, Self.hash(UnsafeRawBufferPointer(f.bytes))) }
        fingerprint = h
    }

    var url: URL { directory.appendingPathComponent(String(format: "gazetteer-%016llx.idx", fingerprint)) }

    /// The columns and index from the cache file, or nil when there is none or it does not fit.
    func read(placeFile: TSVFile, entities: Int) -> (PlaceTable, NameIndex)? {
        guard let file = try? MappedFile(path: url.path) else { return nil }
        var reader = Reader(file: file)
        guard reader.word() == Self.magic, reader.word() == Self.formatVersion, reader.word() == fingerprint,
              let nPlaces = reader.count(), let nPostings = reader.count(), let nKeys = reader.count() else { return nil }
        guard let ids: Column<Int32> = reader.column(nPlaces), let lat: Column<Double> = reader.column(nPlaces),
              let lon: Column<Double> = reader.column(nPlaces), let pop: Column<Int32> = reader.column(nPlaces),
              let starts: Column<UInt32> = reader.column(nPlaces), let ends: Column<UInt32> = reader.column(nPlaces),
              let postings: Column<Posting> = reader.column(nPostings), let keys: Column<UInt8> = reader.column(nKeys),
              let order: Column<UInt64> = reader.column(nPostings),
              let bucketBits = reader.count(), bucketBits == NameIndex.bucketBits(count: nPostings),
              let buckets: Column<UInt32> = reader.column((1 << bucketBits) + 1), reader.atEnd else { return nil }
        // Cheap consistency checks against the data actually loaded.
        guard ends.last.map({ Int($0) <= placeFile.bytes.count }) ?? true,
              order.last.map({ Int($0 & 0xFFFF_FFFF) < nPostings }) ?? true,
              buckets.first == 0, buckets.last == UInt32(nPostings) else { return nil }
        let table = PlaceTable(file: placeFile, geonameID: ids, latitude: lat, longitude: lon, population: pop,
                               lineStart: starts, lineEnd: ends)
        return (table, NameIndex(postings: postings, keys: keys, order: order, buckets: buckets, bucketBits: bucketBits))
    }

    /// Writes the cache file atomically (temporary file, then rename) and removes older
    /// `gazetteer-*.idx` files beside it. Failures are ignored: the cache is only an optimisation.
    func write(places: PlaceTable, index: NameIndex) {
        var out = Data()
        func word(_ v: UInt64) { withUnsafeBytes(of: v) { out.append(contentsOf: $0) } }
        func array<T: BitwiseCopyable>(_ a: Column<T>) {
            out.append(contentsOf: UnsafeRawBufferPointer(a.buffer))
            let pad = (8 - out.count % 8) % 8
            out.append(contentsOf: [UInt8](repeating: 0, count: pad))
        }
        word(Self.magic); word(Self.formatVersion); word(fingerprint)
        word(UInt64(places.count)); word(UInt64(index.postings.count)); word(UInt64(index.keys.count))
        array(places.geonameID); array(places.latitude); array(places.longitude); array(places.population)
        array(places.lineStart); array(places.lineEnd); array(index.postings); array(index.keys); array(index.order)
        word(UInt64(index.bucketBits)); array(index.buckets)
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
            try out.write(to: url, options: .atomic)
            for name in try fm.contentsOfDirectory(atPath: directory.path)
            where name.hasPrefix("gazetteer-") && name.hasSuffix(".idx") && name != url.lastPathComponent {
                try? fm.removeItem(at: directory.appendingPathComponent(name))
            }
        } catch {
            return
        }
    }

    /// Sequential reads of raw arrays, each padded to 8 bytes, as columns inside the mapping.
    private struct Reader {
        let file: MappedFile
        var offset = 0

        var atEnd: Bool { offset == file.count }

        mutating func word() -> UInt64? {
            guard let base = file.base, offset + 8 <= file.count else { return nil }
            defer { offset += 8 }
            return base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        }

        mutating func count() -> Int? {
            guard let w = word(), w < 1 << 40 else { return nil }
            return Int(w)
        }

        mutating func column<T: BitwiseCopyable>(_ n: Int) -> Column<T>? {
            let bytes = n * MemoryLayout<T>.stride
            guard offset + bytes <= file.count, offset % MemoryLayout<T>.alignment == 0 else { return nil }
            let column = Column<T>(file: file, offset: offset, count: n)
            offset += bytes + (8 - bytes % 8) % 8
            return column
        }
    }

    /// A fast 64-bit hash of a whole file, eight bytes at a time in four interleaved lanes: each
    /// `mix` waits for the one before it in its lane, so a single lane would leave the core idle
    /// most of the time (the data files, tens of megabytes, are hashed on every load).
    static func hash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let seed = UInt64(raw.count) &* 0x9E37_79B9_7F4A_7C15
        var a = seed, b = seed ^ 1, c = seed ^ 2, d = seed ^ 3
        var i = 0
        while i + 32 <= raw.count {
            a = mix(a, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            b = mix(b, raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            c = mix(c, raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            d = mix(d, raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        var h = mix(mix(mix(a, b), c), d)
        while i + 8 <= raw.count {
            h = mix(h, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        while i < raw.count { tail = tail << 8 | UInt64(raw[i]); i += 1 }
        return mix(h, tail)
    }

    @inline(__always)
    static func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
        var x = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 31
        return x &* 0x94D0_49BB_1331_11EB
    }
}
