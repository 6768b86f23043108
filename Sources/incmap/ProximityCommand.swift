import ArgumentParser
import BorderAnalysis
import Foundation
import GeoJSON

/// `incmap proximity`: each event's distance to the nearest international land border.
struct ProximityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proximity",
        abstract: "Distance from each event to the nearest international land border (geodesic, WGS84).",
        discussion: """
            Reads events as GeoJSON (FeatureCollection or GeoJSONSeq) and writes the same features, all \
            input properties kept, plus: country (containing country, null at sea), border (nearest pair, \
            or the one asked for), border_distance_m, border_point [lon, lat], within (with --within), \
            border_source and border_accuracy_m. Streams in chunks over all cores, keeping input order. \
            Events that cannot be measured are reported on stderr and skipped (--strict: fail instead).
            """)

    @Argument(help: "Events file (GeoJSON, GeoJSONSeq, or CSV by its .csv extension), or - for standard input.", completion: .file())
    var input: String = "-"
    @Flag(help: "Read the input as CSV whatever its name (for standard input).") var csv = false
    @Option(help: "Only this border, e.g. BY-UA.") var border: String?
    @Option(help: "Only the borders of this country (ISO alpha-2), e.g. UA.") var country: String?
    @Option(help: "Also say whether each event is within this distance of the border, e.g. 25km.")
    var within: DistanceArgument?
    @Flag(help: "Also write a line feature from each event to its border point.") var links = false
    @Flag(help: "Fail on the first event that cannot be measured instead of skipping it.") var strict = false
    @OptionGroup var data: BorderDataOptions
    @OptionGroup var output: FeatureOutputOptions
    @Option(help: .hidden) var benchPoints: String?
    @Option(help: .hidden) var benchOut: String?

    func run() throws {
        if let benchPoints { return try ProximityBenchmark.run(points: benchPoints, out: benchOut, data: data) }
        let net = try data.network()
        let options = ProximityOptions(border: try border.map { try BorderPair(parsing: $0) }, country: country,
                                       withinMetres: within?.metres, links: links)
        let events = try EventSource(path: input, csv: csv)
        let geocoder = LazyGeocoder { try data.geocoder() }
        let writer = try output.writer()
        var skipped = 0
        do {
            var offset = 0
            while true {
                let chunk = try events.next(upTo: 16_384)
                for notice in events.drainNotices() { Console.error(notice) }
                if strict, events.skippedRows > 0 { throw CLIFailure("\(events.label): a record could not be read (see above)") }
                if chunk.isEmpty { break }
                for result in try net.proximity(of: chunk, options: options, geocoder: geocoder, firstIndex: offset) {
                    switch result {
                    case .success(let e):
                        try writer.write(e.feature)
                        if let link = e.link { try writer.write(link) }
                    case .failure(let error):
                        if strict { throw CLIFailure("\(events.label): \(error)") }
                        skipped += 1
                        if skipped <= 20 { Console.error("\(events.label): \(error) (skipped)") }
                    }
                }
                offset += chunk.count
            }
            try writer.finish()
        } catch {
            writer.cancel()
            throw error
        }
        if skipped > 20 { Console.error("\(events.label): \(skipped) events skipped in all") }
    }
}

/// Events read in chunks from GeoJSON, GeoJSONSeq or CSV (by the `.csv`/`.tsv` extension, or
/// `format`), with bounded memory.
final class EventSource {
    let label: String
    private let stream: GeoJSONFeatureStream?
    private let csv: CSVEventReader?
    private var reportedIssues = 0
    private var reportedSkips = 0

