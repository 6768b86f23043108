import Foundation
import Geoparser

/// Number and list formatting for findings a person reads (summary sentences, map labels).
enum Format {
    /// "10.4 km" (one decimal below 100 km, none above); "850 m" below 1 km.
    static func km(_ metres: Double) -> String {
        if metres < 1_000 { return "\(Int(metres.rounded())) m" }
        let k = metres / 1_000
        return k < 100 ? String(format: "%.1f km", k) : "\(grouped(Int(k.rounded()))) km"
    }

    /// "1,041 km²", "17.1 million km²".
    static func area(_ squareMetres: Double) -> String {
        let k = squareMetres / 1e6
        if k >= 1e6 { return String(format: "%.2f million km²", k / 1e6) }
        if k >= 10 { return "\(grouped(Int(k.rounded()))) km²" }
        return String(format: "%.2f km²", k)
    }

    /// "0.0061 %", "12.3 %".
    static func percent(_ p: Double) -> String {
        p >= 1 ? String(format: "%.1f %%", p) : String(format: "%.2g %%", p)
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// "A", "A and B", "A, B and C".
    static func sentence(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    /// How a claim was compared, for the finding's parenthesis.
    static func toleranceText(_ q: Claim.Qualifier, tol: Double, accuracy: Double) -> String {
        switch q {
        case .exact, .approximately: "agreement within ±\(km(tol)), including the border data's ±\(km(accuracy))"
        case .atMost: "an upper bound, allowing the border data's ±\(km(accuracy))"
        case .atLeast: "a lower bound, allowing the border data's ±\(km(accuracy))"
        case .range: "a range, allowing the border data's ±\(km(accuracy)) at either end"
        }
    }
}
