/// A gazetteer folder that cannot be found or read, or a data file that breaks its format.
public struct GazetteerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or folder) concerned, as given or found.
    public var file: String
    /// 1-based line in the file, when the problem is on one line.
    public var line: Int?
    /// What is wrong, in a short sentence.
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file; self.line = line; self.message = message
    }

    /// One line: `file:line: message`.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        return s + ": " + message
    }
}
