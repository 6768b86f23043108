/// An unordered pair of neighbouring countries, named by their ISO 3166-1 alpha-2 codes in
/// alphabetical order joined by a hyphen ("BY-UA"), as in the gazetteer's `borders.geojson`.
///
/// A plain value: thread-safe.
public struct BorderPair: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The alphabetically first code.
    public let first: String
    /// The alphabetically second code.
    public let second: String

    /// The pair of `a` and `b` in either order; codes are upper-cased.
    /// - Throws: `BorderAnalysisError.unknownCountry` unless both are two ASCII letters,
    ///   `.malformedPair` when both are the same country.
    public init(_ a: String, _ b: String) throws(BorderAnalysisError) {
        let x = try CountryCode.normalized(a), y = try CountryCode.normalized(b)
        guard x != y else { throw .malformedPair("\(a)-\(b)") }
        (first, second) = x < y ? (x, y) : (y, x)
    }

    /// Parses "BY-UA", "ua-by" or "UA–BY" (hyphen, en dash or slash between the codes).
    /// - Throws: `BorderAnalysisError.malformedPair` for any other shape, `.unknownCountry` for a
    ///   code that is not two letters.
    public init(parsing text: String) throws(BorderAnalysisError) {
        let parts = text.trimmingWhitespace.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "/" })
        guard parts.count == 2 else { throw .malformedPair(text) }
        try self.init(String(parts[0]), String(parts[1]))
    }

    /// The two codes, alphabetical.
    public var countries: [String] { [first, second] }

    /// True when `code` is one of the two countries.
    public func involves(_ code: String) -> Bool { first == code || second == code }

    /// The other country of the pair, or nil when `code` is not in it.
    public func other(than code: String) -> String? {
        code == first ? second : code == second ? first : nil
    }

    /// "BY-UA".
    public var description: String { first + "-" + second }

    public static func < (a: BorderPair, b: BorderPair) -> Bool { (a.first, a.second) < (b.first, b.second) }
}

enum CountryCode {
    /// Upper-cases a two-letter code. - Throws: `.unknownCountry` for anything else.
    static func normalized(_ code: String) throws(BorderAnalysisError) -> String {
        let c = code.trimmingWhitespace.uppercased()
        guard c.count == 2, c.unicodeScalars.allSatisfy({ $0.value >= 65 && $0.value <= 90 }) else {
            throw .unknownCountry(code)
        }
        return c
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        String(drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }
}
