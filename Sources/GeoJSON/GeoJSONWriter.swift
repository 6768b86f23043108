import Foundation

/// Encodes geometries and features as RFC 7946 GeoJSON (compact UTF-8 JSON).
///
/// With `enforceRFC7946` (the default) polygons are written with exterior rings counter-clockwise and
/// holes clockwise, and lines or polygons that cross the antimeridian are cut there into parts
/// (RFC 7946 §3.1.6, §3.1.9); a `crs` member is never written. Coordinates are rounded to
/// `precision` decimals (7 ≈ 1 cm on the ground). A plain value: thread-safe.
public struct GeoJSONWriter: Sendable {
    /// Decimals kept in coordinates, 0…15.
    public var precision: Int
    /// Write a `bbox` member on every feature and geometry object (and the collection).
    public var includeBBox: Bool
    /// Fix ring orientation and cut at the antimeridian before writing.
    public var enforceRFC7946: Bool

    public init(precision: Int = 7, includeBBox: Bool = false, enforceRFC7946: Bool = true) {
        self.precision = max(0, min(15, precision))
        self.includeBBox = includeBBox
        self.enforceRFC7946 = enforceRFC7946
    }

    /// The geometry as a GeoJSON geometry object. O(n).
    /// - Throws: `GeoJSONError` when a coordinate is NaN or infinite.
    public func encode(_ geometry: Geometry) throws(GeoJSONError) -> Data {
        var out: [UInt8] = []
        try appendGeometry(geometry, to: &out)
        return Data(out)
    }

    /// The feature as a GeoJSON Feature object. O(n).
    /// - Throws: `GeoJSONError` when a number is NaN or infinite.
    public func encode(_ feature: Feature) throws(GeoJSONError) -> Data {
        var out: [UInt8] = []
        try appendFeature(feature, to: &out)
        return Data(out)
    }

