import Foundation
import GeoJSON
import Testing
@testable import Cartography

/// The embedded JSON of a viewer page.
func embeddedPayload(_ html: String) throws -> [String: Any] {
    let start = try #require(html.range(of: "<script type=\"application/json\" id=\"map-data\">"))
    let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
    let json = String(html[start.upperBound..<end.lowerBound])
    return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
}

@Suite("HTML viewer page")
struct HTMLViewerTests {
    @Test("embeds every layer as a FeatureCollection with positions projected like the SVG")
    func payload() throws {
        let document = SampleMap.document()
        let html = try HTMLViewerWriter().html(for: document)
        let data = try embeddedPayload(html)
        let layers = try #require(data["layers"] as? [[String: Any]])
        #expect(layers.compactMap { $0["id"] as? String } == ["countries", "zones", "borders", "depth-lines", "places", "events"])
        let places = try #require(layers.first { $0["id"] as? String == "places" })
        let collection = try #require(places["geojson"] as? [String: Any])
        #expect(collection["type"] as? String == "FeatureCollection")
        let features = try #require(collection["features"] as? [[String: Any]])
        #expect(features.count == 11)
        // Sudzha: GeoJSON keeps [longitude, latitude]; xy is the same LAEA as the SVG, rounded to 1 m.
        let sudzha = features[0]
        let geometry = try #require(sudzha["geometry"] as? [String: Any])
        #expect((geometry["coordinates"] as? [Double]) == [35.27, 51.1914])
        let expected = try #require(try localProjection(for: document).project(Position(latitude: 51.1914, longitude: 35.27)))
        let part = try #require((sudzha["xy"] as? [[String: Any]])?.first)
        let xy = try #require(part["c"] as? [Double])
        #expect(abs(xy[0] - expected.x) <= 0.5 && abs(xy[1] - expected.y) <= 0.5)
        // Properties are kept whole, nested ones included.
        let props = try #require(sudzha["properties"] as? [String: Any])
        #expect(props["population"] as? Int == 5_400)
        #expect(((props["mentions"] as? [[String: Any]])?.first?["text"] as? String) == "troops entered Sudzha")
        // Context layers carry projected outlines only.
        let countries = try #require(layers.first { $0["id"] as? String == "countries" })
        let countryFeatures = try #require((countries["geojson"] as? [String: Any])?["features"] as? [[String: Any]])
        #expect(countryFeatures.allSatisfy { $0["geometry"] is NSNull })
    }

    @Test("text that looks like markup cannot break out of the data script")
    func scriptInjection() throws {
        let hostile = "</script><script>document.title='pwned'</script>"
        let places = [SampleMap.point(hostile, 51.0, 35.0), SampleMap.point("Sumy", 50.9077, 34.7981)]
        let html = try HTMLViewerWriter().html(for: SampleMap.document(places: places))
        #expect(!html.contains(hostile))
        let data = try embeddedPayload(html)
        let layers = try #require(data["layers"] as? [[String: Any]])
        let places2 = try #require(layers.first { $0["id"] as? String == "places" }?["geojson"] as? [String: Any])
        let first = try #require((places2["features"] as? [[String: Any]])?.first?["properties"] as? [String: Any])
        #expect(first["name"] as? String == hostile)
    }

    @Test("the same document gives the same page")
    func deterministic() throws {
        #expect(try HTMLViewerWriter().html(for: SampleMap.document()) == HTMLViewerWriter().html(for: SampleMap.document()))
    }
}
