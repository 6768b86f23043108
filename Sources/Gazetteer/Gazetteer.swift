import Foundation
import GeoJSON

/// The world's countries, first-level regions, second-level districts (US counties) and populated
/// places, loaded from a `Gazetteer/` folder (`places.tsv`, `regions.tsv`, `countries.tsv`, and
/// `districts.tsv` and `areas.tsv` when present; areas such as Donbas load as regions), with an
/// index of every name and alternate name under its `NameNormalizer` key.
///
/// Loading reads each file once and parses its bytes directly, normalising the ~10⁶ names on all
/// cores; about 0.1 s for the full GeoNames cities500 set. Lookups by key are O(log n).
///
/// Thread-safe: immutable after `load` (the misspelling table is built on first use, under a lock).
public final class Gazetteer: Sendable {
    let places: PlaceTable
    let regions: [RegionRecord]
    let districts: [DistrictRecord]
    let countries: [CountryRecord]
    let index: NameIndex
    /// `"RU.41"` (country and GeoNames admin-1 code) → region number.
    let regionByAdmin1: [String: Int]
    /// Region id → region number.
    let regionByID: [String: Int]
    /// District id → district number.
    let districtByID: [String: Int]
    /// Upper-case alpha-2 and alpha-3 codes → country number.
    let countryByCode: [String: Int]
    /// The folder the data came from.
    public let directory: URL

    /// Number of populated places, regions and countries loaded.
    public var counts: (places: Int, regions: Int, countries: Int) { (places.count, regions.count, countries.count) }
    /// Number of second-level districts loaded (0 without `districts.tsv`).
    public var districtCount: Int { districts.count }

    /// Loads the gazetteer in `directory` (which must hold `places.tsv`, `regions.tsv` and
    /// `countries.tsv` in the documented format, and may hold `districts.tsv` and `areas.tsv`).
    ///
    /// With a `cacheDirectory`, the parsed columns and the name index are kept there in a binary
    /// file named after a hash of the three data files and of the index format, and read back by
    /// later loads of the same data (≈ 10× faster than normalising every name again). A cache
    /// that cannot be written is silently skipped; a stale one is never used. Without it (the
    /// default) nothing is written anywhere.
    /// - Throws: `GazetteerError` naming the file and line of the first problem.
    public static func load(from directory: URL, cacheDirectory: URL? = nil) throws -> Gazetteer {
        let urls = ["countries.tsv", "regions.tsv", "places.tsv"].map { directory.appendingPathComponent($0) }
        let countryFile = try TSVFile(url: urls[0], columns: CountryRecord.columns)
        let regionFile = try TSVFile(url: urls[1], columns: RegionRecord.columns)
        let placeFile = try TSVFile(url: urls[2], columns: PlaceTable.columns)
        let countries = try CountryRecord.load(countryFile, url: urls[0])
        var regions = try RegionRecord.load(regionFile, url: urls[1])
        // Well-known areas (Donbas, Darfur, Siberia …) are regions of their own in a file beside it.
        let (areaFile, areaURL) = try optionalFile("areas.tsv", in: directory, columns: RegionRecord.columns)
        if let areaFile { regions += try RegionRecord.load(areaFile, url: areaURL) }
        let (districtFile, districtURL) = try optionalFile("districts.tsv", in: directory, columns: DistrictRecord.columns)
        let districts = try districtFile.map { try DistrictRecord.load($0, url: districtURL) } ?? []
        let files = [countryFile, regionFile, placeFile] + [districtFile, areaFile].compactMap { $0 }
        let cache = cacheDirectory.map { IndexCache(directory: $0, files: files) }
        if let cache, let (places, index) = cache.read(placeFile: placeFile, entities: countries.count + regions.count) {
            return Gazetteer(directory: directory, places: places, regions: regions, districts: districts,
                             countries: countries, index: index)
        }
        let places = try PlaceTable.load(placeFile, url: urls[2])
        let index = Self.buildIndex(places: places, regions: regions, districts: districts, countries: countries)
        cache?.write(places: places, index: index)
        return Gazetteer(directory: directory, places: places, regions: regions, districts: districts,
                         countries: countries, index: index)
    }

