import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A row of an event CSV that could not be placed, with its line number.
public struct CSVIssue: Sendable, Equatable, CustomStringConvertible {
    /// The file name or other label of the input.
    public var source: String
    /// 1-based line on which the row starts.
    public var line: Int
    /// The column concerned, when one is.
    public var column: String?
    /// What is wrong, in a short sentence.
    public var message: String
    /// True when the row was still returned (with a null geometry, for geocoding by place name).
    public var rowKept: Bool

    public init(source: String, line: Int, column: String?, message: String, rowKept: Bool) {
        self.source = source; self.line = line; self.column = column; self.message = message; self.rowKept = rowKept
    }

    /// One line: `source:line: column: message`.
    public var description: String {
        "\(source):\(line): " + (column.map { "\($0): " } ?? "") + message + (rowKept ? " (row kept for geocoding)" : " (row skipped)")
    }
}

/// Options for reading events from CSV.
public struct CSVEventOptions: Sendable {
    /// Field delimiter; nil detects `,`, `;` or tab from the header line.
    public var delimiter: Character?
    /// Header of the latitude column; nil detects `latitude`, `lat`, `y` (any case).
    public var latitudeColumn: String?
    /// Header of the longitude column; nil detects `longitude`, `lon`, `lng`, `long`, `x` (any case).
    public var longitudeColumn: String?
    /// Headers naming a place, checked in order, for rows without coordinates.
    public var placeColumns: [String]

    public init(delimiter: Character? = nil, latitudeColumn: String? = nil, longitudeColumn: String? = nil,
                placeColumns: [String] = ["location", "place", "place_name", "placename", "city", "town", "village", "name", "admin3", "admin2", "admin1"]) {
        self.delimiter = delimiter
        self.latitudeColumn = latitudeColumn
        self.longitudeColumn = longitudeColumn
        self.placeColumns = placeColumns
    }
}

/// Reads events from CSV with a header row — ACLED exports (`event_id_cnty, event_date, event_type,
/// country, admin1, location, latitude, longitude, geo_precision, notes, …`) or any table with
/// latitude/longitude (or y/x) columns — as point features, one row at a time.
///
/// Every column becomes a string property, in header order (values are kept as written: `00123`
/// stays `00123`). `event_id_cnty` (or `id`) becomes the feature id. A row whose coordinates are
/// missing or unreadable, or outside ±90°/±180°, is reported in `issues` with its line number; if it
/// names a place it is still returned with a null geometry so that the gazetteer can geocode it later,
/// otherwise it is skipped. In files delimited by `;` or tab a decimal comma (`50,45`) is accepted.
/// Memory is bounded by one row plus a 1 MiB buffer. Not thread-safe.
public final class CSVEventReader {
    /// The label used in issues and errors.
    public let source: String
    /// The header row.
    public private(set) var columns: [String] = []
    /// Rows that could not be placed, in input order.
    public private(set) var issues: [CSVIssue] = []
    /// The detected (or given) delimiter.
    public private(set) var delimiter: Character = ","
    private let records: CSVRecordReader
    private let options: CSVEventOptions
    private var latIndex: Int?
    private var lonIndex: Int?
    private var idIndex: Int?
    private var placeIndices: [Int] = []
    private var headerRead = false

