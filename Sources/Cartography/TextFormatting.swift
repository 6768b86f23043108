/// `value` with exactly `decimals` digits after the point, independent of locale; "-0" never appears.
func fixed(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return "0" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e15 else { return String(value) }
    let n = Int64(scaled)
    let negative = value < 0 && n != 0
    let unit = Int64(scale)
    let whole = n / unit
    var s = negative ? "-\(whole)" : "\(whole)"
    if decimals > 0 {
        let frac = String(n % unit)
        s += "." + String(repeating: "0", count: decimals - frac.count) + frac
    }
    return s
}

/// A coordinate for SVG: one decimal, trailing ".0" removed, to keep files small and deterministic.
func coordinate(_ value: Double) -> String {
    let s = fixed(value, 1)
    return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
}

/// Escapes text for XML character data and attribute values (both quote kinds). Drops characters
/// XML 1.0 forbids (control characters other than tab, newline, carriage return).
func xmlEscaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
        default:
            if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// Estimated advance width of `text` in a sans-serif face at `fontSize` px. Deterministic, so label
/// placement does not depend on the machine's fonts; generous, so real glyphs fit inside the box.
func estimatedTextWidth(_ text: String, fontSize: Double) -> Double {
    var em = 0.0
    for ch in text {
        switch ch {
        case "i", "j", "l", "I", ".", ",", ":", ";", "'", "|", "!", " ", "і", "ї", "(", ")", "f", "t", "r":
            em += 0.32
        case "m", "w", "M", "W", "Ш", "Щ", "Ж", "Ю", "Ф", "ш", "щ", "ж", "ю", "ф", "м", "Ы", "ы", "—":
            em += 0.9
        default:
            em += ch.isUppercase ? 0.68 : 0.56
        }
    }
    return em * fontSize
}
