/// A GeoJSON input that breaks a rule, with where it was found.
public struct GeoJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name or other label of the input ("-" for standard input).
    public var source: String
    /// 1-based line and column of the offending token, when known.
    public var line: Int?
    public var column: Int?
    /// JSON path of the offending member, e.g. `features[12].geometry.coordinates[0][3]`.
    public var path: String
    /// What is wrong, in a short sentence.
    public var message: String

    public init(source: String, line: Int? = nil, column: Int? = nil, path: String, message: String) {
        self.source = source; self.line = line; self.column = column; self.path = path; self.message = message
    }

    /// One line: `source:line:column: path: message`.
    public var description: String {
        var s = source
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        if !path.isEmpty { s += ": \(path)" }
        return s + ": " + message
    }
}
