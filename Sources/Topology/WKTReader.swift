import GeoJSON

/// Reads Well-Known Text into a `Geometry`, reporting the offset of the first problem.
///
/// Grammar (case-insensitive, whitespace anywhere between tokens): an optional EWKT `SRID=n;` prefix
/// (ignored), a type word with an optional `Z`, `M` or `ZM` (also written joined, e.g. `POINTZ`), then
/// `EMPTY` or the parenthesised coordinates. Without a dimension word a position may have 2, 3 (Z)
/// or 4 (Z and M) numbers. M values are dropped. MultiPoint members may be written with or without
/// parentheses. `POINT EMPTY` becomes an empty `.multiPoint`, as in the GEOS bridge. Offsets are
/// 0-based UTF-8 byte offsets (the same as character offsets for ASCII, which all WKT is). O(n).
struct WKTReader {
    private let text: [UInt8]
    private var offset = 0
    private static let maxDepth = 64

    init(_ text: String) { self.text = Array(text.utf8) }

    mutating func read() throws -> Geometry {
        skipSpace()
        if peekWord()?.uppercased().hasPrefix("SRID=") == true { try skipSRID() }
        let g = try geometry(depth: 0)
        skipSpace()
        if offset < text.count { throw error("unexpected text after the geometry") }
        return g
    }

    /// Which numbers a position has, from the dimension word (nil: decide from the first position).
    private enum Dimensions { case xy, xyz, xym, xyzm }

    private func error(_ message: String, at position: Int? = nil) -> TopologyError {
        .parse(format: .wkt, offset: position ?? offset, message: message)
    }

    private mutating func skipSpace() {
        while offset < text.count, [0x20, 0x09, 0x0A, 0x0D].contains(text[offset]) { offset += 1 }
    }

