import GeoJSON
@testable import Cartography

/// A small made-up map around the Kursk–Sumy border for the tests. Town positions are rounded
/// GeoNames-style coordinates; the "border", "countries", "zones" and "depth line" are coarse
/// hand-drawn shapes for drawing tests only, not real data.
enum SampleMap {
    static func point(_ name: String, _ lat: Double, _ lon: Double, _ extra: JSONObject = [:]) -> Feature {
        var props: JSONObject = ["name": .string(name)]
        for m in extra { props[m.key] = m.value }
        return Feature(geometry: .point(Position(latitude: lat, longitude: lon)), properties: props)
    }

    static func p(_ lat: Double, _ lon: Double) -> Position { Position(latitude: lat, longitude: lon) }

    /// The coarse border line, north-west to south-east.
    static let borderLine: [Position] = [
        p(52.10, 34.05), p(51.70, 34.10), p(51.42, 34.30), p(51.27, 34.55), p(51.22, 34.95), p(51.10, 35.20),
        p(50.95, 35.45), p(50.72, 35.55), p(50.45, 35.75), p(50.35, 36.10), p(50.42, 36.60), p(50.15, 37.10),
    ]

    static let places: [Feature] = [
        point("Sudzha", 51.1914, 35.2700, ["population": 5_400, "distance_to_border_km": 9.8,
                                            "mentions": [["text": "troops entered Sudzha", "offset": 120]]]),
        point("Sumy", 50.9077, 34.7981),
        point("Kursk", 51.7304, 36.1926),
        point("Belgorod", 50.5954, 36.5873),
        point("Okhtyrka", 50.3103, 34.8988),
        point("Lgov", 51.6597, 35.2615),
        point("Rylsk", 51.5681, 34.6802),
        point("Glushkovo", 51.3411, 34.6336),
        point("Korenevo", 51.4086, 34.9107),
        point("Krasnopillia", 50.7740, 35.2660),
        point("Graivoron", 50.4800, 35.6700),
    ]

    static let events: [Feature] = [
        point("Drone strike on substation", 51.02, 35.05, ["date": "2024-08-10", "source": "report 1"]),
        point("Shelling reported", 50.61, 35.90, ["date": "2024-08-12"]),
    ]

    static var countries: FeatureCollection {
        let ua = [p(52.6, 33.0)] + borderLine + [p(49.4, 37.6), p(49.4, 33.0), p(52.6, 33.0)]
        let ru = [p(52.6, 33.0)] + borderLine + [p(49.4, 37.6), p(49.4, 38.5), p(53.0, 38.5), p(53.0, 33.0), p(52.6, 33.0)]
        return FeatureCollection(features: [
            Feature(geometry: .polygon([ua]), properties: ["name": "Ukraine", "iso": "UA"]),
            Feature(geometry: .polygon([ru]), properties: ["name": "Russia", "iso": "RU"]),
        ])
    }

    /// A band north-east of the border: the border and the border shifted by `degrees`.
    static func band(_ km: Int, degrees: Double) -> Feature {
        let shifted = borderLine.reversed().map { p($0.latitude + degrees, $0.longitude + degrees) }
        let ring = borderLine + shifted + [borderLine[0]]
        return Feature(geometry: .polygon([ring]), properties: ["name": .string("\(km) km from the border"), "distance_km": .integer(Int64(km))])
    }

    /// The label of the sample's one depth line, drawn because its style names `label`.
    static let depthLabel = "9.8 km"

    static var depthStyle: LayerStyle {
        var style = LayerStyle.default(for: .depthLines)
        style.labelProperty = "label"
        return style
    }

    static func document(title: String = "Incursion into Kursk oblast", places: [Feature] = SampleMap.places) -> MapDocument {
        MapDocument(
            title: title,
            subtitle: "Places named in the report and their distance to the Russia–Ukraine border",
            layers: [
                MapLayer(name: "countries", title: "Countries", kind: .countries, features: countries),
                MapLayer(name: "zones", title: "Distance to border (10, 25 km)", kind: .zones,
                         features: FeatureCollection(features: [band(10, degrees: 0.07), band(25, degrees: 0.17)])),
                MapLayer(name: "borders", title: "Russia–Ukraine border", kind: .borders,
                         features: FeatureCollection(features: [Feature(geometry: .lineString(borderLine), properties: ["name": "RU–UA"])])),
                MapLayer(name: "depth-lines", title: "Depth from the border", kind: .depthLines,
                         features: FeatureCollection(features: [Feature(geometry: .lineString([p(51.125, 35.16), p(51.1914, 35.2700)]),
                                                                        properties: ["name": "Sudzha depth", "label": .string(depthLabel), "depth_km": 9.8])]),
                         style: depthStyle),
                MapLayer(name: "places", title: "Places in the report", kind: .places, features: FeatureCollection(features: places)),
                MapLayer(name: "events", title: "Events", kind: .events, features: FeatureCollection(features: events)),
            ],
            attribution: [Attribution.geoNames, Attribution.openStreetMap, Attribution.dcw])
    }
}
