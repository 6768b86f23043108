import ArgumentParser
import Foundation
import Gazetteer
import GeoJSON
import Geoparser
import Reporting

/// `incmap map INPUT --out DIR`: the main job, from a report or an event file to map layers,
/// a static map, an offline viewer and a written summary.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "From a report or an event file to map layers, a static map, an offline viewer and a summary.",
        discussion: """
            INPUT is a text report (.txt, .md, or - for standard input), JSON Lines documents with "id" and \
            "text" (.jsonl), or events (.csv, .geojson, .json, .geojsonl, .geojsons). Text is geoparsed; every \
            populated place (or event) is measured to the nearest land border; distance and area claims in \
            the text are checked against the geometry. A depth claim ("35 km into Russia") is checked against \
            the places named in its sentence, or in the sentence before or after it in its paragraph, except \
            places named as strike targets; places named elsewhere are reported as context and do not \
            change its verdict. A share ("a tenth of its territory") is checked against an area claimed in \
            its sentence. DIR receives places.geojson (or events.geojson), \
            borders.geojson, zones.geojson, claims.geojson, map.svg, index.html and summary.md. Nothing is \
            written until everything has been computed, and each file is written atomically.

            Progress goes to stderr: a bar with count, rate and ETA for each long stage when stderr is a \
            terminal, a few stage lines otherwise; --quiet leaves only errors and warnings about the input.
            """)

    @Argument(help: "Report, JSONL documents or events file; - reads text from standard input.")
    var input: String

    @Option(name: [.customShort("o"), .long], help: "Output folder (created if missing).")
    var out: String

    @Option(help: "Distance bands along the borders involved, in km, comma-separated.")
    var bands: String = "10,25,50"

    @Option(help: "Map and summary title (default: from the input's name).")
    var title: String?

    @Flag(help: "Print only errors and warnings about the input: no progress, no closing lines on stdout.")
    var quiet = false

    @Flag(help: "Fail when an event record cannot be read (by default it is reported on stderr and skipped, and the other events are mapped).")
    var strict = false

    @OptionGroup var data: BorderDataOptions

    func validate() throws {
        guard bandsMetres != nil else {
            throw ValidationError("--bands must be positive km values in increasing order, e.g. 10,25,50")
        }
    }

    var bandsMetres: [Double]? {
        let values = bands.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil && $0!.isFinite && $0! > 0 }) else { return nil }
        let metres = values.map { $0! * 1_000 }
        return zip(metres, metres.dropFirst()).allSatisfy { $0 < $1 } ? metres : nil
    }

    func run() throws {
        let started = Date()
        let kind = InputKind(path: input)
        let display = ProgressDisplay(quiet: quiet)
        display.stageLine("reading \(InputSource(path: input).label) as \(kind.rawValue)")
        let jobInput = try readInput(kind)
        display.stageLine("loading the gazetteer and borders")
        let network = try data.network()
        var geoparser: Geoparser?
        if kind != .events {
            do { geoparser = Geoparser(gazetteer: try Gazetteer.load(from: data.location(), cacheDirectory: Gazetteer.defaultCacheDirectory)) } catch {
                throw CLIFailure(String(describing: error))
            }
        }
        let geocoder = kind == .events ? try? data.geocoder() : nil
        let job = MapJob(network: network, geoparser: geoparser, geocoder: geocoder,
                         options: MapJobOptions(bandsMetres: bandsMetres!, title: title),
                         progress: { display.update($0) })
        display.stageLine("measuring and drawing")
        let result: MapJobOutput
        do { result = try job.run(jobInput) } catch {
            display.finish()
            throw error
        }
        display.finish()
        for w in result.warnings { Console.error(w) }
        try write(result.files)
        guard !quiet else { return }
        let dir = URL(fileURLWithPath: out).standardizedFileURL.path
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        Console.out("\(result.measuredCount) \(kind == .events ? "events" : "places") measured in \(seconds) s; wrote \(result.files.count) files to \(dir)\n")
        Console.out("open \(dir)/index.html in a browser (works offline), or see \(dir)/summary.md and \(dir)/map.svg\n")
    }

    private func readInput(_ kind: InputKind) throws -> MapJobInput {
        let source = InputSource(path: input)
        switch kind {
        case .events:
            let events = try EventSource(path: input)
            var features: [Feature] = []
            while true {
                let chunk = try events.next(upTo: 4096)
                if chunk.isEmpty { break }
                features += chunk
                for n in events.drainNotices() { Console.error(n) }
            }
            for n in events.drainNotices() { Console.error(n) }
            if strict, events.skippedRows > 0 {
                throw CLIFailure("\(events.label): \(events.skippedRows) record(s) could not be read (see above); nothing written (--strict)")
            }
            return .events(name: source.label, features: features)
        case .text, .documents:
            let docs = try GeoparseInput.documents(from: try source.readAll(), label: source.label,
                                                   jsonl: kind == .documents, maxBytes: Geoparse.maxDocumentBytes)
            for p in docs.problems { Console.error(p) }
            guard !docs.items.isEmpty else { throw CLIFailure("\(source.label): no document could be processed") }
            if kind == .text, docs.items.count == 1 { return .report(name: source.label, text: docs.items[0].text) }
            return .documents(name: source.label, docs.items.enumerated().map { i, d in
                MapJobDocument(id: d.id.flatMap { $0.stringValue ?? $0.doubleValue.map { String(Int($0)) } } ?? "line \(d.line)",
                               text: d.text)
            })
        }
    }

    /// Creates the folder and writes every file atomically, only after all were computed.
    private func write(_ files: [(name: String, contents: Data)]) throws {
        let dir = URL(fileURLWithPath: out, isDirectory: true)
        do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
            throw CLIFailure("\(out): cannot create the output folder (\(error.localizedDescription))")
        }
        for f in files { try OutputTarget(path: dir.appendingPathComponent(f.name).path).write(f.contents) }
    }

    /// What the input holds, from its name.
    enum InputKind: String {
        case text, documents = "JSONL documents", events
        init(path: String) {
            let lower = path.lowercased()
            if [".csv", ".tsv", ".geojson", ".json", ".geojsonl", ".geojsons", ".geojsonseq"].contains(where: lower.hasSuffix) {
                self = .events
            } else if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
                self = .documents
            } else {
                self = .text
            }
        }
    }
}
