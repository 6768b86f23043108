/// Respellings between romanisation conventions that `NameNormalizer` does not fold because they
/// would merge unrelated names if applied everywhere: French and informal English `j`/`dj` for
/// Cyrillic ж/дж (`Sudja` → `Sudzha`), French `ou` and `tch`, German `sch`/`tsch`/`w`, and
/// `h`/`x` for х. The resolver tries them only when the name as written matches nothing.
enum Transliteration {
    /// (pattern, replacement) on the lower-cased name, in the order they are applied.
    static let rules: [(String, String)] = [
        ("tsch", "ch"), ("sch", "sh"), ("tch", "ch"), ("dj", "dzh"), ("j", "zh"), ("ou", "u"),
        ("w", "v"), ("x", "kh"), ("h", "kh"),
    ]

    /// Keys of the name respelled by each applicable rule alone and by all of them together,
    /// each with a description of the rule (`j → zh`). Excludes the name's own key.
    static func variants(of name: String) -> [(key: String, rule: String)] {
        let lower = name.lowercased()
        let own = NameNormalizer.key(name)
        var result: [(String, String)] = []
        var all = lower
        var applied: [String] = []
        for (pattern, replacement) in rules where lower.contains(pattern) {
            let single = NameNormalizer.key(respell(lower, pattern, replacement))
            if single != own && !result.contains(where: { $0.0 == single }) { result.append((single, "\(pattern) → \(replacement)")) }
            if all.contains(pattern) {
                all = respell(all, pattern, replacement)
                applied.append("\(pattern) → \(replacement)")
            }
        }
        let combined = NameNormalizer.key(all)
        if applied.count > 1 && combined != own && !result.contains(where: { $0.0 == combined }) {
            result.append((combined, applied.joined(separator: ", ")))
        }
        return result
    }

    /// Replaces `pattern` except where it is part of a digraph a previous rule produced
    /// (`h` in `kh`, `sh`, `ch`, `zh`).
    private static func respell(_ s: String, _ pattern: String, _ replacement: String) -> String {
        guard pattern == "h" else { return s.replacingOccurrences(of: pattern, with: replacement) }
        var out = ""
        var previous: Character = " "
        for c in s {
            if c == "h" && !"kscz".contains(previous) { out += replacement } else { out.append(c) }
            previous = c
        }
        return out
    }
}
