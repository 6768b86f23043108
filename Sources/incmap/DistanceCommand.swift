import ArgumentParser
import Foundation
import GeoJSON
import Gazetteer
import Geodesy

/// `incmap distance A B`: the exact WGS84 geodesic between two positions.
struct Distance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Geodesic distance and azimuths between two positions on the WGS84 ellipsoid.",
        discussion: """
            Each end is "lat,lon" in decimal degrees (e.g. 50.45466,30.52380) or a place name, resolved \
            with the gazetteer to its best-ranked candidate (named in "from"/"to"). Prints one JSON \
            object: {"metres": …, "azimuth_deg": …, "back_azimuth_deg": …}; azimuths are degrees \
            clockwise from true north, the back azimuth is the bearing from B back to A. Negative \
            coordinates need no quoting: incmap distance -33.8688,151.2093 -34.6037,-58.3816.
            """
    )

    // Collected as unrecognised tokens so that "-33.8,151.2" is a position, not an unknown flag.
    @Argument(parsing: .allUnrecognized, help: "Start and end: \"lat,lon\" or a place name each (e.g. Minsk Kyiv).")
    var positions: [String] = []

    // Batch mode for benchmarks and scripts (hidden while the border-analysis commands cover the
    // user-facing cases): distance from every point of a file to a line.
    @Option(name: .customLong("to-line"), help: ArgumentHelp("GeoJSON line(s) or polygon(s) to measure to.", visibility: .hidden))
    var toLine: String?
    @Option(help: ArgumentHelp("File of \"lat,lon\" lines (with --to-line).", visibility: .hidden))
    var points: String?
    @Flag(help: ArgumentHelp("Print index and query time to stderr (with --to-line).", visibility: .hidden))
    var timing = false

    func validate() throws {
        if toLine != nil || points != nil {
            guard toLine != nil, points != nil, positions.isEmpty else {
                throw ValidationError("--to-line and --points go together, without positions")
            }
            return
        }
        guard positions.count == 2 else {
            throw ValidationError("expected two positions \"lat,lon\" (start and end), got \(positions.count)")
        }
    }

    func run() throws {
        if let toLine, let points { return try runBatch(line: toLine, points: points) }
        let ends = try PlaceOrPosition.resolveAll(positions)
        let g = try Ellipsoid.wgs84.inverse(from: ends[0].position, to: ends[1].position)
        var line = MeasurementLine()
            .number("metres", g.metres, decimals: 3)
            .number("azimuth_deg", g.azimuth, decimals: 9)
            .number("back_azimuth_deg", g.backAzimuth, decimals: 9)
        for (key, end) in zip(["from", "to"], ends) {
            if let place = end.place { line = line.string(key, "\(place.name) (\(place.id))") }
        }
        Console.out(line.text + "\n")
    }

    /// One JSON line per point, in input order: {"metres": …, "line": …, "edge": …, "latitude": …, "longitude": …}
    /// (the nearest location), all computed on every core before anything is printed.
    private func runBatch(line: String, points: String) throws {
        let lineInput = InputSource(path: line), pointInput = InputSource(path: points)
        let features = try GeoJSONReader().features(in: lineInput.readAll(), source: lineInput.label)
        let geometry = Geometry.geometryCollection(features.compactMap(\.geometry))
        var queries: [Position] = []
        for (n, text) in String(decoding: try pointInput.readAll(), as: UTF8.self).split(whereSeparator: \.isNewline).enumerated() {
            do { queries.append(try Self.position(String(text))) } catch let failure as CLIFailure {
                throw CLIFailure("\(pointInput.label):\(n + 1): \(failure.description)")
            }
        }
        let clock = ContinuousClock()
        let start = clock.now
        let index = try GeodesicLineIndex(geometry)
        let built = clock.now
        let nearest = try index.nearest(to: queries)
        let done = clock.now
        var out = ""
        out.reserveCapacity(queries.count * 96)
        for case let n? in nearest {
            out += MeasurementLine().number("metres", n.metres, decimals: 4).integer("line", n.lineIndex)
                .integer("edge", n.edgeIndex).number("latitude", n.position.latitude, decimals: 9)
                .number("longitude", n.position.longitude, decimals: 9).text + "\n"
        }
        Console.out(out)
        if timing {
            let seconds = { (d: Duration) in Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
            FileHandle.standardError.write(Data((MeasurementLine().integer("points", queries.count)
                .integer("edges", index.edgeCount).number("index_s", seconds(built - start), decimals: 6)
                .number("query_s", seconds(done - built), decimals: 6).text + "\n").utf8))
        }
    }

    /// Turns one command-line endpoint into a position. The only place that reads A and B, so that
    /// place names (from the gazetteer) can be added here.
    /// - Throws: `CLIFailure` naming the argument when it is not "lat,lon" within range.
    /// A "lat,lon" position; nil when the text is not of that form at all (then it may be a place
    /// name), an error when it is but the numbers are out of range.
    static func coordinates(_ text: String) throws -> Position? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, Double(parts[0]) != nil, Double(parts[1]) != nil else { return nil }
        return try position(text)
    }

    static func position(_ text: String) throws -> Position {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]) else {
            throw CLIFailure("\"\(text)\": expected a position as \"lat,lon\" in decimal degrees, e.g. 50.45466,30.52380")
        }
        let p = Position(latitude: lat, longitude: lon)
        guard p.isValidGeographic else {
            throw CLIFailure("\"\(text)\": latitude must be within ±90° and longitude within ±180°")
        }
        return p
    }
}

/// One line of JSON built member by member, in order, with numbers rounded as asked.
struct MeasurementLine {
    private var members: [String] = []

    func number(_ key: String, _ value: Double, decimals: Int) -> MeasurementLine {
        var copy = self
        let scale = pow(10, Double(decimals))
        let rounded = (value * scale).rounded() / scale
        // Shortest round-trip form of the rounded value; "-0" would look odd.
        copy.members.append("\(Self.quoted(key)):\(rounded == 0 ? "0" : "\(rounded)")")
        return copy
    }

    func integer(_ key: String, _ value: Int) -> MeasurementLine {
        var copy = self
        copy.members.append("\(Self.quoted(key)):\(value)")
        return copy
    }

    func string(_ key: String, _ value: String) -> MeasurementLine {
        var copy = self
        copy.members.append("\(Self.quoted(key)):\(Self.quoted(value))")
        return copy
    }

    var text: String { "{" + members.joined(separator: ",") + "}" }

    /// A JSON string literal (RFC 8259 escaping).
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// One end of `incmap distance`: coordinates as given, or the best gazetteer candidate for a name.
struct PlaceOrPosition {
    var position: Position
    var place: Place?

    /// Resolves every argument; the gazetteer is loaded only when some argument is a name.
    static func resolveAll(_ texts: [String]) throws -> [PlaceOrPosition] {
        var gazetteer: Gazetteer?
        return try texts.map { text in
            if let p = try Distance.coordinates(text) { return PlaceOrPosition(position: p) }
            if gazetteer == nil {
                do { gazetteer = try Gazetteer.load(from: Gazetteer.locate(), cacheDirectory: Gazetteer.defaultCacheDirectory) } catch {
                    throw CLIFailure("\"\(text)\" is not \"lat,lon\", and place names need the gazetteer: \(error)")
                }
            }
            guard let best = gazetteer!.resolve(ResolveQuery(name: text, limit: 1)).first else {
                throw CLIFailure("\"\(text)\": no such place in the gazetteer, and not a \"lat,lon\" position")
            }
            return PlaceOrPosition(position: best.place.location, place: best.place)
        }
    }
}
