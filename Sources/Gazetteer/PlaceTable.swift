import Foundation

/// `places.tsv` in columns: the numbers parsed once, the text left in the file's bytes and cut
/// out only for the places a caller asks about. Immutable after loading.
struct PlaceTable: Sendable {
    static let columns = ["geonameid", "name", "latitude", "longitude", "country", "admin1", "population", "alternates"]

    let file: TSVFile
    let geonameID: Column<Int32>
    let latitude: Column<Double>
    let longitude: Column<Double>
    let population: Column<Int32>
    /// Byte range of each line (without its newline) in `file.bytes`.
    let lineStart: Column<UInt32>
    let lineEnd: Column<UInt32>
    /// Postings for every place's name and alternates (entities are place numbers); empty
    /// when the table came from a cache.
    var names = PostingBuilder()
    /// Sorted geonameids with their place numbers, for `index(ofGeonameID:)`.
    private let idOrder: [(id: Int32, index: Int32)]

    var count: Int { geonameID.count }

    /// Reads and indexes `places.tsv`, on all cores (the file is cut into chunks at line ends).
    /// - Throws: `GazetteerError` for a missing file, a wrong header, or the first malformed line.
    static func load(_ file: TSVFile, url: URL) throws -> PlaceTable {
        let chunks = file.chunks(max(1, ProcessInfo.processInfo.activeProcessorCount * 4))
        let results = UnsafeMutableBufferPointer<Chunk>.allocate(capacity: chunks.count)
        results.initialize(repeating: Chunk())
        defer { results.deinitialize(); results.deallocate() }
        nonisolated(unsafe) let shared = results
        nonisolated(unsafe) let bytes = file.bytes
        DispatchQueue.concurrentPerform(iterations: chunks.count) { k in
            shared[k].parse(chunks[k], of: bytes)
        }
        var all = Chunk()
        for chunk in results {
            if let (offset, message) = chunk.error {
                throw GazetteerError(file: url.path, line: file.lineNumber(at: offset), message: message)
            }
            all.names.append(chunk.names, entityOffset: UInt32(all.geonameID.count))
            all.geonameID += chunk.geonameID
            all.latitude += chunk.latitude
            all.longitude += chunk.longitude
            all.population += chunk.population
            all.lineStart += chunk.lineStart
            all.lineEnd += chunk.lineEnd
        }
        var table = PlaceTable(file: file, geonameID: Column(all.geonameID), latitude: Column(all.latitude),
                               longitude: Column(all.longitude), population: Column(all.population),
                               lineStart: Column(all.lineStart), lineEnd: Column(all.lineEnd))
        table.names = all.names
        return table
    }

    init(file: TSVFile, geonameID: Column<Int32>, latitude: Column<Double>, longitude: Column<Double>,
         population: Column<Int32>, lineStart: Column<UInt32>, lineEnd: Column<UInt32>) {
        self.file = file
        self.geonameID = geonameID; self.latitude = latitude; self.longitude = longitude
        self.population = population; self.lineStart = lineStart; self.lineEnd = lineEnd
        var order = geonameID.enumerated().map { (id: $0.element, index: Int32($0.offset)) }
        if !zip(order, order.dropFirst()).allSatisfy({ $0.id < $1.id }) { order.sort { $0.id < $1.id } }
        idOrder = order
    }

