import Foundation
import GeoJSON
import Testing
@testable import Cartography

/// Debian's `chromium`, when installed (`apt-get install chromium`; `.ci/run` installs it).
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The page's DOM after its scripts ran (`--dump-dom`), and chromium's stderr.
    static func dumpDOM(ofPage html: String, fragment: String = "") throws -> (dom: String, log: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carto-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("index.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["120", try #require(path), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--user-data-dir=\(dir.appendingPathComponent("profile").path)", "--window-size=1280,800",
                             "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom", page.absoluteString + fragment]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let dom = out.fileHandleForReading.readDataToEndOfFile()
        let log = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: dom, as: UTF8.self), String(decoding: log, as: UTF8.self))
    }

    /// The attributes of `<output id="status" …>` in a dumped DOM.
    static func status(in dom: String) throws -> [String: String] {
        let start = try #require(dom.range(of: "<output id=\"status\""))
        let end = try #require(dom.range(of: ">", range: start.upperBound..<dom.endIndex))
        var result: [String: String] = [:]
        let attrs = dom[start.upperBound..<end.lowerBound]
        let pattern = try NSRegularExpression(pattern: "([a-z-]+)=\"([^\"]*)\"")
        let s = String(attrs)
        for m in pattern.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
            if let k = Range(m.range(at: 1), in: s), let v = Range(m.range(at: 2), in: s) { result[String(s[k])] = String(s[v]) }
        }
        return result
    }
}

@Suite("HTML viewer in headless Chromium",
       .enabled(if: Chromium.path != nil, "chromium is not installed (apt-get install chromium): viewer not checked in a browser"))
struct HeadlessBrowserTests {
    @Test("draws every feature of the visible layers with no JavaScript error")
    func drawsAllFeatures() throws {
        let (dom, log) = try Chromium.dumpDOM(ofPage: try HTMLViewerWriter().html(for: SampleMap.document()))
        let status = try Chromium.status(in: dom)
        // SampleMap.document(): 2 countries + 2 zones + 1 border + 1 depth line + 11 places + 2 events.
        #expect(status["data-ready"] == "true")
        #expect(status["data-features"] == "19")
        #expect(status["data-drawn"] == "19")
        #expect(status["data-errors"] == "0", "\(status["data-error-messages"] ?? "")")
        #expect(!log.contains("Uncaught"), "console: \(log)")
        // Labels: 11 places + 2 events + the depth line; the sample leaves room for all of them at
        // the 1280 × 800 window minus the 320 px side panel.
        #expect(status["data-labels"] == "14")
        // The page lists one toggle per layer.
        #expect(dom.components(separatedBy: "id=\"toggle-").count - 1 == 6)
    }

    @Test("a hidden layer is listed but not drawn, and hostile text stays text")
    func hiddenLayerAndHostileText() throws {
        var document = SampleMap.document(places: [SampleMap.point("</script><img src=x onerror=alert(1)>", 51.0, 35.0),
                                                   SampleMap.point("Sumy", 50.9077, 34.7981)])
        let events = try #require(document.layers.firstIndex { $0.kind == .events })
        document.layers[events].isVisible = false
        let (dom, log) = try Chromium.dumpDOM(ofPage: try HTMLViewerWriter().html(for: document))
        let status = try Chromium.status(in: dom)
        // 2 + 2 + 1 + 1 + 2 places + 2 hidden events = 10 embedded; 8 drawn.
        #expect(status["data-features"] == "10")
        #expect(status["data-drawn"] == "8")
        #expect(status["data-errors"] == "0", "\(status["data-error-messages"] ?? "")")
        #expect(!dom.contains("<img src=\"x\""))
        #expect(!log.contains("Uncaught"))
    }

    @Test("a link to a feature shows all its properties, nested mention texts included")
    func detailsOfLinkedFeature() throws {
        // Feature 0 of the places layer is Sudzha (SampleMap.places).
        let (dom, _) = try Chromium.dumpDOM(ofPage: try HTMLViewerWriter().html(for: SampleMap.document()), fragment: "#feature=places/0")
        let start = try #require(dom.range(of: "<div id=\"details\">"))
        let details = String(dom[start.lowerBound...].prefix(4000))
        #expect(details.contains("Sudzha"))
        #expect(details.contains("Places in the report"))
        #expect(details.contains("<th>population</th><td>5,400</td>"))
        #expect(details.contains("<th>distance to border km</th><td>9.8</td>"))
        #expect(details.contains("troops entered Sudzha"))
        #expect(details.contains("<th>latitude</th><td>51.19140</td>"))
    }
}
