import Foundation
import GeoJSON
import Testing

/// Debian's `chromium` (installed by `Scripts/setup --test`, which `.ci/run` runs), opening a page
/// headless and returning its DOM after the scripts ran. `CartographyTests` has a helper of the same
/// kind that writes a page from a string; this one opens a page `incmap` already wrote, from file://.
enum HeadlessChromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The DOM of `page` after its scripts ran (`--dump-dom`, 5 s of virtual time), and chromium's
    /// log (stderr at `--v=0`, which carries uncaught errors and every console message).
    static func open(_ page: URL) throws -> (dom: String, log: String) {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("incmap-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["120", try #require(path), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--user-data-dir=\(profile.path)", "--window-size=1280,800", "--enable-logging=stderr", "--v=0",
                             "--virtual-time-budget=5000", "--dump-dom", page.absoluteString]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read stderr concurrently so that a full pipe cannot stall chromium.
        nonisolated(unsafe) var log = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { log = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let dom = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (String(decoding: dom, as: UTF8.self), String(decoding: log, as: UTF8.self))
    }

    /// The `data-*` attributes of the viewer's `<output id="status" …>` element in a dumped DOM.
    static func status(in dom: String) throws -> [String: String] {
        let start = try #require(dom.range(of: "<output id=\"status\""), "no status element: the page did not load")
        let end = try #require(dom.range(of: ">", range: start.upperBound..<dom.endIndex))
        let attributes = String(dom[start.upperBound..<end.lowerBound])
        let pattern = try NSRegularExpression(pattern: "(data-[a-z-]+)=\"([^\"]*)\"")
        var result: [String: String] = [:]
        for m in pattern.matches(in: attributes, range: NSRange(attributes.startIndex..., in: attributes)) {
            if let k = Range(m.range(at: 1), in: attributes), let v = Range(m.range(at: 2), in: attributes) {
                result[String(attributes[k])] = String(attributes[v])
            }
        }
        return result
    }

    /// Console messages and uncaught errors in chromium's log: lines Chromium tags `CONSOLE`
    /// (`[…:INFO:CONSOLE(12)] "message", source: …`) or that report an uncaught exception.
    static func consoleLines(in log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
    }
}

/// The page `incmap map` writes, opened from file:// in headless Chromium: every feature of the
/// layers written beside it is drawn, with no JavaScript error and nothing on the console.
@Suite("incmap map's viewer in headless Chromium",
       .enabled(if: MapCommandTests.hasData, "needs the repository's Gazetteer/ data (places, countries, borders)"),
       .enabled(if: HeadlessChromium.path != nil,
                "chromium is not installed (Scripts/setup --test installs it): the map page was not checked in a browser"))
struct MapViewerBrowserTests {
    /// Features per layer of the page's embedded data (`<script id="map-data">`), by layer id.
    func embeddedCounts(_ html: String) throws -> [String: Int] {
        let open = try #require(html.range(of: "<script type=\"application/json\" id=\"map-data\">"))
        let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
        let payload = try #require(try JSONSerialization.jsonObject(with: Data(html[open.upperBound..<close.lowerBound].utf8))
            as? [String: Any])
        let layers = try #require(payload["layers"] as? [[String: Any]])
        var counts: [String: Int] = [:]
        for layer in layers {
            let id = try #require(layer["id"] as? String)
            let features = try #require((layer["geojson"] as? [String: Any])?["features"] as? [Any])
            counts[id] = features.count
        }
        return counts
    }

    @Test("draws every feature of the written layers, with no error",
          arguments: ["Samples/kursk-incursion.txt", "Samples/border-events.csv"])
    func drawsEveryWrittenFeature(sample: String) throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("incmap-map-browser-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CLI.run(["map", sample, "--out", out.path, "--quiet"], currentDirectory: MapCommandTests.root)
        try #require(run.status == 0, "\(run.stderr)")

        // The layers as written, read back with our strict RFC 7946 reader.
        func layer(_ file: String) throws -> [Feature] { try GeoJSONReader().features(contentsOf: out.appendingPathComponent(file)) }
        let events = sample.hasSuffix(".csv")
        let findings = try layer(events ? "events.geojson" : "places.geojson")
        let claimsFile = try layer("claims.geojson")
        // What the page must draw of each written layer. Countries named in a text stay in
        // places.geojson without being drawn (MapJob+Output: their representative point would set the
        // extent); a claim without a place to stand on has no geometry and is listed, not drawn.
        var expected: [String: Int] = [
            events ? "events" : "places": findings.filter { $0.geometry != nil && $0[property: "kind"]?.stringValue != "country" }.count,
            "borders": try layer("borders.geojson").count,
            "zones": try layer("zones.geojson").count,
        ]
        let lines = claimsFile.filter { $0[property: "kind"]?.stringValue == "depth_line" }.count
        let claimPoints = claimsFile.filter { $0[property: "kind"]?.stringValue == "claim" && $0.geometry != nil }.count
        if lines > 0 { expected["depth-lines"] = lines }
        if claimPoints > 0 { expected["claims"] = claimPoints }

        let page = out.appendingPathComponent("index.html")
        let embedded = try embeddedCounts(try String(contentsOf: page, encoding: .utf8))
        for (id, count) in expected {
            #expect(embedded[id] == count, "layer \(id): \(embedded[id] ?? 0) embedded, \(count) written")
        }
        // The only layer not written to a file: the outlines of the countries around the data.
        let countries = try #require(embedded["countries"])
        #expect(countries > 0)
        #expect(Set(embedded.keys) == Set(expected.keys).union(["countries"]))

        let (dom, log) = try HeadlessChromium.open(page)
        let status = try HeadlessChromium.status(in: dom)
        let total = expected.values.reduce(countries, +)
        #expect(status["data-ready"] == "true", "the viewer's script did not finish")
        #expect(status["data-features"] == String(total))
        #expect(status["data-drawn"] == String(total))
        #expect(status["data-errors"] == "0", "\(status["data-error-messages"] ?? "")")
        #expect(HeadlessChromium.consoleLines(in: log).isEmpty, "console: \(HeadlessChromium.consoleLines(in: log))")
        print("\(sample): the browser drew \(status["data-drawn"] ?? "?") of \(total) features (\(expected.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")), countries \(countries)), \(status["data-labels"] ?? "?") labels")
    }
}
