import GeoJSON

/// Minimal JSON text for the viewer's embedded data. Safe inside an HTML `<script>` element: `<`,
/// `>`, `&` and the JavaScript line separators are written as `\u` escapes, so no text can close
/// the element early. Member order is kept; output is deterministic.
struct JSONText {
    var text = ""

    mutating func raw(_ s: String) { text += s }

    mutating func string(_ s: String) {
        text += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                text += "\\u" + hex4(scalar.value)
            default:
                if scalar.value < 0x20 { text += "\\u" + hex4(scalar.value) } else { text.unicodeScalars.append(scalar) }
            }
        }
        text += "\""
    }

    mutating func number(_ d: Double) {
        guard d.isFinite else { text += "null"; return }
        if d == d.rounded(), abs(d) < 1e15 { text += String(Int64(d)) } else { text += "\(d)" }
    }

    /// A number rounded to `decimals` places (for coordinates: 0 for metres, 5 for degrees ≈ 1 m).
    mutating func number(_ d: Double, decimals: Int) {
        guard d.isFinite else { text += "null"; return }
        let s = fixed(d, decimals)
        if decimals > 0, s.contains(".") {
            var t = Substring(s)
            while t.hasSuffix("0") { t = t.dropLast() }
            if t.hasSuffix(".") { t = t.dropLast() }
            text += t
        } else {
            text += s
        }
    }

    mutating func value(_ v: JSONValue) {
        switch v {
        case .null: text += "null"
        case .bool(let b): text += b ? "true" : "false"
        case .integer(let i): text += String(i)
        case .number(let d): number(d)
        case .string(let s): string(s)
        case .array(let a):
            text += "["
            for (i, e) in a.enumerated() { if i > 0 { text += "," }; value(e) }
            text += "]"
        case .object(let o): object(o)
        }
    }

    mutating func object(_ o: JSONObject) {
        text += "{"
        for (i, m) in o.enumerated() {
            if i > 0 { text += "," }
            string(m.key); text += ":"; value(m.value)
        }
        text += "}"
    }

    /// Writes `{"k1":…,"k2":…}` where each member's value is written by its closure.
    mutating func members(_ members: [(String, (inout JSONText) -> Void)]) {
        text += "{"
        for (i, (key, write)) in members.enumerated() {
            if i > 0 { text += "," }
            string(key); text += ":"
            write(&self)
        }
        text += "}"
    }

    mutating func array<T>(_ items: [T], _ write: (inout JSONText, T) -> Void) {
        text += "["
        for (i, item) in items.enumerated() { if i > 0 { text += "," }; write(&self, item) }
        text += "]"
    }

    /// A GeoJSON geometry with `[longitude, latitude]` positions (RFC 7946 order), 6 decimals (~0.1 m).
    mutating func geometry(_ g: Geometry) {
        func position(_ j: inout JSONText, _ p: Position) {
            j.raw("["); j.number(p.longitude, decimals: 6); j.raw(","); j.number(p.latitude, decimals: 6); j.raw("]")
        }
        func positions(_ j: inout JSONText, _ ps: [Position]) { j.array(ps, position) }
        func rings(_ j: inout JSONText, _ rs: [[Position]]) { j.array(rs, positions) }
        text += "{\"type\":"; string(g.typeName)
        switch g {
        case .point(let p): text += ",\"coordinates\":"; position(&self, p)
        case .multiPoint(let ps), .lineString(let ps): text += ",\"coordinates\":"; positions(&self, ps)
        case .multiLineString(let ls), .polygon(let ls): text += ",\"coordinates\":"; rings(&self, ls)
        case .multiPolygon(let ps): text += ",\"coordinates\":"; array(ps, rings)
        case .geometryCollection(let gs): text += ",\"geometries\":"; array(gs) { j, g in j.geometry(g) }
        }
        text += "}"
    }

    private func hex4(_ v: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(v >> 12 & 0xF)], digits[Int(v >> 8 & 0xF)], digits[Int(v >> 4 & 0xF)], digits[Int(v & 0xF)]])
    }
}
