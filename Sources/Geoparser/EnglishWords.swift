/// Ordinary English words that are also the name of some populated place: "concord", "superior",
/// "welch", "landmark", "delta". From the SCOWL American English word list, kept only where
/// `Gazetteer/places.tsv` has a place of that one-word name (generated into
/// `EnglishWords+SCOWL.swift` by `Scripts/build-english-words`).
///
/// Evidence, not a verdict: "Concord" is a city too. The mention finder asks a town under 100,000
/// people with such a name for a cue somewhere in the text (`MentionFinder.isOrdinaryWord`);
/// `Lexicon.commonWords` is the short hand-made list of words that are ordinary even before
/// larger places ("Mobile", "Reading", "Nice").
enum EnglishWords {
    /// Lower-cased.
    static let placeNamedWords: Set<String> = Lexicon.words(scowlPlaceNamedWords)
}
