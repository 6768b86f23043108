import ArgumentParser
import Dispatch
import Foundation
import Gazetteer
import GeoJSON
import Geoparser

/// `incmap geoparse [FILE|-]`: the places and measurable claims in news text.
struct Geoparse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find and resolve the places and the measurable claims (distances, areas, shares, dates) in text.",
        discussion: """
            Input is plain UTF-8 text (one document), or JSON Lines with an "id" and a "text" member per \
            line (one document per line; detected from a .jsonl name or a first line starting with "{"). \
            --format geojson (default) prints a FeatureCollection: one Point feature per distinct resolved \
            place with all its mentions (start/end offsets in Unicode scalars, text, sentence, score, \
            reasons), one feature per country named by demonyms, and one feature per claim (geometry: the \
            place it is about, or null). --format jsonl prints one line per document: \
            {"id","toponyms":[{"start","end","name","lat","lon",...}]}. A bad JSONL line is reported on \
            stderr with its number and skipped; the exit status is non-zero only when no document could be \
            processed. The gazetteer folder is $INCMAP_GAZETTEER or the nearest Gazetteer/ folder above \
            the current directory or the executable; its parsed name index is cached in $INCMAP_CACHE_DIR \
            (default $XDG_CACHE_HOME/incmap or ~/.cache/incmap; "off" disables it). Documents are parsed \
            on all cores.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case geojson, jsonl }

    @Argument(help: "Text or JSONL file, or - for standard input.")
    var input: String = "-"

    @Option(help: "Output format: geojson or jsonl.")
    var format: Format = .geojson

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Flag(help: "Resolve the spans given in each JSONL line's \"toponyms\" (start/end) instead of finding names: the oracle-spans evaluation.")
    var givenSpans = false

    @Flag(help: "In jsonl output, list demonyms (\"Ukrainian\") among the toponyms, resolved to their country.")
    var demonyms = false

    /// Largest document accepted, in bytes of UTF-8 (a JSONL file may hold many such documents).
    static let maxDocumentBytes = 8 << 20

    func run() throws {
        // The gazetteer loads on another thread while the input is read and split into documents.
        let loading = BackgroundTask {
            try Gazetteer.load(from: Gazetteer.locate(), cacheDirectory: Gazetteer.defaultCacheDirectory)
        }
        let data = try InputSource(path: input).readAll()
        let documents = try GeoparseInput.documents(from: data, label: InputSource(path: input).label,
                                                    jsonl: input.hasSuffix(".jsonl") || givenSpans ? true : nil,
                                                    maxBytes: Self.maxDocumentBytes)
        for problem in documents.problems { Console.error(problem) }
        guard !documents.items.isEmpty else {
            throw CLIFailure("\(InputSource(path: input).label): no document could be processed")
        }
        let gazetteer: Gazetteer
        do { gazetteer = try loading.value() } catch {
            throw CLIFailure(String(describing: error))
        }
        let parser = Geoparser(gazetteer: gazetteer)
        let docs = documents.items
        let out: Data
        switch format {
        case .jsonl:
            // Records are encoded where they are parsed; they list toponyms only, so no claims, and
            // no reasons.
            let lines = Self.parseAll(docs, parser: parser, givenSpans: givenSpans, claims: false, reasons: false) { i, result in
                GeoparseOutput.jsonLine(docs[i], index: i, result, demonyms: demonyms)
            }
            var joined = Data(capacity: lines.reduce(0) { $0 + $1.count })
            for line in lines { joined.append(line) }
            out = joined
        case .geojson:
            let results = Self.parseAll(docs, parser: parser, givenSpans: givenSpans, claims: true, reasons: true) { $1 }
            do { out = try GeoJSONWriter().encode(GeoparseOutput.collection(docs, results)) } catch {
                throw CLIFailure(String(describing: error))
            }
        }
        try OutputTarget(path: output).write(out)
    }

    /// Parses every document on all cores, handing each result to `finish` on the thread that
    /// parsed it; the values come back in input order. Documents are handed out one at a time, so
    /// a long document does not hold up the ones behind it.
    static func parseAll<T>(_ docs: [GeoparseInput.Document], parser: Geoparser, givenSpans: Bool, claims: Bool,
                            reasons: Bool, finish: @escaping @Sendable (Int, GeoparseResult) -> T) -> [T] {
        concurrentMap(docs.count) { i in
            let d = docs[i]
            let r = givenSpans ? parser.resolve(d.text, spans: d.spans, claims: claims, reasons: reasons)
                : parser.parse(d.text, claims: claims, reasons: reasons)
            return finish(i, r)
        }
    }
}

/// `(0..<count).map(body)` on all cores (libdispatch hands out the indices), in index order.
func concurrentMap<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, body(i)) }
    return slots.values
}

/// Fixed slots filled from several threads; each index is written exactly once, by one thread,
/// and read only after all writers are done (`concurrentPerform` returns after its last
/// iteration), so no lock is needed.
private final class Slots<T>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<T?>
    init(count: Int) { storage = .allocate(capacity: count); storage.initialize(repeating: nil) }
    deinit { storage.deinitialize().deallocate() }
    func set(_ i: Int, _ value: T) { storage[i] = value }
    var values: [T] { storage.map { $0! } }
}

/// A value computed on another thread; `value()` waits for it.
private final class BackgroundTask<T>: @unchecked Sendable {
    private var result: Result<T, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> T) {
        DispatchQueue.global().async {
            self.result = Result(catching: work)
            self.done.signal()
        }
    }

    func value() throws -> T {
        done.wait()
        done.signal()  // later calls do not block
        return try result!.get()
    }
}

/// Reading documents from plain text or JSON Lines, with one-line problems for the bad ones.
enum GeoparseInput {
    struct Document {
        /// The JSONL "id" (string or number) or nil for plain text.
        var id: JSONValue?
        var text: String
        /// For `--given-spans`: the line's toponym spans.
        var spans: [Range<Int>] = []
        var line: Int
    }

    static func documents(from data: Data, label: String, jsonl: Bool?, maxBytes: Int)
        throws -> (items: [Document], problems: [String]) {
        let looksJSONL = jsonl ?? (data.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) == UInt8(ascii: "{"))
        if !looksJSONL {
            if data.count > maxBytes {
                throw CLIFailure("\(label): \(megabytes(data.count)) of text is more than the \(megabytes(maxBytes)) a document may have; split it or use JSONL")
            }
            if data.contains(0) { throw CLIFailure("\(label): binary data (NUL bytes), not text") }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CLIFailure("\(label): line \(firstInvalidLine(data)): not valid UTF-8")
            }
            guard text.contains(where: { !$0.isWhitespace }) else { throw CLIFailure("\(label): empty text") }
            return ([Document(id: nil, text: text, line: 1)], [])
        }
        // Lines are parsed on all cores (JSON decoding is most of the reading time); problems are
        // reported in line order.
        let lines = lineRanges(data)
        let parsed = data.withUnsafeBytes { raw in
            nonisolated(unsafe) let bytes = raw
            return concurrentMap(lines.count) { k -> Result<Document, Problem>? in
                let line = bytes[lines[k]]
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { return nil }
                return parseLine(Data(line), maxBytes: maxBytes)
            }
        }
        var items: [Document] = []
        var problems: [String] = []
        for (k, result) in parsed.enumerated() {
            switch result {
            case nil: continue
            case .success(var doc)?:
                doc.line = k + 1
                items.append(doc)
            case .failure(let message)?:
                problems.append("\(label): line \(k + 1): \(message.text); skipped")
            }
        }
        return (items, problems)
    }

    /// The byte ranges of the lines of `data`, without their line feeds; as many as
    /// `data.split(separator: 0x0A, omittingEmptySubsequences: false)` gives.
    static func lineRanges(_ data: Data) -> [Range<Int>] {
        data.withUnsafeBytes { raw in
            var ranges: [Range<Int>] = []
            var start = 0
            while let base = raw.baseAddress, start < raw.count,
                  let hit = memchr(base + start, 0x0A, raw.count - start) {
                let end = base.distance(to: UnsafeRawPointer(hit))
                ranges.append(start..<end)
                start = end + 1
            }
            ranges.append(start..<raw.count)
            return ranges
        }
    }

    struct Problem: Error { var text: String }

    static func parseLine(_ line: Data, maxBytes: Int) -> Result<Document, Problem> {
        if line.count > maxBytes { return .failure(Problem(text: "\(megabytes(line.count)) is more than the \(megabytes(maxBytes)) a document may have")) }
        guard String(data: line, encoding: .utf8) != nil else { return .failure(Problem(text: "not valid UTF-8")) }
        let object: JSONObject
        do {
            guard let o = try JSONValue.parse(line).objectValue else { return .failure(Problem(text: "not a JSON object")) }
            object = o
        } catch {
            return .failure(Problem(text: "not valid JSON (column \(error.column): \(error.message))"))
        }
        guard let text = object["text"]?.stringValue else { return .failure(Problem(text: "no \"text\" string")) }
        guard text.contains(where: { !$0.isWhitespace }) else { return .failure(Problem(text: "empty text")) }
        var id: JSONValue?
        switch object["id"] {
        case .string(let s): id = .string(s)
        case .integer(let n): id = .integer(n)
        default: id = nil
        }
        var spans: [Range<Int>] = []
        for t in object["toponyms"]?.arrayValue ?? [] {
            guard let o = t.objectValue, case .integer(let s)? = o["start"], case .integer(let e)? = o["end"], s < e,
                  let lo = Int(exactly: s), let hi = Int(exactly: e) else { continue }
            spans.append(lo..<hi)
        }
        return .success(Document(id: id, text: text, spans: spans, line: 0))
    }

    static func megabytes(_ n: Int) -> String { String(format: "%.1f MB", Double(n) / 1_000_000) }

    static func firstInvalidLine(_ data: Data) -> Int {
        var n = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            n += 1
            if String(data: Data(line), encoding: .utf8) == nil { return n }
        }
        return n
    }
}

/// Building the two output formats.
enum GeoparseOutput {
    /// One document's record and its line feed (the `index`-th document: its id when it has
    /// none is `index + 1`). Empty in the unexpected case that the record cannot be encoded.
    static func jsonLine(_ doc: GeoparseInput.Document, index: Int, _ result: GeoparseResult, demonyms: Bool) -> Data {
        let id: GeoparseResult.RecordID
        switch doc.id {
        case .string(let s)?: id = .string(s)
        case .integer(let i)?: id = .number(i)
        case nil: id = .number(Int64(index + 1))
        default: id = .string("")
        }
        return result.jsonLine(id: id, demonyms: demonyms).map { Data($0) } ?? Data()
    }

    static func collection(_ docs: [GeoparseInput.Document], _ results: [GeoparseResult]) -> FeatureCollection {
        var features: [Feature] = []
        for (doc, result) in zip(docs, results) {
            let scalars = Array(doc.text.unicodeScalars)
            func sentence(_ i: Int) -> String {
                guard i < result.sentences.count else { return "" }
                return String(String.UnicodeScalarView(scalars[result.sentences[i]]))
            }
            features += placeFeatures(result.toponyms, role: "place", doc: doc, sentence: sentence)
            features += placeFeatures(result.demonyms, role: "demonym", doc: doc, sentence: sentence)
            features += result.claims.map { claimFeature($0, doc: doc, sentence: sentence($0.sentence)) }
        }
        return FeatureCollection(features: features)
    }

    /// One feature per distinct place, with every mention of it.
    static func placeFeatures(_ mentions: [Mention], role: String, doc: GeoparseInput.Document,
                              sentence: (Int) -> String) -> [Feature] {
        var order: [String] = []
        var byPlace: [String: [Mention]] = [:]
        for m in mentions {
            guard let p = m.place else { continue }
            if byPlace[p.id] == nil { order.append(p.id) }
            byPlace[p.id, default: []].append(m)
        }
        return order.map { id in
            let ms = byPlace[id]!
            let p = ms[0].place!
            var props: JSONObject = [
                "feature": .string(role), "id": .string(p.id), "name": .string(p.name), "kind": .string(p.kind.rawValue),
                "country": p.country.map(JSONValue.string) ?? .null, "region": p.region.map(JSONValue.string) ?? .null,
                "population": p.population.map { .integer(Int64($0)) } ?? .null,
                "score": .number(ms.map(\.score).max() ?? 0),
                "mentions": .array(ms.map { m in
                    var o: JSONObject = ["start": .integer(Int64(m.start)), "end": .integer(Int64(m.end)),
                                         "text": .string(m.text), "sentence": .string(sentence(m.sentence)),
                                         "score": .number(m.score), "reasons": .array(m.reasons.map(JSONValue.string))]
                    if let mod = m.modifier { o["modifier"] = .string(mod) }
                    if let g = m.generic { o["generic"] = .string(g) }
                    return .object(o)
                }),
            ]
            if let d = doc.id { props["document"] = d }
            return Feature(id: .string(p.id), geometry: .point(p.location), properties: props)
        }
    }

    static func claimFeature(_ c: Claim, doc: GeoparseInput.Document, sentence: String) -> Feature {
        var props: JSONObject = ["feature": "claim", "kind": .string(c.kind.rawValue), "text": .string(c.text),
                                 "start": .integer(Int64(c.start)), "end": .integer(Int64(c.end)),
                                 "sentence": .string(sentence), "qualifier": .string(c.qualifier.rawValue)]
        if let v = c.value { props["value"] = .number(v) }
        if let v = c.statedValue { props["statedValue"] = .number(v) }
        if let v = c.lowerValue { props["lowerValue"] = .number(v) }
        if let u = c.unit { props["unit"] = .string(u) }
        if !c.alternatives.isEmpty { props["alternatives"] = .array(c.alternatives.map(JSONValue.number)) }
        if let d = c.dimension { props["dimension"] = .string(d) }
        if let d = c.direction { props["direction"] = .string(d) }
        if let d = c.date { props["date"] = .string(d) }
        if let s = c.subject {
            var o: JSONObject = ["relation": .string(s.relation), "text": .string(s.text),
                                 "start": .integer(Int64(s.start)), "end": .integer(Int64(s.end))]
            if let p = s.place { o["placeId"] = .string(p.id); o["placeName"] = .string(p.name) }
            props["subject"] = .object(o)
        }
        if let d = doc.id { props["document"] = d }
        return Feature(geometry: c.subject?.place.map { .point($0.location) }, properties: props)
    }
}
