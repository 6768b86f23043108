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
    let names: [String]

    static func load(_ file: TSVFile, url: URL) throws -> [RegionRecord] {
        try TSVRows.read(file, url: url, columns: columns) { f, fail in
            guard !f[0].isEmpty else { throw fail("empty id") }
            return RegionRecord(id: f[0], country: f[1], name: f[2], latitude: try TSVRows.latitude(f[3], fail),
                                longitude: try TSVRows.longitude(f[4], fail), admin1: f[5], kind: f[6],
                                names: TSVRows.list(f[7]))
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
    let names: [String]

    static func load(_ file: TSVFile, url: URL) throws -> [DistrictRecord] {
        try TSVRows.read(file, url: url, columns: columns) { f, fail in
            guard !f[0].isEmpty else { throw fail("empty id") }
            guard let population = Int(f[7]), population >= 0 else { throw fail("population \"\(f[7])\" is not a whole number ≥ 0") }
            return DistrictRecord(id: f[0], country: f[1], region: f[2], name: f[3], latitude: try TSVRows.latitude(f[4], fail),
                                  longitude: try TSVRows.longitude(f[5], fail), kind: f[6], population: population,
                                  names: TSVRows.list(f[8]))
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
}
