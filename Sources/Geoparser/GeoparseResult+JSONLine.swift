extension GeoparseResult {
    /// The identifier of a JSON Lines record: the input line's `id`, or a number.
    public enum RecordID: Sendable, Hashable {
        case string(String)
        case number(Int64)
    }

    /// The mention-level record of the evaluation format, as one line of UTF-8 JSON with its line
    /// feed: `{"id":…,"toponyms":[{"end","kind","lat","lon","name","place_id","score","start"}]}`,
    /// members in that (sorted) order, absent ones left out (a mention without a place has no
    /// `kind`, `lat`, `lon` or `place_id`). With `demonyms`, nationality words are listed among
    /// the toponyms (kind `demonym`), in text order.
    ///
    /// Written directly into bytes: the same text `JSONEncoder` writes with `.sortedKeys` and
    /// `.withoutEscapingSlashes` (numbers in Swift's shortest form without a trailing `.0`;
    /// strings with `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t` and `\u00XX` escapes), several times
    /// faster. Nil when a number is not finite (JSON has none; `JSONEncoder` refuses the record
    /// too), which the scores (0…1) and coordinates (degrees) never are. O(size of the record).
    /// Thread-safe.
    public func jsonLine(id: RecordID, demonyms: Bool) -> [UInt8]? {
        var mentions = toponyms
        if demonyms { mentions = (mentions + self.demonyms).sorted { $0.start < $1.start } }
        var out: [UInt8] = []
        out.reserveCapacity(32 + 160 * mentions.count)
        out.append(contentsOf: #"{"id":"#.utf8)
        switch id {
        case .string(let s): JSONText.appendString(s, to: &out)
        case .number(let n): out.append(contentsOf: String(n).utf8)
        }
        out.append(contentsOf: #","toponyms":["#.utf8)
        for m in mentions {
            guard m.score.isFinite, m.place.map({ $0.location.latitude.isFinite && $0.location.longitude.isFinite }) ?? true else {
                return nil
            }
        }
        for (k, m) in mentions.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"end":"#.utf8)
            out.append(contentsOf: String(m.end).utf8)
            let kind = m.kind == .demonym ? "demonym" : m.place?.kind.rawValue
            if let kind {
                out.append(contentsOf: #","kind":"#.utf8)
                JSONText.appendString(kind, to: &out)
            }
            if let p = m.place {
                out.append(contentsOf: #","lat":"#.utf8)
                JSONText.appendNumber(p.location.latitude, to: &out)
                out.append(contentsOf: #","lon":"#.utf8)
                JSONText.appendNumber(p.location.longitude, to: &out)
            }
            out.append(contentsOf: #","name":"#.utf8)
            JSONText.appendString(m.text, to: &out)
            if let p = m.place {
                out.append(contentsOf: #","place_id":"#.utf8)
                JSONText.appendString(p.id, to: &out)
            }
            out.append(contentsOf: #","score":"#.utf8)
            JSONText.appendNumber(m.score, to: &out)
            out.append(contentsOf: #","start":"#.utf8)
            out.append(contentsOf: String(m.start).utf8)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: "]}\n".utf8)
        return out
    }
}

/// JSON text written the way Foundation's `JSONEncoder` writes it.
enum JSONText {
    private static let hex = Array("0123456789abcdef".utf8)

    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Swift's shortest round-tripping form, without the `.0` of a whole number ("100", "50.4547",
    /// "1e-07", "1e+16"). `d` must be finite.
    static func appendNumber(_ d: Double, to out: inout [UInt8]) {
        var text = d.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        out.append(contentsOf: text.utf8)
    }
}
