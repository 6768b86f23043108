import ArgumentParser
import Foundation
import GeoJSON
import Topology

/// Hidden command for `Scripts/bench.d/10-topology`: times building a `SpatialIndex` and box queries.
struct BenchIndex: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-index",
        abstract: "Benchmark: spatial index build and box queries (for Scripts/bench).",
        shouldDisplay: false
    )

    @Argument(help: "Item boxes: little-endian float64 quadruples west, south, east, north.") var items: String
    @Argument(help: "Query boxes, in the same format.") var queries: String
    @Option(help: "Timed repetitions; the fastest is reported.") var repeats = 3

    func run() throws {
        let itemBoxes = try Self.boxes(InputSource(path: items).readAll())
        let queryBoxes = try Self.boxes(InputSource(path: queries).readAll())
        var bestBuild = Double.infinity, bestQuery = Double.infinity
        var hits = 0
        for _ in 0..<max(1, repeats) {
            let start = ContinuousClock.now
            let index = SpatialIndex(boxes: itemBoxes)
            let built = ContinuousClock.now
            hits = 0
            for q in queryBoxes { index.forEach(intersecting: q) { _ in hits += 1 } }
            let done = ContinuousClock.now
            bestBuild = min(bestBuild, Self.seconds(built - start))
            bestQuery = min(bestQuery, Self.seconds(done - built))
        }
        Console.out("{\"items\": \(itemBoxes.count), \"queries\": \(queryBoxes.count), \"hits\": \(hits), "
            + "\"build_seconds\": \(bestBuild), \"query_seconds\": \(bestQuery)}\n")
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    static func boxes(_ data: Data) -> [BoundingBox] {
        data.withUnsafeBytes { buffer in
            func value(_ i: Int) -> Double {
                Double(bitPattern: UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)))
            }
            return (0..<data.count / 32).map { k in
                BoundingBox(south: value(4 * k + 1), west: value(4 * k), north: value(4 * k + 3), east: value(4 * k + 2))
            }
        }
    }
}
