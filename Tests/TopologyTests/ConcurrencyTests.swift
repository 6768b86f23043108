import Foundation
import GeoJSON
import Testing
@testable import Topology

/// Collects what the worker threads saw, for checking after they have all finished.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var mismatches: [String] = []
    private(set) var checks = 0

    func add(checks n: Int, mismatches m: [String]) {
        lock.lock()
        checks += n
        mismatches += m
        lock.unlock()
    }
}

/// Runs `body(threadIndex)` on `count` new threads at once and waits for all of them.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for i in 0..<count {
        group.enter()
        let thread = Thread {
            body(i)
            group.leave()
        }
        thread.start()
    }
    group.wait()
}

// Run under the thread sanitizer with:
//   swift test --scratch-path .build-tsan --sanitize=thread --filter TopologyTests.Concurrency
// (see Tests/README.md). The expected values are the single-threaded answers, which the other suites
// check by hand reasoning.
@Suite("Topology concurrency")
struct Concurrency {
    @Test("6 threads share prepared geometries and a spatial index for about 2 seconds")
    func sharedPreparedAndIndex() throws {
        let circle = regularPolygon(vertices: 1000, radius: 10)
        let prepared = try PreparedGeometry(circle)
        let donut = try PreparedGeometry(.polygon([
            [p(20, -5), p(30, -5), p(30, 5), p(20, 5), p(20, -5)],
            [p(24, -1), p(24, 1), p(26, 1), p(26, -1), p(24, -1)],
        ]))
        let segments = randomSegments(20_000, seed: 42)
        let index = SpatialIndex(boxes: segments.map(box))
        // Single-threaded references.
        var rng = LCG(state: 1)
        let probes = (0..<200).map { _ in p(rng.next() * 60 - 30, rng.next() * 40 - 20) }
        let insideCircle = try prepared.contains(probes)
        let insideDonut = try donut.contains(probes)
        let distances = try probes.map { try prepared.planarDistance(to: .point($0)) }
        let covered = try probes.map { try prepared.covers(.point($0)) }
        let nearest = probes.map { q in index.nearestPlanar(to: q) { segmentDistance(q, segments[$0].0, segments[$0].1) }?.index }
        let queryBox = BoundingBox(south: -2, west: -2, north: 2, east: 2)
        let hits = index.query(queryBox).sorted()

        let tally = Tally()
        let deadline = ContinuousClock.now + .seconds(2)
        onThreads(6) { t in
            var checks = 0
            var mismatches: [String] = []
            func check(_ ok: Bool, _ what: @autoclosure () -> String) {
                checks += 1
                if !ok, mismatches.count < 10 { mismatches.append("thread \(t): \(what())") }
            }
            do {
                var round = 0
                while ContinuousClock.now < deadline {
                    round += 1
                    // Threads take turns at the batch and the one-by-one paths, at the shared Swift point
                    // locator and the per-thread GEOS prepared handles, and at building a fresh prepared
                    // value of their own, so handles and locators are created concurrently too.
                    let own = round % 7 == 0 ? try PreparedGeometry(circle) : prepared
                    check(try own.contains(probes) == insideCircle, "batch contains")
                    for (i, q) in probes.enumerated() where (i + t + round) % 4 == 0 {
                        check(try donut.contains(q) == insideDonut[i], "donut contains \(i)")
                        check(try own.planarDistance(to: .point(q)) == distances[i], "distance \(i)")
                        check(try own.geosContains(q) == insideCircle[i], "GEOS prepared contains \(i)")
                        check(try own.covers(.point(q)) == covered[i], "GEOS prepared covers \(i)")
                        check(index.nearestPlanar(to: q) { segmentDistance(q, segments[$0].0, segments[$0].1) }?.index == nearest[i],
                              "nearest \(i)")
                    }
                    check(index.query(queryBox).sorted() == hits, "box query")
                }
            } catch {
                mismatches.append("thread \(t) threw \(error)")
            }
            tally.add(checks: checks, mismatches: mismatches)
        }
        #expect(tally.mismatches == [])
        #expect(tally.checks > 0)
    }

    @Test("contexts made by short-lived threads are freed with the thread")
    func shortLivedThreads() throws {
        let square10 = square(0, 0, 10)
        let tally = Tally()
        for _ in 0..<20 {
            onThreads(4) { t in
                // Hand reasoning: (5,5) is inside [0,10]², (15,5) is not.
                let ok = (try? square10.contains(.point(p(5, 5)))) == true && (try? square10.contains(.point(p(15, 5)))) == false
                tally.add(checks: 1, mismatches: ok ? [] : ["thread \(t)"])
            }
        }
        #expect(tally.mismatches == [])
        #expect(tally.checks == 80)
    }
}
