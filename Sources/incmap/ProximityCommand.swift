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

    @Argument(help: "Events file, or - for standard input.", completion: .file())
    var input: String = "-"
    @Option(help: "Only this border, e.g. BY-UA.") var border: String?
    @Option(help: "Only the borders of this country (ISO alpha-2), e.g. UA.") var country: String?
    @Option(help: "Also say whether each event is within this distance of the border, e.g. 25km.")
    var within: DistanceArgument?
    @Flag(help: "Also write a line feature from each event to its border point.") var links = false
    @Flag(help: "Fail on the first event that cannot be measured instead of skipping it.") var strict = false
    @OptionGroup var data: BorderDataOptions
    @OptionGroup var output: FeatureOutputOptions

    func run() throws {
        let net = try data.network()
        let options = ProximityOptions(border: try border.map { try BorderPair(parsing: $0) }, country: country,
                                       withinMetres: within?.metres, links: links)
        let events = try EventSource(path: input)
        let writer = try output.writer()
        var skipped = 0
        do {
            var offset = 0
            while true {
                let chunk = try events.next(upTo: 16_384)
                if chunk.isEmpty { break }
                for result in try net.proximity(of: chunk, options: options, firstIndex: offset) {
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
            for w in events.warnings { Console.error(w) }
            try writer.finish()
        } catch {
            writer.cancel()
            throw error
        }
        if skipped > 20 { Console.error("\(events.label): \(skipped) events skipped in all") }
    }
}

/// Events read in chunks from GeoJSON or GeoJSONSeq, bounded memory.
final class EventSource {
    let label: String
    private let stream: GeoJSONFeatureStream

    init(path: String) throws {
        label = path == "-" ? "<stdin>" : path
        // Lenient: repairs (closing rings, wrapping longitudes) become warnings, and coordinates out
        // of range reach the measurement, which reports that one event instead of stopping the stream.
        let reader = GeoJSONReader(mode: .lenient)
        if path == "-" {
            stream = reader.featureStream(fileHandle: .standardInput, source: label)
        } else {
            guard FileManager.default.fileExists(atPath: path) else { throw CLIFailure("\(path): no such file") }
            stream = try reader.featureStream(contentsOf: URL(fileURLWithPath: path))
        }
    }

    /// Up to `limit` next events; empty at the end.
    func next(upTo limit: Int) throws -> [Feature] {
        var out: [Feature] = []
        out.reserveCapacity(min(limit, 1024))
        while out.count < limit, let f = try stream.next() { out.append(f) }
        return out
    }

    var warnings: [String] { stream.warnings.map(\.description) }
}