    /// Reads a file.
    /// - Throws: `GeoJSONError` when it cannot be opened.
    public convenience init(contentsOf url: URL, options: CSVEventOptions = CSVEventOptions()) throws(GeoJSONError) {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw GeoJSONError(source: url.relativePath, path: "", message: "cannot open: \(String(cString: strerror(errno)))") }
        self.init(records: CSVRecordReader(fileDescriptor: fd, ownsFileDescriptor: true, source: url.relativePath, delimiter: 0x2C), options: options)
    }

    /// Reads an open handle such as standard input; the handle stays open.
    public convenience init(fileHandle: FileHandle, source: String, options: CSVEventOptions = CSVEventOptions()) {
        self.init(records: CSVRecordReader(fileDescriptor: fileHandle.fileDescriptor, ownsFileDescriptor: false, source: source, delimiter: 0x2C), options: options)
    }

    /// Reads bytes in memory.
    public convenience init(data: Data, source: String = "<data>", options: CSVEventOptions = CSVEventOptions()) {
        self.init(records: CSVRecordReader(data: data, source: source, delimiter: 0x2C), options: options)
    }

    init(records: CSVRecordReader, options: CSVEventOptions) {
        self.records = records
        self.options = options
        self.source = records.source
    }

    private func readHeader() throws(GeoJSONError) {
        headerRead = true
        if let d = options.delimiter, let a = d.asciiValue {
            records.delimiter = a
        } else {
            let first = try records.peekFirstLine()
            var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
            var quoted = false
            for b in first {
                if b == 0x22 { quoted.toggle() } else if !quoted, counts[b] != nil { counts[b]! += 1 }
            }
            // Ties favour the comma, then the semicolon.
            records.delimiter = [0x2C, 0x3B, 0x09].max { counts[$0]! < counts[$1]! }!
            if counts[records.delimiter] == 0 { records.delimiter = 0x2C }
        }
        delimiter = Character(UnicodeScalar(records.delimiter))
        guard let header = try records.next() else { throw GeoJSONError(source: source, line: 1, path: "", message: "empty CSV: no header row") }
        columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let lower = columns.map { $0.lowercased() }
        func find(_ given: String?, _ names: [String]) -> Int? {
            if let given { return lower.firstIndex(of: given.lowercased()) }
            for n in names { if let k = lower.firstIndex(of: n) { return k } }
            return nil
        }
        latIndex = find(options.latitudeColumn, ["latitude", "lat", "y"])
        lonIndex = find(options.longitudeColumn, ["longitude", "lon", "lng", "long", "x"])
        if options.latitudeColumn != nil && latIndex == nil || options.longitudeColumn != nil && lonIndex == nil {
            throw GeoJSONError(source: source, line: 1, path: "", message: "the header has no column \(latIndex == nil ? options.latitudeColumn! : options.longitudeColumn!)")
        }
        idIndex = find(nil, ["event_id_cnty", "id"])
        placeIndices = options.placeColumns.compactMap { lower.firstIndex(of: $0.lowercased()) }
    }

    /// The next event as a feature (a Point, or null geometry for a row kept for geocoding), or nil at the end.
    /// - Throws: `GeoJSONError` when the input cannot be read or a quote is never closed.
    public func next() throws(GeoJSONError) -> Feature? {
        if !headerRead { try readHeader() }
        while let record = try records.next() {
            var fields = record.fields
            if fields.count == 1 && fields[0].isEmpty { continue } // blank line
            if fields.count != columns.count {
                issues.append(CSVIssue(source: source, line: record.line, column: nil,
                                       message: "row has \(fields.count) fields but the header has \(columns.count)", rowKept: fields.count < columns.count))
                if fields.count > columns.count { continue }
                fields += Array(repeating: "", count: columns.count - fields.count)
            }
            var properties: [(String, JSONValue)] = []
            properties.reserveCapacity(columns.count)
            for (k, name) in columns.enumerated() { properties.append((name, .string(fields[k]))) }
            let id = idIndex.flatMap { fields[$0].isEmpty ? nil : FeatureID.string(fields[$0]) }
            let feature = Feature(id: id, geometry: nil, properties: JSONObject(uniqueMembers: properties))
            switch placement(fields) {
            case .success(let p):
                return Feature(id: id, geometry: .point(p), properties: feature.properties)
            case .failure(let problem):
                let hasPlace = placeIndices.contains { !fields[$0].trimmingCharacters(in: .whitespaces).isEmpty }
                let message = problem.column == nil && !hasPlace ? problem.message + " and no place name" : problem.message
                issues.append(CSVIssue(source: source, line: record.line, column: problem.column, message: message, rowKept: hasPlace))
                if hasPlace { return feature }
            }
        }
        return nil
    }

    /// Calls `body` on every remaining event.
    public func forEach(_ body: (Feature) throws -> Void) throws {
        while let f = try next() { try body(f) }
    }

    private struct Problem: Error {
        var column: String?
        var message: String
    }

    private func placement(_ fields: [String]) -> Result<Position, Problem> {
        guard let latIndex, let lonIndex else { return .failure(Problem(column: nil, message: "no latitude/longitude columns")) }
        let latText = fields[latIndex].trimmingCharacters(in: .whitespaces)
        let lonText = fields[lonIndex].trimmingCharacters(in: .whitespaces)
        if latText.isEmpty && lonText.isEmpty { return .failure(Problem(column: nil, message: "no coordinates")) }
        guard let lat = number(latText) else { return .failure(Problem(column: columns[latIndex], message: "latitude \"\(latText)\" is not a number")) }
        guard let lon = number(lonText) else { return .failure(Problem(column: columns[lonIndex], message: "longitude \"\(lonText)\" is not a number")) }
        if abs(lat) > 90 {
            let hint = abs(lon) <= 90 && abs(lat) <= 180 ? " (are latitude and longitude swapped?)" : ""
            return .failure(Problem(column: columns[latIndex], message: "latitude \(latText) is outside ±90°" + hint))
        }
        if abs(lon) > 180 { return .failure(Problem(column: columns[lonIndex], message: "longitude \(lonText) is outside ±180°")) }
        return .success(Position(latitude: lat, longitude: lon))
    }

    /// A finite decimal number; a decimal comma is accepted when the delimiter is not a comma.
    private func number(_ text: String) -> Double? {
        var t = text
        if records.delimiter != 0x2C, !t.contains("."), t.filter({ $0 == "," }).count == 1 { t = t.replacingOccurrences(of: ",", with: ".") }
        guard !t.isEmpty, t.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45 }),
              let d = Double(t), d.isFinite else { return nil }
        return d
    }
}
