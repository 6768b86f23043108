import ArgumentParser
import Foundation
import GeoJSON

/// Hidden helper for `Scripts/bench.d/30-geojson`: writes synthetic point events and reads files back
/// with the streaming reader, so that the benchmark times the codec and nothing else.
struct GeoJSONBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_bench-geojson",
        abstract: "Benchmark helper: write N synthetic point features, or stream-read a file.",
        shouldDisplay: false
    )

    @Argument(help: "write or read") var action: String
    @Argument(help: "The file to write or read.") var file: String
    @Option(help: "Features to write.") var count = 1_000_000
    @Option(help: "featureCollection or seq.") var format = "featureCollection"

    func run() throws {
        switch action {
        case "write":
            let w = try GeoJSONFeatureWriter(path: file, format: format == "seq" ? .newlineDelimited : .featureCollection)
            let types: [JSONValue] = ["Battles", "Explosions/Remote violence", "Protests", "Riots", "Strategic developments"]
            for k in 0..<count {
                // Deterministic spread over the globe: the same formula as the Python side.
                let lon = Double((k &* 7919) % 3_600_000) / 10_000 - 180
                let lat = Double((k &* 104_729) % 1_800_000) / 10_000 - 90
                let props: JSONObject = ["event_id": .integer(Int64(k)), "name": .string("event \(k)"), "event_type": types[k % 5],
                                         "fatalities": .integer(Int64(k % 17)), "confidence": .number(Double(k % 1000) / 1000)]
                try w.write(Feature(geometry: .point(Position(latitude: lat, longitude: lon)), properties: props))
            }
            try w.finish()
        case "read":
            let stream = try GeoJSONReader().featureStream(contentsOf: URL(fileURLWithPath: file))
            var n = 0, fatalities: Int64 = 0
            while let f = try stream.next() {
                n += 1
                if case .integer(let v)? = f[property: "fatalities"] { fatalities += v }
            }
            Console.out("\(n) \(fatalities)\n")
        default:
            throw ValidationError("action must be write or read")
        }
    }
}
