import Foundation

/// One row of `regions.tsv`: a first-level administrative region.
struct RegionRecord: Sendable {
    static let columns = ["id", "country", "name", "latitude", "longitude", "admin1", "kind", "names"]
    let id: String
    let country: String
    let name: String
    let latitude: Double
    let longitude: Double
    /// GeoNames admin-1 code, joining `places.tsv` (`country` + "." + `admin1`); may be empty.
    let admin1: String
    /// What the source calls it: Oblast, State, Province…
    let kind: String
    /// The `names` column as read (`|`-separated), split only when asked: a load that finds the
    /// name index in the cache never asks, and splitting every region's dozens of names into
    /// strings was a third of the time it took to read the file.
    let namesColumn: String
    var names: [String] { TSVRows.list(namesColumn) }

    static func load(_ file: TSVFile, url: URL) throws -> [RegionRecord] {
        try TSVRows.read(file, url: url, columns: columns) { f, fail in
            guard !f[0].isEmpty else { throw fail("empty id") }
            return RegionRecord(id: f[0], country: f[1], name: f[2], latitude: try TSVRows.latitude(f[3], fail),
                                longitude: try TSVRows.longitude(f[4], fail), admin1: f[5], kind: f[6],
                                namesColumn: f[7])
        }
    }

    var allNames: [(String, NameForm)] { [(name, .name)] + names.map { ($0, .alternate) } }

    /// Files the region's names, and for each its form without the qualifier and the stems of
    /// a Slavic adjective (`Kurskaya oblast'` → `kurskaia`, `kursk`, `kur`) as base names.
    func addNames(to builder: inout PostingBuilder, entity: UInt32) {
        var bases: [String] = []
        for (n, form) in allNames {
            builder.add(n, entity: entity, form: form)
            let key = NameNormalizer.key(n)
            let base = Qualifiers.strip(key)?.base ?? key
            bases.append(base)
            bases += Qualifiers.stems(of: base)
        }
        for b in bases { builder.add(b, entity: entity, form: .baseName) }
    }
}

/// One row of `districts.tsv`: a second-level unit (US county, parish, borough, census area;
/// Puerto Rico's municipios).
struct DistrictRecord: Sendable {
    static let columns = ["id", "country", "region", "name", "latitude", "longitude", "kind", "population", "names"]
    let id: String
    let country: String
    /// Id of the region (`regions.tsv`) the district lies in; may be empty.
    let region: String
    let name: String
    let latitude: Double
    let longitude: Double
    /// What the source calls it: County, Parish, Borough…
    let kind: String
    /// Sum of the populations of the populated places inside it.
    let population: Int
    /// The `names` column as read, split only when asked (as `RegionRecord.namesColumn`).
    let namesColumn: String
    var names: [String] { TSVRows.list(namesColumn) }

    static func load(_ file: TSVFile, url: URL) throws -> [DistrictRecord] {
        try TSVRows.read(file, url: url, columns: columns) { f, fail in
            guard !f[0].isEmpty else { throw fail("empty id") }
            guard let population = Int(f[7]), population >= 0 else { throw fail("population \"\(f[7])\" is not a whole number ≥ 0") }
            return DistrictRecord(id: f[0], country: f[1], region: f[2], name: f[3], latitude: try TSVRows.latitude(f[4], fail),
                                  longitude: try TSVRows.longitude(f[5], fail), kind: f[6], population: population,
                                  namesColumn: f[8])
        }
    }

    var allNames: [(String, NameForm)] { [(name, .name)] + names.map { ($0, .alternate) } }

    /// Files the district's names, and each without its qualifier ("Laurel County" → "Laurel") as a
    /// base name.
    func addNames(to builder: inout PostingBuilder, entity: UInt32) {
        for (n, form) in allNames {
            builder.add(n, entity: entity, form: form)
            if let base = Qualifiers.strip(NameNormalizer.key(n))?.base { builder.add(base, entity: entity, form: .baseName) }
        }
    }
}

/// One row of `countries.tsv`.
struct CountryRecord: Sendable {
    static let columns = ["iso2", "iso3", "name", "latitude", "longitude", "names"]
    let iso2: String
    let iso3: String
    let name: String
    let latitude: Double
    let longitude: Double
    let names: [String]

