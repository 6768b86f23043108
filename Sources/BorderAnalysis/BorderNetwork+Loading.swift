import Foundation
import GeoJSON

extension BorderNetwork {
    /// File names inside the gazetteer folder.
    public static let countriesFile = "countries.geojson"
    public static let bordersFile = "borders.geojson"

    /// Reads `countries.geojson` (one Polygon/MultiPolygon per country; properties `iso2`, `iso3`,
    /// `name`, `source`) and `borders.geojson` (one (Multi)LineString per neighbouring pair; properties
    /// `pair`, `countries`, `source`, `accuracy_m`) from the gazetteer folder, strictly.
    /// O(n) in the data size; the indexes are built lazily on first use.
    /// - Throws: `BorderAnalysisError.data` naming the file and what is wrong (missing, unreadable,
    ///   invalid GeoJSON with its line and column, a feature without the required properties).
    public static func load(from folder: URL) throws(BorderAnalysisError) -> BorderNetwork {
        let reader = GeoJSONReader()
        @Sendable func features(_ name: String) throws(BorderAnalysisError) -> [Feature] {
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { throw .data(file: url.path, message: "no such file") }
            do { return try reader.features(contentsOf: url) } catch {
                throw .data(file: name, message: error.description)
            }
        }
        // The two files are parsed at the same time, on two cores.
        let parsed = [countriesFile, bordersFile].parallelMapEach { name -> Result<[Feature], BorderAnalysisError> in
            do throws(BorderAnalysisError) { return .success(try features(name)) } catch { return .failure(error) }
        }
        var countries: [Country] = []
        for (i, f) in try parsed[0].get().enumerated() {
            guard let iso2 = f[property: "iso2"]?.stringValue, let geometry = f.geometry, !geometry.polygons.isEmpty else {
                throw .data(file: countriesFile, message: "features[\(i)]: needs an iso2 property and a (Multi)Polygon")
            }
            countries.append(Country(iso2: iso2.uppercased(), iso3: f[property: "iso3"]?.stringValue,
                                     name: f[property: "name"]?.stringValue ?? iso2,
                                     geometry: geometry.polygonal, source: f[property: "source"]?.stringValue ?? "unknown"))
        }
        var borders: [Border] = []
        for (i, f) in try parsed[1].get().enumerated() {
            let where_ = "features[\(i)]"
            guard let text = f[property: "pair"]?.stringValue, let lines = f.geometry?.lines, !lines.isEmpty else {
                throw .data(file: bordersFile, message: "\(where_): needs a pair property and a (Multi)LineString")
            }
            do {
                borders.append(try Border(pair: try BorderPair(parsing: text), lines: lines.filter { $0.count >= 2 },
                                          source: f[property: "source"]?.stringValue ?? "unknown",
                                          accuracyMetres: f[property: "accuracy_m"]?.doubleValue))
            } catch {
                throw .data(file: bordersFile, message: "\(where_): \(error.description)")
            }
        }
        return try BorderNetwork(countries: countries, borders: borders, engine: .standard)
    }
}
