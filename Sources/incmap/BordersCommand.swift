import ArgumentParser
import BorderAnalysis
import Foundation
import Gazetteer
import GeoJSON

/// `incmap borders`: the land borders between countries as GeoJSON lines.
struct BordersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "borders",
        abstract: "Land borders between countries as GeoJSON lines, with geodesic length and source.",
        discussion: "Properties: pair (\"BY-UA\"), countries, length_km (geodesic on WGS84), source, accuracy_m.")

    @OptionGroup var data: BorderDataOptions
    @Option(help: "Only this border, e.g. BY-UA.") var pair: String?
    @Option(help: "Only the borders of this country (ISO alpha-2), e.g. UA.") var country: String?
    @OptionGroup var output: FeatureOutputOptions

    func run() throws {
        let net = try data.network()
        let pair = try self.pair.map { try BorderPair(parsing: $0) }
        try output.write(try net.borderFeatures(pair: pair, country: country))
    }
}

/// Where the border data comes from.
struct BorderDataOptions: ParsableArguments {
    @Option(name: .customLong("gazetteer"), help: ArgumentHelp(
        "The gazetteer folder (countries.geojson, borders.geojson).",
        discussion: "Default: $INCMAP_GAZETTEER, else the first Gazetteer/ folder above the current directory or the executable."),
        completion: .directory)
    var folder: String?

    /// The folder to read.
    func location() throws -> URL {
        if let folder { return URL(fileURLWithPath: folder, isDirectory: true) }
        do { return try Gazetteer.locate(requiring: BorderNetwork.bordersFile) } catch {
            throw CLIFailure("\(error); or use --gazetteer")
        }
    }

    /// Loads the border network.
    func network() throws -> BorderNetwork { try BorderNetwork.load(from: location()) }
}

/// A distance given on the command line: "35km", "25 km", "500m", "10mi", "5nmi"; a bare number is km.
struct DistanceArgument: ExpressibleByArgument, Sendable {
    var metres: Double

    init?(argument: String) {
        guard let m = DistanceArgument.metres(argument) else { return nil }
        metres = m
    }

    static func metres(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("nmi", 1852), ("km", 1000), ("mi", 1609.344), ("m", 1)]
        var number = t, scale = 1000.0
        for (suffix, s) in units where t.hasSuffix(suffix) {
            number = String(t.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            scale = s
            break
        }
        guard let v = Double(number), v.isFinite, v > 0 else { return nil }
        return v * scale
    }

    static var defaultValueDescription: String { "a distance such as 35km, 500m, 10mi (km when no unit)" }
}

/// Where a command writes its features, and how.
struct FeatureOutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output")], help: "Output file (written atomically); - or none for stdout.",
            completion: .file())
    var path: String?
    @Flag(help: "Write newline-delimited GeoJSON (GeoJSONSeq) instead of a FeatureCollection (also chosen by a .geojsonl/.geojsons/.jsonl extension).")
    var seq = false

    var format: GeoJSONFeatureWriter.Format {
        if seq { return .newlineDelimited }
        if let path, [".geojsonl", ".geojsons", ".jsonl", ".ndjson"].contains(where: { path.lowercased().hasSuffix($0) }) {
            return .newlineDelimited
        }
        return .featureCollection
    }

    /// A streaming writer to the file (atomic) or stdout.
    func writer() throws -> GeoJSONFeatureWriter {
        if let path, path != "-" { return try GeoJSONFeatureWriter(path: path, format: format) }
        return GeoJSONFeatureWriter(fileHandle: .standardOutput, format: format)
    }

    /// Writes all features; a failure leaves no output file.
    func write(_ features: [Feature]) throws {
        let w = try writer()
        do {
            for f in features { try w.write(f) }
            try w.finish()
        } catch {
            w.cancel()
            throw error
        }
    }
}

extension BorderDataOptions {
    /// The gazetteer's place lookup, for events and places given only by name. Loaded from the same
    /// folder as the borders when it holds the place tables, else from `Gazetteer.locate()`.
    func geocoder() throws -> any PlaceGeocoder {
        // The places come from the same folder as the borders: an explicit --gazetteer without
        // places.tsv must not silently fall back to another copy of the data.
        let folder = try location()
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("places.tsv").path) else {
            throw CLIFailure("\(folder.path) has no places.tsv, so places given only by name cannot be placed")
        }
        return GazetteerGeocoder(try Gazetteer.load(from: folder, cacheDirectory: Gazetteer.defaultCacheDirectory))
    }
}