    init(path: String, csv forceCSV: Bool = false) throws {
        label = path == "-" ? "<stdin>" : path
        if path != "-", !FileManager.default.fileExists(atPath: path) { throw CLIFailure("\(path): no such file") }
        let lower = path.lowercased()
        if forceCSV || lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") {
            // Rows without usable coordinates but with a place name come back with a null geometry,
            // to be geocoded; rows with neither are reported as issues.
            csv = path == "-" ? CSVEventReader(fileHandle: .standardInput, source: label)
                : try CSVEventReader(contentsOf: URL(fileURLWithPath: path))
            stream = nil
        } else {
            // Lenient: repairs (closing rings, wrapping longitudes) become warnings.
            let reader = GeoJSONReader(mode: .lenient)
            let s = path == "-" ? reader.featureStream(fileHandle: .standardInput, source: label)
                : try reader.featureStream(contentsOf: URL(fileURLWithPath: path))
            // A feature that breaks a rule is reported and skipped: the others are still measured.
            s.skipsInvalidFeatures = true
            stream = s
            csv = nil
        }
    }

    /// Up to `limit` next events; empty at the end.
    func next(upTo limit: Int) throws -> [Feature] {
        var out: [Feature] = []
        out.reserveCapacity(min(limit, 1024))
        if let csv {
            while out.count < limit, let f = try csv.next() { out.append(f) }
        } else if let stream {
            while out.count < limit, let f = try stream.next() { out.append(f) }
        }
        return out
    }

    /// Reader warnings and CSV rows skipped or kept for geocoding since the last call, one line each.
    func drainNotices() -> [String] {
        if let stream {
            let warnings = stream.warnings.dropFirst(reportedIssues).map { w in reportedIssues += 1; return w.description }
            let skipped = stream.skippedFeatures.dropFirst(reportedSkips).map { e in reportedSkips += 1; return "\(e.description) (feature skipped)" }
            return warnings + skipped
        }
        guard let csv else { return [] }
        let fresh = csv.issues.dropFirst(reportedIssues)
        reportedIssues = csv.issues.count
        return fresh.map(\.description)
    }

    /// Rows the CSV reader could not use at all (not counting those kept for geocoding), or GeoJSON
    /// features skipped as invalid.
    var skippedRows: Int { csv?.issues.filter { !$0.rowKept }.count ?? stream?.skippedFeatures.count ?? 0 }
}

/// The benchmark's fast path (`Scripts/bench.d/60-border`): raw little-endian Float64 pairs
/// (longitude, latitude) in, containing country and distance for each out, with timings on stdout as
/// JSON. Output file: per point a Float64 distance (metres) then 2 ASCII bytes of the country code
/// ("--" at sea).
enum ProximityBenchmark {
    static func run(points path: String, out: String?, data: BorderDataOptions) throws {
        let clock = ContinuousClock()
        let t0 = clock.now
        let raw = try Data(contentsOf: URL(fileURLWithPath: path))
        let positions: [Position] = raw.withUnsafeBytes { buf in
            let d = buf.bindMemory(to: Double.self)
            return (0..<(d.count / 2)).map { Position(latitude: d[2 * $0 + 1], longitude: d[2 * $0]) }
        }
        let t1 = clock.now
        let net = try data.network()
        _ = try net.proximity(of: [positions[0]])   // builds the border index
        let t2 = clock.now
        let results = try net.proximity(of: positions)
        let t3 = clock.now
        if let out {
            var bytes = [UInt8]()
            bytes.reserveCapacity(results.count * 10)
            for r in results {
                withUnsafeBytes(of: r.metres.bitPattern.littleEndian) { bytes += $0 }
                bytes += Array((r.country ?? "--").utf8.prefix(2))
            }
            try Data(bytes).write(to: URL(fileURLWithPath: out))
        }
        func s(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
        Console.out("{\"points\": \(positions.count), \"read_s\": \(s(t1 - t0)), \"load_s\": \(s(t2 - t1)), \"measure_s\": \(s(t3 - t2))}\n")
    }
}

/// Loads the gazetteer only when the first event without coordinates needs it, once, for all threads.
final class LazyGeocoder: PlaceGeocoder, @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: Result<any PlaceGeocoder, Error>?
    private let load: () throws -> any PlaceGeocoder

    init(_ load: @escaping () throws -> any PlaceGeocoder) { self.load = load }

    func geocode(_ name: String, country: String?) throws -> GeocodedPlace? {
        lock.lock()
        if loaded == nil { loaded = Result { try load() } }
        let geocoder = loaded!
        lock.unlock()
        return try geocoder.get().geocode(name, country: country)
    }
}
