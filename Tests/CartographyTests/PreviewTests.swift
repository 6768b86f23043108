import Foundation
import GeoJSON
import Testing
@testable import Cartography

/// Writes the sample maps (`sample.svg`, `crowded.svg`, `index.html`) into `$CARTOGRAPHY_PREVIEW_DIR`
/// when that variable is set, for a person to look at; otherwise does nothing. With
/// `$CARTOGRAPHY_PREVIEW_COUNTRIES` naming a GeoJSON file of country polygons, those replace the
/// sample's hand-drawn ones.
@Test("preview files are written when asked for")
func writePreview() throws {
    let environment = ProcessInfo.processInfo.environment
    guard let dir = environment["CARTOGRAPHY_PREVIEW_DIR"] else { return }
    let url = URL(fileURLWithPath: dir, isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    var document = SampleMap.document()
    if let countries = environment["CARTOGRAPHY_PREVIEW_COUNTRIES"] {
        let features = try GeoJSONReader().features(contentsOf: URL(fileURLWithPath: countries))
        document.layers[0].features = FeatureCollection(features: features)
    }
    try SVGMapRenderer().render(document).write(to: url.appendingPathComponent("sample.svg"), atomically: true, encoding: .utf8)
    try HTMLViewerWriter().html(for: document).write(to: url.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
    var cluster: [Feature] = []
    for i in 0..<8 { for j in 0..<8 {
        cluster.append(SampleMap.point("Village \(i)-\(j)", 51.0 + 0.02 * Double(i), 35.0 + 0.02 * Double(j)))
    } }
    document.layers[4].features = FeatureCollection(features: cluster)
    try SVGMapRenderer().render(document).write(to: url.appendingPathComponent("crowded.svg"), atomically: true, encoding: .utf8)
}
