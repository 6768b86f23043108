import ArgumentParser
import Foundation
import GeoJSON
import Topology

/// Hidden command for `Scripts/bench.d/10-topology`: times prepared point-in-polygon over many points.
struct BenchContains: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-contains",
        abstract: "Benchmark: prepared contains of many points (for Scripts/bench).",
        shouldDisplay: false
    )

    @Argument(help: "File with one polygon as WKT.") var polygon: String
    @Argument(help: "File of points: little-endian float64 pairs x (longitude), y (latitude).") var points: String
    @Option(help: "Timed repetitions; the fastest is reported.") var repeats = 3

    func run() throws {
        let wkt = String(decoding: try InputSource(path: polygon).readAll(), as: UTF8.self)
        let raw = try InputSource(path: points).readAll()
        let doubles: [Double] = raw.withUnsafeBytes { buffer in
            (0..<raw.count / 8).map { Double(bitPattern: UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self))) }
        }
        let positions = stride(from: 0, to: doubles.count - 1, by: 2).map { Position(latitude: doubles[$0 + 1], longitude: doubles[$0]) }
        let prepared = try PreparedGeometry(Geometry(wkt: wkt))
        _ = try prepared.contains(Array(positions.prefix(1000)))  // builds this thread's GEOS index
        var best = Double.infinity
        var inside = 0
        for _ in 0..<max(1, repeats) {
            let start = ContinuousClock.now
            let result = try prepared.contains(positions)
            let elapsed = ContinuousClock.now - start
            best = min(best, BenchIndex.seconds(elapsed))
            inside = result.lazy.filter { $0 }.count
        }
        Console.out("{\"points\": \(positions.count), \"inside\": \(inside), \"seconds\": \(best)}\n")
    }
}
