import BorderAnalysis
import Foundation
import GeoJSON
import Geoparser

/// What the main job reads: a text report, several documents, or events that already have
/// coordinates (or place names to geocode).
public enum MapJobInput: Sendable {
    /// One report; `name` labels it in messages and outputs (usually the file name).
    case report(name: String, text: String)
    /// Several documents (e.g. JSONL records with `id` and `text`), mapped together.
    case documents(name: String, [MapJobDocument])
    /// Event features (points, or null geometry with a place name the geocoder can find).
    case events(name: String, features: [Feature])
}

/// One document of a batch.
public struct MapJobDocument: Sendable, Hashable {
    public var id: String
    public var text: String
    public init(id: String, text: String) { self.id = id; self.text = text }
}

/// Settings of the main job.
public struct MapJobOptions: Sendable, Hashable {
    /// Outer radii of the distance bands drawn along the borders involved, metres, ascending.
    public var bandsMetres: [Double]
    /// Title of the map and summary; the input's name when nil.
    public var title: String?

    public init(bandsMetres: [Double] = [10_000, 25_000, 50_000], title: String? = nil) {
        self.bandsMetres = bandsMetres
        self.title = title
    }
}

/// Everything the main job produces, in memory, so that the caller writes files only once all of
/// it has been computed (no partial output directory after a failure).
public struct MapJobOutput: Sendable {
    /// File name → contents, in the order they should be listed to the user.
    public var files: [(name: String, contents: Data)]
    /// Lines worth telling the user (skipped records, unresolvable claims), one per problem.
    public var warnings: [String]
    /// How many places or events were measured.
    public var measuredCount: Int
}

/// The main job: text or events in, map layers, a static map, an offline viewer and a written
/// summary out. Every figure is computed by `BorderAnalysis` on the WGS84 ellipsoid; this type
/// only decides what to measure and how to present it.
///
/// Thread-safety: a `Sendable` value; `run` may be called from several threads.
public struct MapJob: Sendable {
    let network: BorderNetwork
    let geoparser: Geoparser?
    let geocoder: (any PlaceGeocoder)?
    let options: MapJobOptions
    let progress: MapJobProgressHandler?

    /// - Parameters:
    ///   - network: countries and borders.
    ///   - geoparser: needed for text input.
    ///   - geocoder: finds events given only by place name.
    ///   - progress: told how far each long stage has got (see `MapJobProgressHandler`); nil for none.
    public init(network: BorderNetwork, geoparser: Geoparser?, geocoder: (any PlaceGeocoder)?,
                options: MapJobOptions = MapJobOptions(), progress: MapJobProgressHandler? = nil) {
        self.network = network
        self.geoparser = geoparser
        self.geocoder = geocoder
        self.options = options
        self.progress = progress
    }

    /// Runs the whole job. Errors are `ReportingError`s naming the input; problems with single
    /// records or claims become warnings and never lose the rest.
    public func run(_ input: MapJobInput) throws(ReportingError) -> MapJobOutput {
        switch input {
        case .report(let name, let text):
            return try runText(name: name, documents: [MapJobDocument(id: name, text: text)])
        case .documents(let name, let documents):
            return try runText(name: name, documents: documents)
        case .events(let name, let features):
            return try runEvents(name: name, features: features)
        }
    }

    /// Tells the progress handler, if any, that `completed` of `total` steps of `stage` are done.
    func report(_ stage: MapJobProgress.Stage, _ completed: Int, of total: Int) {
        progress?(MapJobProgress(stage: stage, completed: completed, total: max(total, 1)))
    }

    func title(for name: String) -> String {
        options.title ?? "IncidentMapper: \(URL(fileURLWithPath: name).lastPathComponent)"
    }
}

/// A failure of the main job as a whole (single bad records are warnings instead).
public struct ReportingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input or stage that failed.
    public var input: String
    public var message: String
    public init(input: String, message: String) { self.input = input; self.message = message }
    public var description: String { "\(input): \(message)" }
}
