import Foundation

/// One step of a JSON path: a member name or an array index.
enum PathComponent: Sendable {
    case key(String)
    case index(Int)
}

/// Renders `features[12].geometry.coordinates[0][3]`; names that are not plain identifiers are
/// written as `["name"]`.
func renderPath(_ components: some Sequence<PathComponent>) -> String {
    var s = ""
    for c in components {
        switch c {
        case .index(let i): s += "[\(i)]"
        case .key(let k):
            let plain = !k.isEmpty && k.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x5F }
            if plain { s += s.isEmpty ? k : "." + k } else { s += "[\"\(k)\"]" }
        }
    }
    return s
}

/// Why the parser stopped early.
enum ParseStop: Error {
    /// The buffer ended inside a value and more input may follow: refill and parse the unit again.
    case needMoreData
    /// The input breaks a rule. `syntax` failures end reading; others end only the current feature.
    case failure(line: Int, column: Int, path: String, message: String, syntax: Bool)
}

/// A warning found while parsing: a repair made in lenient mode, or something RFC 7946 discourages.
struct ParserWarning {
    var line: Int
    var column: Int
    var path: String
    var message: String
}

/// A location inside the input, 1-based; columns count UTF-8 bytes.
struct SourceLocation {
    var line: Int32
    var column: Int32
}

/// A hand-written JSON parser over a byte buffer that tracks line and column and keeps integers
/// apart from other numbers.
///
/// It works on a window of the input (`bytes[0..<end]`, at absolute offset `base`); when a value runs
/// past the window and `isFinal` is false it throws `.needMoreData` so that the caller can read more
/// and parse the same unit again. Not thread-safe: a short-lived value owned by one reader.
struct JSONParser {
    let bytes: UnsafePointer<UInt8>
    let end: Int
    var i: Int
    let base: Int
    let isFinal: Bool
    var line: Int
    var lineStart: Int
    var depth = 0
    let maxDepth: Int
    /// Lenient mode repairs what it can (with a warning) instead of failing.
    let lenient: Bool
    var path: [PathComponent]
    var warnings: [ParserWarning] = []

    // MARK: locations and failures

    var column: Int { base + i - lineStart + 1 }
    var location: SourceLocation { SourceLocation(line: Int32(truncatingIfNeeded: line), column: Int32(truncatingIfNeeded: column)) }
    var pathString: String { renderPath(path) }

    func syntaxError(_ message: String) -> ParseStop {
        .failure(line: line, column: column, path: pathString, message: message, syntax: true)
    }

    func ruleError(_ message: String, at loc: SourceLocation? = nil, extraPath: [PathComponent] = []) -> ParseStop {
        let l = loc ?? location
        return .failure(line: Int(l.line), column: Int(l.column), path: renderPath(path + extraPath), message: message, syntax: false)
    }

    mutating func warn(_ message: String, at loc: SourceLocation? = nil, extraPath: [PathComponent] = []) {
        let l = loc ?? location
        warnings.append(ParserWarning(line: Int(l.line), column: Int(l.column), path: renderPath(path + extraPath), message: message))
    }

    /// End of the window: ask for more input, or report truncated input when there is none.
    func endOfInput(_ what: String) -> ParseStop {
        isFinal ? syntaxError("unexpected end of input, expected \(what)") : .needMoreData
    }

    // MARK: whitespace and punctuation

    @inline(__always) mutating func skipWhitespace() {
        while i < end {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0D {
                i += 1
            } else if b == 0x0A {
                i += 1
                line += 1
                lineStart = base + i
            } else {
                return
            }
        }
    }

    /// The next significant byte, without consuming it.
    @inline(__always) mutating func peek(_ what: @autoclosure () -> String) throws(ParseStop) -> UInt8 {
        skipWhitespace()
        guard i < end else { throw endOfInput(what()) }
        return bytes[i]
    }

    @inline(__always) mutating func expect(_ byte: UInt8, _ what: String) throws(ParseStop) {
        let b = try peek("'\(what)'")
        guard b == byte else { throw syntaxError("expected '\(what)' but found \(describe(b))") }
        i += 1
    }

