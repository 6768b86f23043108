internal import CGEOS
import GeoJSON

// Well-Known Text and Binary. Reading is done in Swift (WKTReader, WKBReader) so that errors carry the
// offset where the input goes wrong. WKB output goes through GEOS's writer (ISO, little-endian); the buffer
// GEOS allocates is released with GEOSFree_r, never Swift's allocator. WKT is written here, because
// GEOS 3.11's trimmed WKT loses digits of very small numbers.

extension Geometry {
    /// Reads Well-Known Text, e.g. `POLYGON ((30 10, 40 40, 20 40, 30 10))` (x is longitude, y latitude).
    /// Accepts Z, M and ZM forms (M is dropped) and an EWKT `SRID=n;` prefix (ignored). Does not check
    /// planar validity (use `validity()`). O(n).
    /// - Throws: `TopologyError.parse(format: .wkt, offset:message:)` with the 0-based offset of the
    ///   first problem.
    public init(wkt: String) throws {
        var reader = WKTReader(wkt)
        self = try reader.read()
    }

    /// Reads Well-Known Binary (ISO or extended/EWKB, either byte order, per part). M is dropped, an
    /// EWKB SRID ignored. Does not check planar validity (use `validity()`). O(n).
    /// - Throws: `TopologyError.parse(format: .wkb, offset:message:)` with the 0-based byte offset of
    ///   the first problem.
    public init(wkb: [UInt8]) throws {
        var reader = WKBReader(wkb)
        self = try reader.read()
    }

    /// The geometry as Well-Known Text, e.g. `POLYGON ((30 10, 40 40, 20 40, 30 10))`: x is longitude,
    /// y latitude. A geometry with any altitude is written with `Z`, a missing altitude as `NaN`.
    /// Numbers are the shortest decimals that read back to the same doubles (GEOS 3.11's own writer
    /// rounds tiny values to 0), so `Geometry(wkt:)` gives back exactly this value. An empty
    /// `.multiPoint` is written `MULTIPOINT EMPTY`. Never fails: no GEOS call is needed. O(n).
    public var wkt: String {
        var out = ""
        WKTWriter.write(self, to: &out)
        return out
    }

    /// The geometry as ISO Well-Known Binary, little-endian (NDR), Z written when present.
    /// - Throws: `TopologyError.malformed` for geometries GEOS cannot build, `.library` if GEOS fails.
    public func wkb() throws -> [UInt8] {
        try withGEOS { context, g in
            let writer = try context.wkbWriterHandle()
            var size = 0
            // GEOSWKBWriter_write_r returns a GEOS-allocated buffer, NULL on exception.
            guard let bytes = GEOSWKBWriter_write_r(context.handle, writer, g.pointer, &size) else {
                throw context.failure("GEOSWKBWriter_write_r")
            }
            defer { GEOSFree_r(context.handle, bytes) }
            return Array(UnsafeBufferPointer(start: bytes, count: size))
        }
    }
}

/// Writes WKT with exact shortest decimals.
private enum WKTWriter {
    static func write(_ g: Geometry, to out: inout String) {
        let hasZ = g.hasAltitude
        out += g.typeName.uppercased()
        if hasZ { out += " Z" }
        if g.isEmpty { out += " EMPTY"; return }
        out += " "
        switch g {
        case .point(let p): out += "("; position(p, hasZ, &out); out += ")"
        case .multiPoint(let ps): list(ps, &out) { p, o in o += "("; position(p, hasZ, &o); o += ")" }
        case .lineString(let ps): positions(ps, hasZ, &out)
        case .multiLineString(let ls): list(ls, &out, empty: \.isEmpty) { l, o in positions(l, hasZ, &o) }
        case .polygon(let rs): rings(rs, hasZ, &out)
        case .multiPolygon(let polys): list(polys, &out, empty: \.isEmpty) { rs, o in rings(rs, hasZ, &o) }
        case .geometryCollection(let gs): list(gs, &out) { g, o in write(g, to: &o) }
        }
    }

    /// `(item, item, …)`, writing `EMPTY` for the members that `empty` says are empty.
    private static func list<T>(_ items: [T], _ out: inout String, empty: (T) -> Bool = { _ in false },
                                _ item: (T, inout String) -> Void) {
        out += "("
        for (i, x) in items.enumerated() {
            if i > 0 { out += ", " }
            if empty(x) { out += "EMPTY" } else { item(x, &out) }
        }
        out += ")"
    }

    private static func rings(_ rs: [[Position]], _ hasZ: Bool, _ out: inout String) {
        list(rs, &out, empty: \.isEmpty) { r, o in positions(r, hasZ, &o) }
    }

    private static func positions(_ ps: [Position], _ hasZ: Bool, _ out: inout String) {
        list(ps, &out) { p, o in position(p, hasZ, &o) }
    }

    private static func position(_ p: Position, _ hasZ: Bool, _ out: inout String) {
        number(p.longitude, &out)
        out += " "
        number(p.latitude, &out)
        if hasZ { out += " "; number(p.altitude ?? .nan, &out) }
    }

    /// Swift's shortest round-trip form, without the `.0` of integral values.
    private static func number(_ x: Double, _ out: inout String) {
        if x.isNaN { out += "NaN"; return }
        let s = x.description
        out += s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    }
}

extension Geometry {
    /// True when any position has an altitude.
    var hasAltitude: Bool {
        var found = false
        forEachPosition { if $0.altitude != nil { found = true } }
        return found
    }
}
