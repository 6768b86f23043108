import Foundation

/// A whole data file read into memory as bytes, with the byte-level helpers the loaders share.
/// Immutable after reading: safe to share between threads.
struct TSVFile: @unchecked Sendable {
    let label: String
    /// The file's bytes, valid as long as `mapping` lives.
    let bytes: UnsafeBufferPointer<UInt8>
    let mapping: MappedFile
    /// Offset of the first data line (after the header).
    let bodyStart: Int

    /// Maps `url` and checks that its header row is exactly `columns` (tab-separated).
    /// Throws `GazetteerError` when the file is missing, unreadable, or has another header.
    init(url: URL, columns: [String]) throws {
        label = url.lastPathComponent
        let path = url.path
        mapping = try MappedFile(path: path)
        bytes = mapping.bytes
        guard let newline = bytes.firstIndex(of: 0x0A) else {
            throw GazetteerError(file: path, line: 1, message: "no header line")
        }
        let header = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<newline]), as: UTF8.self)
        let expected = columns.joined(separator: "\t")
        guard header == expected else {
            throw GazetteerError(file: path, line: 1, message: "header is \"\(header)\", expected \"\(expected)\"")
        }
        guard bytes.count < Int(UInt32.max) else { throw GazetteerError(file: path, message: "larger than 4 GiB") }
        bodyStart = newline + 1
    }

    /// Splits the body into about `parts` ranges that start and end at line boundaries.
    func chunks(_ parts: Int) -> [Range<Int>] {
        let end = bytes.count
        guard end > bodyStart else { return [] }
        var result: [Range<Int>] = []
        var start = bodyStart
        let step = max(1, (end - bodyStart) / max(1, parts))
        while start < end {
            var cut = min(end, start + step)
            while cut < end && bytes[cut - 1] != 0x0A { cut += 1 }
            result.append(start..<cut)
            start = cut
        }
        return result
    }

    /// Number of the line containing byte `offset` (1-based), for error messages. O(n).
    func lineNumber(at offset: Int) -> Int {
        var line = 1
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A { line += 1 }
        return line
    }

    /// The text of a byte range.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Splits one line (without its newline) into its tab-separated field ranges.
    static func fields(of line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        pieces(of: line, in: bytes, separatedBy: 0x09)
    }

    /// The ranges between occurrences of `separator` in `bytes[range]`, empty ones included (as
    /// `split(separator:omittingEmptySubsequences: false)` gives).
    /// The separators are found with `memchr`, many bytes at a time: the region and district files
    /// are split into lines at every load.
    static func pieces(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, separatedBy separator: UInt8) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        if let base = bytes.baseAddress {
            while start < range.upperBound, let hit = memchr(base + start, Int32(separator), range.upperBound - start) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                result.append(start..<i)
                start = i + 1
            }
        }
        result.append(start..<range.upperBound)
        return result
    }

    /// A decimal number such as `-12.3456` or `1e3`, or nil. Exact for up to 15 significant
    /// digits without an exponent (an integer mantissa divided by an exact power of ten is
    /// correctly rounded); other forms go through `strtod`.
    static func parseDouble(_ r: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !r.isEmpty else { return nil }
        var i = r.lowerBound
        var negative = false
        if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if bytes[i] == UInt8(ascii: "+") { i += 1 }
        var mantissa: UInt64 = 0, digits = 0, fraction = 0, seenPoint = false, simple = true
        while i < r.upperBound {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt64(b - 0x30)
                digits += 1
                if seenPoint { fraction += 1 }
            } else if b == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                simple = false
                break
            }
            i += 1
        }
        if simple && digits > 0 && digits <= 15 {
            let v = Double(mantissa) / pow10[fraction]
            return negative ? -v : v
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
        guard let v = Double(text), v.isFinite else { return nil }
        return v
    }

    private static let pow10: [Double] = (0...22).map { pow(10.0, Double($0)) }

    /// A non-negative decimal integer, or nil.
    static func parseInt(_ r: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !r.isEmpty, r.count <= 18 else { return nil }
        var v = 0
        for i in r {
            let b = bytes[i]
            guard b >= 0x30 && b <= 0x39 else { return nil }
            v = v * 10 + Int(b - 0x30)
        }
        return v
    }
}