    /// The place number of a GeoNames id, or nil. O(log n).
    func index(ofGeonameID id: Int32) -> Int? {
        var lo = 0, hi = idOrder.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if idOrder[mid].id < id { lo = mid + 1 } else { hi = mid }
        }
        return lo < idOrder.count && idOrder[lo].id == id ? Int(idOrder[lo].index) : nil
    }

    /// The byte range of field `n` (0-based) of place `i`'s line; scans only up to that field.
    private func field(_ i: Int, _ n: Int) -> Range<Int> {
        let bytes = file.bytes
        var start = Int(lineStart[i])
        let end = Int(lineEnd[i])
        var k = 0
        var j = start
        while j < end {
            if bytes[j] == 0x09 {
                if k == n { return start..<j }
                k += 1
                start = j + 1
            }
            j += 1
        }
        return start..<end
    }

    func name(_ i: Int) -> String { file.string(field(i, 1)) }

    /// Alpha-2 country code, nil when the column is empty.
    func country(_ i: Int) -> String? {
        let r = field(i, 4)
        return r.isEmpty ? nil : file.string(r)
    }

    func admin1(_ i: Int) -> String { file.string(field(i, 5)) }

    /// `name(i)`, `country(i)`, and `country(i) + "." + admin1(i)` (nil without a country), from one
    /// pass over the line and without the strings in between: every candidate place of every name
    /// the geoparser looks up is built from these.
    func nameCountryAndAdmin1Key(_ i: Int) -> (name: String, country: String?, admin1Key: String?) {
        let bytes = file.bytes
        let start = Int(lineStart[i]), end = Int(lineEnd[i])
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 6) { tabs in
            var count = 0
            var j = start
            while j < end, count < 6 {
                if bytes[j] == 0x09 { tabs[count] = j; count += 1 }
                j += 1
            }
            // As `field(i, n)` cuts: past the last tab, the last field.
            func field(_ n: Int) -> Range<Int> {
                let m = min(n, count)
                return (m == 0 ? start : tabs[m - 1] + 1)..<(n < count ? tabs[n] : end)
            }
            let name = file.string(field(1))
            let country = field(4), admin1 = field(5)
            guard !country.isEmpty else { return (name, nil, nil) }
            let key = String(unsafeUninitializedCapacity: country.count + 1 + admin1.count) { out in
                var n = 0
                for b in bytes[country] { out[n] = b; n += 1 }
                out[n] = UInt8(ascii: "."); n += 1
                for b in bytes[admin1] { out[n] = b; n += 1 }
                return n
            }
            return (name, file.string(country), key)
        }
    }

    func alternates(_ i: Int) -> [String] {
        let s = file.string(field(i, 7))
        return s.isEmpty ? [] : s.split(separator: "|").map(String.init)
    }

    /// Whether `body` holds for one of `alternates(i)`, handed over as UTF-8 bytes in the file,
    /// without a string for each; nil when the bytes cannot be cut as `alternates(i)` cuts the text
    /// (`TSVRows.anyItem`).
    func anyAlternate(_ i: Int, where body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool? {
        TSVRows.anyItem(in: file.bytes, field(i, 7), where: body)
    }

    /// One chunk's worth of parsed lines.
    struct Chunk {
        var geonameID: [Int32] = []
        var latitude: [Double] = []
        var longitude: [Double] = []
        var population: [Int32] = []
        var lineStart: [UInt32] = []
        var lineEnd: [UInt32] = []
        var names = PostingBuilder()
        /// Byte offset and description of the first malformed line.
        var error: (Int, String)?

        mutating func parse(_ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) {
            let estimate = range.count / 90
            geonameID.reserveCapacity(estimate); latitude.reserveCapacity(estimate); longitude.reserveCapacity(estimate)
            population.reserveCapacity(estimate); lineStart.reserveCapacity(estimate); lineEnd.reserveCapacity(estimate)
            names.postings.reserveCapacity(estimate * 4)
            names.keys.reserveCapacity(range.count / 2)
            var tabs = [Int](repeating: 0, count: 7)
            var start = range.lowerBound
            while start < range.upperBound {
                var end = start
                var nTabs = 0
                while end < range.upperBound && bytes[end] != 0x0A {
                    if bytes[end] == 0x09 {
                        if nTabs < 7 { tabs[nTabs] = end }
                        nTabs += 1
                    }
                    end += 1
                }
                if end > start {  // a blank line (e.g. a final one) is skipped
                    guard nTabs == 7 else { error = (start, "expected 8 tab-separated fields, found \(nTabs + 1)"); return }
                    guard parseLine(start, end, tabs, bytes) else { return }
                }
                start = end + 1
            }
        }

        /// GeoNames lists airport and other codes (`IEV`, `URS`) among alternate names; an
        /// all-capital ASCII alternate of 3–4 letters is taken for one and not indexed.
        static func isCode(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
            guard r.count == 3 || r.count == 4 else { return false }
            return r.allSatisfy { bytes[$0] >= 0x41 && bytes[$0] <= 0x5A }
        }

        private mutating func parseLine(_ start: Int, _ end: Int, _ t: [Int], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let id = TSVFile.parseInt(start..<t[0], in: bytes), id <= Int32.max else {
                error = (start, "geonameid is not a positive integer"); return false
            }
            guard let lat = TSVFile.parseDouble(t[1] + 1..<t[2], in: bytes), abs(lat) <= 90,
                  let lon = TSVFile.parseDouble(t[2] + 1..<t[3], in: bytes), abs(lon) <= 180 else {
                error = (start, "latitude/longitude missing or out of range"); return false
            }
            let popRange = t[5] + 1..<t[6]
            let pop = popRange.isEmpty ? 0 : TSVFile.parseInt(popRange, in: bytes)
            guard let pop, pop <= Int32.max else { error = (start, "population is not a non-negative integer"); return false }
            let entity = UInt32(geonameID.count)
            geonameID.append(Int32(id)); latitude.append(lat); longitude.append(lon); population.append(Int32(pop))
            lineStart.append(UInt32(start)); lineEnd.append(UInt32(end))
            names.add(UnsafeBufferPointer(rebasing: bytes[t[0] + 1..<t[1]]), entity: entity, form: .name)
            var a = t[6] + 1
            var i = a
            while i <= end {
                if i == end || bytes[i] == UInt8(ascii: "|") {
                    if i > a && !Self.isCode(bytes, a..<i) {
                        names.add(UnsafeBufferPointer(rebasing: bytes[a..<i]), entity: entity, form: .alternate)
                    }
                    a = i + 1
                }
                i += 1
            }
            return true
        }
    }
}
