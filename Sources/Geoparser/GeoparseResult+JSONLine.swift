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
        JSONText.append(#"{"id":"#, to: &out)
        switch id {
        case .string(let s): JSONText.appendString(s, to: &out)
        case .number(let n): out.append(contentsOf: String(n).utf8)
        }
        JSONText.append(#","toponyms":["#, to: &out)
        for m in mentions {
            guard m.score.isFinite, m.place.map({ $0.location.latitude.isFinite && $0.location.longitude.isFinite }) ?? true else {
                return nil
            }
        }
        for (k, m) in mentions.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.append(#"{"end":"#, to: &out)
            JSONText.appendInteger(m.end, to: &out)
            let kind = m.kind == .demonym ? "demonym" : m.place?.kind.rawValue
            if let kind {
                JSONText.append(#","kind":"#, to: &out)
                JSONText.appendString(kind, to: &out)
            }
            if let p = m.place {
                JSONText.append(#","lat":"#, to: &out)
                JSONText.appendNumber(p.location.latitude, to: &out)
                JSONText.append(#","lon":"#, to: &out)
                JSONText.appendNumber(p.location.longitude, to: &out)
            }
            JSONText.append(#","name":"#, to: &out)
            JSONText.appendString(m.text, to: &out)
            if let p = m.place {
                JSONText.append(#","place_id":"#, to: &out)
                JSONText.appendString(p.id, to: &out)
            }
            JSONText.append(#","score":"#, to: &out)
            JSONText.appendNumber(m.score, to: &out)
            JSONText.append(#","start":"#, to: &out)
            JSONText.appendInteger(m.start, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        JSONText.append("]}\n", to: &out)
        return out
    }
}

/// JSON text written the way Foundation's `JSONEncoder` writes it.
enum JSONText {
    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends the bytes of a literal: copied from the binary in one go, where appending a
    /// `String.UTF8View` goes through the generic sequence path (about 170 instructions each).
    @inline(__always)
    static func append(_ literal: StaticString, to out: inout [UInt8]) {
        literal.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Appends `n` in decimal, as `String(n)` writes it, without making the string.
    static func appendInteger(_ n: Int, to out: inout [UInt8]) {
        guard n >= 0 else { out.append(contentsOf: String(n).utf8); return }
        var digits = 1
        var rest = n / 10
        while rest > 0 { digits += 1; rest /= 10 }
        let end = out.count + digits
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var v = n
        for k in stride(from: end - 1, through: end - digits, by: -1) {
            out[k] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
        }
    }

    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings (names, ids) need no escape: their bytes are then copied in one go.
        var text = s
        let plain = text.withUTF8 { utf8 in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            out.append(contentsOf: utf8)
            return true
        }
        if plain {
            out.append(UInt8(ascii: "\""))
            return
        }
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): append(#"\""#, to: &out)
            case UInt8(ascii: "\\"): append(#"\\"#, to: &out)
            case 0x08: append(#"\b"#, to: &out)
            case 0x0C: append(#"\f"#, to: &out)
            case 0x0A: append(#"\n"#, to: &out)
            case 0x0D: append(#"\r"#, to: &out)
            case 0x09: append(#"\t"#, to: &out)
            case 0..<0x20:
                append(#"\u00"#, to: &out)
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
