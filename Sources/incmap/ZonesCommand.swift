import ArgumentParser
import BorderAnalysis
import Foundation
import GeoJSON

/// `incmap zones`: distance bands of a country along one of its borders.
struct ZonesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zones",
        abstract: "Bands of a country at given geodesic distances from one of its borders, as polygons.",
        discussion: """
            --bands 10,25,50 gives the parts of --side within 0–10, 10–25 and 25–50 km of the border: \
            geodesic buffers of the border line clipped to the country and differenced. Properties: band, \
            from_km, to_km, area_km2 (geodesic), border, side, method.
            """)

    @Option(help: "The border, e.g. RU-UA.") var border: String
    @Option(help: "Which country's side (ISO alpha-2), e.g. RU.") var side: String
    @Option(help: "Outer distances of the bands, comma-separated, e.g. 10,25,50 (km unless a unit is given).")
    var bands: String
    @OptionGroup var data: BorderDataOptions
    @OptionGroup var output: FeatureOutputOptions

    func run() throws {
        let distances = try bands.split(separator: ",").map { text -> Double in
            guard let m = DistanceArgument.metres(String(text)) else { throw CLIFailure("--bands: \"\(text)\" is not a distance") }
            return m
        }
        let net = try data.network()
        let pair = try BorderPair(parsing: border)
        let zones = try net.zones(border: pair, side: side, bands: distances)
        let method = net.method(for: [try net.border(pair)])
        let side = try net.country(side).iso2
        try output.write(zones.map { $0.feature(border: pair, side: side, method: method) })
    }
}
