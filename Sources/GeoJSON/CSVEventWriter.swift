import Foundation

/// Writes features as CSV rows (RFC 4180, comma-delimited, CRLF-free `\n` line ends, UTF-8 without BOM).
///
/// Columns are fixed when the writer is made: the given property names, then `latitude` and `longitude`
/// unless already among them. A point geometry fills the latitude/longitude columns (overriding
/// properties of those names); other geometries leave them empty and are counted in
/// `rowsWithoutPoint`. Strings are written as is, numbers in their shortest form, booleans as
/// `true`/`false`, null as an empty field, arrays and objects as JSON. Fields holding the delimiter,
/// quotes, line breaks or edge spaces are quoted. Output to a path is atomic (see `GeoJSONFeatureWriter`).
/// Not thread-safe.
public final class CSVEventWriter {
    /// The header written: the property columns, then `latitude`/`longitude` when missing.
    public let columns: [String]
    /// Rows written so far.
    public private(set) var count = 0
    /// Rows whose geometry was not a point (their latitude/longitude fields are empty).
    public private(set) var rowsWithoutPoint = 0
    private let sink: ByteSink
    private let json = GeoJSONWriter(precision: 7, enforceRFC7946: false)
    private let latColumn: Int
    private let lonColumn: Int
    private var finished = false

    /// Writes atomically to `path`.
    /// - Throws: `GeoJSONError` when the temporary file cannot be created.
    public init(path: String, propertyColumns: [String]) throws(GeoJSONError) {
        sink = try ByteSink(atomicPath: path)
        (columns, latColumn, lonColumn) = Self.layout(propertyColumns)
        writeHeader()
    }

    /// Writes to an open handle (e.g. standard output), which stays open.
    public init(fileHandle: FileHandle, label: String = "<stdout>", propertyColumns: [String]) {
        sink = ByteSink(fileDescriptor: fileHandle.fileDescriptor, label: label)
        (columns, latColumn, lonColumn) = Self.layout(propertyColumns)
        writeHeader()
    }

    private static func layout(_ properties: [String]) -> ([String], Int, Int) {
        var cols = properties
        let lower = cols.map { $0.lowercased() }
        let lat = lower.firstIndex(of: "latitude") ?? lower.firstIndex(of: "lat") ?? { cols.append("latitude"); return cols.count - 1 }()
        let lon = cols.map { $0.lowercased() }.firstIndex(of: "longitude") ?? lower.firstIndex(of: "lon") ?? lower.firstIndex(of: "lng")
            ?? { cols.append("longitude"); return cols.count - 1 }()
        return (cols, lat, lon)
    }

    private func writeHeader() {
        for (k, c) in columns.enumerated() {
            if k > 0 { sink.buffer.append(0x2C) }
            appendField(c)
        }
        sink.buffer.append(0x0A)
    }

    /// Appends one row.
    /// - Throws: `GeoJSONError` for a non-finite number or a write failure.
    public func write(_ feature: Feature) throws(GeoJSONError) {
        precondition(!finished, "write after finish")
        var point: Position?
        if case .point(let p)? = feature.geometry { point = p } else { rowsWithoutPoint += 1 }
        for (k, name) in columns.enumerated() {
            if k > 0 { sink.buffer.append(0x2C) }
            if k == latColumn || k == lonColumn {
                if let point {
                    try json.appendFixed(k == latColumn ? point.latitude : point.longitude, to: &sink.buffer)
                    continue
                }
                if feature.geometry != nil { continue }
            }
            switch feature.properties?[name] {
            case nil, .null?: break
            case .string(let s)?: appendField(s)
            case .integer(let i)?: json.appendInteger(i, to: &sink.buffer)
            case .number(let d)?: try json.appendDouble(d, to: &sink.buffer)
            case .bool(let b)?: sink.buffer.append(contentsOf: (b ? "true" : "false").utf8)
            case let v?:
                var text: [UInt8] = []
                try json.appendValue(v, to: &text)
                appendField(String(decoding: text, as: UTF8.self))
            }
        }
        sink.buffer.append(0x0A)
        count += 1
        try sink.flushIfFull()
    }

    private func appendField(_ s: String) {
        let needsQuotes = s.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || s.first == " " || s.last == " "
        guard needsQuotes else { sink.buffer.append(contentsOf: s.utf8); return }
        sink.buffer.append(0x22)
        for b in s.utf8 {
            if b == 0x22 { sink.buffer.append(0x22) }
            sink.buffer.append(b)
        }
        sink.buffer.append(0x22)
    }

    /// Flushes and moves the file into place.
    public func finish() throws(GeoJSONError) {
        guard !finished else { return }
        finished = true
        do { try sink.commit() } catch { sink.abort(); throw error }
    }

    /// Abandons the output; the destination is left as it was.
    public func cancel() {
        finished = true
        sink.abort()
    }
}
