import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits RFC 4180 CSV into records, reading in 1 MiB chunks: quoted fields may hold the delimiter,
/// doubled quotes and line breaks; CRLF and LF both end records; a UTF-8 BOM is skipped. Records
/// remember the line they start on. Not thread-safe.
final class CSVRecordReader {
    let source: String
    private let fd: Int32
    private let ownsFD: Bool
    private var chunk: [UInt8]
    private var chunkPos = 0
    private var eof = false
    private var line = 1
    private var started = false
    var delimiter: UInt8

    init(fileDescriptor: Int32, ownsFileDescriptor: Bool, source: String, delimiter: UInt8) {
        fd = fileDescriptor
        ownsFD = ownsFileDescriptor
        self.source = source
        self.delimiter = delimiter
        chunk = []
    }

    init(data: Data, source: String, delimiter: UInt8) {
        fd = -1
        ownsFD = false
        self.source = source
        self.delimiter = delimiter
        chunk = [UInt8](data)
        eof = true
    }

    deinit { if ownsFD { close(fd) } }

    private func fill() throws(GeoJSONError) -> Bool {
        if chunkPos < chunk.count { return true }
        if eof { return false }
        chunk = [UInt8](repeating: 0, count: 1 << 20)
        chunkPos = 0
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n > 0 { chunk.removeSubrange(n...); return true }
            if n == 0 { eof = true; chunk = []; return false }
            if errno == EINTR { continue }
            throw GeoJSONError(source: source, line: line, path: "", message: "read failed: \(String(cString: strerror(errno)))")
        }
    }

    /// The bytes up to the first line break, without consuming them (to sniff the delimiter).
    func peekFirstLine() throws(GeoJSONError) -> [UInt8] {
        _ = try fill()
        var end = chunkPos
        while end < chunk.count && chunk[end] != 0x0A { end += 1 }
        return Array(chunk[chunkPos..<end])
    }

    /// The next record's fields and its first line, or nil at the end of input.
    /// - Throws: `GeoJSONError` for a quote left open at the end of the input, or a read failure.
    func next() throws(GeoJSONError) -> (fields: [String], line: Int)? {
        if !started {
            started = true
            if try fill(), chunk.count - chunkPos >= 3, chunk[chunkPos] == 0xEF, chunk[chunkPos + 1] == 0xBB, chunk[chunkPos + 2] == 0xBF {
                chunkPos += 3
            }
        }
        guard try fill() else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quotedField = false
        var afterQuote = false
        while try fill() {
            let b = chunk[chunkPos]
            chunkPos += 1
            if inQuotes {
                if b == 0x22 {
                    inQuotes = false
                    afterQuote = true
                } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                }
                continue
            }
            if afterQuote && b == 0x22 { // "" inside quotes is one quote
                field.append(0x22)
                inQuotes = true
                afterQuote = false
                continue
            }
            afterQuote = false
            switch b {
            case delimiter:
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                quotedField = false
            case 0x0D:
                continue // CRLF line ends; a bare CR outside quotes carries no data
            case 0x0A:
                line += 1
                fields.append(String(decoding: field, as: UTF8.self))
                return (fields, startLine)
            case 0x22 where field.isEmpty && !quotedField:
                inQuotes = true
                quotedField = true
            default:
                field.append(b)
            }
        }
        if inQuotes {
            throw GeoJSONError(source: source, line: startLine, path: "", message: "a quoted field opened on line \(startLine) is never closed")
        }
        fields.append(String(decoding: field, as: UTF8.self))
        if fields.count == 1 && fields[0].isEmpty { return nil }
        return (fields, startLine)
    }
}
