/// Common personal names, from the US Census Bureau's 1990 frequency files (generated into
/// `PersonalNames+Census.swift` by `Scripts/build-personal-names`).
///
/// They are evidence, never a verdict: many towns bear a surname ("Barnett", "Welch") or a given
/// name ("Tyler", "Florence"). The mention finder uses them only where the words around a name say
/// "person" — a given name followed by a surname ("Lee Rashid", "Chad Walker"), a given and a middle
/// name before the match ("James Ernest Barnett").
enum PersonalNames {
    /// Lower-cased given names held by at least 0.01 % of US men or of US women in 1990.
    static let givenNames: Set<String> = words(censusGivenNames)
    /// Lower-cased surnames held by at least 0.005 % of the US population in 1990.
    static let surnames: Set<String> = words(censusSurnames)

    private static func words(_ text: String) -> Set<String> { Lexicon.words(text) }
}