    func describe(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(UnicodeScalar(b)))'" }
        return String(format: "byte 0x%02X", b)
    }

    mutating func enterContainer() throws(ParseStop) {
        depth += 1
        if depth > maxDepth {
            i -= 1 // report the bracket that opened the level too many
            throw syntaxError("nesting deeper than \(maxDepth) levels")
        }
    }

    // MARK: objects and arrays

    /// Iterates an object's members: calls `body(key)` with the parser positioned at the member's value;
    /// `body` must consume the value. The path holds the key while `body` runs.
    mutating func forEachMember(_ body: (inout JSONParser, String) throws(ParseStop) -> Void) throws(ParseStop) {
        try expect(0x7B, "{")
        try enterContainer()
        var first = true
        while true {
            let b = try peek("'}' or a member name")
            if b == 0x7D { i += 1; break }
            if !first {
                guard b == 0x2C else { throw syntaxError("expected ',' or '}' but found \(describe(b))") }
                i += 1
                _ = try peek("a member name")
            }
            first = false
            let key = try parseKey()
            try expect(0x3A, ":")
            path.append(.key(key))
            try body(&self, key)
            path.removeLast()
        }
        depth -= 1
    }

    /// Iterates an array's elements: calls `body(index)` with the parser positioned at the element.
    mutating func forEachElement(_ body: (inout JSONParser, Int) throws(ParseStop) -> Void) throws(ParseStop) {
        try expect(0x5B, "[")
        try enterContainer()
        var n = 0
        while true {
            let b = try peek("']' or a value")
            if b == 0x5D { i += 1; break }
            if n > 0 {
                guard b == 0x2C else { throw syntaxError("expected ',' or ']' but found \(describe(b))") }
                i += 1
            }
            path.append(.index(n))
            try body(&self, n)
            path.removeLast()
            n += 1
        }
        depth -= 1
    }

    mutating func parseKey() throws(ParseStop) -> String {
        let b = try peek("a member name")
        guard b == 0x22 else { throw syntaxError("expected a member name in double quotes but found \(describe(b))") }
        return try parseString()
    }

    // MARK: values

    /// Parses any JSON value, keeping integers as integers and member order.
    mutating func parseValue() throws(ParseStop) -> JSONValue {
        let b = try peek("a value")
        switch b {
        case 0x22: return .string(try parseString())
        case 0x7B:
            var members: [(key: String, value: JSONValue)] = []
            members.reserveCapacity(8)
            try forEachMember { (p, key) throws(ParseStop) in members.append((key, try p.parseValue())) }
            return .object(JSONObject(parsedMembers: members))
        case 0x5B:
            var elements: [JSONValue] = []
            try forEachElement { (p, _) throws(ParseStop) in elements.append(try p.parseValue()) }
            return .array(elements)
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        default:
            switch try parseNumber() {
            case .integer(let v): return .integer(v)
            case .double(let d): return .number(d)
            }
        }
    }

    /// Skips one value, checking its syntax only.
    mutating func skipValue() throws(ParseStop) {
        let b = try peek("a value")
        switch b {
        case 0x22: _ = try parseString()
        case 0x7B: try forEachMember { (p, _) throws(ParseStop) in try p.skipValue() }
        case 0x5B: try forEachElement { (p, _) throws(ParseStop) in try p.skipValue() }
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        default: _ = try scanNumber(allowNonFinite: true)
        }
    }

    mutating func literal(_ word: StaticString) throws(ParseStop) {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        for k in 0..<n {
            guard i + k < end else { throw endOfInput("'\(word)'") }
            guard bytes[i + k] == w[k] else { throw syntaxError("invalid literal, expected '\(word)'") }
        }
        i += n
        try checkDelimiter()
    }

    /// After a literal or number the next byte must end the token.
    func checkDelimiter() throws(ParseStop) {
        guard i < end else {
            if isFinal { return }
            throw .needMoreData
        }
        switch bytes[i] {
        case 0x20, 0x09, 0x0A, 0x0D, 0x2C, 0x5D, 0x7D, 0x3A, 0x1E: return
        default: throw syntaxError("unexpected \(describe(bytes[i])) after a value")
        }
    }

    // MARK: strings

    mutating func parseString() throws(ParseStop) -> String {
        // bytes[i] is the opening quote.
        let start = i + 1
        var j = start
        // Eight bytes at a time while none of them is a quote, a backslash or a control character
        // (the classic "has zero byte" bit trick on each of the three conditions).
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while j + 8 <= end {
            let w = UnsafeRawPointer(bytes + j).loadUnaligned(as: UInt64.self)
            let q = w ^ (ones &* 0x22), s = w ^ (ones &* 0x5C)
            let special = ((q &- ones) & ~q) | ((s &- ones) & ~s) | ((w &- ones &* 0x20) & ~w)
            if special & highs != 0 { break }
            j += 8
        }
        while j < end {
            let b = bytes[j]
            if b == 0x22 {
                i = j + 1
                let raw = UnsafeBufferPointer(start: bytes + start, count: j - start)
                return Self.wellKnown(raw) ?? String(decoding: raw, as: UTF8.self)
            }
            if b == 0x5C { return try parseEscapedString(from: start, firstEscape: j) }
            if b < 0x20 { i = j; throw syntaxError("control character \(describe(b)) inside a string (escape it)") }
            j += 1
        }
        throw endOfInput("the end of a string")
    }

    /// GeoJSON's member names and type names as string literals: no UTF-8 validation, no allocation,
    /// no reference counting for the words every feature repeats. Dispatches on length and first byte.
    @inline(__always) static func wellKnown(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        let n = raw.count
        guard n >= 2 && n <= 18 else { return nil }
        let p = raw.baseAddress!
        @inline(__always) func matches(_ word: StaticString) -> Bool {
            guard word.utf8CodeUnitCount == n else { return false }
            let w = word.utf8Start
            for k in 1..<n where w[k] != p[k] { return false }
            return true
        }
        switch (n, p[0]) {
        case (2, 0x69): return matches("id") ? "id" : nil
        case (3, 0x63): return matches("crs") ? "crs" : nil
        case (4, 0x74): return matches("type") ? "type" : nil
        case (4, 0x62): return matches("bbox") ? "bbox" : nil
        case (5, 0x50): return matches("Point") ? "Point" : nil
        case (7, 0x46): return matches("Feature") ? "Feature" : nil
        case (7, 0x50): return matches("Polygon") ? "Polygon" : nil
        case (8, 0x67): return matches("geometry") ? "geometry" : nil
        case (8, 0x66): return matches("features") ? "features" : nil
        case (10, 0x4C): return matches("LineString") ? "LineString" : nil
        case (10, 0x4D): return matches("MultiPoint") ? "MultiPoint" : nil
        case (10, 0x70): return matches("properties") ? "properties" : nil
        case (10, 0x67): return matches("geometries") ? "geometries" : nil
        case (11, 0x63): return matches("coordinates") ? "coordinates" : nil
        case (12, 0x4D): return matches("MultiPolygon") ? "MultiPolygon" : nil
        case (15, 0x4D): return matches("MultiLineString") ? "MultiLineString" : nil
        case (17, 0x46): return matches("FeatureCollection") ? "FeatureCollection" : nil
        case (18, 0x47): return matches("GeometryCollection") ? "GeometryCollection" : nil
        default: return nil
        }
    }

    private mutating func parseEscapedString(from start: Int, firstEscape: Int) throws(ParseStop) -> String {
        var out = [UInt8](UnsafeBufferPointer(start: bytes + start, count: firstEscape - start))
        var j = firstEscape
        while j < end {
            let b = bytes[j]
            if b == 0x22 {
                i = j + 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { i = j; throw syntaxError("control character \(describe(b)) inside a string (escape it)") }
            if b != 0x5C {
                // The run of plain bytes up to the next quote, backslash or control character,
                // appended in one go (a text with a few escapes is mostly such runs).
                var k = j + 1
                while k < end, bytes[k] != 0x22, bytes[k] != 0x5C, bytes[k] >= 0x20 { k += 1 }
                out.append(contentsOf: UnsafeBufferPointer(start: bytes + j, count: k - j))
                j = k
                continue
            }
            guard j + 1 < end else { break }
            let e = bytes[j + 1]
            j += 2
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                guard let u = try hex4(at: j) else { break }
                j += 4
                var scalar = u
                if u >= 0xD800 && u < 0xDC00 {
                    // A high surrogate must be followed by \uDC00…\uDFFF.
                    guard j + 6 <= end else { throw endOfInput("a low surrogate") }
                    if bytes[j] == 0x5C && bytes[j + 1] == 0x75, let lo = try hex4(at: j + 2), lo >= 0xDC00 && lo < 0xE000 {
                        scalar = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                        j += 6
                    } else {
                        scalar = 0xFFFD
                    }
                } else if u >= 0xDC00 && u < 0xE000 {
                    scalar = 0xFFFD
                }
                out.append(contentsOf: String(Character(UnicodeScalar(scalar)!)).utf8)
            default:
                i = j - 2
                throw syntaxError("invalid escape '\\\(Character(UnicodeScalar(e)))' in a string")
            }
        }
        throw endOfInput("the end of a string")
    }

    private mutating func hex4(at j: Int) throws(ParseStop) -> UInt32? {
        guard j + 4 <= end else { throw endOfInput("four hex digits") }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = bytes[j + k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: i = j; throw syntaxError("invalid \\u escape in a string")
            }
            v = v << 4 | d
        }
        return v
    }

    // MARK: numbers

    enum Number {
        case integer(Int64)
        case double(Double)
        var double: Double {
            switch self {
            case .integer(let v): Double(v)
            case .double(let d): d
            }
        }
    }

    /// Parses a number; `NaN`, `Infinity` and numbers too large for a Double are rule errors
    /// (RFC 8259 has no non-finite numbers).
    mutating func parseNumber() throws(ParseStop) -> Number {
        let loc = location
        let n = try scanNumber(allowNonFinite: true)
        if case .double(let d) = n, !d.isFinite {
            throw ruleError("non-finite number (JSON has no NaN or Infinity)", at: loc)
        }
        return n
    }

    private static let exactPowersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// Reads a number token. Integers without fraction or exponent that fit in Int64 stay integers;
    /// others are converted with the exact fast path when the mantissa and exponent allow it
    /// (Clinger), and with `strtod` semantics otherwise.
    mutating func scanNumber(allowNonFinite: Bool) throws(ParseStop) -> Number {
        let start = i
        var j = i
        var negative = false
        if j < end && bytes[j] == 0x2D { negative = true; j += 1 }
        guard j < end else { throw endOfInput("a number") }
        let first = bytes[j]
        if first == 0x4E || first == 0x49 { // NaN, Infinity, -Infinity (Python's json writes these)
            let word: StaticString = first == 0x4E ? "NaN" : "Infinity"
            i = j
            try literal(word)
            return .double(first == 0x4E ? .nan : (negative ? -.infinity : .infinity))
        }
        guard first >= 0x30 && first <= 0x39 else {
            throw syntaxError("unexpected \(describe(first)), expected a value")
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var isInteger = true
        if first == 0x30 {
            j += 1
            if j < end && bytes[j] >= 0x30 && bytes[j] <= 0x39 { i = j; throw syntaxError("leading zeros are not allowed in numbers") }
        } else {
            while j < end, bytes[j] >= 0x30 && bytes[j] <= 0x39 {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(bytes[j] - 0x30); digits += 1 } else { exponent += 1; digits += 1 }
                j += 1
            }
        }
        if j < end && bytes[j] == 0x2E {
            isInteger = false
            j += 1
            let fracStart = j
            while j < end, bytes[j] >= 0x30 && bytes[j] <= 0x39 {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[j] - 0x30)
                    if mantissa != 0 || digits > 0 { digits += 1 }
                    exponent -= 1
                }
                j += 1
            }
            if j == fracStart { i = j; throw j < end || isFinal ? syntaxError("expected digits after the decimal point") : .needMoreData }
        }
        if j < end && (bytes[j] == 0x65 || bytes[j] == 0x45) {
            isInteger = false
            j += 1
            var expNegative = false
            if j < end && (bytes[j] == 0x2B || bytes[j] == 0x2D) { expNegative = bytes[j] == 0x2D; j += 1 }
            let expStart = j
            var e = 0
            while j < end, bytes[j] >= 0x30 && bytes[j] <= 0x39 {
                if e < 100_000 { e = e * 10 + Int(bytes[j] - 0x30) }
                j += 1
            }
            if j == expStart { i = j; throw j < end || isFinal ? syntaxError("expected digits in the exponent") : .needMoreData }
            exponent += expNegative ? -e : e
        }
        i = j
        try checkDelimiter()
        let precise = digits <= 19
        if isInteger && precise && mantissa <= UInt64(Int64.max) {
            let v = Int64(mantissa)
            return .integer(negative ? -v : v)
        }
        if isInteger && precise && negative && mantissa == UInt64(Int64.max) + 1 { return .integer(.min) }
        if precise && mantissa < (1 << 53) && exponent >= -22 && exponent <= 22 {
            var d = Double(mantissa)
            d = exponent < 0 ? d / Self.exactPowersOfTen[-exponent] : d * Self.exactPowersOfTen[exponent]
            return .double(negative ? -d : d)
        }
        // Rare: long mantissas or large exponents. strtod rounds correctly.
        let text = String(decoding: UnsafeBufferPointer(start: bytes + start, count: j - start), as: UTF8.self)
        let d = strtod(text, nil)
        return .double(d)
    }
}

extension JSONObject {
    /// Builds an object from parsed members; a repeated key keeps its last value (as most parsers do).
    init(uniqueMembers pairs: [(String, JSONValue)]) {
        self.init(pairs)
    }

    init(parsedMembers members: [(key: String, value: JSONValue)]) {
        if Self.hasDuplicates(members.lazy.map(\.key)) { self.init(members.map { ($0.key, $0.value) }) } else { self.init(uncheckedMembers: members) }
    }

    static func hasDuplicates<C: Collection>(_ keys: C) -> Bool where C.Element == String, C.Index == Int {
        let n = keys.count
        if n <= 16 {
            for a in 0..<n { for b in (a + 1)..<n where keys[a] == keys[b] { return true } }
            return false
        }
        var seen = Set<String>(minimumCapacity: n)
        for k in keys where !seen.insert(k).inserted { return true }
        return false
    }
}
