import ArgumentParser
import Foundation
import GeoJSON

/// The file formats `convert` reads and writes.
enum EventFormat: String, ExpressibleByArgument, CaseIterable {
    case geojson, geojsonseq, csv

    /// The format a file name implies, if any.
    init?(fileName: String) {
        switch URL(fileURLWithPath: fileName).pathExtension.lowercased() {
        case "geojson", "json": self = .geojson
        case "geojsonl", "geojsons", "geojsonseq", "ndjson", "jsonl": self = .geojsonseq
        case "csv", "tsv": self = .csv
        default: return nil
        }
    }
}

/// `incmap convert IN OUT`: streams events between CSV, GeoJSON and GeoJSON sequences.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert events between CSV, GeoJSON and GeoJSONSeq, streaming.",
        discussion: """
        The input format comes from IN's extension (.csv/.tsv, .geojson/.json, .geojsonl/.geojsons/.ndjson) or, \
        for standard input (`-`), from its first byte. GeoJSON input may be a FeatureCollection, a Feature, \
        a geometry or a sequence. The output format comes from OUT's extension or --to; `.geojsons` gets \
        RFC 8142 record separators (as GDAL does), other sequences one feature per line. Output is RFC 7946: \
        rings oriented, antimeridian crossings cut, no crs. OUT is written atomically: on any error \
        nothing is left behind. `-` writes standard output.

        Exit status: 0 converted, 1 invalid input, 2 unreadable input or unwritable output.
        """
    )

    @Argument(help: "Input file, or - for standard input.") var input: String
    @Argument(help: "Output file, or - for standard output.") var output: String
    @Option(help: "Output format: geojson, geojsonseq or csv (default: from OUT's extension).") var to: EventFormat?
    @Option(help: "Input format (default: from IN's extension or content).") var from: EventFormat?
    @Flag(help: "Repair what can be repaired in GeoJSON input, with warnings on stderr.") var lenient = false
    @Flag(help: "Write RFC 8142 record separators (RS) in geojsonseq output.") var rs = false
    @Option(help: "Decimals kept in coordinates (7 ≈ 1 cm).") var precision = 7
    @Flag(help: "Write a bbox on every feature and on the collection.") var bbox = false
    @Option(help: "CSV latitude column (default: latitude, lat or y).") var latColumn: String?
    @Option(help: "CSV longitude column (default: longitude, lon, lng or x).") var lonColumn: String?

    func validate() throws {
        if to == nil && (output == "-" || EventFormat(fileName: output) == nil) {
            throw ValidationError("cannot tell the output format from '\(output)': use --to geojson|geojsonseq|csv")
        }
        if !(0...15).contains(precision) { throw ValidationError("--precision must be 0…15") }
    }

    func run() throws {
        let outFormat = to ?? EventFormat(fileName: output)!
        var stdinData: Data?
        if input == "-" { stdinData = FileHandle.standardInput.readDataToEndOfFile() }
        else if !FileManager.default.isReadableFile(atPath: input) {
            throw CLIFailure(FileManager.default.fileExists(atPath: input) ? "\(input): cannot read" : "\(input): no such file", exitCode: 2)
        }
        let inFormat = from ?? (input == "-" ? sniff(stdinData!) : EventFormat(fileName: input) ?? .geojson)
        let label = input == "-" ? "<stdin>" : input

        // CSV output needs its columns before the first row: take them from the CSV header, or from a
        // first streaming pass over GeoJSON input.
        var columns: [String] = []
        if outFormat == .csv && inFormat != .csv {
            var seen = Set<String>()
            try forEachFeature(inFormat, stdinData, label, warn: false) { f in
                for k in f.properties?.keys ?? [] where seen.insert(k).inserted { columns.append(k) }
            }
        }

        let sink: FeatureSink
        do { sink = try FeatureSink(outFormat, path: output, columns: columns, encoder: GeoJSONWriter(precision: precision, includeBBox: bbox), rs: rs || output.lowercased().hasSuffix(".geojsons")) } catch {
            throw CLIFailure(String(describing: error), exitCode: 2)
        }
        do {
            var csvColumnsSet = false
            try forEachFeature(inFormat, stdinData, label, warn: true, onCSVHeader: { header in
                if outFormat == .csv && !csvColumnsSet { csvColumnsSet = true; try sink.startCSV(columns: header) }
            }) { try sink.write($0) }
            try sink.finish()
        } catch {
            sink.cancel()
            throw error
        }
        if output != "-" { Console.error("wrote \(sink.count) features to \(output)") }
        if sink.rowsWithoutPoint > 0 { Console.error("\(sink.rowsWithoutPoint) non-point or null geometries written without latitude/longitude") }
    }

    private func sniff(_ data: Data) -> EventFormat {
        let first = data.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        return first == 0x7B || first == 0x1E || first == 0x5B ? .geojson : .csv
    }

    /// Streams the input's features to `body`. Problems become a `CLIFailure` (exit 1); CSV issues and
    /// lenient repairs are printed on stderr when `warn` is set.
    private func forEachFeature(_ format: EventFormat, _ stdinData: Data?, _ label: String, warn: Bool,
                                onCSVHeader: ([String]) throws -> Void = { _ in }, _ body: (Feature) throws -> Void) throws {
        if format == .csv {
            let options = CSVEventOptions(latitudeColumn: latColumn, longitudeColumn: lonColumn)
            let reader: CSVEventReader
            if let stdinData { reader = CSVEventReader(data: stdinData, source: label, options: options) } else {
                do { reader = try CSVEventReader(contentsOf: URL(fileURLWithPath: input), options: options) } catch { throw CLIFailure(error.description, exitCode: 2) }
            }
            var headerSent = false
            do {
                while let f = try reader.next() {
                    if !headerSent { headerSent = true; try onCSVHeader(reader.columns) }
                    try body(f)
                }
                if !headerSent { try onCSVHeader(reader.columns) }
            } catch let e as GeoJSONError { throw CLIFailure(e.description) }
            if warn { report(reader.issues.map(\.description)) }
            return
        }
        let reader = GeoJSONReader(mode: lenient ? .lenient : .strict)
        let stream: GeoJSONFeatureStream
        if let stdinData { stream = reader.featureStream(data: stdinData, source: label) } else {
            do { stream = try reader.featureStream(contentsOf: URL(fileURLWithPath: input)) } catch { throw CLIFailure(error.description, exitCode: 2) }
        }
        do {
            while let f = try stream.next() { try body(f) }
        } catch let e as GeoJSONError {
            throw CLIFailure(e.description)
        }
        if warn { report(stream.warnings.map(\.description)) }
    }

    private func report(_ lines: [String]) {
        for l in lines.prefix(20) { Console.error(l) }
        if lines.count > 20 { Console.error("… \(lines.count - 20) more") }
    }
}