    static func load(_ file: TSVFile, url: URL) throws -> [CountryRecord] {
        try TSVRows.read(file, url: url, columns: columns) { f, fail in
            guard f[0].count == 2, f[0] == f[0].uppercased() else { throw fail("iso2 \"\(f[0])\" is not two upper-case letters") }
            return CountryRecord(iso2: f[0], iso3: f[1], name: f[2], latitude: try TSVRows.latitude(f[3], fail),
                                 longitude: try TSVRows.longitude(f[4], fail), names: TSVRows.list(f[5]))
        }
    }

    var allNames: [(String, NameForm)] { [(name, .name)] + names.map { ($0, .alternate) } + [(iso2, .code), (iso3, .code)] }

    func addNames(to builder: inout PostingBuilder, entity: UInt32) {
        for (n, form) in allNames where !n.isEmpty { builder.add(n, entity: entity, form: form) }
    }
}

/// Reading the small files (countries, regions) line by line with Swift strings.
enum TSVRows {
    static func read<T>(_ file: TSVFile, url: URL, columns: [String],
                        row: ([String], (String) -> GazetteerError) throws -> T) throws -> [T] {
        let body = file.bodyStart..<file.bytes.count
        // Line feeds and tabs are grapheme clusters of their own except in "\r\n", so without a
        // carriage return the lines and fields are found in the bytes (several times faster than
        // splitting a String by Character); with one, the text is split as Characters.
        let lines: [[String]]
        if file.bytes[body].contains(0x0D) {
            lines = file.string(body).split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.isEmpty ? [] : $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            }
        } else {
            lines = splitLines(file.bytes, body).map { line in
                line.isEmpty ? [] : TSVFile.fields(of: line, in: file.bytes).map(file.string)
            }
        }
        var result: [T] = []
        for (k, fields) in lines.enumerated() where !fields.isEmpty {
            let here = k + 2  // the header is line 1
            let fail = { (message: String) in GazetteerError(file: url.path, line: here, message: message) }
            guard fields.count == columns.count else {
                throw fail("expected \(columns.count) tab-separated fields, found \(fields.count)")
            }
            result.append(try row(fields, fail))
        }
        return result
    }

    /// The line ranges of `bytes[range]` without their line feeds, empty ones included: as many
    /// as `split(separator: "\n", omittingEmptySubsequences: false)` gives.
    static func splitLines(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        TSVFile.pieces(of: range, in: bytes, separatedBy: 0x0A)
    }

    static func latitude(_ s: String, _ fail: (String) -> GazetteerError) throws -> Double {
        guard let v = Double(s), abs(v) <= 90 else { throw fail("latitude \"\(s)\" is not a number in −90…90") }
        return v
    }

    static func longitude(_ s: String, _ fail: (String) -> GazetteerError) throws -> Double {
        guard let v = Double(s), abs(v) <= 180 else { throw fail("longitude \"\(s)\" is not a number in −180…180") }
        return v
    }

    /// The `|`-separated items of `s`, empty ones dropped, as `s.split(separator: "|")` splits
    /// them by Character. Split by scalars (faster) when every `|` is a grapheme cluster of its
    /// own: the scalar after it is none of the combining kinds that would join it (Extend, ZWJ,
    /// SpacingMark: none below U+0300, in U+0370–U+0482 or in U+048A–U+0590) and the scalar before
    /// it is no Prepend character (none below U+0600). Otherwise, by Character.
    static func list(_ s: String) -> [String] {
        guard !s.isEmpty else { return [] }
        let scalars = s.unicodeScalars
        var items: [String] = []
        var start = scalars.startIndex
        var i = start
        var previous: Unicode.Scalar?
        while i < scalars.endIndex {
            let c = scalars[i]
            let next = scalars.index(after: i)
            if c == "|" {
                let joinsBefore = previous.map { $0.value >= 0x600 } ?? false
                let joinsAfter = next < scalars.endIndex && {
                    let v = scalars[next].value
                    return !(v < 0x300 || (0x370..<0x483).contains(v) || (0x48A..<0x591).contains(v))
                }()
                if joinsBefore || joinsAfter { return s.split(separator: "|").map(String.init) }
                if start < i { items.append(String(scalars[start..<i])) }
                start = next
            }
            previous = c
            i = next
        }
        if start < scalars.endIndex { items.append(String(scalars[start..<scalars.endIndex])) }
        return items
    }

    /// `list` of the text of `bytes[range]` (UTF-8) without a string per item: hands `body` the bytes
    /// of each item in turn until it returns true, and tells whether one did. Nil when a `|` might
    /// not be a Character of its own, so that cutting the bytes there might cut where `list` does
    /// not: the scalar before it may be Prepend (`separatesBefore`), the scalar after it may be of a
    /// combining kind (`separatesAfter`), or the bytes next to it are no valid UTF-8. The caller
    /// then falls back on `list`.
    static func anyItem(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                        where body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool? {
        var start = range.lowerBound
        var i = start
        while i < range.upperBound {
            if bytes[i] == UInt8(ascii: "|") {
                // Both neighbours are checked before the item it closes is handed over: an item is
                // one of `list`'s only when the bars on both sides of it are separators.
                if i > range.lowerBound, bytes[i - 1] >= 0x80 {
                    guard let before = scalar(endingAt: i, in: bytes, from: range.lowerBound), separatesBefore(before) else { return nil }
                }
                if i + 1 < range.upperBound, bytes[i + 1] >= 0x80 {
                    guard let after = scalar(startingAt: i + 1, in: bytes, upTo: range.upperBound), separatesAfter(after) else { return nil }
                }
                if start < i, body(UnsafeBufferPointer(rebasing: bytes[start..<i])) { return true }
                start = i + 1
            }
            i += 1
        }
        return start < range.upperBound && body(UnsafeBufferPointer(rebasing: bytes[start..<range.upperBound]))
    }

    /// True when a `|` after the scalar `v` starts a new Character: `v` is no Prepend character
    /// (in the BMP: U+0600–U+0605, U+06DD, U+070F, U+0890–U+0891, U+08E2, U+0D4E). Scalars beyond
    /// the BMP, where later versions of Unicode add Prepend characters, count as unknown.
    static func separatesBefore(_ v: UInt32) -> Bool {
        switch v {
        case 0x600...0x605, 0x6DD, 0x70F, 0x890...0x891, 0x8E2, 0xD4E: false
        default: v < 0x1_0000
        }
    }

    /// True when the scalar `v` after a `|` starts a new Character: it is neither Extend nor ZWJ nor
    /// a SpacingMark. Known so for the ranges `list` trusts and for the letters of the scripts
    /// GeoNames' alternate names are mostly written in (Arabic, Hebrew, Devanagari and Thai
    /// letters without their vowel signs, Georgian, kana, CJK ideographs, Hangul syllables).
    static func separatesAfter(_ v: UInt32) -> Bool {
        switch v {
        case 0..<0x300, 0x370..<0x483, 0x48A..<0x591, 0x5D0...0x5EA, 0x620...0x64A, 0x904...0x939, 0xE01...0xE30,
             0x10D0...0x10FA, 0x3041...0x3096, 0x30A1...0x30FA, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: true
        default: false
        }
    }

    /// The scalar of one to three UTF-8 bytes starting at `start` (before `upper`); nil when the
    /// bytes there are no such scalar.
    static func scalar(startingAt start: Int, in bytes: UnsafeBufferPointer<UInt8>, upTo upper: Int) -> UInt32? {
        scalarAndLength(startingAt: start, in: bytes, upTo: upper)?.value
    }

    /// The scalar of one to three UTF-8 bytes ending right before `end` (at or after `lower`); nil
    /// when the bytes there are no such scalar.
    static func scalar(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>, from lower: Int) -> UInt32? {
        var lead = end - 1
        while lead > lower, end - lead < 3, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard let (value, length) = scalarAndLength(startingAt: lead, in: bytes, upTo: end), lead + length == end else { return nil }
        return value
    }

    private static func scalarAndLength(startingAt i: Int, in bytes: UnsafeBufferPointer<UInt8>, upTo upper: Int) -> (value: UInt32, length: Int)? {
        guard i < upper else { return nil }
        let b0 = UInt32(bytes[i])
        func continuation(_ k: Int) -> UInt32? {
            guard i + k < upper, bytes[i + k] & 0xC0 == 0x80 else { return nil }
            return UInt32(bytes[i + k] & 0x3F)
        }
        switch b0 {
        case 0..<0x80:
            return (b0, 1)
        case 0xC2...0xDF:
            guard let b1 = continuation(1) else { return nil }
            return ((b0 & 0x1F) << 6 | b1, 2)
        case 0xE0...0xEF:
            guard let b1 = continuation(1), let b2 = continuation(2) else { return nil }
            let v = (b0 & 0x0F) << 12 | b1 << 6 | b2
            // Overlong forms and surrogates are no valid UTF-8.
            guard v >= 0x800, !(0xD800...0xDFFF).contains(v) else { return nil }
            return (v, 3)
        default:
            return nil
        }
    }
}
