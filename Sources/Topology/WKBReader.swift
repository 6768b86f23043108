import GeoJSON

/// Reads Well-Known Binary into a `Geometry`, reporting the byte offset of the first problem.
///
/// Accepts either byte order per geometry, ISO type codes (1–7, +1000 Z, +2000 M, +3000 ZM) and the
/// extended flags used by PostGIS EWKB (Z 0x80000000, M 0x40000000, SRID 0x20000000; the SRID is
/// read and ignored). M values are read and dropped: `Position` has no measure. An empty point
/// (NaN, NaN) becomes an empty `.multiPoint`, as in the GEOS bridge. Counts are checked against
/// the bytes left before anything is allocated, and nesting is limited, so hostile input cannot
/// exhaust memory or the stack. O(n) in the input size.
struct WKBReader {
    private let bytes: [UInt8]
    private var offset = 0
    private static let maxDepth = 64

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func read() throws -> Geometry {
        let g = try geometry(depth: 0)
        if offset != bytes.count { throw error("\(bytes.count - offset) unexpected bytes after the geometry") }
        return g
    }

    private struct Header {
        var type: UInt32
        var hasZ: Bool
        var hasM: Bool
        var littleEndian: Bool
        var dimensions: Int { 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0) }
    }

    private func error(_ message: String, at position: Int? = nil) -> TopologyError {
        .parse(format: .wkb, offset: position ?? offset, message: message)
    }

    private mutating func header() throws -> Header {
        let start = offset
        guard offset < bytes.count else { throw error("unexpected end of data, expected a byte-order byte") }
        let order = bytes[offset]
        guard order <= 1 else { throw error("byte order must be 0 (big-endian) or 1 (little-endian), found \(order)") }
        offset += 1
        let little = order == 1
        var code = try uint32(little)
        var hasZ = code & 0x8000_0000 != 0, hasM = code & 0x4000_0000 != 0
        if code & 0x2000_0000 != 0 { _ = try uint32(little) }  // EWKB SRID, not used
        code &= 0x0FFF_FFFF
        switch code / 1000 {
        case 0: break
        case 1: hasZ = true
        case 2: hasM = true
        case 3: hasZ = true; hasM = true
        default: throw error("unknown geometry type code \(code)", at: start + 1)
        }
        let type = code % 1000
        guard (1...7).contains(type) else { throw error("unknown geometry type code \(code)", at: start + 1) }
        return Header(type: type, hasZ: hasZ, hasM: hasM, littleEndian: little)
    }

    private mutating func geometry(depth: Int) throws -> Geometry {
        guard depth <= Self.maxDepth else { throw error("geometry collections nested more than \(Self.maxDepth) deep") }
        let h = try header()
        switch h.type {
        case 1:
            let p = try position(h)
            return p.latitude.isNaN && p.longitude.isNaN ? .multiPoint([]) : .point(p)
        case 2: return .lineString(try positions(h))
        case 3: return .polygon(try rings(h))
        case 4:
            return .multiPoint(try parts(h, minimumSize: 21) { r in
                let partStart = r.offset
                let p = try r.position(r.partHeader(type: 1))
                if p.latitude.isNaN && p.longitude.isNaN {
                    throw r.error("an empty point inside a MultiPoint cannot be represented", at: partStart)
                }
                return p
            })
        case 5: return .multiLineString(try parts(h, minimumSize: 9) { r in try r.positions(r.partHeader(type: 2)) })
        case 6: return .multiPolygon(try parts(h, minimumSize: 9) { r in try r.rings(r.partHeader(type: 3)) })
        default: return .geometryCollection(try parts(h, minimumSize: 5) { r in try r.geometry(depth: depth + 1) })
        }
    }

    /// The header of a part of a multi-geometry, which must be of `type`.
    private mutating func partHeader(type: UInt32) throws -> Header {
        let start = offset
        let h = try header()
        guard h.type == type else { throw error("a part of type code \(h.type) where \(type) was expected", at: start) }
        return h
    }

    /// Reads a count and then that many parts, each at least `minimumSize` bytes.
    private mutating func parts<T>(_ h: Header, minimumSize: Int, _ part: (inout WKBReader) throws -> T) throws -> [T] {
        let n = try count(h, minimumSize: minimumSize)
        var result: [T] = []
        result.reserveCapacity(n)
        for _ in 0..<n { result.append(try part(&self)) }
        return result
    }

    private mutating func rings(_ h: Header) throws -> [[Position]] {
        let n = try count(h, minimumSize: 4)
        return try (0..<n).map { _ in try positions(h) }
    }

    private mutating func positions(_ h: Header) throws -> [Position] {
        let n = try count(h, minimumSize: 8 * h.dimensions)
        return try (0..<n).map { _ in try position(h) }
    }

    private mutating func position(_ h: Header) throws -> Position {
        let x = try double(h.littleEndian), y = try double(h.littleEndian)
        var z: Double?
        if h.hasZ { z = try double(h.littleEndian) }
        if h.hasM { _ = try double(h.littleEndian) }
        return Position(latitude: y, longitude: x, altitude: z.flatMap { $0.isNaN ? nil : $0 })
    }

    /// A uint32 count, checked against the bytes left so that a corrupt count fails before allocating.
    private mutating func count(_ h: Header, minimumSize: Int) throws -> Int {
        let start = offset
        let n = Int(try uint32(h.littleEndian))
        guard n.multipliedReportingOverflow(by: minimumSize).partialValue <= bytes.count - offset else {
            throw error("count \(n) needs more bytes than the \(bytes.count - offset) left", at: start)
        }
        return n
    }

    private mutating func uint32(_ little: Bool) throws -> UInt32 {
        guard bytes.count - offset >= 4 else { throw error("unexpected end of data, expected a 4-byte integer") }
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[offset + i]) << (8 * i) }
        offset += 4
        return little ? v : v.byteSwapped
    }

    private mutating func double(_ little: Bool) throws -> Double {
        guard bytes.count - offset >= 8 else { throw error("unexpected end of data, expected an 8-byte number") }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[offset + i]) << (8 * i) }
        offset += 8
        return Double(bitPattern: little ? v : v.byteSwapped)
    }
}