    private func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x3D || (b >= 0x30 && b <= 0x39)
    }

    private func peekWord() -> String? {
        var end = offset
        while end < text.count, isWordByte(text[end]) { end += 1 }
        return end > offset ? String(decoding: text[offset..<end], as: UTF8.self) : nil
    }

    private mutating func word() -> String? {
        skipSpace()
        guard let w = peekWord(), let first = w.unicodeScalars.first, first.properties.isAlphabetic else { return nil }
        offset += w.utf8.count
        return w.uppercased()
    }

    private mutating func skipSRID() throws {
        while offset < text.count, text[offset] != 0x3B { offset += 1 }  // ';'
        guard offset < text.count else { throw error("SRID= prefix without a ';'") }
        offset += 1
    }

    /// Consumes `byte` (after whitespace) or throws with `expected` in the message.
    private mutating func expect(_ byte: UInt8, _ expected: String) throws {
        skipSpace()
        guard offset < text.count else { throw error("unexpected end of text, expected \(expected)") }
        guard text[offset] == byte else { throw error("expected \(expected), found '\(Character(UnicodeScalar(text[offset])))'") }
        offset += 1
    }

    /// Consumes `byte` if it comes next (after whitespace).
    private mutating func accept(_ byte: UInt8) -> Bool {
        skipSpace()
        if offset < text.count, text[offset] == byte { offset += 1; return true }
        return false
    }

    private mutating func geometry(depth: Int) throws -> Geometry {
        guard depth <= Self.maxDepth else { throw error("geometry collections nested more than \(Self.maxDepth) deep") }
        skipSpace()
        let start = offset
        guard var type = word() else {
            throw error(offset < text.count ? "expected a geometry type such as POINT or POLYGON" : "unexpected end of text, expected a geometry type")
        }
        var dims: Dimensions?
        for (suffix, d) in [("ZM", Dimensions.xyzm), ("Z", .xyz), ("M", .xym)]
        where type.hasSuffix(suffix) && Self.types.contains(String(type.dropLast(suffix.count))) {
            type = String(type.dropLast(suffix.count)); dims = d; break
        }
        guard Self.types.contains(type) else { throw error("unknown geometry type '\(type)'", at: start) }
        if dims == nil {
            let save = offset
            switch word() {
            case "Z": dims = .xyz
            case "M": dims = .xym
            case "ZM": dims = .xyzm
            default: offset = save
            }
        }
        if try empty() {
            switch type {
            case "POINT", "MULTIPOINT": return .multiPoint([])
            case "LINESTRING": return .lineString([])
            case "MULTILINESTRING": return .multiLineString([])
            case "POLYGON": return .polygon([])
            case "MULTIPOLYGON": return .multiPolygon([])
            default: return .geometryCollection([])
            }
        }
        switch type {
        case "POINT":
            try expect(0x28, "'('")
            let p = try position(&dims)
            try expect(0x29, "')'")
            return .point(p)
        case "LINESTRING": return .lineString(try positions(&dims))
        case "POLYGON": return .polygon(try rings(&dims))
        case "MULTIPOINT": return .multiPoint(try list { r in try r.multiPointMember(&dims) })
        case "MULTILINESTRING": return .multiLineString(try list { r in try r.emptyOr([]) { try $0.positions(&dims) } })
        case "MULTIPOLYGON": return .multiPolygon(try list { r in try r.emptyOr([]) { try $0.rings(&dims) } })
        default: return .geometryCollection(try list { r in try r.geometry(depth: depth + 1) })
        }
    }

    private static let types: Set<String> = ["POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
                                             "MULTIPOLYGON", "GEOMETRYCOLLECTION"]

    /// Consumes `EMPTY` if it comes next.
    private mutating func empty() throws -> Bool {
        let save = offset
        if word() == "EMPTY" { return true }
        offset = save
        return false
    }

    private mutating func emptyOr<T>(_ emptyValue: T, _ body: (inout WKTReader) throws -> T) throws -> T {
        try empty() ? emptyValue : body(&self)
    }

    /// `( item, item, … )`
    private mutating func list<T>(_ item: (inout WKTReader) throws -> T) throws -> [T] {
        try expect(0x28, "'('")
        var result = [try item(&self)]
        while accept(0x2C) { result.append(try item(&self)) }
        try expect(0x29, "',' or ')'")
        return result
    }

    private mutating func multiPointMember(_ dims: inout Dimensions?) throws -> Position {
        skipSpace()
        let start = offset
        if try empty() { throw error("an empty point inside a MultiPoint cannot be represented", at: start) }
        if accept(0x28) {
            let p = try position(&dims)
            try expect(0x29, "')'")
            return p
        }
        return try position(&dims)
    }

    private mutating func rings(_ dims: inout Dimensions?) throws -> [[Position]] {
        try list { r in try r.emptyOr([]) { try $0.positions(&dims) } }
    }

    private mutating func positions(_ dims: inout Dimensions?) throws -> [Position] {
        try list { r in try r.position(&dims) }
    }

    /// One position; the first one read fixes the dimensions when no dimension word was given.
    private mutating func position(_ dims: inout Dimensions?) throws -> Position {
        skipSpace()
        let start = offset
        var values = [try number(), try number()]
        while values.count < 4, let v = try optionalNumber() { values.append(v) }
        let given: Dimensions = [2: .xy, 3: .xyz, 4: .xyzm][values.count]!
        let expected = dims ?? given
        let needed = [Dimensions.xy: 2, .xyz: 3, .xym: 3, .xyzm: 4][expected]!
        guard values.count == needed else {
            throw error("a position with \(values.count) numbers where \(needed) were expected", at: start)
        }
        dims = expected
        let z: Double? = (expected == .xyz || expected == .xyzm) ? values[2] : nil
        return Position(latitude: values[1], longitude: values[0], altitude: z.flatMap { $0.isNaN ? nil : $0 })
    }

    private mutating func number() throws -> Double {
        skipSpace()
        guard let v = try optionalNumber() else {
            throw error(offset < text.count ? "expected a number" : "unexpected end of text, expected a number")
        }
        return v
    }

    /// A number if one comes next: decimal with optional sign, fraction and exponent, or NaN/Inf.
    private mutating func optionalNumber() throws -> Double? {
        skipSpace()
        let start = offset
        var end = offset
        while end < text.count, isNumberByte(text[end]) { end += 1 }
        guard end > start else { return nil }
        let token = String(decoding: text[start..<end], as: UTF8.self)
        guard let first = token.unicodeScalars.first,
              first == "+" || first == "-" || first == "." || first.properties.numericType != nil
                || ["NAN", "INF", "-INF", "+INF"].contains(token.uppercased())
        else { return nil }
        guard let v = Double(token) else { throw error("'\(token)' is not a number", at: start) }
        offset = end
        return v
    }

    private func isNumberByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2D || b == 0x2E || b == 0x65 || b == 0x45
            || [0x4E, 0x6E, 0x41, 0x61, 0x49, 0x69, 0x46, 0x66].contains(b)  // letters of NaN, Inf
    }
}
