import GeoJSON

/// A place found for an event that had only a name. A plain value: thread-safe.
public struct GeocodedPlace: Sendable, Hashable {
    /// The name as the event gave it.
    public var query: String
    /// The gazetteer's name of the place chosen.
    public var name: String
    /// The gazetteer's identifier of the place (e.g. a GeoNames id), when it has one.
    public var placeID: String?
    /// Where the place is.
    public var position: Position

    public init(query: String, name: String, placeID: String?, position: Position) {
        self.query = query; self.name = name; self.placeID = placeID; self.position = position
    }

    /// The `geocoded` property written on the event: how its position was obtained.
    public var json: JSONValue {
        var o: JSONObject = ["by": "gazetteer", "query": .string(query), "name": .string(name)]
        o["place_id"] = placeID.map { .string($0) } ?? .null
        return .object(o)
    }
}

/// Finds a position for a place name. Implementations must be usable from many threads at once.
public protocol PlaceGeocoder: Sendable {
    /// The best place for `name`, preferring places in `country` (a name or ISO code as the event
    /// gave it) when given; nil when nothing matches.
    func geocode(_ name: String, country: String?) throws -> GeocodedPlace?
}

/// Property names an event may carry its place name in, in order of preference (ACLED's
/// `location`, then common generic names).
let placeNameKeys = ["location", "place", "place_name", "placename", "town", "city", "settlement", "name"]
/// Property names an event may carry its country in.
let countryKeys = ["country", "country_code", "iso2", "iso"]

extension Feature {
    /// The event's position: its Point, or the gazetteer's position for its place name.
    /// - Throws: `BorderAnalysisError.badEvent` naming what is missing or wrong.
    func eventPosition(index: Int, geocoder: (any PlaceGeocoder)?) throws(BorderAnalysisError) -> (Position, GeocodedPlace?) {
        switch geometry {
        case .point(let p)?:
            guard p.isValidGeographic else {
                throw .badEvent(index: index, message: "coordinates latitude \(p.latitude), longitude \(p.longitude) are out of range")
            }
            return (p, nil)
        case .multiPoint(let ps)? where ps.count == 1 && ps[0].isValidGeographic:
            return (ps[0], nil)
        case let g?:
            throw .badEvent(index: index, message: "geometry is a \(g.typeName); proximity measures Point events")
        case nil:
            guard let name = placeNameKeys.lazy.compactMap({ self[property: $0]?.stringValue?.trimmingWhitespace })
                .first(where: { !$0.isEmpty })
            else { throw .badEvent(index: index, message: "no coordinates and no place name") }
            guard let geocoder else {
                throw .badEvent(index: index, message: "no coordinates, and no gazetteer to find \"\(name)\"")
            }
            let hint = countryKeys.lazy.compactMap { self[property: $0]?.stringValue }.first
            let found: GeocodedPlace?
            do { found = try geocoder.geocode(name, country: hint) } catch {
                throw .badEvent(index: index, message: "looking up \"\(name)\" failed: \(error)")
            }
            guard let found else { throw .badEvent(index: index, message: "no coordinates, and the gazetteer has no place \"\(name)\"") }
            return (found.position, found)
        }
    }
}