/// The output side of `convert`: one of the streaming writers.
private final class FeatureSink {
    private var geojson: GeoJSONFeatureWriter?
    private var csv: CSVEventWriter?
    private let format: EventFormat
    private let path: String
    private let columns: [String]

    init(_ format: EventFormat, path: String, columns: [String], encoder: GeoJSONWriter, rs: Bool) throws {
        self.format = format
        self.path = path
        self.columns = columns
        switch format {
        case .geojson, .geojsonseq:
            let layout: GeoJSONFeatureWriter.Format = format == .geojson ? .featureCollection : (rs ? .textSequence : .newlineDelimited)
            geojson = path == "-" ? GeoJSONFeatureWriter(fileHandle: .standardOutput, format: layout, encoder: encoder)
                : try GeoJSONFeatureWriter(path: path, format: layout, encoder: encoder)
        case .csv:
            if !columns.isEmpty { try startCSV(columns: columns) }
        }
    }

    func startCSV(columns: [String]) throws {
        guard csv == nil else { return }
        csv = path == "-" ? CSVEventWriter(fileHandle: .standardOutput, propertyColumns: columns) : try CSVEventWriter(path: path, propertyColumns: columns)
    }

    func write(_ f: Feature) throws {
        if format == .csv && csv == nil { try startCSV(columns: columns) }
        do throws(GeoJSONError) {
            if let geojson { try geojson.write(f) } else { try csv!.write(f) }
        } catch { throw CLIFailure(error.description) }
    }

    func finish() throws {
        if format == .csv && csv == nil { try startCSV(columns: columns) }
        do throws(GeoJSONError) {
            try geojson?.finish()
            try csv?.finish()
        } catch { throw CLIFailure(error.description, exitCode: 2) }
    }

    func cancel() {
        geojson?.cancel()
        csv?.cancel()
    }

    var count: Int { geojson?.count ?? csv?.count ?? 0 }
    var rowsWithoutPoint: Int { csv?.rowsWithoutPoint ?? 0 }
}