    /// The collection as a FeatureCollection, one feature per line. O(n).
    public func encode(_ collection: FeatureCollection) throws(GeoJSONError) -> Data {
        var out: [UInt8] = []
        var box: BoundingBox?
        out.append(contentsOf: #"{"type":"FeatureCollection""#.utf8)
        try appendForeign(collection.foreignMembers, reserved: Self.collectionMembers, to: &out)
        out.append(contentsOf: #","features":["#.utf8)
        for (k, f) in collection.features.enumerated() {
            out.append(contentsOf: k == 0 ? [0x0A] : [0x2C, 0x0A])
            try appendFeature(f, to: &out)
            if includeBBox, let b = f.geometry?.boundingBox { box == nil ? (box = b) : box!.extend(with: b) }
        }
        out.append(contentsOf: "\n]".utf8)
        if includeBBox, let box { try appendBBox(box, to: &out) } else if let b = collection.bbox { try appendNumbers(b, to: &out) }
        out.append(contentsOf: "}\n".utf8)
        return Data(out)
    }

    /// Any of the three top-level objects.
    public func encode(_ object: GeoJSONObject) throws(GeoJSONError) -> Data {
        switch object {
        case .geometry(let g): try encode(g)
        case .feature(let f): try encode(f)
        case .featureCollection(let c): try encode(c)
        }
    }

    // MARK: building blocks (shared with the streaming writer)

    func appendFeature(_ feature: Feature, to out: inout [UInt8]) throws(GeoJSONError) {
        out.append(contentsOf: #"{"type":"Feature""#.utf8)
        switch feature.id {
        case .string(let s)?: out.append(contentsOf: #","id":"#.utf8); appendString(s, to: &out)
        case .integer(let v)?: out.append(contentsOf: #","id":"#.utf8); appendInteger(v, to: &out)
        case .number(let d)?: out.append(contentsOf: #","id":"#.utf8); try appendDouble(d, to: &out)
        case nil: break
        }
        var geometry = feature.geometry
        if enforceRFC7946, let g = geometry { geometry = g.rfc7946Normalized() }
        if includeBBox, let box = geometry?.boundingBox { try appendBBox(box, to: &out) }
        else if let b = feature.bbox { try appendNumbers(b, to: &out) }
        out.append(contentsOf: #","geometry":"#.utf8)
        if let geometry { try appendGeometryObject(geometry, to: &out, bbox: false) } else { out.append(contentsOf: "null".utf8) }
        out.append(contentsOf: #","properties":"#.utf8)
        if let p = feature.properties { try appendObject(p, to: &out) } else { out.append(contentsOf: "null".utf8) }
        if !feature.foreignMembers.isEmpty { try appendForeign(feature.foreignMembers, reserved: Self.featureMembers, to: &out) }
        out.append(0x7D)
    }

    func appendGeometry(_ geometry: Geometry, to out: inout [UInt8]) throws(GeoJSONError) {
        try appendGeometryObject(enforceRFC7946 ? geometry.rfc7946Normalized() : geometry, to: &out, bbox: includeBBox)
    }

    private func appendGeometryObject(_ g: Geometry, to out: inout [UInt8], bbox: Bool) throws(GeoJSONError) {
        out.append(contentsOf: #"{"type":""#.utf8)
        out.append(contentsOf: g.typeName.utf8)
        out.append(0x22)
        if bbox, let box = g.boundingBox { try appendBBox(box, to: &out) }
        switch g {
        case .geometryCollection(let parts):
            out.append(contentsOf: #","geometries":["#.utf8)
            for (k, part) in parts.enumerated() {
                if k > 0 { out.append(0x2C) }
                try appendGeometryObject(part, to: &out, bbox: bbox)
            }
            out.append(0x5D)
        case .point(let p):
            out.append(contentsOf: #","coordinates":"#.utf8)
            try appendPosition(p, to: &out)
        case .multiPoint(let ps), .lineString(let ps):
            out.append(contentsOf: #","coordinates":"#.utf8)
            try appendPositions(ps, to: &out)
        case .multiLineString(let ls), .polygon(let ls):
            out.append(contentsOf: #","coordinates":["#.utf8)
            for (k, l) in ls.enumerated() {
                if k > 0 { out.append(0x2C) }
                try appendPositions(l, to: &out)
            }
            out.append(0x5D)
        case .multiPolygon(let polys):
            out.append(contentsOf: #","coordinates":["#.utf8)
            for (k, poly) in polys.enumerated() {
                if k > 0 { out.append(0x2C) }
                out.append(0x5B)
                for (r, ring) in poly.enumerated() {
                    if r > 0 { out.append(0x2C) }
                    try appendPositions(ring, to: &out)
                }
                out.append(0x5D)
            }
            out.append(0x5D)
        }
        out.append(0x7D)
    }

    private func appendPositions(_ ps: [Position], to out: inout [UInt8]) throws(GeoJSONError) {
        out.append(0x5B)
        for (k, p) in ps.enumerated() {
            if k > 0 { out.append(0x2C) }
            try appendPosition(p, to: &out)
        }
        out.append(0x5D)
    }

    @inline(__always) private func appendPosition(_ p: Position, to out: inout [UInt8]) throws(GeoJSONError) {
        out.append(0x5B)
        try appendFixed(p.longitude, to: &out)
        out.append(0x2C)
        try appendFixed(p.latitude, to: &out)
        if let a = p.altitude {
            out.append(0x2C)
            try appendFixed(a, to: &out)
        }
        out.append(0x5D)
    }

    private func appendBBox(_ b: BoundingBox, to out: inout [UInt8]) throws(GeoJSONError) {
        try appendNumbers([b.west, b.south, b.east, b.north], to: &out)
    }

    private func appendNumbers(_ values: [Double], to out: inout [UInt8]) throws(GeoJSONError) {
        out.append(contentsOf: #","bbox":["#.utf8)
        for (k, v) in values.enumerated() {
            if k > 0 { out.append(0x2C) }
            try appendFixed(v, to: &out)
        }
        out.append(0x5D)
    }

    private static let collectionMembers: Set<String> = ["type", "features", "bbox", "crs"]
    private static let featureMembers: Set<String> = ["type", "id", "bbox", "geometry", "properties", "crs"]

    private func appendForeign(_ members: JSONObject, reserved: Set<String>, to out: inout [UInt8]) throws(GeoJSONError) {
        for (key, value) in members where !reserved.contains(key) {
            out.append(0x2C)
            appendString(key, to: &out)
            out.append(0x3A)
            try appendValue(value, to: &out)
        }
    }

    // MARK: JSON values

    func appendObject(_ o: JSONObject, to out: inout [UInt8]) throws(GeoJSONError) {
        out.append(0x7B)
        var first = true
        for (key, value) in o {
            if !first { out.append(0x2C) }
            first = false
            appendString(key, to: &out)
            out.append(0x3A)
            try appendValue(value, to: &out)
        }
        out.append(0x7D)
    }

    func appendValue(_ v: JSONValue, to out: inout [UInt8]) throws(GeoJSONError) {
        switch v {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .integer(let i): appendInteger(i, to: &out)
        case .number(let d): try appendDouble(d, to: &out)
        case .string(let s): appendString(s, to: &out)
        case .object(let o): try appendObject(o, to: &out)
        case .array(let a):
            out.append(0x5B)
            for (k, e) in a.enumerated() {
                if k > 0 { out.append(0x2C) }
                try appendValue(e, to: &out)
            }
            out.append(0x5D)
        }
    }

    private static let powersOfTen: [Double] = (0...15).map { pow(10, Double($0)) }
    private static let integerPowersOfTen: [Int64] = (0...15).map { p in (0..<p).reduce(Int64(1)) { acc, _ in acc * 10 } }

    /// A coordinate rounded to `precision` decimals, trailing zeros dropped (`30.5`, `-0.0000001`).
    @inline(__always) func appendFixed(_ x: Double, to out: inout [UInt8]) throws(GeoJSONError) {
        guard x.isFinite else { throw Self.nonFinite() }
        let scaled = (x * Self.powersOfTen[precision]).rounded()
        guard abs(scaled) < 9.0e15 else { try appendDouble(x, to: &out); return }
        var n = Int64(scaled)
        if n == 0 { out.append(0x30); return }
        if n < 0 { out.append(0x2D); n = -n }
        let unit = Self.integerPowersOfTen[precision]
        appendInteger(n / unit, to: &out)
        var fraction = n % unit
        guard fraction != 0 else { return }
        var digits = precision
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        out.append(0x2E)
        // Leading zeros of the fraction, then its significant digits.
        var width = 1
        var f = fraction
        while f >= 10 { f /= 10; width += 1 }
        for _ in 0..<(digits - width) { out.append(0x30) }
        appendInteger(fraction, to: &out)
    }

    /// Shortest text that reads back as the same Double.
    func appendDouble(_ d: Double, to out: inout [UInt8]) throws(GeoJSONError) {
        guard d.isFinite else { throw Self.nonFinite() }
        if d == d.rounded(), abs(d) < 1e15 {
            appendInteger(Int64(d), to: &out)
            if d == 0 && d.sign == .minus { out.insert(0x2D, at: out.count - 1) }
            out.append(contentsOf: ".0".utf8)
            return
        }
        out.append(contentsOf: d.description.utf8)
    }

    static func nonFinite() -> GeoJSONError {
        GeoJSONError(source: "<output>", path: "", message: "cannot write NaN or Infinity: JSON has no non-finite numbers")
    }

    @inline(__always) func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value >= 0 && value < 10 { out.append(UInt8(value) + 0x30); return }
        if value == .min { out.append(contentsOf: "-9223372036854775808".utf8); return }
        var v = value
        if v < 0 { out.append(0x2D); v = -v }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            while v > 0 { buf[n] = UInt8(v % 10) + 0x30; v /= 10; n += 1 }
            for k in stride(from: n - 1, through: 0, by: -1) { out.append(buf[k]) }
        }
    }

    func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            for k in 0..<bytes.count {
                let b = bytes[k]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<k]))
                runStart = k + 1
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(0x22)
    }
}