    /// The file `name` in `directory` when it exists (nil when not), and its URL.
    private static func optionalFile(_ name: String, in directory: URL, columns: [String]) throws -> (TSVFile?, URL) {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return (nil, url) }
        return (try TSVFile(url: url, columns: columns), url)
    }

    /// The index of every name of every entry (places first, then regions, districts, countries).
    static func buildIndex(places: PlaceTable, regions: [RegionRecord], districts: [DistrictRecord],
                           countries: [CountryRecord]) -> NameIndex {
        var builder = places.names
        let regionBase = UInt32(places.count)
        for (i, r) in regions.enumerated() { r.addNames(to: &builder, entity: regionBase + UInt32(i)) }
        let districtBase = regionBase + UInt32(regions.count)
        for (i, d) in districts.enumerated() { d.addNames(to: &builder, entity: districtBase + UInt32(i)) }
        let countryBase = districtBase + UInt32(districts.count)
        for (i, c) in countries.enumerated() { c.addNames(to: &builder, entity: countryBase + UInt32(i)) }
        return NameIndex(builder)
    }

    /// The cache folder `incmap` uses: `$INCMAP_CACHE_DIR`, else `$XDG_CACHE_HOME/incmap`, else
    /// `~/.cache/incmap`. Nil when `$INCMAP_CACHE_DIR` is set to `off`.
    public static var defaultCacheDirectory: URL? {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["INCMAP_CACHE_DIR"], !dir.isEmpty { return dir == "off" ? nil : URL(fileURLWithPath: dir, isDirectory: true) }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("incmap") }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/incmap", isDirectory: true)
    }

    init(directory: URL, places: PlaceTable, regions: [RegionRecord], districts: [DistrictRecord],
         countries: [CountryRecord], index: NameIndex) {
        self.directory = directory
        self.places = places
        self.regions = regions
        self.districts = districts
        self.countries = countries
        self.index = index
        // Sized up front: the tables are built at every load, and growing them rehashes every id.
        var byAdmin1: [String: Int] = [:], byID: [String: Int] = [:]
        byAdmin1.reserveCapacity(regions.count)
        byID.reserveCapacity(regions.count)
        for (i, r) in regions.enumerated() {
            if !r.admin1.isEmpty { byAdmin1[r.country + "." + r.admin1] = byAdmin1[r.country + "." + r.admin1] ?? i }
            byID[r.id] = i
        }
        regionByAdmin1 = byAdmin1
        regionByID = byID
        var districtIDs: [String: Int] = [:]
        districtIDs.reserveCapacity(districts.count)
        for (i, d) in districts.enumerated() { districtIDs[d.id] = i }
        districtByID = districtIDs
        var byCode: [String: Int] = [:]
        byCode.reserveCapacity(2 * countries.count)
        for (i, c) in countries.enumerated() {
            byCode[c.iso2] = i
            if !c.iso3.isEmpty { byCode[c.iso3] = i }
        }
        countryByCode = byCode
    }

    // MARK: Finding the data

    /// The gazetteer folder to use: `$INCMAP_GAZETTEER` when set; otherwise the first `Gazetteer/`
    /// folder holding `places.tsv` found by walking up from the current directory, then from the
    /// running executable's directory.
    /// - Throws: `GazetteerError` when `$INCMAP_GAZETTEER` names a folder without `places.tsv`,
    ///   or when no folder is found.
    public static func locate() throws -> URL { try locate(requiring: "places.tsv") }

    /// Like `locate()`, but the folder is recognised by `file` (e.g. `borders.geojson` for commands
    /// that only need the outlines).
    public static func locate(requiring file: String) throws -> URL {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["INCMAP_GAZETTEER"], !env.isEmpty {
            let url = URL(fileURLWithPath: env, isDirectory: true)
            guard fm.fileExists(atPath: url.appendingPathComponent(file).path) else {
                throw GazetteerError(file: env, message: "INCMAP_GAZETTEER names a folder without \(file)")
            }
            return url
        }
        var starts = [URL(fileURLWithPath: fm.currentDirectoryPath, isDirectory: true)]
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() { starts.append(exe.deletingLastPathComponent()) }
        for start in starts {
            var dir = start.standardizedFileURL
            while true {
                let candidate = dir.appendingPathComponent("Gazetteer", isDirectory: true)
                if fm.fileExists(atPath: candidate.appendingPathComponent(file).path) { return candidate }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        throw GazetteerError(file: "Gazetteer", message: "no Gazetteer/\(file) above the current directory or the executable; set INCMAP_GAZETTEER")
    }

    // MARK: Lookups

    /// Every entry (country, region or place) with a name whose key is exactly `key`
    /// (`NameNormalizer.key` of the name: pass a key, not raw text), deduplicated, in index order.
    /// Includes ISO code matches of countries and the qualifier-less forms of region names; use
    /// `matches(forKey:)` to know which. O(log n + results). Thread-safe.
    public func places(matchingKey key: String) -> [Place] {
        var seen = Set<UInt32>()
        return index.postings(forKey: key).compactMap { seen.insert($0.entity).inserted ? place(entity: $0.entity) : nil }
    }

    /// How a name key matched an entry.
    public struct NameMatch: Sendable, Hashable {
        public enum Form: String, Sendable, Hashable {
            /// The entry's own name.
            case name
            /// An alternate name (another language, script, romanisation or a former name).
            case alternate
            /// An ISO 3166-1 code of a country.
            case code
            /// A region's name without its qualifier ("Kursk" of "Kursk Oblast").
            case baseName
        }
        public let place: Place
        public let form: Form
    }

    /// False when no name of any entry has a key whose `NameNormalizer` hash (FNV-1a over the
    /// key's UTF-8) is `keyHash`; true when one probably does. A negative test that costs no
    /// allocation, for callers that try many phrases of which few are names (the geoparser).
    /// O(1) on average. Thread-safe.
    package func mayHaveName(keyHash: UInt64) -> Bool { index.mayContain(hash: keyHash) }

    /// Like `places(matchingKey:)`, with the form of the name that matched. O(log n + results).
    public func matches(forKey key: String) -> [NameMatch] {
        index.postings(forKey: key).map { NameMatch(place: place(entity: $0.entity), form: Self.publicForm($0.form)) }
    }

    static func publicForm(_ f: NameForm) -> NameMatch.Form {
        switch f {
        case .name: .name
        case .alternate: .alternate
        case .code: .code
        case .baseName: .baseName
        }
    }

    /// The entry with this id (`geonames:…`, `iso3166-1:…`, or a region id), or nil.
    public func place(id: String) -> Place? {
        if id.hasPrefix("geonames:"), let n = Int32(id.dropFirst("geonames:".count)), let i = places.index(ofGeonameID: n) {
            return place(entity: UInt32(i))
        }
        if id.hasPrefix("iso3166-1:") { return country(code: String(id.dropFirst("iso3166-1:".count))) }
        if let r = regionByID[id] { return regionPlace(r) }
        if let d = districtByID[id] { return districtPlace(d) }
        return nil
    }

    /// Every name of the entry with this id (see `place(id:)`), its own name first; empty when no
    /// entry has the id. For callers that need to know how a key-matched name is spelled.
    package func names(ofPlaceID id: String) -> [String] {
        if id.hasPrefix("geonames:"), let n = Int32(id.dropFirst("geonames:".count)), let i = places.index(ofGeonameID: n) {
            return [places.name(i)] + places.alternates(i)
        }
        if id.hasPrefix("iso3166-1:"), let c = countryByCode[String(id.dropFirst("iso3166-1:".count)).uppercased()] {
            return countries[c].allNames.filter { $0.1 != .code }.map(\.0)
        }
        if let r = regionByID[id] { return regions[r].allNames.map(\.0) }
        if let d = districtByID[id] { return districts[d].allNames.map(\.0) }
        return []
    }

    /// Whether `body` holds for one of the names of the populated place with this id after its own
    /// name (as `names(ofPlaceID:)` lists them), each handed over as UTF-8 bytes, in order, until one
    /// does. The names are read in place from the data file: a place asked about often has dozens,
    /// and `names(ofPlaceID:)` makes a string of each. Nil when the id is no populated place's, or
    /// when its names cannot be read that way (`TSVRows.anyItem`): the caller then asks
    /// `names(ofPlaceID:)`.
    package func anyAlternateName(ofPlaceID id: String, where body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool? {
        guard id.hasPrefix("geonames:"), let n = Int32(id.dropFirst("geonames:".count)),
              let i = places.index(ofGeonameID: n) else { return nil }
        return places.anyAlternate(i, where: body)
    }

    /// The country with this ISO 3166-1 alpha-2 or alpha-3 code (any case), or nil.
    public func country(code: String) -> Place? {
        countryByCode[code.uppercased()].map(countryPlace)
    }

    /// The first-level region a place lies in (by GeoNames admin-1 code; a district's own link),
    /// the region itself for a region, nil for a country or when the data has no such region.
    public func region(ofPlace place: Place) -> Place? {
        guard let id = place.region, let r = regionByID[id] else { return nil }
        return regionPlace(r)
    }

    /// The country a place lies in, or nil when unknown.
    public func country(ofPlace place: Place) -> Place? {
        place.country.flatMap { country(code: $0) }
    }

    // MARK: Entities

    enum Entity { case place(Int), region(Int), district(Int), country(Int) }

    func entity(_ e: UInt32) -> Entity {
        let i = Int(e)
        if i < places.count { return .place(i) }
        if i < places.count + regions.count { return .region(i - places.count) }
        if i < places.count + regions.count + districts.count { return .district(i - places.count - regions.count) }
        return .country(i - places.count - regions.count - districts.count)
    }

    func place(entity e: UInt32) -> Place {
        switch entity(e) {
        case .place(let i): return placePlace(i)
        case .region(let r): return regionPlace(r)
        case .district(let d): return districtPlace(d)
        case .country(let c): return countryPlace(c)
        }
    }

    func placePlace(_ i: Int) -> Place {
        let (name, country, admin1Key) = places.nameCountryAndAdmin1Key(i)
        let region = admin1Key.flatMap { regionByAdmin1[$0].map { regions[$0].id } }
        return Place(id: Self.geonamesID(places.geonameID[i]), name: name, kind: .place, country: country,
                     region: region, population: Int(places.population[i]),
                     location: Position(latitude: places.latitude[i], longitude: places.longitude[i]))
    }

    /// `"geonames:\(n)"`, written straight into the string's storage (an interpolation assembles it
    /// in pieces, and every candidate place of a looked-up name needs its id).
    static func geonamesID(_ n: Int32) -> String {
        guard n >= 0 else { return "geonames:\(n)" }
        var digits = 1
        var rest = n / 10
        while rest > 0 { digits += 1; rest /= 10 }
        let prefix = "geonames:".utf8
        return String(unsafeUninitializedCapacity: prefix.count + digits) { out in
            var k = 0
            for b in prefix { out[k] = b; k += 1 }
            var v = n
            for d in stride(from: k + digits - 1, through: k, by: -1) {
                out[d] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            }
            return k + digits
        }
    }

    func regionPlace(_ r: Int) -> Place {
        let x = regions[r]
        return Place(id: x.id, name: x.name, kind: .region, country: x.country.isEmpty ? nil : x.country, region: x.id,
                     population: nil, location: Position(latitude: x.latitude, longitude: x.longitude))
    }

    func districtPlace(_ d: Int) -> Place {
        let x = districts[d]
        return Place(id: x.id, name: x.name, kind: .district, country: x.country.isEmpty ? nil : x.country,
                     region: x.region.isEmpty ? nil : x.region, population: x.population,
                     location: Position(latitude: x.latitude, longitude: x.longitude))
    }

    func countryPlace(_ c: Int) -> Place {
        let x = countries[c]
        return Place(id: "iso3166-1:" + x.iso2, name: x.name, kind: .country, country: x.iso2, region: nil,
                     population: nil, location: Position(latitude: x.latitude, longitude: x.longitude))
    }

    /// All names of an entry, its own name first (for explaining which one matched).
    func names(ofEntity e: UInt32) -> [(String, NameForm)] {
        switch entity(e) {
        case .place(let i): return [(places.name(i), .name)] + places.alternates(i).map { ($0, .alternate) }
        case .region(let r): return regions[r].allNames
        case .district(let d): return districts[d].allNames
        case .country(let c): return countries[c].allNames
        }
    }
}
