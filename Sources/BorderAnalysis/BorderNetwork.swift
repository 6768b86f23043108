import Foundation
import GeoJSON

/// The land borders between countries and the countries' outlines, with the indexes that answer
/// "which country is this point in" and "how far is it from that border" quickly.
///
/// Build it once (`BorderNetwork.load(from:)` reads the gazetteer folder) and share it: it is
/// immutable apart from internal caches guarded by a lock, so every method may be called from many
/// threads at once. Indexes over borders are built lazily on first use and kept.
public final class BorderNetwork: Sendable {
    /// Countries by ISO alpha-2 code.
    public let countries: [String: Country]
    /// Borders by pair.
    public let borders: [BorderPair: Border]
    /// The border lines' source and accuracy, and the country outlines' source (for `method`).
    public let method: MeasurementMethod

    let engine: GeometryEngine
    let locator: CountryLocator
    private let cache = IndexCache()

    /// A network from countries and borders already read.
    /// - Parameters:
    ///   - countries: outlines, unique by `iso2`.
    ///   - borders: lines, unique by pair; both countries of each pair should be in `countries`.
    ///   - engine: the geometry operations (the standard one forwards to Geodesy and Topology).
    /// - Throws: `BorderAnalysisError.invalidGeometry` for a country that is not polygonal or a
    ///   duplicate; `.computation` if preparing an outline fails.
    package init(countries: [Country], borders: [Border], engine: GeometryEngine) throws(BorderAnalysisError) {
        var byCode: [String: Country] = [:]
        for c in countries {
            guard byCode[c.iso2] == nil else { throw .invalidGeometry("country \(c.iso2) appears twice") }
            guard !c.geometry.polygons.isEmpty else { throw .invalidGeometry("country \(c.iso2) has no polygon") }
            byCode[c.iso2] = c
        }
        var byPair: [BorderPair: Border] = [:]
        for b in borders {
            guard byPair[b.pair] == nil else { throw .invalidGeometry("border \(b.pair) appears twice") }
            byPair[b.pair] = b
        }
        self.countries = byCode
        self.borders = byPair
        self.engine = engine
        let borderSources = Set(borders.map(\.source)).sorted().joined(separator: "; ")
        let countrySources = Set(countries.map(\.source)).sorted().joined(separator: "; ")
        let accuracies = borders.compactMap(\.accuracyMetres)
        method = MeasurementMethod(borderSource: borderSources, countrySource: countrySources,
                                   accuracyMetres: accuracies.max())
        locator = try CountryLocator(countries: countries.sorted { $0.iso2 < $1.iso2 }, engine: engine)
    }

    /// The country with this code. - Throws: `.unknownCountry` when it is not in the data.
    public func country(_ code: String) throws(BorderAnalysisError) -> Country {
        let c = try CountryCode.normalized(code)
        guard let country = countries[c] else { throw .unknownCountry(code) }
        return country
    }

    /// The border of this pair. - Throws: `.unknownCountry` for a code not in the data,
    /// `.noSharedBorder` when both are known but share no border.
    public func border(_ pair: BorderPair) throws(BorderAnalysisError) -> Border {
        if let b = borders[pair] { return b }
        _ = try country(pair.first)
        _ = try country(pair.second)
        throw .noSharedBorder(pair)
    }

    /// The borders of one country (or all, for nil), sorted by pair.
    /// - Throws: `.unknownCountry` for a code not in the data.
    public func borders(of code: String?) throws(BorderAnalysisError) -> [Border] {
        guard let code else { return borders.values.sorted { $0.pair < $1.pair } }
        let c = try country(code).iso2
        return borders.values.filter { $0.pair.involves(c) }.sorted { $0.pair < $1.pair }
    }

    /// The method of measurement for figures that use only these borders.
    public func method(for used: [Border]) -> MeasurementMethod {
        guard !used.isEmpty else { return method }
        return MeasurementMethod(borderSource: Set(used.map(\.source)).sorted().joined(separator: "; "),
                                 countrySource: method.countrySource,
                                 accuracyMetres: used.compactMap(\.accuracyMetres).max())
    }

    /// The code of the country containing `position` (boundary included), or nil at sea or outside
    /// every outline. Where outlines overlap (data of different origin), the first code in
    /// alphabetical order wins. O(k) prepared tests for the k outlines whose boxes contain the point.
    public func country(containing position: Position) throws(BorderAnalysisError) -> String? {
        try locator.locate(position)
    }

    /// A cached index over a set of borders: all, one country's, or one pair.
    func index(for scope: BorderScope) throws(BorderAnalysisError) -> BorderIndex {
        try cache.index(for: scope) { () throws(BorderAnalysisError) -> BorderIndex in
            let chosen: [Border]
            switch scope {
            case .all: chosen = try borders(of: nil)
            case .country(let c): chosen = try borders(of: c)
            case .pair(let p): chosen = [try border(p)]
            }
            guard !chosen.isEmpty else {
                if case .country(let c) = scope { throw .invalidGeometry("\(c) has no land border in the data") }
                throw .invalidGeometry("the data holds no borders")
            }
            return try BorderIndex(borders: chosen, engine: engine)
        }
    }
}

/// Which borders a query measures against.
enum BorderScope: Hashable {
    case all
    case country(String)
    case pair(BorderPair)
}

/// One line index over several borders, remembering which border each line belongs to.
struct BorderIndex: Sendable {
    let borders: [Border]
    let owner: [Int]
    let index: any LineDistanceIndex

    init(borders: [Border], engine: GeometryEngine) throws(BorderAnalysisError) {
        self.borders = borders
        var lines: [[Position]] = []
        var owner: [Int] = []
        for (i, b) in borders.enumerated() {
            lines += b.lines
            owner += Array(repeating: i, count: b.lines.count)
        }
        self.owner = owner
        index = try computing("indexing borders") { try engine.lineIndex(lines) }
    }

    /// The nearest border location to `position`.
    func nearest(to position: Position) throws(BorderAnalysisError) -> (border: Border, hit: NearestOnLines) {
        let hit = try computing("distance to border") { try index.nearest(to: position) }
        return (borders[owner[hit.part]], hit)
    }
}

/// Lazily built border indexes, shared by all threads.
private final class IndexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var indexes: [BorderScope: BorderIndex] = [:]

    func index(for scope: BorderScope, build: () throws(BorderAnalysisError) -> BorderIndex) throws(BorderAnalysisError) -> BorderIndex {
        lock.lock()
        defer { lock.unlock() }
        if let i = indexes[scope] { return i }
        let i = try build()
        indexes[scope] = i
        return i
    }
}
