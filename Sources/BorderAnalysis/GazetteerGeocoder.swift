import Gazetteer
import GeoJSON

/// Finds event positions by place name with the gazetteer's resolver: the best-ranked candidate,
/// limited to the event's country when it names one (an ISO code, or a country name the gazetteer
/// knows, e.g. ACLED's "Ukraine"). Thread-safe: the gazetteer is immutable.
public struct GazetteerGeocoder: PlaceGeocoder {
    public let gazetteer: Gazetteer

    public init(_ gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    public func geocode(_ name: String, country: String?) throws -> GeocodedPlace? {
        // Exact names only: a misspelt event place is reported for a person to fix, never guessed.
        let query = ResolveQuery(name: name, country: countryCode(country), limit: 1, fuzzy: false)
        guard let best = gazetteer.resolve(query).first else { return nil }
        return GeocodedPlace(query: name, name: best.place.name, placeID: best.place.id, position: best.place.location)
    }

    /// The ISO code for a country hint: codes pass through, names are resolved as countries.
    private func countryCode(_ hint: String?) -> String? {
        guard let hint = hint?.trimmingWhitespace, !hint.isEmpty else { return nil }
        if (2...3).contains(hint.count), hint.allSatisfy({ $0.isASCII && $0.isLetter }) { return hint.uppercased() }
        return gazetteer.resolve(ResolveQuery(name: hint, kind: .country, limit: 1, fuzzy: false)).first?.place.country
    }
}
