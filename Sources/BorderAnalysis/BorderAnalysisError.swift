import GeoJSON

/// A failure in the BorderAnalysis module: bad input (saying what and where) or a failure of the
/// geometry or data layers underneath, carried as one line.
///
/// `Sendable` and `Equatable`; `description` is one line suitable for a CLI error message.
public enum BorderAnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A country code that is not a two-letter ISO 3166-1 code known to the border network.
    case unknownCountry(String)
    /// A text that is not a border pair of the form `BY-UA`.
    case malformedPair(String)
    /// Two known countries that share no land border in the data (e.g. `BY-FR`).
    case noSharedBorder(BorderPair)
    /// A geometry that lies entirely outside the country it was said to be in.
    case notInCountry(what: String, country: String)
    /// An event (0-based `index` in input order) that cannot be measured: no coordinates and no
    /// resolvable place name, a geometry that is not a point, or coordinates out of range.
    case badEvent(index: Int, message: String)
    /// A geometry that cannot be used (empty, the wrong type, or invalid beyond repair).
    case invalidGeometry(String)
    /// A distance or band list that is not finite, positive and increasing where required.
    case invalidDistance(String)
    /// The gazetteer data could not be read: the file and the reason.
    case data(file: String, message: String)
    /// A failure of the geodesy or topology layers, with the operation that failed.
    case computation(operation: String, message: String)

    public var description: String {
        switch self {
        case .unknownCountry(let code):
            "unknown country code \"\(code)\" (expected an ISO 3166-1 alpha-2 code present in the gazetteer, e.g. UA)"
        case .malformedPair(let text):
            "\"\(text)\" is not a border pair (expected two ISO codes joined by '-', e.g. BY-UA)"
        case .noSharedBorder(let pair):
            "\(pair.first) and \(pair.second) share no land border in the data"
        case .notInCountry(let what, let country):
            "\(what) lies entirely outside \(country)"
        case .badEvent(let index, let message):
            "event \(index + 1): \(message)"
        case .invalidGeometry(let message):
            "invalid geometry: \(message)"
        case .invalidDistance(let message):
            "invalid distance: \(message)"
        case .data(let file, let message):
            "\(file): \(message)"
        case .computation(let operation, let message):
            "\(operation) failed: \(message)"
        }
    }
}

/// Runs `body`, turning any error of the layers underneath into `BorderAnalysisError.computation`
/// named after `operation` (our own errors pass through unchanged).
@inline(__always)
func computing<T>(_ operation: @autoclosure () -> String, _ body: () throws -> T) throws(BorderAnalysisError) -> T {
    do { return try body() } catch let error as BorderAnalysisError {
        throw error
    } catch {
        throw .computation(operation: operation(), message: String(describing: error))
    }
}
